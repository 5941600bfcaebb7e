//! Backups and restores, within and across engines: every row of every table comes back,
//! attachments and sealed fields open, the audit chain verifies; a damaged file, a wrong
//! passphrase, a wrong key, a broken chain and a non-empty target are each refused and leave
//! the target empty; the master key travels only when asked for; scheduled backups keep N.

use spona_app::activities::{ActivityForm, ActivityQuery};
use spona_app::backup::{
    self, ArchiveError, BackupError, BackupRequest, BackupSchedule, ExposeSecret, Lock,
    RestoreRequest, Restored, Trigger, Unlock,
};
use spona_app::cases::{CaseQuery, NewFile};
use spona_app::reports::PeriodForm;
use spona_app::{App, AuthSettings, Db, Keyring, ManualClock, MasterKey};
use spona_domain::cases::{AttachmentId, CaseId, ReportForm};
use spona_store::backup::{Pages, Snapshot, Value};
use spona_testkit::{actor, TestDb, START};
use std::collections::BTreeMap;
use std::io::Read;
use std::sync::Arc;

/// A deployment: its app over a test database, with a key the test knows.
struct Deployment {
    app: App,
    key: MasterKey,
    clock: Arc<ManualClock>,
    /// An attachment's content and where to find it again.
    attachment: (AttachmentId, Vec<u8>),
    case_id: CaseId,
}

fn keyed_app(db: &Db, key: &MasterKey, clock: Arc<ManualClock>) -> App {
    App::new(
        db.clone(),
        clock,
        AuthSettings::default(),
        Keyring::new(key),
    )
}

/// Content that does not compress, so the backup spans many of the envelope's chunks.
fn scan(len: usize) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    while out.len() < len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.extend_from_slice(&x.to_le_bytes());
    }
    out
}

fn adult() -> ReportForm {
    ReportForm {
        reporter_kind: "team-official".into(),
        detected_on: "2026-11-20".into(),
        given_name: "Милица".into(),
        family_name: "Јовановић".into(),
        sex: "female".into(),
        birth_date: "1995-06-01".into(),
        ..Default::default()
    }
}

/// The demo with cases, meetings and trainings, a case with two attachments, and a
/// submitted report (whose rows the database refuses to change or delete).
async fn deployment(t: &TestDb) -> Deployment {
    let key = MasterKey::generate();
    let clock = Arc::new(ManualClock::at(START));
    let app = keyed_app(&t.db, &key, clock.clone());
    app.seed_demo().await.unwrap();
    app.seed_demo_cases().await.unwrap();
    app.seed_demo_meetings().await.unwrap();
    app.seed_demo_trainings().await.unwrap();
    let police = actor(&app, "le-police").await;
    let case_id = app.report_case(&police, &adult()).await.unwrap().case_id;
    let content = scan(300_000);
    let file = |name, content| NewFile {
        name,
        part: "circumstances",
        content,
    };
    app.attach_file(&police, case_id, &file("izjava.pdf", b"%PDF-1.7 kratka"))
        .await
        .unwrap();
    let big = app
        .attach_file(&police, case_id, &file("snimak.pdf", &content))
        .await
        .unwrap();
    let coordinator = actor(&app, "le-coordinator").await;
    let period = PeriodForm {
        period: "2026-Q3".into(),
    };
    let report = app.draft_report(&coordinator, &period).await.unwrap();
    app.submit_report(&coordinator, report).await.unwrap();
    Deployment {
        app,
        key,
        clock,
        attachment: (big, content),
        case_id,
    }
}

/// A fresh age identity: its secret (to open backups again and again) and its lock.
fn identity() -> (String, Lock) {
    let (secret, public) = backup::generate_identity();
    let lock = Lock::Recipients(vec![backup::parse_recipient(&public).unwrap()]);
    (secret.expose_secret().to_string(), lock)
}

fn opener(secret: &str) -> Unlock {
    Unlock::identity_file(secret).unwrap()
}

async fn take(d: &Deployment, lock: &Lock, include_key: bool) -> Vec<u8> {
    let request = BackupRequest {
        lock,
        include_key: include_key.then_some(&d.key),
        trigger: Trigger::Command,
    };
    let (summary, bytes) = d.app.take_backup(Vec::new(), request).await.unwrap();
    assert!(summary.rows > 0 && summary.tables > 30, "{summary:?}");
    bytes
}

