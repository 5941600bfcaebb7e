//! `spona backup` and `spona restore` as an operator runs them: the real binary, real files,
//! SQLite in temporary folders and PostgreSQL when `SPONA_TEST_POSTGRES_URL` names a server;
//! and the scheduled backups of `spona serve`.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_spona");
const PASSPHRASE: &str = "duga fraza za rezervne kopije";

/// Variables of the operator's environment that would change what a test sees.
const ENVIRONMENT: [&str; 12] = [
    "SPONA_MASTER_KEY",
    "SPONA_LISTEN",
    "SPONA_DATA_DIR",
    "SPONA_DATABASE_URL",
    "SPONA_CONFIG",
    "SPONA_BACKUP_DIR",
    "SPONA_BACKUP_EVERY",
    "SPONA_BACKUP_KEEP",
    "SPONA_BACKUP_RECIPIENTS",
    "SPONA_BACKUP_RECIPIENTS_FILE",
    "SPONA_BACKUP_PASSPHRASE",
    "SPONA_BACKUP_PASSPHRASE_FILE",
];

/// A deployment in a temporary folder: its data directory, or another database.
struct Deployment {
    dir: tempfile::TempDir,
    database_url: Option<String>,
}

impl Deployment {
    fn sqlite() -> Deployment {
        Deployment {
            dir: tempfile::tempdir().expect("temporary folder"),
            database_url: None,
        }
    }

    fn on(database_url: &str) -> Deployment {
        Deployment {
            database_url: Some(database_url.into()),
            ..Deployment::sqlite()
        }
    }

    fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn command(&self, args: &[&str], env: &[(&str, &str)]) -> Command {
        let mut command = Command::new(BIN);
        for name in ENVIRONMENT {
            command.env_remove(name);
        }
        command.envs(env.iter().copied());
        command.current_dir(self.dir.path());
        command.arg("--data-dir").arg(self.data_dir());
        if let Some(url) = &self.database_url {
            command.arg("--database-url").arg(url);
        }
        command.args(args);
        command
    }

    fn run(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        self.command(args, env)
            .stdin(Stdio::null())
            .output()
            .expect("run spona")
    }

    fn ok(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let out = self.run(args, env);
        assert!(out.status.success(), "{args:?} failed: {}", stderr(&out));
        out
    }

    /// Gives this deployment another's master key file, as an operator copies it over.
    fn key_from(&self, other: &Deployment) {
        std::fs::create_dir_all(self.data_dir()).unwrap();
        let to = self.data_dir().join("spona.key");
        std::fs::copy(other.data_dir().join("spona.key"), &to).unwrap();
        set_private(&to);
    }
}

#[cfg(unix)]
fn set_private(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
}

#[cfg(not(unix))]
fn set_private(_: &Path) {}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A refusal: exit code 1 and one line saying why.
fn refused(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(out));
    let text = stderr(out);
    let errors: Vec<&str> = text.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 1, "one line: {text}");
    errors[0].to_string()
}

const WITH_PASSPHRASE: [(&str, &str); 1] = [("SPONA_BACKUP_PASSPHRASE", PASSPHRASE)];

/// The sign-ins `user list` shows, for comparing two deployments.
fn users(d: &Deployment) -> String {
    stdout(&d.ok(&["user", "list"], &[]))
}

#[test]
fn a_backup_restores_into_a_new_deployment_with_the_same_key() {
    let source = Deployment::sqlite();
    source.ok(&["demo"], &[]);
    let file = source.dir.path().join("rezerva.age");
    let file_arg = file.to_str().unwrap();
    let out = source.ok(&["backup", file_arg], &WITH_PASSPHRASE);
    assert!(stdout(&out).contains("backup written"), "{}", stdout(&out));
    #[cfg(unix)]
    assert_eq!(mode(&file), 0o600);
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1"));
    let key = std::fs::read_to_string(source.data_dir().join("spona.key")).unwrap();
    assert!(!String::from_utf8_lossy(&bytes).contains(key.trim()));

    // A backup never overwrites a file.
    let again = refused(&source.run(&["backup", file_arg], &WITH_PASSPHRASE));
    assert!(again.contains("exists"), "{again}");

    let target = Deployment::sqlite();
    target.key_from(&source);
    let out = target.ok(&["restore", file_arg], &WITH_PASSPHRASE);
    assert!(stderr(&out).contains("100%"), "progress: {}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.contains("restored") && said.contains("verifies"),
        "{said}"
    );
    assert_eq!(users(&target), users(&source));
    let verified = stdout(&target.ok(&["audit", "verify"], &[]));
    assert!(verified.contains("intact"), "{verified}");
    // The restored deployment takes new records.
    target.ok(
        &[
            "team",
            "create",
            "--code",
            "pirot",
            "--name",
            "Пирот",
            "--city",
            "Пирот",
        ],
        &[],
    );

    // Into a database that holds data: refused, and it stays as it was.
    let before = users(&target);
    let err = refused(&target.run(&["restore", file_arg], &WITH_PASSPHRASE));
    assert!(err.contains("not empty"), "{err}");
    assert_eq!(users(&target), before);
}

