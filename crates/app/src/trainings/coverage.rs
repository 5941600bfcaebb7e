//! Coverage: how much of each institution's relevant staff was trained in a year, against
//! staff numbers the coordinator enters.

use super::StaffForm;
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::access::WorkNeed;
use spona_domain::ids::InstitutionId;
use spona_domain::registry::{Institution, Team};
use spona_domain::trainings::Coverage;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::institutions;
use spona_store::trainings as store;
use std::collections::HashMap;

/// One institution's line of the coverage table.
#[derive(Clone, Debug)]
pub struct CoverageLine {
    pub institution: Institution,
    pub coverage: Coverage,
}

/// The coverage table of a team for a year.
#[derive(Clone, Debug)]
pub struct CoverageView {
    pub team: Team,
    pub year: i32,
    pub lines: Vec<CoverageLine>,
    /// Whether the actor may enter staff numbers.
    pub can_edit_staff: bool,
}

impl App {
    /// For each active institution of the actor's team: participants trained in the year
    /// (this year unless asked), staff, and the share.
    pub async fn training_coverage(
        &self,
        actor: &Actor,
        year: Option<i32>,
    ) -> Result<CoverageView, AppError> {
        let team = self.training_team(actor, WorkNeed::View).await?;
        let this_year = self.today().year();
        let year = year
            .filter(|y| (2000..=this_year).contains(y))
            .unwrap_or(this_year);
        let mut c = self.db.conn().await?;
        let staff: HashMap<InstitutionId, i64> = store::staff(&mut c, &team.scope)
            .await?
            .into_iter()
            .collect();
        let trained: HashMap<InstitutionId, i64> =
            store::trained_in_year(&mut c, &team.scope, year)
                .await?
                .into_iter()
                .collect();
        let lines = institutions::list_active(&mut c, team.id)
            .await?
            .into_iter()
            .map(|i| CoverageLine {
                coverage: Coverage {
                    institution: i.id,
                    trained: trained.get(&i.id).copied().unwrap_or(0),
                    staff: staff.get(&i.id).copied(),
                },
                institution: i,
            })
            .collect();
        Ok(CoverageView {
            can_edit_staff: self.can_lead_trainings(actor),
            team: team.into_team(),
            year,
            lines,
        })
    }

    /// Sets the staff numbers of the actor's team's institutions (coordinator only).
    pub async fn set_training_staff(
        &self,
        actor: &Actor,
        form: &StaffForm,
    ) -> Result<(), AppError> {
        let team = self.training_team(actor, WorkNeed::Lead).await?;
        let rows = form.parse()?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let active: Vec<InstitutionId> = institutions::list_active(&mut tx, team.id)
            .await?
            .into_iter()
            .map(|i| i.id)
            .collect();
        if rows.iter().any(|(i, _)| !active.contains(i)) {
            let mut e = FieldErrors::new();
            e.add("staff", FieldError::Unknown);
            return Err(AppError::Invalid(e));
        }
        for (institution, staff) in rows {
            store::set_staff(&mut tx, &team.scope, institution, staff, now).await?;
        }
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(Some(team.id), "training-staff-set", "team", team.id.0),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
