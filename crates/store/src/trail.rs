//! The audit trail as the auditor reads it: filtered by person, institution, record, action
//! and period, newest first, with each entry's names joined in (the person's account, the
//! institution, the team and the case's code parts). Never a case's personal data: the case
//! is joined for its year and number only.

use crate::StoreError;
use sqlx::AnyConnection;

/// Which entries to read; every part given narrows the trail.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrailFilter {
    pub actor: Option<i64>,
    /// Entries by the accounts of this institution.
    pub institution: Option<i64>,
    /// Entries about this case.
    pub case: Option<i64>,
    pub action: Option<String>,
    /// From this instant (Unix seconds, included) up to `until` (excluded).
    pub from: Option<i64>,
    pub until: Option<i64>,
}

/// One entry with its names.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct TrailLine {
    pub seq: i64,
    pub at: i64,
    pub actor_id: Option<i64>,
    pub actor_label: String,
    pub action: String,
    pub subject: String,
    pub subject_id: Option<i64>,
    pub reason: String,
    pub address: String,
    pub username: Option<String>,
    pub display_name: Option<String>,
    pub institution_cyrl: Option<String>,
    pub institution_latn: Option<String>,
    pub team_code: Option<String>,
    pub case_city: Option<String>,
    pub case_year: Option<i64>,
    pub case_seq: Option<i64>,
}

const SELECT: &str = "SELECT a.seq, a.at, a.actor_id, a.actor_label, a.action, a.subject, \
    a.subject_id, a.reason, a.address, u.username, u.display_name, \
    i.name_cyrl AS institution_cyrl, i.name_latn AS institution_latn, t.code AS team_code, \
    ct.city AS case_city, c.year AS case_year, c.seq AS case_seq \
    FROM audit_log a \
    LEFT JOIN users u ON u.id = a.actor_id \
    LEFT JOIN institutions i ON i.id = u.institution_id \
    LEFT JOIN teams t ON t.id = a.team_id \
    LEFT JOIN cases c ON a.subject = 'case' AND c.id = a.subject_id \
    LEFT JOIN teams ct ON ct.id = c.team_id";

enum Bound {
    Int(i64),
    Text(String),
}

/// The query with the filter's values bound in order (a macro: the query types differ).
macro_rules! bind_all {
    ($query:expr, $bound:expr) => {{
        let mut q = $query;
        for b in $bound {
            q = match b {
                Bound::Int(v) => q.bind(v),
                Bound::Text(v) => q.bind(v),
            };
        }
        q
    }};
}

/// The filter's conditions (after `WHERE`), numbered from `$1`, with their values.
fn conditions(f: &TrailFilter, before_seq: Option<i64>) -> (String, Vec<Bound>) {
    let mut sql = vec!["1 = 1".to_string()];
    let mut bound = Vec::new();
    let mut add = |clause: &str, value: Bound| {
        bound.push(value);
        sql.push(clause.replace('?', &format!("${}", bound.len())));
    };
    // An account's entries: what it did, and what was done about it (its sign-ins among
    // them, which no signed-in actor wrote).
    if let Some(actor) = f.actor {
        add(
            "(a.actor_id = ? OR (a.subject = 'user' AND a.subject_id = ?))",
            Bound::Int(actor),
        );
    }
    if let Some(institution) = f.institution {
        add(
            "a.actor_id IN (SELECT id FROM users WHERE institution_id = ?)",
            Bound::Int(institution),
        );
    }
    if let Some(case) = f.case {
        add("a.subject = 'case' AND a.subject_id = ?", Bound::Int(case));
    }
    if let Some(action) = &f.action {
        add("a.action = ?", Bound::Text(action.clone()));
    }
    if let Some(from) = f.from {
        add("a.at >= ?", Bound::Int(from));
    }
    if let Some(until) = f.until {
        add("a.at < ?", Bound::Int(until));
    }
    if let Some(seq) = before_seq {
        add("a.seq < ?", Bound::Int(seq));
    }
    (sql.join(" AND "), bound)
}

