//! Reading cases: the list (names only where the reader may see them) and one case, whose
//! every opening is written to the audit trail in the same transaction as the read.

use super::parts::{self, CircumstancesPart, ContactPart, IdentityPart, ScreeningPart};
use super::{access_to, code_of};
use crate::audit::{AuditEvent, Author};
use crate::registry::PAGE_SIZE;
use crate::{App, AppError, Page};
use spona_domain::access::{decide, receiving, Action, Actor};
use spona_domain::accounts::Role;
use spona_domain::cases::referral_message::{may_write, MessageKind, Side};
use spona_domain::cases::ReferralStatus;
use spona_domain::cases::{
    allowed, CaseAccess, CaseId, CaseState, CaseTransition, CentreDecision, ConsentId,
    IdentificationOutcome, Part, ReferralId, TaskId,
};
use spona_domain::ids::InstitutionId;
use spona_domain::registry::InstitutionKind;
pub use spona_store::cases::Showing;
use spona_store::cases::COUNT_LIMIT as LIST_COUNT_LIMIT;
use spona_store::cases::{self, CaseRow, Filter};
use spona_store::referrals::{self, ReferralRow};
use spona_store::{assignments, referral_messages, tasks};
use std::collections::HashMap;

/// What the case list asks for.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct CaseQuery {
    pub page: Option<i64>,
    /// Which cases: all, open, closed, or those of children and persons without capacity
    /// (the codes of [`Showing`]).
    #[serde(default)]
    pub show: String,
}

/// A case as a list shows it.
#[derive(Clone, Debug)]
pub struct CaseSummary {
    pub id: CaseId,
    pub code: String,
    pub code_latin: String,
    pub state: CaseState,
    pub is_child: bool,
    pub lacks_capacity: bool,
    pub immediate_danger: bool,
    pub owner_short: String,
    pub reported_at: i64,
    /// The outcome of identification the case reached (kept when it closes).
    pub outcome: Option<IdentificationOutcome>,
    /// When the case was closed, while it is.
    pub closed_at: Option<i64>,
    /// The person's name, only for a reader who may see the identity part.
    pub name: Option<String>,
    /// The record's sealed part cannot be opened (damaged): listed without its fields.
    pub unopenable: bool,
    pub version: i64,
}

/// A referral as the case page and the inbox show it.
#[derive(Clone, Debug)]
pub struct ReferralView {
    pub id: ReferralId,
    pub case_id: CaseId,
    pub case_code: String,
    pub case_is_child: bool,
    pub from_short: String,
    pub to_short: String,
    /// The purpose in the sender's words: personal data, so only for a reader the referral
    /// shares with (none for the coordinator who sees only that the case exists).
    pub purpose: Option<String>,
    pub parts: Vec<Part>,
    pub urgency: String,
    pub status: String,
    pub protocol: bool,
    pub sent_at: i64,
    pub deadline_at: i64,
    pub overdue: bool,
    pub decline_reason: String,
    pub version: i64,
    /// The reader's institution is the receiver and may answer.
    pub can_answer: bool,
    /// The receiver is the Centre for Protection of Victims of Trafficking: it completes the
    /// referral with its decision on formal identification.
    pub to_centre: bool,
    /// The Centre's decision, once taken, and its day (ISO date).
    pub decision: Option<CentreDecision>,
    pub decided_on: Option<String>,
    /// Questions, answers and the Centre's plan, for the referral's two sides on the case
    /// page (oldest first).
    pub messages: Vec<super::MessageView>,
    /// The kinds of message the reader may write on it now.
    pub may_write: Vec<spona_domain::cases::referral_message::MessageKind>,
    /// The sending and the receiving institution (the letter names them in full).
    pub from_institution: InstitutionId,
    pub to_institution: InstitutionId,
    /// The consent the referral relies on, if any (none under the child protocol, or when
    /// sent without one for a written reason).
    pub consent: Option<ConsentId>,
}

