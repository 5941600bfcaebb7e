//! The audit trail's rows. The chain itself (what is hashed, with which key) is the app's
//! business; here entries are appended under a lock on the chain's head and read in order.

use crate::{Backend, StoreError, Tx};
use spona_domain::ids::UserId;
use sqlx::AnyConnection;

/// The end of the chain: the last sequence number and its hash.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Head {
    pub last_seq: i64,
    pub last_hash: String,
}

/// One entry of the trail.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Entry {
    pub seq: i64,
    pub at: i64,
    pub team_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub actor_label: String,
    pub action: String,
    pub subject: String,
    pub subject_id: Option<i64>,
    pub reason: String,
    pub address: String,
    pub prev_hash: String,
    pub hash: String,
}

/// The head of the chain, locked until the transaction ends (PostgreSQL row lock; on SQLite
/// the transaction already holds the only write slot).
pub async fn head_for_update(tx: &mut Tx) -> Result<Head, StoreError> {
    let sql = match tx.backend() {
        Backend::Postgres => "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE",
        Backend::Sqlite => "SELECT last_seq, last_hash FROM audit_head WHERE id = 1",
    };
    Ok(sqlx::query_as(sql).fetch_one(&mut **tx).await?)
}

/// The head of the chain, for verification.
pub async fn head(c: &mut AnyConnection) -> Result<Head, StoreError> {
    Ok(
        sqlx::query_as("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
            .fetch_one(c)
            .await?,
    )
}

/// Appends an entry (its `seq` and `hash` already computed) and moves the head to it.
pub async fn append(tx: &mut Tx, e: &Entry) -> Result<(), StoreError> {
    append_many(tx, std::slice::from_ref(e)).await
}

/// Appends entries that follow each other (their `seq` and `hash` computed, the first after
/// the head) in multi-row statements, and moves the head to the last (group commit's
/// batches, generated data, and one entry alike).
pub async fn append_many(tx: &mut Tx, entries: &[Entry]) -> Result<(), StoreError> {
    // Twelve values a row. Small statements: SQLite's driver looks each bound value's
    // name up among all of the statement's, so a statement's cost grows with its square.
    for chunk in entries.chunks(40) {
        let rows: Vec<String> = (0..chunk.len())
            .map(|i| {
                let p: Vec<String> = (1..=12).map(|c| format!("${}", i * 12 + c)).collect();
                format!("({})", p.join(", "))
            })
            .collect();
        let sql = format!(
            "INSERT INTO audit_log ({COLUMNS}) VALUES {}",
            rows.join(", ")
        );
        let mut q = sqlx::query(&sql);
        for e in chunk {
            q = q
                .bind(e.seq)
                .bind(e.at)
                .bind(e.team_id)
                .bind(e.actor_id)
                .bind(&e.actor_label)
                .bind(&e.action)
                .bind(&e.subject)
                .bind(e.subject_id)
                .bind(&e.reason)
                .bind(&e.address)
                .bind(&e.prev_hash)
                .bind(&e.hash);
        }
        q.execute(&mut **tx).await?;
    }
    if let Some(last) = entries.last() {
        sqlx::query("UPDATE audit_head SET last_seq = $1, last_hash = $2 WHERE id = 1")
            .bind(last.seq)
            .bind(&last.hash)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

const COLUMNS: &str =
    "seq, at, team_id, actor_id, actor_label, action, subject, subject_id, reason, \
                       address, prev_hash, hash";

/// Entries after `after_seq`, in order, at most `limit` (for walking the chain in pages).
pub async fn after(
    c: &mut AnyConnection,
    after_seq: i64,
    limit: i64,
) -> Result<Vec<Entry>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2"
    ))
    .bind(after_seq)
    .bind(limit)
    .fetch_all(c)
    .await?)
}

/// The largest seq in the trail (0 when empty), whatever the head says.
pub async fn last_written_seq(c: &mut AnyConnection) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) FROM audit_log")
            .fetch_one(c)
            .await?,
    )
}

