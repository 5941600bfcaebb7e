//! Cases: the plain columns that deadlines, access and statistics need, and the sealed parts
//! (opaque text here; only the app layer, which holds the keys, can open them).

use crate::{Page, StoreError, Tx};
use spona_domain::access::{Receiving, TeamCases};
use spona_domain::cases::CaseId;
use spona_domain::ids::{InstitutionId, UserId};
use sqlx::AnyConnection;

/// A case as stored.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct CaseRow {
    #[sqlx(try_from = "i64")]
    pub id: CaseId,
    pub team_id: i64,
    /// The city of the case's team, which its code carries (a team's city never changes).
    pub team_city: String,
    pub year: i64,
    pub seq: i64,
    pub owner_institution_id: i64,
    pub owner_short: String,
    /// The owner's team: the case's own, or another team's after a transfer.
    pub owner_team_id: i64,
    /// The institution that owned the case before its last transfer, while the receiver
    /// allows it to keep reading the record.
    pub former_owner_institution_id: Option<i64>,
    pub reported_by: i64,
    pub state: String,
    pub proceedings: String,
    pub may_be_child: i64,
    pub lacks_capacity: i64,
    pub immediate_danger: i64,
    pub age_band: String,
    pub sex: String,
    pub citizenship: String,
    pub reporter_kind: String,
    pub referral_source: String,
    pub exploitation: String,
    pub detected_on: String,
    pub reported_at: i64,
    pub data_key: String,
    pub identity: String,
    pub contact: String,
    pub circumstances: String,
    pub screening: String,
    pub version: i64,
    /// The outcome of identification the case reached (a code), kept when it closes.
    pub outcome: String,
    /// When the case was closed, while it is.
    pub closed_at: Option<i64>,
    /// When the retention schedule removed its personal data, if it did.
    pub shredded_at: Option<i64>,
}

/// The plain fields of a new case.
#[derive(Clone, Debug)]
pub struct NewCase<'a> {
    pub team: TeamCases,
    pub year: i64,
    pub seq: i64,
    pub owner: InstitutionId,
    pub reported_by: UserId,
    pub state: &'a str,
    pub may_be_child: bool,
    pub lacks_capacity: bool,
    pub immediate_danger: bool,
    pub age_band: &'a str,
    pub sex: &'a str,
    pub citizenship: &'a str,
    pub reporter_kind: &'a str,
    pub referral_source: &'a str,
    pub exploitation: &'a str,
    pub detected_on: &'a str,
    pub reported_at: i64,
}

/// The sealed parts of a case and its wrapped data key.
#[derive(Clone, Debug, Default)]
pub struct Sealed {
    pub data_key: String,
    pub identity: String,
    pub contact: String,
    pub circumstances: String,
    pub screening: String,
    pub person_index: Option<String>,
}

const SELECT: &str =
    "SELECT c.id, c.team_id, t.city AS team_city, c.year, c.seq, c.owner_institution_id, \
     i.short_name AS owner_short, i.team_id AS owner_team_id, c.former_owner_institution_id, \
     c.reported_by, c.state, c.proceedings, c.may_be_child, \
     c.lacks_capacity, c.immediate_danger, c.age_band, c.sex, c.citizenship, c.reporter_kind, \
     c.referral_source, c.exploitation, c.detected_on, c.reported_at, c.data_key, c.identity, \
     c.contact, c.circumstances, c.screening, c.version, c.outcome, c.closed_at, c.shredded_at \
     FROM cases c JOIN institutions i ON i.id = c.owner_institution_id \
     JOIN teams t ON t.id = c.team_id";

/// The next number of the team's cases in the year (1, 2, …), taken inside the transaction.
pub async fn next_seq(tx: &mut Tx, team: &TeamCases, year: i64) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO case_counters (team_id, year, last_seq) VALUES ($1, $2, 1) \
         ON CONFLICT (team_id, year) DO UPDATE SET last_seq = case_counters.last_seq + 1 \
         RETURNING last_seq",
    )
    .bind(team.team().0)
    .bind(year)
    .fetch_one(&mut **tx)
    .await?)
}

/// Adds a case (its sealed parts follow with [`seal`], once its id is known).
pub async fn insert(tx: &mut Tx, n: &NewCase<'_>) -> Result<CaseId, StoreError> {
    let id = CaseId(sqlx::query_scalar(
        "INSERT INTO cases (team_id, year, seq, owner_institution_id, reported_by, state, \
         may_be_child, lacks_capacity, immediate_danger, age_band, sex, citizenship, reporter_kind, \
         referral_source, exploitation, detected_on, reported_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17) \
         RETURNING id",
    )
    .bind(n.team.team().0)
    .bind(n.year)
    .bind(n.seq)
    .bind(n.owner.0)
    .bind(n.reported_by.0)
    .bind(n.state)
    .bind(i64::from(n.may_be_child))
    .bind(i64::from(n.lacks_capacity))
    .bind(i64::from(n.immediate_danger))
    .bind(n.age_band)
    .bind(n.sex)
    .bind(n.citizenship)
    .bind(n.reporter_kind)
    .bind(n.referral_source)
    .bind(n.exploitation)
    .bind(n.detected_on)
    .bind(n.reported_at)
    .fetch_one(&mut **tx)
    .await?);
    crate::listing::refresh(tx, id).await?;
    Ok(id)
}

