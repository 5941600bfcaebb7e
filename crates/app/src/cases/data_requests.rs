//! Requests of a person about their data in a case (rectification, restriction, erasure):
//! the case's owner records each with the day it came in and its legal basis, answers it
//! within the law's deadline and records the outcome. A granted erasure destroys the case's
//! personal data as the retention schedule does (the case's row and codes stay), after a
//! confirmation, and never while the case is on legal hold or still open. The legal basis and
//! the outcome's reason are sealed under the case's key; the audit trail names only the kind.

use super::parts::{open_at, seal_at};
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use serde::{Deserialize, Serialize};
use spona_crypto::fields::Place;
use spona_domain::access::{receiving, Actor, TeamCases};
use spona_domain::cases::data_request::{self as rules, RequestKind, RequestOutcome};
use spona_domain::cases::{CaseId, CaseState, DataRequestId, Reason};
use spona_domain::text;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::cases::CaseRow;
use spona_store::data_requests::{self, DataRequestRow, Decision, NewDataRequest};
use spona_store::{retention, Connection, Tx};
use time::Date;

/// The most open requests the dashboard lists.
pub const OPEN_REQUESTS_LIMIT: i64 = 50;
/// Longest legal basis, in characters (a reference such as "чл. 30 ЗЗПЛ, захтев од …").
pub const LEGAL_BASIS_MAX: usize = 300;

/// A request as typed: its kind, the day it came in, its legal basis.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct DataRequestForm {
    pub kind: String,
    pub received_on: String,
    pub legal_basis: String,
}

/// An outcome as typed (the erasure's page posts one with outcome "granted").
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct OutcomeForm {
    pub request: String,
    pub outcome: String,
    pub reason: String,
    pub decided_on: String,
    pub version: i64,
}

/// A request as the case page, its outcome page and the dashboard show it.
#[derive(Clone, Debug)]
pub struct DataRequestView {
    pub id: DataRequestId,
    pub case_id: CaseId,
    pub case_code: String,
    pub case_is_child: bool,
    pub kind: RequestKind,
    pub received_on: Date,
    pub due_on: Date,
    /// Open and past its deadline.
    pub overdue: bool,
    /// The legal basis (empty on the dashboard, which opens no sealed text).
    pub legal_basis: String,
    pub outcome: Option<RequestOutcome>,
    pub reason: String,
    pub decided_on: Option<Date>,
    pub version: i64,
}

/// Why a granted erasure cannot be carried out now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErasureBlock {
    /// The case is on legal hold: it keeps everything until the hold is lifted.
    Held,
    /// The case is still open: it is closed first, then erased.
    CaseOpen,
}

/// The request being answered, with its case and the desk it is reached through.
struct Answering<'a> {
    desk: &'a TeamCases,
    row: &'a CaseRow,
    request: &'a DataRequestRow,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct SealedText {
    text: String,
}

