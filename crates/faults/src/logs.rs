//! The run's log folder: every server's standard output and error (and the private
//! PostgreSQL's log) go to files there, so that a failed scenario can show what the server
//! said. The folder is kept when something failed and removed otherwise.

use anyhow::{Context, Result};
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The folder of this run's logs.
pub struct LogDir {
    dir: Option<tempfile::TempDir>,
    path: PathBuf,
}

impl LogDir {
    /// A fresh folder under the system's temporary folder.
    pub fn create() -> Result<LogDir> {
        let dir = tempfile::Builder::new()
            .prefix("spona-faults.")
            .tempdir()
            .context("cannot create the log folder")?;
        let path = dir.path().to_path_buf();
        Ok(LogDir {
            dir: Some(dir),
            path,
        })
    }

    /// Where the logs are.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Keeps the folder after the run (something failed: the logs are the evidence).
    pub fn keep(&mut self) {
        if let Some(dir) = self.dir.take() {
            let _ = dir.keep();
        }
    }
}

/// Opens a log for appending, with a line that says what starts here.
pub fn append(path: &Path, heading: &str) -> Result<File> {
    let mut file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .with_context(|| format!("cannot open the log {}", path.display()))?;
    writeln!(file, "==== spona-faults: {heading}")
        .with_context(|| format!("cannot write the log {}", path.display()))?;
    Ok(file)
}

/// What to show of a log: its first few problems (the cause is usually the first one, long
/// before the end), then its last `n` lines; long lines are cut.
pub fn excerpt(path: &Path, n: usize) -> Vec<String> {
    let text = std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    let from = lines.len().saturating_sub(n);
    let problems: Vec<&str> = lines[..from]
        .iter()
        .copied()
        .filter(|l| PROBLEMS.iter().any(|p| l.contains(p)))
        .take(5)
        .collect();
    let mut shown: Vec<String> = problems.iter().map(|l| cut(l)).collect();
    if !problems.is_empty() {
        shown.push("…".into());
    }
    shown.extend(lines[from..].iter().map(|l| cut(l)));
    shown
}

/// Words that mark a line worth seeing (Spona's levels, PostgreSQL's, a panic).
const PROBLEMS: [&str; 5] = [" ERROR ", " WARN ", "ERROR:", "FATAL:", "panicked"];

fn cut(line: &str) -> String {
    match line.char_indices().nth(300) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_excerpt_shows_the_first_problem_and_the_last_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.log");
        let mut f = append(&path, "start 1").unwrap();
        writeln!(f, "x ERROR first cause").unwrap();
        for i in 0..10 {
            writeln!(f, "line {i}").unwrap();
        }
        assert_eq!(
            excerpt(&path, 2),
            vec!["x ERROR first cause", "…", "line 8", "line 9"]
        );
        assert_eq!(
            excerpt(&path, 100).first().unwrap(),
            "==== spona-faults: start 1"
        );
        assert!(excerpt(&dir.path().join("missing"), 3).is_empty());
        assert_eq!(cut(&"ж".repeat(400)).chars().count(), 301);
    }
}