#[test]
fn a_backup_with_its_key_restores_on_a_bare_machine_from_a_passphrase_file() {
    let source = Deployment::sqlite();
    source.ok(&["demo"], &[]);
    let secret = source.dir.path().join("lozinka.txt");
    std::fs::write(&secret, format!("{PASSPHRASE}\n")).unwrap();
    let secret_arg = secret.to_str().unwrap();
    let file = source.dir.path().join("sa-kljucem.age");
    let file_arg = file.to_str().unwrap();
    let out = source.ok(
        &[
            "backup",
            file_arg,
            "--include-key",
            "--passphrase-file",
            secret_arg,
        ],
        &[],
    );
    assert!(
        stdout(&out).contains("master key is inside"),
        "{}",
        stdout(&out)
    );

    let target = Deployment::sqlite();
    let out = target.ok(&["restore", file_arg, "--passphrase-file", secret_arg], &[]);
    assert!(
        stdout(&out).contains("master key from the backup"),
        "{}",
        stdout(&out)
    );
    let written = target.data_dir().join("spona.key");
    assert_eq!(
        std::fs::read_to_string(&written).unwrap(),
        std::fs::read_to_string(source.data_dir().join("spona.key")).unwrap()
    );
    #[cfg(unix)]
    assert_eq!(mode(&written), 0o600);
    assert!(stdout(&target.ok(&["audit", "verify"], &[])).contains("intact"));
    assert_eq!(users(&target), users(&source));
}

#[test]
fn a_wrong_passphrase_a_damaged_file_and_a_wrong_key_are_each_refused_in_one_line() {
    let source = Deployment::sqlite();
    source.ok(&["demo"], &[]);
    let file = source.dir.path().join("b.age");
    let file_arg = file.to_str().unwrap();
    source.ok(&["backup", file_arg], &WITH_PASSPHRASE);
    let bytes = std::fs::read(&file).unwrap();

    let target = Deployment::sqlite();
    target.key_from(&source);
    let err = refused(&target.run(
        &["restore", file_arg],
        &[("SPONA_BACKUP_PASSPHRASE", "nije ta fraza")],
    ));
    assert!(err.contains("wrong passphrase"), "{err}");

    let damaged = target.dir.path().join("ostecena.age");
    let mut flipped = bytes.clone();
    let at = bytes.len() - 100;
    flipped[at] ^= 0x01;
    std::fs::write(&damaged, &flipped).unwrap();
    let err = refused(&target.run(&["restore", damaged.to_str().unwrap()], &WITH_PASSPHRASE));
    assert!(err.contains("damaged"), "{err}");

    let cut = target.dir.path().join("skracena.age");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let err = refused(&target.run(&["restore", cut.to_str().unwrap()], &WITH_PASSPHRASE));
    assert!(err.contains("damaged or truncated"), "{err}");

    let stranger = Deployment::sqlite();
    // Any command that opens the deployment gives it a key of its own.
    stranger.ok(&["team", "list"], &[]);
    let err = refused(&stranger.run(&["restore", file_arg], &WITH_PASSPHRASE));
    assert!(err.contains("master key does not open"), "{err}");

    // After all of that the target is still empty: a correct restore goes through.
    target.ok(&["restore", file_arg], &WITH_PASSPHRASE);
    assert_eq!(users(&target), users(&source));

    // Without anything to encrypt to, no backup is written; nor a passphrase on the
    // command line, which every user of the machine could read.
    let plain = source.dir.path().join("plain.age");
    let err = refused(&source.run(&["backup", plain.to_str().unwrap()], &[]));
    assert!(err.contains("nothing to encrypt to"), "{err}");
    assert!(!plain.exists());
    let out = source.run(&["backup", "x.age", "--passphrase", PASSPHRASE], &[]);
    assert!(!out.status.success());
}

