//! Walking the audit chain: the first altered, inserted or deleted entry is reported. Each
//! entry is checked with the chain key of its epoch: the key in force for entries since the
//! last key rotation, the sealed keys of ended epochs for those before. The walk is fed entry
//! by entry, so the same check runs over the database (`verify_audit`) and over a backup's
//! rows before a restore keeps them.

use super::checkpoint::Checkpoint;
use super::hashed_fields;
use crate::keys::epoch_place;
use crate::{App, AppError, Keyring};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use spona_crypto::chain::ChainKey;
use spona_store::audit::{self, Entry, Head};
use spona_store::rotation;

/// Where the chain breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Break {
    /// The entry's content or hash does not match its place in the chain.
    Altered { seq: i64 },
    /// An entry is missing before this one (deleted).
    Missing { seq: i64 },
    /// Entries at the end were removed: the chain ends before its recorded head.
    Truncated { last_seq: i64, head_seq: i64 },
    /// The chain ends before an entry a checkpoint saw: entries at the end were removed and
    /// the head moved back with them (or the database was rolled back to an older copy).
    BehindCheckpoint {
        checkpoint_seq: i64,
        checkpoint_at: i64,
        last_seq: i64,
    },
    /// An entry differs from the one a checkpoint saw at its place: the end of the trail was
    /// replaced (rolled back, then written anew).
    DiffersFromCheckpoint { seq: i64, checkpoint_at: i64 },
    /// A checkpoint that this deployment's keys did not seal (made up, or another's).
    UnsealedCheckpoint { seq: i64, checkpoint_at: i64 },
    /// The trail is empty, though the database holds records (every one of them was made
    /// with an entry).
    Emptied,
}

/// A break in words, for the operator (`spona audit verify`, a refused restore).
impl std::fmt::Display for Break {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let when = |at: &i64| {
            time::OffsetDateTime::from_unix_timestamp(*at)
                .ok()
                .and_then(|t| {
                    t.format(&time::format_description::well_known::Rfc3339)
                        .ok()
                })
                .unwrap_or_else(|| at.to_string())
        };
        match self {
            Break::Altered { seq } => write!(f, "entry {seq} was altered or inserted"),
            Break::Missing { seq } => write!(f, "entry {seq} is missing (deleted)"),
            Break::Truncated { last_seq, head_seq } => write!(
                f,
                "entries {} to {head_seq} are missing (deleted at the end)",
                last_seq + 1
            ),
            Break::BehindCheckpoint {
                checkpoint_seq,
                checkpoint_at,
                last_seq,
            } => write!(
                f,
                "the trail ends at entry {last_seq}, but the checkpoint of {} saw entry \
                 {checkpoint_seq}: entries at the end were removed and the head moved back, or \
                 the database was rolled back to an older copy",
                when(checkpoint_at)
            ),
            Break::DiffersFromCheckpoint { seq, checkpoint_at } => write!(
                f,
                "entry {seq} is not the one the checkpoint of {} saw: the end of the trail was \
                 rolled back and written anew",
                when(checkpoint_at)
            ),
            Break::UnsealedCheckpoint { seq, checkpoint_at } => write!(
                f,
                "the checkpoint of {} (entry {seq}) was not sealed by this deployment's keys: it \
                 was made up or belongs to another deployment",
                when(checkpoint_at)
            ),
            Break::Emptied => write!(
                f,
                "the trail is empty, though the database holds records: it was emptied"
            ),
        }
    }
}

/// The outcome of a verification.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditReport {
    /// Entries checked.
    pub entries: i64,
    /// Checkpoints the trail was held against.
    pub checkpoints: usize,
    /// The first break, if any.
    pub first_break: Option<Break>,
}

/// A walk along the chain, one entry at a time in sequence order.
pub(crate) struct ChainWalk<'k> {
    current: &'k ChainKey,
    /// Ended epochs, oldest first: the last entry of each and its chain key.
    ended: Vec<(i64, ChainKey)>,
    epoch: usize,
    expected_seq: i64,
    prev: String,
    entries: i64,
    /// Checkpoints to hold the trail against, each with the hash found at its place.
    checkpoints: Vec<(Checkpoint, Option<String>)>,
}

impl<'k> ChainWalk<'k> {
    /// A walk from the chain's start, with the chain key in force.
    pub(crate) fn new(current: &'k ChainKey) -> Self {
        ChainWalk {
            current,
            ended: Vec::new(),
            epoch: 0,
            expected_seq: 1,
            prev: String::new(),
            entries: 0,
            checkpoints: Vec::new(),
        }
    }

    /// A checkpoint the trail must agree with; given before the first entry.
    pub(crate) fn checkpoint(&mut self, checkpoint: Checkpoint) {
        self.checkpoints.push((checkpoint, None));
    }

    /// The chain key entry `seq` was (or would be) linked with.
    fn key_for(&self, seq: i64) -> &ChainKey {
        self.ended
            .iter()
            .find(|(until, _)| seq <= *until)
            .map_or(self.current, |(_, key)| key)
    }

    /// An ended epoch: entries up to `until_seq` (after the previous epoch's) were linked
    /// with `key`. Epochs are given before the first entry.
    pub(crate) fn ended_epoch(&mut self, until_seq: i64, key: ChainKey) {
        self.ended.push((until_seq, key));
        self.ended.sort_by_key(|(until, _)| *until);
    }

