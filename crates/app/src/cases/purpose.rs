//! A referral's purpose is free text that may name or describe the person ("answers to the
//! nickname …"), so it is personal data: sealed under the case's key, bound to its referral,
//! and opened only for a reader the referral shares parts with — the owning institution, the
//! receiver while the referral is live, a coordinator the owner assigned — never for the
//! coordinator who sees only that the case exists. Purposes written in plain text by earlier
//! releases are sealed when the application starts ([`App::seal_plain_purposes`]).

use super::parts::{open_at, seal_at};
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use serde::{Deserialize, Serialize};
use spona_crypto::fields::{DataKey, Place};
use spona_domain::cases::ReferralId;
use spona_domain::ids::TeamId;
use spona_store::referrals::{self, ReferralRow};

/// How many plain purposes one transaction of the start-up step seals.
const BATCH: i64 = 100;

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct SealedPurpose {
    text: String,
}

/// Where a referral's purpose is sealed: its own row, so it opens nowhere else.
fn place(referral: ReferralId) -> Place<'static> {
    Place {
        table: "referrals",
        column: "purpose",
        row: referral.0,
    }
}

/// The purpose sealed for its referral under the case's key.
pub(crate) fn seal(key: &DataKey, referral: ReferralId, text: &str) -> Result<String, AppError> {
    seal_at(
        key,
        place(referral),
        &SealedPurpose {
            text: text.to_string(),
        },
    )
}

impl App {
    /// The purpose of a stored referral for a reader it is shared with: opened from its
    /// sealed form, or, in a row an earlier release wrote and the start-up step has not yet
    /// sealed, as stored. The child protocol's referrals have none (their purpose is the
    /// protocol, said in words by the page).
    pub(crate) fn open_purpose(&self, r: &ReferralRow) -> Result<String, AppError> {
        if r.sealed_purpose.is_empty() {
            return Ok(if r.protocol != 0 {
                String::new()
            } else {
                r.purpose.clone()
            });
        }
        let key = self.case_key(r.case_id, &r.case_data_key)?;
        let opened: SealedPurpose = open_at(&key, place(r.id), &r.sealed_purpose)?;
        Ok(opened.text)
    }

    /// Seals every referral purpose still in plain text (written before purposes were
    /// sealed), a batch per transaction, each with an audit entry about its case; returns how
    /// many were sealed. Run at start, before the server serves; running it again, or on
    /// several instances at once, seals nothing twice.
    pub async fn seal_plain_purposes(&self) -> Result<u64, AppError> {
        let mut sealed = 0;
        loop {
            let batch = {
                let mut c = self.db.conn().await?;
                referrals::plain_purposes(&mut c, BATCH).await?
            };
            if batch.is_empty() {
                return Ok(sealed);
            }
            let keys = self.keys();
            let mut tx = self.db.begin().await?;
            let mut moved = 0;
            for p in &batch {
                let key = self.case_key(p.case_id, &p.case_data_key)?;
                let text = seal(&key, p.id, &p.purpose)?;
                if referrals::replace_plain_purpose(&mut tx, p.id, &p.purpose, &text).await? {
                    let event = AuditEvent::about(
                        Some(TeamId(p.team_id)),
                        "referral-purpose-sealed",
                        "case",
                        p.case_id.0,
                    );
                    self.audit_under(&mut tx, &keys, Author::anonymous("upgrade", ""), event)
                        .await?;
                    moved += 1;
                }
            }
            tx.commit().await?;
            // A batch another instance sealed first is simply not read again.
            sealed += moved;
        }
    }
}
