//! Referring a case to another institution, the receiver's inbox, and the answers.

use super::read::{referral_view, ReferralView};
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::{decide, Action, Actor};
use spona_domain::access::{receiving, referred_team_cases, team_cases};
use spona_domain::cases::{
    covering, CaseId, Part, Reason, ReferralAction, ReferralId, ReferralStatus, ReferralUrgency,
};
use spona_domain::ids::TeamId;
use spona_domain::registry::InstitutionKind;
use spona_domain::text;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::alerts::Recipient;
use spona_store::consents;
use spona_store::referrals::{self, Answer, NewReferral};
use std::collections::BTreeSet;

/// A referral as typed: to which institution, why, what is shared, how urgent.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ReferralForm {
    pub to_institution: String,
    pub purpose: String,
    pub parts: Vec<String>,
    pub urgency: String,
    /// Why the referral goes without a consent that covers it (only with the permission).
    pub override_reason: String,
}

/// An answer as typed: accept, decline (with a reason) or complete; the Centre completes a
/// referral for formal identification with its decision and the day it was taken.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct AnswerForm {
    pub action: String,
    pub reason: String,
    pub version: i64,
    pub decision: String,
    pub decided_on: String,
}

/// The inbox shows at most this many referrals, those awaiting an answer first: each comes
/// with its answer form, and a hundred of them made a page of 200 KB to read on a phone.
pub const INBOX_LIMIT: i64 = 30;

