//! The national-scale generator (`spona demo --scale`): what it makes is in the planned
//! proportions, reads like real data, is spread over two years, and its audit trail
//! verifies.

use spona_app::demo::scale::{Plan, Progress, Stage};
use spona_app::{AppError, ManualClock};
use spona_store::volume::{self, Volume};
use spona_testkit::{actor, demo_app, TestDb};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// Progress as a test sees it: the stages in order and the steps of each.
#[derive(Default)]
struct Seen {
    stages: Mutex<Vec<(Stage, u64)>>,
    steps: AtomicU64,
}

impl Progress for Seen {
    fn stage(&self, stage: Stage, total: u64) {
        self.stages.lock().unwrap().push((stage, total));
    }
    fn advance(&self, by: u64) {
        self.steps.fetch_add(by, Ordering::SeqCst);
    }
}

const TWO_YEARS: i64 = 730 * 86_400;

#[tokio::test]
async fn a_small_generation_keeps_its_plan_and_its_trail_verifies() {
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let before = counted(&app).await;
        let leskovac_before = cases_of(&app, "leskovac").await;
        let plan = Plan {
            teams: 2,
            cases: 48,
            activities: 10,
            // Enough for the verification to read several pages on each of its readers.
            audit_entries: before.audit_entries as u64 + 16_000,
        };
        let start = app.now_unix() - TWO_YEARS;
        let clock = Arc::new(ManualClock::at(start));
        let seen = Arc::new(Seen::default());
        let generated = app
            .clone()
            .with_clock(clock.clone())
            .generate_scale(plan, clock.clone(), seen.clone())
            .await
            .unwrap();
        let after = generated.volume;
        assert_eq!(after, counted(&app).await, "the summary is what is there");
        assert_eq!(after.teams, before.teams + 2);
        assert_eq!(after.cases, before.cases + 48);
        assert_eq!(after.activities, before.activities + 10);
        let referrals = after.referrals - before.referrals;
        assert!(referrals >= 3 * 48 * 9 / 10, "{referrals} referrals");
        assert!(after.audit_entries >= plan.audit_entries as i64);

        let report = app.verify_audit().await.unwrap();
        assert_eq!(report.first_break, None, "the generated trail verifies");
        assert_eq!(report.entries, after.audit_entries);
        // Every team reported its last quarters: three submitted, the latest a draft.
        let mut c = t.db.conn().await.unwrap();
        let (drafts, submitted): (i64, i64) = sqlx::query_as(
            "SELECT COALESCE(SUM(CASE WHEN status = 'draft' THEN 1 ELSE 0 END), 0), \
             COALESCE(SUM(CASE WHEN status <> 'draft' THEN 1 ELSE 0 END), 0) FROM team_reports",
        )
        .fetch_one(&mut *c)
        .await
        .unwrap();
        drop(c);
        assert!(drafts >= 2, "{drafts} drafts");
        assert_eq!(submitted, 3 * drafts);
        // A break deep in the trail is found where it is, past pages read side by side.
        let deep = after.audit_entries - 1_000;
        let mut c = t.db.conn().await.unwrap();
        sqlx::query("UPDATE audit_log SET reason = 'x' WHERE seq = $1")
            .bind(deep)
            .execute(&mut *c)
            .await
            .unwrap();
        drop(c);
        let report = app.verify_audit().await.unwrap();
        assert_eq!(
            report.first_break,
            Some(spona_app::audit::Break::Altered { seq: deep })
        );
        assert_eq!(report.entries, deep - 1);

        // The clock walked through the years and stopped before today.
        let walked = clock_now(&clock);
        assert!(walked > start + TWO_YEARS / 2, "{}", walked - start);
        assert!(walked <= app.now_unix());
        let stages: Vec<Stage> = seen.stages.lock().unwrap().iter().map(|s| s.0).collect();
        assert_eq!(
            stages,
            [
                Stage::Teams,
                Stage::Cases,
                Stage::Activities,
                Stage::Views,
                Stage::Reports
            ]
        );
        assert!(seen.steps.load(Ordering::SeqCst) >= 2 + 48 + 10);

        // Leskovac is the large team: three in ten of the cases are its own.
        assert_eq!(
            cases_of(&app, "leskovac").await - leskovac_before,
            48 * 30 / 100
        );
        let police = actor(&app, "le-police").await;
        // A generated team's case worker works as any: its case opens, its inbox answers.
        let vranje = actor(&app, "vranje-pu").await;
        let own = app.cases(&vranje, &Default::default()).await.unwrap();
        assert!(own.total > 0);
        // Its own report (referred ones show only the parts shared with it).
        let reported = own
            .items
            .iter()
            .find(|c| c.owner_short.starts_with("Полицијска управа"))
            .expect("a case the police reported");
        let case = app.case(&vranje, reported.id).await.unwrap();
        assert!(case.summary.name.is_some(), "its owner reads the name");
        let inbox = app.inbox(&actor(&app, "vranje-csr").await).await.unwrap();
        assert!(
            !inbox.is_empty(),
            "the centre for social work got referrals"
        );
        // Teams still do not see each other.
        assert!(matches!(
            app.case(&vranje, leskovac_case(&app, &police).await).await,
            Err(AppError::NotFound)
        ));

        // Twice is refused: the data folder already holds a generation.
        let held = counted(&app).await;
        let again = app
            .clone()
            .with_clock(clock.clone())
            .generate_scale(plan, clock, seen)
            .await;
        assert!(matches!(again, Err(AppError::Conflict)));
        assert_eq!(
            counted(&app).await,
            held,
            "a refused generation adds nothing"
        );
        t.finish().await;
    }
}

async fn counted(app: &spona_app::App) -> Volume {
    volume::count(&mut app.db().conn().await.unwrap())
        .await
        .unwrap()
}

async fn cases_of(app: &spona_app::App, team: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM cases WHERE team_id = (SELECT id FROM teams WHERE code = $1)",
    )
    .bind(team)
    .fetch_one(&mut *app.db().conn().await.unwrap())
    .await
    .unwrap()
}

fn clock_now(clock: &ManualClock) -> i64 {
    use spona_app::Clock;
    clock.now().unix_timestamp()
}

async fn leskovac_case(
    app: &spona_app::App,
    police: &spona_domain::access::Actor,
) -> spona_domain::cases::CaseId {
    app.cases(police, &Default::default()).await.unwrap().items[0].id
}
