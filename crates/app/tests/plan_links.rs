//! Work recorded against the coordination plan: an activity or a training names the plan
//! activity it carries out; with a planned number of events the plan's progress follows what
//! is recorded; the link points only into the team's own plans and is a real foreign key.

use spona_app::activities::ActivityForm;
use spona_app::plan::PlanActivityForm;
use spona_app::trainings::{Recorded, TrainingForm};
use spona_app::App;
use spona_domain::access::Actor;
use spona_testkit::{actor, demo_app, TestDb};

/// The demo plan of Leskovac (2026) and its first objective.
async fn demo_plan(app: &App, coordinator: &Actor) -> (i64, i64) {
    let plans = app.plans(coordinator).await.unwrap();
    let plan = plans.plans[0].id;
    let view = app.plan(coordinator, plan).await.unwrap();
    (plan, view.objectives[0].id)
}

/// Adds "two talks in schools" to the plan, with its progress counted from two events.
async fn two_talks(app: &App, coordinator: &Actor) -> (i64, i64) {
    let (plan, objective) = demo_plan(app, coordinator).await;
    let view = app.plan(coordinator, plan).await.unwrap();
    let id = app
        .add_plan_activity(
            coordinator,
            plan,
            &PlanActivityForm {
                objective: objective.to_string(),
                title: "Две трибине у основним школама".into(),
                responsible: view.institutions[0].id.0.to_string(),
                deadline: "2026-12-20".into(),
                // Entered progress no longer counts once events are planned.
                progress: "90".into(),
                planned_events: "2".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    (plan, id)
}

fn talk(plan_activity: i64) -> ActivityForm {
    ActivityForm {
        title: "Трибина у ОШ „Вук Караџић“".into(),
        kind: "public-talk".into(),
        held_on: "2026-11-20".into(),
        place: "ОШ „Вук Караџић“".into(),
        pupils: "80".into(),
        plan_activity_id: plan_activity.to_string(),
        ..Default::default()
    }
}

async fn progress_of(app: &App, who: &Actor, plan: i64, activity: i64) -> (i64, i64) {
    let view = app.plan(who, plan).await.unwrap();
    let a = view
        .activities
        .iter()
        .find(|a| a.activity.id == activity)
        .unwrap();
    (a.activity.progress(), a.records.len() as i64)
}

#[tokio::test]
async fn recorded_activities_and_trainings_move_the_plans_progress() {
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        let coordinator = actor(&app, "le-coordinator").await;
        let member = actor(&app, "le-member").await;
        let (plan, talks) = two_talks(&app, &coordinator).await;
        assert_eq!(progress_of(&app, &member, plan, talks).await, (0, 0));
        let before = app.plan(&coordinator, plan).await.unwrap().progress;
        let unrecorded = app
            .plan_summary(&coordinator)
            .await
            .unwrap()
            .unwrap()
            .unrecorded;

        // A member of the team records a talk against it: half done.
        let id = app.create_activity(&member, &talk(talks)).await.unwrap();
        assert_eq!(progress_of(&app, &member, plan, talks).await, (50, 1));
        assert!(app.plan(&coordinator, plan).await.unwrap().progress > before);
        let summary = app.plan_summary(&coordinator).await.unwrap().unwrap();
        assert_eq!(summary.unrecorded, unrecorded - 1);
        let shown = app.activity(&member, id).await.unwrap();
        let linked = shown.plan_activity.unwrap();
        assert_eq!((linked.id, linked.plan_id), (talks, plan));

        // A training counts as well; more than planned stays at 100.
        let pu = app.training_choices(&coordinator).await.unwrap().1[0].0.id;
        let training = TrainingForm {
            topic: "Индикатори трговине људима за наставнике".into(),
            trainer: "Демо Тренер".into(),
            held_on: "2026-11-10".into(),
            hours: "2".into(),
            plan_activity_id: talks.to_string(),
            institution: vec![pu.0],
            participants: vec!["1".into()],
            names: vec![String::new()],
            ..Default::default()
        };
        let Recorded::Saved(tid) = app.record_training(&member, &training).await.unwrap() else {
            panic!("refused");
        };
        assert_eq!(progress_of(&app, &member, plan, talks).await, (100, 2));
        assert_eq!(
            app.training(&member, tid)
                .await
                .unwrap()
                .plan_activity
                .map(|p| p.id),
            Some(talks)
        );
        app.create_activity(&member, &talk(talks)).await.unwrap();
        assert_eq!(progress_of(&app, &member, plan, talks).await, (100, 3));

        // Deleting a recorded talk takes its share back out.
        let version = app.activity(&member, id).await.unwrap().activity.version;
        app.delete_activity(&member, id, version).await.unwrap();
        assert_eq!(progress_of(&app, &member, plan, talks).await, (100, 2));
        t.finish().await;
    }
}

#[tokio::test]
async fn without_planned_events_the_entered_progress_stands() {
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        let coordinator = actor(&app, "le-coordinator").await;
        let (plan, _) = demo_plan(&app, &coordinator).await;
        let view = app.plan(&coordinator, plan).await.unwrap();
        let by_hand = view
            .activities
            .iter()
            .find(|a| !a.activity.computed())
            .unwrap();
        let (id, entered) = (by_hand.activity.id, by_hand.activity.draft.progress);
        app.create_activity(&coordinator, &talk(id)).await.unwrap();
        let (progress, records) = progress_of(&app, &coordinator, plan, id).await;
        assert_eq!(progress, entered);
        assert_eq!(records, by_hand.records.len() as i64 + 1);
        t.finish().await;
    }
}

