//! Cases of potential victims: the report (with the child protocol in the same transaction),
//! need-to-know reading with every view audited, state changes, referrals and their answers.
//! Personal data is sealed per part under each case's own key and opened only for someone
//! who may see that part.

mod access_log;
mod assignment;
mod attachments;
pub(crate) use assignment::coordinators_of;
mod consent;
mod data_requests;
mod duplicates;
mod edit;
mod emergency;
mod identification;
pub(crate) mod parts;
mod protection;
mod purpose;
mod read;
mod referral_messages;
mod referrals;
mod report;
mod tasks;
mod transfer;
mod transitions;
mod waiting;

pub use access_log::{AccessEntry, ACCESS_LOG_PAGE};
pub use attachments::{AttachmentFile, AttachmentView, NewFile};
pub use consent::{ConsentForm, ConsentView, GuardianForm, GuardianView};
pub use data_requests::{
    DataRequestForm, DataRequestView, ErasureBlock, OutcomeForm, LEGAL_BASIS_MAX,
    OPEN_REQUESTS_LIMIT,
};
pub use duplicates::{
    DuplicateReviewForm, DuplicateView, PendingDuplicates, DIFFERENT_PERSONS, SAME_PERSON,
};
pub use emergency::EMERGENCY_SECONDS;
pub use parts::{CircumstancesPart, ContactPart, IdentityPart, ScreeningPart};
pub use protection::{
    FollowUpForm, NoteForm, NoteView, RecoveryForm, ServiceForm, ServiceView,
    RECOVERY_DEFAULT_DAYS, RECOVERY_MIN_DAYS, RECOVERY_REMIND_DAYS,
};
pub use read::{CaseQuery, CaseSummary, CaseView, ReferralView, Showing, TaskView};
pub use referral_messages::{MessageForm, MessageView, MESSAGE_MAX};
pub use referrals::{AnswerForm, ReferralForm, INBOX_LIMIT};
pub use report::Reported;
/// Case lists count up to this many cases and then say "more than".
pub use spona_store::cases::COUNT_LIMIT as LIST_COUNT_LIMIT;
pub use transfer::{TransferAnswerForm, TransferForm, TransferView, TRANSFERS_LIMIT};
pub use waiting::WaitingReferrals;

use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::access::{
    held_team_cases, receiving, referred_team_cases, team_cases, TeamCases,
};
use spona_domain::cases::{
    case_access, CaseAccess, CaseCode, CaseId, Ownership, Part, ReferralStatus, SharedWith,
};
use spona_domain::ids::{InstitutionId, TeamId};
use spona_store::cases::CaseRow;
use spona_store::referrals::ReferralRow;

/// The live referrals of a case, as far as access goes.
pub(crate) fn live_shares(referrals: &[ReferralRow]) -> Vec<SharedWith> {
    referrals
        .iter()
        .filter(|r| {
            matches!(
                ReferralStatus::from_code(&r.status),
                Some(ReferralStatus::Sent | ReferralStatus::Accepted | ReferralStatus::Completed)
            )
        })
        .map(|r| SharedWith {
            institution: InstitutionId(r.to_institution_id),
            parts: Part::parse_list(&r.shared_parts),
        })
        .collect()
}

/// What the actor may see of the stored case: by who holds it (its owner, of the case's team
/// or, after a transfer, of another, and the former owner that keeps reading) and by its
/// live referrals.
pub(crate) fn access_to(actor: &Actor, row: &CaseRow, referrals: &[ReferralRow]) -> CaseAccess {
    case_access(
        actor,
        TeamId(row.team_id),
        ownership(row),
        &live_shares(referrals),
    )
}

/// Who holds the case.
pub(crate) fn ownership(row: &CaseRow) -> Ownership {
    Ownership {
        team: TeamId(row.owner_team_id),
        owner: InstitutionId(row.owner_institution_id),
        former: row.former_owner_institution_id.map(InstitutionId),
    }
}

