//! Teams: the unit of tenancy, with their founding decision.

use crate::{dates, StoreError};
use spona_domain::ids::TeamId;
use spona_domain::registry::{FoundingDecision, Team};
use sqlx::AnyConnection;

#[derive(sqlx::FromRow)]
struct TeamRow {
    id: i64,
    code: String,
    name_cyrl: String,
    name_latn: String,
    city: String,
    founding_number: String,
    founding_date: Option<String>,
    founding_body: String,
    active: i64,
    national: i64,
    version: i64,
}

impl TryFrom<TeamRow> for Team {
    type Error = StoreError;
    fn try_from(r: TeamRow) -> Result<Team, StoreError> {
        Ok(Team {
            id: TeamId(r.id),
            code: r.code,
            name_cyrl: r.name_cyrl,
            name_latn: r.name_latn,
            city: r.city,
            founding: FoundingDecision {
                number: r.founding_number,
                date: dates::parse_opt(r.founding_date)?,
                body: r.founding_body,
            },
            active: r.active != 0,
            national: r.national != 0,
            version: r.version,
        })
    }
}

const COLUMNS: &str = "id, code, name_cyrl, name_latn, city, founding_number, founding_date, \
                       founding_body, active, national, version";

/// The fields of a new team.
#[derive(Clone, Debug)]
pub struct NewTeam<'a> {
    pub code: &'a str,
    pub name_cyrl: &'a str,
    pub name_latn: &'a str,
    pub city: &'a str,
    pub founding: &'a FoundingDecision,
}

/// Marks the team as the one that holds the deployment's national institutions.
pub async fn mark_national(c: &mut AnyConnection, id: TeamId) -> Result<(), StoreError> {
    let done = sqlx::query("UPDATE teams SET national = 1 WHERE id = $1")
        .bind(id.0)
        .execute(c)
        .await?;
    StoreError::one_row(done.rows_affected())
}

/// Adds a team; its code must be unused.
pub async fn insert(
    c: &mut AnyConnection,
    t: &NewTeam<'_>,
    now: i64,
) -> Result<TeamId, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO teams (code, name_cyrl, name_latn, city, founding_number, founding_date, \
         founding_body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(t.code)
    .bind(t.name_cyrl)
    .bind(t.name_latn)
    .bind(t.city)
    .bind(&t.founding.number)
    .bind(t.founding.date.map(dates::iso))
    .bind(&t.founding.body)
    .bind(now)
    .fetch_one(c)
    .await
    .map_err(|e| StoreError::unique(e, "code"))?;
    Ok(TeamId(id))
}

/// Every team, active first, by code.
pub async fn list(c: &mut AnyConnection) -> Result<Vec<Team>, StoreError> {
    let rows: Vec<TeamRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM teams ORDER BY active DESC, code"
    ))
    .fetch_all(c)
    .await?;
    rows.into_iter().map(Team::try_from).collect()
}

/// A team by id.
pub async fn find(c: &mut AnyConnection, id: TeamId) -> Result<Option<Team>, StoreError> {
    let row: Option<TeamRow> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM teams WHERE id = $1"))
            .bind(id.0)
            .fetch_optional(c)
            .await?;
    row.map(Team::try_from).transpose()
}

/// A team by its short code.
pub async fn find_by_code(c: &mut AnyConnection, code: &str) -> Result<Option<Team>, StoreError> {
    let row: Option<TeamRow> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM teams WHERE code = $1"))
            .bind(code)
            .fetch_optional(c)
            .await?;
    row.map(Team::try_from).transpose()
}

/// Changes the founding decision, if the team is still at `version`.
pub async fn update_founding(
    c: &mut AnyConnection,
    id: TeamId,
    version: i64,
    founding: &FoundingDecision,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE teams SET founding_number = $1, founding_date = $2, founding_body = $3, \
         version = version + 1 WHERE id = $4 AND version = $5",
    )
    .bind(&founding.number)
    .bind(founding.date.map(dates::iso))
    .bind(&founding.body)
    .bind(id.0)
    .bind(version)
    .execute(c)
    .await?;
    StoreError::one_row(done.rows_affected())
}
