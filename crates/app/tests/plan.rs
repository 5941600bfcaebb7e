//! The coordination plan: drafted, adopted and revised by the coordinator, seen by the team,
//! hidden from other teams; activities within the plan's period; progress and overdue.

use spona_app::plan::{AdoptionForm, ObjectiveForm, PlanActivityForm, PlanForm};
use spona_app::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::plan::PlanStatus;
use spona_domain::validation::FieldError;
use spona_testkit::{actor, demo_app, TestDb};

fn plan_2027() -> PlanForm {
    PlanForm {
        title: "Локални план 2027".into(),
        starts_on: "2027-01-01".into(),
        ends_on: "2027-12-31".into(),
    }
}

/// A new plan with one objective; returns (plan, objective).
async fn drafted(app: &App, coordinator: &Actor) -> (i64, i64) {
    let plan = app.create_plan(coordinator, &plan_2027()).await.unwrap();
    let objective = app
        .add_plan_objective(
            coordinator,
            plan,
            &ObjectiveForm {
                title: "Обука службеника".into(),
            },
        )
        .await
        .unwrap();
    (plan, objective)
}

async fn activity(app: &App, coordinator: &Actor, plan: i64, objective: i64) -> PlanActivityForm {
    let view = app.plan(coordinator, plan).await.unwrap();
    PlanActivityForm {
        objective: objective.to_string(),
        title: "Обука полицијских службеника".into(),
        responsible: view.institutions[0].id.0.to_string(),
        deadline: "2027-05-15".into(),
        budget: "100.000".into(),
        indicator: "Број обучених".into(),
        progress: "20".into(),
        ..Default::default()
    }
}

fn adoption() -> AdoptionForm {
    AdoptionForm {
        meeting_on: "2026-11-20".into(),
        decision: "Усвојен на седници тима".into(),
    }
}

#[tokio::test]
async fn the_coordinator_drafts_and_adopts_and_a_member_only_views() {
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        let coordinator = actor(&app, "le-coordinator").await;
        let member = actor(&app, "le-member").await;
        let (plan, objective) = drafted(&app, &coordinator).await;
        let form = activity(&app, &coordinator, plan, objective).await;
        app.add_plan_activity(&coordinator, plan, &form)
            .await
            .unwrap();

        assert!(matches!(
            app.adopt_plan(&member, plan, &adoption()).await,
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            app.add_plan_activity(&member, plan, &form).await,
            Err(AppError::Forbidden)
        ));
        let seen = app.plan(&member, plan).await.unwrap();
        assert_eq!(seen.plan.status, PlanStatus::Draft);
        assert!(!seen.can_lead);

        app.adopt_plan(&coordinator, plan, &adoption())
            .await
            .unwrap();
        let v = app.plan(&member, plan).await.unwrap();
        assert_eq!(v.plan.status, PlanStatus::Adopted);
        let adopted = v.plan.adoption.unwrap();
        assert_eq!(adopted.decision, "Усвојен на седници тима");
        assert_eq!(v.plan.version, 1);
        assert!(app
            .plans(&member)
            .await
            .unwrap()
            .plans
            .iter()
            .any(|p| p.id == plan));
        t.finish().await;
    }
}

#[tokio::test]
async fn another_team_and_the_national_office_do_not_find_the_plan() {
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        let coordinator = actor(&app, "le-coordinator").await;
        let (plan, _) = drafted(&app, &coordinator).await;
        for user in ["nis-coordinator", "nis-member", "national"] {
            let other = actor(&app, user).await;
            assert!(
                matches!(app.plan(&other, plan).await, Err(AppError::NotFound)),
                "{user}"
            );
            assert!(
                matches!(
                    app.adopt_plan(&other, plan, &adoption()).await,
                    Err(AppError::NotFound)
                ),
                "{user}"
            );
        }
        let nis = actor(&app, "nis-coordinator").await;
        assert!(app.plans(&nis).await.unwrap().plans.is_empty());
        t.finish().await;
    }
}

