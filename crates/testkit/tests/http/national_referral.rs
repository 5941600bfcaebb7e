//! The national referral mechanism over HTTP (issue 13): a case referred to an institution
//! of another team opens to it as far as the referral shares, and to nobody else there; a
//! case referred to the Centre for Protection of Victims of Trafficking gets the Centre's
//! decision as its identification outcome, which the owner then no longer records by hand.
//! Every test runs on both engines.

use crate::attachments::upload;
use crate::case_pages::{case_of, option_value};
use spona_testkit::csrf_of;
use spona_testkit::TestApp;

const NARRATIVE: &str = "Пронађена на аутобуској станици без докумената";

fn adult<'a>() -> Vec<(&'a str, &'a str)> {
    vec![
        ("reporter_kind", "team-official"),
        ("detected_on", "2026-11-27"),
        ("given_name", "Драгана"),
        ("family_name", "Пешић"),
        ("sex", "female"),
        ("birth_date", "1992-06-11"),
        ("narrative", NARRATIVE),
    ]
}

/// Reports an adult case as `reporter`: its id and page.
async fn report(t: &TestApp, reporter: &reqwest::Client) -> (i64, String) {
    let (status, location, _) = t.post(reporter, "/cases/new", "/cases", &adult()).await;
    assert_eq!(status, 303);
    let case = case_of(&location);
    (case, format!("/cases/{case}"))
}

/// Refers the case of `page` to the institution whose directory label starts with `to`,
/// sharing `parts` (with a written reason in place of a consent).
async fn send(t: &TestApp, reporter: &reqwest::Client, page: &str, to: &str, parts: &str) {
    let (_, body) = t.get(reporter, page).await;
    let receiver = option_value(&body, to);
    let form = [
        ("to_institution", receiver.as_str()),
        ("purpose", "Смештај и подршка"),
        ("parts", parts),
        ("urgency", "normal"),
        ("override_reason", "Особа је у непосредној опасности"),
    ];
    let (status, _, body) = t
        .post(reporter, page, &format!("{page}/referrals"), &form)
        .await;
    assert_eq!(status, 303, "{body}");
}

/// A new adult case of `reporter`, referred as [`send`] does; the case's page.
async fn refer(t: &TestApp, reporter: &reqwest::Client, to: &str, parts: &str) -> String {
    let (_, page) = report(t, reporter).await;
    send(t, reporter, &page, to, parts).await;
    page
}

/// The id of the first referral answer form on a page.
fn referral_id(page: &str) -> String {
    let at = page.find("action=\"/referrals/").expect("an answer form");
    let rest = &page[at + "action=\"/referrals/".len()..];
    rest[..rest.find('/').unwrap()].to_string()
}

#[tokio::test]
async fn a_case_referred_to_another_teams_institution_opens_to_it_as_far_as_shared() {
    for t in TestApp::every_engine().await {
        let nis_police = t.signed_in("nis-police").await;
        let page = refer(
            &t,
            &nis_police,
            "Центар за социјални рад Лесковац",
            "identity",
        )
        .await;
        // The directory names another team's institution with its team, the national ones
        // first, and the own team's without.
        let (_, body) = t.get(&nis_police, &page).await;
        let centre = body
            .find(">Центар за заштиту ЖТЉ — Национални ниво")
            .expect("the Centre");
        let leskovac = body
            .find(">Центар за социјални рад Лесковац — Локални координациони тим")
            .expect("Leskovac's centre with its team");
        assert!(centre < leskovac);
        assert!(body.contains(">Центар за социјални рад Ниш (демо)<"));

        // The Leskovac Centre for Social Work finds it in its inbox, with the Niš code.
        let social = t.signed_in("le-social").await;
        let (status, inbox) = t.get(&social, "/inbox").await;
        assert_eq!(status, 200);
        assert!(inbox.contains(&format!("href=\"{page}\"")), "{inbox}");
        assert!(
            inbox.contains(">НИ-2026-"),
            "the case keeps its code: {inbox}"
        );
        let (status, body) = t.get(&social, &page).await;
        assert_eq!(status, 200, "{body}");
        assert!(body.contains("Драгана"), "the shared identity");
        assert!(
            !body.contains(NARRATIVE),
            "the circumstances were not shared"
        );

        // It answers across teams.
        let id = referral_id(&body);
        let answer = [("action", "accept"), ("version", "1")];
        let (status, _, _) = t
            .post(&social, &page, &format!("/referrals/{id}/answer"), &answer)
            .await;
        assert_eq!(status, 303);
        let (_, body) = t.get(&social, &page).await;
        assert!(body.contains("Драгана"));

        // Nobody else in Leskovac learns of the case, not even its coordinator; the Niš
        // coordinator sees that it exists, as for any case of the team.
        for other in ["le-police", "le-coordinator", "le-member"] {
            let client = t.signed_in(other).await;
            let (status, body) = t.get(&client, &page).await;
            assert!(status == 404 || status == 403, "{other}: {status}");
            assert!(!body.contains("Драгана"), "{other}");
        }
        let (_, inbox) = t.get(&t.signed_in("le-police").await, "/inbox").await;
        assert!(!inbox.contains(&page), "another institution's inbox");
        t.finish().await;
    }
}