/// A task on a case.
#[derive(Clone, Debug)]
pub struct TaskView {
    pub id: TaskId,
    pub kind: String,
    pub done: bool,
    /// For follow-ups: when, and what (for those working on the case).
    pub due_on: Option<String>,
    pub note: String,
    /// The reader may mark it done: it was given to the reader's institution, which works on
    /// the case, and it is not one that recording something else completes.
    pub may_complete: bool,
}

/// One case, with the parts the reader may see.
#[derive(Clone, Debug)]
pub struct CaseView {
    pub summary: CaseSummary,
    pub access: CaseAccess,
    pub sex: String,
    pub age_band: String,
    pub detected_on: String,
    pub identity: Option<IdentityPart>,
    pub contact: Option<ContactPart>,
    pub circumstances: Option<CircumstancesPart>,
    pub screening: Option<ScreeningPart>,
    pub referrals: Vec<ReferralView>,
    pub tasks: Vec<TaskView>,
    /// The moves the reader may make now (only the owning institution works on a case).
    pub transitions: Vec<CaseTransition>,
    /// Recorded guardians (for readers who see the identity).
    pub guardians: Vec<super::GuardianView>,
    /// Consents: every one for the owning institution; for an institution the case was
    /// referred to, those naming it (with only it among their institutions).
    pub consents: Vec<super::ConsentView>,
    /// The reader is given the consents (the owner, or a receiving case worker), even when
    /// none concerns it yet.
    pub reads_consents: bool,
    /// Who must give consent: the person, or the guardian of a child or a person without capacity.
    pub consent_from: spona_domain::cases::ConsentGiver,
    /// Services given to the person (for those working on the case).
    pub services: Vec<super::ServiceView>,
    /// Notes the reader's institution may see.
    pub notes: Vec<super::NoteView>,
    /// The recovery and reflection period (start, end), if set.
    pub recovery: Option<(String, String)>,
    /// The coordinators assigned to the case (id, name), for the owning institution.
    pub assigned: Vec<(i64, String)>,
    /// The stage of the criminal proceedings (for those working on the case).
    pub proceedings: Option<spona_domain::cases::ProceedingsStage>,
    /// Offers to transfer the case, newest first (for the owning institution).
    pub transfers: Vec<super::TransferView>,
    /// When the retention schedule removed the case's personal data, if it did: the page
    /// says so instead of showing parts.
    pub personal_data_removed_at: Option<i64>,
    /// The case's legal hold, if it has one (for the owning institution).
    pub hold: Option<crate::retention::HoldView>,
    /// The reader may set or lift the hold (the owning institution, while there is data).
    pub may_hold: bool,
    /// The person's requests about their data, newest first (for the owning institution,
    /// which records them and their outcomes while there is data).
    pub data_requests: Vec<super::DataRequestView>,
}

impl App {
    /// A page of the cases the actor may know of: case workers see their institution's cases
    /// and those referred to it; the coordinator sees that the team's cases exist.
    pub async fn cases(&self, actor: &Actor, q: &CaseQuery) -> Result<Page<CaseSummary>, AppError> {
        let (desk, _) = Self::case_worker_scope(actor)?;
        // A case worker lists what its institution holds, of any team; the coordinator, that
        // the team's cases exist.
        let receiver = if decide(actor, Action::UseCases).allowed() {
            Some(receiving(actor)?)
        } else if actor.role == Role::Coordinator {
            None
        } else {
            return Err(AppError::Forbidden);
        };
        let page = q.page.unwrap_or(1).clamp(1, LIST_COUNT_LIMIT / PAGE_SIZE);
        let offset = (page - 1) * PAGE_SIZE;
        let filter = Filter {
            showing: Showing::from_code(&q.show),
            limit: PAGE_SIZE,
            offset,
        };
        let mut c = self.db.conn().await?;
        let list = match &receiver {
            Some(receiver) => cases::held_by(&mut c, receiver, &filter).await?,
            None => cases::list(&mut c, &desk, &filter).await?,
        };
        // One query for the referrals to the reader's institution about this page's cases.
        let ids: Vec<CaseId> = list.items.iter().map(|r| r.id).collect();
        let received = match &receiver {
            Some(receiver) => referrals::to_institution_about(&mut c, receiver, &ids).await?,
            None => Vec::new(),
        };
        let mut by_case: HashMap<CaseId, Vec<ReferralRow>> = HashMap::new();
        for r in received {
            by_case.entry(r.case_id).or_default().push(r);
        }
        drop(c);
        let mut items = Vec::with_capacity(list.items.len());
        for row in &list.items {
            let access = access_to(
                actor,
                row,
                by_case.get(&row.id).map(Vec::as_slice).unwrap_or(&[]),
            );
            // A damaged record is listed as such among the others, and reported (once).
            // A case's code carries its own team's city, whichever team lists it.
            let city = row.team_city.as_str();
            // A case whose personal data was removed shows what it still has: its number.
            let access = if row.shredded_at.is_some() {
                CaseAccess::Existence
            } else {
                access
            };
            let summary = match self.summary(city, row, &access) {
                Err(AppError::Unopenable(damaged)) => {
                    self.report_damage(&damaged).await;
                    self.summary(city, row, &CaseAccess::Existence)
                        .map(|s| CaseSummary {
                            unopenable: true,
                            ..s
                        })?
                }
                other => other?,
            };
            items.push(summary);
        }
        Ok(Page {
            items,
            total: list.total,
        })
    }

