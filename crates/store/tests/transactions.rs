//! Transactions that end badly leave nothing behind: a commit the database refuses, or one
//! whose transaction the engine already ended itself (as SQLite does on a full disk or an
//! I/O error), never returns a connection to the pool mid-transaction, and writes go on.

use spona_store::{Db, StoreError};
use spona_testkit::TestDb;
use sqlx::Executor;

async fn write_one(db: &Db, n: i64) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    sqlx::query("INSERT INTO health_probe (id, checked_at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET checked_at = $1")
        .bind(n)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

async fn probe_value(db: &Db) -> Option<i64> {
    let mut c = db.conn().await.unwrap();
    sqlx::query_scalar("SELECT checked_at FROM health_probe WHERE id = 1")
        .fetch_optional(&mut *c)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_transaction_the_engine_ended_itself_does_not_poison_the_pool() {
    for t in TestDb::every_engine().await {
        // More rounds than the pool has connections, so that every connection meets it.
        for round in 0..20 {
            let mut tx = t.db.begin().await.unwrap();
            // What the engine does on a failed write: the transaction is gone, so the
            // commit that follows fails on SQLite (and is a no-op on PostgreSQL).
            (*tx).execute("ROLLBACK").await.unwrap();
            let _ = tx.commit().await;
            write_one(&t.db, round)
                .await
                .unwrap_or_else(|e| panic!("{:?} round {round}: {e}", t.db.backend()));
        }
        assert_eq!(probe_value(&t.db).await, Some(19));
        t.finish().await;
    }
}

#[tokio::test]
async fn a_transaction_dropped_without_commit_is_rolled_back_before_its_connection_is_reused() {
    for t in TestDb::every_engine().await {
        write_one(&t.db, 1).await.unwrap();
        for round in 0..20 {
            let mut tx = t.db.begin().await.unwrap();
            sqlx::query("UPDATE health_probe SET checked_at = 999 WHERE id = 1")
                .execute(&mut *tx)
                .await
                .unwrap();
            drop(tx);
            // The next writer waits for the rollback (SQLite's gate) or finds it done.
            write_one(&t.db, 100 + round).await.unwrap();
        }
        assert_eq!(probe_value(&t.db).await, Some(119));
        t.finish().await;
    }
}

#[tokio::test]
async fn a_commit_the_database_refuses_is_reported_and_the_next_write_succeeds() {
    for t in TestDb::every_engine().await {
        // A deferred check that fails only at commit: a duplicate key in a table whose
        // uniqueness is checked at the end of the transaction.
        let mut c = t.db.conn().await.unwrap();
        let deferred = match t.db.backend() {
            spona_store::Backend::Postgres => {
                "CREATE TABLE commit_probe (id BIGINT, UNIQUE (id) DEFERRABLE INITIALLY DEFERRED)"
            }
            // SQLite defers only foreign keys.
            spona_store::Backend::Sqlite => {
                "CREATE TABLE commit_probe (id BIGINT REFERENCES health_probe(id) DEFERRABLE INITIALLY DEFERRED)"
            }
        };
        c.execute(deferred).await.unwrap();
        drop(c);
        for round in 0..12 {
            let mut tx = t.db.begin().await.unwrap();
            let broken = match t.db.backend() {
                spona_store::Backend::Postgres => "INSERT INTO commit_probe VALUES (7), (7)",
                spona_store::Backend::Sqlite => "INSERT INTO commit_probe VALUES (77)",
            };
            (*tx).execute(broken).await.unwrap();
            let refused = tx.commit().await;
            assert!(
                refused.is_err(),
                "{:?}: the commit is refused",
                t.db.backend()
            );
            write_one(&t.db, round).await.unwrap();
        }
        let mut c = t.db.conn().await.unwrap();
        let kept: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM commit_probe")
            .fetch_one(&mut *c)
            .await
            .unwrap();
        assert_eq!(kept, 0, "nothing of a refused commit stays");
        drop(c);
        t.finish().await;
    }
}

#[tokio::test]
async fn storage_conditions_are_told_apart_from_mistakes() {
    let t = TestDb::sqlite().await;
    let mut c = t.db.conn().await.unwrap();
    let mistake = sqlx::query("SELECT * FROM no_such_table")
        .execute(&mut *c)
        .await
        .map_err(StoreError::from)
        .unwrap_err();
    assert!(!mistake.is_unavailable(), "{mistake}");
    drop(c);
    t.db.close().await;
    let closed = t.db.conn().await.map(drop).unwrap_err();
    assert!(closed.is_unavailable(), "{closed}");
}

#[tokio::test]
async fn a_postgresql_connection_ended_by_the_server_is_unavailable_and_a_mistake_is_not() {
    let Some(t) = TestDb::postgres().await else {
        return;
    };
    let mut c = t.db.conn().await.unwrap();
    let mistake = sqlx::query("SELECT * FROM no_such_table")
        .execute(&mut *c)
        .await
        .map_err(StoreError::from)
        .unwrap_err();
    assert!(!mistake.is_unavailable(), "{mistake}");
    // What a restarting server does to its connections (SQLSTATE 57P01).
    let ended = sqlx::query("SELECT pg_terminate_backend(pg_backend_pid())")
        .execute(&mut *c)
        .await
        .map_err(StoreError::from)
        .unwrap_err();
    assert!(ended.is_unavailable(), "{ended}");
    drop(c);
    // The pool replaces the ended connection by itself.
    write_one(&t.db, 5).await.unwrap();
    assert_eq!(probe_value(&t.db).await, Some(5));
    t.finish().await;
}
