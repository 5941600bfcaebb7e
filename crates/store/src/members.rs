//! Team members: who represents which institution in the team, from when until when.

use crate::institutions::like_pattern;
use crate::{dates, Page, StoreError};
use spona_domain::ids::{InstitutionId, MemberId, TeamId};
use spona_domain::registry::{Member, MemberDraft, TeamRole};
use spona_domain::script::fold;
use sqlx::AnyConnection;

#[derive(sqlx::FromRow)]
struct MemberRow {
    id: i64,
    team_id: i64,
    institution_id: i64,
    full_name: String,
    position: String,
    team_role: String,
    email: String,
    phone: String,
    from_date: String,
    to_date: Option<String>,
    active: i64,
    version: i64,
    institution_short: String,
}

/// A membership with the short name of its institution, as lists show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberEntry {
    pub member: Member,
    pub institution_short: String,
}

impl TryFrom<MemberRow> for MemberEntry {
    type Error = StoreError;
    fn try_from(r: MemberRow) -> Result<MemberEntry, StoreError> {
        Ok(MemberEntry {
            member: Member {
                id: MemberId(r.id),
                team_id: TeamId(r.team_id),
                institution_id: InstitutionId(r.institution_id),
                full_name: r.full_name,
                position: r.position,
                team_role: TeamRole::from_code(&r.team_role)
                    .ok_or_else(|| StoreError::Corrupt(format!("team role {:?}", r.team_role)))?,
                email: r.email,
                phone: r.phone,
                from_date: dates::parse(&r.from_date)?,
                to_date: dates::parse_opt(r.to_date)?,
                active: r.active != 0,
                version: r.version,
            },
            institution_short: r.institution_short,
        })
    }
}

const SELECT: &str = "SELECT m.id, m.team_id, m.institution_id, m.full_name, m.position, m.team_role, \
     m.email, m.phone, m.from_date, m.to_date, m.active, m.version, i.short_name AS institution_short \
     FROM members m JOIN institutions i ON i.id = m.institution_id";

fn search_key(d: &MemberDraft) -> String {
    fold(&format!("{} {}", d.full_name, d.position))
}

/// Which memberships a list shows.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub query: String,
    pub institution: Option<InstitutionId>,
    pub include_inactive: bool,
    pub limit: i64,
    pub offset: i64,
}

/// Adds a membership. The institution must belong to the same team (checked here by the
/// query itself, so a forged id from another team cannot be linked).
pub async fn insert(
    c: &mut AnyConnection,
    team: TeamId,
    d: &MemberDraft,
    now: i64,
) -> Result<MemberId, StoreError> {
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO members (team_id, institution_id, full_name, position, team_role, email, phone, \
         from_date, to_date, search_key, created_at, updated_at) \
         SELECT $1, i.id, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11 FROM institutions i \
         WHERE i.id = $2 AND i.team_id = $1 RETURNING id",
    )
    .bind(team.0)
    .bind(d.institution_id.0)
    .bind(&d.full_name)
    .bind(&d.position)
    .bind(d.team_role.code())
    .bind(&d.email)
    .bind(&d.phone)
    .bind(dates::iso(d.from_date))
    .bind(d.to_date.map(dates::iso))
    .bind(search_key(d))
    .bind(now)
    .fetch_optional(c)
    .await?;
    id.map(MemberId)
        .ok_or_else(|| StoreError::Corrupt("institution of another team".into()))
}

/// Changes a membership, if it is still at `version`.
pub async fn update(
    c: &mut AnyConnection,
    team: TeamId,
    id: MemberId,
    version: i64,
    d: &MemberDraft,
    now: i64,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE members SET institution_id = $1, full_name = $2, position = $3, team_role = $4, \
         email = $5, phone = $6, from_date = $7, to_date = $8, search_key = $9, updated_at = $10, \
         version = version + 1 WHERE team_id = $11 AND id = $12 AND version = $13 \
         AND EXISTS (SELECT 1 FROM institutions i WHERE i.id = $1 AND i.team_id = $11)",
    )
    .bind(d.institution_id.0)
    .bind(&d.full_name)
    .bind(&d.position)
    .bind(d.team_role.code())
    .bind(&d.email)
    .bind(&d.phone)
    .bind(dates::iso(d.from_date))
    .bind(d.to_date.map(dates::iso))
    .bind(search_key(d))
    .bind(now)
    .bind(team.0)
    .bind(id.0)
    .bind(version)
    .execute(c)
    .await?;
    StoreError::one_row(done.rows_affected())
}

/// Deactivates or reactivates a membership (never deleted), if still at `version`.
pub async fn set_active(
    c: &mut AnyConnection,
    team: TeamId,
    id: MemberId,
    version: i64,
    active: bool,
    now: i64,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE members SET active = $1, updated_at = $2, version = version + 1 \
         WHERE team_id = $3 AND id = $4 AND version = $5",
    )
    .bind(i64::from(active))
    .bind(now)
    .bind(team.0)
    .bind(id.0)
    .bind(version)
    .execute(c)
    .await?;
    StoreError::one_row(done.rows_affected())
}

/// A membership of the team; another team's id finds nothing.
pub async fn find(
    c: &mut AnyConnection,
    team: TeamId,
    id: MemberId,
) -> Result<Option<MemberEntry>, StoreError> {
    let row: Option<MemberRow> =
        sqlx::query_as(&format!("{SELECT} WHERE m.team_id = $1 AND m.id = $2"))
            .bind(team.0)
            .bind(id.0)
            .fetch_optional(c)
            .await?;
    row.map(MemberEntry::try_from).transpose()
}

/// A page of the team's memberships that match the filter, by name.
pub async fn list(
    c: &mut AnyConnection,
    team: TeamId,
    f: &Filter,
) -> Result<Page<MemberEntry>, StoreError> {
    let where_sql = "m.team_id = $1 AND m.search_key LIKE $2 ESCAPE '\\' \
                     AND ($3 = 0 OR m.institution_id = $3) AND ($4 = 1 OR m.active = 1)";
    let pattern = like_pattern(&f.query);
    let institution = f.institution.map(|i| i.0).unwrap_or(0);
    let total: i64 =
        sqlx::query_scalar(&format!("SELECT COUNT(*) FROM members m WHERE {where_sql}"))
            .bind(team.0)
            .bind(&pattern)
            .bind(institution)
            .bind(i64::from(f.include_inactive))
            .fetch_one(&mut *c)
            .await?;
    let rows: Vec<MemberRow> = sqlx::query_as(&format!(
        "{SELECT} WHERE {where_sql} ORDER BY m.active DESC, m.search_key, m.id LIMIT $5 OFFSET $6"
    ))
    .bind(team.0)
    .bind(&pattern)
    .bind(institution)
    .bind(i64::from(f.include_inactive))
    .bind(f.limit.max(1))
    .bind(f.offset.max(0))
    .fetch_all(c)
    .await?;
    Ok(Page {
        items: rows
            .into_iter()
            .map(MemberEntry::try_from)
            .collect::<Result<_, _>>()?,
        total,
    })
}

/// Every membership of the team by an import's key: the institution, the person, the role
/// and the first day (ISO), read in one query, so that a file read twice adds nobody twice.
pub async fn held_keys(
    c: &mut AnyConnection,
    team: TeamId,
) -> Result<Vec<(i64, String, String, String)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT institution_id, full_name, team_role, from_date FROM members WHERE team_id = $1",
    )
    .bind(team.0)
    .fetch_all(c)
    .await?)
}
