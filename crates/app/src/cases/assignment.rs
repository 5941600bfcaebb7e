//! Assigning the team's coordinator to a case: the owning institution decides, and only then
//! does the coordinator read the personal data (never work on the case).

use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::accounts::Role;
use spona_domain::cases::CaseId;
use spona_domain::ids::UserId;
use spona_store::alerts::Recipient;
use spona_store::{assignments, users};

impl App {
    /// The active coordinators of the actor's team (to choose whom to assign).
    pub async fn team_coordinators(&self, actor: &Actor) -> Result<Vec<(i64, String)>, AppError> {
        let team = actor.team_id.ok_or(AppError::Forbidden)?;
        let mut c = self.db.conn().await?;
        coordinators_of(&mut c, team).await
    }

    /// Assigns a coordinator of the team to a case the actor's institution owns.
    pub async fn assign_coordinator(
        &self,
        actor: &Actor,
        case_id: CaseId,
        user: i64,
    ) -> Result<(), AppError> {
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let (desk, _, _) = super::owned_case(&mut tx, actor, case_id).await?;
        let team_id = desk.team();
        let target = users::find(&mut tx, UserId(user)).await?;
        let ok = target
            .is_some_and(|u| u.role == Role::Coordinator && u.active && u.team_id == Some(team_id));
        if !ok {
            let mut e = spona_domain::validation::FieldErrors::new();
            e.add("user", spona_domain::validation::FieldError::Unknown);
            return Err(AppError::Invalid(e));
        }
        assignments::assign(&mut tx, &desk, case_id, UserId(user), actor.user_id, now).await?;
        self.notify(
            &mut tx,
            team_id,
            Recipient::User(UserId(user)),
            "case-assigned",
            Some(case_id),
        )
        .await?;
        let event = AuditEvent::about(Some(team_id), "coordinator-assigned", "case", case_id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Ends a coordinator's assignment to a case the actor's institution owns.
    pub async fn unassign_coordinator(
        &self,
        actor: &Actor,
        case_id: CaseId,
        user: i64,
    ) -> Result<(), AppError> {
        let mut tx = self.db.begin().await?;
        let (desk, _, _) = super::owned_case(&mut tx, actor, case_id).await?;
        let team_id = desk.team();
        assignments::unassign(&mut tx, &desk, case_id, UserId(user)).await?;
        let event = AuditEvent::about(Some(team_id), "coordinator-unassigned", "case", case_id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// The active coordinators of a team (id, name).
pub(crate) async fn coordinators_of(
    c: &mut spona_store::Connection,
    team: spona_domain::ids::TeamId,
) -> Result<Vec<(i64, String)>, AppError> {
    let filter = users::Filter {
        team: Some(team),
        query: String::new(),
        limit: 10_000,
        offset: 0,
    };
    Ok(users::list(c, &filter)
        .await?
        .items
        .into_iter()
        .filter(|u| u.role == Role::Coordinator && u.active)
        .map(|u| (u.id.0, u.display_name))
        .collect())
}
