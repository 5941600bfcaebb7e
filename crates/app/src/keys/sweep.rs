//! The sweep of a rotation: every case gets, beside its current values, its data key wrapped
//! under the next master key and its blind index under the next blind key (recomputed from
//! its sealed identity, opened with its data key). Small transactions in id order; a case
//! changed meanwhile is left for another pass; cases added during the sweep are reached at
//! its end. Stopping at any point (Ctrl-C, a kill) loses nothing but the transaction under
//! way, and a sweep run again continues with the cases that lack their next values.

use crate::cases::parts::{self, key_place, IdentityPart};
use crate::{App, AppError};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use spona_crypto::keyring::Keyring;
use spona_crypto::keys::MasterKey;
use spona_domain::cases::{CaseId, Part};
use spona_store::rotation;
use std::sync::atomic::{AtomicBool, Ordering};

/// How many passes over the cases a sweep makes at most (each after the first redoes cases
/// edited behind it); the switch checks again anyway.
const PASSES: u32 = 5;

/// How a sweep may be held back.
#[derive(Clone, Copy, Debug)]
pub struct SweepControl<'a> {
    /// Cases per transaction.
    pub batch: i64,
    /// Stop after sweeping this many cases (an interrupted sweep, in tests).
    pub stop_after: Option<i64>,
    /// Stop after the transaction under way once this is set (Ctrl-C).
    pub stop: Option<&'a AtomicBool>,
}

impl Default for SweepControl<'_> {
    fn default() -> Self {
        SweepControl {
            batch: 100,
            stop_after: None,
            stop: None,
        }
    }
}

/// How a sweep ended, with the cases in all and those swept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SweepOutcome {
    /// Every case has its next values (or the passes ran out; the switch will tell).
    Done { cases: i64, swept: i64 },
    /// Stopped as asked; running the sweep again continues.
    Stopped { cases: i64, swept: i64 },
}

impl App {
    /// Sweeps the cases for the rotation to `next` recorded by [`App::begin_rotation`];
    /// `progress` is told (swept, cases) after each transaction.
    pub async fn sweep_rotation(
        &self,
        next: &MasterKey,
        control: SweepControl<'_>,
        progress: &(dyn Fn(i64, i64) + Sync),
    ) -> Result<SweepOutcome, AppError> {
        let current = self.keys();
        let next = Keyring::new(next);
        let counted = {
            let mut c = self.db.conn().await?;
            rotation::count(&mut c).await?
        };
        let (mut cases, mut swept) = (counted.cases, counted.swept);
        progress(swept, cases);
        let mut done_here = 0;
        let mut after = 0;
        let mut passes = 1;
        loop {
            let stopped = control.stop.is_some_and(|s| s.load(Ordering::Relaxed))
                || control.stop_after.is_some_and(|n| done_here >= n);
            if stopped {
                return Ok(SweepOutcome::Stopped { cases, swept });
            }
            let limit = match control.stop_after {
                Some(n) => control.batch.min(n - done_here),
                None => control.batch,
            }
            .max(1);
            let mut tx = self.db.begin().await?;
            match rotation::under_way(&mut tx).await? {
                Some(r) if r.next_check == next.check() => {}
                // Abandoned, or another rotation begun, while this one swept.
                _ => return Err(AppError::Conflict),
            }
            let rows = rotation::unswept_after(&mut tx, after, limit).await?;
            if rows.is_empty() {
                drop(tx);
                let mut c = self.db.conn().await?;
                let count = rotation::count(&mut c).await?;
                (cases, swept) = (count.cases, count.swept);
                progress(swept, cases);
                if swept >= cases || passes >= PASSES {
                    return Ok(SweepOutcome::Done { cases, swept });
                }
                // Cases edited behind the sweep lost their next values: another pass.
                passes += 1;
                after = 0;
                continue;
            }
            for row in rows {
                after = row.id;
                let (wrapped, index) = next_values(&current, &next, &row)?;
                if rotation::record_next(&mut tx, row.id, row.version, &wrapped, index.as_deref())
                    .await?
                {
                    done_here += 1;
                    swept += 1;
                }
            }
            tx.commit().await?;
            progress(swept, cases.max(swept));
        }
    }
}

/// A case's data key wrapped under the next key, and its person index under the next blind
/// key, from its values under the current key.
fn next_values(
    current: &Keyring,
    next: &Keyring,
    row: &rotation::SweepRow,
) -> Result<(String, Option<String>), AppError> {
    let unopenable = |what: &str| {
        AppError::Internal(format!(
            "case {}: its {what} does not open with the master key in force (altered?); the \
             rotation stops here and nothing of this case was changed",
            row.id
        ))
    };
    let case_id = CaseId(row.id);
    let key = parts::data_key(&current.wrapper, case_id, &row.data_key)
        .map_err(|_| unopenable("data key"))?;
    let identity: IdentityPart = parts::open(&key, Part::Identity, case_id, &row.identity)
        .map_err(|_| unopenable("identity"))?;
    let wrapped = STANDARD.encode(next.wrapper.wrap_key(&key, key_place(case_id)));
    Ok((wrapped, identity.person_index(&next.blind)))
}
