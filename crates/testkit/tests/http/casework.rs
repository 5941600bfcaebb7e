//! Case work over HTTP (issue 12): a refused referral opens at its form with a summary at
//! the top and survives the missing consent; a closed case shows its outcome and when it
//! closed; closing is confirmed with what is still open in view; a referral's purpose is
//! sealed and shown only to those it is shared with; the Centre that reports a child itself
//! gets a task, not a referral to itself; the two "refer" actions are named apart; receivers
//! read the consents that concern them. Every test runs on both engines.

use crate::case_pages::{case_of, option_value};
use spona_testkit::TestApp;

/// A purpose that describes the person: personal data.
const NICKNAME: &str = "Одазива се на надимак Цеца";

fn adult<'a>() -> Vec<(&'a str, &'a str)> {
    vec![
        ("reporter_kind", "team-official"),
        ("detected_on", "2026-11-27"),
        ("given_name", "Јована"),
        ("family_name", "Вукомановић"),
        ("sex", "female"),
        ("birth_date", "1990-04-02"),
    ]
}

fn child<'a>() -> Vec<(&'a str, &'a str)> {
    vec![
        ("reporter_kind", "school"),
        ("detected_on", "2026-11-27"),
        ("given_name", "Милица"),
        ("estimated_age", "15"),
        ("may_be_child", "on"),
    ]
}

/// A new adult case reported by the police, with its page and the CSW's and the health
/// centre's values in the referral form.
async fn police_case(t: &TestApp, police: &reqwest::Client) -> (String, String, String) {
    let (status, location, _) = t.post(police, "/cases/new", "/cases", &adult()).await;
    assert_eq!(status, 303);
    let page = format!("/cases/{}", case_of(&location));
    let (_, body) = t.get(police, &page).await;
    let csw = option_value(&body, "Центар за социјални рад Лесковац");
    let health = option_value(&body, "Дом здравља Лесковац");
    (page, csw, health)
}

#[tokio::test]
async fn a_refused_referral_opens_at_its_form_with_a_summary_linking_to_the_field() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let (page, csw, _) = police_case(&t, &police).await;
        let referrals = format!("{page}/referrals");
        let (_, body) = t.get(&police, &page).await;
        // The form posts to the page at itself, so a refusal opens there, not at the top.
        assert!(
            body.contains(&format!("action=\"{referrals}#referral-form\"")),
            "{body}"
        );
        assert!(body.contains("id=\"referral-form\""));
        assert!(
            !body.contains("class=\"error-summary\""),
            "nothing refused yet"
        );

        let typed = [
            ("to_institution", csw.as_str()),
            ("purpose", ""),
            ("parts", "identity"),
            ("urgency", "normal"),
            ("override_reason", "Хитан смештај"),
        ];
        let (status, _, body) = t.post(&police, &page, &referrals, &typed).await;
        assert_eq!(status, 422);
        let summary = body.find("class=\"error-summary\"").expect("a summary");
        let form = body.find("id=\"referral-form\"").expect("the form");
        assert!(summary < form, "the summary is at the top of the page");
        assert!(
            body[summary..form].contains("href=\"#purpose\""),
            "the summary links to the field"
        );
        assert!(body.contains("id=\"purpose-error\""));
        assert!(
            body.contains("value=\"identity\" checked"),
            "the rest is kept"
        );
        assert!(body.contains(">Хитан смештај</textarea>"));
        // Nothing was sent.
        assert!(body.contains("Случај још није упућен."));

        // Refused before anything is judged: another institution finds no such case, the
        // coordinator may not refer, and neither gets a summary of someone else's form.
        let social = t.signed_in("le-social").await;
        assert_eq!(
            t.post(&social, "/dashboard", &referrals, &typed).await.0,
            404
        );
        let coordinator = t.signed_in("le-coordinator").await;
        let (status, _, body) = t.post(&coordinator, "/dashboard", &referrals, &typed).await;
        assert_eq!(status, 403);
        assert!(!body.contains("error-summary"));
        t.finish().await;
    }
}

