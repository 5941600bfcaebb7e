//! The case list follows ownership, live referrals and the order key (children first, open
//! before closed, newest first) as cases and referrals change, on both engines.

use spona_app::cases::{AnswerForm, CaseQuery, ReferralForm};
use spona_app::App;
use spona_domain::access::Actor;
use spona_domain::cases::{CaseId, ReportForm};
use spona_testkit::TestDb;

fn person(given: &str, child: bool) -> ReportForm {
    ReportForm {
        reporter_kind: "team-official".into(),
        detected_on: "2026-11-27".into(),
        given_name: given.into(),
        family_name: "Тестић".into(),
        sex: "female".into(),
        estimated_age: if child { "14" } else { "30" }.into(),
        may_be_child: child.then(|| "on".into()),
        ..Default::default()
    }
}

async fn listed(app: &App, actor: &Actor) -> (i64, Vec<CaseId>) {
    let page = app.cases(actor, &CaseQuery::default()).await.unwrap();
    (page.total, page.items.iter().map(|c| c.id).collect())
}

async fn shown(app: &App, actor: &Actor, show: &str) -> (i64, Vec<CaseId>) {
    let q = CaseQuery {
        show: show.into(),
        ..Default::default()
    };
    let page = app.cases(actor, &q).await.unwrap();
    (page.total, page.items.iter().map(|c| c.id).collect())
}

#[tokio::test]
async fn the_list_follows_owners_referrals_and_the_order_key() {
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let police = spona_testkit::actor(&app, "le-police").await;
        let social = spona_testkit::actor(&app, "le-social").await;
        let coordinator = spona_testkit::actor(&app, "le-coordinator").await;

        let a = app
            .report_case(&police, &person("Ана", false))
            .await
            .unwrap()
            .case_id;
        let b = app
            .report_case(&police, &person("Бојана", true))
            .await
            .unwrap()
            .case_id;
        let c = app
            .report_case(&police, &person("Цвета", false))
            .await
            .unwrap()
            .case_id;
        // The child first, then the newest.
        assert_eq!(listed(&app, &police).await, (3, vec![b, c, a]));
        // The child protocol referred the child's case to the Centre for Social Work.
        assert_eq!(listed(&app, &social).await, (1, vec![b]));

        // A closed case goes after the open ones.
        for (step, version) in [
            ("refer-for-identification", 1),
            ("record-outcome-not-a-victim", 2),
            ("close", 3),
        ] {
            app.transition_case(&police, c, step, version, true)
                .await
                .unwrap();
        }
        assert_eq!(listed(&app, &police).await, (3, vec![b, a, c]));
        // The coordinator sees that the same cases exist, in the same order.
        assert_eq!(listed(&app, &coordinator).await, (3, vec![b, a, c]));

        // A referral puts the case in the receiver's list; declining takes it out again.
        let referral = ReferralForm {
            to_institution: social.institution_id.unwrap().0.to_string(),
            purpose: "Процена".into(),
            parts: vec!["circumstances".into()],
            urgency: "normal".into(),
            override_reason: "Хитна законска обавеза".into(),
        };
        let id = app.refer_case(&police, a, &referral).await.unwrap();
        assert_eq!(listed(&app, &social).await, (2, vec![b, a]));
        let decline = AnswerForm {
            action: "decline".into(),
            reason: "Није у надлежности".into(),
            version: 1,
            ..AnswerForm::default()
        };
        app.answer_referral(&social, id, &decline).await.unwrap();
        assert_eq!(listed(&app, &social).await, (1, vec![b]));
        // The owner's list does not change with the receiver's answer.
        assert_eq!(listed(&app, &police).await, (3, vec![b, a, c]));

        // Narrowed to open, closed, or children's and incapacitated persons' cases, for the
        // case worker (its institution's list) and the coordinator (the team's) alike; an
        // unknown choice shows all.
        for reader in [&police, &coordinator] {
            for (show, expected) in [
                ("open", (2, vec![b, a])),
                ("closed", (1, vec![c])),
                ("protected", (1, vec![b])),
                ("", (3, vec![b, a, c])),
                ("anything", (3, vec![b, a, c])),
            ] {
                assert_eq!(shown(&app, reader, show).await, expected, "{show}");
            }
        }
        assert_eq!(shown(&app, &social, "closed").await, (0, vec![]));
        t.finish().await;
    }
}

#[tokio::test]
async fn the_access_log_comes_in_pages_newest_first() {
    let t = TestDb::sqlite().await;
    let (app, clock) = spona_testkit::demo_app(&t).await;
    let police = spona_testkit::actor(&app, "le-police").await;
    let case = app
        .report_case(&police, &person("Ана", false))
        .await
        .unwrap()
        .case_id;
    for _ in 0..30 {
        clock.advance(60);
        app.case(&police, case).await.unwrap();
    }
    let first = app.case_access_log_page(&police, case, 1).await.unwrap();
    let second = app.case_access_log_page(&police, case, 2).await.unwrap();
    // The report and thirty views.
    assert_eq!(first.total, 31);
    assert_eq!(first.items.len() as i64, spona_app::cases::ACCESS_LOG_PAGE);
    assert_eq!(first.items.len() + second.items.len(), 31);
    assert!(first.items[0].at > first.items[1].at, "newest first");
    assert!(first.items.last().unwrap().at >= second.items[0].at);
    // Another institution may not read it, on any page.
    let social = spona_testkit::actor(&app, "le-social").await;
    assert!(app.case_access_log_page(&social, case, 2).await.is_err());
    t.finish().await;
}