async fn restore_into(
    t: &TestDb,
    file: Vec<u8>,
    unlock: Unlock,
    key: Option<MasterKey>,
) -> Result<Restored, BackupError> {
    let request = RestoreRequest {
        unlock,
        deployment_key: key,
        clock: Arc::new(ManualClock::at(START + 3600)),
    };
    backup::restore(&t.db, std::io::Cursor::new(file), request, &|_, _| {}).await
}

/// Every table's rows, each as (column, value) pairs sorted by column, in key order.
type Dump = BTreeMap<String, Vec<Vec<(String, Value)>>>;

async fn dump(db: &Db) -> Dump {
    let mut c = db.conn().await.unwrap();
    let mut snapshot = Snapshot::begin(&mut c, db.backend()).await.unwrap();
    let mut out = BTreeMap::new();
    for table in snapshot.tables().await.unwrap() {
        let mut pages = Pages::of(&table);
        let mut rows = Vec::new();
        loop {
            let page = snapshot.next_page(&mut pages).await.unwrap();
            if page.is_empty() {
                break;
            }
            rows.extend(page);
        }
        let named = rows
            .into_iter()
            .map(|row| {
                let mut pairs: Vec<(String, Value)> = table
                    .columns
                    .iter()
                    .map(|c| c.name.clone())
                    .zip(row)
                    .collect();
                pairs.sort_by(|a, b| a.0.cmp(&b.0));
                pairs
            })
            .collect();
        out.insert(table.name.clone(), named);
    }
    out
}

/// The target holds no data (a failed restore left nothing behind).
/// Whether the planner has statistics of the cases table.
async fn planned(db: &Db) -> bool {
    let mut c = db.conn().await.unwrap();
    let sql = match db.backend() {
        spona_store::Backend::Postgres => {
            "SELECT CAST(reltuples AS BIGINT) FROM pg_class WHERE oid = 'cases'::regclass"
        }
        spona_store::Backend::Sqlite => "SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'cases'",
    };
    sqlx::query_scalar::<_, i64>(sql)
        .fetch_one(&mut *c)
        .await
        .unwrap()
        > 0
}

async fn assert_empty(t: &TestDb) {
    let mut c = t.db.conn().await.unwrap();
    let holding = spona_store::backup::holding_data(&mut c, t.db.backend())
        .await
        .unwrap();
    assert_eq!(holding, None, "the target must stay empty");
}

fn integer(row: &[(String, Value)], column: &str) -> i64 {
    match row.iter().find(|(c, _)| c == column) {
        Some((_, Value::Integer(v))) => *v,
        other => panic!("{column}: {other:?}"),
    }
}