#[tokio::test]
async fn a_referral_refused_for_want_of_consent_comes_back_filled_after_the_consent() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let (page, csw, _) = police_case(&t, &police).await;
        let referrals = format!("{page}/referrals");
        let typed = [
            ("to_institution", csw.as_str()),
            ("purpose", NICKNAME),
            ("parts", "identity"),
            ("parts", "contact"),
            ("urgency", "urgent"),
        ];
        let (status, location, body) = t.post(&police, &page, &referrals, &typed).await;
        assert_eq!((status, location), (422, None), "no consent, no reason");
        assert!(body.contains("href=\"#override_reason\""));
        assert!(
            body.contains("href=\"#consent-h\""),
            "the way to the consent"
        );
        // The consent form carries the referral as hidden fields and is filled for it.
        for hidden in [
            format!("name=\"referral_to\" value=\"{csw}\""),
            format!("name=\"referral_purpose\" value=\"{NICKNAME}\""),
            "name=\"referral_parts\" value=\"identity\"".to_string(),
            "name=\"referral_parts\" value=\"contact\"".to_string(),
            "name=\"referral_urgency\" value=\"urgent\"".to_string(),
        ] {
            assert!(body.contains(&hidden), "{hidden}");
        }
        assert!(body.contains(&format!(
            "id=\"consent-institution-{csw}\" name=\"institutions\" value=\"{csw}\" checked"
        )));
        assert!(
            body.contains("id=\"consent-part-contact\" name=\"parts\" value=\"contact\" checked")
        );

        let consent = [
            ("given_by", "person"),
            ("explained", "Објашњено шта се дели са Центром."),
            ("parts", "identity"),
            ("parts", "contact"),
            ("institutions", csw.as_str()),
            ("given_on", "2026-11-28"),
            ("referral_to", csw.as_str()),
            ("referral_purpose", NICKNAME),
            ("referral_parts", "identity"),
            ("referral_parts", "contact"),
            ("referral_urgency", "urgent"),
        ];
        let consents = format!("{page}/consents");
        // A refused consent keeps the draft too.
        let mut bad = consent.to_vec();
        bad.retain(|(k, _)| *k != "explained");
        let (status, _, body) = t.post(&police, &page, &consents, &bad).await;
        assert_eq!(status, 422);
        assert!(body.contains(&format!("name=\"referral_purpose\" value=\"{NICKNAME}\"")));
        assert!(body.contains("href=\"#consent-explained\""));

        let (status, location, body) = t.post(&police, &page, &consents, &consent).await;
        assert_eq!(
            (status, location),
            (200, None),
            "no address carries the draft"
        );
        assert!(body.contains("Сагласност је уписана. Упућивање које сте почели попуњено је испод"));
        assert!(
            body.contains(&format!(">{NICKNAME}</textarea>")),
            "the purpose is back"
        );
        assert!(body.contains("value=\"contact\" checked"));
        assert!(body.contains("value=\"urgent\" selected"));
        // The referral now goes, covered by the consent, without a reason.
        let (status, location, _) = t.post(&police, &page, &referrals, &typed).await;
        assert_eq!(status, 303);
        let to = location.unwrap();
        assert!(to.contains("referred=") && !to.contains("Цеца"), "{to}");
        let (_, body) = t.get(&police, &page).await;
        assert_eq!(body.matches("class=\"card referral").count(), 1);
        assert!(body.contains(NICKNAME));
        t.finish().await;
    }
}