#[tokio::test]
async fn only_the_teams_own_plan_activities_are_offered_and_accepted() {
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        let coordinator = actor(&app, "le-coordinator").await;
        let nis = actor(&app, "nis-coordinator").await;
        let national = actor(&app, "national").await;
        let (_, talks) = two_talks(&app, &coordinator).await;

        let offered = app.plan_activity_choices(&coordinator).await.unwrap();
        assert!(offered.iter().any(|c| c.id == talks));
        assert!(app
            .plan_activity_choices(&nis)
            .await
            .unwrap()
            .iter()
            .all(|c| c.id != talks));
        assert!(app
            .plan_activity_choices(&national)
            .await
            .unwrap()
            .is_empty());

        // Niš cannot record against Leskovac's plan, and nothing is saved.
        let before = app
            .activities(&nis, &Default::default())
            .await
            .unwrap()
            .page
            .total;
        match app.create_activity(&nis, &talk(talks)).await {
            Err(spona_app::AppError::Invalid(e)) => assert!(e.get("plan_activity_id").is_some()),
            other => panic!("{other:?}"),
        }
        let after = app
            .activities(&nis, &Default::default())
            .await
            .unwrap()
            .page
            .total;
        assert_eq!(before, after);
        t.finish().await;
    }
}

#[tokio::test]
async fn the_link_is_a_foreign_key_in_the_database() {
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        let coordinator = actor(&app, "le-coordinator").await;
        let (_, talks) = two_talks(&app, &coordinator).await;
        app.create_activity(&coordinator, &talk(talks))
            .await
            .unwrap();
        let mut c = t.db.conn().await.unwrap();
        // A linked plan activity cannot be deleted from under its records…
        let deleted = sqlx::query("DELETE FROM plan_activities WHERE id = $1")
            .bind(talks)
            .execute(&mut *c)
            .await;
        assert!(deleted.is_err(), "a linked plan activity was deleted");
        // …and a record cannot point at a plan activity that does not exist.
        let pointed = sqlx::query("UPDATE trainings SET plan_activity_id = $1")
            .bind(talks + 10_000)
            .execute(&mut *c)
            .await;
        assert!(pointed.is_err(), "a training points nowhere");
        drop(c);
        t.finish().await;
    }
}
