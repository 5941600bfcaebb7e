//! The National Coordinator's view: the submitted reports of every team of the deployment,
//! their acknowledgement, and a national summary of a period. The summary adds up what the
//! teams published: work figures exactly, and a case figure only where every team showed its
//! part, so that it is a sum of numbers already public and can reveal nothing new.

use super::content::ReportContent;
use super::lifecycle::ReportView;
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::{decide, team_work, Action, Actor, WorkNeed};
use spona_domain::disclosure::{Position, Published, Reason};
use spona_domain::reports::ReportPeriod;
use spona_domain::text;
use spona_store::reports::{self as store, NationalLine};
use spona_store::teams;

/// The longest acknowledgement note.
const NOTE_MAX: usize = 2_000;

/// Submitted reports across teams, for one period or all.
#[derive(Clone, Debug)]
pub struct NationalList {
    pub lines: Vec<NationalLine>,
    pub period: Option<ReportPeriod>,
    pub summary: Option<NationalSummary>,
}

/// A period's figures across the teams that reported it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NationalSummary {
    pub teams: usize,
    pub meetings: i64,
    pub activities: i64,
    pub reach: i64,
    pub trainings: i64,
    pub participants: i64,
    pub handed_out: i64,
    /// The case tables whose rows mean the same in every team, added up.
    pub cases: Vec<NationalTable>,
}

/// A case table added up over the teams: withheld wherever a team withheld its part.
#[derive(Clone, Debug, PartialEq)]
pub struct NationalTable {
    pub name: String,
    /// (row code, count).
    pub rows: Vec<(String, Published)>,
    pub total: Published,
}

/// The national office's section: refused to everyone else.
pub(super) fn national_gate(actor: &Actor) -> Result<(), AppError> {
    if decide(actor, Action::ViewNationalReports).allowed() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

impl App {
    fn national(actor: &Actor) -> Result<(), AppError> {
        national_gate(actor)
    }

    /// The latest submitted version of every team's reports (of one period when given),
    /// with the period's national summary.
    pub async fn national_reports(
        &self,
        actor: &Actor,
        period: Option<&str>,
    ) -> Result<NationalList, AppError> {
        Self::national(actor)?;
        let period = period
            .filter(|p| !p.trim().is_empty())
            .and_then(|p| ReportPeriod::parse(p).ok());
        let mut c = self.db.conn().await?;
        let lines = store::national(&mut c, period).await?;
        let summary = match period {
            Some(p) => {
                let contents: Vec<ReportContent> = store::national_contents(&mut c, p)
                    .await?
                    .iter()
                    .filter_map(|json| serde_json::from_str(json).ok())
                    .collect();
                Some(summarise(&contents))
            }
            None => None,
        };
        Ok(NationalList {
            lines,
            period,
            summary,
        })
    }

    /// A submitted report of any team, as the national office reads it.
    pub async fn national_report(&self, actor: &Actor, id: i64) -> Result<ReportView, AppError> {
        Self::national(actor)?;
        let mut c = self.db.conn().await?;
        let report = store::find_submitted(&mut c, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let team = teams::find(&mut c, report.team_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let acknowledge = decide(actor, Action::AcknowledgeReports).allowed();
        self.report_view(&mut c, team, None, report, false, acknowledge)
            .await
    }

    /// Acknowledges a submitted report, with an optional note to the team.
    pub async fn acknowledge_report(
        &self,
        actor: &Actor,
        id: i64,
        note: &str,
    ) -> Result<(), AppError> {
        let mut tx = self.db.begin().await?;
        let found = store::find_submitted(&mut tx, id).await?;
        if !decide(actor, Action::AcknowledgeReports).allowed() {
            // A team's own report is "forbidden" to acknowledge; any other is not there.
            let own = match team_work(actor, WorkNeed::View) {
                Ok(scope) => store::find(&mut tx, &scope, id).await?.is_some(),
                Err(_) => false,
            };
            return Err(if own {
                AppError::Forbidden
            } else {
                AppError::NotFound
            });
        }
        let report = found.ok_or(AppError::NotFound)?;
        let mut e = spona_domain::validation::FieldErrors::new();
        let note = e.check("note", text::optional(note, NOTE_MAX));
        let Some(note) = note else {
            return Err(e.into());
        };
        if report.status.acknowledge().is_none() {
            return Err(AppError::Conflict);
        }
        store::acknowledge(&mut tx, id, &note, actor.user_id, self.now()).await?;
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(
                Some(report.team_id),
                "report-acknowledged",
                "team-report",
                id,
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Adds up the teams' published figures of one period.
fn summarise(contents: &[ReportContent]) -> NationalSummary {
    let mut s = NationalSummary {
        teams: contents.len(),
        ..Default::default()
    };
    for c in contents {
        s.meetings += c.meetings.len() as i64;
        s.activities += c.activities.total();
        s.reach += c.activities.reach();
        s.trainings += c.trainings.trainings;
        s.participants += c.trainings.participants();
        s.handed_out += c.materials.iter().map(|m| m.handed_out).sum::<i64>();
    }
    // Tables whose rows mean the same in every team (not the receiving institutions).
    for (name, dimension, _) in super::CASE_TABLES {
        if dimension == "receiver" {
            continue;
        }
        let rows = super::rows_of(dimension);
        let mut sums: Vec<Option<u64>> = vec![Some(0); rows.len() + 1];
        for c in contents {
            let table = c.cases.release.table(name);
            for (i, slot) in sums.iter_mut().enumerate() {
                let published = table.and_then(|t| {
                    if i < rows.len() {
                        let row = t.rows().iter().position(|r| *r == rows[i])?;
                        t.get(Position::RowTotal { row })
                    } else {
                        t.grand_total()
                    }
                });
                *slot = match (*slot, published.and_then(Published::shown)) {
                    (Some(sum), Some(n)) => Some(sum + n),
                    _ => None,
                };
            }
        }
        let shown = |v: Option<u64>| match v {
            Some(n) => Published::Shown(n),
            None => Published::Suppressed(Reason::Protects),
        };
        let total = shown(sums[rows.len()]);
        s.cases.push(NationalTable {
            name: name.to_string(),
            rows: rows
                .into_iter()
                .zip(sums.iter().copied())
                .map(|(r, v)| (r, shown(v)))
                .collect(),
            total,
        });
    }
    s
}
