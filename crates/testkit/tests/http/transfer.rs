//! Transfer of a case's ownership over HTTP (issue 13): the owner offers the case with a
//! reason, the receiver sees only the offer until it accepts, then works on the case; the
//! case keeps its code; the former owner keeps reading only if the receiver allowed it;
//! offers can be declined (with a reason) or withdrawn; and nobody else can answer.
//! Every test runs on both engines.

use crate::case_pages::{case_of, option_value};
use spona_testkit::TestApp;

const NARRATIVE: &str = "Нађена у кафићу поред пута без докумената";
const REASON: &str = "Дете је смештено у хранитељску породицу, рад преузима ЦСР";

fn adult<'a>() -> Vec<(&'a str, &'a str)> {
    vec![
        ("reporter_kind", "team-official"),
        ("detected_on", "2026-11-27"),
        ("given_name", "Милица"),
        ("family_name", "Стојановић"),
        ("sex", "female"),
        ("birth_date", "1990-02-14"),
        ("narrative", NARRATIVE),
    ]
}

/// Reports an adult case as `reporter`: its page.
async fn report(t: &TestApp, reporter: &reqwest::Client) -> String {
    let (status, location, body) = t.post(reporter, "/cases/new", "/cases", &adult()).await;
    assert_eq!(status, 303, "{body}");
    format!("/cases/{}", case_of(&location))
}

/// Offers the case of `page` to the institution whose directory label starts with `to`.
async fn offer(t: &TestApp, owner: &reqwest::Client, page: &str, to: &str) {
    let (_, body) = t.get(owner, page).await;
    let receiver = option_value(&body, to);
    let form = [("to_institution", receiver.as_str()), ("reason", REASON)];
    let (status, location, body) = t
        .post(owner, page, &format!("{page}/transfers"), &form)
        .await;
    assert_eq!(status, 303, "{body}");
    assert!(location.unwrap().contains("offered=1"));
}

/// The id of the first offer's answer form on a page.
fn offer_id(page: &str) -> String {
    let at = page.find("action=\"/transfers/").expect("an offer");
    let rest = &page[at + "action=\"/transfers/".len()..];
    rest[..rest.find('/').unwrap()].to_string()
}

/// The id of the first offer in the receiver's inbox.
async fn offered(t: &TestApp, receiver: &reqwest::Client) -> String {
    let (_, inbox) = t.get(receiver, "/inbox").await;
    offer_id(&inbox)
}

