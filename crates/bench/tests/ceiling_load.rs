//! The load generator against the in-process ceiling on a temporary SQLite database (and on
//! a scratch PostgreSQL database when SPONA_TEST_POSTGRES_URL names a server, as in CI): the
//! whole measuring path (connections, keep-alive, counting, the ceiling's reads and synced
//! inserts) in about two seconds each.

use spona_bench::ceiling::{Ceiling, Engine};
use spona_bench::load::{Body, Generator, Plan, Request, Summary, Workload};
use std::time::Duration;

const PLAN: Plan = Plan {
    connections: 8,
    warm_up: Duration::from_millis(200),
    measured: Duration::from_millis(600),
};

struct Measured {
    reads: Summary,
    inserts: Summary,
    missing: Summary,
    rows: i64,
}

fn measure(engine: Engine) -> Measured {
    let load_runtime = Generator::runtime().unwrap();
    let ceiling_runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let main = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let load = Generator::new(load_runtime.handle().clone());
    let measured = main.block_on(async {
        let server = Ceiling::start(ceiling_runtime.handle(), engine)
            .await
            .unwrap();
        let run = |r: Request| {
            let load = load.clone();
            let addr = server.addr;
            async move { load.run(addr, &Workload::single(r), PLAN).await.unwrap() }
        };
        let reads = run(Request::get("/read", None)).await;
        let inserts = run(Request::post("/insert", None, Body::Fixed("row=1".into()))).await;
        let missing = run(Request::get("/nowhere", None)).await;
        let rows = server.db.writes().await.unwrap();
        server.stop().await.unwrap();
        Measured {
            reads,
            inserts,
            missing,
            rows,
        }
    });
    ceiling_runtime.shutdown_timeout(Duration::from_secs(1));
    load_runtime.shutdown_timeout(Duration::from_secs(1));
    measured
}

/// What holds on every engine: answers without errors, every insert committed, every
/// answer of a missing page counted as an error.
fn assert_sound(m: &Measured) {
    let (r, i) = (&m.reads, &m.inserts);
    assert!(
        r.requests > 0 && i.requests > 0,
        "reads {r:?}\ninserts {i:?}"
    );
    assert_eq!((r.errors, i.errors), (0, 0), "reads {r:?}\ninserts {i:?}");
    assert_eq!(r.statuses.get("200"), Some(&r.requests));
    assert!(r.p50_ms > 0.0 && r.p50_ms <= r.p95_ms && r.p95_ms <= r.max_ms);
    // Every insert answered was committed (those of the warm-up too).
    assert!(
        m.rows as u64 >= i.requests,
        "{} rows for {} inserts",
        m.rows,
        i.requests
    );
    // Every answer of a page that is not there is counted as an error, and seen.
    let x = &m.missing;
    assert!(x.requests > 0 && x.errors == x.requests, "{x:?}");
    assert_eq!(x.requests_per_second, 0.0);
    assert_eq!(x.first_error.as_deref(), Some("404 from /nowhere"));
}

#[test]
fn the_sqlite_ceiling_answers_the_load_and_reads_outrun_synced_inserts() {
    let dir = tempfile::tempdir().unwrap();
    let m = measure(Engine::Sqlite {
        near: dir.path().to_path_buf(),
    });
    assert_sound(&m);
    assert!(
        m.reads.requests_per_second > m.inserts.requests_per_second,
        "an indexed read should be cheaper than a committed, synced insert: {} reads/s, {} inserts/s",
        m.reads.requests_per_second,
        m.inserts.requests_per_second
    );
    // The database lived in a folder of its own inside the one given, removed after.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn the_postgresql_ceiling_answers_the_load_when_a_server_is_named() {
    let Ok(url) = std::env::var("SPONA_TEST_POSTGRES_URL") else {
        eprintln!("SPONA_TEST_POSTGRES_URL is not set: the PostgreSQL ceiling is not tried");
        return;
    };
    let m = measure(Engine::Postgres {
        url,
        scratch: "spona_bench_ceiling_test".into(),
    });
    assert_sound(&m);
}
