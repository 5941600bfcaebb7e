//! A report's life: the coordinator drafts one for a period, writes its narrative, submits
//! it once the period is over (its figures and text then frozen, their hash sealed in the
//! audit chain), and opens a correction as a new version; the team reads its reports.

use super::cases;
use super::content::{CaseSection, ReportContent, CONTENT_FORMAT};
use super::figures;
use super::forms::{NarrativeForm, PeriodForm};
use crate::audit::{AuditEvent, Author};
use crate::team_work::ScopedTeam;
use crate::{App, AppError};
use spona_crypto::digest::sha256_hex;
use spona_domain::access::{Actor, TeamScope, WorkNeed};
use spona_domain::disclosure::ProtectedRelease;
use spona_domain::registry::Team;
use spona_domain::reports::{Narrative, ReportPeriod, ReportStatus};
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::reports::{self as store, FrozenCount, NewDraft, StoredReport};
use spona_store::Connection;

/// The team's reports and what the actor may do.
#[derive(Clone, Debug)]
pub struct ReportList {
    pub team: Team,
    pub reports: Vec<StoredReport>,
    pub can_lead: bool,
    /// The period a new report would most likely be for: the last quarter that ended, or,
    /// when it has its report, the first quarter after it that has none.
    pub suggested: String,
}

impl ReportList {
    /// The latest version of the report of a period, when the period has one.
    pub fn existing(&self, period: ReportPeriod) -> Option<&StoredReport> {
        self.reports
            .iter()
            .filter(|r| r.period == period)
            .max_by_key(|r| r.version)
    }
}

/// The quarter a new report is proposed for: the last one that ended on `today`, unless it
/// has its report; then the first later quarter without one (the running one at the latest
/// but a few, as reports may be drafted ahead).
fn proposed_quarter(today: time::Date, reports: &[StoredReport]) -> ReportPeriod {
    let last_ended = match ReportPeriod::quarter_of(today) {
        ReportPeriod::Quarter { year, quarter: 1 } => ReportPeriod::Quarter {
            year: year - 1,
            quarter: 4,
        },
        ReportPeriod::Quarter { year, quarter } => ReportPeriod::Quarter {
            year,
            quarter: quarter - 1,
        },
        year => year,
    };
    let next = |p: ReportPeriod| match p {
        ReportPeriod::Quarter { year, quarter: 4 } => ReportPeriod::Quarter {
            year: year + 1,
            quarter: 1,
        },
        ReportPeriod::Quarter { year, quarter } => ReportPeriod::Quarter {
            year,
            quarter: quarter + 1,
        },
        year => year,
    };
    std::iter::successors(Some(last_ended), |p| Some(next(*p)))
        .take(8)
        .find(|p| reports.iter().all(|r| r.period != *p))
        .unwrap_or(last_ended)
}

/// Whether a frozen report still reads as it was submitted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Integrity {
    /// A draft: nothing frozen yet.
    Draft,
    /// The content hashes to what was sealed on submission.
    Intact,
    /// The content does not match its hash: it was changed outside the application.
    Altered,
}

/// One report with its figures (computed for a draft, frozen for a submitted one).
#[derive(Clone, Debug)]
pub struct ReportView {
    pub team: Team,
    pub report: StoredReport,
    pub content: ReportContent,
    pub integrity: Integrity,
    /// Every version of the period, the latest first: (id, version, status).
    pub versions: Vec<(i64, i64, ReportStatus)>,
    pub can_edit: bool,
    pub can_submit: bool,
    pub can_correct: bool,
    pub can_acknowledge: bool,
}

impl App {
    /// The actor's own team, if the actor sees (or, with `lead`, leads) its work; nobody
    /// outside a team has team reports.
    pub(crate) async fn report_team(
        &self,
        c: &mut Connection,
        actor: &Actor,
        lead: bool,
    ) -> Result<ScopedTeam, AppError> {
        let need = if lead { WorkNeed::Lead } else { WorkNeed::View };
        Self::scoped_team(c, actor, need).await
    }

    /// The team's reports, the latest period first.
    pub async fn team_reports(&self, actor: &Actor) -> Result<ReportList, AppError> {
        let mut c = self.db.conn().await?;
        let team = self.report_team(&mut c, actor, false).await?;
        let reports = store::list(&mut c, &team.scope).await?;
        Ok(ReportList {
            suggested: proposed_quarter(self.today(), &reports).code(),
            reports,
            can_lead: team.scope.leads(),
            team: team.into_team(),
        })
    }

