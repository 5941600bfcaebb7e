//! The planning repositories (framework, plans, objectives, activities, history), run on
//! SQLite and (when configured) on PostgreSQL, in the conformance suite's manner.

use spona_domain::access::TeamScope;
use spona_domain::ids::TeamId;
use spona_domain::plan::{Adoption, FrameworkItemKind, PlanActivityDraft, PlanDraft, PlanStatus};
use spona_domain::registry::{FoundingDecision, InstitutionDraft, InstitutionKind, Standing};
use spona_store::framework::{self, NewDocument};
use spona_store::{institutions, plans, teams, StoreError};
use spona_testkit::TestDb;
use time::macros::date;

#[tokio::test]
async fn plans_round_trip_and_stay_with_their_team() {
    for t in TestDb::every_engine().await {
        let mut tx = t.db.begin().await.unwrap();
        let mut team_ids = Vec::new();
        for code in ["leskovac", "nis"] {
            team_ids.push(team(&mut tx, code).await);
        }
        let (le, nis): (TeamId, TeamId) = (team_ids[0], team_ids[1]);
        let csr = centre(&mut tx, le).await;

        let doc = framework::insert_document(
            &mut tx,
            &NewDocument {
                title: "Акциони план 2024–2026",
                first_year: 2024,
                last_year: 2026,
                part_of: None,
                reference: "Сл. гласник РС 25/2024",
            },
            1,
        )
        .await
        .unwrap();
        let measure =
            framework::insert_item(&mut tx, doc, FrameworkItemKind::Measure, "1.1", "Мера", 1)
                .await
                .unwrap();
        tx.commit().await.unwrap();

        let mut c = t.db.conn().await.unwrap();
        assert!(matches!(
            framework::insert_item(&mut c, doc, FrameworkItemKind::Measure, "1.1", "Друга", 1)
                .await,
            Err(StoreError::Duplicate("code"))
        ));
        let plan = plans::insert(
            &mut c,
            &TeamScope::operator(le),
            &PlanDraft {
                title: "План 2026".into(),
                starts_on: date!(2026 - 01 - 01),
                ends_on: date!(2026 - 12 - 31),
            },
            1,
        )
        .await
        .unwrap();
        let objective = plans::insert_objective(&mut c, plan, "Обука", 1)
            .await
            .unwrap();
        let draft = PlanActivityDraft {
            objective_id: objective,
            title: "Обука службеника".into(),
            responsible: csr,
            partners: "ИОМ".into(),
            deadline: date!(2026 - 06 - 30),
            budget: 120_000,
            funding_source: "Буџет града".into(),
            indicator: "Број обучених".into(),
            baseline: "0".into(),
            target: "30".into(),
            verification: "Спискови".into(),
            measure_id: Some(measure),
            progress: 40,
            planned_events: 3,
        };
        let activity = plans::insert_activity(&mut c, plan, &draft, 1)
            .await
            .unwrap();
        let stored = plans::activity(&mut c, plan, activity)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(stored.draft, draft);
        assert_eq!(stored.recorded, 0);
        let offered = plans::choices(&mut c, &TeamScope::operator(le))
            .await
            .unwrap();
        assert_eq!(
            offered
                .iter()
                .map(|o| (o.id, o.plan_id))
                .collect::<Vec<_>>(),
            vec![(activity, plan)]
        );
        assert!(plans::choices(&mut c, &TeamScope::operator(nis))
            .await
            .unwrap()
            .is_empty());
        assert!(plans::choice(&mut c, &TeamScope::operator(nis), activity)
            .await
            .unwrap()
            .is_none());
        assert!(plans::linked_records(&mut c, plan)
            .await
            .unwrap()
            .is_empty());
        assert_eq!(
            plans::count_under_objective(&mut c, objective)
                .await
                .unwrap(),
            1
        );

        plans::adopt(
            &mut c,
            plan,
            &Adoption {
                meeting_on: date!(2026 - 02 - 10),
                decision: "Усвојен".into(),
            },
            2,
        )
        .await
        .unwrap();
        plans::record_change(&mut c, plan, 1, "plan-adopted", "", None, 2)
            .await
            .unwrap();
        let found = plans::find(&mut c, &TeamScope::operator(le), plan)
            .await
            .unwrap()
            .unwrap();
        // Another team's scope does not reach the plan: the store filters by the scope's team.
        assert!(plans::find(&mut c, &TeamScope::operator(nis), plan)
            .await
            .unwrap()
            .is_none());
        assert_eq!(found.status, PlanStatus::Adopted);
        assert_eq!(found.adoption.unwrap().meeting_on, date!(2026 - 02 - 10));
        plans::set_status(&mut c, plan, PlanStatus::Revised, 2, 3)
            .await
            .unwrap();
        assert_eq!(
            plans::find(&mut c, &TeamScope::operator(le), plan)
                .await
                .unwrap()
                .unwrap()
                .version,
            2
        );

        assert_eq!(
            plans::list(&mut c, &TeamScope::operator(le))
                .await
                .unwrap()
                .len(),
            1
        );
        assert!(plans::list(&mut c, &TeamScope::operator(nis))
            .await
            .unwrap()
            .is_empty());
        assert_eq!(
            plans::current(&mut c, &TeamScope::operator(le), date!(2026 - 11 - 28))
                .await
                .unwrap()
                .map(|p| p.id),
            Some(plan)
        );
        assert_eq!(plans::changes(&mut c, plan).await.unwrap().len(), 1);
        assert!(!plans::delete_objective(&mut c, plan + 1, objective)
            .await
            .unwrap());
        drop(c);
        t.finish().await;
    }
}