/// Backs up `from`, restores into `to`, and checks that everything came back.
async fn round_trip(from: &TestDb, to: &TestDb) {
    let d = deployment(from).await;
    let (secret, lock) = identity();
    let file = take(&d, &lock, false).await;
    let before = dump(&from.db).await;
    let register = |app: App| async move {
        let coordinator = actor(&app, "le-coordinator").await;
        let listed = app
            .activities(&coordinator, &ActivityQuery::default())
            .await
            .unwrap();
        (listed.page.total, listed.reach, listed.years)
    };
    let register_before = register(d.app.clone()).await;
    assert!(register_before.0 > 0, "the demo has activities");
    let restored = restore_into(to, file, opener(&secret), Some(d.key.clone()))
        .await
        .unwrap();
    assert!(restored.key_from_backup.is_none());
    assert!(restored.cases >= 4, "every case's key was checked");
    let after = dump(&to.db).await;
    // The planner knows the restored tables at once: PostgreSQL gathers its statistics on
    // its own only minutes later, and plans a national database by guesses until then.
    assert!(planned(&to.db).await, "statistics of the restored cases");

    // Every row of every table, except that the restored trail has one more entry: the
    // restore itself, chained after the backup's last.
    let head = &before["audit_head"][0];
    let last_seq = integer(head, "last_seq");
    assert_eq!(restored.audit_entries, last_seq);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (table, rows) in &before {
        match table.as_str() {
            "audit_log" => {
                assert_eq!(&after[table][..rows.len()], &rows[..]);
                assert_eq!(after[table].len(), rows.len() + 1);
                let added = &after[table][rows.len()];
                assert!(added.contains(&("action".into(), Value::Text("backup-restored".into()))));
            }
            "audit_head" => assert_eq!(integer(&after[table][0], "last_seq"), last_seq + 1),
            _ => assert_eq!(&after[table], rows, "table {table}"),
        }
    }
    assert!(!before["case_attachments"].is_empty() && !before["team_reports"].is_empty());

    // The restored deployment works with the same key: the chain verifies, sealed parts and
    // attachments open, new records get new ids (PostgreSQL's sequences moved on).
    let app = keyed_app(&to.db, &d.key, d.clock.clone());
    let report = app.verify_audit().await.unwrap();
    assert_eq!(report.first_break, None);
    // The activities' tallies are not carried: the restored activities made them again.
    assert_eq!(register(app.clone()).await, register_before);
    let police = actor(&app, "le-police").await;
    let case = app.case(&police, d.case_id).await.unwrap();
    assert_eq!(case.identity.unwrap().family_name, "Јовановић");
    let (id, content) = &d.attachment;
    assert_eq!(
        &app.attachment_file(&police, *id).await.unwrap().content,
        content
    );
    let newer = app.report_case(&police, &adult()).await.unwrap().case_id;
    let largest = before["cases"]
        .iter()
        .map(|r| integer(r, "id"))
        .max()
        .unwrap();
    assert!(newer.0 > largest);
    let member = actor(&app, "le-member").await;
    let form = ActivityForm {
        title: "Предавање".into(),
        kind: "public-talk".into(),
        held_on: "2026-11-25".into(),
        place: "Гимназија".into(),
        ..Default::default()
    };
    app.create_activity(&member, &form).await.unwrap();
    assert_eq!(app.verify_audit().await.unwrap().first_break, None);
}

#[tokio::test]
async fn sqlite_to_sqlite_gives_everything_back() {
    let (from, to) = (TestDb::sqlite().await, TestDb::sqlite().await);
    round_trip(&from, &to).await;
    from.finish().await;
    to.finish().await;
}

#[tokio::test]
async fn sqlite_to_postgres_and_back_give_everything_back() {
    let Some(pg_to) = TestDb::postgres().await else {
        return;
    };
    let sqlite_from = TestDb::sqlite().await;
    round_trip(&sqlite_from, &pg_to).await;
    let pg_from = TestDb::postgres().await.unwrap();
    let sqlite_to = TestDb::sqlite().await;
    round_trip(&pg_from, &sqlite_to).await;
    for t in [sqlite_from, pg_to, pg_from, sqlite_to] {
        t.finish().await;
    }
}

#[tokio::test]
async fn a_backup_taken_during_writes_is_one_consistent_moment() {
    for t in TestDb::every_engine().await {
        let d = deployment(&t).await;
        let member = actor(&d.app, "le-member").await;
        let writing = Arc::new(std::sync::atomic::AtomicBool::new(true));
        let writes = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let writer = {
            let (app, writing, writes) = (d.app.clone(), writing.clone(), writes.clone());
            tokio::spawn(async move {
                let mut n = 0;
                while writing.load(std::sync::atomic::Ordering::SeqCst) {
                    n += 1;
                    let form = ActivityForm {
                        title: format!("Радионица {n}"),
                        kind: "public-talk".into(),
                        held_on: "2026-11-25".into(),
                        place: "Школа".into(),
                        ..Default::default()
                    };
                    app.create_activity(&member, &form).await.unwrap();
                    writes.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                }
            })
        };
        let (secret, lock) = identity();
        let mut files = Vec::new();
        let mut during = 0;
        for _ in 0..4 {
            let started = writes.load(std::sync::atomic::Ordering::SeqCst);
            files.push(take(&d, &lock, false).await);
            during += writes.load(std::sync::atomic::Ordering::SeqCst) - started;
        }
        writing.store(false, std::sync::atomic::Ordering::SeqCst);
        writer.await.unwrap();
        assert!(during > 0, "writes went on while the backups were taken");
        // Each backup restores: its audit head matches its trail, its counts its rows.
        let Deployment { key, .. } = d;
        for file in files {
            let target = TestDb::sqlite().await;
            let restored = restore_into(&target, file, opener(&secret), Some(key.clone()))
                .await
                .unwrap();
            assert!(restored.audit_entries > 0);
            target.finish().await;
        }
        t.finish().await;
    }
}

