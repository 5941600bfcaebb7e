//! Group commit of the entries that are their transaction's only write: the audited reads
//! (opening a case). Each such entry used to take a transaction and a flush to disk of its
//! own, so a busy case page waited on the disk once per view. Entries that arrive while a
//! flush is under way now wait for the next transaction, which writes all of them with one
//! flush; every caller is answered only once its own entry is durable. Alone, an entry waits
//! for nothing but its own flush.
//!
//! No task runs between batches: the caller who finds no flush under way starts one, and
//! the flush goes on (in a task of its own, so that a caller who leaves cannot cut it short)
//! until nothing is waiting.

use super::{linked_entry, AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::ids::TeamId;
use spona_store::audit::{self, Entry};
use spona_store::rotation;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use tokio::sync::oneshot;

/// Most entries one transaction takes.
const BATCH_MOST: usize = 256;

/// The entries waiting for the next flush, and whether one is under way.
#[derive(Default)]
pub(crate) struct GroupCommit {
    state: Mutex<State>,
    /// Transactions written, for tests and measurements.
    batches: AtomicU64,
}

#[derive(Default)]
struct State {
    waiting: Vec<Waiting>,
    flushing: bool,
}

/// An entry as its caller gave it, owned, with where its answer goes.
struct Waiting {
    event: OwnedEvent,
    answer: oneshot::Sender<Result<(), AppError>>,
}

/// [`AuditEvent`] and [`Author`] owned, so that they outlive the caller's borrow.
struct OwnedEvent {
    team: Option<TeamId>,
    action: String,
    subject: String,
    subject_id: Option<i64>,
    reason: String,
    actor: Option<Actor>,
    label: String,
    address: String,
    at: i64,
}

impl OwnedEvent {
    fn new(by: Author<'_>, ev: AuditEvent<'_>, at: i64) -> OwnedEvent {
        OwnedEvent {
            team: ev.team,
            action: ev.action.to_string(),
            subject: ev.subject.to_string(),
            subject_id: ev.subject_id,
            reason: ev.reason.to_string(),
            actor: by.actor.cloned(),
            label: by.label.to_string(),
            address: by.address.to_string(),
            at,
        }
    }

    fn author(&self) -> Author<'_> {
        Author {
            actor: self.actor.as_ref(),
            label: &self.label,
            address: &self.address,
        }
    }

    fn event(&self) -> AuditEvent<'_> {
        AuditEvent {
            team: self.team,
            action: &self.action,
            subject: &self.subject,
            subject_id: self.subject_id,
            reason: &self.reason,
        }
    }
}

/// A flush under way; should it end other than by finding nothing left (a panic, the
/// runtime shutting down), the next caller starts a new one instead of waiting forever.
struct UnderWay<'a> {
    group: &'a GroupCommit,
    ended: bool,
}

impl Drop for UnderWay<'_> {
    fn drop(&mut self) {
        if !self.ended {
            if let Ok(mut state) = self.group.state.lock() {
                state.flushing = false;
            }
        }
    }
}

impl App {
    /// The transactions group commit has written so far (for tests and measurements).
    pub fn audit_batches_written(&self) -> u64 {
        self.group_commit.batches.load(Ordering::Relaxed)
    }

    /// Appends an entry that is the only write of its use case (an audited read), in a
    /// transaction shared with the entries of whoever else is waiting; returns once it is
    /// durable.
    pub(crate) async fn audit_alone(
        &self,
        by: Author<'_>,
        ev: AuditEvent<'_>,
    ) -> Result<(), AppError> {
        let (answer, answered) = oneshot::channel();
        let event = OwnedEvent::new(by, ev, self.now());
        let start = {
            let mut state = self
                .group_commit
                .state
                .lock()
                .map_err(|_| AppError::Internal("the audit queue is poisoned".into()))?;
            state.waiting.push(Waiting { event, answer });
            !std::mem::replace(&mut state.flushing, true)
        };
        if start {
            let app = self.clone();
            tokio::spawn(async move { app.flush_waiting().await });
        }
        answered
            .await
            .map_err(|_| AppError::Internal("the audit flush ended without an answer".into()))?
    }

    /// Writes the waiting entries batch by batch until none is left.
    async fn flush_waiting(&self) {
        let mut under_way = UnderWay {
            group: &self.group_commit,
            ended: false,
        };
        loop {
            let batch: Vec<Waiting> = {
                let Ok(mut state) = self.group_commit.state.lock() else {
                    return;
                };
                if state.waiting.is_empty() {
                    state.flushing = false;
                    under_way.ended = true;
                    return;
                }
                let n = state.waiting.len().min(BATCH_MOST);
                state.waiting.drain(..n).collect()
            };
            let events: Vec<&OwnedEvent> = batch.iter().map(|w| &w.event).collect();
            match self.write_batch(&events).await {
                Ok(()) => {
                    for w in batch {
                        let _ = w.answer.send(Ok(()));
                    }
                }
                // Each entry alone, so that each caller gets its own error (a full disk, a
                // database gone) and an entry that can be written still is.
                Err(_) => {
                    for w in batch {
                        let alone = self.write_batch(&[&w.event]).await;
                        let _ = w.answer.send(alone);
                    }
                }
            }
        }
    }

    /// One transaction with the entries in order, linked as [`App::audit`] links one.
    async fn write_batch(&self, events: &[&OwnedEvent]) -> Result<(), AppError> {
        let mut tx = self.db.begin().await?;
        let mut head = audit::head_for_update(&mut tx).await?;
        let mut keys = self.keys();
        if let Some(recorded) = rotation::key_check_under_head(&mut tx).await? {
            if recorded != keys.check() {
                keys = self.take_up_key(&recorded)?;
            }
        }
        let mut entries: Vec<Entry> = Vec::with_capacity(events.len());
        for e in events {
            let entry = linked_entry(&head, &keys.chain, e.at, e.author(), e.event());
            head.last_seq = entry.seq;
            head.last_hash.clone_from(&entry.hash);
            entries.push(entry);
        }
        audit::append_many(&mut tx, &entries).await?;
        tx.commit().await?;
        self.group_commit.batches.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
}
