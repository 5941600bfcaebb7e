//! A national-scale deployment for measuring (`spona demo --scale N`): on top of the demo,
//! `2N` fictional teams, `10,000 N` cases (three in ten in Leskovac, the one large team),
//! about three referrals a case, `10,000 N` activities and `200,000 N` audit entries. Cases,
//! referrals, answers and activities are made through the same use cases as real ones
//! (sealed, indexed, audited); the case views that make up most of a trail are appended in
//! bulk but linked into the same keyed chain, so `spona audit verify` passes on the result.
//!
//! The generation walks a clock of its own through the two years before it starts, so that
//! dates, quarters and deadlines spread as in a real deployment. Everything but the keys is
//! the same at the same scale.

mod activities;
mod cases;
mod names;
mod reports;
mod teams;
mod views;

use crate::{App, AppError, ManualClock};
use spona_domain::access::Actor;
use spona_store::volume::Volume;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use teams::Crew;

/// What a scale makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plan {
    /// Fictional teams beside the demo's two.
    pub teams: usize,
    pub cases: u64,
    pub activities: u64,
    /// The audit trail's length at least, every entry counted.
    pub audit_entries: u64,
}

/// Leskovac's share of the cases, in percent: the large team whose lists are the longest.
pub const LARGE_TEAM_SHARE: u64 = 30;

impl Plan {
    /// The plan of scale `n` (1 to 100).
    pub fn of_scale(n: u32) -> Plan {
        let n = u64::from(n.clamp(1, 100));
        Plan {
            teams: 2 * n as usize,
            cases: 10_000 * n,
            activities: 10_000 * n,
            audit_entries: 200_000 * n,
        }
    }
}

/// The stages of a generation, for its progress.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Teams and accounts.
    Teams,
    /// Cases with their referrals and views.
    Cases,
    Activities,
    /// The rest of the audit trail's views.
    Views,
    /// Periodic reports, one step a team.
    Reports,
}

/// Where a generation reports how far it is.
pub trait Progress: Send + Sync {
    /// A stage begins, with `total` steps.
    fn stage(&self, stage: Stage, total: u64);
    /// `by` steps of the stage are done.
    fn advance(&self, by: u64);
}

/// What a generation made, counted in the database after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Generated {
    pub volume: Volume,
}

/// How many use cases run at once: SQLite takes one writer at a time, but the reading,
/// sealing and hashing around each write go on beside it.
const WORKERS: usize = 3;
/// Cases in one piece of work (which also appends its share of views).
const CASES_A_UNIT: u64 = 500;
const ACTIVITIES_A_UNIT: u64 = 1_000;
/// The span of time the generation fills, ending about now.
const SPAN_SECONDS: i64 = 730 * 86_400;

/// The state a generation's workers share.
pub(super) struct Generation {
    clock: Arc<ManualClock>,
    /// Seconds the clock moves per step.
    step: i64,
    progress: Arc<dyn Progress>,
    centre: Actor,
    label: String,
    plan: Plan,
    first_seq: i64,
    cases_done: AtomicU64,
    views_written: AtomicU64,
    /// The cases done when the statistics were last refreshed.
    analysed_at: AtomicU64,
}

impl Generation {
    /// One step of work: the clock moves on.
    fn tick(&self) {
        self.clock.advance(self.step);
    }

    /// Refreshes SQLite's planner statistics as the tables grow tenfold: taken when they
    /// were nearly empty, they would lead a case's referrals through the whole team's.
    async fn keep_statistics(&self, app: &App) -> Result<(), AppError> {
        let done = self.cases_done.load(Ordering::SeqCst);
        let last = self.analysed_at.load(Ordering::SeqCst);
        if done >= last.max(CASES_A_UNIT) * 4
            && self.analysed_at.fetch_max(done, Ordering::SeqCst) == last
        {
            app.db.optimize().await?;
        }
        Ok(())
    }
}

/// A piece of work for one worker.
#[derive(Clone, Debug)]
enum Unit {
    Cases {
        crew: usize,
        numbers: std::ops::Range<u64>,
    },
    Activities {
        crew: usize,
        numbers: std::ops::Range<u64>,
    },
}