#[tokio::test]
async fn damage_a_wrong_secret_or_key_and_a_broken_chain_leave_the_target_empty() {
    let sources = TestDb::every_engine().await;
    for source in &sources {
        let d = deployment(source).await;
        let (secret, lock) = identity();
        let unlock = || opener(&secret);
        let file = take(&d, &lock, false).await;
        assert!(file.len() > 200_000, "spans many chunks: {}", file.len());

        for target in TestDb::every_engine().await {
            // A flipped byte late in the file: rows before it were written, then undone.
            let mut flipped = file.clone();
            let at = file.len() - 5000;
            flipped[at] ^= 0x40;
            let written = std::sync::atomic::AtomicU64::new(0);
            let request = RestoreRequest {
                unlock: unlock(),
                deployment_key: Some(d.key.clone()),
                clock: d.clock.clone(),
            };
            let err = backup::restore(
                &target.db,
                std::io::Cursor::new(flipped),
                request,
                &|done, _| {
                    written.store(done, std::sync::atomic::Ordering::SeqCst);
                },
            )
            .await
            .unwrap_err();
            assert!(matches!(err, BackupError::Damaged(_)), "{err}");
            assert!(
                written.into_inner() > 0,
                "rows went in before the damage was read"
            );
            assert_empty(&target).await;

            for cut in [file.len() - 1, file.len() / 2, 100] {
                let err =
                    restore_into(&target, file[..cut].to_vec(), unlock(), Some(d.key.clone()))
                        .await
                        .unwrap_err();
                assert!(
                    matches!(
                        err,
                        BackupError::Damaged(_) | BackupError::Envelope(ArchiveError::Damaged)
                    ),
                    "cut at {cut}: {err}"
                );
                assert_empty(&target).await;
            }

            let (other, _) = identity();
            let err = restore_into(&target, file.clone(), opener(&other), Some(d.key.clone()))
                .await
                .unwrap_err();
            assert!(
                matches!(err, BackupError::Envelope(ArchiveError::WrongIdentity)),
                "{err}"
            );
            assert_eq!(err.to_string().lines().count(), 1);

            let err = restore_into(&target, file.clone(), unlock(), Some(MasterKey::generate()))
                .await
                .unwrap_err();
            assert!(matches!(err, BackupError::WrongKey(_)), "{err}");
            assert_empty(&target).await;

            let err = restore_into(&target, file.clone(), unlock(), None)
                .await
                .unwrap_err();
            assert!(matches!(err, BackupError::NoKey), "{err}");
            assert_empty(&target).await;
            target.finish().await;
        }

        // A passphrase backup refuses another passphrase.
        let locked = take(&d, &Lock::passphrase("tačna lozinka").unwrap(), false).await;
        let target = TestDb::sqlite().await;
        let wrong = Unlock::passphrase("netačna lozinka").unwrap();
        let err = restore_into(&target, locked, wrong, Some(d.key.clone()))
            .await
            .unwrap_err();
        assert!(
            matches!(err, BackupError::Envelope(ArchiveError::WrongPassphrase)),
            "{err}"
        );
        assert_empty(&target).await;

        // A trail altered in the source is caught after every row went in, and nothing stays.
        let mut c = source.db.conn().await.unwrap();
        sqlx::query("UPDATE audit_log SET reason = 'izmenjeno' WHERE seq = 3")
            .execute(&mut *c)
            .await
            .unwrap();
        drop(c);
        let tampered = take(&d, &lock, false).await;
        let err = restore_into(&target, tampered, unlock(), Some(d.key.clone()))
            .await
            .unwrap_err();
        assert!(
            matches!(&err, BackupError::AuditBroken(why) if why.contains("entry 3")),
            "{err}"
        );
        assert_empty(&target).await;
        target.finish().await;
    }
    for t in sources {
        t.finish().await;
    }
}