#[tokio::test]
async fn the_centres_decision_becomes_the_cases_identification_outcome() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let page = refer(&t, &police, "Центар за заштиту ЖТЉ", "identity").await;
        let (_, body) = t.get(&police, &page).await;
        assert!(
            body.contains("Упућено на идентификацију"),
            "referred for identification"
        );

        let centre = t.signed_in("centre").await;
        let (status, dashboard) = t.get(&centre, "/inbox").await;
        assert_eq!(status, 200);
        assert!(
            dashboard.contains(">ЛЕ-2026-"),
            "pending assessments by code: {dashboard}"
        );
        let (status, body) = t.get(&centre, &page).await;
        assert_eq!(status, 200);
        assert!(body.contains("Драгана") && !body.contains(NARRATIVE));
        let id = referral_id(&body);
        let answer = format!("/referrals/{id}/answer");
        let accept = [("action", "accept"), ("version", "1"), ("case", "")];
        let (status, _, _) = t.post(&centre, &page, &answer, &accept[..2]).await;
        assert_eq!(status, 303);
        let _ = accept;

        // Completing asks for the decision and a day that is not in the future.
        let (_, body) = t.get(&centre, &page).await;
        assert!(body.contains("name=\"decision\""), "the decision form");
        let no_decision = [("action", "complete"), ("version", "2")];
        let (status, _, _) = t.post(&centre, &page, &answer, &no_decision).await;
        assert_eq!(status, 422);
        let future = [
            ("action", "complete"),
            ("version", "2"),
            ("decision", "identified"),
            ("decided_on", "2999-01-01"),
        ];
        let (status, _, _) = t.post(&centre, &page, &answer, &future).await;
        assert_eq!(status, 422);
        let (_, body) = t.get(&police, &page).await;
        assert!(
            body.contains("Упућено на идентификацију"),
            "nothing changed"
        );

        let decided = [
            ("action", "complete"),
            ("version", "2"),
            ("decision", "identified"),
            ("decided_on", "2026-11-27"),
        ];
        let (status, _, _) = t.post(&centre, &page, &answer, &decided).await;
        assert_eq!(status, 303);

        // The owner reads the Centre's decision in the case and records no outcome by hand.
        let (_, body) = t.get(&police, &page).await;
        assert!(body.contains("Исход: формално идентификовано"), "{body}");
        assert!(body.contains("формално идентификована (27.11.2026.)"));
        assert!(!body.contains("value=\"record-outcome-not-a-victim\""));
        // Nor may it post one: the outcome stays the Centre's.
        // Reported (1), referred for identification (2), the Centre's outcome (3).
        let by_hand = [
            ("transition", "record-outcome-not-a-victim"),
            ("version", "3"),
        ];
        let (status, _, _) = t
            .post(&police, &page, &format!("{page}/transition"), &by_hand)
            .await;
        assert_eq!(status, 422);
        let (_, body) = t.get(&police, &page).await;
        assert!(body.contains("Исход: формално идентификовано"));
        let (_, notices) = t.get(&police, "/notifications").await;
        assert!(notices.contains("одлучио о идентификацији"), "{notices}");

        // The Centre sees no other case of the team.
        let (_, other) = report(&t, &police).await;
        let (status, _) = t.get(&centre, &other).await;
        assert_eq!(status, 404);
        t.finish().await;
    }
}

#[tokio::test]
async fn a_file_of_another_teams_case_comes_down_only_with_its_shared_part() {
    for t in TestApp::every_engine().await {
        let nis_police = t.signed_in("nis-police").await;
        let social = t.signed_in("le-social").await;
        // Two cases with a file on their circumstances: one shares them, one does not.
        let mut links = Vec::new();
        for parts in ["circumstances", "identity"] {
            let (case, page) = report(&t, &nis_police).await;
            let (_, body) = t.get(&nis_police, &page).await;
            let (status, _, _) = upload(
                &t,
                &nis_police,
                case,
                &csrf_of(&body),
                "izjava.pdf",
                b"%PDF-1.7\nizmisljeno\n%%EOF",
            )
            .await;
            assert_eq!(status, 303);
            let (_, body) = t.get(&nis_police, &page).await;
            let at = body.find("href=\"/attachments/").expect("the file's link");
            let link = body[at + 6..].split('"').next().unwrap().to_string();
            send(
                &t,
                &nis_police,
                &page,
                "Центар за социјални рад Лесковац",
                parts,
            )
            .await;
            links.push((page, link));
        }
        let (shared_page, shared) = &links[0];
        let (_, body) = t.get(&social, shared_page).await;
        assert!(body.contains(&format!("href=\"{shared}\"")), "listed");
        let (status, _) = t.get(&social, shared).await;
        assert_eq!(status, 200, "the shared part's file");
        let (other_page, withheld) = &links[1];
        let (_, body) = t.get(&social, other_page).await;
        assert!(!body.contains(withheld.as_str()), "not listed");
        let (status, _) = t.get(&social, withheld).await;
        assert_eq!(status, 404, "a part not shared");
        let (status, _) = t.get(&t.signed_in("le-police").await, shared).await;
        assert_eq!(status, 404, "an institution it was not referred to");
        t.finish().await;
    }
}