/// A page of the entries the filter picks, newest first.
pub async fn page(
    c: &mut AnyConnection,
    f: &TrailFilter,
    limit: i64,
    offset: i64,
) -> Result<Vec<TrailLine>, StoreError> {
    let (cond, bound) = conditions(f, None);
    let n = bound.len();
    let sql = format!(
        "{SELECT} WHERE {cond} ORDER BY a.seq DESC LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let q = bind_all!(sqlx::query_as::<_, TrailLine>(&sql), bound);
    Ok(q.bind(limit).bind(offset.max(0)).fetch_all(c).await?)
}

/// The entries the filter picks that are older than `before_seq` (all, when none), newest
/// first, at most `limit`: an export reads the trail this way, page after page.
pub async fn before(
    c: &mut AnyConnection,
    f: &TrailFilter,
    before_seq: Option<i64>,
    limit: i64,
) -> Result<Vec<TrailLine>, StoreError> {
    let (cond, bound) = conditions(f, before_seq);
    let sql = format!(
        "{SELECT} WHERE {cond} ORDER BY a.seq DESC LIMIT ${}",
        bound.len() + 1
    );
    let q = bind_all!(sqlx::query_as::<_, TrailLine>(&sql), bound);
    Ok(q.bind(limit).fetch_all(c).await?)
}

/// How many entries the filter picks, counted up to `up_to` + 1 (a page count need not be
/// exact beyond what the pager shows).
pub async fn count(c: &mut AnyConnection, f: &TrailFilter, up_to: i64) -> Result<i64, StoreError> {
    let (cond, bound) = conditions(f, None);
    let sql = format!(
        "SELECT COUNT(*) FROM (SELECT 1 FROM audit_log a WHERE {cond} LIMIT ${}) counted",
        bound.len() + 1
    );
    let q = bind_all!(sqlx::query_scalar::<_, i64>(&sql), bound);
    Ok(q.bind(up_to + 1).fetch_one(c).await?)
}

/// The actions the trail holds, for the filter's choices.
pub async fn actions(c: &mut AnyConnection) -> Result<Vec<String>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT DISTINCT action FROM audit_log ORDER BY action")
            .fetch_all(c)
            .await?,
    )
}

/// One access to a case by a signed-in person: who, when, which case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct CaseAccessRow {
    pub actor_id: i64,
    pub at: i64,
    pub subject_id: i64,
}

/// The period's accesses to cases (opening one, downloading its attachment) by signed-in
/// people, newest first, at most `limit`.
pub async fn case_accesses(
    c: &mut AnyConnection,
    from: i64,
    until: i64,
    limit: i64,
) -> Result<Vec<CaseAccessRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT actor_id, at, subject_id FROM audit_log \
         WHERE action IN ('case-viewed', 'attachment-downloaded') AND at >= $1 AND at < $2 \
         AND subject = 'case' AND actor_id IS NOT NULL AND subject_id IS NOT NULL \
         ORDER BY at DESC LIMIT $3",
    )
    .bind(from)
    .bind(until)
    .bind(limit)
    .fetch_all(c)
    .await?)
}

/// An account as the trail's filter offers it.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Person {
    pub id: i64,
    pub username: String,
    pub display_name: String,
}

/// Every account, by username: the trail names the people who did something.
pub async fn people(c: &mut AnyConnection) -> Result<Vec<Person>, StoreError> {
    Ok(
        sqlx::query_as("SELECT id, username, display_name FROM users ORDER BY username")
            .fetch_all(c)
            .await?,
    )
}

/// An institution as the trail's filter offers it, with its team's code.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Body {
    pub id: i64,
    pub team_code: String,
    pub name_cyrl: String,
    pub name_latn: String,
}

/// Every institution of every team.
pub async fn institutions(c: &mut AnyConnection) -> Result<Vec<Body>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT i.id, t.code AS team_code, i.name_cyrl, i.name_latn FROM institutions i \
         JOIN teams t ON t.id = i.team_id ORDER BY t.code, i.name_cyrl",
    )
    .fetch_all(c)
    .await?)
}

/// The cases of that year and number, with their team's city (the code's prefix comes from
/// it): a code names one of them.
pub async fn cases_numbered(
    c: &mut AnyConnection,
    year: i64,
    seq: i64,
) -> Result<Vec<(i64, String)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT c.id, t.city FROM cases c JOIN teams t ON t.id = c.team_id \
         WHERE c.year = $1 AND c.seq = $2",
    )
    .bind(year)
    .bind(seq)
    .fetch_all(c)
    .await?)
}
