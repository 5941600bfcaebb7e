//! The trainings repository on SQLite and (when configured) PostgreSQL: trainings with
//! attendance and named participants, staff numbers, and a year's totals by institution.

use spona_domain::access::TeamScope;
use spona_domain::accounts::Role;
use spona_domain::ids::{InstitutionId, TeamId, UserId};
use spona_domain::registry::{FoundingDecision, InstitutionDraft, InstitutionKind, Standing};
use spona_domain::trainings::{Duration, NamedParticipant, TrainingDraft};
use spona_store::{institutions, teams, trainings, users, Db};
use spona_testkit::TestDb;
use time::macros::date;

async fn setup(db: &Db) -> (TeamId, InstitutionId, InstitutionId, UserId) {
    let mut c = db.conn().await.unwrap();
    let team = teams::insert(
        &mut c,
        &teams::NewTeam {
            code: "leskovac",
            name_cyrl: "Локални тим",
            name_latn: "Lokalni tim",
            city: "Лесковац",
            founding: &FoundingDecision::default(),
        },
        1,
    )
    .await
    .unwrap();
    let inst = |code: &'static str| InstitutionDraft {
        code: code.into(),
        standing: Standing::Member,
        kind: InstitutionKind::Police,
        name_cyrl: format!("Институција {code}"),
        name_latn: format!("Institucija {code}"),
        short_name: code.to_uppercase(),
        is_lead: false,
        is_donor: false,
        cooperation: String::new(),
        address: String::new(),
        phone: String::new(),
        email: String::new(),
    };
    let pu = institutions::insert(&mut c, team, &inst("pu"), 1)
        .await
        .unwrap();
    let csr = institutions::insert(&mut c, team, &inst("csr"), 1)
        .await
        .unwrap();
    let user = users::insert(
        &mut c,
        &users::NewUser {
            username: "ana",
            display_name: "Ана",
            role: Role::Member,
            team_id: Some(team),
            institution_id: Some(pu),
            password_hash: None,
            locale: "sr-Cyrl",
        },
        1,
    )
    .await
    .unwrap();
    (team, pu, csr, user)
}

fn draft(topic: &str, held_on: time::Date) -> TrainingDraft {
    TrainingDraft {
        topic: topic.into(),
        trainer: "Марко Љубић".into(),
        held_on,
        duration: Duration::from_minutes(150),
        score_before: None,
        score_after: Some(80),
        plan_activity_id: None,
        attendance: Vec::new(),
    }
}

#[tokio::test]
async fn trainings_attendance_participants_and_staff_round_trip() {
    for t in TestDb::every_engine().await {
        let (team, pu, csr, user) = setup(&t.db).await;
        let scope = &TeamScope::operator(team);
        let mut c = t.db.conn().await.unwrap();
        let old = trainings::insert(
            &mut c,
            scope,
            &draft("Стара обука", date!(2025 - 12 - 31)),
            user,
            5,
        )
        .await
        .unwrap();
        trainings::add_attendance(&mut c, old, pu, 4).await.unwrap();
        let id = trainings::insert(
            &mut c,
            scope,
            &draft("Разговор са дететом", date!(2026 - 03 - 01)),
            user,
            6,
        )
        .await
        .unwrap();
        trainings::add_attendance(&mut c, id, pu, 3).await.unwrap();
        trainings::add_attendance(&mut c, id, csr, 2).await.unwrap();
        let jelena = NamedParticipant {
            name: "Јелена".into(),
            score_before: Some(40),
            score_after: None,
        };
        trainings::add_participant(&mut c, id, pu, &jelena, "tok-1")
            .await
            .unwrap();

        let found = trainings::find(&mut c, scope, id).await.unwrap().unwrap();
        assert_eq!(found.topic, "Разговор са дететом");
        assert_eq!(found.participants, 5);
        assert_eq!(found.duration.minutes(), 150);
        assert_eq!((found.score_before, found.score_after), (None, Some(80)));
        assert_eq!(found.plan_activity_id, None);
        assert!(
            trainings::find(&mut c, &TeamScope::operator(TeamId(team.0 + 1)), id)
                .await
                .unwrap()
                .is_none()
        );

        let page = trainings::list(&mut c, scope, "", 10, 0).await.unwrap();
        assert_eq!(page.total, 2);
        assert_eq!(page.items[0].id, id, "newest first");
        let page = trainings::list(&mut c, scope, "razgovor", 10, 0)
            .await
            .unwrap();
        assert_eq!((page.total, page.items.len()), (1, 1));

        assert_eq!(
            trainings::attendance(&mut c, id).await.unwrap(),
            vec![(pu, 3), (csr, 2)]
        );
        let named = trainings::participants(&mut c, id).await.unwrap();
        assert_eq!(named.len(), 1);
        assert_eq!(
            (
                named[0].name.as_str(),
                named[0].score_before,
                named[0].score_after
            ),
            ("Јелена", Some(40), None)
        );
        assert!(trainings::participant_by_token(&mut c, id, "tok-1")
            .await
            .unwrap()
            .is_some());
        assert!(trainings::participant_by_token(&mut c, old, "tok-1")
            .await
            .unwrap()
            .is_none());

        assert_eq!(
            trainings::trained_in_year(&mut c, scope, 2026)
                .await
                .unwrap(),
            vec![(pu, 3), (csr, 2)]
        );
        assert_eq!(
            trainings::trained_in_year(&mut c, scope, 2025)
                .await
                .unwrap(),
            vec![(pu, 4)]
        );

        trainings::set_staff(&mut c, scope, pu, Some(10), 7)
            .await
            .unwrap();
        trainings::set_staff(&mut c, scope, pu, Some(12), 8)
            .await
            .unwrap();
        trainings::set_staff(&mut c, scope, csr, Some(5), 8)
            .await
            .unwrap();
        trainings::set_staff(&mut c, scope, csr, None, 9)
            .await
            .unwrap();
        assert_eq!(
            trainings::staff(&mut c, scope).await.unwrap(),
            vec![(pu, 12)]
        );
        drop(c);
        t.finish().await;
    }
}
