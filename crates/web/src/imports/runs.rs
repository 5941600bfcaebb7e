//! Imports of large files run in the background, so that the confirmation can show how far
//! one got without JavaScript: the confirmation answers with the address of its run, whose
//! page refreshes itself (`Refresh` header) until the import is done, then answers as the
//! confirmation of a small file does. A run is known by an unguessable id and only to whom
//! started it. It lives in the memory of the instance that runs it: behind a load balancer
//! the page needs the same instance (sticky sessions); elsewhere it is "not found", and the
//! records themselves show what was saved, all of it or nothing.

use spona_app::imports::{ImportKind, ImportProgress, Saving};
use spona_domain::ids::UserId;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A file with more new rows than this is imported in the background.
pub const LARGE: usize = 500;
/// A run nobody came back for is forgotten after this long (its links with it).
const KEPT: Duration = Duration::from_secs(3600);

/// How a run ended.
pub enum Ended {
    Done(Saving),
    /// The import failed (a database error): nothing was saved.
    Failed,
}

/// One import in the background.
struct Run {
    owner: UserId,
    kind: ImportKind,
    started: Instant,
    progress: Arc<ImportProgress>,
    ended: Option<Ended>,
}

/// What a run's page shows.
pub enum Seen {
    Running {
        kind: ImportKind,
        saved: usize,
        total: usize,
    },
    Ended(ImportKind, Ended),
}

/// The runs of this instance.
#[derive(Default)]
pub struct ImportRuns {
    runs: Mutex<HashMap<String, Run>>,
}

impl ImportRuns {
    fn runs(&self) -> std::sync::MutexGuard<'_, HashMap<String, Run>> {
        // A panic elsewhere while the lock was held leaves the map as it was: keep using it.
        self.runs.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Registers a run of `owner`'s; its id and the progress the import reports to.
    pub fn start(&self, owner: UserId, kind: ImportKind) -> (String, Arc<ImportProgress>) {
        let id: String = spona_crypto::tokens::new_token();
        let progress = Arc::new(ImportProgress::default());
        let mut runs = self.runs();
        runs.retain(|_, r| r.started.elapsed() < KEPT);
        runs.insert(
            id.clone(),
            Run {
                owner,
                kind,
                started: Instant::now(),
                progress: progress.clone(),
                ended: None,
            },
        );
        (id, progress)
    }

    /// Records how the run ended.
    pub fn end(&self, id: &str, ended: Ended) {
        if let Some(run) = self.runs().get_mut(id) {
            run.ended = Some(ended);
        }
    }

    /// The run as its owner sees it; an ended run is handed over once and forgotten. None for
    /// an unknown run or another's.
    pub fn see(&self, id: &str, owner: UserId) -> Option<Seen> {
        let mut runs = self.runs();
        let run = runs.get(id).filter(|r| r.owner == owner)?;
        if run.ended.is_none() {
            let (saved, total) = run.progress.get();
            return Some(Seen::Running {
                kind: run.kind,
                saved,
                total,
            });
        }
        let run = runs.remove(id)?;
        Some(Seen::Ended(run.kind, run.ended?))
    }
}
