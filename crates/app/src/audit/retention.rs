//! The audit trail under the retention schedule, with its chain kept verifiable.
//!
//! Old entries are removed from the start of the chain only, counted per month and action
//! first; the chain then starts at an anchor: the last removed entry's number and hash, which
//! the first entry kept links to. Sign-in entries keep their place, but who signed in and from
//! where is erased. Both are sealed with the chain key of the entry's epoch, so that someone
//! with the database but without the key can neither cut the chain's start unseen nor pass
//! an altered entry off as erased.

use super::{verify::open_epoch_key, ChainWalk};
use crate::{App, AppError};
use spona_crypto::chain::ChainKey;
use spona_domain::retention::month_of;
use spona_store::audit::{self, Entry};
use spona_store::audit_pruning::{self, AggregateRow, AnchorRow};
use spona_store::{rotation, Tx};
use std::collections::BTreeMap;

/// The seal of an anchor.
pub(crate) fn anchor_seal(chain: &ChainKey, until_seq: i64, hash: &str, removed_at: i64) -> String {
    chain.link(
        "audit-anchor",
        &[&until_seq.to_string(), hash, &removed_at.to_string()],
    )
}

/// The seal of an erased entry: over what the erasure keeps of it.
pub(crate) fn erasure_seal(chain: &ChainKey, e: &Entry) -> String {
    let team = e.team_id.map(|t| t.to_string()).unwrap_or_default();
    chain.link(
        "audit-erasure",
        &[
            &e.seq.to_string(),
            &e.hash,
            &e.at.to_string(),
            &team,
            &e.action,
            &e.subject,
        ],
    )
}

/// What the chain's start and erasures are, for a walk.
pub(crate) async fn prepare_walk(
    c: &mut spona_store::Connection,
    walk: &mut ChainWalk<'_>,
) -> Result<(), AppError> {
    if let Some(anchor) = audit_pruning::anchor(c).await? {
        walk.anchor(anchor);
    }
    for erased in audit_pruning::erasures(c).await? {
        walk.erased(erased.seq, erased.seal);
    }
    Ok(())
}

/// The chain keys by epoch: the key an entry was linked with.
struct EpochKeys {
    current: std::sync::Arc<crate::Keyring>,
    ended: Vec<(i64, ChainKey)>,
}

impl EpochKeys {
    async fn load(app: &App, c: &mut spona_store::Connection) -> Result<EpochKeys, AppError> {
        let current = app.keys();
        let mut ended = Vec::new();
        for epoch in rotation::epochs(c).await? {
            let key = open_epoch_key(&current, epoch.until_seq, &epoch.chain_key)
                .map_err(AppError::Internal)?;
            ended.push((epoch.until_seq, key));
        }
        Ok(EpochKeys { current, ended })
    }

    fn for_seq(&self, seq: i64) -> &ChainKey {
        self.ended
            .iter()
            .find(|(until, _)| seq <= *until)
            .map_or(&self.current.chain, |(_, key)| key)
    }
}

/// How many entries a removal at `cutoff` would take (those before the cutoff, from the
/// chain's start), and the last of them.
pub(crate) async fn removable(
    c: &mut spona_store::Connection,
    cutoff: i64,
) -> Result<(i64, Option<Entry>), AppError> {
    let Some(last) = audit_pruning::last_before(c, cutoff).await? else {
        return Ok((0, None));
    };
    let from = audit_pruning::anchor(c).await?.map_or(0, |a| a.until_seq);
    Ok((last.seq - from, Some(last)))
}

impl App {
    /// Removes the entries written before `cutoff` from the chain's start, inside the caller's
    /// transaction (which holds the chain's head): counts them, moves the anchor, and returns
    /// how many went. The caller appends its own entry after.
    pub(crate) async fn remove_old_entries(
        &self,
        tx: &mut Tx,
        cutoff: i64,
    ) -> Result<i64, AppError> {
        audit::head_for_update(tx).await?;
        let (_, Some(last)) = removable(tx, cutoff).await? else {
            return Ok(0);
        };
        let mut counts: BTreeMap<(String, String, String), i64> = BTreeMap::new();
        let mut after = audit_pruning::anchor(tx).await?.map_or(0, |a| a.until_seq);
        while after < last.seq {
            let page = audit::after(tx, after, 1000).await?;
            let Some(end) = page.last().map(|e| e.seq) else {
                break;
            };
            for e in page.iter().filter(|e| e.seq <= last.seq) {
                *counts
                    .entry((month_of(e.at), e.action.clone(), e.subject.clone()))
                    .or_default() += 1;
            }
            after = end;
        }
        for ((month, action, subject), entries) in counts {
            let row = AggregateRow {
                month,
                action,
                subject,
                entries,
            };
            audit_pruning::count_in(tx, &row).await?;
        }
        let keys = EpochKeys::load(self, tx).await?;
        let removed_at = self.now();
        let anchor = AnchorRow {
            until_seq: last.seq,
            seal: anchor_seal(keys.for_seq(last.seq), last.seq, &last.hash, removed_at),
            last_hash: last.hash,
            removed_at,
        };
        Ok(audit_pruning::remove_through(tx, &anchor).await?)
    }

    /// Erases who and from where of the sign-in entries written before `cutoff`, inside the
    /// caller's transaction; returns how many.
    pub(crate) async fn erase_sign_ins(&self, tx: &mut Tx, cutoff: i64) -> Result<i64, AppError> {
        audit::head_for_update(tx).await?;
        let due = audit_pruning::sign_ins_before(tx, cutoff).await?;
        let keys = EpochKeys::load(self, tx).await?;
        for e in &due {
            let seal = erasure_seal(keys.for_seq(e.seq), e);
            audit_pruning::erase(tx, e.seq, &seal).await?;
        }
        Ok(i64::try_from(due.len()).unwrap_or(i64::MAX))
    }
}