#[tokio::test]
async fn a_deadline_outside_the_period_is_refused_and_nothing_is_saved() {
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        let coordinator = actor(&app, "le-coordinator").await;
        let (plan, objective) = drafted(&app, &coordinator).await;
        let before = app.plan(&coordinator, plan).await.unwrap().changes.len();
        let mut form = activity(&app, &coordinator, plan, objective).await;
        form.deadline = "2028-01-15".into();
        form.budget = "-5".into();
        match app.add_plan_activity(&coordinator, plan, &form).await {
            Err(AppError::Invalid(e)) => assert_eq!(e.get("budget"), Some(FieldError::Invalid)),
            other => panic!("{other:?}"),
        }
        form.budget = "0".into();
        match app.add_plan_activity(&coordinator, plan, &form).await {
            Err(AppError::Invalid(e)) => {
                assert_eq!(e.get("deadline"), Some(FieldError::OutsidePlanPeriod))
            }
            other => panic!("{other:?}"),
        }
        let after = app.plan(&coordinator, plan).await.unwrap();
        assert!(after.activities.is_empty());
        assert_eq!(
            after.changes.len(),
            before,
            "no history for a refused change"
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn changing_an_adopted_plan_opens_a_new_version_and_keeps_the_history() {
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        let coordinator = actor(&app, "le-coordinator").await;
        let (plan, objective) = drafted(&app, &coordinator).await;
        app.adopt_plan(&coordinator, plan, &adoption())
            .await
            .unwrap();
        assert!(matches!(
            app.adopt_plan(&coordinator, plan, &adoption()).await,
            Err(AppError::Conflict)
        ));

        let form = activity(&app, &coordinator, plan, objective).await;
        app.add_plan_activity(&coordinator, plan, &form)
            .await
            .unwrap();
        let v = app.plan(&coordinator, plan).await.unwrap();
        assert_eq!(v.plan.status, PlanStatus::Revised);
        assert_eq!(v.plan.version, 2);
        // A second change belongs to the same revision.
        let mut renamed = plan_2027();
        renamed.title = "Локални план 2027 (измењен)".into();
        app.update_plan(&coordinator, plan, &renamed).await.unwrap();
        let v = app.plan(&coordinator, plan).await.unwrap();
        assert_eq!(v.plan.version, 2);
        let kinds: Vec<(i64, &str)> = v
            .changes
            .iter()
            .rev()
            .map(|c| (c.version, c.change.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                (1, "plan-created"),
                (1, "plan-objective-added"),
                (1, "plan-adopted"),
                (2, "plan-activity-added"),
                (2, "plan-edited"),
            ]
        );
        assert!(v.changes.iter().all(|c| c.actor.is_some()));
        // The same changes are in the audit trail.
        let mut c = t.db.conn().await.unwrap();
        let audited: Vec<String> =
            spona_store::audit::for_subject(&mut c, "coordination-plan", plan, 20)
                .await
                .unwrap()
                .into_iter()
                .map(|e| e.action)
                .collect();
        drop(c);
        for action in [
            "plan-created",
            "plan-adopted",
            "plan-activity-added",
            "plan-edited",
        ] {
            assert!(audited.iter().any(|a| a == action), "{action}: {audited:?}");
        }

        app.adopt_plan(&coordinator, plan, &adoption())
            .await
            .unwrap();
        let v = app.plan(&coordinator, plan).await.unwrap();
        assert_eq!((v.plan.status, v.plan.version), (PlanStatus::Adopted, 2));
        t.finish().await;
    }
}

#[tokio::test]
async fn an_objective_with_activities_cannot_be_deleted() {
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        let coordinator = actor(&app, "le-coordinator").await;
        let (plan, objective) = drafted(&app, &coordinator).await;
        let form = activity(&app, &coordinator, plan, objective).await;
        app.add_plan_activity(&coordinator, plan, &form)
            .await
            .unwrap();
        match app
            .delete_plan_objective(&coordinator, plan, objective)
            .await
        {
            Err(AppError::Invalid(e)) => {
                assert_eq!(e.get("objective"), Some(FieldError::ObjectiveHasActivities))
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            app.plan(&coordinator, plan).await.unwrap().objectives.len(),
            1
        );

        let empty = app
            .add_plan_objective(
                &coordinator,
                plan,
                &ObjectiveForm {
                    title: "Друго".into(),
                },
            )
            .await
            .unwrap();
        app.delete_plan_objective(&coordinator, plan, empty)
            .await
            .unwrap();
        assert_eq!(
            app.plan(&coordinator, plan).await.unwrap().objectives.len(),
            1
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn the_summary_gives_progress_and_counts_overdue_activities() {
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        let member = actor(&app, "le-member").await;
        // The demo plan for 2026: six activities. Progress comes from the register: two
        // trainings of two, five school talks of five, two workshops of ten, nothing yet for
        // 30 July (overdue), 18 October held; the materials are entered by hand at 60% and
        // overdue (due 30 September).
        let s = app.plan_summary(&member).await.unwrap().unwrap();
        assert_eq!(s.activities, 6);
        assert_eq!(s.overdue, 2);
        assert_eq!(
            s.progress,
            [100, 100, 20, 0, 100, 60].iter().sum::<i64>() / 6
        );
        let page = app.plan(&member, s.plan_id).await.unwrap();
        let workshops = page
            .activities
            .iter()
            .find(|a| a.activity.draft.title.starts_with("Радионице"))
            .unwrap();
        assert_eq!(
            (
                workshops.activity.draft.planned_events,
                workshops.records.len()
            ),
            (10, 2)
        );
        let flagged: Vec<_> = page.activities.iter().filter(|a| a.overdue).collect();
        assert_eq!(flagged.len(), 2);
        let by_hand = flagged
            .iter()
            .find(|a| !a.activity.computed())
            .expect("the materials");
        assert_eq!(by_hand.activity.draft.progress, 60);
        assert_eq!(page.plan.status, PlanStatus::Adopted);

        // Marking it done clears its flag; 30 July stays overdue until something is recorded.
        let coordinator = actor(&app, "le-coordinator").await;
        let mut form = PlanActivityForm::from_draft(&by_hand.activity.draft);
        form.done = Some("on".into());
        app.update_plan_activity(&coordinator, s.plan_id, by_hand.activity.id, &form)
            .await
            .unwrap();
        let s = app.plan_summary(&member).await.unwrap().unwrap();
        assert_eq!(s.overdue, 1);
        assert_eq!(
            s.progress,
            [100, 100, 20, 0, 100, 100].iter().sum::<i64>() / 6
        );

        let nis = actor(&app, "nis-member").await;
        assert_eq!(app.plan_summary(&nis).await.unwrap(), None);
        t.finish().await;
    }
}

#[tokio::test]
async fn the_national_office_keeps_the_framework_and_teams_read_it() {
    use spona_app::plan::{FrameworkDocumentForm, FrameworkItemForm};
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        let national = actor(&app, "national").await;
        let coordinator = actor(&app, "le-coordinator").await;
        let doc = FrameworkDocumentForm {
            title: "Акциони план 2027–2029".into(),
            first_year: "2027".into(),
            last_year: "2029".into(),
            ..Default::default()
        };
        assert!(matches!(
            app.add_framework_document(&coordinator, &doc).await,
            Err(AppError::Forbidden)
        ));
        let id = app.add_framework_document(&national, &doc).await.unwrap();
        let item = FrameworkItemForm {
            kind: "measure".into(),
            code: "1.1".into(),
            title: "Мера".into(),
        };
        app.add_framework_item(&national, id, &item).await.unwrap();
        match app.add_framework_item(&national, id, &item).await {
            Err(AppError::Invalid(e)) => assert_eq!(e.get("code"), Some(FieldError::Taken)),
            other => panic!("{other:?}"),
        }
        let view = app.framework(&coordinator).await.unwrap();
        assert!(!view.can_edit);
        let entry = view.entries.iter().find(|e| e.document.id == id).unwrap();
        assert_eq!(entry.items.len(), 1);
        assert_eq!(
            view.entries.len(),
            4,
            "three demo documents and the new one"
        );
        t.finish().await;
    }
}
