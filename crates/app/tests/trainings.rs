//! Trainings of officials: recorded by any team role with attendance by institution,
//! refused when an institution would send more people than its staff, measured as coverage
//! of each institution's staff, and certified per named participant in the reader's script.

use spona_app::trainings::{Recorded, StaffForm, TrainingForm, TrainingQuery};
use spona_app::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::ids::InstitutionId;
use spona_domain::trainings::TrainingId;
use spona_i18n::{Catalog, Locale};
use spona_reports::inspect::text_lines;
use spona_testkit::{actor, demo_app, TestDb};

/// The id of a Leskovac demo institution by its short name.
async fn institution(app: &App, who: &Actor, short: &str) -> i64 {
    let (_, choices) = app.training_choices(who).await.unwrap();
    choices
        .iter()
        .find(|(i, _)| i.short_name == short)
        .map(|(i, _)| i.id.0)
        .unwrap_or_else(|| panic!("{short}"))
}

fn form(rows: &[(i64, &str, &str)]) -> TrainingForm {
    TrainingForm {
        topic: "Разговор са дететом".into(),
        trainer: "Марко Љубић".into(),
        held_on: "2026-11-10".into(),
        hours: "2,5".into(),
        score_before: "40".into(),
        score_after: "75".into(),
        plan_activity_id: String::new(),
        institution: rows.iter().map(|r| r.0).collect(),
        participants: rows.iter().map(|r| r.1.to_string()).collect(),
        names: rows.iter().map(|r| r.2.to_string()).collect(),
    }
}

async fn saved(app: &App, who: &Actor, f: &TrainingForm) -> TrainingId {
    match app.record_training(who, f).await.unwrap() {
        Recorded::Saved(id) => id,
        Recorded::Refused(r) => panic!("refused: {r:?}"),
    }
}

async fn total(app: &App, who: &Actor) -> i64 {
    app.trainings(who, &TrainingQuery::default())
        .await
        .unwrap()
        .1
        .total
}

async fn audited(t: &TestDb, action: &str) -> i64 {
    let mut c = t.db.conn().await.unwrap();
    sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(&mut *c)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_training_is_recorded_with_counts_names_and_scores() {
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let police = actor(&app, "le-police").await;
        let pu = institution(&app, &police, "ПУ Лесковац").await;
        let csr = institution(&app, &police, "ЦСР Лесковац").await;
        let before = total(&app, &police).await;
        let audits = audited(&t, "training-recorded").await;

        let mut c = t.db.conn().await.unwrap();
        let planned: i64 = sqlx::query_scalar(
            "SELECT a.id FROM plan_activities a JOIN coordination_plans p ON p.id = a.plan_id \
             JOIN teams t ON t.id = p.team_id WHERE t.code = 'leskovac' ORDER BY a.id LIMIT 1",
        )
        .fetch_one(&mut *c)
        .await
        .unwrap();
        drop(c);
        let mut f = form(&[
            (pu, "", "Јелена Ђурђевић; 40; 90\nMarko Jović"),
            (csr, "5", ""),
        ]);
        // A link to anything but the team's own plan is refused.
        f.plan_activity_id = "999999".into();
        assert!(matches!(
            app.record_training(&police, &f).await,
            Err(spona_app::AppError::Invalid(_))
        ));
        f.plan_activity_id = planned.to_string();
        let id = saved(&app, &police, &f).await;
        let v = app.training(&police, id).await.unwrap();
        assert_eq!(v.training.topic, "Разговор са дететом");
        assert_eq!(v.training.duration.minutes(), 150);
        assert_eq!(v.training.score_before, Some(40));
        assert_eq!(v.training.score_after, Some(75));
        assert_eq!(v.training.plan_activity_id, Some(planned));
        // Empty count means "as many as named".
        assert_eq!(v.training.participants, 7);
        let counts: Vec<(i64, i64)> = v.attendance.iter().map(|(i, n)| (i.id.0, *n)).collect();
        assert!(
            counts.contains(&(pu, 2)) && counts.contains(&(csr, 5)),
            "{counts:?}"
        );
        assert_eq!(v.named.len(), 2);
        let jelena = &v.named[0].participant;
        assert_eq!(jelena.name, "Јелена Ђурђевић");
        assert_eq!(
            (jelena.score_before, jelena.score_after),
            (Some(40), Some(90))
        );
        assert_eq!(v.named[0].institution.as_ref().map(|i| i.id.0), Some(pu));
        // Certificate ids are opaque and distinct.
        assert!(jelena.token.len() >= 20);
        assert_ne!(jelena.token, v.named[1].participant.token);
        assert_eq!(total(&app, &police).await, before + 1);
        assert_eq!(audited(&t, "training-recorded").await, audits + 1);

        // The list finds it by topic in the other script, newest first.
        let q = TrainingQuery {
            q: "razgovor".into(),
            page: None,
        };
        let (_, found) = app.trainings(&police, &q).await.unwrap();
        assert_eq!(found.items.first().map(|t| t.id), Some(id));
        t.finish().await;
    }
}