    /// Starts the report of a period. A period that already has a report is refused: its
    /// next version is opened as a correction.
    pub async fn draft_report(&self, actor: &Actor, form: &PeriodForm) -> Result<i64, AppError> {
        let mut tx = self.db.begin().await?;
        let team = self.report_team(&mut tx, actor, true).await?;
        let period = form.parse()?;
        if !store::versions(&mut tx, &team.scope, period)
            .await?
            .is_empty()
        {
            let mut e = FieldErrors::new();
            e.add("period", FieldError::Taken);
            return Err(e.into());
        }
        let id = store::insert_draft(
            &mut tx,
            &NewDraft {
                team: &team.scope,
                period,
                version: 1,
                supersedes: None,
                narrative: &Narrative::default(),
                by: actor.user_id,
                now: self.now(),
            },
        )
        .await
        .map_err(|e| match e {
            spona_store::StoreError::Duplicate(_) => {
                let mut e = FieldErrors::new();
                e.add("period", FieldError::Taken);
                AppError::Invalid(e)
            }
            other => other.into(),
        })?;
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(Some(team.id), "report-drafted", "team-report", id),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// One report of the actor's team; another team's is not found.
    pub async fn team_report(&self, actor: &Actor, id: i64) -> Result<ReportView, AppError> {
        let mut c = self.db.conn().await?;
        let team = self.report_team(&mut c, actor, false).await?;
        let report = store::find(&mut c, &team.scope, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let lead = team.scope.leads();
        let scope = team.scope;
        self.report_view(&mut c, team.into_team(), Some(scope), report, lead, false)
            .await
    }

    /// The view of a report: the frozen content of a submitted one, or the figures as they
    /// stand for a draft. `scope` is the team's own, when the team reads; the national
    /// office, reading a submitted report across teams, has none.
    pub(crate) async fn report_view(
        &self,
        c: &mut Connection,
        team: Team,
        scope: Option<TeamScope>,
        report: StoredReport,
        lead: bool,
        acknowledge: bool,
    ) -> Result<ReportView, AppError> {
        let (content, integrity) = if report.status == ReportStatus::Draft {
            // A draft is the team's own work: only its scope gathers it.
            let scope = scope.as_ref().ok_or(AppError::NotFound)?;
            let (content, _, _) = self.gather(c, &team, scope, &report).await?;
            (content, Integrity::Draft)
        } else {
            let content: ReportContent = serde_json::from_str(&report.content)
                .map_err(|e| AppError::Internal(format!("frozen report {}: {e}", report.id)))?;
            let intact = sha256_hex(report.content.as_bytes()) == report.content_hash;
            (
                content,
                if intact {
                    Integrity::Intact
                } else {
                    Integrity::Altered
                },
            )
        };
        let versions = match &scope {
            Some(scope) => store::versions(c, scope, report.period).await?,
            None => store::national_versions(c, team.id, report.period).await?,
        };
        let versions = versions
            .into_iter()
            .map(|r| (r.id, r.version, r.status))
            .collect::<Vec<_>>();
        let has_draft = versions.iter().any(|v| v.2 == ReportStatus::Draft);
        let latest = versions.first().map(|v| v.0) == Some(report.id);
        Ok(ReportView {
            can_edit: lead && report.status.editable(),
            can_submit: lead && report.status.editable() && report.period.ended_by(self.today()),
            can_correct: lead && report.status.correctable() && !has_draft && latest,
            can_acknowledge: acknowledge && report.status.acknowledge().is_some(),
            versions,
            team,
            report,
            content,
            integrity,
        })
    }

    /// Gathers a report's content from the records as they stand, with its case tables
    /// protected against the team's earlier releases; also the counts of the quarters and
    /// which of them were counted afresh (to freeze on submission).
    async fn gather(
        &self,
        c: &mut Connection,
        team: &Team,
        scope: &TeamScope,
        report: &StoredReport,
    ) -> Result<(ReportContent, Vec<FrozenCount>, Vec<String>), AppError> {
        let period = report.period;
        let now = self.now();
        let (counts, fresh) =
            cases::quarter_counts(c, scope, &team.code, &period.quarters(), now, self.zone())
                .await?;
        let earlier: Vec<ProtectedRelease> = store::submitted(c, scope)
            .await?
            .into_iter()
            .filter(|r| r.id != report.id)
            .filter_map(|r| serde_json::from_str::<ReportContent>(&r.content).ok())
            .map(|content| content.cases.release)
            .collect();
        let institutions = figures::all_institutions(c, team).await?;
        let receivers: Vec<String> = institutions.iter().map(|i| i.id.0.to_string()).collect();
        let release = cases::protected(
            &counts,
            &team.code,
            period,
            &receivers,
            &earlier,
            self.disclosure,
        )?;
        let content = ReportContent {
            format: CONTENT_FORMAT,
            team: super::content::Names {
                cyrl: team.name_cyrl.clone(),
                latn: team.name_latn.clone(),
            },
            city: team.city.clone(),
            period: period.code(),
            first_day: spona_domain::text::iso_date(period.first_day()),
            last_day: spona_domain::text::iso_date(period.last_day()),
            gathered_at: now,
            composition: figures::composition(c, team).await?,
            meetings: figures::meetings(c, team, period).await?,
            plan: figures::plan(c, team, scope, period, self.today(), self.zone()).await?,
            activities: figures::activities(c, team, period).await?,
            trainings: figures::trainings(c, team, period).await?,
            materials: figures::materials(c, team, period).await?,
            cooperation: figures::cooperation(c, team, period).await?,
            cases: CaseSection {
                threshold: self.disclosure.get(),
                release,
                receivers: institutions
                    .iter()
                    .map(|i| {
                        (
                            i.id.0.to_string(),
                            super::content::Names {
                                cyrl: i.name_cyrl.clone(),
                                latn: i.name_latn.clone(),
                            },
                        )
                    })
                    .collect(),
            },
            narrative: report.narrative.clone(),
            audit_checkpoint: None,
        };
        Ok((content, counts, fresh))
    }

    /// Saves the narrative of a draft; a stale form is a conflict and changes nothing.
    pub async fn update_report_text(
        &self,
        actor: &Actor,
        id: i64,
        form: &NarrativeForm,
    ) -> Result<(), AppError> {
        let mut tx = self.db.begin().await?;
        // Looked up in the own team first (another team's is "not found"), then leading it.
        let team = self.report_team(&mut tx, actor, false).await?;
        let report = store::find(&mut tx, &team.scope, id)
            .await?
            .ok_or(AppError::NotFound)?;
        if !team.scope.leads() {
            return Err(AppError::Forbidden);
        }
        let narrative = form.parse()?;
        if !report.status.editable() {
            return Err(AppError::Conflict);
        }
        store::update_narrative(
            &mut tx,
            &team.scope,
            id,
            &narrative,
            form.edit_version.unwrap_or(report.edit_version),
            self.now(),
        )
        .await?;
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(Some(team.id), "report-edited", "team-report", id),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Submits a draft whose period is over: its figures and text are frozen, the quarters
    /// counted afresh are frozen too, and the content's hash goes into the audit chain.
    pub async fn submit_report(&self, actor: &Actor, id: i64) -> Result<(), AppError> {
        let mut tx = self.db.begin().await?;
        // Looked up in the own team first (another team's is "not found"), then leading it.
        let team = self.report_team(&mut tx, actor, false).await?;
        let report = store::find(&mut tx, &team.scope, id)
            .await?
            .ok_or(AppError::NotFound)?;
        if !team.scope.leads() {
            return Err(AppError::Forbidden);
        }
        if report.status.submit().is_none() {
            return Err(AppError::Conflict);
        }
        if !report.period.ended_by(self.today()) {
            let mut e = FieldErrors::new();
            e.add("period", FieldError::PeriodNotOver);
            return Err(e.into());
        }
        let (mut content, counts, fresh) =
            self.gather(&mut tx, &team, &team.scope, &report).await?;
        content.audit_checkpoint = Some(self.checkpoint_in(&mut tx).await?.line());
        let json = serde_json::to_string(&content)
            .map_err(|e| AppError::Internal(format!("report content: {e}")))?;
        let hash = sha256_hex(json.as_bytes());
        let now = self.now();
        cases::freeze(&mut tx, &team.scope, &counts, &fresh, now).await?;
        store::submit(&mut tx, &team.scope, id, &json, &hash, actor.user_id, now).await?;
        let reason = format!("sha256:{hash}");
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent {
                reason: &reason,
                ..AuditEvent::about(Some(team.id), "report-submitted", "team-report", id)
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Opens the next version of a submitted report as a draft with its narrative; returns
    /// the new draft's id.
    pub async fn correct_report(&self, actor: &Actor, id: i64) -> Result<i64, AppError> {
        let mut tx = self.db.begin().await?;
        // Looked up in the own team first (another team's is "not found"), then leading it.
        let team = self.report_team(&mut tx, actor, false).await?;
        let report = store::find(&mut tx, &team.scope, id)
            .await?
            .ok_or(AppError::NotFound)?;
        if !team.scope.leads() {
            return Err(AppError::Forbidden);
        }
        let versions = store::versions(&mut tx, &team.scope, report.period).await?;
        let latest = versions.first().map(|r| r.id) == Some(report.id);
        if !report.status.correctable()
            || !latest
            || versions.iter().any(|r| r.status == ReportStatus::Draft)
        {
            return Err(AppError::Conflict);
        }
        let new = store::insert_draft(
            &mut tx,
            &NewDraft {
                team: &team.scope,
                period: report.period,
                version: report.version + 1,
                supersedes: Some(report.id),
                narrative: &report.narrative,
                by: actor.user_id,
                now: self.now(),
            },
        )
        .await?;
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(
                Some(team.id),
                "report-correction-opened",
                "team-report",
                new,
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(new)
    }
}