    fn summary(
        &self,
        city: &str,
        row: &CaseRow,
        access: &CaseAccess,
    ) -> Result<CaseSummary, AppError> {
        let code = code_of(city, row.year, row.seq);
        let name = if access.sees(Part::Identity) {
            let key = self.case_key(row.id, &row.data_key)?;
            let identity: IdentityPart = parts::open(&key, Part::Identity, row.id, &row.identity)?;
            Some(identity.display_name())
        } else {
            None
        };
        Ok(CaseSummary {
            id: row.id,
            code: code.as_ref().map(|c| c.to_cyrillic()).unwrap_or_default(),
            code_latin: code.as_ref().map(|c| c.to_latin()).unwrap_or_default(),
            state: CaseState::from_code(&row.state)
                .ok_or_else(|| AppError::Internal(format!("case state {:?}", row.state)))?,
            is_child: row.may_be_child != 0,
            lacks_capacity: row.lacks_capacity != 0,
            immediate_danger: row.immediate_danger != 0,
            owner_short: row.owner_short.clone(),
            reported_at: row.reported_at,
            outcome: IdentificationOutcome::from_code(&row.outcome),
            closed_at: row
                .closed_at
                .filter(|_| row.state == CaseState::Closed.code()),
            name,
            unopenable: false,
            version: row.version,
        })
    }

    /// One case, as far as the actor may see it; "not found" for anyone who may not know it
    /// exists; [`AppError::Unopenable`] (reported once) for a damaged one. The view is audited.
    pub async fn case(&self, actor: &Actor, id: CaseId) -> Result<CaseView, AppError> {
        let opened = self.open_case(actor, id).await;
        self.noting_damage(opened).await
    }

    async fn open_case(&self, actor: &Actor, id: CaseId) -> Result<CaseView, AppError> {
        let (view, team_id) = self.gather_case(actor, id).await?;
        let event = AuditEvent::about(Some(team_id), "case-viewed", "case", id.0);
        self.audit_alone(Author::of(actor), event).await?;
        Ok(view)
    }

