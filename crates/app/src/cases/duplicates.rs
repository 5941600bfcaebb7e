//! Possible duplicates, without an oracle. When a report's (or an edit's) blind person index
//! (folded name and birth year) matches another case of the team, a pair is raised in the same
//! transaction — and the reporter learns nothing of it: no answer, page or notice differs from
//! a report of a new person. The pair goes only to the institution that already held the
//! person (the earlier case); it sees its own case's code and which institution reported the
//! new one — never that case's code, names or narrative — and decides. "Same person" tells the
//! reporter's institution which institution to coordinate with (a referral is the way);
//! "different persons" stays with the reviewer, and nobody else ever learns of the pair. The
//! coordinator sees how many pairs wait, per institution, never which. A reviewed pair is
//! never raised again.

use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::{decide, Action, Actor};
use spona_domain::access::{team_cases, TeamCases};
use spona_domain::accounts::Role;
use spona_domain::cases::{CaseId, DuplicateId};
use spona_domain::ids::InstitutionId;
use spona_domain::text;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::alerts::Recipient;
use spona_store::duplicates::{self, DuplicateRow};
use spona_store::{cases, institutions, teams, Tx};

/// The outcomes of a review.
pub const SAME_PERSON: &str = "same-person";
/// The two cases are about different persons.
pub const DIFFERENT_PERSONS: &str = "different-persons";

/// A pending pair as its reviewer (the institution that held the person first) sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateView {
    pub id: DuplicateId,
    /// The reviewer's own case: the one that held the person before the match.
    pub own_case_id: CaseId,
    pub own_code: String,
    /// The short name of the institution that holds the newly reported case.
    pub other_institution: String,
    pub found_at: i64,
    pub version: i64,
}

/// A review as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct DuplicateReviewForm {
    pub outcome: String,
    pub reason: String,
    pub version: i64,
}

/// How many pairs wait for one institution's review (the coordinator's overview).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingDuplicates {
    /// The short name of the reviewing institution.
    pub institution: String,
    pub count: i64,
}

impl App {
    /// Raises a pair for every other case of the team with the same person index, for the
    /// institution that holds that other case to review, and tells it (a kind and its own
    /// case). Returns nothing on purpose: whether a match exists must never reach the person
    /// who reported or edited `case_id`.
    pub(crate) async fn raise_duplicates(
        &self,
        tx: &mut Tx,
        desk: &TeamCases,
        case_id: CaseId,
        index: Option<&str>,
    ) -> Result<(), AppError> {
        let team_id = desk.team();
        let Some(index) = index else {
            return Ok(());
        };
        for held in cases::same_person(tx, desk, index, case_id).await? {
            if duplicates::raise(tx, desk, case_id, held, self.now()).await? {
                if let Some(row) = cases::find(tx, desk, held).await? {
                    let to = Recipient::Institution(InstitutionId(row.owner_institution_id));
                    self.notify(tx, team_id, to, "possible-duplicate", Some(held))
                        .await?;
                }
            }
        }
        Ok(())
    }

    /// For the team's coordinator: how many pairs wait for review, per institution — never
    /// which pairs, cases or codes.
    pub async fn pending_duplicate_counts(
        &self,
        actor: &Actor,
    ) -> Result<Vec<PendingDuplicates>, AppError> {
        let desk = team_cases(actor).map_err(|_| AppError::Forbidden)?;
        let team_id = desk.team();
        if actor.role != Role::Coordinator
            || !decide(actor, Action::LeadTeamWork(team_id)).allowed()
        {
            return Err(AppError::Forbidden);
        }
        let mut c = self.db.conn().await?;
        let mut counts = Vec::new();
        for (institution, count) in duplicates::pending_counts(&mut c, &desk).await? {
            let name = institutions::find(&mut c, team_id, InstitutionId(institution))
                .await?
                .map(|i| i.short_name)
                .unwrap_or_default();
            counts.push(PendingDuplicates {
                institution: name,
                count,
            });
        }
        Ok(counts)
    }

