//! A person's requests about their data over HTTP, on both engines: the owner records one on
//! the case page (its text never in an address), sees it on the dashboard, overdue once the
//! deadline passes, and records the outcome on its page; an erasure is asked about first,
//! refused while the case is open or held, and carried out only by a confirmed person. Other
//! institutions, teams and roles are refused every new route and change nothing.

use spona_app::auth::CONFIRMATION_SECONDS;
use spona_domain::access::Actor;
use spona_domain::cases::data_request::ANSWER_DAYS;
use spona_domain::cases::{CaseId, ReportForm};
use spona_testkit::TestApp;

const DAY: i64 = 86_400;
const BASIS: &str = "чл. 29 ЗЗПЛ: погрешно презиме Јеленић";

async fn a_case(t: &TestApp, owner: &Actor) -> CaseId {
    let form = ReportForm {
        reporter_kind: "team-official".into(),
        detected_on: "2026-11-27".into(),
        given_name: "Јелена".into(),
        family_name: "Јеленић".into(),
        sex: "female".into(),
        birth_date: "1992-06-01".into(),
        ..Default::default()
    };
    t.app.report_case(owner, &form).await.unwrap().case_id
}

/// The id of the request whose outcome link the case page shows last.
fn request_in(page: &str, what: &str) -> String {
    let at = page
        .rfind(&format!("/data-requests/{what}?request="))
        .expect("a link to the request");
    let rest = &page[at + what.len() + 24..];
    rest.chars().take_while(char::is_ascii_digit).collect()
}

async fn requests_stored(t: &TestApp) -> i64 {
    let mut c = t.app.db().conn().await.unwrap();
    sqlx::query_scalar("SELECT COUNT(*) FROM data_requests")
        .fetch_one(&mut *c)
        .await
        .unwrap()
}

#[tokio::test]
async fn the_owner_records_answers_and_sees_the_deadline_of_requests() {
    for t in TestApp::every_engine().await {
        let owner = spona_testkit::actor(&t.app, "le-police").await;
        let id = a_case(&t, &owner).await;
        let code = t.app.case(&owner, id).await.unwrap().summary.code;
        let police = t.signed_in("le-police").await;
        let case = format!("/cases/{id}");
        let today = spona_domain::text::iso_date(t.app.today());

        let (_, page) = t.get(&police, &case).await;
        assert!(page.contains("id=\"requests-h\""));
        let (status, location, _) = t
            .post(
                &police,
                &case,
                &format!("{case}/data-requests"),
                &[
                    ("kind", "rectification"),
                    ("received_on", &today),
                    ("legal_basis", BASIS),
                ],
            )
            .await;
        assert_eq!(status, 303);
        let location = location.unwrap();
        assert_eq!(location, format!("{case}?saved=data-request#requests-h"));
        let (_, page) = t.get(&police, &location).await;
        assert!(page.contains(BASIS), "the basis, opened for the owner");
        let request = request_in(&page, "outcome");

        // A refused form says so and saves nothing.
        let (status, _, _) = t
            .post(
                &police,
                &case,
                &format!("{case}/data-requests"),
                &[("kind", "erasure"), ("received_on", &today)],
            )
            .await;
        assert_eq!(status, 422);
        assert_eq!(requests_stored(&t).await, 1);

        // The dashboard lists it; past the deadline it is overdue.
        let (_, board) = t.get(&police, "/dashboard").await;
        let section = &board[board.find("id=\"data-requests-h\"").unwrap()..];
        assert!(section.contains(&code) && !section.contains("class=\"overdue\""));
        assert!(!board.contains(BASIS), "no text on the dashboard");
        let social = t.signed_in("le-social").await;
        let (_, other) = t.get(&social, "/dashboard").await;
        assert!(!other.contains("id=\"data-requests-h\""));
        t.clock.advance((ANSWER_DAYS + 1) * DAY);
        let police = t.signed_in("le-police").await;
        let (_, board) = t.get(&police, "/dashboard").await;
        let section = &board[board.find("id=\"data-requests-h\"").unwrap()..];
        assert!(section.contains("class=\"overdue\""));

        // The outcome page, then the outcome.
        let outcome_page = format!("{case}/data-requests/outcome?request={request}");
        let (status, page) = t.get(&police, &outcome_page).await;
        assert_eq!(status, 200);
        assert!(page.contains(BASIS) && page.contains("name=\"outcome\""));
        let today = spona_domain::text::iso_date(t.app.today());
        let post = format!("{case}/data-requests/outcome");
        let fields = [
            ("request", request.as_str()),
            ("version", "1"),
            ("outcome", "refused"),
            ("decided_on", today.as_str()),
        ];
        let (status, _, body) = t.post(&police, &outcome_page, &post, &fields).await;
        assert_eq!(status, 422, "a refusal says why");
        assert!(body.contains("id=\"reason-error\""));
        let mut with_reason = fields.to_vec();
        with_reason.push(("reason", "Подаци су тачни"));
        let (status, location, _) = t.post(&police, &outcome_page, &post, &with_reason).await;
        assert_eq!(status, 303);
        let (_, page) = t.get(&police, &location.unwrap()).await;
        assert!(page.contains("Подаци су тачни"));
        let (_, board) = t.get(&police, "/dashboard").await;
        assert!(!board.contains("id=\"data-requests-h\""), "nothing open");
        t.finish().await;
    }
}

