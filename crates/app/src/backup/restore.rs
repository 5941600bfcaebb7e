//! Restoring a backup into an empty database of either engine. Everything that can be known
//! before the target is touched is checked first (the envelope, the format, the schema
//! version, the key against the manifest's key check, that the target is empty); then every
//! row goes in inside one transaction while the checksum, the row counts, the audit chain
//! and the case keys are verified, and only when all of them hold is it committed. A restore
//! that fails leaves the target as empty as it found it.

use super::archive::{Record, Source};
use super::checks::Checks;
use super::manifest::{Manifest, KEY_CHECK_MESSAGE};
use super::BackupError;
use crate::accounts::operator;
use crate::audit::{AuditEvent, Author};
use crate::{App, AuthSettings, Clock, Keyring, MasterKey};
use spona_crypto::archive::Unlock;
use spona_store::backup::{self, Column, Table};
use spona_store::Db;
use std::collections::BTreeMap;
use std::io::Read;
use std::sync::Arc;
use tokio::sync::mpsc;

/// What a restore needs besides the file.
pub struct RestoreRequest {
    /// The passphrase or identities that open the envelope.
    pub unlock: Unlock,
    /// The deployment's master key, if it has one; otherwise the backup's own (when it was
    /// taken with `--include-key`) is used.
    pub deployment_key: Option<MasterKey>,
    pub clock: Arc<dyn Clock>,
}

/// How far a restore has come: rows written, of all the backup holds.
pub type Progress<'a> = &'a (dyn Fn(u64, u64) + Send + Sync);

/// What was restored.
#[derive(Debug)]
pub struct Restored {
    /// The engine the backup came from.
    pub engine: String,
    pub taken_at: time::OffsetDateTime,
    /// The backup's schema version (the database is migrated past it afterwards).
    pub schema_version: i64,
    pub rows: u64,
    pub audit_entries: i64,
    pub cases: u64,
    /// The master key from the backup, when the deployment had none: the caller must keep
    /// it, or the restored personal data cannot be read.
    pub key_from_backup: Option<MasterKey>,
}

/// Records waiting between the reading thread and the database.
const IN_FLIGHT: usize = 4;

/// Restores the backup `input` into the empty database `db`, then migrates it to this
/// build's schema.
pub async fn restore<R: Read + Send + 'static>(
    db: &Db,
    input: R,
    request: RestoreRequest,
    progress: Progress<'_>,
) -> Result<Restored, BackupError> {
    let (sender, mut records) = mpsc::channel(IN_FLIGHT);
    let unlock = request.unlock;
    tokio::task::spawn_blocking(move || read_records(&unlock, input, &sender));
    let manifest = match records.recv().await {
        Some(Ok(Record::Manifest(m))) => m,
        Some(Ok(_)) => {
            return Err(BackupError::Damaged(
                "it does not begin with a manifest".into(),
            ))
        }
        Some(Err(e)) => return Err(e),
        None => return Err(BackupError::Interrupted),
    };
    check_schema_version(db, &manifest)?;
    let (master, key_from_backup) = match (request.deployment_key, &manifest.master_key) {
        (Some(key), _) => (key, false),
        (None, Some(included)) => (
            MasterKey::from_base64(&included.0)
                .ok_or_else(|| BackupError::Damaged("its included key is not a key".into()))?,
            true,
        ),
        (None, None) => return Err(BackupError::NoKey),
    };
    let keys = Keyring::new(&master);
    if keys.chain.link("", &[KEY_CHECK_MESSAGE]) != manifest.key_check {
        return Err(BackupError::WrongKey(
            "it is not the key of the deployment the backup was taken from".into(),
        ));
    }
    let target = prepare_target(db, &manifest).await?;

    let mut tx = db.begin().await?;
    backup::clear_initial_rows(&mut tx).await?;
    let mut checks = Checks::new(&keys);
    let total = manifest.total_rows();
    let mut done = 0u64;
    let mut counts: Vec<i64> = vec![0; manifest.tables.len()];
    // The table whose rows are arriving: its place in the manifest and its columns as the
    // backup orders them, with the target's kinds.
    let mut current: Option<(usize, Vec<String>, Vec<Column>)> = None;
    loop {
        let record = records.recv().await.ok_or(BackupError::Interrupted)??;
        match record {
            Record::Table { name, columns } => {
                let index = current.as_ref().map_or(0, |(i, _, _)| i + 1);
                let expected = manifest.tables.get(index).ok_or_else(|| {
                    BackupError::Damaged(format!("it holds a table {name} its manifest lacks"))
                })?;
                let listed: Vec<&str> = expected.columns.iter().map(|(c, _)| c.as_str()).collect();
                if expected.name != name || listed != columns {
                    return Err(BackupError::Damaged(format!(
                        "table {name} is not where its manifest puts it"
                    )));
                }
                let table = target
                    .get(&name)
                    .ok_or_else(|| mismatch(&manifest, format!("no table {name}")))?;
                let typed = columns
                    .iter()
                    .map(|c| {
                        table
                            .columns
                            .iter()
                            .find(|t| &t.name == c)
                            .cloned()
                            .ok_or_else(|| mismatch(&manifest, format!("no column {name}.{c}")))
                    })
                    .collect::<Result<Vec<Column>, _>>()?;
                current = Some((index, columns, typed));
            }
            Record::Rows(rows) => {
                let (index, names, columns) = current
                    .as_ref()
                    .ok_or_else(|| BackupError::Damaged("rows come before any table".into()))?;
                let table = &manifest.tables[*index].name;
                checks.rows(table, names, &rows)?;
                backup::insert_rows(&mut tx, table, columns, &rows).await?;
                counts[*index] += i64::try_from(rows.len()).unwrap_or(i64::MAX);
                done += rows.len() as u64;
                progress(done, total);
            }
            Record::Manifest(_) => {
                return Err(BackupError::Damaged("it holds a second manifest".into()))
            }
            Record::End => break,
        }
    }
    for (entry, count) in manifest.tables.iter().zip(&counts) {
        if entry.rows != *count {
            return Err(BackupError::Damaged(format!(
                "table {} holds {count} rows where its manifest says {}",
                entry.name, entry.rows
            )));
        }
    }
    let checked = checks.finish(&manifest)?;

    // The restored trail records the restore itself, chained to the backup's last entry.
    let app = App::new(
        db.clone(),
        request.clock,
        AuthSettings::default(),
        Keyring::new(&master),
    );
    let reason = format!(
        "{} {}",
        manifest.engine,
        manifest
            .taken_at
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default()
    );
    let console = operator();
    let event = AuditEvent {
        team: None,
        action: "backup-restored",
        subject: "database",
        subject_id: None,
        reason: &reason,
    };
    app.audit(&mut tx, Author::of(&console), event).await?;
    backup::continue_sequences(&mut tx).await?;
    tx.commit().await?;
    progress(total, total);
    db.migrate().await?;
    db.gather_statistics().await?;
    Ok(Restored {
        engine: manifest.engine.clone(),
        taken_at: manifest.taken_at,
        schema_version: manifest.schema_version,
        rows: done,
        audit_entries: checked.audit_entries,
        cases: checked.cases,
        key_from_backup: key_from_backup.then_some(master),
    })
}