impl App {
    /// Generates `plan` on top of the demo (which must be seeded), with `clock` as the
    /// app's own clock (set to where the generation starts, two years back). Refused when
    /// generated teams are there already.
    pub async fn generate_scale(
        &self,
        plan: Plan,
        clock: Arc<ManualClock>,
        progress: Arc<dyn Progress>,
    ) -> Result<Generated, AppError> {
        {
            let mut c = self.db.conn().await?;
            let (first, _) = names::town(0);
            if spona_store::teams::find_by_code(&mut c, &first)
                .await?
                .is_some()
            {
                return Err(AppError::Conflict);
            }
        }
        progress.stage(Stage::Teams, plan.teams as u64);
        let (crews, centre) = self.generate_teams(plan.teams, self.now()).await?;
        progress.advance(plan.teams as u64);

        // About seven steps a case (report, referrals, answers), one an activity.
        let steps = plan.cases * 7 + plan.activities + plan.audit_entries / 5_000 + 1;
        let first_seq = {
            let mut c = self.db.conn().await?;
            spona_store::audit::head(&mut c).await?.last_seq
        };
        let run = Arc::new(Generation {
            clock,
            step: (SPAN_SECONDS / steps as i64).max(1),
            progress: progress.clone(),
            centre,
            label: format!("scale {}", plan.cases / 10_000),
            plan,
            first_seq,
            cases_done: AtomicU64::new(0),
            views_written: AtomicU64::new(0),
            analysed_at: AtomicU64::new(0),
        });
        let crews = Arc::new(crews);

        progress.stage(Stage::Cases, plan.cases);
        let made = self
            .run_units(&run, &crews, case_units(plan.cases, crews.len()))
            .await?;
        progress.stage(Stage::Activities, plan.activities);
        self.run_units(&run, &crews, activity_units(plan.activities, crews.len()))
            .await?;

        // Views up to the trail's planned length.
        let seq = {
            let mut c = self.db.conn().await?;
            spona_store::audit::head(&mut c).await?.last_seq
        };
        let left = (plan.audit_entries as i64 - seq).max(0) as u64;
        progress.stage(Stage::Views, left);
        self.generate_views(&run, &crews, &made, left, 7, progress.as_ref())
            .await?;
        progress.stage(Stage::Reports, crews.len() as u64);
        self.generate_reports(&crews, progress.as_ref()).await?;

        let mut c = self.db.conn().await?;
        Ok(Generated {
            volume: spona_store::volume::count(&mut c).await?,
        })
    }

    /// Runs the units on [`WORKERS`] workers; the cases made, in no particular order.
    async fn run_units(
        &self,
        run: &Arc<Generation>,
        crews: &Arc<Vec<Crew>>,
        units: Vec<Unit>,
    ) -> Result<Vec<cases::Made>, AppError> {
        let queue = Arc::new(Mutex::new(VecDeque::from(units)));
        let mut workers = tokio::task::JoinSet::new();
        for _ in 0..WORKERS {
            let (app, run, crews, queue) =
                (self.clone(), run.clone(), crews.clone(), queue.clone());
            workers.spawn(async move {
                let mut lists = cases::Lists::default();
                let mut made = Vec::new();
                loop {
                    let next = queue.lock().ok().and_then(|mut q| q.pop_front());
                    let Some(unit) = next else {
                        return Ok::<_, AppError>(made);
                    };
                    match unit {
                        Unit::Cases { crew, numbers } => {
                            let count = numbers.end - numbers.start;
                            let new = app
                                .generate_cases(&run, &crews[crew], numbers, &mut lists)
                                .await?;
                            app.views_after_unit(&run, &crews, &new, count).await?;
                            made.extend(new);
                            run.keep_statistics(&app).await?;
                        }
                        Unit::Activities { crew, numbers } => {
                            app.generate_activities(&run, &crews[crew], numbers).await?;
                        }
                    }
                }
            });
        }
        let mut made = Vec::new();
        while let Some(done) = workers.join_next().await {
            match done {
                Ok(Ok(part)) => made.extend(part),
                Ok(Err(e)) => {
                    workers.abort_all();
                    return Err(e);
                }
                Err(e) => {
                    workers.abort_all();
                    return Err(AppError::Internal(format!("a generation worker: {e}")));
                }
            }
        }
        Ok(made)
    }

    /// The views that go with a unit of cases, so that the trail's views are spread over
    /// the years as the cases are: as many as bring the entries a case to the plan's
    /// average, given what the use cases wrote so far.
    async fn views_after_unit(
        &self,
        run: &Generation,
        crews: &[Crew],
        new: &[cases::Made],
        count: u64,
    ) -> Result<(), AppError> {
        let done = run.cases_done.fetch_add(count, Ordering::SeqCst) + count;
        let seq = {
            let mut c = self.db.conn().await?;
            spona_store::audit::head(&mut c).await?.last_seq
        };
        let written = (seq - run.first_seq).max(0) as u64;
        let by_use_cases = written.saturating_sub(run.views_written.load(Ordering::SeqCst));
        // Room is left for one entry an activity, which come later.
        let budget = run.plan.audit_entries.saturating_sub(run.plan.activities);
        let wanted_a_case = budget / run.plan.cases.max(1);
        let a_case = by_use_cases / done.max(1);
        let views = wanted_a_case.saturating_sub(a_case) * count;
        run.views_written.fetch_add(views, Ordering::SeqCst);
        let salt = new.first().map_or(0, |m| m.case.0 as u64);
        // Counted in the cases' progress, not on their own.
        self.generate_views(run, crews, new, views, salt, &Quiet)
            .await
    }
}

