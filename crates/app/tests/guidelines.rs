//! The guidelines library on both engines: the coordinator keeps it, officials acknowledge
//! the current version, a revision asks everyone to read again, other teams see nothing.

use spona_app::guidelines::{GuidelineForm, RevisionForm};
use spona_app::AppError;
use spona_testkit::TestDb;

fn protocol() -> GuidelineForm {
    GuidelineForm {
        kind: "protocol".into(),
        title: "Протокол о поступању са децом".into(),
        addressed: vec!["police".into(), "social-work".into()],
        language: "sr-Cyrl".into(),
        in_force_from: "2026-01-01".into(),
        in_force_to: String::new(),
        body: "1. Безбедност детета.\n2. Обавестити ЦСР.".into(),
    }
}

#[tokio::test]
async fn officials_acknowledge_the_current_version_and_the_coordinator_sees_who_has_not() {
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let coordinator = spona_testkit::actor(&app, "le-coordinator").await;
        let police = spona_testkit::actor(&app, "le-police").await;
        let member = spona_testkit::actor(&app, "le-member").await;
        let nis = spona_testkit::actor(&app, "nis-coordinator").await;

        // Only the coordinator adds; bad input is refused whole.
        assert!(matches!(
            app.add_guideline(&police, &protocol()).await,
            Err(AppError::Forbidden)
        ));
        let bad = GuidelineForm {
            kind: "rumour".into(),
            title: String::new(),
            addressed: vec!["aliens".into()],
            in_force_to: "2025-01-01".into(),
            ..protocol()
        };
        match app.add_guideline(&coordinator, &bad).await {
            Err(AppError::Invalid(e)) => {
                for f in ["kind", "title", "addressed", "in_force_to"] {
                    assert!(e.get(f).is_some(), "{f}");
                }
            }
            other => panic!("{:?}", other.map(|_| ())),
        }
        assert!(app.guidelines(&coordinator).await.unwrap().is_empty());

        let id = app.add_guideline(&coordinator, &protocol()).await.unwrap();
        assert_eq!(app.unread_guidelines(&police).await.unwrap(), 1);
        // Not meant for the member's institution (the youth office).
        assert_eq!(app.unread_guidelines(&member).await.unwrap(), 0);
        let before = app.guideline(&coordinator, id).await.unwrap();
        let not_read = before.not_read.unwrap();
        assert!(not_read.len() >= 2, "police and social work: {not_read:?}");
        assert!(app.guideline(&police, id).await.unwrap().not_read.is_none());

        app.acknowledge_guideline(&police, id, 1).await.unwrap();
        app.acknowledge_guideline(&police, id, 1).await.unwrap();
        assert_eq!(app.unread_guidelines(&police).await.unwrap(), 0);
        let after = app
            .guideline(&coordinator, id)
            .await
            .unwrap()
            .not_read
            .unwrap();
        assert_eq!(after.len(), not_read.len() - 1);

        // A revision: everyone reads again; a stale revision or reading is a conflict.
        let revision = RevisionForm {
            body: "1. Безбедност детета.\n2. Одмах обавестити ЦСР.".into(),
            note: "Рок за обавештење".into(),
            version: 1,
        };
        assert_eq!(
            app.revise_guideline(&coordinator, id, &revision)
                .await
                .unwrap(),
            2
        );
        assert!(matches!(
            app.revise_guideline(&coordinator, id, &revision).await,
            Err(AppError::Conflict)
        ));
        assert_eq!(app.unread_guidelines(&police).await.unwrap(), 1);
        assert!(matches!(
            app.acknowledge_guideline(&police, id, 1).await,
            Err(AppError::Conflict)
        ));
        let view = app.guideline(&police, id).await.unwrap();
        assert_eq!(view.versions.len(), 2);
        assert!(view.guideline.body.contains("Одмах"));

        // Another team sees nothing.
        assert!(matches!(
            app.guideline(&nis, id).await,
            Err(AppError::NotFound)
        ));
        assert!(app.guidelines(&nis).await.unwrap().is_empty());
        assert!(matches!(
            app.acknowledge_guideline(&nis, id, 2).await,
            Err(AppError::NotFound)
        ));

        // The card's contacts come from the registry.
        let card = app.card_contacts(&police).await.unwrap();
        assert!(card
            .social_work
            .unwrap()
            .0
            .contains("Центар за социјални рад"));
        t.finish().await;
    }
}