/// Stores the sealed parts of a case.
pub async fn seal(tx: &mut Tx, id: CaseId, s: &Sealed) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE cases SET data_key = $1, identity = $2, contact = $3, circumstances = $4, \
         screening = $5, person_index = $6 WHERE id = $7",
    )
    .bind(&s.data_key)
    .bind(&s.identity)
    .bind(&s.contact)
    .bind(&s.circumstances)
    .bind(&s.screening)
    .bind(s.person_index.as_deref())
    .bind(id.0)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A case of the team; another team's id finds nothing.
pub async fn find(
    c: &mut AnyConnection,
    team: &TeamCases,
    id: CaseId,
) -> Result<Option<CaseRow>, StoreError> {
    Ok(
        sqlx::query_as(&format!("{SELECT} WHERE c.team_id = $1 AND c.id = $2"))
            .bind(team.team().0)
            .bind(id.0)
            .fetch_optional(c)
            .await?,
    )
}

/// The team's case with the given year and sequence number (what its code names).
pub async fn find_by_code(
    c: &mut AnyConnection,
    team: &TeamCases,
    year: i64,
    seq: i64,
) -> Result<Option<CaseRow>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "{SELECT} WHERE c.team_id = $1 AND c.year = $2 AND c.seq = $3"
    ))
    .bind(team.team().0)
    .bind(year)
    .bind(seq)
    .fetch_optional(c)
    .await?)
}

/// When the user's live emergency grant for the case ends (the latest, if several).
pub async fn emergency_until(
    c: &mut AnyConnection,
    case_id: CaseId,
    user: UserId,
    now: i64,
) -> Result<Option<i64>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT MAX(expires_at) FROM break_glass \
         WHERE case_id = $1 AND user_id = $2 AND expires_at > $3",
    )
    .bind(case_id.0)
    .bind(user.0)
    .bind(now)
    .fetch_one(c)
    .await?)
}

/// Which cases a list shows: all of the team's, or those an institution owns or was referred.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub showing: Showing,
    pub limit: i64,
    pub offset: i64,
}

/// Which of its cases a list shows. Each choice is a condition on the list's order key, so a
/// page stays a walk down the list's index.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Showing {
    #[default]
    All,
    Open,
    Closed,
    /// Children and persons without legal capacity.
    Protected,
}

impl Showing {
    pub const ALL: [Showing; 4] = [
        Showing::All,
        Showing::Open,
        Showing::Closed,
        Showing::Protected,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Showing::All => "",
            Showing::Open => "open",
            Showing::Closed => "closed",
            Showing::Protected => "protected",
        }
    }

    /// The choice of a code; anything else shows all.
    pub fn from_code(code: &str) -> Showing {
        Showing::ALL
            .into_iter()
            .find(|s| s.code() == code.trim())
            .unwrap_or_default()
    }

    /// The condition on an institution's list (`case_listing l`).
    fn on_listing(self) -> &'static str {
        match self {
            Showing::All => "",
            Showing::Open => " AND l.closed = 0",
            Showing::Closed => " AND l.closed = 1",
            Showing::Protected => " AND l.priority > 0",
        }
    }

    /// The condition on a team's cases (`cases c`), in the terms of `cases_in_list_order`.
    fn on_case(self) -> &'static str {
        match self {
            Showing::All => "",
            Showing::Open => " AND (CASE WHEN c.state = 'closed' THEN 1 ELSE 0 END) = 0",
            Showing::Closed => " AND (CASE WHEN c.state = 'closed' THEN 1 ELSE 0 END) = 1",
            Showing::Protected => " AND (c.may_be_child + c.lacks_capacity) > 0",
        }
    }
}

/// Lists page up to this many cases and say "more than" beyond it (a deep page costs a walk
/// of the index up to it, and nobody pages that far).
pub const COUNT_LIMIT: i64 = 10_000;