#[tokio::test]
async fn a_closed_case_shows_its_outcome_and_when_it_closed_to_whoever_may_open_it() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let (page, _, _) = police_case(&t, &police).await;
        let transition = format!("{page}/transition");
        for (step, version) in [
            ("refer-for-identification", "1"),
            ("record-outcome-not-a-victim", "2"),
        ] {
            let fields = [("transition", step), ("version", version)];
            assert_eq!(t.post(&police, &page, &transition, &fields).await.0, 303);
        }
        let close = [
            ("transition", "close"),
            ("version", "3"),
            ("confirm", "yes"),
        ];
        let (status, location, _) = t.post(&police, &page, &transition, &close).await;
        assert_eq!(status, 303);
        assert_eq!(
            location.as_deref(),
            Some(format!("{page}?moved=1#top").as_str())
        );
        let (_, body) = t.get(&police, &page).await;
        assert!(
            body.contains("Затворено: нема елемената трговине људима"),
            "{body}"
        );
        assert!(
            body.contains("<dt>Исход идентификације</dt><dd>нема елемената трговине људима</dd>")
        );
        assert!(body.contains("<dt>Затворено</dt><dd>28.11.2026."), "{body}");
        // The coordinator, who sees the state, sees how it ended; the list says it too.
        let coordinator = t.signed_in("le-coordinator").await;
        let (_, body) = t.get(&coordinator, &page).await;
        assert!(body.contains("Затворено: нема елемената трговине људима"));
        let (_, list) = t.get(&police, "/cases").await;
        assert!(list.contains("Затворено: нема елемената трговине људима"));
        // In English as well.
        t.post(
            &police,
            "/dashboard",
            "/lang",
            &[("lang", "en"), ("next", "/cases")],
        )
        .await;
        let (_, body) = t.get(&police, &page).await;
        assert!(
            body.contains("Closed: no elements of trafficking"),
            "{body}"
        );
        // Outside the case's need-to-know, nothing at all.
        let social = t.signed_in("le-social").await;
        assert_eq!(t.get(&social, &page).await.0, 404);
        let member = t.signed_in("le-member").await;
        assert_eq!(t.get(&member, &page).await.0, 403);

        // Reopened, the case no longer shows the old outcome or a closing time.
        let reopen = [("transition", "reopen"), ("version", "4")];
        assert_eq!(t.post(&police, &page, &transition, &reopen).await.0, 303);
        let (_, body) = t.get(&police, &page).await;
        assert!(!body.contains("Outcome of identification"));
        assert!(!body.contains("<dt>Closed</dt>"));
        t.finish().await;
    }
}

