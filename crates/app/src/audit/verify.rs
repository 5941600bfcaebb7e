//! Walking the audit chain: the first altered, inserted or deleted entry is reported. Each
//! entry is checked with the chain key of its epoch: the key in force for entries since the
//! last key rotation, the sealed keys of ended epochs for those before. The walk is fed entry
//! by entry, so the same check runs over the database (`verify_audit`) and over a backup's
//! rows before a restore keeps them.

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
}

/// The outcome of a verification.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditReport {
    /// Entries checked.
    pub entries: i64,
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
        }
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
        self.prev = e.hash.clone();
        self.expected_seq += 1;
        self.entries += 1;
        Ok(())
    }

    /// Entries checked so far.
    pub(crate) fn entries(&self) -> i64 {
        self.entries
    }

    /// The report once every entry was fed: the chain must end at its recorded head.
    pub(crate) fn end(self, head: &Head) -> AuditReport {
        let last_seq = self.expected_seq - 1;
        let first_break = if head.last_seq != last_seq || head.last_hash != self.prev {
            Some(Break::Truncated {
                last_seq,
                head_seq: head.last_seq,
            })
        } else {
            None
        };
        AuditReport {
            entries: self.entries,
            first_break,
        }
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
        let keys = self.keys();
        let mut c = self.db().conn().await?;
        let mut walk = ChainWalk::new(&keys.chain);
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
                        first_break: Some(first_break),
                    });
                }
            }
        }
        let head = audit::head(&mut c).await?;
        Ok(walk.end(&head))
    }
}
