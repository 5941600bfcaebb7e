//! `spona keys rotate` with the real binary, as an operator runs it: over the demo on both
//! engines (the old key refused afterwards, the trail intact, neither key ever printed);
//! killed mid-sweep and run again; beside a running server that keeps answering and reads
//! cases after the switch; with keys in the environment; and after a crash between the
//! switch and the swap of the key files.

mod common;

use common::*;
use spona_app::{App, AuthSettings, Keyring, MasterKey, SystemClock};
use spona_domain::cases::ReportForm;
use spona_store::{DatabaseUrl, Db};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Output, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn key_file(d: &Deployment) -> PathBuf {
    d.data_dir().join("spona.key")
}

fn next_file(d: &Deployment) -> PathBuf {
    d.data_dir().join("spona.key.next")
}

fn key_text(path: &PathBuf) -> String {
    std::fs::read_to_string(path).unwrap().trim().to_string()
}

fn url_of(d: &Deployment) -> DatabaseUrl {
    match &d.database_url {
        Some(url) => DatabaseUrl::parse(url).unwrap(),
        None => DatabaseUrl::Sqlite(d.data_dir().join("spona.db")),
    }
}

/// One number from the deployment's database, read behind the binary's back.
fn number(d: &Deployment, sql: &str) -> i64 {
    let url = url_of(d);
    let sql = sql.to_string();
    tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(async move {
            let db = Db::connect(&url).await.unwrap();
            let mut c = db.conn().await.unwrap();
            let n: i64 = sqlx::query_scalar(&sql).fetch_one(&mut *c).await.unwrap();
            drop(c);
            db.close().await;
            n
        })
}

/// Neither key appears in what a command printed.
fn prints_no_key(out: &Output, keys: &[&str]) {
    for key in keys {
        assert!(key.len() >= 40, "a key in base64");
        for printed in [stdout(out), stderr(out)] {
            assert!(!printed.contains(key), "a key was printed: {printed}");
            assert!(!printed.contains(&key[..16]), "part of a key was printed");
        }
    }
}

/// A PostgreSQL deployment, when the tests have a server.
fn postgres() -> Option<(tokio::runtime::Runtime, spona_testkit::TestDb, Deployment)> {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let db = runtime.block_on(spona_testkit::TestDb::postgres())?;
    let DatabaseUrl::Postgres(url) = db.url.clone() else {
        panic!("a PostgreSQL URL");
    };
    Some((runtime, db, Deployment::on(&url)))
}

