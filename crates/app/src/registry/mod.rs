//! The team registry: teams and their founding decision, institutions and partners, members.

mod directory;
mod institutions;
mod members;
mod teams;

pub use directory::DirectoryEntry;
pub(crate) use institutions::insert_institution;
pub use institutions::{InstitutionQuery, InstitutionView};
pub(crate) use members::insert_member;
pub use members::{MemberQuery, MemberView};
pub use teams::TeamOverview;

use crate::{App, AppError};
use spona_domain::access::{decide, Action, Actor};
use spona_domain::registry::Team;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::{teams as team_store, StoreError};

/// Rows on one page of a list.
pub const PAGE_SIZE: i64 = 25;

impl App {
    /// The team with this code, if the actor may see its registry; otherwise "not found",
    /// so that nobody learns which teams exist.
    pub(crate) async fn visible_team(&self, actor: &Actor, code: &str) -> Result<Team, AppError> {
        let mut c = self.db.conn().await?;
        let team = team_store::find_by_code(&mut c, code)
            .await?
            .ok_or(AppError::NotFound)?;
        if decide(actor, Action::ViewRegistry(team.id)).allowed() {
            Ok(team)
        } else {
            Err(AppError::NotFound)
        }
    }

    /// The team, if the actor may edit its registry (for showing an edit form).
    pub async fn team_for_editing(&self, actor: &Actor, code: &str) -> Result<Team, AppError> {
        self.editable_team(actor, code).await
    }

    /// Whether the actor may change the team's registry (to show edit buttons).
    pub fn can_edit_registry(&self, actor: &Actor, team: &Team) -> bool {
        decide(actor, Action::EditRegistry(team.id)).allowed()
    }

    /// The team, if the actor may edit its registry. Seeing but not editing is "forbidden".
    pub(crate) async fn editable_team(&self, actor: &Actor, code: &str) -> Result<Team, AppError> {
        let team = self.visible_team(actor, code).await?;
        if decide(actor, Action::EditRegistry(team.id)).allowed() {
            Ok(team)
        } else {
            Err(AppError::Forbidden)
        }
    }
}

/// Turns a duplicate key into an error at the field.
pub(crate) fn duplicate_to_field(e: StoreError) -> AppError {
    match e {
        StoreError::Duplicate(_) => {
            let mut errors = FieldErrors::new();
            errors.add("code", FieldError::Taken);
            AppError::Invalid(errors)
        }
        other => other.into(),
    }
}
