//! The binary on a bad day, as an operator meets it: a data folder restored without its key
//! or with another deployment's, a folder it cannot write to, files others could read,
//! several instances started at once, and a client that never finishes its request.

mod common;

use common::*;
use std::io::Write;
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

/// Every file of a folder with a digest of its content, to show that a refused command
/// changed nothing. The database counts by what it holds, not by its bytes: closing the last
/// connection may move committed pages from the write-ahead log into the main file (a
/// checkpoint), which changes both files and no data. So `spona.db` and its log are read
/// together, from a copy, as every row of every table; the shared-memory index holds no data.
fn snapshot(dir: &Path) -> Vec<(String, String)> {
    use sha2::Digest;
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with("spona.db") && name != "spona.db.lock" {
                return None;
            }
            let content = std::fs::read(e.path()).unwrap();
            Some((name, hex::encode(sha2::Sha256::digest(content))))
        })
        .collect();
    if dir.join("spona.db").exists() {
        files.push(("spona.db (rows)".into(), database_rows(dir)));
    }
    files.sort();
    files
}

/// A digest of every row of every table of the folder's SQLite database, read from a copy of
/// the main file and its write-ahead log so that reading changes nothing.
fn database_rows(dir: &Path) -> String {
    use sha2::Digest;
    let copy = tempfile::tempdir().unwrap();
    for name in ["spona.db", "spona.db-wal"] {
        if dir.join(name).exists() {
            std::fs::copy(dir.join(name), copy.path().join(name)).unwrap();
        }
    }
    let url = format!("sqlite://{}", copy.path().join("spona.db").display());
    tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(async move {
            use sqlx::{Connection, Row};
            sqlx::any::install_default_drivers();
            let mut c = sqlx::AnyConnection::connect(&url).await.unwrap();
            let tables: Vec<String> =
                sqlx::query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                    .fetch_all(&mut c)
                    .await
                    .unwrap()
                    .iter()
                    .map(|r| r.get(0))
                    .collect();
            let mut digest = sha2::Sha256::new();
            for table in tables {
                let columns: Vec<String> = sqlx::query(&format!(
                    "SELECT name FROM pragma_table_info('{table}') ORDER BY cid"
                ))
                .fetch_all(&mut c)
                .await
                .unwrap()
                .iter()
                .map(|r| r.get(0))
                .collect();
                let row = columns
                    .iter()
                    .map(|c| format!("quote(\"{c}\")"))
                    .collect::<Vec<_>>()
                    .join(" || '|' || ");
                let rows = sqlx::query(&format!("SELECT {row} FROM \"{table}\" ORDER BY 1"))
                    .fetch_all(&mut c)
                    .await
                    .unwrap();
                digest.update(table.as_bytes());
                for r in rows {
                    let line: String = r.get(0);
                    digest.update(line.as_bytes());
                    digest.update(b"\n");
                }
            }
            c.close().await.unwrap();
            hex::encode(digest.finalize())
        })
}

#[test]
fn a_database_with_data_and_no_key_is_refused_by_every_command_and_nothing_changes() {
    let d = Deployment::sqlite();
    d.ok(&["demo"]);
    let key = d.data_dir().join("spona.key");
    std::fs::remove_file(&key).unwrap();
    let before = snapshot(&d.data_dir());
    for args in [
        vec!["audit", "verify"],
        vec!["team", "list"],
        vec!["migrate"],
        vec!["demo"],
        vec!["--listen", "127.0.0.1:0", "serve"],
    ] {
        let err = refused(&d.run(&args));
        assert!(err.contains("master key is missing"), "{args:?}: {err}");
        assert!(
            err.contains(&key.display().to_string()) && err.contains("SPONA_MASTER_KEY"),
            "says where the key belongs: {err}"
        );
        assert!(!key.exists(), "{args:?} made a new key");
        assert_eq!(snapshot(&d.data_dir()), before, "{args:?} changed the data");
    }
}

#[test]
fn another_deployments_key_is_refused_before_anything_is_written() {
    let d = Deployment::sqlite();
    d.ok(&["demo"]);
    let before = snapshot(&d.data_dir());
    let other = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
    for args in [vec!["audit", "verify"], vec!["team", "list"]] {
        let out = d
            .command(&args)
            .env("SPONA_MASTER_KEY", other)
            .output()
            .unwrap();
        let err = refused(&out);
        assert!(err.contains("is not the key of the database"), "{err}");
        assert_eq!(snapshot(&d.data_dir()), before, "{args:?} changed the data");
    }
    // The same refusal for a key file that is not the database's.
    let key = d.data_dir().join("spona.key");
    let right = std::fs::read(&key).unwrap();
    std::fs::write(&key, format!("{other}\n")).unwrap();
    let err = refused(&d.run(&["audit", "verify"]));
    assert!(err.contains("is not the key of the database"), "{err}");
    std::fs::write(&key, right).unwrap();
    assert!(d.ok(&["audit", "verify"]).contains("intact"));
}