/// A page of the team's cases; children's and persons without legal capacity first, then
/// open before closed, then the newest. The total is the team's count that the database
/// keeps (migration 0045), not a count of rows on each view.
pub async fn list(
    c: &mut AnyConnection,
    team: &TeamCases,
    f: &Filter,
) -> Result<Page<CaseRow>, StoreError> {
    let condition = f.showing.on_case();
    let total: i64 = if f.showing == Showing::All {
        sqlx::query_scalar(
            "SELECT COALESCE(MAX(cases), 0) FROM team_case_counts WHERE team_id = $1",
        )
        .bind(team.team().0)
        .fetch_one(&mut *c)
        .await?
    } else {
        sqlx::query_scalar(&format!(
            "SELECT COUNT(*) FROM (SELECT 1 FROM cases c WHERE c.team_id = $1{condition} \
             LIMIT $2) counted"
        ))
        .bind(team.team().0)
        .bind(COUNT_LIMIT + 1)
        .fetch_one(&mut *c)
        .await?
    };
    // The order of the index `cases_in_list_order`, expression for expression.
    let order = "(c.may_be_child + c.lacks_capacity) DESC, \
                 (CASE WHEN c.state = 'closed' THEN 1 ELSE 0 END), c.reported_at DESC, c.id DESC";
    let rows = sqlx::query_as(&format!(
        "{SELECT} JOIN (SELECT c.id AS page_id FROM cases c WHERE c.team_id = $1{condition} \
         ORDER BY {order} LIMIT $2 OFFSET $3) p ON p.page_id = c.id ORDER BY {order}"
    ))
    .bind(team.team().0)
    .bind(f.limit.max(1))
    .bind(f.offset.max(0))
    .fetch_all(c)
    .await?;
    Ok(Page { items: rows, total })
}

/// A page of the cases an institution holds, of any team: those it owns, those referred to
/// it while the referral is live, and those it owned before a transfer while it keeps
/// reading them; in the order of the team list.
pub async fn held_by(
    c: &mut AnyConnection,
    receiving: &Receiving,
    f: &Filter,
) -> Result<Page<CaseRow>, StoreError> {
    let institution = receiving.institution();
    let condition = f.showing.on_listing();
    // The count SQLite keeps of the institution's list (migration 0045); PostgreSQL, and a
    // narrower list, count up to the limit.
    let total: i64 = if f.showing == Showing::All && c.backend_name() == "SQLite" {
        sqlx::query_scalar(
            "SELECT COALESCE(MAX(cases), 0) FROM case_listing_counts WHERE institution_id = $1",
        )
        .bind(institution.0)
        .fetch_one(&mut *c)
        .await?
    } else {
        sqlx::query_scalar(&format!(
            "SELECT COUNT(*) FROM (SELECT 1 FROM case_listing l WHERE l.institution_id = $1\
             {condition} LIMIT $2) counted"
        ))
        .bind(institution.0)
        .bind(COUNT_LIMIT + 1)
        .fetch_one(&mut *c)
        .await?
    };
    // The page is chosen in the index alone; only its rows are read in full.
    let order = "l.priority DESC, l.closed, l.reported_at DESC, l.case_id DESC";
    let items = sqlx::query_as(&format!(
        "{SELECT} JOIN (SELECT case_id, priority, closed, reported_at FROM case_listing l \
         WHERE l.institution_id = $1{condition} ORDER BY {order} LIMIT $2 OFFSET $3) l \
         ON l.case_id = c.id ORDER BY {order}"
    ))
    .bind(institution.0)
    .bind(f.limit.max(1))
    .bind(f.offset.max(0))
    .fetch_all(c)
    .await?;
    Ok(Page { items, total })
}

/// A case of any team that the institution owns (since a transfer) or owned and keeps
/// reading; the way another team's case is reached without a referral.
pub async fn find_held(
    c: &mut AnyConnection,
    receiving: &Receiving,
    id: CaseId,
) -> Result<Option<CaseRow>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "{SELECT} WHERE c.id = $1 AND (c.owner_institution_id = $2 \
         OR c.former_owner_institution_id = $2)"
    ))
    .bind(id.0)
    .bind(receiving.institution().0)
    .fetch_optional(c)
    .await?)
}

/// Hands the case to a new owner, if it is still at `version`; `former` keeps reading it
/// (or nobody, when the new owner did not allow it).
pub async fn set_owner(
    tx: &mut Tx,
    team: &TeamCases,
    id: CaseId,
    version: i64,
    owner: InstitutionId,
    former: Option<InstitutionId>,
    now: i64,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE cases SET owner_institution_id = $1, former_owner_institution_id = $2, \
         updated_at = $3, version = version + 1 WHERE team_id = $4 AND id = $5 AND version = $6",
    )
    .bind(owner.0)
    .bind(former.map(|f| f.0))
    .bind(now)
    .bind(team.team().0)
    .bind(id.0)
    .bind(version)
    .execute(&mut **tx)
    .await?;
    StoreError::one_row(done.rows_affected())?;
    crate::listing::refresh(tx, id).await
}

