//! What every acknowledged write created, and the search for it afterwards. A write counts as
//! acknowledged once the server answered 2xx/303; from then on it must survive anything: a
//! SIGKILL, a full disk, an I/O error, a database outage. Each entry carries something that
//! only that write made (the case id with a marker in its encrypted narrative, a referral's
//! id under its case (its purpose is sealed, so the redirect names it), an activity's title), so that a lost write cannot hide behind another one.
//!
//! The search runs right after a restart, before any new write: SQLite reuses the highest
//! row id, so a lost case's id could otherwise be taken by a later case.

use anyhow::{Context, Result};
use sqlx::AnyConnection;
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Mutex;

/// What an acknowledged write created.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Created {
    /// A reported case; `marker` is in its (encrypted) narrative.
    Case {
        id: i64,
        marker: String,
        child: bool,
    },
    /// A referral of a case, by the id the redirect after sending it named.
    Referral { case_id: i64, referral_id: i64 },
    /// A referral accepted by its receiver.
    Answer { referral_id: i64 },
    /// A recorded activity.
    Activity { id: i64, title: String },
}

impl Created {
    /// Said in a report.
    pub fn describe(&self) -> String {
        match self {
            Created::Case { id, child, .. } => {
                format!("case {id}{}", if *child { " (child)" } else { "" })
            }
            Created::Referral {
                case_id,
                referral_id,
            } => format!("referral {referral_id} of case {case_id}"),
            Created::Answer { referral_id } => format!("acceptance of referral {referral_id}"),
            Created::Activity { id, title } => format!("activity {id} «{title}»"),
        }
    }
}

/// An acknowledged write and the server's life it was acknowledged in.
#[derive(Clone, Debug)]
pub struct Acked {
    pub created: Created,
    /// 1 for the first start of the server, 2 after the first restart, …
    pub life: u32,
}

/// Every acknowledged write of a scenario.
pub struct Ledger {
    entries: Mutex<Vec<Acked>>,
    life: AtomicU32,
}

impl Default for Ledger {
    fn default() -> Self {
        Ledger {
            entries: Mutex::new(Vec::new()),
            life: AtomicU32::new(1),
        }
    }
}

impl Ledger {
    /// Records an acknowledged write.
    pub fn push(&self, created: Created) {
        let life = self.life.load(Ordering::SeqCst);
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(Acked { created, life });
    }

    /// The server was restarted: later writes belong to its next life.
    pub fn next_life(&self) {
        self.life.fetch_add(1, Ordering::SeqCst);
    }

    /// How many writes were acknowledged.
    pub fn len(&self) -> usize {
        self.entries.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    /// Every entry so far.
    pub fn entries(&self) -> Vec<Acked> {
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The acknowledged writes that the database does not hold, described.
    pub async fn missing(&self, conn: &mut AnyConnection) -> Result<Vec<String>> {
        let found = Found::read(conn).await?;
        Ok(self
            .entries()
            .iter()
            .filter(|a| !found.holds(&a.created))
            .map(|a| {
                format!(
                    "{} acknowledged in the server's life {}",
                    a.created.describe(),
                    a.life
                )
            })
            .collect())
    }
}

/// What the database holds of the kinds of rows the traffic creates.
#[derive(Default)]
struct Found {
    cases: HashMap<i64, bool>,
    referrals: HashSet<(i64, i64)>,
    answered: HashSet<i64>,
    activities: HashMap<i64, String>,
}

impl Found {
    async fn read(conn: &mut AnyConnection) -> Result<Found> {
        let cases: Vec<(i64, i64)> = sqlx::query_as("SELECT id, may_be_child FROM cases")
            .fetch_all(&mut *conn)
            .await
            .context("cannot read the cases")?;
        let referrals: Vec<(i64, i64, String)> =
            sqlx::query_as("SELECT id, case_id, status FROM referrals")
                .fetch_all(&mut *conn)
                .await
                .context("cannot read the referrals")?;
        let activities: Vec<(i64, String)> = sqlx::query_as("SELECT id, title FROM activities")
            .fetch_all(&mut *conn)
            .await
            .context("cannot read the activities")?;
        Ok(Found {
            cases: cases.into_iter().map(|(id, c)| (id, c != 0)).collect(),
            referrals: referrals.iter().map(|(id, case, _)| (*case, *id)).collect(),
            // Accepted, and perhaps completed since; never still waiting or declined.
            answered: referrals
                .iter()
                .filter(|(.., status)| status == "accepted" || status == "completed")
                .map(|(id, ..)| *id)
                .collect(),
            activities: activities.into_iter().collect(),
        })
    }

    fn holds(&self, created: &Created) -> bool {
        match created {
            Created::Case { id, child, .. } => self.cases.get(id) == Some(child),
            Created::Referral {
                case_id,
                referral_id,
            } => self.referrals.contains(&(*case_id, *referral_id)),
            Created::Answer { referral_id } => self.answered.contains(referral_id),
            Created::Activity { id, title } => self.activities.get(id) == Some(title),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_is_found_only_as_it_was_made() {
        let mut found = Found::default();
        found.cases.insert(5, true);
        found.referrals.insert((5, 7));
        found.answered.insert(9);
        found.activities.insert(3, "Трибина x2".into());
        let child = Created::Case {
            id: 5,
            marker: "x".into(),
            child: true,
        };
        assert!(found.holds(&child));
        let adult = Created::Case {
            id: 5,
            marker: "x".into(),
            child: false,
        };
        assert!(!found.holds(&adult), "another case under the same id");
        assert!(found.holds(&Created::Referral {
            case_id: 5,
            referral_id: 7
        }));
        assert!(!found.holds(&Created::Referral {
            case_id: 6,
            referral_id: 7
        }));
        assert!(found.holds(&Created::Answer { referral_id: 9 }));
        assert!(!found.holds(&Created::Answer { referral_id: 8 }));
        assert!(!found.holds(&Created::Activity {
            id: 3,
            title: "Трибина x3".into()
        }));
    }

    #[test]
    fn entries_remember_the_life_they_were_acknowledged_in() {
        let ledger = Ledger::default();
        ledger.push(Created::Answer { referral_id: 1 });
        ledger.next_life();
        ledger.push(Created::Answer { referral_id: 2 });
        let lives: Vec<u32> = ledger.entries().iter().map(|a| a.life).collect();
        assert_eq!(lives, vec![1, 2]);
        assert_eq!(ledger.len(), 2);
    }
}
