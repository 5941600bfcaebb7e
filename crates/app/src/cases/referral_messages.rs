//! Messages on a referral, kept in the case: the receiver's question to the referrer and the
//! answer, and the Centre's summary of its protection and assistance plan for the owner. The
//! text may describe the person, so it is sealed under the case's key, bound to its message,
//! and opened only for the referral's two sides.

use super::parts::{open_at, seal_at};
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use serde::{Deserialize, Serialize};
use spona_crypto::fields::{DataKey, Place};
use spona_domain::access::{receiving, team_cases, Actor};
use spona_domain::cases::referral_message::{may_write, MessageKind, Side};
use spona_domain::cases::{CaseId, ReferralId, ReferralStatus};
use spona_domain::ids::InstitutionId;
use spona_domain::registry::InstitutionKind;
use spona_domain::text;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::alerts::Recipient;
use spona_store::referral_messages::{self, MessageRow, NewMessage};
use spona_store::{institutions, referrals};

/// The longest message.
pub const MESSAGE_MAX: usize = 2000;

/// A message as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct MessageForm {
    /// "question", "answer" or "plan".
    pub kind: String,
    pub text: String,
}

/// A message as the case page shows it.
#[derive(Clone, Debug)]
pub struct MessageView {
    pub kind: MessageKind,
    pub from_short: String,
    pub text: String,
    pub written_at: i64,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct SealedText {
    text: String,
}

/// Where a message's text is sealed: its own row.
fn place(id: i64) -> Place<'static> {
    Place {
        table: "referral_messages",
        column: "text",
        row: id,
    }
}

impl App {
    /// Writes a message on a referral, as its receiver (a question, or the Centre's plan) or
    /// as the case's owner (an answer); the other side is told. Returns the case.
    pub async fn write_on_referral(
        &self,
        actor: &Actor,
        id: ReferralId,
        form: &MessageForm,
    ) -> Result<CaseId, AppError> {
        let mut tx = self.db.begin().await?;
        // The referral of the own team, or one sent to the actor's institution by another.
        let own = team_cases(actor)?;
        let r = match referrals::find(&mut tx, &own, id).await? {
            Some(r) => r,
            None => {
                let receiver = receiving(actor).map_err(|_| AppError::NotFound)?;
                referrals::find_received(&mut tx, &receiver, id)
                    .await?
                    .ok_or(AppError::NotFound)?
            }
        };
        let (desk, row) = super::case_desk(&mut tx, actor, r.case_id).await?;
        let case_referrals = referrals::for_case(&mut tx, &desk, r.case_id).await?;
        let access = super::access_to(actor, &row, &case_referrals);
        let mine = actor.institution_id.map(|i| i.0);
        let side = if access.works_on() {
            Side::Owner
        } else if mine == Some(r.to_institution_id) && access.opens() {
            Side::Receiver
        } else if access.opens() {
            return Err(AppError::Forbidden);
        } else {
            return Err(super::not_opened(actor));
        };
        spona_domain::access::cases_section(actor)?;
        let mut e = FieldErrors::new();
        let kind = e.check(
            "kind",
            MessageKind::from_code(&form.kind).ok_or(FieldError::Unknown),
        );
        let body = e.check("text", text::required(&form.text, MESSAGE_MAX));
        let (Some(kind), Some(body), true) = (kind, body, e.is_empty()) else {
            return Err(AppError::Invalid(e));
        };
        let status = ReferralStatus::from_code(&r.status)
            .ok_or_else(|| AppError::Internal(format!("referral status {:?}", r.status)))?;
        let to_centre = r.to_kind == InstitutionKind::IdentificationCentre.code();
        let earlier = referral_messages::for_case(&mut tx, &desk, r.case_id).await?;
        let asked = earlier
            .iter()
            .any(|m| m.referral_id == id && m.kind == MessageKind::Question.code());
        if !may_write(kind, side, status, to_centre, asked) {
            let mut e = FieldErrors::new();
            e.add("kind", FieldError::Invalid);
            return Err(AppError::Invalid(e));
        }
        let from = match side {
            Side::Owner => InstitutionId(row.owner_institution_id),
            Side::Receiver => InstitutionId(r.to_institution_id),
        };
        let new = NewMessage {
            team: desk,
            referral: id,
            case_id: r.case_id,
            kind: kind.code(),
            from,
            by: actor.user_id,
            at: self.now(),
        };
        let message = referral_messages::insert(&mut tx, &new).await?;
        let key = self.case_key(row.id, &row.data_key)?;
        let sealed = seal_at(&key, place(message), &SealedText { text: body })?;
        referral_messages::seal_text(&mut tx, &desk, message, &sealed).await?;
        // The other side is told: the receiver of an answer, the owner of anything else.
        let to = match side {
            Side::Owner => InstitutionId(r.to_institution_id),
            Side::Receiver => InstitutionId(row.owner_institution_id),
        };
        let to_team = institutions::in_directory(&mut tx, to)
            .await?
            .map(|i| i.team_id)
            .unwrap_or(desk.team());
        let what = format!("referral-{}", kind.code());
        self.notify(
            &mut tx,
            to_team,
            Recipient::Institution(to),
            &what,
            Some(r.case_id),
        )
        .await?;
        let event = AuditEvent::about(Some(desk.team()), &what, "case", r.case_id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(r.case_id)
    }

    /// The messages of the case's referrals, opened, per referral (oldest first).
    pub(crate) fn open_messages(
        &self,
        key: &DataKey,
        rows: &[MessageRow],
        referral: ReferralId,
    ) -> Result<Vec<MessageView>, AppError> {
        rows.iter()
            .filter(|m| m.referral_id == referral)
            .map(|m| {
                let opened: SealedText = open_at(key, place(m.id), &m.text)?;
                Ok(MessageView {
                    kind: MessageKind::from_code(&m.kind)
                        .ok_or_else(|| AppError::Internal(format!("message kind {:?}", m.kind)))?,
                    from_short: m.from_short.clone(),
                    text: opened.text,
                    written_at: m.written_at,
                })
            })
            .collect()
    }
}
