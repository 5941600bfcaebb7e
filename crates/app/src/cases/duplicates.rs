//! Possible duplicates: when a report's blind person index (folded name and birth year)
//! matches another case of the team, the pair is raised in the same transaction for the
//! owning institutions to review. Reviewers see their own case's code and which institution
//! holds the other case — never that case's code, names or narrative — and record whether
//! it is the same person (then the other institution is told, to coordinate) or not. A
//! reviewed pair is never raised again.

use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::{decide, Action, Actor};
use spona_domain::ids::{InstitutionId, TeamId};
use spona_domain::text;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::alerts::Recipient;
use spona_store::duplicates::{self, DuplicateRow};
use spona_store::{cases, institutions, teams, Tx};

/// The outcomes of a review.
pub const SAME_PERSON: &str = "same-person";
/// The two cases are about different persons.
pub const DIFFERENT_PERSONS: &str = "different-persons";

/// A pending pair as one of its reviewers sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateView {
    pub id: i64,
    /// The reviewer's own case (the lower id when the institution owns both).
    pub own_case_id: i64,
    pub own_code: String,
    /// The short name of the institution that holds the other case.
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

impl App {
    /// Raises a pair for every other case of the team with the same person index; true when
    /// a new pair was raised. The other case's institution is told (a kind and its own case).
    pub(crate) async fn raise_duplicates(
        &self,
        tx: &mut Tx,
        team_id: TeamId,
        case_id: i64,
        index: Option<&str>,
    ) -> Result<bool, AppError> {
        let Some(index) = index else {
            return Ok(false);
        };
        let mut raised = false;
        for other in cases::same_person(tx, team_id, index, case_id).await? {
            if duplicates::raise(tx, team_id, case_id, other, self.now()).await? {
                raised = true;
                if let Some(row) = cases::find(tx, team_id, other).await? {
                    let to = Recipient::Institution(InstitutionId(row.owner_institution_id));
                    self.notify(tx, team_id, to, "possible-duplicate", Some(other))
                        .await?;
                }
            }
        }
        Ok(raised)
    }

    /// The pairs waiting for the actor's institution's review.
    pub async fn duplicates_to_review(
        &self,
        actor: &Actor,
    ) -> Result<Vec<DuplicateView>, AppError> {
        if !decide(actor, Action::UseCases).allowed() {
            return Err(AppError::Forbidden);
        }
        let (team_id, institution) = Self::case_worker_scope(actor)?;
        let mut c = self.db.conn().await?;
        let team = teams::find(&mut c, team_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let rows = duplicates::pending_for(&mut c, team_id, institution).await?;
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
            let mine_first = r.case_owner == institution.0;
            let (own_id, year, seq, other_owner) = if mine_first {
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

    /// Records the review of a pair by one of the institutions that own its cases; audited
    /// on both cases. "Same person" tells the other institution, so that they coordinate.
    pub async fn review_duplicate(
        &self,
        actor: &Actor,
        id: i64,
        form: &DuplicateReviewForm,
    ) -> Result<(), AppError> {
        if !decide(actor, Action::UseCases).allowed() {
            return Err(AppError::Forbidden);
        }
        let (team_id, institution) = Self::case_worker_scope(actor)?;
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
        let mut tx = self.db.begin().await?;
        let row: DuplicateRow = duplicates::find(&mut tx, team_id, id)
            .await?
            .filter(|r| r.case_owner == institution.0 || r.other_owner == institution.0)
            .ok_or(AppError::NotFound)?;
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
        for case in [row.case_id, row.other_case_id] {
            let mut event = AuditEvent::about(Some(team_id), "duplicate-reviewed", "case", case);
            event.reason = &reason;
            self.audit(&mut tx, Author::of(actor), event).await?;
        }
        if outcome == SAME_PERSON {
            for (case, owner) in [
                (row.case_id, row.case_owner),
                (row.other_case_id, row.other_owner),
            ] {
                if owner != institution.0 {
                    let to = Recipient::Institution(InstitutionId(owner));
                    self.notify(&mut tx, team_id, to, "duplicate-confirmed", Some(case))
                        .await?;
                }
            }
        }
        tx.commit().await?;
        Ok(())
    }
}