#[tokio::test]
async fn the_centre_asks_the_referrer_and_shares_its_plan_back_in_the_case() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let centre = t.signed_in("centre").await;
        let page = refer(&t, &police, "Центар за заштиту ЖТЉ", "identity").await;
        let (_, body) = t.get(&centre, &page).await;
        let id = referral_id(&body);
        let messages = format!("/referrals/{id}/messages");
        let case = page.trim_start_matches("/cases/").to_string();
        let write = |kind: &'static str, text: &'static str| {
            vec![("kind", kind), ("text", text), ("case", case.as_str())]
        };

        // The owner cannot answer what was not asked, nor share a plan; an empty question is
        // refused with a message and saves nothing.
        let (status, _, _) = t
            .post(
                &police,
                &page,
                &messages,
                &write("answer", "Одговор унапред"),
            )
            .await;
        assert_eq!(status, 422);
        let (status, _, body) = t
            .post(&centre, &page, &messages, &write("question", "  "))
            .await;
        assert_eq!(status, 422);
        assert!(body.contains("Упишите текст поруке"), "{body}");

        // The Centre asks while the referral waits; the police are told and answer.
        const QUESTION: &str = "Да ли особа има документа и где тренутно борави?";
        const ANSWER: &str = "Без докумената; смештена у прихватилиште Црвеног крста";
        let (status, location, _) = t
            .post(&centre, &page, &messages, &write("question", QUESTION))
            .await;
        assert_eq!(status, 303);
        assert!(location.unwrap().contains("written=1"));
        let (_, notices) = t.get(&police, "/notifications").await;
        assert!(notices.contains("поставила је питање"), "{notices}");
        let (_, body) = t.get(&police, &page).await;
        assert!(body.contains(QUESTION), "the question in the case");
        assert!(body.contains("value=\"answer\""), "the owner may answer");
        let (status, _, _) = t
            .post(&police, &page, &messages, &write("answer", ANSWER))
            .await;
        assert_eq!(status, 303);
        let (_, body) = t.get(&centre, &page).await;
        assert!(body.contains(ANSWER), "the Centre reads the answer");
        assert!(
            !body.contains("value=\"plan\""),
            "no plan before taking the referral on"
        );

        // Accepted, the Centre shares the summary of its plan back to the owner.
        const PLAN: &str = "Смештај 30 дана, правна помоћ, здравствени преглед";
        let accept = [("action", "accept"), ("version", "1")];
        let (status, _, _) = t
            .post(&centre, &page, &format!("/referrals/{id}/answer"), &accept)
            .await;
        assert_eq!(status, 303);
        let (status, _, _) = t
            .post(&centre, &page, &messages, &write("plan", PLAN))
            .await;
        assert_eq!(status, 303);
        let (_, body) = t.get(&police, &page).await;
        assert!(body.contains(PLAN) && body.contains("План заштите и помоћи"));
        let (_, notices) = t.get(&police, "/notifications").await;
        assert!(notices.contains("поделио сажетак плана"), "{notices}");

        // Nobody else reads or writes the thread: the team's coordinator sees the case
        // exists, never the messages; another institution finds nothing.
        let coordinator = t.signed_in("le-coordinator").await;
        let (_, body) = t.get(&coordinator, &page).await;
        assert!(!body.contains(QUESTION) && !body.contains(PLAN));
        let (status, _, _) = t
            .post(&coordinator, &page, &messages, &write("question", "?"))
            .await;
        assert_eq!(status, 403);
        let social = t.signed_in("le-social").await;
        let (status, _, _) = t
            .post(&social, "/inbox", &messages, &write("question", "?"))
            .await;
        assert_eq!(status, 404);
        let (_, log) = t.get(&police, &format!("{page}/access-log")).await;
        assert!(log.contains("Питање на упућивању") && log.contains("Подељен план"));

        // The texts are sealed at rest.
        let mut c = t.app.db().conn().await.unwrap();
        let stored: Vec<String> = sqlx::query_scalar("SELECT text FROM referral_messages")
            .fetch_all(&mut *c)
            .await
            .unwrap();
        assert_eq!(stored.len(), 3);
        assert!(stored
            .iter()
            .all(|s| !s.contains("докумен") && !s.is_empty()));
        drop(c);
        t.finish().await;
    }
}
