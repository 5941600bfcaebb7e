//! Possible duplicates, on both engines: a person reported by two institutions in different
//! scripts is raised once for both to review, without either seeing the other's record; a
//! third institution sees nothing; a reviewed pair is never raised again.

use spona_app::cases::{DuplicateReviewForm, DIFFERENT_PERSONS, SAME_PERSON};
use spona_app::AppError;
use spona_domain::cases::ReportForm;
use spona_testkit::TestDb;

fn jovana() -> ReportForm {
    ReportForm {
        reporter_kind: "team-official".into(),
        detected_on: "2026-11-27".into(),
        given_name: "Јована".into(),
        family_name: "Вукомановић".into(),
        sex: "female".into(),
        birth_date: "1990-04-02".into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_pair_is_raised_once_reviewed_by_its_owners_and_never_raised_again() {
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let police = spona_testkit::actor(&app, "le-police").await;
        let social = spona_testkit::actor(&app, "le-social").await;
        let member = spona_testkit::actor(&app, "le-member").await;
        let first = app.report_case(&social, &jovana()).await.unwrap();
        assert!(!first.possible_duplicate);
        // The same person in Latin, capitals, without diacritics.
        let latin = ReportForm {
            given_name: "JOVANA".into(),
            family_name: "Vukomanovic".into(),
            ..jovana()
        };
        let second = app.report_case(&police, &latin).await.unwrap();
        assert!(second.possible_duplicate);

        let for_police = app.duplicates_to_review(&police).await.unwrap();
        let for_social = app.duplicates_to_review(&social).await.unwrap();
        assert_eq!(for_police.len(), 1);
        assert_eq!(for_social.len(), 1);
        // Each sees its own case and who holds the other — nothing of the other record.
        assert_eq!(for_police[0].own_case_id, second.case_id);
        assert_eq!(for_police[0].own_code, second.code);
        assert_eq!(for_social[0].own_case_id, first.case_id);
        assert_ne!(
            for_police[0].other_institution,
            for_social[0].other_institution
        );
        assert!(matches!(
            app.case(&police, first.case_id).await,
            Err(AppError::NotFound)
        ));
        // Members of the team do not work on cases.
        assert!(matches!(
            app.duplicates_to_review(&member).await,
            Err(AppError::Forbidden)
        ));

        // A review needs an outcome; a stranger's review is "not found".
        let nothing = DuplicateReviewForm {
            version: 1,
            ..Default::default()
        };
        assert!(matches!(
            app.review_duplicate(&police, for_police[0].id, &nothing)
                .await,
            Err(AppError::Invalid(_))
        ));
        let nis = spona_testkit::actor(&app, "nis-coordinator").await;
        let same = DuplicateReviewForm {
            outcome: SAME_PERSON.into(),
            reason: "Исти датум рођења и место".into(),
            version: 1,
        };
        assert!(app
            .review_duplicate(&nis, for_police[0].id, &same)
            .await
            .is_err());
        assert_eq!(app.duplicates_to_review(&police).await.unwrap().len(), 1);

        app.review_duplicate(&police, for_police[0].id, &same)
            .await
            .unwrap();
        assert!(app.duplicates_to_review(&police).await.unwrap().is_empty());
        assert!(app.duplicates_to_review(&social).await.unwrap().is_empty());
        // The second review of the same pair is a conflict, not a second outcome.
        assert!(matches!(
            app.review_duplicate(&social, for_social[0].id, &same).await,
            Err(AppError::Conflict)
        ));
        // The other institution is told, by a kind and its own case only.
        let told = app.notifications(&social).await.unwrap();
        assert!(told
            .iter()
            .any(|n| n.kind == "duplicate-confirmed" && n.case_id == Some(first.case_id)));
        // Both access logs say it was reviewed, with the reason.
        let log = app.case_access_log(&social, first.case_id).await.unwrap();
        assert!(log
            .iter()
            .any(|e| e.action == "duplicate-reviewed" && e.reason.contains("датум")));

        // Editing the reported person again does not raise the reviewed pair.
        let edit = app.report_form(&police, second.case_id).await.unwrap();
        app.edit_report(&police, second.case_id, &edit.0, edit.1)
            .await
            .unwrap();
        assert!(app.duplicates_to_review(&police).await.unwrap().is_empty());

        // A third report of the person raises two new pairs; "different" closes one.
        let third = app.report_case(&police, &jovana()).await.unwrap();
        assert!(third.possible_duplicate);
        let pending = app.duplicates_to_review(&police).await.unwrap();
        assert_eq!(pending.len(), 2);
        let different = DuplicateReviewForm {
            outcome: DIFFERENT_PERSONS.into(),
            reason: String::new(),
            version: pending[0].version,
        };
        app.review_duplicate(&police, pending[0].id, &different)
            .await
            .unwrap();
        assert_eq!(app.duplicates_to_review(&police).await.unwrap().len(), 1);
        t.finish().await;
    }
}