#[tokio::test]
async fn bad_input_and_counts_over_staff_save_nothing() {
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let police = actor(&app, "le-police").await;
        let pu = institution(&app, &police, "ПУ Лесковац").await;
        let su = institution(&app, &police, "ШУ Лесковац").await;
        let before = total(&app, &police).await;

        // The demo's police has 60 staff: 61 participants are refused, naming the institution.
        let over = form(&[(pu, "61", ""), (su, "3", "")]);
        match app.record_training(&police, &over).await.unwrap() {
            Recorded::Refused(r) => {
                assert_eq!(r.len(), 1);
                assert_eq!(r[0].institution.id.0, pu);
                assert_eq!((r[0].participants, r[0].staff), (61, 60));
            }
            Recorded::Saved(_) => panic!("saved over staff"),
        }
        // Exactly the staff is fine; an institution with no staff number is never refused.
        let at_limit = form(&[(pu, "60", ""), (su, "500", "")]);
        saved(&app, &police, &at_limit).await;
        assert_eq!(total(&app, &police).await, before + 1);

        for (field, f) in [
            (
                "hours",
                TrainingForm {
                    hours: "41".into(),
                    ..form(&[(pu, "1", "")])
                },
            ),
            (
                "hours",
                TrainingForm {
                    hours: "0,25".into(),
                    ..form(&[(pu, "1", "")])
                },
            ),
            (
                "held_on",
                TrainingForm {
                    held_on: "2026-12-01".into(),
                    ..form(&[(pu, "1", "")])
                },
            ),
            (
                "topic",
                TrainingForm {
                    topic: " ".into(),
                    ..form(&[(pu, "1", "")])
                },
            ),
            (
                "score_after",
                TrainingForm {
                    score_after: "120".into(),
                    ..form(&[(pu, "1", "")])
                },
            ),
            ("participants", form(&[(pu, "0", "")])),
            ("participants", form(&[(pu, "1", "Ана\nБојан")])),
            ("names", form(&[(pu, "", "Ана; 300")])),
            ("participants", form(&[(999_999, "3", "")])),
        ] {
            match app.record_training(&police, &f).await {
                Err(AppError::Invalid(e)) => assert!(e.get(field).is_some(), "{field}: {e:?}"),
                other => panic!("{field}: {other:?}"),
            }
        }
        assert_eq!(total(&app, &police).await, before + 1);
        t.finish().await;
    }
}