fn rotation_over_the_demo(d: &Deployment) {
    d.ok(&["demo"]);
    let old = key_text(&key_file(d));
    let cases = number(d, "SELECT COUNT(*) FROM cases");
    assert!(cases >= 4, "the demo has cases");
    let started = Instant::now();
    let out = d.run(&["keys", "rotate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        started.elapsed() >= Duration::from_secs(15),
        "servers are given a look at the rotation before the switch"
    );
    let new = key_text(&key_file(d));
    assert_ne!(new, old);
    prints_no_key(&out, &[&old, &new]);
    assert!(
        stdout(&out).contains(&format!("{cases} cases now open only with the new key")),
        "{}",
        stdout(&out)
    );
    assert!(
        !next_file(d).exists(),
        "the next key took the current one's place"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(key_file(d)).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert_eq!(number(d, "SELECT COUNT(*) FROM key_rotation"), 0);
    assert_eq!(
        number(
            d,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'keys-rotated'"
        ),
        1
    );

    // The old key opens nothing any more: refused at start, from the environment or a file.
    let refused_env = d
        .command(&["team", "list"])
        .env("SPONA_MASTER_KEY", &old)
        .output()
        .unwrap();
    assert!(refused(&refused_env).contains("is not the key of the database"));
    prints_no_key(&refused_env, &[&old, &new]);
    std::fs::write(key_file(d), format!("{old}\n")).unwrap();
    assert!(refused(&d.run(&["team", "list"])).contains("is not the key of the database"));
    std::fs::write(key_file(d), format!("{new}\n")).unwrap();

    let verified = d.run(&["audit", "verify"]);
    assert!(
        stdout(&verified).contains("intact"),
        "{}",
        stderr(&verified)
    );
    prints_no_key(&verified, &[&old, &new]);
}

#[test]
fn a_rotation_over_the_demo_on_sqlite_leaves_only_the_new_key() {
    rotation_over_the_demo(&Deployment::sqlite());
}

#[test]
fn a_rotation_over_the_demo_on_postgres_leaves_only_the_new_key() {
    let Some((runtime, db, d)) = postgres() else {
        return;
    };
    rotation_over_the_demo(&d);
    runtime.block_on(db.finish());
}

/// Adds `n` fictional cases through the real use cases, with the deployment's key.
fn add_cases(d: &Deployment, n: usize) {
    let url = url_of(d);
    let key = MasterKey::load(&key_file(d)).unwrap().unwrap();
    tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(async move {
            let db = Db::connect(&url).await.unwrap();
            let app = App::new(
                db.clone(),
                Arc::new(SystemClock),
                AuthSettings::default(),
                Keyring::new(&key),
            );
            let police = spona_testkit::actor(&app, "le-police").await;
            for i in 0..n {
                let form = ReportForm {
                    reporter_kind: "team-official".into(),
                    detected_on: "2026-11-27".into(),
                    given_name: format!("Особа{i}"),
                    family_name: "Измишљена".into(),
                    sex: "female".into(),
                    birth_date: "1990-04-02".into(),
                    ..Default::default()
                };
                app.report_case(&police, &form).await.unwrap();
            }
            db.close().await;
        });
}

fn killed_mid_sweep_and_run_again(d: &Deployment) {
    d.ok(&["demo"]);
    add_cases(d, 400);
    let old = key_text(&key_file(d));
    let cases = number(d, "SELECT COUNT(*) FROM cases");

    let mut rotate = d
        .command(&["keys", "rotate", "--batch", "1"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(rotate.stderr.take().unwrap()).lines();
    // Progress lines come at each tenth: killed at the first past the start.
    loop {
        let line = lines.next().expect("progress before the end").unwrap();
        if line.contains(" re-wrapped") && !line.contains(": 0 of") {
            break;
        }
    }
    rotate.kill().unwrap();
    rotate.wait().unwrap();
    let swept = number(
        d,
        "SELECT COUNT(*) FROM cases WHERE data_key_next IS NOT NULL",
    );
    assert!(
        swept > 0 && swept < cases,
        "killed mid-sweep: {swept} of {cases}"
    );
    assert_eq!(number(d, "SELECT COUNT(*) FROM key_rotation"), 1);
    assert_eq!(key_text(&key_file(d)), old, "the current key is untouched");
    let next = key_text(&next_file(d));
    // The deployment works as before with its current key.
    assert!(d.ok(&["audit", "verify"]).contains("intact"));

    let out = d.run(&["keys", "rotate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Continuing the key rotation under way"),
        "{}",
        stdout(&out)
    );
    prints_no_key(&out, &[&old, &next]);
    assert_eq!(key_text(&key_file(d)), next, "the key made before the kill");
    assert_eq!(
        number(d, "SELECT COUNT(*) FROM cases WHERE data_key_next IS NULL"),
        cases
    );
    assert!(d.ok(&["audit", "verify"]).contains("intact"));
    add_cases(d, 1);
}

#[cfg(unix)]
#[test]
fn a_rotation_killed_mid_sweep_continues_when_run_again_on_sqlite() {
    killed_mid_sweep_and_run_again(&Deployment::sqlite());
}

#[cfg(unix)]
#[test]
fn a_rotation_killed_mid_sweep_continues_when_run_again_on_postgres() {
    let Some((runtime, db, d)) = postgres() else {
        return;
    };
    killed_mid_sweep_and_run_again(&d);
    runtime.block_on(db.finish());
}

#[test]
fn a_lost_next_key_is_named_and_the_rotation_can_be_dropped() {
    let d = Deployment::sqlite();
    d.ok(&["demo"]);
    let old = key_text(&key_file(&d));
    // A rotation begun and stopped (as by Ctrl-C before the switch).
    let mut rotate = d
        .command(&["keys", "rotate"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(rotate.stdout.take().unwrap()).lines();
    while !out.next().unwrap().unwrap().starts_with("Waiting") {}
    std::process::Command::new("kill")
        .args(["-INT", &rotate.id().to_string()])
        .status()
        .unwrap();
    let stopped = rotate.wait_with_output().unwrap();
    assert_eq!(stopped.status.code(), Some(1));
    assert!(
        stderr(&stopped).contains("interrupted before the switch"),
        "{}",
        stderr(&stopped)
    );
    assert_eq!(key_text(&key_file(&d)), old);
    std::fs::remove_file(next_file(&d)).unwrap();

    let err = refused(&d.run(&["keys", "rotate"]));
    assert!(
        err.contains("spona.key.next is missing") && err.contains("--abandon"),
        "{err}"
    );
    let dropped = d.ok(&["keys", "rotate", "--abandon"]);
    assert!(dropped.contains("dropped"), "{dropped}");
    assert_eq!(number(&d, "SELECT COUNT(*) FROM key_rotation"), 0);
    assert_eq!(
        number(
            &d,
            "SELECT COUNT(*) FROM cases WHERE data_key_next IS NOT NULL"
        ),
        0
    );
    assert!(d.ok(&["audit", "verify"]).contains("intact"));
    assert_eq!(key_text(&key_file(&d)), old);
}

#[test]
fn a_crash_between_the_switch_and_the_key_files_is_finished_at_the_next_start() {
    let d = Deployment::sqlite();
    d.ok(&["demo"]);
    let old = key_text(&key_file(&d));
    d.ok(&["keys", "rotate"]);
    let new = key_text(&key_file(&d));
    // What a crash right after the switch's commit leaves: the old key in its file, the new
    // one still in the next file.
    std::fs::write(key_file(&d), format!("{old}\n")).unwrap();
    std::fs::write(next_file(&d), format!("{new}\n")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(next_file(&d), std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let out = d.run(&["keys", "rotate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("already switched"),
        "{}",
        stdout(&out)
    );
    prints_no_key(&out, &[&old, &new]);
    assert_eq!(key_text(&key_file(&d)), new);
    assert!(!next_file(&d).exists());
    assert_eq!(
        number(
            &d,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'keys-rotated'"
        ),
        1,
        "not rotated twice"
    );
    // Any start finishes it the same way.
    std::fs::write(key_file(&d), format!("{old}\n")).unwrap();
    std::fs::write(next_file(&d), format!("{new}\n")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(next_file(&d), std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    assert!(d.ok(&["audit", "verify"]).contains("intact"));
    assert_eq!(key_text(&key_file(&d)), new);
    assert!(!next_file(&d).exists());
}

#[test]
fn with_keys_in_the_environment_the_next_key_is_given_and_no_key_file_is_made() {
    let d = Deployment::sqlite();
    let old = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
    let new = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    let with = |args: &[&str], keys: &[(&str, &str)]| {
        let mut command = d.command(args);
        for (name, value) in keys {
            command.env(name, value);
        }
        command.output().unwrap()
    };
    let out = with(&["demo"], &[("SPONA_MASTER_KEY", old)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = refused(&with(&["keys", "rotate"], &[("SPONA_MASTER_KEY", old)]));
    assert!(err.contains("SPONA_MASTER_KEY_NEXT"), "{err}");

    let both = [("SPONA_MASTER_KEY", old), ("SPONA_MASTER_KEY_NEXT", new)];
    let out = with(&["keys", "rotate"], &both);
    assert!(out.status.success(), "{}", stderr(&out));
    prints_no_key(&out, &[old, new]);
    assert!(
        stdout(&out).contains("set SPONA_MASTER_KEY to that key"),
        "{}",
        stdout(&out)
    );
    assert!(
        !key_file(&d).exists() && !next_file(&d).exists(),
        "no key files"
    );

    // Instances restarted with both keys find the new one; the old one alone is refused.
    let out = with(&["audit", "verify"], &both);
    assert!(stdout(&out).contains("intact"), "{}", stderr(&out));
    assert!(stderr(&out).contains("set SPONA_MASTER_KEY to it"));
    prints_no_key(&out, &[old, new]);
    let out = with(&["audit", "verify"], &[("SPONA_MASTER_KEY", new)]);
    assert!(stdout(&out).contains("intact"), "{}", stderr(&out));
    let err = refused(&with(&["team", "list"], &[("SPONA_MASTER_KEY", old)]));
    assert!(err.contains("is not the key of the database"), "{err}");
    let err = refused(&with(&["team", "list"], &[("SPONA_MASTER_KEY_NEXT", new)]));
    assert!(err.contains("SPONA_MASTER_KEY is not"), "{err}");
}

/// A client signed in to a running server as a demo user.
async fn signed_in(base: &str, username: &str) -> reqwest::Client {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = client.get(format!("{base}/login")).send().await.unwrap();
    let csrf = spona_testkit::csrf_of(&page.text().await.unwrap());
    let res = client
        .post(format!("{base}/login"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("username", username),
            ("password", spona_testkit::DEMO_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    // A case worker's second step: the demo's authenticator, on the machine's clock.
    let second = format!("{base}/login/second-factor");
    let page = client.get(&second).send().await.unwrap();
    let csrf = spona_testkit::csrf_of(&page.text().await.unwrap());
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let code = spona_testkit::demo_secret().code_at(now);
    let res = client
        .post(&second)
        .form(&[("csrf", csrf.as_str()), ("code", code.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    client
}

fn server_across_the_switch(d: &Deployment) {
    let (server, port) = start_server(d, &["--demo"]);
    let base = format!("http://127.0.0.1:{port}");
    let old = key_text(&key_file(d));
    let case = number(d, "SELECT MIN(id) FROM cases");
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = runtime.block_on(signed_in(&base, "le-police"));
    let page = |client: &reqwest::Client| {
        runtime.block_on(async {
            let res = client
                .get(format!("{base}/cases/{case}"))
                .send()
                .await
                .unwrap();
            (res.status().as_u16(), res.text().await.unwrap())
        })
    };
    let (status, before) = page(&client);
    assert_eq!(status, 200);
    assert!(before.contains("Демо Дете"), "the case's person is shown");

    let rotate = d
        .command(&["keys", "rotate"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let rotate_id = rotate.id();
    let waiter = std::thread::spawn(move || rotate.wait_with_output().unwrap());
    // The case is read again and again while the rotation sweeps and switches.
    let mut statuses = Vec::new();
    while !waiter.is_finished() {
        statuses.push(page(&client).0);
        std::thread::sleep(Duration::from_millis(250));
    }
    let out = waiter.join().unwrap();
    assert!(out.status.success(), "rotate {rotate_id}: {}", stderr(&out));
    assert!(statuses.len() > 20, "read throughout: {}", statuses.len());
    assert!(
        statuses.iter().all(|s| *s == 200),
        "the server kept answering: {statuses:?}"
    );
    let (status, after) = page(&client);
    assert_eq!(status, 200);
    assert!(after.contains("Демо Дете"));
    // A new sign-in and a new report work under the new key.
    let fresh = runtime.block_on(signed_in(&base, "le-social"));
    assert_eq!(
        runtime
            .block_on(fresh.get(format!("{base}/cases")).send())
            .unwrap()
            .status()
            .as_u16(),
        200
    );
    let new = key_text(&key_file(d));
    let stopped = stop_server(server);
    assert!(stopped.status.success(), "{}", stderr(&stopped));
    assert!(
        stderr(&stopped).contains("the database moved to a new master key"),
        "the server took up the new key: {}",
        stderr(&stopped)
    );
    prints_no_key(&stopped, &[&old, &new]);
    prints_no_key(&out, &[&old, &new]);
    assert!(d.ok(&["audit", "verify"]).contains("intact"));
}

#[cfg(unix)]
#[test]
fn a_server_running_across_the_switch_on_sqlite_keeps_answering_and_reads_cases_afterwards() {
    server_across_the_switch(&Deployment::sqlite());
}

#[cfg(unix)]
#[test]
fn a_server_running_across_the_switch_on_postgres_keeps_answering_and_reads_cases_afterwards() {
    let Some((runtime, db, d)) = postgres() else {
        return;
    };
    server_across_the_switch(&d);
    runtime.block_on(db.finish());
}
