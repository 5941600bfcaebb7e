//! The domain's invariants, checked in SQL behind the server's back: the child protocol was
//! never skipped, the case listing agrees with the cases it indexes, and every case's report
//! is in the audit trail (written in the same transaction). The SQL restates the store's own
//! definitions (`crates/store/src/listing.rs`, `crates/app/src/cases/report.rs`) on purpose,
//! independently, rather than calling them.

use anyhow::{Context, Result};
use sqlx::AnyConnection;

/// Cases whose report lacks the child protocol: the urgent referral to the team's Centre for
/// Social Work, or, when the Centre itself reported the case, the protocol's guardian task.
const CHILD_PROTOCOL_SKIPPED: &str = "\
SELECT c.id FROM cases c JOIN institutions o ON o.id = c.owner_institution_id \
WHERE (c.may_be_child <> 0 OR c.lacks_capacity <> 0) \
AND NOT EXISTS (SELECT 1 FROM referrals r JOIN institutions i ON i.id = r.to_institution_id \
    WHERE r.case_id = c.id AND r.protocol <> 0 AND r.urgency = 'urgent' \
    AND i.kind = 'social-work' AND i.team_id = c.team_id) \
AND NOT (o.kind = 'social-work' AND EXISTS (SELECT 1 FROM case_tasks t \
    WHERE t.case_id = c.id AND t.institution_id = c.owner_institution_id \
    AND t.kind IN ('record-temporary-guardian', 'record-guardian'))) \
ORDER BY c.id";

/// The listing rows the cases call for (the owner, and the receivers of live referrals).
const LISTING_DUE: &str = "\
SELECT c.id AS case_id, c.owner_institution_id AS institution_id, \
    c.may_be_child + c.lacks_capacity AS priority, \
    CASE WHEN c.state = 'closed' THEN 1 ELSE 0 END AS closed, c.reported_at AS reported_at \
FROM cases c \
UNION \
SELECT c.id, r.to_institution_id, c.may_be_child + c.lacks_capacity, \
    CASE WHEN c.state = 'closed' THEN 1 ELSE 0 END, c.reported_at \
FROM referrals r JOIN cases c ON c.id = r.case_id \
WHERE r.status IN ('sent', 'accepted', 'completed')";

/// The listing rows as stored.
const LISTING_HELD: &str =
    "SELECT case_id, institution_id, priority, closed, reported_at FROM case_listing";

/// Cases without the audit entry of their report, written in the same transaction (but for
/// cases reported before the oldest entry the retention schedule kept).
const REPORT_NOT_AUDITED: &str = "\
SELECT c.id FROM cases c WHERE NOT EXISTS (SELECT 1 FROM audit_log a \
    WHERE a.subject = 'case' AND a.subject_id = c.id AND a.action = 'case-reported') \
AND (NOT EXISTS (SELECT 1 FROM audit_anchor) \
    OR c.reported_at >= (SELECT MIN(a.at) FROM audit_log a)) \
ORDER BY c.id";

/// The domain's invariants: a description of each that does not hold.
pub async fn broken(conn: &mut AnyConnection) -> Result<Vec<String>> {
    let mut broken = Vec::new();
    let skipped = ids(conn, CHILD_PROTOCOL_SKIPPED).await?;
    if !skipped.is_empty() {
        broken.push(format!(
            "child cases without the child protocol (urgent referral to the Centre for Social Work): {}",
            list(&skipped)
        ));
    }
    let missing = ids(
        conn,
        &format!(
            "SELECT d.case_id FROM (SELECT * FROM ({LISTING_DUE}) due EXCEPT {LISTING_HELD}) d \
             ORDER BY 1"
        ),
    )
    .await?;
    let stray = ids(
        conn,
        &format!(
            "SELECT d.case_id FROM ({LISTING_HELD} EXCEPT SELECT * FROM ({LISTING_DUE}) due) d \
             ORDER BY 1"
        ),
    )
    .await?;
    if !missing.is_empty() || !stray.is_empty() {
        broken.push(format!(
            "case_listing disagrees with cases: rows missing for cases {}, rows not due for cases {}",
            list(&missing),
            list(&stray)
        ));
    }
    let unaudited = ids(conn, REPORT_NOT_AUDITED).await?;
    if !unaudited.is_empty() {
        broken.push(format!(
            "cases without the audit entry of their report: {}",
            list(&unaudited)
        ));
    }
    Ok(broken)
}

async fn ids(conn: &mut AnyConnection, sql: &str) -> Result<Vec<i64>> {
    sqlx::query_scalar(sql)
        .fetch_all(&mut *conn)
        .await
        .with_context(|| format!("cannot run the check {sql}"))
}