/// The desk a case is reached through, with the case: the actor's own team's, or, for an
/// institution of another team (or of the national level), the case's team's: when a live
/// referral shares something with it, or when it owns the case since a transfer or keeps
/// reading it as its former owner. Anyone else finds nothing.
pub(crate) async fn case_desk(
    c: &mut spona_store::Connection,
    actor: &Actor,
    id: CaseId,
) -> Result<(TeamCases, CaseRow), AppError> {
    let own = team_cases(actor)?;
    if let Some(row) = spona_store::cases::find(c, &own, id).await? {
        return Ok((own, row));
    }
    let Ok(receiver) = receiving(actor) else {
        return Err(AppError::NotFound);
    };
    if let Some(row) = spona_store::cases::find_held(c, &receiver, id).await? {
        let desk = held_team_cases(actor, TeamId(row.team_id), ownership(&row))?;
        return Ok((desk, row));
    }
    let received = spona_store::referrals::received_about(c, &receiver, id).await?;
    let Some(team) = received.first().map(|r| TeamId(r.team_id)) else {
        return Err(AppError::NotFound);
    };
    let desk = referred_team_cases(actor, team, &live_shares(&received))?;
    let row = spona_store::cases::find(c, &desk, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((desk, row))
}

/// The institution of the deployment's directory that a form names as its receiver (any
/// member institution of the own team, another team or the national level, but `from`
/// itself), with "required" or "unknown" at `to_institution` otherwise.
pub(crate) async fn directory_receiver(
    c: &mut spona_store::Connection,
    raw: &str,
    from: InstitutionId,
    e: &mut spona_domain::validation::FieldErrors,
) -> Result<Option<spona_domain::registry::Institution>, AppError> {
    use spona_domain::validation::FieldError;
    let to = e.check(
        "to_institution",
        raw.trim()
            .parse::<i64>()
            .map(InstitutionId)
            .map_err(|_| FieldError::Required),
    );
    let Some(to) = to else {
        return Ok(None);
    };
    let receiver = spona_store::institutions::in_directory(c, to)
        .await?
        .filter(|i| i.id != from);
    if receiver.is_none() {
        e.add("to_institution", FieldError::Unknown);
    }
    Ok(receiver)
}

/// The case's code, e.g. ЛЕ-2026-0007, from the team's city.
pub(crate) fn code_of(city: &str, year: i64, seq: i64) -> Option<CaseCode> {
    let prefix: String = city.chars().take(2).flat_map(char::to_uppercase).collect();
    CaseCode::new(&prefix, i32::try_from(year).ok()?, u32::try_from(seq).ok()?).ok()
}

/// The refusal for a case of the team that the actor's access does not open: a role without
/// the cases section (but the coordinator, who sees that cases exist) is refused the section
/// ("forbidden"); a case worker who may not know of this case finds nothing.
pub(crate) fn not_opened(actor: &Actor) -> AppError {
    match spona_domain::access::cases_section(actor) {
        Err(refused) if actor.role != spona_domain::accounts::Role::Coordinator => refused.into(),
        _ => AppError::NotFound,
    }
}

/// The case the actor's institution owns and so works on (of its team or, since a transfer,
/// of another), with the desk it is reached through and its referrals: "not found" for
/// anyone who may not know it exists, "forbidden" for readers who may not work on it and for
/// a case whose personal data was removed.
pub(crate) async fn owned_case(
    c: &mut spona_store::Connection,
    actor: &Actor,
    id: CaseId,
) -> Result<(TeamCases, CaseRow, Vec<ReferralRow>), AppError> {
    let (desk, row) = case_desk(c, actor, id).await?;
    let case_referrals = spona_store::referrals::for_case(c, &desk, id).await?;
    let access = access_to(actor, &row, &case_referrals);
    if !access.opens() {
        return Err(not_opened(actor));
    }
    // Once its personal data is removed under the retention schedule, a case is a record of
    // what was: nobody works on it any more.
    if !access.works_on() || row.shredded_at.is_some() {
        return Err(AppError::Forbidden);
    }
    Ok((desk, row, case_referrals))
}

impl App {
    /// What the actor may read of a stored case: by ownership and referrals, widened by an
    /// assignment (the coordinator) or a live emergency grant.
    pub(crate) async fn reader_access(
        &self,
        c: &mut spona_store::Connection,
        actor: &Actor,
        row: &CaseRow,
        referrals: &[ReferralRow],
    ) -> Result<CaseAccess, AppError> {
        let mut access = access_to(actor, row, referrals);
        if access == CaseAccess::Existence {
            let assigned = spona_store::assignments::is_assigned(c, row.id, actor.user_id).await?;
            access = spona_domain::cases::with_assignment(access, assigned);
        }
        if matches!(access, CaseAccess::None | CaseAccess::Existence)
            && spona_store::alerts::has_grant(c, row.id, actor.user_id, self.now()).await?
        {
            access = CaseAccess::Emergency;
        }
        Ok(access)
    }

    /// The actor's team and institution, which every case operation needs.
    /// Whether the actor may use the cases section (for the pages that only show a form).
    pub fn cases_section(&self, actor: &Actor) -> Result<(), AppError> {
        Ok(spona_domain::access::cases_section(actor)?)
    }

    pub(crate) fn case_worker_scope(actor: &Actor) -> Result<(TeamCases, InstitutionId), AppError> {
        // A role without a team has no cases at all.
        let desk = team_cases(actor)?;
        let institution = actor.institution_id.ok_or(AppError::Forbidden)?;
        Ok((desk, institution))
    }
}
