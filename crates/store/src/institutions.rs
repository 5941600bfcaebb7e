//! Institutions and partner organisations of a team.

use crate::{Page, StoreError};
use spona_domain::ids::{InstitutionId, TeamId};
use spona_domain::registry::{Institution, InstitutionDraft, InstitutionKind, Standing};
use spona_domain::script::fold;
use sqlx::AnyConnection;

#[derive(sqlx::FromRow)]
struct InstitutionRow {
    id: i64,
    team_id: i64,
    code: String,
    standing: String,
    kind: String,
    name_cyrl: String,
    name_latn: String,
    short_name: String,
    is_lead: i64,
    is_donor: i64,
    cooperation: String,
    address: String,
    phone: String,
    email: String,
    active: i64,
    version: i64,
}

impl TryFrom<InstitutionRow> for Institution {
    type Error = StoreError;
    fn try_from(r: InstitutionRow) -> Result<Institution, StoreError> {
        Ok(Institution {
            id: InstitutionId(r.id),
            team_id: TeamId(r.team_id),
            code: r.code,
            standing: Standing::from_code(&r.standing)
                .ok_or_else(|| StoreError::Corrupt(format!("standing {:?}", r.standing)))?,
            kind: InstitutionKind::from_code(&r.kind)
                .ok_or_else(|| StoreError::Corrupt(format!("kind {:?}", r.kind)))?,
            name_cyrl: r.name_cyrl,
            name_latn: r.name_latn,
            short_name: r.short_name,
            is_lead: r.is_lead != 0,
            is_donor: r.is_donor != 0,
            cooperation: r.cooperation,
            address: r.address,
            phone: r.phone,
            email: r.email,
            active: r.active != 0,
            version: r.version,
        })
    }
}

const COLUMNS: &str = "id, team_id, code, standing, kind, name_cyrl, name_latn, short_name, \
                       is_lead, is_donor, cooperation, address, phone, email, active, version";

fn search_key(d: &InstitutionDraft) -> String {
    fold(&format!(
        "{} {} {} {}",
        d.name_cyrl, d.name_latn, d.short_name, d.code
    ))
}

/// How a list of institutions is ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Name,
    Kind,
}

/// Which institutions a list shows.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub standing: Option<Standing>,
    /// Text to find in any script, any case.
    pub query: String,
    pub kind: Option<InstitutionKind>,
    pub include_inactive: bool,
    pub sort: Sort,
    pub limit: i64,
    pub offset: i64,
}

/// Escapes LIKE wildcards in user text.
pub(crate) fn like_pattern(text: &str) -> String {
    let escaped = fold(text)
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// Adds an institution to a team.
pub async fn insert(
    c: &mut AnyConnection,
    team: TeamId,
    d: &InstitutionDraft,
    now: i64,
) -> Result<InstitutionId, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO institutions (team_id, code, standing, kind, name_cyrl, name_latn, short_name, \
         is_lead, is_donor, cooperation, address, phone, email, search_key, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) RETURNING id",
    )
    .bind(team.0)
    .bind(&d.code)
    .bind(d.standing.code())
    .bind(d.kind.code())
    .bind(&d.name_cyrl)
    .bind(&d.name_latn)
    .bind(&d.short_name)
    .bind(i64::from(d.is_lead))
    .bind(i64::from(d.is_donor))
    .bind(&d.cooperation)
    .bind(&d.address)
    .bind(&d.phone)
    .bind(&d.email)
    .bind(search_key(d))
    .bind(now)
    .fetch_one(c)
    .await
    .map_err(|e| StoreError::unique(e, "code"))?;
    Ok(InstitutionId(id))
}

/// Changes an institution, if it is still at `version`.
pub async fn update(
    c: &mut AnyConnection,
    team: TeamId,
    id: InstitutionId,
    version: i64,
    d: &InstitutionDraft,
    now: i64,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE institutions SET code = $1, standing = $2, kind = $3, name_cyrl = $4, name_latn = $5, \
         short_name = $6, is_lead = $7, is_donor = $8, cooperation = $9, address = $10, phone = $11, \
         email = $12, search_key = $13, updated_at = $14, version = version + 1 \
         WHERE team_id = $15 AND id = $16 AND version = $17",
    )
    .bind(&d.code)
    .bind(d.standing.code())
    .bind(d.kind.code())
    .bind(&d.name_cyrl)
    .bind(&d.name_latn)
    .bind(&d.short_name)
    .bind(i64::from(d.is_lead))
    .bind(i64::from(d.is_donor))
    .bind(&d.cooperation)
    .bind(&d.address)
    .bind(&d.phone)
    .bind(&d.email)
    .bind(search_key(d))
    .bind(now)
    .bind(team.0)
    .bind(id.0)
    .bind(version)
    .execute(c)
    .await
    .map_err(|e| StoreError::unique(e, "code"))?;
    StoreError::one_row(done.rows_affected())
}

