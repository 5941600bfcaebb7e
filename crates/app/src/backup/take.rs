//! Taking a backup while the deployment keeps working: the audit entry first (a backup reads
//! every record, so it is recorded before the first row is read, as exports are), then one
//! snapshot that every table is read in, a page at a time, handed through a bounded channel
//! to a writer thread that compresses and encrypts. Memory holds a few pages, not the
//! database.

use super::archive::{Lines, Sink};
use super::manifest::{ChainHead, IncludedKey, Manifest, TableEntry, FORMAT, KEY_CHECK_MESSAGE};
use super::BackupError;
use crate::accounts::operator;
use crate::audit::{AuditEvent, Author};
use crate::{App, MasterKey};
use spona_crypto::archive::Lock;
use spona_store::backup::{Pages, Snapshot};
use spona_store::Backend;
use std::io::Write;
use tokio::sync::mpsc;

/// Who asked for the backup; the audit entry says which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// The operator, with `spona backup`.
    Command,
    /// The server's schedule.
    Schedule,
}

/// What to back up and how to lock it.
pub struct BackupRequest<'a> {
    pub lock: &'a Lock,
    /// The master key to put inside the encryption: only when the operator asks for it.
    pub include_key: Option<&'a MasterKey>,
    pub trigger: Trigger,
}

/// What a finished backup holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupSummary {
    pub schema_version: i64,
    pub tables: usize,
    pub rows: u64,
    /// The audit chain's last entry in the snapshot (the backup's own entry).
    pub audit_seq: i64,
}

/// What travels from the database's side to the writer thread.
enum Chunk {
    Lines(Vec<u8>),
    End,
}

/// Batches in flight between the two sides; the reader waits when the writer lags.
const IN_FLIGHT: usize = 8;

impl App {
    /// Writes a backup of the whole database into `out`, returned when complete (the caller
    /// makes it durable and gives it its final name).
    pub async fn take_backup<W: Write + Send + 'static>(
        &self,
        out: W,
        request: BackupRequest<'_>,
    ) -> Result<(BackupSummary, W), BackupError> {
        self.record_backup(&request).await?;
        let (sender, receiver) = mpsc::channel::<Chunk>(IN_FLIGHT);
        let lock = request.lock.clone();
        let writer = tokio::task::spawn_blocking(move || write_archive(&lock, out, receiver));
        let read = self.read_snapshot(&request, &sender).await;
        match read {
            Ok(summary) => {
                // A closed channel means the writer already failed; its error says why.
                let _ = sender.send(Chunk::End).await;
                drop(sender);
                let out = joined(writer.await)?;
                Ok((summary, out))
            }
            Err(e) => {
                drop(sender);
                match joined(writer.await) {
                    Err(written) if !matches!(written, BackupError::Interrupted) => Err(written),
                    _ => Err(e),
                }
            }
        }
    }

    /// The audit entry of the backup, committed before anything is read.
    async fn record_backup(&self, request: &BackupRequest<'_>) -> Result<(), BackupError> {
        let console = operator();
        let by = match request.trigger {
            Trigger::Command => Author::of(&console),
            Trigger::Schedule => Author::anonymous("scheduler", "server"),
        };
        let event = AuditEvent {
            team: None,
            action: "backup-taken",
            subject: "database",
            subject_id: None,
            reason: if request.include_key.is_some() {
                "with-master-key"
            } else {
                ""
            },
        };
        let mut tx = self.db().begin().await?;
        self.audit(&mut tx, by, event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Reads every table in one snapshot and hands the lines to the writer.
    async fn read_snapshot(
        &self,
        request: &BackupRequest<'_>,
        sender: &mpsc::Sender<Chunk>,
    ) -> Result<BackupSummary, BackupError> {
        let backend = self.db().backend();
        let mut c = self.db().conn().await?;
        let mut snapshot = Snapshot::begin(&mut c, backend).await?;
        let tables = snapshot.tables().await?;
        let migrations = snapshot.migrations().await?;
        let head = snapshot.audit_head().await?;
        let mut entries = Vec::with_capacity(tables.len());
        for table in &tables {
            entries.push(TableEntry {
                name: table.name.clone(),
                columns: table
                    .columns
                    .iter()
                    .map(|c| (c.name.clone(), c.kind.code().to_string()))
                    .collect(),
                rows: snapshot.count(table).await?,
            });
        }
        let rows = entries
            .iter()
            .map(|t| u64::try_from(t.rows).unwrap_or(0))
            .sum();
        let summary = BackupSummary {
            schema_version: migrations.last().copied().unwrap_or(0),
            tables: tables.len(),
            rows,
            audit_seq: head.last_seq,
        };
        let manifest = Manifest {
            format: FORMAT,
            spona_version: env!("CARGO_PKG_VERSION").to_string(),
            engine: match backend {
                Backend::Sqlite => "sqlite",
                Backend::Postgres => "postgres",
            }
            .to_string(),
            schema_version: summary.schema_version,
            migrations,
            taken_at: time::OffsetDateTime::from_unix_timestamp(self.now())
                .unwrap_or(time::OffsetDateTime::UNIX_EPOCH),
            tables: entries,
            audit_head: ChainHead {
                last_seq: head.last_seq,
                last_hash: head.last_hash,
            },
            key_check: self.keys().chain.link("", &[KEY_CHECK_MESSAGE]),
            master_key: request
                .include_key
                .map(|k| IncludedKey(k.to_base64().to_string())),
        };
        let counts: Vec<i64> = manifest.tables.iter().map(|t| t.rows).collect();
        let mut lines = Lines::default();
        lines.manifest(manifest)?;
        for (table, counted) in tables.iter().zip(counts) {
            let columns = table.columns.iter().map(|c| c.name.clone()).collect();
            lines.table(&table.name, columns)?;
            let mut pages = Pages::of(table);
            let mut read = 0i64;
            loop {
                let page = snapshot.next_page(&mut pages).await?;
                if page.is_empty() {
                    break;
                }
                read += i64::try_from(page.len()).unwrap_or(i64::MAX);
                for row in &page {
                    lines.row(row)?;
                }
                if lines.is_full() {
                    hand_over(sender, lines.take()).await?;
                }
            }
            // Within one snapshot the count cannot change; a difference is a fault here.
            if read != counted {
                let why = format!("table {} gave {read} of its {counted} rows", table.name);
                return Err(BackupError::Store(spona_store::StoreError::Corrupt(why)));
            }
        }
        hand_over(sender, lines.take()).await?;
        snapshot.finish().await?;
        Ok(summary)
    }
}

async fn hand_over(sender: &mpsc::Sender<Chunk>, bytes: Vec<u8>) -> Result<(), BackupError> {
    sender
        .send(Chunk::Lines(bytes))
        .await
        .map_err(|_| BackupError::Interrupted)
}

/// The writer thread: until the end arrives; without it the envelope is left unfinished, so
/// the file can never pass for a complete backup.
fn write_archive<W: Write>(
    lock: &Lock,
    out: W,
    mut receiver: mpsc::Receiver<Chunk>,
) -> Result<W, BackupError> {
    let mut sink = Sink::new(lock, out)?;
    while let Some(chunk) = receiver.blocking_recv() {
        match chunk {
            Chunk::Lines(bytes) => sink.write(&bytes)?,
            Chunk::End => return sink.finish(),
        }
    }
    Err(BackupError::Interrupted)
}

fn joined<T>(
    result: Result<Result<T, BackupError>, tokio::task::JoinError>,
) -> Result<T, BackupError> {
    result.map_err(|e| BackupError::Io(std::io::Error::other(e.to_string())))?
}