#[tokio::test]
async fn coverage_is_this_years_participants_over_staff() {
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let coordinator = actor(&app, "le-coordinator").await;
        let share = |v: &spona_app::trainings::CoverageView, short: &str| {
            let l = v
                .lines
                .iter()
                .find(|l| l.institution.short_name == short)
                .unwrap();
            (
                l.coverage.trained,
                l.coverage.staff,
                l.coverage.share_percent(),
            )
        };
        // The demo: police 8 + 10 of 60, social work 6 + 4 of 24, schools 12 of unknown.
        let v = app.training_coverage(&coordinator, None).await.unwrap();
        assert_eq!(v.year, 2026);
        assert!(v.can_edit_staff);
        assert_eq!(share(&v, "ПУ Лесковац"), (18, Some(60), Some(30)));
        assert_eq!(share(&v, "ЦСР Лесковац"), (10, Some(24), Some(42)));
        assert_eq!(share(&v, "ШУ Лесковац"), (12, None, None));

        // Last year's training counts for last year only.
        let pu = institution(&app, &coordinator, "ПУ Лесковац").await;
        let su = institution(&app, &coordinator, "ШУ Лесковац").await;
        let old = TrainingForm {
            held_on: "2025-12-31".into(),
            ..form(&[(pu, "6", "")])
        };
        saved(&app, &coordinator, &old).await;
        let v = app.training_coverage(&coordinator, None).await.unwrap();
        assert_eq!(share(&v, "ПУ Лесковац"), (18, Some(60), Some(30)));
        let last = app
            .training_coverage(&coordinator, Some(2025))
            .await
            .unwrap();
        assert_eq!(share(&last, "ПУ Лесковац"), (6, Some(60), Some(10)));

        // The coordinator enters staff; an empty field forgets a number.
        let staff = StaffForm {
            institution: vec![su, pu],
            staff: vec!["40".into(), String::new()],
        };
        app.set_training_staff(&coordinator, &staff).await.unwrap();
        let v = app.training_coverage(&coordinator, None).await.unwrap();
        assert_eq!(share(&v, "ШУ Лесковац"), (12, Some(40), Some(30)));
        assert_eq!(share(&v, "ПУ Лесковац"), (18, None, None));
        let bad = StaffForm {
            institution: vec![su],
            staff: vec!["-3".into()],
        };
        assert!(matches!(
            app.set_training_staff(&coordinator, &bad).await,
            Err(AppError::Invalid(_))
        ));
        let v = app.training_coverage(&coordinator, None).await.unwrap();
        assert_eq!(share(&v, "ШУ Лесковац"), (12, Some(40), Some(30)));
        t.finish().await;
    }
}

#[tokio::test]
async fn every_team_role_records_only_the_coordinator_sets_staff_other_teams_see_nothing() {
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let police = actor(&app, "le-police").await;
        let member = actor(&app, "le-member").await;
        let pu = institution(&app, &police, "ПУ Лесковац").await;
        let f = form(&[(pu, "2", "")]);
        let id = saved(&app, &member, &f).await;
        saved(&app, &police, &f).await;
        app.training(&member, id).await.unwrap();

        // Staff numbers: the coordinator's alone; others may still look.
        let staff = StaffForm {
            institution: vec![pu],
            staff: vec!["100".into()],
        };
        for who in [&police, &member] {
            assert!(matches!(
                app.set_training_staff(who, &staff).await,
                Err(AppError::Forbidden)
            ));
            assert!(
                !app.training_coverage(who, None)
                    .await
                    .unwrap()
                    .can_edit_staff
            );
        }

        // Another team, and roles without a team, learn nothing.
        for name in ["nis-coordinator", "nis-member", "national", "admin"] {
            let other = actor(&app, name).await;
            assert!(
                matches!(app.training(&other, id).await, Err(AppError::NotFound)),
                "{name}"
            );
            if name.starts_with("nis") {
                let (_, list) = app
                    .trainings(&other, &TrainingQuery::default())
                    .await
                    .unwrap();
                assert!(list.items.iter().all(|t| t.id != id), "{name}");
                // Naming another team's institution is refused.
                assert!(matches!(
                    app.record_training(&other, &f).await,
                    Err(AppError::Invalid(_))
                ));
                let theirs = StaffForm {
                    institution: vec![pu],
                    staff: vec!["1".into()],
                };
                let refused = app.set_training_staff(&other, &theirs).await;
                assert!(
                    matches!(
                        refused,
                        Err(AppError::Invalid(_)) | Err(AppError::Forbidden)
                    ),
                    "{name}: {refused:?}"
                );
            } else {
                assert!(matches!(
                    app.trainings(&other, &TrainingQuery::default()).await,
                    Err(AppError::NotFound)
                ));
                assert!(matches!(
                    app.record_training(&other, &f).await,
                    Err(AppError::NotFound)
                ));
            }
        }
        // Leskovac's staff numbers are unchanged by the attempts.
        let coordinator = actor(&app, "le-coordinator").await;
        let v = app.training_coverage(&coordinator, None).await.unwrap();
        let line = v
            .lines
            .iter()
            .find(|l| l.institution.id == InstitutionId(pu))
            .unwrap();
        assert_eq!(line.coverage.staff, Some(60));
        t.finish().await;
    }
}