#[tokio::test]
async fn progress_typed_by_hand_is_told_as_it_stood_at_a_days_end() {
    for t in TestDb::every_engine().await {
        let mut tx = t.db.begin().await.unwrap();
        let team = team(&mut tx, "leskovac").await;
        let csr = centre(&mut tx, team).await;
        let plan = plans::insert(
            &mut tx,
            &TeamScope::operator(team),
            &PlanDraft {
                title: "План".into(),
                starts_on: date!(2026 - 01 - 01),
                ends_on: date!(2026 - 12 - 31),
            },
            1,
        )
        .await
        .unwrap();
        let objective = plans::insert_objective(&mut tx, plan, "Циљ", 1)
            .await
            .unwrap();
        let mut draft = PlanActivityDraft {
            objective_id: objective,
            title: "Материјал".into(),
            responsible: csr,
            partners: String::new(),
            deadline: date!(2026 - 12 - 31),
            budget: 0,
            funding_source: String::new(),
            indicator: String::new(),
            baseline: String::new(),
            target: String::new(),
            verification: String::new(),
            measure_id: None,
            progress: 30,
            planned_events: 0,
        };
        // Typed 30 % at 1 000, 60 % at 2 000, and then only the title changed at 3 000.
        let id = plans::insert_activity(&mut tx, plan, &draft, 1_000)
            .await
            .unwrap();
        draft.progress = 60;
        plans::update_activity(&mut tx, plan, id, &draft, 2_000)
            .await
            .unwrap();
        draft.title = "Промотивни материјал".into();
        plans::update_activity(&mut tx, plan, id, &draft, 3_000)
            .await
            .unwrap();
        tx.commit().await.unwrap();

        let mut c = t.db.conn().await.unwrap();
        let day = date!(2026 - 12 - 31);
        let mut told = Vec::new();
        for end in [1_000, 1_500, 2_500, 10_000] {
            let by_then = plans::activities_by(&mut c, plan, day, end).await.unwrap();
            told.push(by_then[0].draft.progress);
        }
        // Nothing typed yet before 1 000; the title's change at 3 000 is no new progress.
        assert_eq!(told, [0, 30, 60, 60]);
        let now = plans::activities(&mut c, plan).await.unwrap();
        assert_eq!(now[0].draft.progress, 60);
    }
}

/// A team with the given code.
async fn team(tx: &mut spona_store::Tx, code: &str) -> TeamId {
    teams::insert(
        tx,
        &teams::NewTeam {
            code,
            name_cyrl: "Тим",
            name_latn: "Tim",
            city: "Град",
            founding: &FoundingDecision::default(),
        },
        1,
    )
    .await
    .unwrap()
}

/// The team's Centre for Social Work, its lead institution.
async fn centre(tx: &mut spona_store::Tx, team: TeamId) -> spona_domain::ids::InstitutionId {
    institutions::insert(
        tx,
        team,
        &InstitutionDraft {
            code: "csr".into(),
            standing: Standing::Member,
            kind: InstitutionKind::SocialWork,
            name_cyrl: "ЦСР".into(),
            name_latn: "CSR".into(),
            short_name: "ЦСР".into(),
            is_lead: true,
            is_donor: false,
            cooperation: String::new(),
            address: String::new(),
            phone: String::new(),
            email: String::new(),
        },
        1,
    )
    .await
    .unwrap()
}
