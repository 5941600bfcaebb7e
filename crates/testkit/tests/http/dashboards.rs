//! Dashboards that answer "what needs me now", on both engines: the coordinator sees the
//! team's urgent and overdue referrals per receiving institution, as counts and never a case;
//! the national office sees the reports to acknowledge and the teams that have not reported.

use spona_app::reports::PeriodForm;
use spona_testkit::{actor, TestApp};

#[tokio::test]
async fn the_coordinator_sees_waiting_referrals_per_institution_without_a_case() {
    for t in TestApp::every_engine().await {
        t.app.seed_demo_cases().await.unwrap();
        let coordinator = t.signed_in("le-coordinator").await;
        let (status, page) = t.get(&coordinator, "/dashboard").await;
        assert_eq!(status, 200);
        // The demo's child report sent the centre an urgent referral, not yet answered.
        assert!(page.contains("Упућивања која чекају одговор"), "{page}");
        assert!(page.contains("ЦСР Лесковац</strong>: 1 хитно"), "{page}");
        assert!(!page.contains("после рока"));
        for personal in ["ЛЕ-2026-", "Демо Дете", "/cases/"] {
            assert!(
                !page.contains(personal),
                "{personal} on the coordinator's dashboard"
            );
        }
        // Five hours later the urgent referral is past its deadline.
        t.clock.advance(5 * 3600);
        let coordinator = t.signed_in("le-coordinator").await;
        let (_, later) = t.get(&coordinator, "/dashboard").await;
        assert!(later.contains("1 хитно, 1 после рока"), "{later}");
        // A member has no such section.
        let member = t.signed_in("le-member").await;
        let (_, theirs) = t.get(&member, "/dashboard").await;
        assert!(!theirs.contains("Упућивања која чекају одговор"));
        t.finish().await;
    }
}

#[tokio::test]
async fn the_national_office_sees_reports_to_acknowledge_and_teams_that_have_not_reported() {
    for t in TestApp::every_engine().await {
        let national = t.signed_in("national").await;
        let (status, page) = t.get(&national, "/dashboard").await;
        assert_eq!(status, 200);
        // The demo starts on 28 November 2026: the last quarter over is the third.
        assert!(
            page.contains("нису доставили извештај за 2026-Q3"),
            "{page}"
        );
        assert!(page.contains("Нема извештаја који чекају потврду."));
        // The local teams owe a report; the team of the national institutions does not.
        let owing = page.split("id=\"not-reported-h\"").nth(1).unwrap();
        let owing = owing.split("</section>").next().unwrap();
        assert!(owing.contains("Ниш (измишљени демо тим)"), "{owing}");
        assert!(!owing.contains("Национални ниво"), "{owing}");
        let before = page.matches("<li>").count();

        let coordinator = actor(&t.app, "le-coordinator").await;
        let id = t
            .app
            .draft_report(
                &coordinator,
                &PeriodForm {
                    period: "2026-Q3".into(),
                },
            )
            .await
            .unwrap();
        t.app.submit_report(&coordinator, id).await.unwrap();
        let (_, after) = t.get(&national, "/dashboard").await;
        assert!(
            after.contains(&format!("href=\"/reports/{id}\"")),
            "{after}"
        );
        assert!(after.contains("2026-Q3"));
        // Leskovac left the teams that have not reported (one line less there, one more
        // among the reports to acknowledge).
        assert_eq!(after.matches("<li>").count(), before);
        assert!(!after.contains("Нема извештаја који чекају потврду."));
        t.finish().await;
    }
}

#[tokio::test]
async fn a_case_worker_starts_with_a_new_report_and_sees_what_is_unread() {
    for t in TestApp::every_engine().await {
        t.app.seed_demo_cases().await.unwrap();
        // The child protocol told the social work centre; the police was told nothing new.
        let social = t.signed_in("le-social").await;
        let (_, page) = t.get(&social, "/dashboard").await;
        assert!(page.contains("href=\"/cases/new\""), "{page}");
        let unread = page
            .split("непрочитан")
            .next()
            .and_then(|before| before.rsplit('>').next())
            .unwrap_or_default()
            .trim()
            .to_string();
        assert!(
            unread.parse::<i64>().is_ok_and(|n| n > 0),
            "an unread count on {page}"
        );
        // Once read, the count is gone.
        t.get(&social, "/notifications").await;
        let (status, _, _) = t
            .post(&social, "/notifications", "/notifications/read", &[])
            .await;
        assert_eq!(status, 303);
        let (_, after) = t.get(&social, "/dashboard").await;
        assert!(!after.contains("непрочитан"), "{after}");
        // Who does not report cases has no such button.
        for who in ["le-coordinator", "le-member"] {
            let c = t.signed_in(who).await;
            let (_, theirs) = t.get(&c, "/dashboard").await;
            assert!(!theirs.contains("href=\"/cases/new\""), "{who}");
        }
        t.finish().await;
    }
}