#[tokio::test]
async fn a_database_that_holds_data_is_refused() {
    for t in TestDb::every_engine().await {
        let d = deployment(&t).await;
        let (secret, lock) = identity();
        let file = take(&d, &lock, false).await;
        let before = dump(&t.db).await;
        let err = restore_into(&t, file, opener(&secret), Some(d.key.clone()))
            .await
            .unwrap_err();
        assert!(matches!(err, BackupError::TargetNotEmpty(_)), "{err}");
        assert!(err.to_string().contains("not empty"));
        assert_eq!(dump(&t.db).await, before, "nothing changed");
        t.finish().await;
    }
}

/// The plaintext inside a backup's envelope.
fn plaintext(file: &[u8], unlock: &Unlock) -> Vec<u8> {
    let opened = spona_crypto::archive::open(unlock, file).unwrap();
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(opened)
        .read_to_end(&mut out)
        .unwrap();
    out
}

#[tokio::test]
async fn the_master_key_travels_only_when_asked_for() {
    for t in TestDb::every_engine().await {
        let d = deployment(&t).await;
        let (secret, lock) = identity();
        let unlock = || opener(&secret);
        let key_text = d.key.to_base64().to_string();

        let without = take(&d, &lock, false).await;
        let inside = plaintext(&without, &unlock());
        let text = String::from_utf8(inside.clone()).unwrap();
        assert!(
            text.starts_with("{\"manifest\":"),
            "the manifest comes first"
        );
        assert!(!text.contains(&key_text) && !text.contains("master_key"));
        let key_bytes = base64_decode(&key_text);
        assert!(!inside.windows(32).any(|w| w == key_bytes.as_slice()));
        assert!(!text.contains(&hex_of(&key_bytes)));
        assert!(
            !without
                .windows(key_text.len())
                .any(|w| w == key_text.as_bytes()),
            "nor in the file"
        );

        let with = take(&d, &lock, true).await;
        assert!(String::from_utf8(plaintext(&with, &unlock()))
            .unwrap()
            .contains(&key_text));
        assert!(!with
            .windows(key_text.len())
            .any(|w| w == key_text.as_bytes()));
        let target = TestDb::sqlite().await;
        let restored = restore_into(&target, with, unlock(), None).await.unwrap();
        let carried = restored
            .key_from_backup
            .expect("the backup's key is handed back");
        assert_eq!(carried.to_base64().as_str(), key_text);
        let app = keyed_app(&target.db, &carried, d.clock.clone());
        assert_eq!(app.verify_audit().await.unwrap().first_break, None);
        let police = actor(&app, "le-police").await;
        let cases = app.cases(&police, &CaseQuery::default()).await.unwrap();
        assert!(!cases.items.is_empty());
        target.finish().await;
        t.finish().await;
    }
}

fn base64_decode(text: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .unwrap()
}

fn hex_of(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[tokio::test]
async fn scheduled_backups_take_one_per_period_and_keep_the_newest() {
    for t in TestDb::every_engine().await {
        let d = deployment(&t).await;
        let dir = tempfile::tempdir().unwrap();
        let (secret, lock) = identity();
        let schedule = BackupSchedule {
            dir: dir.path().to_path_buf(),
            every: 6 * 3600,
            keep: 2,
            lock,
        };
        let first = d.app.run_scheduled_backup("a", &schedule).await.unwrap();
        assert!(first.is_some());
        // Within the period neither this instance nor another takes another.
        assert!(d
            .app
            .run_scheduled_backup("a", &schedule)
            .await
            .unwrap()
            .is_none());
        d.clock.advance(3600);
        assert!(d
            .app
            .run_scheduled_backup("b", &schedule)
            .await
            .unwrap()
            .is_none());
        let mut taken = vec![first.unwrap().path];
        for _ in 0..3 {
            d.clock.advance(6 * 3600);
            let done = d
                .app
                .run_scheduled_backup("b", &schedule)
                .await
                .unwrap()
                .unwrap();
            taken.push(done.path);
        }
        let kept = backup::scheduled_backups(dir.path()).unwrap();
        assert_eq!(kept, taken[2..].to_vec(), "the two newest");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            2,
            "nothing else"
        );
        #[cfg(unix)]
        for path in &kept {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", path.display());
        }
        let newest = std::fs::read(kept.last().unwrap()).unwrap();
        let target = TestDb::sqlite().await;
        restore_into(&target, newest, opener(&secret), Some(d.key.clone()))
            .await
            .unwrap();
        target.finish().await;
        t.finish().await;
    }
}

