//! Walking the audit chain: the first altered, inserted or deleted entry is reported. Each
//! entry is checked with the chain key of its epoch: the key in force for entries since the
//! last key rotation, the sealed keys of ended epochs for those before.

use super::hashed_fields;
use crate::keys::epoch_place;
use crate::{App, AppError};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use spona_crypto::chain::ChainKey;
use spona_store::{audit, rotation};

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
        // Ended epochs, oldest first: (last entry, chain key).
        let mut ended = Vec::new();
        for epoch in rotation::epochs(&mut c).await? {
            let place = epoch_place(epoch.until_seq);
            let key = STANDARD
                .decode(&epoch.chain_key)
                .ok()
                .and_then(|sealed| ChainKey::open_under(&keys.wrapper, &sealed, place).ok())
                .ok_or_else(|| {
                    AppError::Internal(format!(
                        "the audit chain key of entries up to {} does not open with the master \
                         key in force (altered, or the key is not the database's)",
                        epoch.until_seq
                    ))
                })?;
            ended.push((epoch.until_seq, key));
        }
        let mut epoch = 0;
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
                while ended.get(epoch).is_some_and(|(until, _)| *until < e.seq) {
                    epoch += 1;
                }
                let chain = ended.get(epoch).map_or(&keys.chain, |(_, key)| key);
                let fields = hashed_fields(&e);
                let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
                if e.prev_hash != prev || chain.link(&prev, &refs) != e.hash {
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
