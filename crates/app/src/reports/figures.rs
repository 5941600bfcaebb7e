//! The figures of a report, gathered from what the team recorded in the period: the team's
//! composition and meetings, the plan in force with its indicators, activities and their
//! reach, trainings and coverage, materials, cooperation with the National Coordinator.

use super::bounds::{day_end, days_of, standing_day};
use super::content::{
    ActivitySection, Composition, CooperationLine, KindLine, MaterialLine, MeetingLine, MonthLine,
    Names, ObjectiveLine, PlanLine, PlanSection, TrainedLine, TrainingSection,
};
use crate::AppError;
use spona_domain::access::TeamScope;
use spona_domain::plan::mean_progress;
use spona_domain::registry::{Institution, Standing, Team};
use spona_domain::reports::ReportPeriod;
use spona_store::statistics as stats;
use spona_store::{institutions, plans, Connection};
use time::Date;

fn names(i: &Institution) -> Names {
    Names {
        cyrl: i.name_cyrl.clone(),
        latn: i.name_latn.clone(),
    }
}

/// The team's active members and partners.
pub(crate) async fn composition(c: &mut Connection, team: &Team) -> Result<Composition, AppError> {
    let all = institutions::list_active(c, team.id).await?;
    let (members, partners): (Vec<_>, Vec<_>) =
        all.iter().partition(|i| i.standing == Standing::Member);
    Ok(Composition {
        members: members.into_iter().map(names).collect(),
        partners: partners.into_iter().map(names).collect(),
    })
}

/// The meetings held in the period.
pub(crate) async fn meetings(
    c: &mut Connection,
    team: &Team,
    period: ReportPeriod,
) -> Result<Vec<MeetingLine>, AppError> {
    Ok(stats::meetings(c, team.id, days_of(period))
        .await?
        .into_iter()
        .map(|m| MeetingLine {
            held_on: m.held_on,
            institutions: m.institutions,
            actions: m.actions,
        })
        .collect())
}

/// The plan whose period overlaps the report's the most recently, with every activity's
/// indicator and progress as they stood at the period's end (or on `today` while it runs):
/// work recorded later belongs to a later report.
pub(crate) async fn plan(
    c: &mut Connection,
    team: &Team,
    scope: &TeamScope,
    period: ReportPeriod,
    today: Date,
    zone: &jiff::tz::TimeZone,
) -> Result<Option<PlanSection>, AppError> {
    let overlapping = plans::list(c, scope)
        .await?
        .into_iter()
        .find(|p| p.starts_on <= period.last_day() && period.first_day() <= p.ends_on);
    let Some(plan) = overlapping else {
        return Ok(None);
    };
    let objectives = plans::objectives(c, plan.id).await?;
    let as_of = standing_day(days_of(period), today);
    let activities = plans::activities_by(c, plan.id, as_of, day_end(as_of, zone)).await?;
    // Overdue as the period closed: a deadline passed by the end of its standing day.
    let closed = as_of.next_day().unwrap_or(as_of);
    let institutions = all_institutions(c, team).await?;
    let responsible = |id| {
        institutions
            .iter()
            .find(|i| i.id == id)
            .map(names)
            .unwrap_or_default()
    };
    Ok(Some(PlanSection {
        title: plan.title,
        progress: mean_progress(&activities),
        objectives: objectives
            .iter()
            .map(|o| ObjectiveLine {
                title: o.title.clone(),
                activities: activities
                    .iter()
                    .filter(|a| a.draft.objective_id == o.id)
                    .map(|a| PlanLine {
                        title: a.draft.title.clone(),
                        responsible: responsible(a.draft.responsible),
                        deadline: spona_domain::text::iso_date(a.draft.deadline),
                        indicator: a.draft.indicator.clone(),
                        baseline: a.draft.baseline.clone(),
                        target: a.draft.target.clone(),
                        progress: a.progress(),
                        recorded: a.recorded,
                        planned_events: a.draft.planned_events,
                        overdue: a.overdue(closed),
                    })
                    .collect(),
            })
            .collect(),
    }))
}

/// The period's activities by kind and by month.
pub(crate) async fn activities(
    c: &mut Connection,
    team: &Team,
    period: ReportPeriod,
) -> Result<ActivitySection, AppError> {
    let days = days_of(period);
    Ok(ActivitySection {
        by_kind: stats::activities_by_kind(c, team.id, days)
            .await?
            .into_iter()
            .map(|k| KindLine {
                kind: k.kind,
                activities: k.activities,
                pupils: k.pupils,
                teachers: k.teachers,
                parents: k.parents,
                officials: k.officials,
                public: k.general_public,
            })
            .collect(),
        by_month: stats::activities_by_month(c, team.id, days)
            .await?
            .into_iter()
            .map(|m| MonthLine {
                month: m.month,
                activities: m.activities,
                reach: m.reach,
            })
            .collect(),
    })
}

/// The period's trainings and who attended them.
pub(crate) async fn trainings(
    c: &mut Connection,
    team: &Team,
    period: ReportPeriod,
) -> Result<TrainingSection, AppError> {
    let days = days_of(period);
    let totals = stats::training_totals(c, team.id, days).await?;
    Ok(TrainingSection {
        trainings: totals.trainings,
        minutes: totals.minutes,
        by_institution: stats::trained_by_institution(c, team.id, days)
            .await?
            .into_iter()
            .map(|t| TrainedLine {
                institution: Names {
                    cyrl: t.name_cyrl,
                    latn: t.name_latn,
                },
                participants: t.participants,
                staff: t.staff,
            })
            .collect(),
    })
}

/// The period's materials.
pub(crate) async fn materials(
    c: &mut Connection,
    team: &Team,
    period: ReportPeriod,
) -> Result<Vec<MaterialLine>, AppError> {
    Ok(stats::materials(c, team.id, days_of(period))
        .await?
        .into_iter()
        .map(|m| MaterialLine {
            name: m.name,
            donor: m.donor,
            project: m.project,
            produced: m.produced,
            handed_out: m.handed_out,
        })
        .collect())
}

/// The period's cooperation with the National Coordinator.
pub(crate) async fn cooperation(
    c: &mut Connection,
    team: &Team,
    period: ReportPeriod,
) -> Result<Vec<CooperationLine>, AppError> {
    Ok(stats::cooperation(c, team.id, days_of(period))
        .await?
        .into_iter()
        .map(|l| CooperationLine {
            on_date: l.on_date,
            kind: l.kind,
            subject: l.subject,
            outcome: l.outcome,
        })
        .collect())
}

/// Every institution of the team, withdrawn ones too (earlier work may name them).
pub(crate) async fn all_institutions(
    c: &mut Connection,
    team: &Team,
) -> Result<Vec<Institution>, AppError> {
    let filter = institutions::Filter {
        include_inactive: true,
        limit: 10_000,
        ..Default::default()
    };
    Ok(institutions::list(c, team.id, &filter).await?.items)
}
