//! `spona demo`: the demonstration teams and accounts.

use crate::database;
use crate::problems;
use crate::settings::Settings;
use anyhow::Result;
use spona_app::demo::{DEMO_ACCOUNTS, DEMO_PASSWORD};

/// Seeds the demo (migrating first) and prints the sign-ins.
pub async fn run(settings: &Settings) -> Result<()> {
    let app = database::open_app(settings).await?;
    let seeded = app.seed_demo().await.map_err(problems::app)?;
    app.seed_demo_cases().await.map_err(problems::app)?;
    app.seed_demo_meetings().await.map_err(problems::app)?;
    if seeded {
        println!("The demo teams and accounts were added.");
    } else {
        println!("The demo was already there; nothing changed.");
    }
    print_sign_ins();
    app.db().close().await;
    Ok(())
}

/// Prints the demo accounts with their roles and teams, and their shared password.
pub fn print_sign_ins() {
    println!("Demo sign-ins, each with the password {DEMO_PASSWORD}:");
    for account in &DEMO_ACCOUNTS {
        println!(
            "  {:<16} {:<12} {}",
            account.username,
            account.role.code(),
            account.team.unwrap_or("(all teams)")
        );
    }
}