#[tokio::test]
async fn closing_asks_for_confirmation_and_lists_what_is_still_open() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let (page, _, health) = police_case(&t, &police).await;
        let transition = format!("{page}/transition");
        let service = [
            ("service_type", "accommodation"),
            ("provider", "Прихватилиште (демо)"),
            ("starts_on", "2026-11-28"),
            ("ends_on", ""),
            ("status", "ongoing"),
        ];
        assert_eq!(
            t.post(&police, &page, &format!("{page}/services"), &service)
                .await
                .0,
            303
        );
        let follow_up = [("due_on", "2026-12-15"), ("note", "Посета")];
        assert_eq!(
            t.post(&police, &page, &format!("{page}/follow-ups"), &follow_up)
                .await
                .0,
            303
        );
        let referral = [
            ("to_institution", health.as_str()),
            ("purpose", "Преглед"),
            ("parts", "identity"),
            ("urgency", "normal"),
            ("override_reason", "Хитан преглед"),
        ];
        assert_eq!(
            t.post(&police, &page, &format!("{page}/referrals"), &referral)
                .await
                .0,
            303
        );
        for (step, version) in [
            ("refer-for-identification", "1"),
            ("record-outcome-dismissed", "2"),
        ] {
            let fields = [("transition", step), ("version", version)];
            assert_eq!(t.post(&police, &page, &transition, &fields).await.0, 303);
        }
        // "Close" leads to the confirmation, not straight to closing.
        let (_, body) = t.get(&police, &page).await;
        assert!(body.contains(&format!("href=\"{page}?closing=1#close-confirm\"")));
        assert!(!body.contains("value=\"close\""), "no one-click close");
        let (status, body) = t.get(&police, &format!("{page}?closing=1")).await;
        assert_eq!(status, 200);
        let confirm = &body[body.find("id=\"close-confirm\"").expect("the confirmation")..];
        assert!(confirm.contains("Још је отворено:"));
        assert!(confirm.contains("Смештај (У току)"), "{confirm}");
        assert!(confirm.contains("<strong>Праћење</strong>: 15.12.2026."));
        assert!(
            confirm.contains("<strong>Упућивање</strong>: ДЗ"),
            "{confirm}"
        );
        assert!(confirm.contains("name=\"confirm\" value=\"yes\""));

        // A close posted without confirming changes nothing and shows the same list.
        let unconfirmed = [("transition", "close"), ("version", "3")];
        let (status, _, body) = t.post(&police, &page, &transition, &unconfirmed).await;
        assert_eq!(status, 422);
        assert!(body.contains("href=\"#close-confirm\""), "in the summary");
        assert!(body.contains("Смештај (У току)"));
        let (_, body) = t.get(&police, &page).await;
        assert!(body.contains("Исход: пријава одбачена"), "still open");

        // Nobody else may close, confirmed or not.
        let confirmed = [
            ("transition", "close"),
            ("version", "3"),
            ("confirm", "yes"),
        ];
        let social = t.signed_in("le-social").await;
        assert_eq!(
            t.post(&social, "/dashboard", &transition, &confirmed)
                .await
                .0,
            404
        );
        let coordinator = t.signed_in("le-coordinator").await;
        assert_eq!(
            t.post(&coordinator, "/dashboard", &transition, &confirmed)
                .await
                .0,
            403
        );
        let (status, body) = t.get(&coordinator, &format!("{page}?closing=1")).await;
        assert_eq!(status, 200);
        assert!(
            !body.contains("close-confirm"),
            "no confirmation for a reader"
        );

        assert_eq!(t.post(&police, &page, &transition, &confirmed).await.0, 303);
        let (_, body) = t.get(&police, &page).await;
        assert!(body.contains("Затворено: пријава одбачена"));
        t.finish().await;
    }
}