/// Takes a test database back to no schema at all, as a new deployment's database is.
async fn blank(t: &TestDb) {
    let mut c = t.db.conn().await.unwrap();
    match t.db.backend() {
        spona_store::Backend::Postgres => {
            for statement in ["DROP SCHEMA public CASCADE", "CREATE SCHEMA public"] {
                sqlx::query(statement).execute(&mut *c).await.unwrap();
            }
        }
        spona_store::Backend::Sqlite => {
            sqlx::query("PRAGMA foreign_keys = OFF")
                .execute(&mut *c)
                .await
                .unwrap();
            let names: Vec<String> = sqlx::query_scalar(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            )
            .fetch_all(&mut *c)
            .await
            .unwrap();
            for name in names {
                sqlx::query(&format!("DROP TABLE \"{name}\""))
                    .execute(&mut *c)
                    .await
                    .unwrap();
            }
            sqlx::query("PRAGMA foreign_keys = ON")
                .execute(&mut *c)
                .await
                .unwrap();
        }
    }
}

#[tokio::test]
async fn an_older_backup_is_restored_at_its_version_then_migrated_and_a_newer_is_refused() {
    for old in TestDb::every_engine().await {
        let versions = Db::migration_versions(old.db.backend());
        let older: Vec<i64> = versions[..versions.len() - 1].to_vec();
        blank(&old).await;
        spona_store::backup::migrate_to(&old.db, &older)
            .await
            .unwrap();
        let key = MasterKey::generate();
        let clock = Arc::new(ManualClock::at(START));
        let app = keyed_app(&old.db, &key, clock.clone());
        let mut c = old.db.conn().await.unwrap();
        sqlx::query(
            "INSERT INTO teams (code, name_cyrl, name_latn, city, created_at) \
             VALUES ('PI', 'Пирот', 'Pirot', 'Пирот', 1)",
        )
        .execute(&mut *c)
        .await
        .unwrap();
        drop(c);
        let (secret, lock) = identity();
        let backup_of = |app: App, lock: Lock| async move {
            let request = BackupRequest {
                lock: &lock,
                include_key: None,
                trigger: Trigger::Command,
            };
            app.take_backup(Vec::new(), request).await.unwrap()
        };
        let (summary, file) = backup_of(app.clone(), lock.clone()).await;
        assert_eq!(summary.schema_version, *older.last().unwrap());
        let restore_request = || RestoreRequest {
            unlock: opener(&secret),
            deployment_key: Some(key.clone()),
            clock: clock.clone(),
        };

        // Into a new database: at the backup's version first, then migrated forward.
        for target in TestDb::every_engine().await {
            blank(&target).await;
            let restored = backup::restore(
                &target.db,
                std::io::Cursor::new(file.clone()),
                restore_request(),
                &|_, _| {},
            )
            .await
            .unwrap();
            assert_eq!(restored.schema_version, *older.last().unwrap());
            let mut c = target.db.conn().await.unwrap();
            let applied = spona_store::backup::applied_migrations(&mut c, target.db.backend())
                .await
                .unwrap();
            assert_eq!(applied, versions, "migrated forward after the restore");
            let city: String = sqlx::query_scalar("SELECT city FROM teams WHERE code = 'PI'")
                .fetch_one(&mut *c)
                .await
                .unwrap();
            assert_eq!(city, "Пирот");
            drop(c);
            target.finish().await;
        }

        // Into a database already past the backup's version: refused, nothing touched.
        let migrated = TestDb::sqlite().await;
        let err = backup::restore(
            &migrated.db,
            std::io::Cursor::new(file),
            restore_request(),
            &|_, _| {},
        )
        .await
        .unwrap_err();
        assert!(matches!(err, BackupError::TargetNewer { .. }), "{err}");
        assert_empty(&migrated).await;
        migrated.finish().await;

        // A backup from a schema this build does not know.
        let mut c = old.db.conn().await.unwrap();
        sqlx::query(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
             VALUES (9999, 'from the future', true, $1, 0)",
        )
        .bind(vec![0u8])
        .execute(&mut *c)
        .await
        .unwrap();
        drop(c);
        let (_, newer) = backup_of(app, lock).await;
        let empty = TestDb::sqlite().await;
        let err = backup::restore(
            &empty.db,
            std::io::Cursor::new(newer),
            restore_request(),
            &|_, _| {},
        )
        .await
        .unwrap_err();
        assert!(
            matches!(err, BackupError::NewerSchema { backup: 9999, .. }),
            "{err}"
        );
        assert_empty(&empty).await;
        empty.finish().await;
        old.finish().await;
    }
}

