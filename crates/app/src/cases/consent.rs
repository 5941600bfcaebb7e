//! Guardians and consent. A child's or a legally incapable person's guardian is recorded
//! before anything that needs consent, and gives it; an adult gives it themselves. Referrals
//! follow the consent; going without it needs the permission and a written reason, audited.

use super::access_to;
use super::parts::{open_at, seal_at};
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use serde::{Deserialize, Serialize};
use spona_crypto::fields::Place;
use spona_domain::access::Actor;
use spona_domain::access::TeamCases;
use spona_domain::cases::{
    consent_needed_from, AgeBand, CaseAccess, CaseId, ConsentGiver, ConsentId, ConsentScope,
    GuardianTask, Part,
};
use spona_domain::ids::InstitutionId;
use spona_domain::text;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::cases::CaseRow;
use spona_store::consents::{self, NewConsent};
use spona_store::{referrals, tasks};
use std::collections::BTreeSet;

/// A guardian as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct GuardianForm {
    pub name: String,
    pub contact: String,
    pub appointed_on: String,
}

/// A consent as typed: who gave it, what was explained, what may go to whom, when.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ConsentForm {
    pub given_by: String,
    pub explained: String,
    pub parts: Vec<String>,
    pub institutions: Vec<String>,
    pub given_on: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct GuardianSealed {
    name: String,
    contact: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct ConsentSealed {
    explained: String,
}

/// A guardian as the case page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuardianView {
    pub name: String,
    pub contact: String,
    pub appointed_on: String,
}

/// A consent as the case page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsentView {
    pub id: ConsentId,
    pub given_by: ConsentGiver,
    pub explained: String,
    pub parts: Vec<Part>,
    pub institutions: Vec<InstitutionId>,
    pub given_on: String,
    pub withdrawn: bool,
}

fn guardian_place(case_id: CaseId) -> Place<'static> {
    Place {
        table: "case_guardians",
        column: "sealed",
        row: case_id.0,
    }
}

fn consent_place(case_id: CaseId) -> Place<'static> {
    Place {
        table: "case_consents",
        column: "sealed",
        row: case_id.0,
    }
}

/// Whose consents a reader of the case sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ConsentsFor {
    /// Nobody's (the coordinator, an emergency reader).
    Nobody,
    /// Every consent (the owning institution).
    All,
    /// Those that let something go to this institution, showing it alone among those they
    /// name (a receiver of the case: what it may hold, and on whose word).
    Naming(InstitutionId),
}

/// Who must give consent for this case.
pub(crate) fn needed_from(row: &CaseRow) -> ConsentGiver {
    let band = if row.may_be_child != 0 {
        AgeBand::Child
    } else {
        AgeBand::from_code(&row.age_band).unwrap_or(AgeBand::Unknown)
    };
    consent_needed_from(band, row.lacks_capacity != 0)
}

/// The consents of a case as scopes for the sharing rule.
pub(crate) async fn scopes(
    c: &mut spona_store::Connection,
    team: &TeamCases,
    case_id: CaseId,
) -> Result<Vec<ConsentScope>, AppError> {
    Ok(consents::consents(c, team, case_id)
        .await?
        .into_iter()
        .filter_map(|r| {
            Some(ConsentScope {
                id: r.id,
                given_by: ConsentGiver::from_code(&r.given_by)?,
                parts: Part::parse_list(&r.parts),
                institutions: r
                    .institutions
                    .split(',')
                    .filter_map(|i| i.parse().ok())
                    .map(InstitutionId)
                    .collect(),
                withdrawn: r.withdrawn_at.is_some(),
            })
        })
        .collect())
}