#[tokio::test]
async fn a_referral_purpose_is_sealed_and_shown_only_to_those_it_is_shared_with() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let (page, csw, health) = police_case(&t, &police).await;
        let referrals = format!("{page}/referrals");
        for (to, purpose) in [(&csw, NICKNAME), (&health, "Преглед због повреде шаке")]
        {
            let fields = [
                ("to_institution", to.as_str()),
                ("purpose", purpose),
                ("parts", "identity"),
                ("urgency", "normal"),
                ("override_reason", "Хитно"),
            ];
            assert_eq!(t.post(&police, &page, &referrals, &fields).await.0, 303);
        }
        // Stored sealed: neither column holds the words.
        let mut c = t.db().conn().await.unwrap();
        let stored: Vec<(String, String)> =
            sqlx::query_as("SELECT purpose, sealed_purpose FROM referrals ORDER BY id")
                .fetch_all(&mut *c)
                .await
                .unwrap();
        drop(c);
        let mine: Vec<_> = stored.iter().rev().take(2).collect();
        for (plain, sealed) in mine {
            assert_eq!(plain, "");
            assert!(!sealed.is_empty() && !sealed.contains("Цеца") && !sealed.contains("шаке"));
        }

        // The owner reads both.
        let (_, body) = t.get(&police, &page).await;
        assert!(body.contains(NICKNAME) && body.contains("Преглед због повреде шаке"));
        // The receiver reads its own, on the case and in its inbox; never the other's.
        let social = t.signed_in("le-social").await;
        let (_, body) = t.get(&social, &page).await;
        assert!(body.contains(NICKNAME), "{body}");
        assert!(!body.contains("шаке"), "another receiver's purpose");
        // Sent without a consent: the receiver is told that none concerns it.
        let consents = &body[body.find("id=\"consent-h\"").expect("the consent section")..];
        assert!(
            consents.contains("Сагласност још није уписана."),
            "{consents}"
        );
        let (_, inbox) = t.get(&social, "/inbox").await;
        assert!(inbox.contains(NICKNAME) && !inbox.contains("шаке"));
        let (_, dashboard) = t.get(&social, "/dashboard").await;
        assert!(dashboard.contains(NICKNAME));
        // The coordinator (of the Centre's own institution) sees that the case exists and
        // that it was referred to the Centre, but not why.
        let coordinator = t.signed_in("le-coordinator").await;
        let (status, body) = t.get(&coordinator, &page).await;
        assert_eq!(status, 200);
        assert!(!body.contains("Цеца") && !body.contains("шаке"), "{body}");
        assert!(body.contains("Сврху виде само институције које раде на случају."));
        // Assigned by the owner, the coordinator reads the case, the purpose with it.
        let user = option_value(&t.get(&police, &page).await.1, "Милена Стојановић");
        let assign = format!("{page}/assignments");
        assert_eq!(
            t.post(&police, &page, &assign, &[("user", user.as_str())])
                .await
                .0,
            303
        );
        let (_, body) = t.get(&coordinator, &page).await;
        assert!(body.contains(NICKNAME));
        assert!(
            !body.contains("id=\"consent-h\""),
            "the coordinator reads no consent"
        );
        // The Niš team finds nothing.
        let nis = t.signed_in("nis-coordinator").await;
        let (status, body) = t.get(&nis, &page).await;
        assert_eq!(status, 404);
        assert!(!body.contains("Цеца"));

        // Declined, the referral no longer shares the case: the purpose leaves the inbox.
        let (_, inbox) = t.get(&social, "/inbox").await;
        let marker = "action=\"/referrals/";
        let at = inbox.find(marker).unwrap() + marker.len();
        let id: i64 = inbox[at..].split('/').next().unwrap().parse().unwrap();
        let decline = [
            ("action", "decline"),
            ("reason", "Нисмо надлежни"),
            ("version", "1"),
        ];
        let answer = format!("/referrals/{id}/answer");
        assert_eq!(t.post(&social, "/inbox", &answer, &decline).await.0, 303);
        let (_, inbox) = t.get(&social, "/inbox").await;
        assert!(!inbox.contains("Цеца"), "{inbox}");
        t.finish().await;
    }
}

#[tokio::test]
async fn a_plain_purpose_of_an_earlier_release_still_opens_and_is_sealed_at_start() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let (page, csw, _) = police_case(&t, &police).await;
        let fields = [
            ("to_institution", csw.as_str()),
            ("purpose", "нови"),
            ("parts", "identity"),
            ("urgency", "normal"),
            ("override_reason", "Хитно"),
        ];
        assert_eq!(
            t.post(&police, &page, &format!("{page}/referrals"), &fields)
                .await
                .0,
            303
        );
        // The row as an earlier release wrote it: the purpose in plain text, nothing sealed.
        let id: i64 = {
            let mut c = t.db().conn().await.unwrap();
            let id: i64 = sqlx::query_scalar("SELECT MAX(id) FROM referrals")
                .fetch_one(&mut *c)
                .await
                .unwrap();
            sqlx::query("UPDATE referrals SET purpose = $1, sealed_purpose = '' WHERE id = $2")
                .bind(NICKNAME)
                .bind(id)
                .execute(&mut *c)
                .await
                .unwrap();
            id
        };
        // Until the upgrade step runs, it reads as before, under the same rules.
        let (_, body) = t.get(&police, &page).await;
        assert!(body.contains(NICKNAME));
        let coordinator = t.signed_in("le-coordinator").await;
        assert!(!t.get(&coordinator, &page).await.1.contains("Цеца"));

        assert_eq!(t.app.seal_plain_purposes().await.unwrap(), 1);
        assert_eq!(t.app.seal_plain_purposes().await.unwrap(), 0, "once only");
        let mut c = t.db().conn().await.unwrap();
        let (plain, sealed): (String, String) =
            sqlx::query_as("SELECT purpose, sealed_purpose FROM referrals WHERE id = $1")
                .bind(id)
                .fetch_one(&mut *c)
                .await
                .unwrap();
        let audited: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'referral-purpose-sealed'",
        )
        .fetch_one(&mut *c)
        .await
        .unwrap();
        drop(c);
        assert_eq!(plain, "");
        assert!(!sealed.is_empty() && !sealed.contains("Цеца"));
        assert_eq!(audited, 1);
        let (_, body) = t.get(&police, &page).await;
        assert!(body.contains(NICKNAME), "it opens sealed");
        let social = t.signed_in("le-social").await;
        assert!(t.get(&social, "/inbox").await.1.contains(NICKNAME));
        assert!(!t.get(&coordinator, &page).await.1.contains("Цеца"));
        t.finish().await;
    }
}