impl App {
    /// Refers a case the actor's institution owns to another institution of the team.
    pub async fn refer_case(
        &self,
        actor: &Actor,
        case_id: CaseId,
        form: &ReferralForm,
    ) -> Result<ReferralId, AppError> {
        let (_, from) = Self::case_worker_scope(actor)?;
        let mut e = FieldErrors::new();
        let purpose = e.check("purpose", text::required(&form.purpose, 1000));
        let parts: BTreeSet<Part> = form
            .parts
            .iter()
            .filter_map(|p| Part::from_code(p))
            .collect();
        if parts.is_empty() || parts.len() != form.parts.len() {
            e.add("parts", FieldError::Required);
        }
        let urgency = e.check(
            "urgency",
            ReferralUrgency::from_code(&form.urgency).ok_or(FieldError::Unknown),
        );
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let (desk, row, _existing) = super::owned_case(&mut tx, actor, case_id).await?;
        let team_id = desk.team();
        // Any member institution of the deployment's directory: of the own team, another
        // team, or the national level.
        let receiver =
            super::directory_receiver(&mut tx, &form.to_institution, from, &mut e).await?;
        let (Some(receiver), Some(purpose), Some(urgency), true) =
            (receiver, purpose, urgency, e.is_empty())
        else {
            return Err(AppError::Invalid(e));
        };
        // Sharing follows the consent; without one, a permitted actor must say why.
        let needed = super::consent::needed_from(&row);
        let scopes = super::consent::scopes(&mut tx, &desk, case_id).await?;
        let consent = covering(&scopes, receiver.id, &parts, needed);
        let override_reason = match consent {
            Some(_) => String::new(),
            None => match Reason::parse(&form.override_reason) {
                Ok(reason) if decide(actor, Action::OverrideConsent).allowed() => {
                    reason.into_string()
                }
                Ok(_) => return Err(AppError::Forbidden),
                Err(_) => {
                    let mut e = FieldErrors::new();
                    e.add("override_reason", FieldError::Required);
                    return Err(AppError::Invalid(e));
                }
            },
        };
        let deadline = self
            .answer_within
            .deadline_in(self.clock.now(), urgency, &self.zone);
        let id = referrals::insert(
            &mut tx,
            &NewReferral {
                team: desk,
                case_id,
                from,
                to: receiver.id,
                shared_parts: &Part::list(&parts),
                urgency: urgency.code(),
                protocol: false,
                sent_by: actor.user_id,
                sent_at: now,
                deadline_at: deadline.unix_timestamp(),
            },
        )
        .await?;
        let key = self.case_key(case_id, &row.data_key)?;
        let sealed = super::purpose::seal(&key, id, &purpose)?;
        referrals::seal_purpose(&mut tx, &desk, id, &sealed).await?;
        consents::mark_referral(&mut tx, id, consent, &override_reason).await?;
        let kind = match urgency {
            ReferralUrgency::Urgent => "urgent-referral-received",
            ReferralUrgency::Normal => "referral-received",
        };
        let to = Recipient::Institution(receiver.id);
        self.notify(&mut tx, receiver.team_id, to, kind, Some(case_id))
            .await?;
        // A case referred to the Centre for formal identification is, from now on, referred
        // for identification.
        if receiver.kind == InstitutionKind::IdentificationCentre {
            self.mark_referred_for_identification(&mut tx, actor, &desk, &row)
                .await?;
        }
        let mut event = AuditEvent::about(Some(team_id), "referral-sent", "case", case_id.0);
        if consent.is_none() {
            event.action = "referral-sent-without-consent";
            event.reason = &override_reason;
        }
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The referrals received by the actor's institution, unanswered and most urgent first
    /// (at most [`INBOX_LIMIT`]).
    pub async fn inbox(&self, actor: &Actor) -> Result<Vec<ReferralView>, AppError> {
        self.received(actor, INBOX_LIMIT, false).await
    }

    /// The first `limit` referrals awaiting the actor's institution's answer, the child
    /// protocol's first (for the dashboard).
    pub async fn awaiting_answer(
        &self,
        actor: &Actor,
        limit: i64,
    ) -> Result<Vec<ReferralView>, AppError> {
        self.received(actor, limit, true).await
    }

    async fn received(
        &self,
        actor: &Actor,
        limit: i64,
        only_awaiting: bool,
    ) -> Result<Vec<ReferralView>, AppError> {
        let receiver = receiving(actor)?;
        let mut c = self.db.conn().await?;
        let mut rows = referrals::for_receiver(&mut c, &receiver, limit).await?;
        if only_awaiting {
            // The inbox's order puts the unanswered first, so its head is exactly them.
            rows.retain(|r| r.status == ReferralStatus::Sent.code());
        }
        drop(c);
        let now = self.now();
        let mut views = Vec::with_capacity(rows.len());
        for r in &rows {
            let code = super::code_of(&r.case_city, r.case_year, r.case_seq)
                .map(|c| c.to_cyrillic())
                .unwrap_or_default();
            // The receiver reads the purpose while the referral shares the case with it, as
            // it reads the parts; a damaged one is reported and left out, not the inbox.
            let live = matches!(
                ReferralStatus::from_code(&r.status),
                Some(ReferralStatus::Sent | ReferralStatus::Accepted | ReferralStatus::Completed)
            );
            let purpose = if live {
                match self.open_purpose(r) {
                    Ok(text) => Some(text),
                    Err(AppError::Unopenable(damaged)) => {
                        self.report_damage(&damaged).await;
                        None
                    }
                    Err(e) => return Err(e),
                }
            } else {
                None
            };
            views.push(referral_view(r, &code, actor, now, purpose));
        }
        Ok(views)
    }

    /// Accepts, declines (with a reason) or completes a referral received by the actor's
    /// institution.
    pub async fn answer_referral(
        &self,
        actor: &Actor,
        id: ReferralId,
        form: &AnswerForm,
    ) -> Result<(), AppError> {
        // The referral is looked up in the own team first (another team's is "not found"),
        // then the section, then whether it was sent to the actor's institution (the sender,
        // who knows of it, is "forbidden" to answer it), and only then the answer is judged.
        // A referral of another team's case is found only by the institution it was sent to.
        let own = team_cases(actor)?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let (desk, r) = match referrals::find(&mut tx, &own, id).await? {
            Some(r) => (own, r),
            None => {
                let receiver = receiving(actor).map_err(|_| AppError::NotFound)?;
                let r = referrals::find_received(&mut tx, &receiver, id)
                    .await?
                    .ok_or(AppError::NotFound)?;
                let received = referrals::received_about(&mut tx, &receiver, r.case_id).await?;
                let desk =
                    referred_team_cases(actor, TeamId(r.team_id), &super::live_shares(&received))?;
                (desk, r)
            }
        };
        spona_domain::access::cases_section(actor)?;
        let (_, institution) = Self::case_worker_scope(actor)?;
        let team_id = desk.team();
        if r.to_institution_id != institution.0 {
            return Err(if r.from_institution_id == institution.0 {
                AppError::Forbidden
            } else {
                AppError::NotFound
            });
        }
        let mut e = FieldErrors::new();
        let action = match form.action.as_str() {
            "accept" => Some(ReferralAction::Accept),
            "complete" => Some(ReferralAction::Complete),
            "decline" => match Reason::parse(&form.reason) {
                Ok(reason) => Some(ReferralAction::Decline(reason)),
                Err(err) => {
                    e.add("reason", err);
                    None
                }
            },
            _ => {
                e.add("action", FieldError::Unknown);
                None
            }
        };
        let Some(action) = action else {
            return Err(AppError::Invalid(e));
        };
        let status = ReferralStatus::from_code(&r.status)
            .ok_or_else(|| AppError::Internal(format!("referral status {:?}", r.status)))?;
        let next = status.apply(&action).map_err(|_| {
            let mut e = FieldErrors::new();
            e.add("action", FieldError::Invalid);
            AppError::Invalid(e)
        })?;
        // The Centre completes a referral for formal identification with its decision.
        let to_centre = r.to_kind == InstitutionKind::IdentificationCentre.code();
        let decision = if next == ReferralStatus::Completed && to_centre {
            Some(self.judge_decision(&form.decision, &form.decided_on)?)
        } else {
            None
        };
        let reason = match &action {
            ReferralAction::Decline(r) => r.as_str().to_string(),
            _ => String::new(),
        };
        referrals::answer(
            &mut tx,
            &desk,
            id,
            form.version,
            &Answer {
                status: next.code(),
                reason: &reason,
                by: actor.user_id,
                at: now,
            },
        )
        .await?;
        let name = format!("referral-{}", next.code());
        let event = AuditEvent::about(Some(team_id), &name, "case", r.case_id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        if let Some((decision, on)) = decision {
            referrals::record_decision(&mut tx, &desk, id, decision.code(), &on.to_string())
                .await?;
            self.take_decision(&mut tx, actor, &desk, r.case_id, decision)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