#[tokio::test]
async fn a_case_handed_from_the_police_to_the_centre_for_social_work_keeps_its_code() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let social = t.signed_in("le-social").await;
        let page = report(&t, &police).await;
        let (_, before) = t.get(&police, &page).await;
        let code_at = before.find("ЛЕ-2026-").expect("the case's code");
        let code = &before[code_at..code_at + "ЛЕ-2026-0001".len()];
        offer(&t, &police, &page, "Центар за социјални рад Лесковац").await;

        // The owner sees the offer waiting, with no second offer form.
        let (_, body) = t.get(&police, &page).await;
        assert!(body.contains("Предаја чека одговор установе"), "{body}");
        assert!(!body.contains(&format!("action=\"{page}/transfers#")));

        // The receiver sees the offer (code, reason) and nothing of the record.
        let (_, inbox) = t.get(&social, "/inbox").await;
        assert!(inbox.contains(REASON), "{inbox}");
        assert!(inbox.contains(code), "{inbox}");
        assert!(!inbox.contains("Милица"));
        let (status, _) = t.get(&social, &page).await;
        assert_eq!(status, 404, "nothing of the case before accepting");
        let id = offer_id(&inbox);
        let answer = format!("/transfers/{id}/answer");

        // Only the receiver answers: the owner is forbidden, others find nothing.
        let accept = [("action", "accept"), ("version", "1")];
        let (status, _, _) = t.post(&police, &page, &answer, &accept).await;
        assert_eq!(status, 403);
        for other in ["centre", "nis-police", "le-member"] {
            let client = t.signed_in(other).await;
            let (status, _, _) = t.post(&client, "/", &answer, &accept).await;
            assert!(status == 404 || status == 403, "{other}: {status}");
        }
        // Declining needs a reason, and changes nothing without one.
        let decline = [("action", "decline"), ("version", "1"), ("reason", "")];
        let (status, _, body) = t.post(&social, "/inbox", &answer, &decline).await;
        assert_eq!(status, 422);
        assert!(body.contains("Наведите разлог одбијања"), "{body}");

        // Accepted, letting the police keep reading.
        let accept = [
            ("action", "accept"),
            ("version", "1"),
            ("former_reads", "1"),
        ];
        let (status, location, _) = t.post(&social, "/inbox", &answer, &accept).await;
        assert_eq!(status, 303);
        assert!(location.unwrap().contains("taken_over=1"));
        let (status, body) = t.get(&social, &page).await;
        assert_eq!(status, 200);
        assert!(body.contains("Милица") && body.contains(NARRATIVE));
        assert!(body.contains(code), "the code stays");
        assert!(
            body.contains(&format!("action=\"{page}/transition")),
            "the new owner works on the case"
        );
        assert!(body.contains("прихваћена"), "the offer's history");

        // The police read it, and no longer work on it.
        let (status, body) = t.get(&police, &page).await;
        assert_eq!(status, 200);
        assert!(body.contains("Милица"));
        assert!(!body.contains(&format!("action=\"{page}/transition")));
        let step = [("transition", "refer-for-identification"), ("version", "2")];
        let (status, _, _) = t
            .post(&police, &page, &format!("{page}/transition"), &step)
            .await;
        assert_eq!(status, 403);
        assert!(
            !body.contains(&format!("action=\"{page}/notes")),
            "no protection work"
        );
        let note = [("text", "Бележка бивше установе")];
        let (status, _, _) = t
            .post(&police, &page, &format!("{page}/notes"), &note)
            .await;
        assert_eq!(status, 403);
        let (_, list) = t.get(&police, "/cases").await;
        assert!(list.contains(&page), "the former owner still lists it");

        // A second answer finds the offer already answered.
        let (status, _, _) = t.post(&social, "/inbox", &answer, &accept).await;
        assert!(status == 409 || status == 422, "{status}");

        // Audited, and the police were told.
        let (_, log) = t.get(&social, &format!("{page}/access-log")).await;
        assert!(log.contains("Предаја понуђена") && log.contains("Предаја прихваћена"));
        let (_, notes) = t.get(&police, "/notifications").await;
        assert!(notes.contains("прихватила предају"), "{notes}");
        t.finish().await;
    }
}

#[tokio::test]
async fn a_case_handed_to_another_team_is_worked_on_there_and_closed_to_its_former_owner() {
    for t in TestApp::every_engine().await {
        let nis_police = t.signed_in("nis-police").await;
        let social = t.signed_in("le-social").await;
        let page = report(&t, &nis_police).await;
        offer(&t, &nis_police, &page, "Центар за социјални рад Лесковац").await;
        let id = offered(&t, &social).await;
        // Accepted without letting the Niš police keep reading.
        let accept = [("action", "accept"), ("version", "1")];
        let (status, _, _) = t
            .post(
                &social,
                "/inbox",
                &format!("/transfers/{id}/answer"),
                &accept,
            )
            .await;
        assert_eq!(status, 303);

        // The Leskovac centre lists the Niš case under its Niš code and works on it.
        let (_, list) = t.get(&social, "/cases").await;
        assert!(list.contains(&format!("href=\"{page}\"")), "{list}");
        assert!(list.contains("НИ-2026-"), "{list}");
        let (status, body) = t.get(&social, &page).await;
        assert_eq!(status, 200);
        assert!(body.contains(NARRATIVE));
        let step = [("transition", "refer-for-identification"), ("version", "2")];
        let (status, _, body) = t
            .post(&social, &page, &format!("{page}/transition"), &step)
            .await;
        assert_eq!(status, 303, "{body}");

        // The Niš police no longer see it; the Niš coordinator still knows it exists (it is
        // the team's case), the Leskovac coordinator knows nothing of it.
        let (status, body) = t.get(&nis_police, &page).await;
        assert_eq!(status, 404);
        assert!(!body.contains("Милица"));
        let (status, body) = t.get(&t.signed_in("nis-coordinator").await, &page).await;
        assert_eq!(status, 200);
        assert!(!body.contains("Милица"));
        let (status, _) = t.get(&t.signed_in("le-coordinator").await, &page).await;
        assert_eq!(status, 404);
        t.finish().await;
    }
}