/// An entry as the walk's page holds it (the columns of [`COLUMNS`], in order).
type Packed = (
    i64,
    i64,
    Option<i64>,
    Option<i64>,
    String,
    String,
    String,
    Option<i64>,
    String,
    String,
    String,
    String,
);

/// Entries after `after_seq` up to `until_seq`, in order, at most `limit`, as [`after`]
/// gives them but read as one row: the page as a JSON array. The driver hands rows from SQLite's thread to the
/// caller's one at a time, and over a walk of millions of entries those handovers cost
/// several times the checking itself (`spona audit verify`).
pub async fn page_after(
    c: &mut AnyConnection,
    backend: Backend,
    after_seq: i64,
    until_seq: i64,
    limit: i64,
) -> Result<Vec<Entry>, StoreError> {
    let sql = match backend {
        Backend::Sqlite => format!(
            "SELECT json_group_array(json_array({COLUMNS})) FROM \
             (SELECT {COLUMNS} FROM audit_log WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3)"
        ),
        Backend::Postgres => format!(
            "SELECT CAST(COALESCE(json_agg(json_build_array({COLUMNS}) ORDER BY seq), '[]') \
             AS TEXT) FROM (SELECT {COLUMNS} FROM audit_log WHERE seq > $1 AND seq <= $2 \
             ORDER BY seq LIMIT $3) p"
        ),
    };
    let page: String = sqlx::query_scalar(&sql)
        .bind(after_seq)
        .bind(until_seq)
        .bind(limit)
        .fetch_one(c)
        .await?;
    let packed: Vec<Packed> = serde_json::from_str(&page)
        .map_err(|e| StoreError::Corrupt(format!("a page of the audit trail: {e}")))?;
    let mut entries: Vec<Entry> = packed
        .into_iter()
        .map(|p| Entry {
            seq: p.0,
            at: p.1,
            team_id: p.2,
            actor_id: p.3,
            actor_label: p.4,
            action: p.5,
            subject: p.6,
            subject_id: p.7,
            reason: p.8,
            address: p.9,
            prev_hash: p.10,
            hash: p.11,
        })
        .collect();
    // An aggregate keeps no order of its own that SQL promises; the walk needs it.
    entries.sort_unstable_by_key(|e| e.seq);
    Ok(entries)
}

/// The entries about one subject, newest first (the access log of a record).
pub async fn for_subject(
    c: &mut AnyConnection,
    subject: &str,
    subject_id: i64,
    limit: i64,
) -> Result<Vec<Entry>, StoreError> {
    page_for_subject(c, subject, subject_id, limit, 0).await
}

/// A page of the entries about one subject, newest first.
pub async fn page_for_subject(
    c: &mut AnyConnection,
    subject: &str,
    subject_id: i64,
    limit: i64,
    offset: i64,
) -> Result<Vec<Entry>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM audit_log WHERE subject = $1 AND subject_id = $2 \
         ORDER BY seq DESC LIMIT $3 OFFSET $4"
    ))
    .bind(subject)
    .bind(subject_id)
    .bind(limit)
    .bind(offset.max(0))
    .fetch_all(c)
    .await?)
}

/// The latest sign-ins of an account, those that succeeded and those that failed, newest
/// first.
pub async fn sign_ins_of(
    c: &mut AnyConnection,
    user: UserId,
    limit: i64,
) -> Result<Vec<Entry>, StoreError> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM audit_log WHERE subject = 'user' AND subject_id = $1 \
         AND action IN ('sign-in', 'sign-in-failed', 'second-factor-failed') \
         ORDER BY seq DESC LIMIT $2"
    ))
    .bind(user.0)
    .bind(limit)
    .fetch_all(c)
    .await?)
}

/// How many entries there are about one subject, counted up to `up_to` + 1.
pub async fn count_for_subject(
    c: &mut AnyConnection,
    subject: &str,
    subject_id: i64,
    up_to: i64,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT 1 FROM audit_log WHERE subject = $1 AND subject_id = $2 \
         LIMIT $3) counted",
    )
    .bind(subject)
    .bind(subject_id)
    .bind(up_to + 1)
    .fetch_one(c)
    .await?)
}
