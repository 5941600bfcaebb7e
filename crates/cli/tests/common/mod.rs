//! What the binary's tests share: a deployment in a temporary folder, the binary run with
//! its settings and nothing from the test's environment, and a server started and stopped.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_spona");

/// Variables of the operator's environment that would change what a test sees.
pub const ENVIRONMENT: [&str; 17] = [
    "SPONA_MASTER_KEY",
    "SPONA_MASTER_KEY_NEXT",
    "SPONA_URGENT_REFERRAL_HOURS",
    "SPONA_REFERRAL_ANSWER_DAYS",
    "SPONA_SMTP_SERVER",
    "SPONA_MAIL_FROM",
    "SPONA_PUBLIC_URL",
    "SPONA_LISTEN",
    "SPONA_DATA_DIR",
    "SPONA_DATABASE_URL",
    "SPONA_CONFIG",
    "SPONA_SECURE_COOKIES",
    "SPONA_TRUST_FORWARDED_FOR",
    "SPONA_SESSION_IDLE_MINUTES",
    "SPONA_SESSION_ABSOLUTE_HOURS",
    "SPONA_LOG_FORMAT",
    "RUST_LOG",
];

/// A deployment in a temporary folder: its data directory, or another database.
pub struct Deployment {
    pub dir: tempfile::TempDir,
    pub database_url: Option<String>,
}

impl Deployment {
    pub fn sqlite() -> Deployment {
        Deployment {
            dir: tempfile::tempdir().expect("temporary folder"),
            database_url: None,
        }
    }

    pub fn on(database_url: &str) -> Deployment {
        Deployment {
            database_url: Some(database_url.into()),
            ..Deployment::sqlite()
        }
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// The binary with this deployment's settings and nothing from the test's environment.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(BIN);
        for name in ENVIRONMENT {
            command.env_remove(name);
        }
        command.current_dir(self.dir.path());
        command.arg("--data-dir").arg(self.data_dir());
        if let Some(url) = &self.database_url {
            command.arg("--database-url").arg(url);
        }
        command.args(args);
        command
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with_input(args, "")
    }

    pub fn run_with_input(&self, args: &[&str], input: &str) -> Output {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start spona");
        let written = child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes());
        // A command refused at its arguments ends before reading: its input then has nowhere
        // to go, which is not the test's failure.
        if let Err(e) = written {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
        }
        child.wait_with_output().expect("run spona")
    }

    /// Runs a command that must succeed, returning its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?} failed: {}", stderr(&out));
        stdout(&out)
    }
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The first column of a tab-separated list, header included.
pub fn first_column(list: &str) -> Vec<String> {
    list.lines()
        .map(|l| l.split('\t').next().unwrap_or_default().to_string())
        .collect()
}

/// The row of a list whose first column is `key`, split into its columns.
pub fn row(list: &str, key: &str) -> Option<Vec<String>> {
    list.lines()
        .map(|l| l.split('\t').map(String::from).collect::<Vec<_>>())
        .find(|cols| cols[0] == key)
}

pub fn refused(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(1),
        "exit code; stderr: {}",
        stderr(out)
    );
    stderr(out)
}

/// A port nobody listens on right now, for a server the test starts: below the range the
/// system hands out for outgoing connections (a database client of a test running beside
/// this one could otherwise take the port before the server binds it), and never the same
/// one twice in this test process.
pub fn free_port() -> u16 {
    static NEXT: std::sync::Mutex<Option<u16>> = std::sync::Mutex::new(None);
    let mut next = NEXT.lock().unwrap_or_else(|e| e.into_inner());
    let mut port = next.unwrap_or(20_000 + (std::process::id() % 500) as u16 * 20);
    loop {
        port = if port >= 32_000 { 20_000 } else { port + 1 };
        if TcpListener::bind(("127.0.0.1", port)).is_ok() {
            *next = Some(port);
            return port;
        }
    }
}

/// GET /health; the status line and body, when the server answers.
pub fn health(port: u16) -> Option<(String, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    stream
        .write_all(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    let status = response.lines().next()?.to_string();
    let body = response.split("\r\n\r\n").nth(1)?.to_string();
    Some((status, body))
}

/// Starts `spona serve` and waits until it answers /health.
pub fn start_server(d: &Deployment, extra: &[&str]) -> (Child, u16) {
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let mut args = vec!["--listen", listen.as_str(), "serve"];
    args.extend_from_slice(extra);
    let mut child = d
        .command(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start spona serve");
    let until = Instant::now() + Duration::from_secs(30);
    loop {
        if let Some((status, body)) = health(port) {
            assert!(status.starts_with("HTTP/1.1 200"), "{status}");
            assert_eq!(body, "ok");
            return (child, port);
        }
        if let Some(status) = child.try_wait().expect("poll the server") {
            let out = child.wait_with_output().expect("output");
            panic!("the server ended with {status}: {}", stderr(&out));
        }
        if Instant::now() > until {
            let _ = child.kill();
            panic!("the server did not answer /health in time");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Sends SIGTERM and waits for the server to end; its standard output and error.
pub fn stop_server(mut child: Child) -> Output {
    let sent = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("run kill");
    assert!(sent.success());
    let until = Instant::now() + Duration::from_secs(15);
    while child.try_wait().expect("poll the server").is_none() {
        if Instant::now() > until {
            let _ = child.kill();
            panic!("the server did not stop after SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().expect("output")
}

/// Changes the SQLite database behind the binary's back, as an intruder with the file would.
pub fn tamper(d: &Deployment, statement: &str) {
    let url = format!("sqlite://{}", d.data_dir().join("spona.db").display());
    let statement = statement.to_string();
    tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(async move {
            use sqlx::Connection;
            sqlx::any::install_default_drivers();
            let mut c = sqlx::AnyConnection::connect(&url).await.unwrap();
            sqlx::query(&statement).execute(&mut c).await.unwrap();
            c.close().await.unwrap();
        });
}