/// The first few ids, and how many there are.
fn list(ids: &[i64]) -> String {
    if ids.is_empty() {
        return "none".into();
    }
    let shown: Vec<String> = ids.iter().take(8).map(i64::to_string).collect();
    if ids.len() > shown.len() {
        format!("{} … ({} in all)", shown.join(", "), ids.len())
    } else {
        shown.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlx::Connection;

    #[test]
    fn long_lists_are_cut_with_their_length() {
        assert_eq!(list(&[]), "none");
        assert_eq!(list(&[1, 2]), "1, 2");
        let many: Vec<i64> = (1..=10).collect();
        assert_eq!(list(&many), "1, 2, 3, 4, 5, 6, 7, 8 … (10 in all)");
    }

    /// An in-memory database with the store's real SQLite schema, and a team whose police
    /// (institution 1) and Centre for Social Work (institution 2) have one case worker.
    async fn schema() -> AnyConnection {
        sqlx::any::install_default_drivers();
        let mut conn = AnyConnection::connect("sqlite::memory:").await.unwrap();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../store/migrations/sqlite");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for file in files {
            let sql = std::fs::read_to_string(&file).unwrap();
            sqlx::raw_sql(&sql).execute(&mut conn).await.unwrap();
        }
        run(
            &mut conn,
            "INSERT INTO teams (id, code, name_cyrl, name_latn, city, created_at) \
             VALUES (1, 'leskovac', 'Л', 'L', 'Лесковац', 0); \
             INSERT INTO institutions (id, team_id, code, standing, kind, name_cyrl, name_latn, \
                 short_name, search_key, created_at, updated_at) VALUES \
             (1, 1, 'pu', 'member', 'police', 'ПУ', 'PU', 'ПУ', 'pu', 0, 0), \
             (2, 1, 'csr', 'member', 'social-work', 'ЦСР', 'CSR', 'ЦСР', 'csr', 0, 0); \
             INSERT INTO users (id, username, display_name, role, team_id, institution_id, \
                 created_at, updated_at) VALUES (1, 'u', 'U', 'case-worker', 1, 1, 0, 0);",
        )
        .await;
        conn
    }

    async fn run(conn: &mut AnyConnection, sql: &str) {
        sqlx::raw_sql(sql).execute(&mut *conn).await.unwrap();
    }

    /// A child's case owned by `owner`, listed for it and audited, without any protocol yet.
    async fn child_case(conn: &mut AnyConnection, id: i64, owner: i64) {
        run(
            conn,
            &format!(
                "INSERT INTO cases (id, team_id, year, seq, owner_institution_id, reported_by, \
                     state, may_be_child, lacks_capacity, immediate_danger, age_band, sex, \
                     reporter_kind, referral_source, detected_on, reported_at, updated_at) \
                 VALUES ({id}, 1, 2026, {id}, {owner}, 1, 'reported', 1, 0, 0, 'child', \
                     'female', 'school', 'school', '2026-11-27', 100, 100); \
                 INSERT INTO case_listing (case_id, institution_id, priority, closed, reported_at) \
                 VALUES ({id}, {owner}, 1, 0, 100); \
                 INSERT INTO audit_log (seq, at, team_id, actor_id, actor_label, action, subject, \
                     subject_id, prev_hash, hash) \
                 VALUES ({id}, 100, 1, 1, 'u', 'case-reported', 'case', {id}, '', '');"
            ),
        )
        .await;
    }

    #[tokio::test]
    async fn each_invariant_catches_its_breakage_on_the_real_schema() {
        let mut conn = schema().await;
        assert!(broken(&mut conn).await.unwrap().is_empty(), "nothing yet");

        child_case(&mut conn, 1, 1).await;
        let found = broken(&mut conn).await.unwrap();
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("without the child protocol") && found[0].ends_with(": 1"),
            "{found:?}"
        );

        // The protocol's urgent referral to the Centre lists the case for the Centre too.
        run(
            &mut conn,
            "INSERT INTO referrals (id, team_id, case_id, from_institution_id, \
                 to_institution_id, purpose, shared_parts, urgency, status, protocol, sent_by, \
                 sent_at, deadline_at) \
             VALUES (1, 1, 1, 1, 2, 'child-protocol', 'identity', 'urgent', 'sent', 1, 1, 100, 200)",
        )
        .await;
        let found = broken(&mut conn).await.unwrap();
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("rows missing for cases 1, rows not due for cases none"),
            "{found:?}"
        );
        run(
            &mut conn,
            "INSERT INTO case_listing (case_id, institution_id, priority, closed, reported_at) \
             VALUES (1, 2, 1, 0, 100)",
        )
        .await;
        assert!(broken(&mut conn).await.unwrap().is_empty());

        // A declined referral no longer lists the case for the Centre: a stray row.
        run(
            &mut conn,
            "UPDATE referrals SET status = 'declined' WHERE id = 1",
        )
        .await;
        let found = broken(&mut conn).await.unwrap();
        assert!(
            found.iter().any(|b| b.contains("rows not due for cases 1")),
            "{found:?}"
        );
        run(
            &mut conn,
            "UPDATE referrals SET status = 'accepted' WHERE id = 1",
        )
        .await;

        // A case reported by the Centre itself needs the protocol's guardian task instead.
        child_case(&mut conn, 2, 2).await;
        let found = broken(&mut conn).await.unwrap();
        assert!(
            found[0].contains("without the child protocol") && found[0].ends_with(": 2"),
            "{found:?}"
        );
        run(
            &mut conn,
            "INSERT INTO case_tasks (team_id, case_id, kind, institution_id, created_at) \
             VALUES (1, 2, 'record-temporary-guardian', 2, 100)",
        )
        .await;
        assert!(broken(&mut conn).await.unwrap().is_empty());

        run(&mut conn, "DELETE FROM audit_log WHERE subject_id = 2").await;
        let found = broken(&mut conn).await.unwrap();
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("audit entry of their report: 2"),
            "{found:?}"
        );
    }
}
