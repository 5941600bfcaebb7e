//! Walking the audit chain: the first altered, inserted or deleted entry is reported.

use super::hashed_fields;
use crate::{App, AppError};
use spona_store::audit;

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

impl App {
    /// Recomputes the whole chain, page by page, and reports the first break.
    pub async fn verify_audit(&self) -> Result<AuditReport, AppError> {
        let keys = self.keys();
        let mut c = self.db().conn().await?;
        let mut expected_seq = 1;
        let mut prev = String::new();
        let mut entries = 0;
        loop {
            let page = audit::after(&mut c, expected_seq - 1, 1000).await?;
            if page.is_empty() {
                break;
            }
            for e in page {
                if e.seq != expected_seq {
                    return Ok(AuditReport {
                        entries,
                        first_break: Some(Break::Missing { seq: expected_seq }),
                    });
                }
                let fields = hashed_fields(&e);
                let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
                if e.prev_hash != prev || keys.chain.link(&prev, &refs) != e.hash {
                    return Ok(AuditReport {
                        entries,
                        first_break: Some(Break::Altered { seq: e.seq }),
                    });
                }
                prev = e.hash;
                expected_seq += 1;
                entries += 1;
            }
        }
        let head = audit::head(&mut c).await?;
        let first_break = if head.last_seq != expected_seq - 1 || head.last_hash != prev {
            Some(Break::Truncated {
                last_seq: expected_seq - 1,
                head_seq: head.last_seq,
            })
        } else {
            None
        };
        Ok(AuditReport {
            entries,
            first_break,
        })
    }
}