/// The reading thread: opens the envelope and sends records until the end or the first
/// error (or until nobody listens any more).
fn read_records<R: Read>(
    unlock: &Unlock,
    input: R,
    sender: &mpsc::Sender<Result<Record, BackupError>>,
) {
    let mut source = match Source::open(unlock, input) {
        Ok(source) => source,
        Err(e) => {
            let _ = sender.blocking_send(Err(e));
            return;
        }
    };
    loop {
        let record = source.next_record();
        let last = !matches!(
            record,
            Ok(Record::Manifest(_) | Record::Table { .. } | Record::Rows(_))
        );
        if sender.blocking_send(record).is_err() || last {
            return;
        }
    }
}

/// A backup from a schema this build does not know is refused before anything is touched.
fn check_schema_version(db: &Db, manifest: &Manifest) -> Result<(), BackupError> {
    let known = Db::migration_versions(db.backend());
    if manifest.migrations.iter().any(|v| !known.contains(v)) {
        return Err(BackupError::NewerSchema {
            backup: manifest.schema_version,
            known: known.last().copied().unwrap_or(0),
        });
    }
    Ok(())
}

/// Checks that the target is empty and no newer than the backup, migrates it to the
/// backup's schema version, and returns its tables to compare with the backup's.
async fn prepare_target(
    db: &Db,
    manifest: &Manifest,
) -> Result<BTreeMap<String, Table>, BackupError> {
    let backend = db.backend();
    let mut c = db.conn().await?;
    if let Some(table) = backup::holding_data(&mut c, backend).await? {
        return Err(BackupError::TargetNotEmpty(table));
    }
    let applied = backup::applied_migrations(&mut c, backend).await?;
    if let Some(newer) = applied.iter().find(|v| !manifest.migrations.contains(v)) {
        return Err(BackupError::TargetNewer {
            target: *applied.last().unwrap_or(newer),
            backup: manifest.schema_version,
        });
    }
    drop(c);
    backup::migrate_to(db, &manifest.migrations).await?;
    let mut c = db.conn().await?;
    let tables: BTreeMap<String, Table> = backup::tables(&mut c, backend)
        .await?
        .into_iter()
        .map(|t| (t.name.clone(), t))
        .collect();
    // Same tables, same columns, same kinds: otherwise some value would have nowhere to go.
    for entry in &manifest.tables {
        let table = tables
            .get(&entry.name)
            .ok_or_else(|| mismatch(manifest, format!("no table {}", entry.name)))?;
        let mut theirs: Vec<(&str, &str)> = entry
            .columns
            .iter()
            .map(|(c, k)| (c.as_str(), k.as_str()))
            .collect();
        let mut ours: Vec<(&str, &str)> = table
            .columns
            .iter()
            .map(|c| (c.name.as_str(), c.kind.code()))
            .collect();
        theirs.sort_unstable();
        ours.sort_unstable();
        if theirs != ours {
            return Err(mismatch(
                manifest,
                format!("the columns of {} differ", entry.name),
            ));
        }
    }
    if let Some(extra) = tables
        .keys()
        .find(|name| !manifest.tables.iter().any(|t| &&t.name == name))
    {
        return Err(mismatch(
            manifest,
            format!("the backup lacks table {extra}"),
        ));
    }
    Ok(tables)
}

fn mismatch(manifest: &Manifest, detail: String) -> BackupError {
    BackupError::SchemaMismatch {
        version: manifest.schema_version,
        detail,
    }
}
