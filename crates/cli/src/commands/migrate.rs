//! `spona migrate`: bring the schema up to date.

use crate::database;
use crate::settings::Settings;
use anyhow::Result;
use spona_app::Db;

/// Migrates and prints the versions the database is now at.
pub async fn run(settings: &Settings) -> Result<()> {
    let db = database::open(settings).await?;
    let versions: Vec<String> = Db::migration_versions(db.backend())
        .iter()
        .map(i64::to_string)
        .collect();
    println!(
        "The database {} is up to date; migrations applied: {}",
        settings.database.redacted(),
        versions.join(", ")
    );
    db.close().await;
    Ok(())
}