#[test]
fn a_database_written_before_key_checks_is_checked_against_its_audit_trail() {
    let d = Deployment::sqlite();
    d.ok(&["demo"]);
    // What a release without the key check left behind: no check value recorded.
    tamper(&d, "DELETE FROM deployment");
    let other = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
    let out = d
        .command(&["team", "list"])
        .env("SPONA_MASTER_KEY", other)
        .output()
        .unwrap();
    let err = refused(&out);
    assert!(err.contains("is not the key of the database"), "{err}");
    // Its own key is accepted, and its check value recorded from then on.
    d.ok(&["team", "list"]);
    assert_eq!(count(&d, "SELECT COUNT(*) FROM deployment"), 1);
}

#[test]
fn a_new_key_is_made_for_an_empty_database_only() {
    let d = Deployment::sqlite();
    let key = d.data_dir().join("spona.key");
    d.ok(&["migrate"]);
    assert!(!key.exists(), "migrating needs no key");
    d.ok(&["team", "list"]);
    assert!(key.exists(), "an empty database gets its key");
    let first = std::fs::read(&key).unwrap();
    d.ok(&["demo"]);
    assert_eq!(std::fs::read(&key).unwrap(), first, "never replaced");
}

#[cfg(unix)]
#[test]
fn the_data_folder_and_the_database_files_are_private_even_when_they_were_not() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let d = Deployment::sqlite();
    let (child, _port) = start_server(&d, &["--demo"]);
    let dir = d.data_dir();
    assert_eq!(mode(&dir), 0o700);
    for name in ["spona.db", "spona.db-wal", "spona.db-shm", "spona.key"] {
        assert_eq!(mode(&dir.join(name)), 0o600, "{name}");
    }
    let out = stop_server(child);
    assert!(out.status.success(), "{}", stderr(&out));
    // Files and a folder that an earlier release left open to others are closed at start.
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(dir.join("spona.db"), std::fs::Permissions::from_mode(0o644)).unwrap();
    d.ok(&["team", "list"]);
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join("spona.db")), 0o600);
}