    /// Checks the next entry; the first break ends the walk.
    pub(crate) fn step(&mut self, e: &Entry) -> Result<(), Break> {
        if e.seq != self.expected_seq {
            return Err(Break::Missing {
                seq: self.expected_seq,
            });
        }
        while self
            .ended
            .get(self.epoch)
            .is_some_and(|(until, _)| *until < e.seq)
        {
            self.epoch += 1;
        }
        let chain = self
            .ended
            .get(self.epoch)
            .map_or(self.current, |(_, key)| key);
        let fields = hashed_fields(e);
        let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
        if e.prev_hash != self.prev || chain.link(&self.prev, &refs) != e.hash {
            return Err(Break::Altered { seq: e.seq });
        }
        for (checkpoint, found) in &mut self.checkpoints {
            if checkpoint.seq == e.seq {
                *found = Some(e.hash.clone());
            }
        }
        self.prev = e.hash.clone();
        self.expected_seq += 1;
        self.entries += 1;
        Ok(())
    }

    /// Entries checked so far.
    pub(crate) fn entries(&self) -> i64 {
        self.entries
    }

    /// The report once every entry was fed: the chain must end at its recorded head and
    /// agree with every checkpoint.
    pub(crate) fn end(self, head: &Head) -> AuditReport {
        let last_seq = self.expected_seq - 1;
        let first_break = if head.last_seq != last_seq || head.last_hash != self.prev {
            Some(Break::Truncated {
                last_seq,
                head_seq: head.last_seq,
            })
        } else {
            self.checkpoint_break(last_seq)
        };
        AuditReport {
            entries: self.entries,
            checkpoints: self.checkpoints.len(),
            first_break,
        }
    }

    /// The first checkpoint the walked trail disagrees with, oldest first.
    fn checkpoint_break(&self, last_seq: i64) -> Option<Break> {
        let mut checkpoints: Vec<&(Checkpoint, Option<String>)> = self.checkpoints.iter().collect();
        checkpoints.sort_by_key(|(c, _)| (c.seq, c.at));
        for (checkpoint, found) in checkpoints {
            let (seq, checkpoint_at) = (checkpoint.seq, checkpoint.at);
            if !checkpoint.sealed_by(self.key_for(seq)) {
                return Some(Break::UnsealedCheckpoint { seq, checkpoint_at });
            }
            if seq == 0 {
                continue;
            }
            if seq > last_seq {
                return Some(Break::BehindCheckpoint {
                    checkpoint_seq: seq,
                    checkpoint_at,
                    last_seq,
                });
            }
            if found.as_deref() != Some(checkpoint.hash.as_str()) {
                return Some(Break::DiffersFromCheckpoint { seq, checkpoint_at });
            }
        }
        None
    }
}

/// The chain key of an ended epoch, opened from its sealed form with the master key in
/// force; the message says why it does not open.
pub(crate) fn open_epoch_key(
    keys: &Keyring,
    until_seq: i64,
    sealed: &str,
) -> Result<ChainKey, String> {
    STANDARD
        .decode(sealed)
        .ok()
        .and_then(|bytes| ChainKey::open_under(&keys.wrapper, &bytes, epoch_place(until_seq)).ok())
        .ok_or_else(|| {
            format!(
                "the audit chain key of entries up to {until_seq} does not open with the master \
                 key in force (altered, or the key is not the database's)"
            )
        })
}

impl App {
    /// Recomputes the whole chain, page by page, and reports the first break.
    pub async fn verify_audit(&self) -> Result<AuditReport, AppError> {
        self.verify_audit_against(&[]).await
    }

    /// Recomputes the whole chain and holds it against checkpoints kept outside the
    /// database: a trail cut or rolled back behind one of them, or emptied, is a break.
    pub async fn verify_audit_against(
        &self,
        checkpoints: &[Checkpoint],
    ) -> Result<AuditReport, AppError> {
        let keys = self.keys();
        let mut c = self.db().conn().await?;
        let mut walk = ChainWalk::new(&keys.chain);
        for checkpoint in checkpoints {
            walk.checkpoint(checkpoint.clone());
        }
        for epoch in rotation::epochs(&mut c).await? {
            let key = open_epoch_key(&keys, epoch.until_seq, &epoch.chain_key)
                .map_err(AppError::Internal)?;
            walk.ended_epoch(epoch.until_seq, key);
        }
        let mut after = 0;
        loop {
            let page = audit::after(&mut c, after, 1000).await?;
            let Some(last) = page.last() else {
                break;
            };
            after = last.seq;
            for e in &page {
                if let Err(first_break) = walk.step(e) {
                    return Ok(AuditReport {
                        entries: walk.entries(),
                        checkpoints: checkpoints.len(),
                        first_break: Some(first_break),
                    });
                }
            }
        }
        let head = audit::head(&mut c).await?;
        drop(c);
        let mut report = walk.end(&head);
        if report.first_break.is_none() && report.entries == 0 && self.db.holds_data().await? {
            report.first_break = Some(Break::Emptied);
        }
        Ok(report)
    }
}