#[test]
fn a_sqlite_backup_restores_into_postgres() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let Some(db) = runtime.block_on(spona_testkit::TestDb::postgres()) else {
        return;
    };
    let spona_store::DatabaseUrl::Postgres(url) = db.url.clone() else {
        panic!("a PostgreSQL URL");
    };
    let (identity, recipient) = {
        let (secret, public) = spona_app::backup::generate_identity();
        use spona_app::backup::ExposeSecret;
        (secret.expose_secret().to_string(), public)
    };
    let source = Deployment::sqlite();
    source.ok(&["demo"], &[]);
    let file = source.dir.path().join("za-postgres.age");
    let file_arg = file.to_str().unwrap();
    source.ok(&["backup", file_arg, "--recipient", &recipient], &[]);
    let identity_file = source.dir.path().join("identitet.txt");
    std::fs::write(&identity_file, identity).unwrap();

    let target = Deployment::on(&url);
    target.key_from(&source);
    let out = target.ok(
        &[
            "restore",
            file_arg,
            "--identity",
            identity_file.to_str().unwrap(),
        ],
        &[],
    );
    assert!(stdout(&out).contains("sqlite backup"), "{}", stdout(&out));
    assert_eq!(users(&target), users(&source));
    assert!(stdout(&target.ok(&["audit", "verify"], &[])).contains("intact"));
    target.ok(
        &[
            "team",
            "create",
            "--code",
            "pirot",
            "--name",
            "Пирот",
            "--city",
            "Пирот",
        ],
        &[],
    );

    // And back, from PostgreSQL into a new SQLite deployment.
    let back = target.dir.path().join("iz-postgres.age");
    target.ok(
        &["backup", back.to_str().unwrap(), "--recipient", &recipient],
        &[],
    );
    let last = Deployment::sqlite();
    last.key_from(&source);
    let out = last.ok(
        &[
            "restore",
            back.to_str().unwrap(),
            "--identity",
            identity_file.to_str().unwrap(),
        ],
        &[],
    );
    assert!(stdout(&out).contains("postgres backup"), "{}", stdout(&out));
    let teams = stdout(&last.ok(&["team", "list"], &[]));
    assert!(teams.contains("pirot"), "{teams}");
    runtime.block_on(db.finish());
}

/// A port for the server, below the range of outgoing connections' ports (see the same
/// function in `common`).
fn free_port() -> u16 {
    let mut port = 20_000 + (std::process::id() % 500) as u16 * 20;
    loop {
        port = if port >= 32_000 { 20_000 } else { port + 1 };
        if TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}

fn answers(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let request = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    let mut response = String::new();
    stream.write_all(request).is_ok()
        && stream.read_to_string(&mut response).is_ok()
        && response.starts_with("HTTP/1.1 200")
}

fn stop(mut child: Child) -> Output {
    let sent = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("run kill");
    assert!(sent.success());
    let until = Instant::now() + Duration::from_secs(15);
    while child.try_wait().expect("poll").is_none() {
        if Instant::now() > until {
            let _ = child.kill();
            panic!("the server did not stop");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().expect("output")
}

#[cfg(unix)]
#[test]
fn serve_takes_the_scheduled_backup_into_its_folder() {
    let d = Deployment::sqlite();
    let backups = d.dir.path().join("rezerve");
    let dir_arg = backups.to_str().unwrap();
    let schedule = [
        "--backup-dir",
        dir_arg,
        "--backup-every",
        "6h",
        "--backup-keep",
        "3",
    ];
    let mut shown = vec!["settings"];
    shown.extend_from_slice(&schedule);
    let settings = stdout(&d.ok(&shown, &WITH_PASSPHRASE));
    assert!(settings.contains("backup_every = \"6h\""), "{settings}");
    assert!(settings.contains("backup_keep = 3"), "{settings}");
    assert!(!settings.contains(PASSPHRASE), "{settings}");
    let err = refused(&d.run(&shown, &[]));
    assert!(err.contains("backup_dir"), "a schedule needs a lock: {err}");

    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let mut args = vec!["--listen", listen.as_str()];
    args.extend_from_slice(&schedule);
    args.extend_from_slice(&["serve", "--demo"]);
    let child = d
        .command(&args, &WITH_PASSPHRASE)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start spona serve");
    let until = Instant::now() + Duration::from_secs(60);
    let written = loop {
        let found: Vec<PathBuf> = std::fs::read_dir(&backups)
            .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        if let Some(done) = found
            .iter()
            .find(|p| p.extension().is_some_and(|e| e == "age"))
        {
            break done.clone();
        }
        assert!(Instant::now() < until, "no scheduled backup: {found:?}");
        std::thread::sleep(Duration::from_millis(200));
    };
    assert!(answers(port), "the server kept serving");
    let out = stop(child);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("scheduled backup written"),
        "{}",
        stderr(&out)
    );
    let name = written.file_name().unwrap().to_str().unwrap().to_string();
    assert!(
        name.starts_with("spona-backup-") && name.ends_with("Z.age"),
        "{name}"
    );
    assert_eq!(mode(&written), 0o600);
    assert_eq!(mode(&backups), 0o700);

    let target = Deployment::sqlite();
    target.key_from(&d);
    target.ok(&["restore", written.to_str().unwrap()], &WITH_PASSPHRASE);
    assert!(stdout(&target.ok(&["team", "list"], &[])).contains("leskovac"));
}