    /// The pairs waiting for the actor's institution's review.
    pub async fn duplicates_to_review(
        &self,
        actor: &Actor,
    ) -> Result<Vec<DuplicateView>, AppError> {
        spona_domain::access::cases_section(actor)?;
        let (desk, institution) = Self::case_worker_scope(actor)?;
        let team_id = desk.team();
        let mut c = self.db.conn().await?;
        let team = teams::find(&mut c, team_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let rows = duplicates::pending_for(&mut c, &desk, institution).await?;
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        // The team's institutions once, not one lookup per pair.
        let short_names: std::collections::HashMap<i64, String> =
            institutions::list_active(&mut c, team_id)
                .await?
                .into_iter()
                .map(|i| (i.id.0, i.short_name))
                .collect();
        let mut views = Vec::with_capacity(rows.len());
        for r in rows {
            let held_first = r.held_case_id == r.case_id;
            let (own_id, year, seq, other_owner) = if held_first {
                (r.case_id, r.case_year, r.case_seq, r.other_owner)
            } else {
                (r.other_case_id, r.other_year, r.other_seq, r.case_owner)
            };
            let other_institution = match short_names.get(&other_owner) {
                Some(name) => name.clone(),
                // A deactivated institution still holds its cases.
                None => institutions::find(&mut c, team_id, InstitutionId(other_owner))
                    .await?
                    .map(|i| i.short_name)
                    .unwrap_or_default(),
            };
            views.push(DuplicateView {
                id: r.id,
                own_case_id: own_id,
                own_code: super::code_of(&team.city, year, seq)
                    .map(|c| c.to_cyrillic())
                    .unwrap_or_default(),
                other_institution,
                found_at: r.found_at,
                version: r.version,
            });
        }
        Ok(views)
    }

    /// Records the review of a pair by the institution that held the person first. "Same
    /// person" is audited on both cases and tells the other institution whom to coordinate
    /// with; "different persons" is audited on the reviewer's case only, so that nobody else
    /// ever learns of the pair.
    pub async fn review_duplicate(
        &self,
        actor: &Actor,
        id: DuplicateId,
        form: &DuplicateReviewForm,
    ) -> Result<(), AppError> {
        // Looked up in the own team first (another team's is "not found"), then the
        // section, then whether the actor's institution reviews it, then the input.
        let desk = team_cases(actor)?;
        let mut tx = self.db.begin().await?;
        let found = duplicates::find(&mut tx, &desk, id)
            .await?
            .ok_or(AppError::NotFound)?;
        spona_domain::access::cases_section(actor)?;
        let (desk, institution) = Self::case_worker_scope(actor)?;
        let team_id = desk.team();
        let row: DuplicateRow = Some(found)
            .filter(|r| reviewer(r) == institution.0)
            .ok_or(AppError::NotFound)?;
        let mut e = FieldErrors::new();
        let outcome = match form.outcome.as_str() {
            SAME_PERSON | DIFFERENT_PERSONS => Some(form.outcome.as_str()),
            "" => {
                e.add("outcome", FieldError::Required);
                None
            }
            _ => {
                e.add("outcome", FieldError::Unknown);
                None
            }
        };
        let reason = e.check("reason", text::optional(&form.reason, 1000));
        let (Some(outcome), Some(reason)) = (outcome, reason) else {
            return Err(AppError::Invalid(e));
        };
        if row.outcome != "pending" {
            return Err(AppError::Conflict);
        }
        duplicates::review(
            &mut tx,
            id,
            form.version,
            outcome,
            &reason,
            actor.user_id,
            self.now(),
        )
        .await
        .map_err(|err| match err {
            spona_store::StoreError::Conflict => AppError::Conflict,
            other => other.into(),
        })?;
        let (new_case, new_owner) = if row.held_case_id == row.case_id {
            (row.other_case_id, row.other_owner)
        } else {
            (row.case_id, row.case_owner)
        };
        let audited: &[CaseId] = if outcome == SAME_PERSON {
            &[row.held_case_id, new_case]
        } else {
            &[row.held_case_id]
        };
        for &case in audited {
            let mut event = AuditEvent::about(Some(team_id), "duplicate-reviewed", "case", case.0);
            event.reason = &reason;
            self.audit(&mut tx, Author::of(actor), event).await?;
        }
        if outcome == SAME_PERSON && new_owner != institution.0 {
            let to = Recipient::Institution(InstitutionId(new_owner));
            self.notify_about(
                &mut tx,
                team_id,
                to,
                "duplicate-confirmed",
                Some(new_case),
                Some(institution),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// The institution that owns the pair's held case: the pair's only reviewer.
fn reviewer(r: &DuplicateRow) -> i64 {
    if r.held_case_id == r.case_id {
        r.case_owner
    } else {
        r.other_owner
    }
}