#[cfg(target_os = "linux")]
#[test]
fn a_data_folder_that_cannot_be_written_is_refused_at_once_with_the_cause() {
    // /proc takes no files, even from the superuser.
    let started = Instant::now();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_spona"))
        .env_remove("SPONA_DATABASE_URL")
        .env_remove("SPONA_MASTER_KEY")
        .args(["--data-dir", "/proc", "--listen", "127.0.0.1:0", "serve"])
        .output()
        .unwrap();
    let err = refused(&out);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "took {:?}",
        started.elapsed()
    );
    assert!(
        err.contains("/proc") && err.contains("cannot be written"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
}

/// Starts `serve` without waiting for it.
fn spawn_server(d: &Deployment, port: u16, extra: &[&str]) -> Child {
    let listen = format!("127.0.0.1:{port}");
    let mut args = vec!["--listen", listen.as_str(), "serve"];
    args.extend_from_slice(extra);
    d.command(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start spona serve")
}

/// Waits until every port answers /health with 200.
fn wait_healthy(ports: &[u16], children: &mut [Child]) {
    let until = Instant::now() + Duration::from_secs(60);
    while !ports
        .iter()
        .all(|p| health(*p).is_some_and(|(status, _)| status.contains("200")))
    {
        for child in children.iter_mut() {
            if let Some(status) = child.try_wait().unwrap() {
                let mut said = String::new();
                if let Some(mut err) = child.stderr.take() {
                    let _ = std::io::Read::read_to_string(&mut err, &mut said);
                }
                panic!("an instance ended at start with {status}: {said}");
            }
        }
        assert!(Instant::now() < until, "the instances did not all come up");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Three instances started at the same moment on one empty database, stopped once they
/// all serve; what they printed, together.
fn start_three_at_once(d: &Deployment, extra: &[&str]) -> String {
    let ports: Vec<u16> = (0..3).map(|_| free_port()).collect();
    let mut children: Vec<Child> = ports.iter().map(|p| spawn_server(d, *p, extra)).collect();
    wait_healthy(&ports, &mut children);
    let mut printed = String::new();
    for child in children {
        let out = stop_server(child);
        assert!(out.status.success(), "{}", stderr(&out));
        printed.push_str(&stdout(&out));
    }
    printed
}

fn instances_started_together_on(make: impl Fn() -> Deployment) {
    let d = make();
    let printed = start_three_at_once(&d, &[]);
    assert_eq!(
        printed.matches("/password/").count(),
        1,
        "exactly one first-administrator link: {printed}"
    );
    assert_eq!(
        first_column(&d.ok(&["user", "list"])),
        ["username", "admin"]
    );

    let d = make();
    start_three_at_once(&d, &["--demo"]);
    assert_eq!(
        first_column(&d.ok(&["team", "list"])),
        ["code", "leskovac", "national", "nis"],
        "one demo"
    );
    assert!(d.ok(&["audit", "verify"]).contains("intact"));
}

#[cfg(unix)]
#[test]
fn instances_started_together_on_sqlite_take_turns() {
    instances_started_together_on(Deployment::sqlite);
}

#[cfg(unix)]
#[test]
fn instances_started_together_on_postgres_take_turns() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let mut databases = Vec::new();
    for _ in 0..2 {
        match runtime.block_on(spona_testkit::TestDb::postgres()) {
            Some(db) => databases.push(db),
            None => return,
        }
    }
    let urls: Vec<String> = databases
        .iter()
        .map(|db| match &db.url {
            spona_store::DatabaseUrl::Postgres(url) => url.clone(),
            spona_store::DatabaseUrl::Sqlite(_) => panic!("a PostgreSQL URL"),
        })
        .collect();
    // The test databases come migrated; empty them so that the instances find nothing.
    for db in &databases {
        runtime.block_on(async {
            let mut c = db.db.conn().await.unwrap();
            sqlx::query("DROP SCHEMA public CASCADE")
                .execute(&mut *c)
                .await
                .unwrap();
            sqlx::query("CREATE SCHEMA public")
                .execute(&mut *c)
                .await
                .unwrap();
        });
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    instances_started_together_on(|| {
        let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Deployment::on(&urls[i])
    });
    for db in databases {
        runtime.block_on(db.finish());
    }
}

#[cfg(unix)]
#[test]
fn a_client_that_never_finishes_its_request_does_not_hold_the_shutdown() {
    let d = Deployment::sqlite();
    let (child, port) = start_server(&d, &["--demo"]);
    let mut slow = TcpStream::connect(("127.0.0.1", port)).unwrap();
    slow.write_all(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let started = Instant::now();
    let out = stop_server(child);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "the shutdown waited {:?} for a client that sent no whole request",
        started.elapsed()
    );
}

/// Counts rows of the SQLite database behind the binary's back.
fn count(d: &Deployment, sql: &str) -> i64 {
    let url = format!("sqlite://{}", d.data_dir().join("spona.db").display());
    let sql = sql.to_string();
    tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(async move {
            use sqlx::Connection;
            sqlx::any::install_default_drivers();
            let mut c = sqlx::AnyConnection::connect(&url).await.unwrap();
            let n: i64 = sqlx::query_scalar(&sql).fetch_one(&mut c).await.unwrap();
            c.close().await.unwrap();
            n
        })
}

#[cfg(unix)]
#[test]
fn the_server_leaves_a_checkpoint_that_shows_a_cut_trail() {
    let d = Deployment::sqlite();
    let (child, _port) = start_server(&d, &["--demo"]);
    let out = stop_server(child);
    assert!(out.status.success(), "{}", stderr(&out));
    let file = d.data_dir().join("audit-checkpoints");
    let written = std::fs::read_to_string(&file).expect("a checkpoint at shutdown");
    assert!(
        written.starts_with("spona-audit-checkpoint/1 "),
        "{written}"
    );
    let verified = d.ok(&["audit", "verify"]);
    assert!(verified.contains("agree"), "{verified}");

    // A checkpoint printed for someone else, then the trail cut behind both.
    let line = d.ok(&["audit", "checkpoint"]).trim().to_string();
    let last: i64 = count(&d, "SELECT MAX(seq) FROM audit_log");
    tamper(
        &d,
        &format!("DELETE FROM audit_log WHERE seq > {}", last - 3),
    );
    tamper(
        &d,
        &format!(
            "UPDATE audit_head SET last_seq = {0}, \
             last_hash = (SELECT hash FROM audit_log WHERE seq = {0}) WHERE id = 1",
            last - 3
        ),
    );
    let err = refused(&d.run(&["audit", "verify"]));
    assert!(
        err.contains("checkpoint") && err.contains("ends at entry"),
        "{err}"
    );
    // The printed line alone tells the same, wherever it was kept.
    std::fs::remove_file(&file).unwrap();
    let err = refused(&d.run(&["audit", "verify", "--checkpoint", &line]));
    assert!(err.contains("ends at entry"), "{err}");
    let err = refused(&d.run(&["audit", "verify", "--checkpoint", "not a checkpoint"]));
    assert!(
        err.contains("neither a checkpoint line nor a file"),
        "{err}"
    );
}