/// Where a case moves: its state, the outcome of identification it holds, and when it was
/// closed (none while open).
#[derive(Clone, Copy, Debug)]
pub struct StateChange<'a> {
    pub state: &'a str,
    pub outcome: &'a str,
    pub closed_at: Option<i64>,
}

/// Moves a case to a new state, if it is still at `version`.
pub async fn set_state(
    tx: &mut Tx,
    team: &TeamCases,
    id: CaseId,
    version: i64,
    change: &StateChange<'_>,
    now: i64,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE cases SET state = $1, outcome = $2, closed_at = $3, updated_at = $4, \
         version = version + 1 WHERE team_id = $5 AND id = $6 AND version = $7",
    )
    .bind(change.state)
    .bind(change.outcome)
    .bind(change.closed_at)
    .bind(now)
    .bind(team.team().0)
    .bind(id.0)
    .bind(version)
    .execute(&mut **tx)
    .await?;
    StoreError::one_row(done.rows_affected())?;
    crate::listing::refresh(tx, id).await
}

/// Moves the proceedings track, if the case is still at `version`.
pub async fn set_proceedings(
    tx: &mut Tx,
    team: &TeamCases,
    id: CaseId,
    version: i64,
    stage: &str,
    now: i64,
) -> Result<(), StoreError> {
    set_track(
        tx,
        "UPDATE cases SET proceedings = $1",
        team,
        id,
        version,
        stage,
        now,
    )
    .await
}

/// A versioned change of the case's proceedings track; `set` is a constant of this module,
/// never user text.
async fn set_track(
    tx: &mut Tx,
    set: &'static str,
    team: &TeamCases,
    id: CaseId,
    version: i64,
    value: &str,
    now: i64,
) -> Result<(), StoreError> {
    let sql = format!(
        "{set}, updated_at = $2, version = version + 1 WHERE team_id = $3 AND id = $4 AND version = $5"
    );
    let done = sqlx::query(&sql)
        .bind(value)
        .bind(now)
        .bind(team.team().0)
        .bind(id.0)
        .bind(version)
        .execute(&mut **tx)
        .await?;
    StoreError::one_row(done.rows_affected())?;
    crate::listing::refresh(tx, id).await
}

/// Other cases of the team with the same person index (a possible duplicate), by id only.
pub async fn same_person(
    c: &mut AnyConnection,
    team: &TeamCases,
    index: &str,
    except: CaseId,
) -> Result<Vec<CaseId>, StoreError> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM cases WHERE team_id = $1 AND person_index = $2 AND id <> $3 ORDER BY id",
    )
    .bind(team.team().0)
    .bind(index)
    .bind(except.0)
    .fetch_all(c)
    .await?;
    Ok(ids.into_iter().map(CaseId).collect())
}

/// The plain fields of a case that an edit of its report changes.
#[derive(Clone, Debug)]
pub struct ReportUpdate<'a> {
    pub may_be_child: bool,
    pub lacks_capacity: bool,
    pub immediate_danger: bool,
    pub age_band: &'a str,
    pub sex: &'a str,
    pub citizenship: &'a str,
    pub reporter_kind: &'a str,
    pub exploitation: &'a str,
    pub detected_on: &'a str,
}

/// Changes a case's report (plain fields and sealed parts), if still at `version`. Values made
/// for a key rotation are dropped: the index may change with the names, and the rotation's
/// sweep makes them again.
pub async fn update_report(
    tx: &mut Tx,
    team: &TeamCases,
    id: CaseId,
    version: i64,
    u: &ReportUpdate<'_>,
    s: &Sealed,
    now: i64,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE cases SET may_be_child = $1, lacks_capacity = $2, immediate_danger = $3, age_band = $4, \
         sex = $5, citizenship = $6, reporter_kind = $7, exploitation = $8, detected_on = $9, \
         identity = $10, contact = $11, circumstances = $12, screening = $13, person_index = $14, \
         data_key_next = NULL, person_index_next = NULL, \
         updated_at = $15, version = version + 1 WHERE team_id = $16 AND id = $17 AND version = $18",
    )
    .bind(i64::from(u.may_be_child))
    .bind(i64::from(u.lacks_capacity))
    .bind(i64::from(u.immediate_danger))
    .bind(u.age_band)
    .bind(u.sex)
    .bind(u.citizenship)
    .bind(u.reporter_kind)
    .bind(u.exploitation)
    .bind(u.detected_on)
    .bind(&s.identity)
    .bind(&s.contact)
    .bind(&s.circumstances)
    .bind(&s.screening)
    .bind(s.person_index.as_deref())
    .bind(now)
    .bind(team.team().0)
    .bind(id.0)
    .bind(version)
    .execute(&mut **tx)
    .await?;
    StoreError::one_row(done.rows_affected())?;
    crate::listing::refresh(tx, id).await
}