/// Where a request's texts are sealed: its own row and column, so they open nowhere else.
fn place(id: DataRequestId, column: &'static str) -> Place<'static> {
    Place {
        table: "data_requests",
        column,
        row: id.0,
    }
}

fn invalid(field: &'static str, err: FieldError) -> AppError {
    let mut e = FieldErrors::new();
    e.add(field, err);
    AppError::Invalid(e)
}

impl App {
    /// Records a person's request about their data in a case the actor's institution owns.
    pub async fn record_data_request(
        &self,
        actor: &Actor,
        case_id: CaseId,
        form: &DataRequestForm,
    ) -> Result<DataRequestId, AppError> {
        let mut tx = self.db.begin().await?;
        // Access first, in the transaction that does the work, then the form.
        let (desk, row, _) = super::owned_case(&mut tx, actor, case_id).await?;
        let mut e = FieldErrors::new();
        let kind = e.check(
            "kind",
            RequestKind::from_code(&form.kind).ok_or(FieldError::Required),
        );
        let received = e.check(
            "received_on",
            rules::received_on(&form.received_on, self.today()),
        );
        let basis = e.check(
            "legal_basis",
            text::required(&form.legal_basis, LEGAL_BASIS_MAX),
        );
        let (Some(kind), Some(received), Some(basis), true) = (kind, received, basis, e.is_empty())
        else {
            return Err(AppError::Invalid(e));
        };
        let received_on = text::iso_date(received);
        let due_on = text::iso_date(rules::answer_deadline(received));
        let new = NewDataRequest {
            team: desk,
            case_id,
            kind: kind.code(),
            received_on: &received_on,
            due_on: &due_on,
            by: actor.user_id,
            at: self.now(),
        };
        let id = data_requests::insert(&mut tx, &new).await?;
        let key = self.case_key(case_id, &row.data_key)?;
        let sealed = seal_at(&key, place(id, "legal_basis"), &SealedText { text: basis })?;
        data_requests::seal_basis(&mut tx, &desk, id, &sealed).await?;
        let event = AuditEvent {
            reason: kind.code(),
            ..AuditEvent::about(
                Some(desk.team()),
                "case-data-request-recorded",
                "case",
                case_id.0,
            )
        };
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// One request of a case the actor's institution owns, with its texts opened, and what
    /// would stop its erasure now: for the outcome and erasure pages. The opening is audited.
    pub async fn data_request(
        &self,
        actor: &Actor,
        case_id: CaseId,
        id: DataRequestId,
    ) -> Result<(DataRequestView, Option<ErasureBlock>), AppError> {
        let mut tx = self.db.begin().await?;
        let (desk, row, _) = super::owned_case(&mut tx, actor, case_id).await?;
        let found = data_requests::find(&mut tx, &desk, case_id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let view = self.data_request_view(&found, true)?;
        let block = self.erasure_block(&mut tx, &row).await?;
        let event = AuditEvent {
            reason: view.kind.code(),
            ..AuditEvent::about(
                Some(desk.team()),
                "case-data-request-opened",
                "case",
                case_id.0,
            )
        };
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok((view, block))
    }

    /// Records the outcome of an open request. A granted erasure is not recorded here but
    /// with [`App::grant_erasure`], which carries it out.
    pub async fn decide_data_request(
        &self,
        actor: &Actor,
        case_id: CaseId,
        form: &OutcomeForm,
    ) -> Result<(), AppError> {
        let mut tx = self.db.begin().await?;
        let (desk, row, _) = super::owned_case(&mut tx, actor, case_id).await?;
        let (request, kind) = open_request(&mut tx, &desk, case_id, &form.request).await?;
        let outcome = RequestOutcome::from_code(&form.outcome)
            .ok_or_else(|| invalid("outcome", FieldError::Required))?;
        rules::outcome_by_form(kind, outcome).map_err(|err| invalid("outcome", err))?;
        let answering = Answering {
            desk: &desk,
            row: &row,
            request: &request,
        };
        self.record_outcome(&mut tx, actor, &answering, outcome, form)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Grants an erasure request and destroys the case's personal data (its key, sealed
    /// parts, free texts, blind index and files) as the retention schedule does; the case's
    /// row, code, states and dates stay, and with them the statistics. Refused while the
    /// case is on legal hold or still open.
    pub async fn grant_erasure(
        &self,
        actor: &Actor,
        case_id: CaseId,
        form: &OutcomeForm,
    ) -> Result<(), AppError> {
        let mut tx = self.db.begin().await?;
        let (desk, row, _) = super::owned_case(&mut tx, actor, case_id).await?;
        let (request, kind) = open_request(&mut tx, &desk, case_id, &form.request).await?;
        if kind != RequestKind::Erasure {
            return Err(invalid("request", FieldError::Invalid));
        }
        if self.erasure_block(&mut tx, &row).await?.is_some() {
            return Err(invalid("erasure", FieldError::Invalid));
        }
        let granted = RequestOutcome::Granted;
        let answering = Answering {
            desk: &desk,
            row: &row,
            request: &request,
        };
        self.record_outcome(&mut tx, actor, &answering, granted, form)
            .await?;
        let now = self.now();
        // Due at once: closed before the next instant, and (checked again in the statement)
        // not held.
        if !retention::shred_case(&mut tx, case_id.0, now + 1, now).await? {
            return Err(invalid("erasure", FieldError::Invalid));
        }
        let event = AuditEvent::about(Some(desk.team()), "case-erased", "case", case_id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The open requests about the cases the actor's institution owns, earliest deadline
    /// first, for the dashboard (no sealed text is opened).
    pub async fn open_data_requests(
        &self,
        actor: &Actor,
    ) -> Result<Vec<DataRequestView>, AppError> {
        let owner = receiving(actor)?;
        let mut c = self.db.conn().await?;
        let rows = data_requests::open_for_owner(&mut c, &owner, OPEN_REQUESTS_LIMIT).await?;
        drop(c);
        rows.iter()
            .map(|r| self.data_request_view(r, false))
            .collect()
    }

    /// The requests of a case, for its owner's page (newest first).
    pub(crate) async fn data_requests_of(
        &self,
        c: &mut Connection,
        desk: &TeamCases,
        case_id: CaseId,
    ) -> Result<Vec<DataRequestView>, AppError> {
        let rows = data_requests::for_case(c, desk, case_id).await?;
        rows.iter()
            .map(|r| self.data_request_view(r, true))
            .collect()
    }

    /// What stops the case's erasure now, if anything.
    async fn erasure_block(
        &self,
        c: &mut Connection,
        row: &CaseRow,
    ) -> Result<Option<ErasureBlock>, AppError> {
        if self.hold_of(c, row.id).await?.is_some() {
            return Ok(Some(ErasureBlock::Held));
        }
        if CaseState::from_code(&row.state) != Some(CaseState::Closed) {
            return Ok(Some(ErasureBlock::CaseOpen));
        }
        Ok(None)
    }

    /// Checks and records an outcome with its sealed reason, and its audit entry.
    async fn record_outcome(
        &self,
        tx: &mut Tx,
        actor: &Actor,
        a: &Answering<'_>,
        outcome: RequestOutcome,
        form: &OutcomeForm,
    ) -> Result<(), AppError> {
        let Answering { desk, row, request } = *a;
        let received = stored_date(&request.received_on)?;
        let mut e = FieldErrors::new();
        let decided = e.check(
            "decided_on",
            rules::decided_on(&form.decided_on, received, self.today()),
        );
        let reason = if rules::reason_required(outcome) || !form.reason.trim().is_empty() {
            e.check(
                "reason",
                Reason::parse(&form.reason).map(Reason::into_string),
            )
        } else {
            Some(String::new())
        };
        let (Some(decided), Some(reason), true) = (decided, reason, e.is_empty()) else {
            return Err(AppError::Invalid(e));
        };
        let sealed = if reason.is_empty() {
            String::new()
        } else {
            let key = self.case_key(row.id, &row.data_key)?;
            seal_at(
                &key,
                place(request.id, "reason"),
                &SealedText { text: reason },
            )?
        };
        let decision = Decision {
            outcome: outcome.code(),
            sealed_reason: &sealed,
            decided_on: &text::iso_date(decided),
            by: actor.user_id,
            at: self.now(),
        };
        data_requests::decide(tx, desk, request.id, form.version, &decision).await?;
        let event = AuditEvent {
            reason: outcome.code(),
            ..AuditEvent::about(
                Some(desk.team()),
                "case-data-request-decided",
                "case",
                row.id.0,
            )
        };
        self.audit(tx, Author::of(actor), event).await?;
        Ok(())
    }

    fn data_request_view(
        &self,
        r: &DataRequestRow,
        open_texts: bool,
    ) -> Result<DataRequestView, AppError> {
        let code = super::code_of(&r.case_city, r.case_year, r.case_seq)
            .map(|c| c.to_cyrillic())
            .unwrap_or_default();
        // Once the case's key is gone, so are its texts.
        let readable = open_texts && !r.case_data_key.is_empty();
        let (legal_basis, reason) = if readable {
            let key = self.case_key(r.case_id, &r.case_data_key)?;
            let basis: SealedText = open_at(&key, place(r.id, "legal_basis"), &r.legal_basis)?;
            let reason: SealedText = open_at(&key, place(r.id, "reason"), &r.reason)?;
            (basis.text, reason.text)
        } else {
            (String::new(), String::new())
        };
        let kind = RequestKind::from_code(&r.kind)
            .ok_or_else(|| AppError::Internal(format!("data request kind {:?}", r.kind)))?;
        let outcome = match &r.outcome {
            None => None,
            Some(code) => Some(
                RequestOutcome::from_code(code)
                    .ok_or_else(|| AppError::Internal(format!("data request outcome {code:?}")))?,
            ),
        };
        let received_on = stored_date(&r.received_on)?;
        let due_on = stored_date(&r.due_on)?;
        Ok(DataRequestView {
            id: r.id,
            case_id: r.case_id,
            case_code: code,
            case_is_child: r.case_child != 0,
            kind,
            received_on,
            due_on,
            overdue: outcome.is_none() && rules::request_overdue(received_on, self.today()),
            legal_basis,
            outcome,
            reason,
            decided_on: r.decided_on.as_deref().map(stored_date).transpose()?,
            version: r.version,
        })
    }
}

/// The open request of the case that a form names, with its kind; "invalid" at `request`
/// for one already decided, "not found" for one that is not the case's.
async fn open_request(
    c: &mut Connection,
    desk: &TeamCases,
    case_id: CaseId,
    raw: &str,
) -> Result<(DataRequestRow, RequestKind), AppError> {
    let id = raw
        .trim()
        .parse::<i64>()
        .map(DataRequestId)
        .map_err(|_| invalid("request", FieldError::Required))?;
    let request = data_requests::find(c, desk, case_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if request.outcome.is_some() {
        return Err(invalid("request", FieldError::Invalid));
    }
    let kind = RequestKind::from_code(&request.kind)
        .ok_or_else(|| AppError::Internal(format!("data request kind {:?}", request.kind)))?;
    Ok((request, kind))
}

/// A date as stored (ISO).
fn stored_date(raw: &str) -> Result<Date, AppError> {
    text::date(raw).map_err(|_| AppError::Internal(format!("stored date {raw:?}")))
}
