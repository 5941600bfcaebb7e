//! Why a page was not measured: absent from this data or build (skipped, as a page the
//! deployment does not have), or failed (it should be reachable and was not: a sign-in, a
//! refused form), which a run must show as a failure.

use serde::Serialize;

/// Why a page was not measured.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "why", rename_all = "kebab-case")]
pub enum Unmeasured {
    /// Not in this data or build.
    Absent(String),
    /// Should have been reachable.
    Failed(String),
}

impl Unmeasured {
    /// What went wrong, in words.
    pub fn why(&self) -> &str {
        match self {
            Unmeasured::Absent(why) | Unmeasured::Failed(why) => why,
        }
    }

    /// Whether it is a failure rather than a page this deployment does not have.
    pub fn is_failure(&self) -> bool {
        matches!(self, Unmeasured::Failed(_))
    }
}

/// A failure, by default: only what is known to be absent is said to be.
impl From<String> for Unmeasured {
    fn from(why: String) -> Self {
        Unmeasured::Failed(why)
    }
}

impl From<&str> for Unmeasured {
    fn from(why: &str) -> Self {
        Unmeasured::Failed(why.to_string())
    }
}