#[tokio::test]
async fn certificates_are_in_the_readers_script_and_audited() {
    let catalog = Catalog::load().unwrap();
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let police = actor(&app, "le-police").await;
        let pu = institution(&app, &police, "ПУ Лесковац").await;
        let id = saved(&app, &police, &form(&[(pu, "", "Јелена Ђурђевић")])).await;
        let token = app.training(&police, id).await.unwrap().named[0]
            .participant
            .token
            .clone();
        let audits = audited(&t, "training-certificate-downloaded").await;

        let lines_in = |locale| {
            let app = app.clone();
            let police = police.clone();
            let token = token.clone();
            let catalog = &catalog;
            async move {
                let file = app
                    .training_certificate(&police, id, &token, catalog, locale)
                    .await
                    .unwrap();
                assert!(file.bytes.starts_with(b"%PDF-"));
                assert!(!file.file_name.contains("Јелена") && !file.file_name.contains(&token));
                text_lines(&file.bytes)
            }
        };
        let cyrl = lines_in(Locale::SrCyrl).await;
        for expected in ["Сертификат", "Јелена Ђурђевић", "Разговор са дететом"]
        {
            assert!(cyrl.iter().any(|l| l == expected), "{expected}: {cyrl:?}");
        }
        assert!(cyrl.iter().any(|l| l.contains("Марко Љубић")), "{cyrl:?}");
        assert!(
            cyrl.iter()
                .any(|l| l.contains("2,5 ч.") || l.contains("2.5 ч.")),
            "{cyrl:?}"
        );
        let latn = lines_in(Locale::SrLatn).await;
        for expected in ["Sertifikat", "Jelena Đurđević", "Razgovor sa detetom"] {
            assert!(latn.iter().any(|l| l == expected), "{expected}: {latn:?}");
        }
        assert!(
            latn.iter()
                .all(|l| !l.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))),
            "{latn:?}"
        );
        let en = lines_in(Locale::En).await;
        for expected in ["Certificate", "This is to certify that", "Jelena Đurđević"] {
            assert!(en.iter().any(|l| l == expected), "{expected}: {en:?}");
        }
        assert!(en.iter().any(|l| l.contains("Marko Ljubić")), "{en:?}");
        assert_eq!(
            audited(&t, "training-certificate-downloaded").await,
            audits + 3
        );

        // A wrong id, or someone of another team, gets nothing.
        assert!(matches!(
            app.training_certificate(&police, id, "not-a-token", &catalog, Locale::SrCyrl)
                .await,
            Err(AppError::NotFound)
        ));
        let nis = actor(&app, "nis-coordinator").await;
        assert!(matches!(
            app.training_certificate(&nis, id, &token, &catalog, Locale::SrCyrl)
                .await,
            Err(AppError::NotFound)
        ));
        assert_eq!(
            audited(&t, "training-certificate-downloaded").await,
            audits + 3
        );
        t.finish().await;
    }
}