#[tokio::test]
async fn the_centre_reporting_a_child_itself_gets_a_task_not_a_referral_to_itself() {
    for t in TestApp::every_engine().await {
        let social = t.signed_in("le-social").await;
        let (status, location, _) = t.post(&social, "/cases/new", "/cases", &child()).await;
        assert_eq!(status, 303);
        let to = location.clone().unwrap();
        assert!(to.contains("protocol=task"), "{to}");
        let case = case_of(&location);
        let (_, body) = t.get(&social, &to).await;
        assert!(body.contains("протокол му је отворио задатак неодложне интервенције"));
        assert!(body.contains("Неодложна интервенција центра (протокол заштите)"));
        assert!(
            body.contains("Уписати привременог старатеља"),
            "the guardian task"
        );
        assert_eq!(body.matches("class=\"card referral").count(), 0, "{body}");
        let (_, inbox) = t.get(&social, "/inbox").await;
        assert!(
            !inbox.contains(&format!("href=\"/cases/{case}\"")),
            "not waiting for itself"
        );
        let mut c = t.db().conn().await.unwrap();
        let referrals: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM referrals WHERE case_id = $1")
                .bind(case)
                .fetch_one(&mut *c)
                .await
                .unwrap();
        drop(c);
        assert_eq!(referrals, 0);
        // The Centre marks its task done when it has intervened; the guardian task is
        // completed by recording the guardian, not by hand.
        let marker = format!("action=\"/cases/{case}/tasks/");
        assert_eq!(
            body.matches(&marker).count(),
            1,
            "only the intervention: {body}"
        );
        let at = body.find(&marker).unwrap() + marker.len();
        let task: i64 = body[at..].split('/').next().unwrap().parse().unwrap();
        let done = format!("/cases/{case}/tasks/{task}/done");
        let police = t.signed_in("le-police").await;
        assert_eq!(t.post(&police, "/dashboard", &done, &[]).await.0, 404);
        let coordinator = t.signed_in("le-coordinator").await;
        assert_eq!(t.post(&coordinator, "/dashboard", &done, &[]).await.0, 403);
        let (status, location, _) = t.post(&social, &to, &done, &[]).await;
        assert_eq!(status, 303);
        assert_eq!(
            location.as_deref(),
            Some(format!("/cases/{case}?saved=task#tasks-h").as_str())
        );
        let (_, body) = t.get(&social, &format!("/cases/{case}?saved=task")).await;
        assert!(body.contains("Задатак је означен као урађен."));
        assert!(!body.contains(&marker), "nothing left to mark");
        assert_eq!(
            t.post(&social, "/dashboard", &done, &[]).await.0,
            404,
            "done once"
        );
        // Another institution's report of a child still refers it to the Centre at once,
        // and the police get no task of the Centre's.
        let (_, location, _) = t.post(&police, "/cases/new", "/cases", &child()).await;
        assert!(location.as_deref().unwrap().contains("protocol=1"));
        let (_, body) = t.get(&police, location.as_deref().unwrap()).await;
        assert!(!body.contains("Неодложна интервенција центра"));
        assert_eq!(body.matches("class=\"card referral").count(), 1);
        // The Centre's own child case stays out of the police's sight.
        assert_eq!(t.get(&police, &format!("/cases/{case}")).await.0, 404);
        t.finish().await;
    }
}