#[tokio::test]
async fn an_offer_declined_or_withdrawn_leaves_the_case_with_its_owner() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let social = t.signed_in("le-social").await;
        let page = report(&t, &police).await;

        // Declined with a reason: the police keep the case and read why.
        offer(&t, &police, &page, "Центар за социјални рад Лесковац").await;
        let id = offered(&t, &social).await;
        let decline = [
            ("action", "decline"),
            ("version", "1"),
            ("reason", "Особа није са нашег подручја"),
        ];
        let (status, location, _) = t
            .post(
                &social,
                "/inbox",
                &format!("/transfers/{id}/answer"),
                &decline,
            )
            .await;
        assert_eq!(status, 303);
        assert!(location.unwrap().contains("answered=transfer"));
        let (status, _) = t.get(&social, &page).await;
        assert_eq!(status, 404);
        let (_, body) = t.get(&police, &page).await;
        assert!(body.contains("Особа није са нашег подручја"));
        assert!(body.contains(&format!("action=\"{page}/transition")));

        // Offered again, then withdrawn: the offer leaves the receiver's inbox, and an
        // answer to it finds it answered.
        offer(&t, &police, &page, "Центар за социјални рад Лесковац").await;
        let id = offered(&t, &social).await;
        let withdraw = format!("{page}/transfers/withdraw");
        let (status, _, _) = t
            .post(&social, "/inbox", &withdraw, &[("version", "1")])
            .await;
        assert_eq!(status, 404, "only the owner withdraws");
        let (status, location, _) = t.post(&police, &page, &withdraw, &[("version", "1")]).await;
        assert_eq!(status, 303);
        assert!(location.unwrap().contains("withdrawn=1"));
        let (_, inbox) = t.get(&social, "/inbox").await;
        assert!(!inbox.contains(REASON));
        let accept = [("action", "accept"), ("version", "2")];
        let (status, _, _) = t
            .post(
                &social,
                "/inbox",
                &format!("/transfers/{id}/answer"),
                &accept,
            )
            .await;
        assert_eq!(status, 422);
        let (status, _) = t.get(&social, &page).await;
        assert_eq!(status, 404);

        // A bad offer is refused with a message and saves nothing.
        let (status, _, body) = t
            .post(
                &police,
                &page,
                &format!("{page}/transfers"),
                &[("to_institution", ""), ("reason", "")],
            )
            .await;
        assert_eq!(status, 422);
        assert!(body.contains("id=\"transfer_to-error\""), "{body}");
        let (_, body) = t.get(&police, &page).await;
        assert!(!body.contains("Предаја чека одговор"));
        t.finish().await;
    }
}

#[tokio::test]
async fn the_forms_that_list_every_institution_come_when_asked_for() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let page = report(&t, &police).await;
        // The case page offers the transfer and the consent by a link each, without the
        // directory's lists (the referral form, the case's main step, keeps its own).
        let (_, plain) = t.get(&police, &page).await;
        assert!(plain.contains(&format!("href=\"{page}?form=transfer#transfer-form\"")));
        assert!(plain.contains(&format!("href=\"{page}?form=consent#consent-h\"")));
        assert!(!plain.contains("id=\"transfer_to\""));
        assert!(!plain.contains("name=\"institutions\""));
        assert!(plain.contains("id=\"to_institution\""));

        let (status, transfer) = t.get(&police, &format!("{page}?form=transfer")).await;
        assert_eq!(status, 200);
        assert!(transfer.contains("id=\"transfer_to\""));
        assert!(transfer.contains("Центар за социјални рад Лесковац"));
        assert!(!transfer.contains("name=\"institutions\""));

        let (_, consent) = t.get(&police, &format!("{page}?form=consent")).await;
        assert!(consent.contains("name=\"institutions\""));
        assert!(!consent.contains("id=\"transfer_to\""));
        assert!(plain.len() < consent.len() && plain.len() < transfer.len());

        // Nobody but the owner is offered either form by asking.
        let social = t.signed_in("le-social").await;
        let (status, _) = t.get(&social, &format!("{page}?form=transfer")).await;
        assert_eq!(status, 404);
        t.finish().await;
    }
}
