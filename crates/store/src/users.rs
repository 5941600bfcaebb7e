//! User accounts.

use crate::institutions::like_pattern;
use crate::{Page, StoreError};
use spona_domain::accounts::Role;
use spona_domain::ids::{InstitutionId, TeamId, UserId};
use sqlx::AnyConnection;

/// An account as stored, with the names of its team and institution for display.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub id: UserId,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub team_id: Option<TeamId>,
    pub team_code: Option<String>,
    pub institution_id: Option<InstitutionId>,
    pub institution_short: Option<String>,
    pub password_hash: Option<String>,
    pub locale: String,
    pub active: bool,
    pub version: i64,
}

#[derive(sqlx::FromRow)]
pub(crate) struct UserRow {
    pub(crate) id: i64,
    username: String,
    display_name: String,
    role: String,
    team_id: Option<i64>,
    team_code: Option<String>,
    institution_id: Option<i64>,
    institution_short: Option<String>,
    password_hash: Option<String>,
    locale: String,
    active: i64,
    version: i64,
}

impl TryFrom<UserRow> for User {
    type Error = StoreError;
    fn try_from(r: UserRow) -> Result<User, StoreError> {
        Ok(User {
            id: UserId(r.id),
            username: r.username,
            display_name: r.display_name,
            role: Role::from_code(&r.role)
                .ok_or_else(|| StoreError::Corrupt(format!("role {:?}", r.role)))?,
            team_id: r.team_id.map(TeamId),
            team_code: r.team_code,
            institution_id: r.institution_id.map(InstitutionId),
            institution_short: r.institution_short,
            password_hash: r.password_hash,
            locale: r.locale,
            active: r.active != 0,
            version: r.version,
        })
    }
}

// The pieces of an account's query as macros, so that `concat!` can join them at compile time.
macro_rules! account_columns {
    () => {
        "u.id, u.username, u.display_name, u.role, u.team_id, t.code AS team_code, \
         u.institution_id, i.short_name AS institution_short, u.password_hash, u.locale, \
         u.active, u.version"
    };
}
macro_rules! account_names {
    () => {
        "LEFT JOIN teams t ON t.id = u.team_id LEFT JOIN institutions i ON i.id = u.institution_id"
    };
}

/// An account's columns (`u`), with its team's code and institution's short name (`NAMES`).
pub(crate) const COLUMNS: &str = account_columns!();
/// The joins that give an account (`u`) its team's and institution's names.
pub(crate) const NAMES: &str = account_names!();
const SELECT: &str = concat!(
    "SELECT ",
    account_columns!(),
    " FROM users u ",
    account_names!()
);

/// The fields of a new account.
#[derive(Clone, Debug)]
pub struct NewUser<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub team_id: Option<TeamId>,
    pub institution_id: Option<InstitutionId>,
    pub password_hash: Option<&'a str>,
    pub locale: &'a str,
}

/// Adds an account; the username must be unused.
pub async fn insert(
    c: &mut AnyConnection,
    u: &NewUser<'_>,
    now: i64,
) -> Result<UserId, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO users (username, display_name, role, team_id, institution_id, password_hash, \
         locale, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
    )
    .bind(u.username)
    .bind(u.display_name)
    .bind(u.role.code())
    .bind(u.team_id.map(|t| t.0))
    .bind(u.institution_id.map(|i| i.0))
    .bind(u.password_hash)
    .bind(u.locale)
    .bind(now)
    .fetch_one(c)
    .await
    .map_err(|e| StoreError::unique(e, "username"))?;
    Ok(UserId(id))
}

/// Every account's username with its team (an import's keys).
pub async fn usernames(c: &mut AnyConnection) -> Result<Vec<(String, Option<i64>)>, StoreError> {
    Ok(sqlx::query_as("SELECT username, team_id FROM users")
        .fetch_all(c)
        .await?)
}

