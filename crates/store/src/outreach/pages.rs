//! A team's public page: whether it is on and the coordinator's introduction. A team that
//! never saved one has none, which is the same as off.

use crate::StoreError;
use spona_domain::access::TeamScope;
use spona_domain::ids::{TeamId, UserId};
use sqlx::AnyConnection;

/// The settings of a team's public page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PublicPage {
    pub enabled: bool,
    pub intro: String,
    /// When it was last changed (Unix seconds).
    pub updated_at: i64,
}

/// The team's public page, if it was ever saved.
pub async fn find(
    c: &mut AnyConnection,
    scope: &TeamScope,
) -> Result<Option<PublicPage>, StoreError> {
    let row: Option<(i64, String, i64)> =
        sqlx::query_as("SELECT enabled, intro, updated_at FROM public_pages WHERE team_id = $1")
            .bind(scope.team().0)
            .fetch_optional(c)
            .await?;
    Ok(row.map(|(enabled, intro, updated_at)| PublicPage {
        enabled: enabled != 0,
        intro,
        updated_at,
    }))
}

/// The team's public page while it is on, as anyone reads it.
///
/// It takes the team's id, not a scope: the page is read without signing in, so there is
/// no account for the access check to decide on; only what the coordinator turned on is
/// found.
pub async fn find_enabled(
    c: &mut AnyConnection,
    team: TeamId,
) -> Result<Option<PublicPage>, StoreError> {
    let row: Option<(String, i64)> = sqlx::query_as(
        "SELECT intro, updated_at FROM public_pages WHERE team_id = $1 AND enabled <> 0",
    )
    .bind(team.0)
    .fetch_optional(c)
    .await?;
    Ok(row.map(|(intro, updated_at)| PublicPage {
        enabled: true,
        intro,
        updated_at,
    }))
}

/// Saves the team's public page, creating it on first save.
pub async fn save(
    c: &mut AnyConnection,
    scope: &TeamScope,
    enabled: bool,
    intro: &str,
    by: UserId,
    at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO public_pages (team_id, enabled, intro, updated_by, updated_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (team_id) DO UPDATE SET \
         enabled = excluded.enabled, intro = excluded.intro, \
         updated_by = excluded.updated_by, updated_at = excluded.updated_at",
    )
    .bind(scope.team().0)
    .bind(i64::from(enabled))
    .bind(intro)
    .bind(by.0)
    .bind(at)
    .execute(c)
    .await?;
    Ok(())
}
