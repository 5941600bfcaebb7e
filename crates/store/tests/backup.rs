//! The table-level parts of a backup on both engines: the tables in an order that respects
//! their foreign keys, every row read page by page in key order (composite and text keys
//! too), rows written back with values of the right kind only, the migrations' own rows told
//! apart from data, and PostgreSQL's sequences moved past restored ids.

use spona_store::backup::{self, Pages, Snapshot, Table, Value};
use spona_store::{Backend, Db};
use spona_testkit::TestDb;

async fn tables(db: &Db) -> Vec<Table> {
    let mut c = db.conn().await.unwrap();
    backup::tables(&mut c, db.backend()).await.unwrap()
}

async fn all_rows(db: &Db, table: &Table) -> Vec<Vec<Value>> {
    let mut c = db.conn().await.unwrap();
    let mut snapshot = Snapshot::begin(&mut c, db.backend()).await.unwrap();
    let mut pages = Pages::of(table);
    let mut rows = Vec::new();
    loop {
        let page = snapshot.next_page(&mut pages).await.unwrap();
        if page.is_empty() {
            break;
        }
        rows.extend(page);
    }
    snapshot.finish().await.unwrap();
    rows
}

async fn execute(db: &Db, sql: &str) {
    let mut c = db.conn().await.unwrap();
    sqlx::query(sql).execute(&mut *c).await.unwrap();
}

#[tokio::test]
async fn every_table_comes_after_the_tables_it_refers_to() {
    for t in TestDb::every_engine().await {
        let listed = tables(&t.db).await;
        let names: Vec<&str> = listed.iter().map(|t| t.name.as_str()).collect();
        let place = |name: &str| names.iter().position(|n| *n == name).unwrap();
        for (child, parent) in [
            ("cases", "teams"),
            ("cases", "institutions"),
            ("referrals", "case_consents"),
            ("case_attachments", "cases"),
            ("activities", "plan_activities"),
            ("good_practices", "trainings"),
        ] {
            assert!(place(parent) < place(child), "{parent} before {child}");
        }
        assert!(!names.contains(&"_sqlx_migrations") && !names.contains(&"job_leases"));
        let counts = listed
            .iter()
            .find(|t| t.name == "frozen_case_counts")
            .unwrap();
        assert_eq!(counts.key, ["team_id", "period", "category", "population"]);
        t.finish().await;
    }
}

#[tokio::test]
async fn rows_are_read_in_key_order_across_pages_without_a_gap_or_a_repeat() {
    for t in TestDb::every_engine().await {
        execute(
            &t.db,
            "INSERT INTO teams (id, code, name_cyrl, name_latn, city, created_at) \
             VALUES (1, 'le', 'Лесковац', 'Leskovac', 'Лесковац', 1)",
        )
        .await;
        let mut expected = Vec::new();
        for period in ["2026-Q1", "2026-Q2", "2026"] {
            for category in ["жене", "deca", "Ž", "ž", "a b"] {
                for population in ["case", "referral"] {
                    execute(
                        &t.db,
                        &format!(
                            "INSERT INTO frozen_case_counts (team_id, period, category, population, count) \
                             VALUES (1, '{period}', '{category}', '{population}', 3)"
                        ),
                    )
                    .await;
                    expected.push((period, category, population));
                }
            }
        }
        let table = tables(&t.db)
            .await
            .into_iter()
            .find(|t| t.name == "frozen_case_counts")
            .unwrap();
        let rows = all_rows(&t.db, &table).await;
        assert_eq!(
            rows.len(),
            expected.len(),
            "more than the first page of 8, none lost"
        );
        let keys: Vec<Vec<Value>> = rows.iter().map(|r| r[..4].to_vec()).collect();
        let mut unique = keys.clone();
        unique.dedup();
        assert_eq!(unique.len(), keys.len(), "no row twice");
        t.finish().await;
    }
}

#[tokio::test]
async fn rows_go_back_only_with_values_of_their_columns_kinds() {
    for t in TestDb::every_engine().await {
        let teams = tables(&t.db)
            .await
            .into_iter()
            .find(|t| t.name == "teams")
            .unwrap();
        let row = |id: i64, code: Value| -> Vec<Value> {
            teams
                .columns
                .iter()
                .map(|c| match c.name.as_str() {
                    "id" => Value::Integer(id),
                    "code" => code.clone(),
                    "founding_date" => Value::Null,
                    "active" | "created_at" | "version" => Value::Integer(1),
                    "national" => Value::Integer(0),
                    _ => Value::Text("Пирот".into()),
                })
                .collect()
        };
        let mut tx = t.db.begin().await.unwrap();
        let wrong = backup::insert_rows(
            &mut tx,
            "teams",
            &teams.columns,
            &[row(1, Value::Integer(7))],
        )
        .await
        .unwrap_err();
        assert!(wrong.to_string().contains("teams.code"), "{wrong}");
        let rows: Vec<Vec<Value>> = (1..=700)
            .map(|i| row(i * 3, Value::Text(format!("t{i}"))))
            .collect();
        backup::insert_rows(&mut tx, "teams", &teams.columns, &rows)
            .await
            .unwrap();
        backup::continue_sequences(&mut tx).await.unwrap();
        tx.commit().await.unwrap();
        assert_eq!(
            all_rows(&t.db, &teams).await,
            rows,
            "values, nulls and order as given"
        );

        // A new team gets an id after the largest restored one.
        let mut c = t.db.conn().await.unwrap();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO teams (code, name_cyrl, name_latn, city, created_at) \
             VALUES ('novi', 'Нови', 'Novi', 'Ниш', 1) RETURNING id",
        )
        .fetch_one(&mut *c)
        .await
        .unwrap();
        assert!(id > 2100, "{id}");
        t.finish().await;
    }
}

#[tokio::test]
async fn the_migrations_own_rows_are_not_data_but_anything_else_is() {
    for t in TestDb::every_engine().await {
        let mut c = t.db.conn().await.unwrap();
        let backend = t.db.backend();
        assert_eq!(backup::holding_data(&mut c, backend).await.unwrap(), None);
        sqlx::query("INSERT INTO job_leases (name, holder, until) VALUES ('x', 'y', 1)")
            .execute(&mut *c)
            .await
            .unwrap();
        assert_eq!(
            backup::holding_data(&mut c, backend).await.unwrap(),
            None,
            "a lease says which instance works, not what the deployment knows"
        );
        sqlx::query("UPDATE audit_head SET last_seq = 1, last_hash = 'h'")
            .execute(&mut *c)
            .await
            .unwrap();
        assert_eq!(
            backup::holding_data(&mut c, backend)
                .await
                .unwrap()
                .as_deref(),
            Some("audit_head")
        );
        drop(c);

        // The empty chain's head makes way for the backup's.
        let fresh = TestDb::sqlite().await;
        let mut tx = fresh.db.begin().await.unwrap();
        backup::clear_initial_rows(&mut tx).await.unwrap();
        tx.commit().await.unwrap();
        let mut c = fresh.db.conn().await.unwrap();
        let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_head")
            .fetch_one(&mut *c)
            .await
            .unwrap();
        assert_eq!(left, 0);
        assert_eq!(
            backup::applied_migrations(&mut c, Backend::Sqlite)
                .await
                .unwrap(),
            Db::migration_versions(Backend::Sqlite)
        );
        drop(c);
        fresh.finish().await;
        t.finish().await;
    }
}
