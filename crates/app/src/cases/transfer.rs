//! Transfer of a case's ownership: the owner offers the case to another institution of the
//! deployment's directory with a reason, the receiver accepts (allowing the former owner to
//! keep reading the record, or not) or declines, and the owner may withdraw an offer not yet
//! answered. The case keeps its team and its code. Until it accepts, the receiver sees the
//! offer (code, from whom, why) and nothing of the record.

use super::parts::{open_at, seal_at};
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use serde::{Deserialize, Serialize};
use spona_crypto::fields::{DataKey, Place};
use spona_domain::access::{offered_team_cases, receiving, team_cases, Actor, TeamCases};
use spona_domain::cases::{CaseId, Reason, TransferAnswer, TransferId, TransferStatus};
use spona_domain::ids::{InstitutionId, TeamId};
use spona_domain::text;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::alerts::Recipient;
use spona_store::transfers::{self, NewTransfer, TransferRow};
use spona_store::{cases, institutions, StoreError};

/// The most offers waiting for one institution that its inbox lists.
pub const TRANSFERS_LIMIT: i64 = 100;

/// An offer of transfer as typed: to which institution, and why.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct TransferForm {
    pub to_institution: String,
    pub reason: String,
}

/// An answer as typed: "accept" (with whether the former owner keeps reading) or "decline"
/// (with a reason); the owner "withdraw"s.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct TransferAnswerForm {
    pub action: String,
    /// A ticked box: the former owner keeps reading the record.
    pub former_reads: Option<String>,
    pub reason: String,
    pub version: i64,
}

/// An offer as the case page and the inbox show it.
#[derive(Clone, Debug)]
pub struct TransferView {
    pub id: TransferId,
    pub case_id: CaseId,
    pub case_code: String,
    pub case_is_child: bool,
    pub from_short: String,
    pub to_short: String,
    /// Why, in the owner's words (personal data: for the owner and the receiver only).
    pub reason: String,
    pub status: TransferStatus,
    pub former_reads: bool,
    pub offered_at: i64,
    pub answered_at: Option<i64>,
    pub decline_reason: String,
    pub version: i64,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct SealedReason {
    text: String,
}

/// Where an offer's reason is sealed: its own row, so it opens nowhere else.
fn place(id: TransferId) -> Place<'static> {
    Place {
        table: "case_transfers",
        column: "reason",
        row: id.0,
    }
}

