//! The schools and venues of a team's city: listed for every team role, added and
//! withdrawn by them; a withdrawn venue stays on the activities held there.

use crate::audit::{AuditEvent, Author};
use crate::forms::NAME_MAX;
use crate::{App, AppError};
use serde::Deserialize;
use spona_domain::access::Actor;
use spona_domain::activities::{Venue, VenueId, VenueKind};
use spona_domain::text;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::{venues, StoreError};

/// A venue as typed.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct VenueForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub kind: String,
}

impl VenueForm {
    fn parse(&self) -> Result<(String, VenueKind), FieldErrors> {
        let mut e = FieldErrors::new();
        let name = e.check("name", text::required(&self.name, NAME_MAX));
        let kind = e.check(
            "kind",
            VenueKind::from_code(self.kind.trim()).ok_or(FieldError::Required),
        );
        match (name, kind) {
            (Some(name), Some(kind)) => Ok((name, kind)),
            _ => Err(e),
        }
    }
}

impl App {
    /// The venues of the actor's team; withdrawn ones too when asked (for the venues page).
    pub async fn venues(
        &self,
        actor: &Actor,
        include_inactive: bool,
    ) -> Result<Vec<Venue>, AppError> {
        let team = self.team_of_work(actor, false).await?;
        let mut c = self.db.conn().await?;
        Ok(venues::list(&mut c, &team.scope, include_inactive).await?)
    }

    /// Adds a school or venue to the actor's team's list.
    pub async fn add_venue(&self, actor: &Actor, form: &VenueForm) -> Result<VenueId, AppError> {
        let team = self.team_of_work(actor, true).await?;
        let (name, kind) = form.parse()?;
        let mut tx = self.db.begin().await?;
        let id = venues::insert(&mut tx, &team.scope, &name, kind, self.now())
            .await
            .map_err(|e| match e {
                StoreError::Duplicate(_) => {
                    let mut errors = FieldErrors::new();
                    errors.add("name", FieldError::Taken);
                    AppError::Invalid(errors)
                }
                other => other.into(),
            })?;
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(Some(team.id), "venue-added", "venue", id.0),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Withdraws a venue from the choices, or offers it again.
    pub async fn set_venue_active(
        &self,
        actor: &Actor,
        id: VenueId,
        active: bool,
    ) -> Result<(), AppError> {
        let team = self.team_of_work(actor, true).await?;
        let mut tx = self.db.begin().await?;
        venues::find(&mut tx, &team.scope, id)
            .await?
            .ok_or(AppError::NotFound)?;
        venues::set_active(&mut tx, &team.scope, id, active).await?;
        let action = if active {
            "venue-reactivated"
        } else {
            "venue-withdrawn"
        };
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(Some(team.id), action, "venue", id.0),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