#[tokio::test]
async fn the_state_step_and_the_referral_have_names_that_cannot_be_confused() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let (page, _, _) = police_case(&t, &police).await;
        let (_, body) = t.get(&police, &page).await;
        assert!(body.contains("Упиши корак: предато на формалну идентификацију"));
        assert!(body.contains("Упућивање институцији тима (дељење делова записа)"));
        assert!(!body.contains(">Упути на идентификацију<") && !body.contains(">Упути случај<"));
        assert!(body.contains("Ништа се не шаље другој институцији"));
        t.post(
            &police,
            "/dashboard",
            "/lang",
            &[("lang", "en"), ("next", "/cases")],
        )
        .await;
        let (_, body) = t.get(&police, &page).await;
        assert!(body.contains("Record step: handed over for formal identification"));
        assert!(body.contains("Referral to a team institution (sharing parts of the record)"));
        // Neither is offered to someone who does not own the case.
        let coordinator = t.signed_in("le-coordinator").await;
        let (_, body) = t.get(&coordinator, &page).await;
        assert!(
            !body.contains("формалну идентификацију")
                && !body.contains("Упућивање институцији тима")
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn receivers_read_the_consents_that_concern_them_and_nothing_else() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let (page, csw, health) = police_case(&t, &police).await;
        let consents = format!("{page}/consents");
        let both = [
            ("given_by", "person"),
            ("explained", "Објашњено за Центар и Дом здравља."),
            ("parts", "identity"),
            ("institutions", csw.as_str()),
            ("institutions", health.as_str()),
            ("given_on", "2026-11-27"),
        ];
        let health_only = [
            ("given_by", "person"),
            ("explained", "Објашњено само за Дом здравља."),
            ("parts", "contact"),
            ("institutions", health.as_str()),
            ("given_on", "2026-11-27"),
        ];
        for consent in [&both[..], &health_only[..]] {
            assert_eq!(t.post(&police, &page, &consents, consent).await.0, 303);
        }
        let referral = [
            ("to_institution", csw.as_str()),
            ("purpose", "Смештај"),
            ("parts", "identity"),
            ("urgency", "normal"),
        ];
        assert_eq!(
            t.post(&police, &page, &format!("{page}/referrals"), &referral)
                .await
                .0,
            303,
            "covered by the first consent"
        );
        let social = t.signed_in("le-social").await;
        let (_, body) = t.get(&social, &page).await;
        let section = &body[body.find("id=\"consent-h\"").expect("a consent section")..];
        let section = &section[..section.find("</section>").unwrap()];
        assert!(section.contains("Објашњено за Центар и Дом здравља."));
        assert!(
            section.contains("Приказане су само сагласности које се односе на вашу институцију.")
        );
        assert!(!section.contains("само за Дом здравља"), "not its concern");
        assert!(section.contains("<dd>ЦСР"), "{section}");
        assert!(
            !section.contains("ДЗ"),
            "the other institutions it names stay unnamed"
        );
        assert!(
            !section.contains("/withdraw") && !section.contains("/consents\""),
            "read only"
        );
        // The owner reads both, with the forms.
        let (_, body) = t.get(&police, &page).await;
        assert!(body.contains("само за Дом здравља") && body.contains("/withdraw"));
        // The coordinator reads no consent.
        let coordinator = t.signed_in("le-coordinator").await;
        let (_, body) = t.get(&coordinator, &page).await;
        assert!(!body.contains("id=\"consent-h\"") && !body.contains("Објашњено"));
        // A receiver may not record or withdraw one.
        let (status, _, _) = t.post(&social, &page, &consents, &both).await;
        assert_eq!(status, 403);
        t.finish().await;
    }
}