/// An account by id.
pub async fn find(c: &mut AnyConnection, id: UserId) -> Result<Option<User>, StoreError> {
    let row: Option<UserRow> = sqlx::query_as(&format!("{SELECT} WHERE u.id = $1"))
        .bind(id.0)
        .fetch_optional(c)
        .await?;
    row.map(User::try_from).transpose()
}

/// An account by its (normalised) username.
pub async fn find_by_username(
    c: &mut AnyConnection,
    username: &str,
) -> Result<Option<User>, StoreError> {
    let row: Option<UserRow> = sqlx::query_as(&format!("{SELECT} WHERE u.username = $1"))
        .bind(username)
        .fetch_optional(c)
        .await?;
    row.map(User::try_from).transpose()
}

/// Which accounts a list shows.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Only this team's accounts; all when none.
    pub team: Option<TeamId>,
    pub query: String,
    pub limit: i64,
    pub offset: i64,
}

/// A page of accounts, by username.
pub async fn list(c: &mut AnyConnection, f: &Filter) -> Result<Page<User>, StoreError> {
    let where_sql = "($1 = 0 OR u.team_id = $1) AND (LOWER(u.username) LIKE $2 ESCAPE '\\' \
                     OR LOWER(u.display_name) LIKE $2 ESCAPE '\\')";
    let team = f.team.map(|t| t.0).unwrap_or(0);
    let pattern = like_pattern(&f.query);
    let total: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM users u WHERE {where_sql}"))
        .bind(team)
        .bind(&pattern)
        .fetch_one(&mut *c)
        .await?;
    let rows: Vec<UserRow> = sqlx::query_as(&format!(
        "{SELECT} WHERE {where_sql} ORDER BY u.active DESC, u.username LIMIT $3 OFFSET $4"
    ))
    .bind(team)
    .bind(&pattern)
    .bind(f.limit.max(1))
    .bind(f.offset.max(0))
    .fetch_all(c)
    .await?;
    Ok(Page {
        items: rows
            .into_iter()
            .map(User::try_from)
            .collect::<Result<_, _>>()?,
        total,
    })
}

/// Sets a new password hash.
pub async fn set_password(
    c: &mut AnyConnection,
    id: UserId,
    hash: &str,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE users SET password_hash = $1, updated_at = $2, version = version + 1 WHERE id = $3",
    )
    .bind(hash)
    .bind(now)
    .bind(id.0)
    .execute(c)
    .await?;
    Ok(())
}

/// Enables or disables an account.
pub async fn set_active(
    c: &mut AnyConnection,
    id: UserId,
    active: bool,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE users SET active = $1, updated_at = $2, version = version + 1 WHERE id = $3",
    )
    .bind(i64::from(active))
    .bind(now)
    .bind(id.0)
    .execute(c)
    .await?;
    Ok(())
}

/// Remembers the user's language.
pub async fn set_locale(c: &mut AnyConnection, id: UserId, locale: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET locale = $1 WHERE id = $2")
        .bind(locale)
        .bind(id.0)
        .execute(c)
        .await?;
    Ok(())
}

/// Changes the role, team, institution and display name, if still at `version`.
pub async fn update_profile(
    c: &mut AnyConnection,
    id: UserId,
    version: i64,
    u: &NewUser<'_>,
    now: i64,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE users SET display_name = $1, role = $2, team_id = $3, institution_id = $4, \
         updated_at = $5, version = version + 1 WHERE id = $6 AND version = $7",
    )
    .bind(u.display_name)
    .bind(u.role.code())
    .bind(u.team_id.map(|t| t.0))
    .bind(u.institution_id.map(|i| i.0))
    .bind(now)
    .bind(id.0)
    .bind(version)
    .execute(c)
    .await?;
    StoreError::one_row(done.rows_affected())
}

/// How many accounts exist (zero means the deployment still needs its first administrator).
pub async fn count(c: &mut AnyConnection) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(c)
        .await?)
}