impl App {
    /// Offers a case the actor's institution owns to another institution.
    pub async fn offer_transfer(
        &self,
        actor: &Actor,
        case_id: CaseId,
        form: &TransferForm,
    ) -> Result<TransferId, AppError> {
        let mut tx = self.db.begin().await?;
        // Access first, in the transaction that does the work, then the form.
        let (desk, row, _) = super::owned_case(&mut tx, actor, case_id).await?;
        let from = InstitutionId(row.owner_institution_id);
        let mut e = FieldErrors::new();
        let receiver =
            super::directory_receiver(&mut tx, &form.to_institution, from, &mut e).await?;
        let reason = e.check("reason", text::required(&form.reason, 1000));
        let (Some(receiver), Some(reason), true) = (receiver, reason, e.is_empty()) else {
            return Err(AppError::Invalid(e));
        };
        let new = NewTransfer {
            team: desk,
            case_id,
            from,
            to: receiver.id,
            by: actor.user_id,
            at: self.now(),
        };
        let id = match transfers::insert(&mut tx, &new).await {
            Ok(id) => id,
            // Another offer of the case waits for its answer.
            Err(StoreError::Duplicate(_)) => {
                let mut e = FieldErrors::new();
                e.add("to_institution", FieldError::Taken);
                return Err(AppError::Invalid(e));
            }
            Err(other) => return Err(other.into()),
        };
        let key = self.case_key(case_id, &row.data_key)?;
        let sealed = seal_at(&key, place(id), &SealedReason { text: reason })?;
        transfers::seal_reason(&mut tx, &desk, id, &sealed).await?;
        let to = Recipient::Institution(receiver.id);
        self.notify(
            &mut tx,
            receiver.team_id,
            to,
            "transfer-offered",
            Some(case_id),
        )
        .await?;
        let event = AuditEvent::about(Some(desk.team()), "transfer-offered", "case", case_id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Takes back the offer of the actor's institution's case that waits for an answer
    /// (at `version`); "invalid" when none waits.
    pub async fn withdraw_transfer(
        &self,
        actor: &Actor,
        case_id: CaseId,
        version: i64,
    ) -> Result<(), AppError> {
        let mut tx = self.db.begin().await?;
        let (desk, _, _) = super::owned_case(&mut tx, actor, case_id).await?;
        let waiting = transfers::for_case(&mut tx, &desk, case_id)
            .await?
            .into_iter()
            .find(|t| t.status == TransferStatus::Offered.code());
        let Some(offer) = waiting else {
            let mut e = FieldErrors::new();
            e.add("action", FieldError::Invalid);
            return Err(AppError::Invalid(e));
        };
        let next = status_after(&offer, TransferAnswer::Withdraw)?;
        let answer = transfers::TransferAnswer {
            status: next.code(),
            former_reads: false,
            reason: "",
            by: actor.user_id,
            at: self.now(),
        };
        transfers::answer(&mut tx, &desk, offer.id, version, &answer).await?;
        let event = AuditEvent::about(Some(desk.team()), "transfer-withdrawn", "case", case_id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Accepts or declines an offer made to the actor's institution; on acceptance the case
    /// is its own from now on. Returns the case.
    pub async fn answer_transfer(
        &self,
        actor: &Actor,
        id: TransferId,
        form: &TransferAnswerForm,
    ) -> Result<CaseId, AppError> {
        let mut tx = self.db.begin().await?;
        let (desk, offer) = offer_to_answer(&mut tx, actor, id).await?;
        let (answer, reason) = match form.action.as_str() {
            "accept" => (TransferAnswer::Accept, String::new()),
            "decline" => match Reason::parse(&form.reason) {
                Ok(reason) => (TransferAnswer::Decline, reason.into_string()),
                Err(err) => {
                    let mut e = FieldErrors::new();
                    e.add("reason", err);
                    return Err(AppError::Invalid(e));
                }
            },
            _ => {
                let mut e = FieldErrors::new();
                e.add("action", FieldError::Unknown);
                return Err(AppError::Invalid(e));
            }
        };
        let next = status_after(&offer, answer)?;
        let accepted = next == TransferStatus::Accepted;
        let former_reads = accepted && form.former_reads.is_some();
        let now = self.now();
        let recorded = transfers::TransferAnswer {
            status: next.code(),
            former_reads,
            reason: &reason,
            by: actor.user_id,
            at: now,
        };
        transfers::answer(&mut tx, &desk, id, form.version, &recorded).await?;
        let from = InstitutionId(offer.from_institution_id);
        if accepted {
            let row = cases::find(&mut tx, &desk, offer.case_id)
                .await?
                .ok_or(AppError::NotFound)?;
            // The case was offered by its owner; an owner changed since is a conflict.
            if row.owner_institution_id != offer.from_institution_id {
                return Err(AppError::Conflict);
            }
            let to = InstitutionId(offer.to_institution_id);
            let former = former_reads.then_some(from);
            cases::set_owner(&mut tx, &desk, row.id, row.version, to, former, now).await?;
        }
        let kind = format!("transfer-{}", next.code());
        let event = AuditEvent::about(Some(desk.team()), &kind, "case", offer.case_id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        let from_team = institutions::in_directory(&mut tx, from)
            .await?
            .map(|i| i.team_id)
            .unwrap_or(TeamId(offer.team_id));
        let to = Recipient::Institution(from);
        self.notify(&mut tx, from_team, to, &kind, Some(offer.case_id))
            .await?;
        tx.commit().await?;
        Ok(offer.case_id)
    }

    /// The offers waiting for the actor's institution's answer, children's first.
    pub async fn transfers_offered(&self, actor: &Actor) -> Result<Vec<TransferView>, AppError> {
        let receiver = receiving(actor)?;
        let mut c = self.db.conn().await?;
        let rows = transfers::waiting_for(&mut c, &receiver, TRANSFERS_LIMIT).await?;
        drop(c);
        rows.iter().map(|r| self.transfer_view(r)).collect()
    }

    /// The offers of a case, for its owner's page (newest first).
    pub(crate) async fn transfers_of(
        &self,
        c: &mut spona_store::Connection,
        desk: &TeamCases,
        case_id: CaseId,
    ) -> Result<Vec<TransferView>, AppError> {
        let rows = transfers::for_case(c, desk, case_id).await?;
        rows.iter().map(|r| self.transfer_view(r)).collect()
    }

    fn transfer_view(&self, r: &TransferRow) -> Result<TransferView, AppError> {
        let code = super::code_of(&r.case_city, r.case_year, r.case_seq)
            .map(|c| c.to_cyrillic())
            .unwrap_or_default();
        let reason = if r.reason.is_empty() {
            String::new()
        } else {
            let key: DataKey = self.case_key(r.case_id, &r.case_data_key)?;
            let opened: SealedReason = open_at(&key, place(r.id), &r.reason)?;
            opened.text
        };
        Ok(TransferView {
            id: r.id,
            case_id: r.case_id,
            case_code: code,
            case_is_child: r.case_child != 0,
            from_short: r.from_short.clone(),
            to_short: r.to_short.clone(),
            reason,
            status: TransferStatus::from_code(&r.status)
                .ok_or_else(|| AppError::Internal(format!("transfer status {:?}", r.status)))?,
            former_reads: r.former_reads != 0,
            offered_at: r.offered_at,
            answered_at: r.answered_at,
            decline_reason: r.decline_reason.clone(),
            version: r.version,
        })
    }
}

/// The offer, for the institution it was made to, with the desk of the case's team. Inside
/// the team, one who knows of it but is not the receiver (the owner) is forbidden to answer;
/// anyone else finds nothing.
async fn offer_to_answer(
    c: &mut spona_store::Connection,
    actor: &Actor,
    id: TransferId,
) -> Result<(TeamCases, TransferRow), AppError> {
    let own = team_cases(actor)?;
    let offer = match transfers::find(c, &own, id).await? {
        Some(offer) => offer,
        None => {
            let receiver = receiving(actor).map_err(|_| AppError::NotFound)?;
            transfers::find_offered_to(c, &receiver, id)
                .await?
                .ok_or(AppError::NotFound)?
        }
    };
    // Found in the own team: a role without the cases section is refused the section.
    spona_domain::access::cases_section(actor)?;
    let mine = actor.institution_id.ok_or(AppError::Forbidden)?;
    if offer.to_institution_id != mine.0 {
        return Err(if offer.from_institution_id == mine.0 {
            AppError::Forbidden
        } else {
            AppError::NotFound
        });
    }
    let desk = offered_team_cases(
        actor,
        TeamId(offer.team_id),
        InstitutionId(offer.to_institution_id),
    )?;
    Ok((desk, offer))
}

/// The offer's status after the answer, or "invalid" for an offer already answered.
fn status_after(offer: &TransferRow, answer: TransferAnswer) -> Result<TransferStatus, AppError> {
    TransferStatus::from_code(&offer.status)
        .and_then(|s| s.answer(answer).ok())
        .ok_or_else(|| {
            let mut e = FieldErrors::new();
            e.add("action", FieldError::Invalid);
            AppError::Invalid(e)
        })
}