impl App {
    /// Records the guardian of the person; any institution working on the case may (the
    /// Centre for Social Work appoints one). Completes the open guardian tasks.
    pub async fn record_guardian(
        &self,
        actor: &Actor,
        case_id: CaseId,
        form: &GuardianForm,
    ) -> Result<(), AppError> {
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let (desk, row) = super::case_desk(&mut tx, actor, case_id).await?;
        let team_id = desk.team();
        let access = access_to(
            actor,
            &row,
            &referrals::for_case(&mut tx, &desk, case_id).await?,
        );
        if !access.opens() {
            return Err(super::not_opened(actor));
        }
        // A former owner only reads.
        if access == CaseAccess::Kept || (!access.works_on() && !access.sees(Part::Identity)) {
            return Err(AppError::Forbidden);
        }
        // Judged only once access is decided.
        let mut e = FieldErrors::new();
        let name = e.check("name", text::required(&form.name, 200));
        let contact = e.check("contact", text::optional(&form.contact, 200));
        let appointed = e.check(
            "appointed_on",
            text::date(&form.appointed_on).and_then(|d| {
                if d > self.today() {
                    Err(FieldError::DateInFuture)
                } else {
                    Ok(d)
                }
            }),
        );
        let (Some(name), Some(contact), Some(appointed)) = (name, contact, appointed) else {
            return Err(AppError::Invalid(e));
        };
        let key = self.case_key(case_id, &row.data_key)?;
        let sealed = seal_at(
            &key,
            guardian_place(case_id),
            &GuardianSealed { name, contact },
        )?;
        consents::insert_guardian(
            &mut tx,
            &desk,
            case_id,
            &sealed,
            &text::iso_date(appointed),
            actor.user_id,
            now,
        )
        .await?;
        for task in tasks::for_case(&mut tx, &desk, case_id).await? {
            let is_guardian_task = GuardianTask::from_code(&task.kind).is_some();
            if is_guardian_task && task.done_at.is_none() {
                tasks::complete(&mut tx, &desk, task.id, actor.user_id, now).await?;
            }
        }
        let event = AuditEvent::about(Some(team_id), "guardian-recorded", "case", case_id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records a consent (the owning institution only). For a child or a person without legal
    /// capacity it must be the guardian's, and a guardian must already be recorded.
    pub async fn record_consent(
        &self,
        actor: &Actor,
        case_id: CaseId,
        form: &ConsentForm,
    ) -> Result<ConsentId, AppError> {
        let mut e = FieldErrors::new();
        let given_by = e.check(
            "given_by",
            ConsentGiver::from_code(&form.given_by).ok_or(FieldError::Unknown),
        );
        let explained = e.check("explained", text::required(&form.explained, 2000));
        let parts: BTreeSet<Part> = form
            .parts
            .iter()
            .filter_map(|p| Part::from_code(p))
            .collect();
        if parts.is_empty() || parts.len() != form.parts.len() {
            e.add("parts", FieldError::Required);
        }
        let institutions: Result<BTreeSet<i64>, _> = form
            .institutions
            .iter()
            .map(|i| i.trim().parse::<i64>())
            .collect();
        let institutions = match institutions {
            Ok(set) if !set.is_empty() => Some(set),
            _ => {
                e.add("institutions", FieldError::Required);
                None
            }
        };
        let given_on = e.check(
            "given_on",
            text::date(&form.given_on).and_then(|d| {
                if d > self.today() {
                    Err(FieldError::DateInFuture)
                } else {
                    Ok(d)
                }
            }),
        );
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let (desk, row, _) = super::owned_case(&mut tx, actor, case_id).await?;
        let team_id = desk.team();
        let needed = needed_from(&row);
        if let Some(by) = given_by {
            if by != needed {
                e.add("given_by", FieldError::Invalid);
            } else if by == ConsentGiver::Guardian
                && consents::guardians(&mut tx, &desk, case_id)
                    .await?
                    .is_empty()
            {
                e.add("given_by", FieldError::Required);
            }
        }
        let (Some(given_by), Some(explained), Some(institutions), Some(given_on), true) =
            (given_by, explained, institutions, given_on, e.is_empty())
        else {
            return Err(AppError::Invalid(e));
        };
        let key = self.case_key(case_id, &row.data_key)?;
        let sealed = seal_at(&key, consent_place(case_id), &ConsentSealed { explained })?;
        let list: Vec<String> = institutions.iter().map(i64::to_string).collect();
        let id = consents::insert_consent(
            &mut tx,
            &NewConsent {
                team: desk,
                case_id,
                given_by: given_by.code(),
                sealed: &sealed,
                parts: &Part::list(&parts),
                institutions: &list.join(","),
                given_on: &text::iso_date(given_on),
                by: actor.user_id,
                at: now,
            },
        )
        .await?;
        let event = AuditEvent::about(Some(team_id), "consent-recorded", "case", case_id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Withdraws a consent; referrals already made stay on record, new ones need another.
    pub async fn withdraw_consent(
        &self,
        actor: &Actor,
        case_id: CaseId,
        consent_id: ConsentId,
    ) -> Result<(), AppError> {
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let (desk, _row, _) = super::owned_case(&mut tx, actor, case_id).await?;
        let team_id = desk.team();
        let of_case = consents::consents(&mut tx, &desk, case_id).await?;
        if !of_case.iter().any(|c| c.id == consent_id) {
            return Err(AppError::NotFound);
        }
        consents::withdraw(&mut tx, &desk, consent_id, actor.user_id, now).await?;
        let event = AuditEvent::about(Some(team_id), "consent-withdrawn", "case", case_id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The guardians and (for the owner) consents of a case, opened for the page.
    pub(crate) async fn guardians_and_consents(
        &self,
        c: &mut spona_store::Connection,
        team: &TeamCases,
        row: &CaseRow,
        show_guardians: bool,
        consents_for: ConsentsFor,
    ) -> Result<(Vec<GuardianView>, Vec<ConsentView>), AppError> {
        if !show_guardians && consents_for == ConsentsFor::Nobody {
            return Ok((Vec::new(), Vec::new()));
        }
        let key = self.case_key(row.id, &row.data_key)?;
        let mut guardians = Vec::new();
        if show_guardians {
            for g in consents::guardians(c, team, row.id).await? {
                let s: GuardianSealed = open_at(&key, guardian_place(row.id), &g.sealed)?;
                guardians.push(GuardianView {
                    name: s.name,
                    contact: s.contact,
                    appointed_on: g.appointed_on,
                });
            }
        }
        let mut list = Vec::new();
        if consents_for != ConsentsFor::Nobody {
            for r in consents::consents(c, team, row.id).await? {
                let named: Vec<InstitutionId> = r
                    .institutions
                    .split(',')
                    .filter_map(|i| i.parse().ok())
                    .map(InstitutionId)
                    .collect();
                let institutions = match consents_for {
                    ConsentsFor::Naming(own) if named.contains(&own) => vec![own],
                    ConsentsFor::Naming(_) | ConsentsFor::Nobody => continue,
                    ConsentsFor::All => named,
                };
                let s: ConsentSealed = open_at(&key, consent_place(row.id), &r.sealed)?;
                list.push(ConsentView {
                    id: r.id,
                    given_by: ConsentGiver::from_code(&r.given_by).unwrap_or(ConsentGiver::Person),
                    explained: s.explained,
                    parts: Part::parse_list(&r.parts).into_iter().collect(),
                    institutions,
                    given_on: r.given_on,
                    withdrawn: r.withdrawn_at.is_some(),
                });
            }
        }
        Ok((guardians, list))
    }
}