    /// One case as far as the actor may see it, with the case's team, gathered but not yet
    /// written to the audit trail: the case page and the documents about the case read it
    /// here alike (so what they show cannot differ), and each writes its own entry.
    pub(crate) async fn gather_case(
        &self,
        actor: &Actor,
        id: CaseId,
    ) -> Result<(CaseView, spona_domain::ids::TeamId), AppError> {
        let mut c = self.db.conn().await?;
        let (desk, row) = super::case_desk(&mut c, actor, id).await?;
        let team_id = desk.team();
        let case_referrals = referrals::for_case(&mut c, &desk, id).await?;
        let access = self
            .reader_access(&mut c, actor, &row, &case_referrals)
            .await?;
        if !access.opens() {
            // Inside the team, a role without the cases section (but the coordinator, who
            // sees that cases exist) is refused the section; a case worker who may not know
            // of this case finds nothing.
            return Err(super::not_opened(actor));
        }
        // The owner sets and lifts the hold; once the personal data is gone, every reader sees
        // what is left of a case: that it exists, its number, codes and dates.
        let may_hold = access.works_on()
            && row.shredded_at.is_none()
            && decide(actor, Action::HoldCases).allowed();
        let hold = if access.works_on() {
            self.hold_of(&mut c, id).await?
        } else {
            None
        };
        let access = if row.shredded_at.is_some() {
            CaseAccess::Existence
        } else {
            access
        };
        let task_rows = tasks::for_case(&mut c, &desk, id).await?;
        // The owner reads every consent; an institution the case was referred to reads those
        // that name it, as far as they concern it.
        let consents_for = match (&access, actor.institution_id) {
            (CaseAccess::Full | CaseAccess::Kept, _) => super::consent::ConsentsFor::All,
            (CaseAccess::Shared(_), Some(own)) if decide(actor, Action::UseCases).allowed() => {
                super::consent::ConsentsFor::Naming(own)
            }
            _ => super::consent::ConsentsFor::Nobody,
        };
        let reads_consents = consents_for != super::consent::ConsentsFor::Nobody;
        let (guardians, consents) = self
            .guardians_and_consents(
                &mut c,
                &desk,
                &row,
                access.sees(Part::Identity),
                consents_for,
            )
            .await?;
        let working = matches!(access, CaseAccess::Full | CaseAccess::Shared(_));
        let assigned = if access.works_on() {
            assignments::for_case(&mut c, &desk, id).await?
        } else {
            Vec::new()
        };
        let message_rows = referral_messages::for_case(&mut c, &desk, id).await?;
        let transfers = if access.works_on() {
            self.transfers_of(&mut c, &desk, id).await?
        } else {
            Vec::new()
        };
        let data_requests = if access.works_on() {
            self.data_requests_of(&mut c, &desk, id).await?
        } else {
            Vec::new()
        };
        let (services, notes, recovery) = if working {
            self.protection_of(&mut c, actor, &desk, &row).await?
        } else {
            (Vec::new(), Vec::new(), None)
        };
        drop(c);

        let summary = self.summary(&row.team_city, &row, &access)?;
        let key = if access.sees(Part::Identity)
            || access.sees(Part::Contact)
            || access.sees(Part::Circumstances)
            || access.sees(Part::Screening)
        {
            Some(self.case_key(row.id, &row.data_key)?)
        } else {
            None
        };
        let open_part = |part: Part, sealed: &str| -> Result<bool, AppError> {
            Ok(key.is_some() && access.sees(part) && !sealed.is_empty())
        };
        let identity = match (&key, open_part(Part::Identity, &row.identity)?) {
            (Some(k), true) => Some(parts::open(k, Part::Identity, id, &row.identity)?),
            _ => None,
        };
        let contact = match (&key, open_part(Part::Contact, &row.contact)?) {
            (Some(k), true) => Some(parts::open(k, Part::Contact, id, &row.contact)?),
            _ => None,
        };
        let circumstances = match (&key, open_part(Part::Circumstances, &row.circumstances)?) {
            (Some(k), true) => Some(parts::open(k, Part::Circumstances, id, &row.circumstances)?),
            _ => None,
        };
        let screening = match (&key, open_part(Part::Screening, &row.screening)?) {
            (Some(k), true) => Some(parts::open(k, Part::Screening, id, &row.screening)?),
            _ => None,
        };
        let now = self.now();
        // The purposes go as far as the parts: to a reader who sees any part of the record.
        let shares_parts = Part::ALL.iter().any(|p| access.sees(*p));
        let referrals = case_referrals
            .iter()
            .filter(|r| {
                access.works_on() || Some(r.to_institution_id) == actor.institution_id.map(|i| i.0)
            })
            .map(|r| {
                let purpose = if shares_parts {
                    Some(self.open_purpose(r)?)
                } else {
                    None
                };
                let mut view = referral_view(r, &summary.code, actor, now, purpose);
                // The two sides of the referral read and write its messages.
                let side = if access.works_on() {
                    Some(Side::Owner)
                } else if view.can_answer {
                    Some(Side::Receiver)
                } else {
                    None
                };
                if let (Some(side), Some(key)) = (side, key.as_ref()) {
                    view.messages = self.open_messages(key, &message_rows, r.id)?;
                    let asked = view
                        .messages
                        .iter()
                        .any(|m| m.kind == MessageKind::Question);
                    let status = ReferralStatus::from_code(&r.status);
                    view.may_write = MessageKind::ALL
                        .iter()
                        .copied()
                        .filter(|k| {
                            status.is_some_and(|s| may_write(*k, side, s, view.to_centre, asked))
                        })
                        .collect();
                }
                Ok(view)
            })
            .collect::<Result<_, AppError>>()?;
        let transitions = if access.works_on() {
            let centre_decided = super::identification::centre_decided(&case_referrals);
            allowed(summary.state)
                .into_iter()
                .filter(|t| !(centre_decided && matches!(t, CaseTransition::RecordOutcome(_))))
                .collect()
        } else {
            Vec::new()
        };

        let view = CaseView {
            sex: if access.works_on() || access.sees(Part::Identity) {
                row.sex.clone()
            } else {
                String::new()
            },
            age_band: row.age_band.clone(),
            detected_on: row.detected_on.clone(),
            identity,
            contact,
            circumstances,
            screening,
            referrals,
            tasks: task_rows
                .into_iter()
                .map(|t| {
                    let note = match (&key, working && !t.sealed.is_empty()) {
                        (Some(k), true) => {
                            let place = super::protection::follow_up_place(id);
                            let sealed: super::protection::SealedText =
                                parts::open_at(k, place, &t.sealed)?;
                            sealed.text
                        }
                        _ => String::new(),
                    };
                    let may_complete = working
                        && t.done_at.is_none()
                        && super::tasks::done_by_hand(&t.kind)
                        && Some(t.institution_id) == actor.institution_id.map(|i| i.0);
                    Ok(TaskView {
                        id: t.id,
                        may_complete,
                        kind: t.kind,
                        done: t.done_at.is_some(),
                        due_on: t.due_on,
                        note,
                    })
                })
                .collect::<Result<_, AppError>>()?,
            transitions,
            guardians,
            consents,
            reads_consents,
            consent_from: super::consent::needed_from(&row),
            services,
            notes,
            recovery,
            assigned,
            proceedings: working
                .then(|| spona_domain::cases::ProceedingsStage::from_code(&row.proceedings))
                .flatten(),
            transfers,
            summary,
            access,
            personal_data_removed_at: row.shredded_at,
            hold,
            may_hold,
            data_requests,
        };
        Ok((view, team_id))
    }
}