/// Progress that goes nowhere.
struct Quiet;

impl Progress for Quiet {
    fn stage(&self, _: Stage, _: u64) {}
    fn advance(&self, _: u64) {}
}

/// The cases of each team in units: Leskovac (the first crew) takes its share, the others
/// split the rest evenly. Cases are numbered across the whole deployment.
fn case_units(total: u64, crews: usize) -> Vec<Unit> {
    split(
        total,
        LARGE_TEAM_SHARE,
        crews,
        CASES_A_UNIT,
        |crew, numbers| Unit::Cases { crew, numbers },
    )
}

/// The activities of each team in units, a fifth of them Leskovac's.
fn activity_units(total: u64, crews: usize) -> Vec<Unit> {
    split(total, 20, crews, ACTIVITIES_A_UNIT, |crew, numbers| {
        Unit::Activities { crew, numbers }
    })
}

/// `total` numbered pieces of work split over the crews, the first taking `large_share`
/// percent and the others the rest evenly, in units of at most `per_unit`, interleaved.
fn split(
    total: u64,
    large_share: u64,
    crews: usize,
    per_unit: u64,
    unit: impl Fn(usize, std::ops::Range<u64>) -> Unit,
) -> Vec<Unit> {
    let large = total * large_share / 100;
    let others = (crews as u64).saturating_sub(1).max(1);
    let mut units = Vec::new();
    let mut next = 0;
    for crew in 0..crews {
        let count = if crew == 0 {
            large
        } else {
            let rest = total - large;
            rest / others + u64::from((crew as u64 - 1) < rest % others)
        };
        let end = next + count;
        let mut start = next;
        while start < end {
            let stop = (start + per_unit).min(end);
            units.push(unit(crew, start..stop));
            start = stop;
        }
        next = end;
    }
    interleave(units)
}

/// Units of different teams alternate, so that the teams grow side by side through the
/// years rather than one after another.
fn interleave(units: Vec<Unit>) -> Vec<Unit> {
    let crew_of = |u: &Unit| match u {
        Unit::Cases { crew, .. } | Unit::Activities { crew, .. } => *crew,
    };
    let mut by_crew: Vec<VecDeque<Unit>> = Vec::new();
    for u in units {
        let crew = crew_of(&u);
        if by_crew.len() <= crew {
            by_crew.resize_with(crew + 1, VecDeque::new);
        }
        by_crew[crew].push_back(u);
    }
    let mut out = Vec::new();
    // The large team's units come as often as the others' together, so that its share
    // holds through time.
    loop {
        let mut any = false;
        for (crew, q) in by_crew.iter_mut().enumerate() {
            let take = if crew == 0 { 2 } else { 1 };
            for _ in 0..take {
                if let Some(u) = q.pop_front() {
                    out.push(u);
                    any = true;
                }
            }
        }
        if !any {
            return out;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cases_of(units: &[Unit], crew: usize) -> u64 {
        units
            .iter()
            .map(|u| match u {
                Unit::Cases { crew: c, numbers } if *c == crew => numbers.end - numbers.start,
                _ => 0,
            })
            .sum()
    }

    #[test]
    fn cases_are_split_with_a_large_team_and_numbered_once() {
        let units = case_units(10_003, 5);
        assert_eq!(cases_of(&units, 0), 3_000);
        let rest: Vec<u64> = (1..5).map(|c| cases_of(&units, c)).collect();
        assert_eq!(rest.iter().sum::<u64>(), 7_003);
        assert!(rest.iter().all(|n| (1_750..=1_751).contains(n)), "{rest:?}");
        let mut numbers: Vec<u64> = units
            .iter()
            .flat_map(|u| match u {
                Unit::Cases { numbers, .. } => numbers.clone(),
                Unit::Activities { .. } => 0..0,
            })
            .collect();
        numbers.sort_unstable();
        assert_eq!(numbers, (0..10_003).collect::<Vec<_>>());
        assert!(units.iter().all(|u| match u {
            Unit::Cases { numbers, .. } => numbers.end - numbers.start <= CASES_A_UNIT,
            Unit::Activities { .. } => false,
        }));
    }

    #[test]
    fn scale_ten_is_the_national_size() {
        let plan = Plan::of_scale(10);
        assert!(plan.teams + 2 >= 20);
        assert_eq!(plan.cases, 100_000);
        assert_eq!(plan.activities, 100_000);
        assert_eq!(plan.audit_entries, 2_000_000);
        assert_eq!(Plan::of_scale(0), Plan::of_scale(1));
    }

    #[test]
    fn teams_take_turns() {
        let units = interleave(case_units(3_000, 3));
        let crews: Vec<usize> = units
            .iter()
            .take(4)
            .map(|u| match u {
                Unit::Cases { crew, .. } | Unit::Activities { crew, .. } => *crew,
            })
            .collect();
        assert_eq!(crews, vec![0, 0, 1, 2]);
    }
}