#[tokio::test]
async fn a_backup_of_a_rotated_deployment_restores_and_its_trail_verifies_across_epochs() {
    for from in TestDb::every_engine().await {
        let d = deployment(&from).await;
        // As the binary does at start: the database records its key's check value.
        spona_app::custody::record_key(&from.db, &d.key, START)
            .await
            .unwrap();
        let new = MasterKey::generate();
        d.app.begin_rotation(&new).await.unwrap();
        d.app
            .sweep_rotation(&new, spona_app::keys::SweepControl::default(), &|_, _| {})
            .await
            .unwrap();
        assert!(matches!(
            d.app.switch_keys(&new).await.unwrap(),
            spona_app::keys::Switched::Done { .. }
        ));
        // Entries of the new epoch after those of the old one.
        let police = actor(&d.app, "le-police").await;
        d.app.report_case(&police, &adult()).await.unwrap();
        assert_eq!(d.app.verify_audit().await.unwrap().first_break, None);

        let (secret, lock) = identity();
        let request = BackupRequest {
            lock: &lock,
            include_key: None,
            trigger: Trigger::Command,
        };
        let (_, file) = d.app.take_backup(Vec::new(), request).await.unwrap();
        let to = TestDb::sqlite().await;
        let restored = restore_into(&to, file, opener(&secret), Some(new.clone()))
            .await
            .unwrap_or_else(|e| panic!("{:?}: {e}", from.db.backend()));
        assert!(restored.audit_entries > 0);
        let app = keyed_app(&to.db, &new, d.clock.clone());
        assert_eq!(app.verify_audit().await.unwrap().first_break, None);
        let reader = actor(&app, "le-police").await;
        let case = app.case(&reader, d.case_id).await.unwrap();
        assert_eq!(case.identity.unwrap().family_name, "Јовановић");
        to.finish().await;
        from.finish().await;
    }
}

#[tokio::test]
async fn a_backup_after_the_retention_schedule_restores_and_its_trail_verifies_from_the_anchor() {
    use spona_domain::retention::{Period, RetentionPolicy};
    const DAY: i64 = 86_400;
    for from in TestDb::every_engine().await {
        let d = deployment(&from).await;
        let app = d.app.clone().with_retention(RetentionPolicy {
            sign_ins: Period::Days(90),
            audit_entries: Period::Years(3),
            ..RetentionPolicy::KEEP_ALL
        });
        // Three years on, the oldest entries go; new sign-ins a hundred days later are erased.
        d.clock.advance(3 * 366 * DAY);
        assert!(app.run_retention_now().await.unwrap().audit_entries > 0);
        spona_testkit::signed_session(&app, "le-police", spona_app::demo::DEMO_PASSWORD).await;
        d.clock.advance(100 * DAY);
        assert!(app.run_retention_now().await.unwrap().sign_ins > 0);
        assert_eq!(app.verify_audit().await.unwrap().first_break, None);

        let (secret, lock) = identity();
        let file = take(&d, &lock, false).await;
        let to = TestDb::sqlite().await;
        let restored = restore_into(&to, file, opener(&secret), Some(d.key.clone()))
            .await
            .unwrap_or_else(|e| panic!("{:?}: {e}", from.db.backend()));
        assert!(restored.audit_entries > 0);
        let again = keyed_app(&to.db, &d.key, d.clock.clone());
        assert_eq!(again.verify_audit().await.unwrap().first_break, None);
        to.finish().await;
        from.finish().await;
    }
}
