//! The switch of a rotation: one transaction moves every case's next values into place,
//! wraps the data keys of sealed official files anew under the next master key (they are
//! few, so the sweep leaves them to the switch), keeps the ending audit epoch's chain key
//! sealed under the next master key (and seals the keys of earlier epochs anew under it),
//! records the next key's check value, ends the rotation, and appends "keys rotated" as the
//! first entry of the new epoch. The old master key is of no use to the database afterwards.
//!
//! It takes its locks in the order every audited write does (case rows, then the audit head),
//! and reads the number of cases again once it holds the head: a case added or edited by an
//! instance while the switch waited lacks its next values, and the switch is rolled back for
//! the sweep to make them.

use super::epoch_place;
use crate::audit::{append_linked, AuditEvent, Author};
use crate::{App, AppError};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use spona_crypto::chain::ChainKey;
use spona_crypto::keyring::Keyring;
use spona_crypto::keys::MasterKey;
use spona_store::{audit, rotation};

/// What a switch did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Switched {
    /// The database is under the next key now.
    Done {
        /// Cases whose values were moved into place.
        cases: i64,
        /// The last audit entry linked with the old chain key.
        epoch_until: i64,
    },
    /// Nothing changed: this many cases lack their next values (added or edited meanwhile).
    Lacking { cases: i64 },
}

impl App {
    /// Switches the database to `next`, whose rotation was begun and swept. The application
    /// takes up the next key itself once the switch is committed.
    pub async fn switch_keys(&self, next: &MasterKey) -> Result<Switched, AppError> {
        let old = self.keys();
        let next = Keyring::new(next);
        let now = self.now();
        let mut tx = self.db.begin().await?;
        match rotation::under_way(&mut tx).await? {
            Some(r) if r.next_check == next.check() => {}
            _ => return Err(AppError::Conflict),
        }
        let moved = rotation::move_next_into_place(&mut tx).await?;
        let head = audit::head_for_update(&mut tx).await?;
        if rotation::key_check_under_head(&mut tx).await?.as_deref() != Some(old.check()) {
            return Err(AppError::KeysUnavailable);
        }
        let cases = rotation::cases_now(&mut tx).await?;
        if moved != cases {
            return Ok(Switched::Lacking {
                cases: cases - moved,
            });
        }
        let epochs = rotation::epochs(&mut tx).await?;
        for epoch in &epochs {
            let place = epoch_place(epoch.until_seq);
            let chain = STANDARD
                .decode(&epoch.chain_key)
                .ok()
                .and_then(|sealed| ChainKey::open_under(&old.wrapper, &sealed, place).ok())
                .ok_or_else(|| {
                    AppError::Internal(format!(
                        "the audit chain key of entries up to {} does not open (altered?); \
                         nothing was switched",
                        epoch.until_seq
                    ))
                })?;
            let resealed = STANDARD.encode(chain.seal_under(&next.wrapper, place));
            rotation::reseal_epoch(&mut tx, epoch.until_seq, &resealed).await?;
        }
        let ended_before = epochs.last().map_or(0, |e| e.until_seq);
        if head.last_seq > ended_before {
            let place = epoch_place(head.last_seq);
            let sealed = STANDARD.encode(old.chain.seal_under(&next.wrapper, place));
            rotation::end_epoch(&mut tx, head.last_seq, &sealed, now).await?;
        }
        // Sealed official files have data keys of their own, wrapped anew here.
        crate::official_files::rewrap_sealed_files(&mut tx, &old, &next).await?;
        // So have the accounts' authenticator secrets.
        crate::auth::rewrap_second_factors(&mut tx, &old, &next).await?;
        rotation::finish(&mut tx, next.check()).await?;
        let by = Author::anonymous("console", "console");
        let event = AuditEvent {
            team: None,
            action: "keys-rotated",
            subject: "deployment",
            subject_id: None,
            reason: "",
        };
        append_linked(&mut tx, &head, &next.chain, now, by, event).await?;
        tx.commit().await?;
        self.keys.install(next);
        Ok(Switched::Done {
            cases: moved,
            epoch_until: head.last_seq,
        })
    }
}