/// Deactivates or reactivates an institution (never deleted), if still at `version`.
pub async fn set_active(
    c: &mut AnyConnection,
    team: TeamId,
    id: InstitutionId,
    version: i64,
    active: bool,
    now: i64,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE institutions SET active = $1, updated_at = $2, version = version + 1 \
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

/// An institution of the team; another team's id finds nothing.
pub async fn find(
    c: &mut AnyConnection,
    team: TeamId,
    id: InstitutionId,
) -> Result<Option<Institution>, StoreError> {
    let row: Option<InstitutionRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM institutions WHERE team_id = $1 AND id = $2"
    ))
    .bind(team.0)
    .bind(id.0)
    .fetch_optional(c)
    .await?;
    row.map(Institution::try_from).transpose()
}

/// An institution of the team by its short code.
pub async fn find_by_code(
    c: &mut AnyConnection,
    team: TeamId,
    code: &str,
) -> Result<Option<Institution>, StoreError> {
    let row: Option<InstitutionRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM institutions WHERE team_id = $1 AND code = $2"
    ))
    .bind(team.0)
    .bind(code)
    .fetch_optional(c)
    .await?;
    row.map(Institution::try_from).transpose()
}

/// The codes of all the team's institutions, inactive ones too (an import's keys).
pub async fn codes(c: &mut AnyConnection, team: TeamId) -> Result<Vec<String>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT code FROM institutions WHERE team_id = $1")
            .bind(team.0)
            .fetch_all(c)
            .await?,
    )
}

/// A page of the team's institutions that match the filter.
pub async fn list(
    c: &mut AnyConnection,
    team: TeamId,
    f: &Filter,
) -> Result<Page<Institution>, StoreError> {
    let where_sql =
        "team_id = $1 AND search_key LIKE $2 ESCAPE '\\' AND ($3 = '' OR standing = $3) \
                     AND ($4 = '' OR kind = $4) AND ($5 = 1 OR active = 1)";
    let order = match f.sort {
        Sort::Name => "active DESC, search_key, id",
        Sort::Kind => "active DESC, kind, search_key, id",
    };
    let pattern = like_pattern(&f.query);
    let standing = f.standing.map(Standing::code).unwrap_or("");
    let kind = f.kind.map(InstitutionKind::code).unwrap_or("");
    let total: i64 = sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM institutions WHERE {where_sql}"
    ))
    .bind(team.0)
    .bind(&pattern)
    .bind(standing)
    .bind(kind)
    .bind(i64::from(f.include_inactive))
    .fetch_one(&mut *c)
    .await?;
    let rows: Vec<InstitutionRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM institutions WHERE {where_sql} ORDER BY {order} LIMIT $6 OFFSET $7"
    ))
    .bind(team.0)
    .bind(&pattern)
    .bind(standing)
    .bind(kind)
    .bind(i64::from(f.include_inactive))
    .bind(f.limit.max(1))
    .bind(f.offset.max(0))
    .fetch_all(c)
    .await?;
    Ok(Page {
        items: rows
            .into_iter()
            .map(Institution::try_from)
            .collect::<Result<_, _>>()?,
        total,
    })
}

/// All active institutions of the team (for choosing one in a form), members first.
pub async fn list_active(
    c: &mut AnyConnection,
    team: TeamId,
) -> Result<Vec<Institution>, StoreError> {
    let rows: Vec<InstitutionRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM institutions WHERE team_id = $1 AND active = 1 \
         ORDER BY standing, search_key"
    ))
    .bind(team.0)
    .fetch_all(c)
    .await?;
    rows.into_iter().map(Institution::try_from).collect()
}

/// The deployment's directory of institutions that take referrals: every active member
/// institution of every active team, the national ones included. Institutions only: no
/// person, no contact detail leaves its team through it.
pub async fn directory(c: &mut AnyConnection) -> Result<Vec<Institution>, StoreError> {
    let rows: Vec<InstitutionRow> = sqlx::query_as(&format!(
        "SELECT {} FROM institutions i JOIN teams t ON t.id = i.team_id \
         WHERE i.active = 1 AND t.active = 1 AND i.standing = 'member' \
         ORDER BY i.team_id, i.search_key",
        prefixed("i.")
    ))
    .fetch_all(c)
    .await?;
    rows.into_iter()
        .map(|r| {
            // The directory names institutions; their addresses and phones stay in the team.
            let mut i = Institution::try_from(r)?;
            i.address.clear();
            i.phone.clear();
            i.email.clear();
            i.cooperation.clear();
            Ok(i)
        })
        .collect()
}

/// One institution of the directory, by id, in whichever team it is.
pub async fn in_directory(
    c: &mut AnyConnection,
    id: InstitutionId,
) -> Result<Option<Institution>, StoreError> {
    let row: Option<InstitutionRow> = sqlx::query_as(&format!(
        "SELECT {} FROM institutions i JOIN teams t ON t.id = i.team_id \
         WHERE i.id = $1 AND i.active = 1 AND t.active = 1 AND i.standing = 'member'",
        prefixed("i.")
    ))
    .bind(id.0)
    .fetch_optional(c)
    .await?;
    row.map(Institution::try_from).transpose()
}

/// The columns, each with the table's alias.
fn prefixed(alias: &str) -> String {
    COLUMNS
        .split(',')
        .map(|c| format!("{alias}{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}
