//! Possible duplicates, on both engines: a person reported by a second institution (in another
//! script) raises one pair, for the institution that held the person first to review alone;
//! the reporter learns only a "same person" outcome, never "different persons"; the
//! coordinator sees counts per institution; a reviewed pair is never raised again.

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
async fn only_the_earlier_institution_reviews_and_the_reporter_learns_only_same_person() {
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let police = spona_testkit::actor(&app, "le-police").await;
        let social = spona_testkit::actor(&app, "le-social").await;
        let member = spona_testkit::actor(&app, "le-member").await;
        let first = app.report_case(&social, &jovana()).await.unwrap();
        // The same person in Latin, capitals, without diacritics.
        let latin = ReportForm {
            given_name: "JOVANA".into(),
            family_name: "Vukomanovic".into(),
            ..jovana()
        };
        let second = app.report_case(&police, &latin).await.unwrap();
        assert_eq!(
            spona_testkit::pairs_raised_for(&t.db, second.case_id).await,
            1
        );

        // Only the institution that held the person reviews; the reporter has nothing.
        let for_social = app.duplicates_to_review(&social).await.unwrap();
        assert_eq!(for_social.len(), 1);
        assert!(app.duplicates_to_review(&police).await.unwrap().is_empty());
        assert_eq!(for_social[0].own_case_id, first.case_id);
        assert_eq!(for_social[0].own_code, first.code);
        assert!(!for_social[0].other_institution.is_empty());
        let told = app.notifications(&social).await.unwrap();
        assert!(told
            .iter()
            .any(|n| n.kind == "possible-duplicate" && n.case_id == Some(first.case_id)));
        assert!(
            app.notifications(&police).await.unwrap().is_empty(),
            "the reporter is told nothing"
        );
        assert!(matches!(
            app.case(&social, second.case_id).await,
            Err(AppError::NotFound)
        ));
        // Members of the team do not work on cases.
        assert!(matches!(
            app.duplicates_to_review(&member).await,
            Err(AppError::Forbidden)
        ));

        // A review needs an outcome; the reporter's or a stranger's review is "not found".
        let nothing = DuplicateReviewForm {
            version: 1,
            ..Default::default()
        };
        assert!(matches!(
            app.review_duplicate(&social, for_social[0].id, &nothing)
                .await,
            Err(AppError::Invalid(_))
        ));
        let same = DuplicateReviewForm {
            outcome: SAME_PERSON.into(),
            reason: "Исти датум рођења и место".into(),
            version: 1,
        };
        assert!(matches!(
            app.review_duplicate(&police, for_social[0].id, &same).await,
            Err(AppError::NotFound)
        ));
        let nis = spona_testkit::actor(&app, "nis-coordinator").await;
        assert!(app
            .review_duplicate(&nis, for_social[0].id, &same)
            .await
            .is_err());
        assert_eq!(app.duplicates_to_review(&social).await.unwrap().len(), 1);

        app.review_duplicate(&social, for_social[0].id, &same)
            .await
            .unwrap();
        assert!(app.duplicates_to_review(&social).await.unwrap().is_empty());
        // The second review of the same pair is a conflict, not a second outcome.
        assert!(matches!(
            app.review_duplicate(&social, for_social[0].id, &same).await,
            Err(AppError::Conflict)
        ));
        // "Same person": the reporter's institution is told, about its own case, with the
        // institution to coordinate with.
        let told = app.notifications(&police).await.unwrap();
        let confirmed: Vec<_> = told
            .iter()
            .filter(|n| n.kind == "duplicate-confirmed")
            .collect();
        assert_eq!(confirmed.len(), 1);
        assert_eq!(confirmed[0].case_id, Some(second.case_id));
        assert_eq!(
            confirmed[0].about_institution.as_deref(),
            Some("ЦСР Лесковац")
        );
        // Both access logs say it was reviewed, with the reason.
        for (who, case) in [(&social, first.case_id), (&police, second.case_id)] {
            let log = app.case_access_log(who, case).await.unwrap();
            assert!(log
                .iter()
                .any(|e| e.action == "duplicate-reviewed" && e.reason.contains("датум")));
        }

        // Editing the reported person again does not raise the reviewed pair.
        let edit = app.report_form(&police, second.case_id).await.unwrap();
        app.edit_report(&police, second.case_id, &edit.0, edit.1)
            .await
            .unwrap();
        assert!(app.duplicates_to_review(&social).await.unwrap().is_empty());
        assert!(app.duplicates_to_review(&police).await.unwrap().is_empty());

        // A third report of the person, by the police: two new pairs, one held by each.
        let third = app.report_case(&police, &jovana()).await.unwrap();
        assert_eq!(
            spona_testkit::pairs_raised_for(&t.db, third.case_id).await,
            2
        );
        let coordinator = spona_testkit::actor(&app, "le-coordinator").await;
        let mut counts: Vec<(String, i64)> = app
            .pending_duplicate_counts(&coordinator)
            .await
            .unwrap()
            .into_iter()
            .map(|p| (p.institution, p.count))
            .collect();
        counts.sort();
        assert_eq!(counts.len(), 2, "{counts:?}");
        assert!(counts.iter().all(|(_, n)| *n == 1));
        assert!(counts.iter().any(|(name, _)| name == "ЦСР Лесковац"));
        // Only the coordinator has the counts.
        assert!(matches!(
            app.pending_duplicate_counts(&police).await,
            Err(AppError::Forbidden)
        ));

        // "Different persons" by the earlier institution: the reporter learns nothing.
        let before = app.notifications(&police).await.unwrap().len();
        let pending = app.duplicates_to_review(&social).await.unwrap();
        assert_eq!(pending.len(), 1);
        let different = DuplicateReviewForm {
            outcome: DIFFERENT_PERSONS.into(),
            reason: "Друга особа".into(),
            version: pending[0].version,
        };
        app.review_duplicate(&social, pending[0].id, &different)
            .await
            .unwrap();
        assert!(app.duplicates_to_review(&social).await.unwrap().is_empty());
        assert_eq!(app.notifications(&police).await.unwrap().len(), before);
        let log = app.case_access_log(&police, third.case_id).await.unwrap();
        assert!(
            !log.iter().any(|e| e.action == "duplicate-reviewed"),
            "the reporter's case carries no trace of the pair"
        );
        assert_eq!(app.duplicates_to_review(&police).await.unwrap().len(), 1);
        t.finish().await;
    }
}