/// The view of a referral for a reader, with its purpose if the reader may see it.
pub(crate) fn referral_view(
    r: &ReferralRow,
    case_code: &str,
    actor: &Actor,
    now: i64,
    purpose: Option<String>,
) -> ReferralView {
    let status = r.status.clone();
    ReferralView {
        id: r.id,
        case_id: r.case_id,
        case_code: case_code.to_string(),
        case_is_child: r.case_child != 0,
        from_short: r.from_short.clone(),
        to_short: r.to_short.clone(),
        purpose,
        parts: Part::parse_list(&r.shared_parts).into_iter().collect(),
        urgency: r.urgency.clone(),
        overdue: status == "sent" && now > r.deadline_at,
        can_answer: Some(r.to_institution_id) == actor.institution_id.map(|i| i.0)
            && decide(actor, Action::UseCases).allowed(),
        status,
        protocol: r.protocol != 0,
        sent_at: r.sent_at,
        deadline_at: r.deadline_at,
        decline_reason: r.decline_reason.clone(),
        version: r.version,
        to_centre: r.to_kind == InstitutionKind::IdentificationCentre.code(),
        decision: CentreDecision::from_code(&r.decision),
        decided_on: r.decided_on.clone(),
        messages: Vec::new(),
        may_write: Vec::new(),
        from_institution: InstitutionId(r.from_institution_id),
        to_institution: InstitutionId(r.to_institution_id),
        consent: r.consent_id.map(ConsentId),
    }
}
