//! Walking the audit chain: the first altered, inserted or deleted entry is reported. The
//! walk is fed entry by entry, so the same check runs over the database (`verify_audit`)
//! and over a backup's rows before a restore keeps them.

use super::hashed_fields;
use crate::{App, AppError};
use spona_crypto::chain::ChainKey;
use spona_store::audit::{self, Entry, Head};

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
    chain: &'k ChainKey,
    expected_seq: i64,
    prev: String,
    entries: i64,
}

impl<'k> ChainWalk<'k> {
    /// A walk from the chain's start.
    pub(crate) fn new(chain: &'k ChainKey) -> Self {
        ChainWalk {
            chain,
            expected_seq: 1,
            prev: String::new(),
            entries: 0,
        }
    }

    /// Checks the next entry; the first break ends the walk.
    pub(crate) fn step(&mut self, e: &Entry) -> Result<(), Break> {
        if e.seq != self.expected_seq {
            return Err(Break::Missing {
                seq: self.expected_seq,
            });
        }
        let fields = hashed_fields(e);
        let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
        if e.prev_hash != self.prev || self.chain.link(&self.prev, &refs) != e.hash {
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

impl App {
    /// Recomputes the whole chain, page by page, and reports the first break.
    pub async fn verify_audit(&self) -> Result<AuditReport, AppError> {
        let mut walk = ChainWalk::new(&self.keys().chain);
        let mut c = self.db().conn().await?;
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