#[tokio::test]
async fn others_are_refused_every_route_and_change_nothing() {
    for t in TestApp::every_engine().await {
        let owner = spona_testkit::actor(&t.app, "le-police").await;
        let id = a_case(&t, &owner).await;
        let case = format!("/cases/{id}");
        let today = spona_domain::text::iso_date(t.app.today());
        let police = t.signed_in("le-police").await;
        let (status, _, _) = t
            .post(
                &police,
                &case,
                &format!("{case}/data-requests"),
                &[
                    ("kind", "erasure"),
                    ("received_on", &today),
                    ("legal_basis", BASIS),
                ],
            )
            .await;
        assert_eq!(status, 303);
        let (_, page) = t.get(&police, &case).await;
        let request = request_in(&page, "erase");
        let fields = [
            ("request", request.as_str()),
            ("version", "1"),
            ("outcome", "refused"),
            ("reason", "Нема основа"),
            ("decided_on", today.as_str()),
            ("kind", "restriction"),
            ("received_on", today.as_str()),
            ("legal_basis", "чл. 31"),
        ];
        for (name, expected) in [
            ("le-social", 404),
            ("nis-police", 404),
            ("le-member", 403),
            ("le-coordinator", 403),
            ("national", 404),
            ("admin", 404),
            ("auditor", 404),
        ] {
            let who = t.signed_in(name).await;
            for get in ["outcome", "erase"] {
                let path = format!("{case}/data-requests/{get}?request={request}");
                let (status, page) = t.get(&who, &path).await;
                assert_eq!(status, expected, "{name} GET {get}");
                assert!(!page.contains(BASIS));
            }
            for post in ["", "/outcome", "/erase"] {
                let path = format!("{case}/data-requests{post}");
                let (status, _, body) = t.post(&who, "/account/confirm", &path, &fields).await;
                assert_eq!(status, expected, "{name} POST {post}");
                assert!(!body.contains(BASIS));
            }
        }
        // Nothing changed: one request, still open, the case whole.
        assert_eq!(requests_stored(&t).await, 1);
        let view = t.app.case(&owner, id).await.unwrap();
        assert_eq!(view.data_requests[0].outcome, None);
        assert!(view.personal_data_removed_at.is_none());
        t.finish().await;
    }
}

#[tokio::test]
async fn an_erasure_is_asked_about_refused_while_open_or_held_and_needs_a_confirmed_person() {
    for t in TestApp::every_engine().await {
        let owner = spona_testkit::actor(&t.app, "le-police").await;
        let id = a_case(&t, &owner).await;
        let case = format!("/cases/{id}");
        let today = spona_domain::text::iso_date(t.app.today());
        let police = t.signed_in("le-police").await;
        t.post(
            &police,
            &case,
            &format!("{case}/data-requests"),
            &[
                ("kind", "erasure"),
                ("received_on", &today),
                ("legal_basis", BASIS),
            ],
        )
        .await;
        let (_, page) = t.get(&police, &case).await;
        let request = request_in(&page, "erase");
        let erase_page = format!("{case}/data-requests/erase?request={request}");
        let post = format!("{case}/data-requests/erase");
        let fields = [
            ("request", request.as_str()),
            ("version", "1"),
            ("decided_on", today.as_str()),
        ];

        // Open: the page says so and offers nothing; a post is refused.
        let (status, page) = t.get(&police, &erase_page).await;
        assert_eq!(status, 200);
        assert!(!page.contains(&format!("action=\"{post}\"")));
        let (status, _, _) = t.post(&police, &erase_page, &post, &fields).await;
        assert_eq!(status, 422);

        for (step, version) in [
            ("refer-for-identification", 1),
            ("record-outcome-not-a-victim", 2),
            ("close", 3),
        ] {
            t.app
                .transition_case(&owner, id, step, version, true)
                .await
                .unwrap();
        }
        // Held: refused the same way.
        t.app.set_hold(&owner, id, "Поступак у току").await.unwrap();
        let (_, page) = t.get(&police, &erase_page).await;
        assert!(!page.contains(&format!("action=\"{post}\"")));
        let (status, _, _) = t.post(&police, &erase_page, &post, &fields).await;
        assert_eq!(status, 422);
        t.app.lift_hold(&owner, id).await.unwrap();

        // The page asks; some minutes after signing in, the post asks who one is first.
        let (_, page) = t.get(&police, &erase_page).await;
        assert!(page.contains(&format!("action=\"{post}\"")));
        assert!(page.contains(BASIS));
        t.clock.advance(CONFIRMATION_SECONDS + 60);
        let (status, location, _) = t.post(&police, &erase_page, &post, &fields).await;
        assert_eq!(status, 303);
        assert!(location.unwrap().starts_with("/account/confirm"));
        assert!(t
            .app
            .case(&owner, id)
            .await
            .unwrap()
            .personal_data_removed_at
            .is_none());

        // Confirmed (just signed in): erased; the page says so; nothing of the person is left.
        let police = t.signed_in("le-police").await;
        let (status, location, _) = t.post(&police, &erase_page, &post, &fields).await;
        assert_eq!(status, 303);
        let location = location.unwrap();
        assert_eq!(location, format!("{case}?saved=erased#removed-note"));
        assert!(!location.contains("ЗЗПЛ"));
        let (status, page) = t.get(&police, &location).await;
        assert_eq!(status, 200);
        assert!(page.contains("id=\"removed-note\""));
        assert!(!page.contains("Јеленић") && !page.contains(BASIS));
        let mut c = t.app.db().conn().await.unwrap();
        let key: String = sqlx::query_scalar("SELECT data_key FROM cases WHERE id = $1")
            .bind(id.0)
            .fetch_one(&mut *c)
            .await
            .unwrap();
        drop(c);
        assert_eq!(key, "");
        // The request's pages are closed now.
        assert_eq!(t.get(&police, &erase_page).await.0, 403);
        t.finish().await;
    }
}
