//! The audit trail: every change (and, for cases, every view) writes an entry in the same
//! transaction; entries form a keyed hash chain that `verify_audit` walks.
//!
//! The chain key comes from the master key, so a key rotation starts a new epoch: entries are
//! appended with the chain key of the key in force, and the recorded key check is read under
//! the chain head's lock, so that nothing is written with a key the database has moved away
//! from (the switch takes the same lock).

mod checkpoint;
mod group_commit;
mod retention;
mod verify;

pub use checkpoint::Checkpoint;
pub(crate) use group_commit::GroupCommit;
pub(crate) use retention::removable;
pub(crate) use verify::{open_epoch_key, ChainWalk};
pub use verify::{AuditReport, Break};

use crate::{App, AppError};
use spona_crypto::chain::ChainKey;
use spona_crypto::keyring::Keyring;
use spona_domain::access::Actor;
use spona_domain::ids::TeamId;
use spona_store::audit::{self, Entry, Head};
use spona_store::{rotation, Tx};

/// What happened, to what, and why (when a reason was asked).
#[derive(Clone, Copy, Debug)]
pub struct AuditEvent<'a> {
    pub team: Option<TeamId>,
    pub action: &'a str,
    pub subject: &'a str,
    pub subject_id: Option<i64>,
    pub reason: &'a str,
}

/// Who did it and from where.
#[derive(Clone, Copy, Debug)]
pub struct Author<'a> {
    pub actor: Option<&'a Actor>,
    /// The username, or "console" for the operator at the command line.
    pub label: &'a str,
    pub address: &'a str,
}

impl<'a> Author<'a> {
    /// A signed-in user, or the operator at the console.
    pub fn of(actor: &'a Actor) -> Author<'a> {
        Author {
            actor: Some(actor),
            label: if actor.user_id.0 > 0 { "" } else { "console" },
            address: &actor.address,
        }
    }

    /// Someone not signed in (a one-time link, a failed sign-in).
    pub fn anonymous(label: &'a str, address: &'a str) -> Author<'a> {
        Author {
            actor: None,
            label,
            address,
        }
    }
}

impl<'a> AuditEvent<'a> {
    /// An event about one record.
    pub fn about(team: Option<TeamId>, action: &'a str, subject: &'a str, subject_id: i64) -> Self {
        AuditEvent {
            team,
            action,
            subject,
            subject_id: Some(subject_id),
            reason: "",
        }
    }
}

/// The fields of an entry in the order they are hashed.
pub(crate) fn hashed_fields(e: &Entry) -> [String; 10] {
    let opt = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
    [
        e.seq.to_string(),
        e.at.to_string(),
        opt(e.team_id),
        opt(e.actor_id),
        e.actor_label.clone(),
        e.action.clone(),
        e.subject.clone(),
        opt(e.subject_id),
        e.reason.clone(),
        e.address.clone(),
    ]
}

impl App {
    /// Appends an entry to the trail inside the caller's transaction, with the chain key of
    /// the key in force. Nothing else in such a transaction used the master key, so if the
    /// database has just moved to a key at hand, that key is taken up and used here.
    pub(crate) async fn audit(
        &self,
        tx: &mut Tx,
        by: Author<'_>,
        ev: AuditEvent<'_>,
    ) -> Result<(), AppError> {
        let head = audit::head_for_update(tx).await?;
        let mut keys = self.keys();
        if let Some(recorded) = rotation::key_check_under_head(tx).await? {
            if recorded != keys.check() {
                keys = self.take_up_key(&recorded)?;
            }
        }
        append_linked(tx, &head, &keys.chain, self.now(), by, ev).await
    }

    /// Appends an entry for a transaction that sealed or indexed with `keys` (a report, an
    /// edit): refused when the database has moved to another key meanwhile, since what the
    /// transaction wrote would not open under the database's key.
    pub(crate) async fn audit_under(
        &self,
        tx: &mut Tx,
        keys: &Keyring,
        by: Author<'_>,
        ev: AuditEvent<'_>,
    ) -> Result<(), AppError> {
        let head = audit::head_for_update(tx).await?;
        if let Some(recorded) = rotation::key_check_under_head(tx).await? {
            if recorded != keys.check() {
                // Taken up (when at hand) for the next attempt; this one is refused.
                if recorded != self.keys().check() {
                    let _ = self.take_up_key(&recorded);
                }
                return Err(AppError::KeysUnavailable);
            }
        }
        append_linked(tx, &head, &keys.chain, self.now(), by, ev).await
    }
}

/// Appends an entry after `head`, linked with `chain`, and moves the head to it.
pub(crate) async fn append_linked(
    tx: &mut Tx,
    head: &Head,
    chain: &ChainKey,
    at: i64,
    by: Author<'_>,
    ev: AuditEvent<'_>,
) -> Result<(), AppError> {
    let entry = linked_entry(head, chain, at, by, ev);
    audit::append(tx, &entry).await?;
    Ok(())
}

/// One entry of a bulk append: who, what, and when.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Dated<'a> {
    pub by: Author<'a>,
    pub ev: AuditEvent<'a>,
    pub at: i64,
}

impl App {
    /// Appends entries in order inside the caller's transaction, linked exactly as
    /// [`App::audit`] links them one at a time, in multi-row statements (generated data).
    pub(crate) async fn audit_in_bulk(
        &self,
        tx: &mut Tx,
        items: &[Dated<'_>],
    ) -> Result<(), AppError> {
        let mut head = audit::head_for_update(tx).await?;
        let mut keys = self.keys();
        if let Some(recorded) = rotation::key_check_under_head(tx).await? {
            if recorded != keys.check() {
                keys = self.take_up_key(&recorded)?;
            }
        }
        let mut entries = Vec::with_capacity(items.len());
        for item in items {
            let entry = linked_entry(&head, &keys.chain, item.at, item.by, item.ev);
            head = Head {
                last_seq: entry.seq,
                last_hash: entry.hash.clone(),
            };
            entries.push(entry);
        }
        audit::append_many(tx, &entries).await?;
        Ok(())
    }
}

/// The entry that follows `head`, its hash linked with `chain`.
fn linked_entry(
    head: &Head,
    chain: &ChainKey,
    at: i64,
    by: Author<'_>,
    ev: AuditEvent<'_>,
) -> Entry {
    let mut entry = Entry {
        seq: head.last_seq + 1,
        at,
        team_id: ev.team.map(|t| t.0),
        actor_id: by.actor.map(|a| a.user_id.0).filter(|id| *id > 0),
        actor_label: by.label.to_string(),
        action: ev.action.to_string(),
        subject: ev.subject.to_string(),
        subject_id: ev.subject_id,
        reason: ev.reason.to_string(),
        address: by.address.to_string(),
        prev_hash: head.last_hash.clone(),
        hash: String::new(),
    };
    let fields = hashed_fields(&entry);
    let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
    entry.hash = chain.link(&head.last_hash, &refs);
    entry
}
