//! Cases over HTTP: who may open which page or make which move, the report with the child
//! protocol, the receiver's inbox and answer, need-to-know on every page, bad input.

use crate::case_pages::{case_of, option_value};
use spona_domain::cases::is_stigmatising;
use spona_testkit::TestApp;

const NEW: &str = "/cases/new";

fn adult<'a>() -> Vec<(&'a str, &'a str)> {
    vec![
        ("reporter_kind", "team-official"),
        ("detected_on", "2026-11-27"),
        ("detected_place", "Аутобуска станица"),
        ("given_name", "Јована"),
        ("family_name", "Вукомановић"),
        ("sex", "female"),
        ("birth_date", "1990-04-02"),
        ("whereabouts", "Прихватилиште у Лесковцу"),
        (
            "narrative",
            "Пронађена на аутобуској станици без докумената.",
        ),
    ]
}

fn child<'a>() -> Vec<(&'a str, &'a str)> {
    vec![
        ("reporter_kind", "school"),
        ("reporter_detail", "ОШ „Вук Караџић“, педагог"),
        ("detected_on", "2026-11-27"),
        ("given_name", "Милица"),
        ("family_name", "Стојковић"),
        ("estimated_age", "15"),
        ("may_be_child", "on"),
    ]
}

/// The id of the first referral answer form on the page.
fn referral_of(page: &str) -> i64 {
    let marker = "action=\"/referrals/";
    let at = page.find(marker).expect("an answer form") + marker.len();
    let rest = &page[at..];
    rest[..rest.find('/').unwrap()].parse().unwrap()
}

async fn report(
    t: &TestApp,
    c: &reqwest::Client,
    fields: &[(&str, &str)],
) -> (u16, Option<String>, String) {
    t.post(c, "/dashboard", "/cases", fields).await
}

#[tokio::test]
async fn every_role_gets_exactly_its_doors_to_cases_on_every_engine() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let (status, location, _) = report(&t, &police, &adult()).await;
        assert_eq!(status, 303);
        let case = case_of(&location);
        let (_, page) = t.get(&police, &format!("/cases/{case}")).await;
        let health = option_value(&page, "Дом здравља Лесковац");
        let case_page = format!("/cases/{case}");
        let transition = format!("/cases/{case}/transition");
        let referrals = format!("/cases/{case}/referrals");

        // (user, list, new form, report, the police case, a step, a referral, inbox)
        let matrix: [(&str, [u16; 7]); 7] = [
            ("le-police", [200, 200, 303, 200, 303, 303, 200]),
            ("le-social", [200, 200, 303, 404, 404, 404, 200]),
            ("le-coordinator", [200, 403, 403, 200, 403, 403, 403]),
            // Inside the team, a role without the cases section is refused it as such;
            // outside a team there are no cases at all.
            ("le-member", [403, 403, 403, 403, 403, 403, 403]),
            ("nis-coordinator", [200, 403, 403, 404, 404, 404, 403]),
            ("admin", [404, 404, 404, 404, 404, 404, 404]),
            ("national", [404, 404, 404, 404, 404, 404, 404]),
        ];
        for (user, expected) in matrix {
            let c = if user == "le-police" {
                police.clone()
            } else {
                t.signed_in(user).await
            };
            let step = [("transition", "refer-for-identification"), ("version", "1")];
            let referral = [
                ("to_institution", health.as_str()),
                ("purpose", "Здравствени преглед"),
                ("parts", "identity"),
                ("urgency", "normal"),
                ("override_reason", "Хитан здравствени преглед"),
            ];
            let got = [
                t.get(&c, "/cases").await.0,
                t.get(&c, NEW).await.0,
                report(&t, &c, &adult()).await.0,
                t.get(&c, &case_page).await.0,
                t.post(&c, "/dashboard", &transition, &step).await.0,
                t.post(&c, "/dashboard", &referrals, &referral).await.0,
                t.get(&c, "/inbox").await.0,
            ];
            assert_eq!(got, expected, "{user}");
        }
        // Nobody but the police changed the case: one step, one referral.
        let (_, page) = t.get(&police, &case_page).await;
        assert!(page.contains("Упућено на идентификацију"));
        assert_eq!(page.matches("class=\"card referral").count(), 1);
        t.finish().await;
    }
}

#[tokio::test]
async fn a_child_report_reaches_the_social_workers_inbox_at_once_and_is_accepted() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let (_, form) = t.get(&police, NEW).await;
        assert!(form.contains("name=\"may_be_child\""));
        assert!(form.contains("value=\"2026-11-28\""), "detected today");
        let (status, location, _) = report(&t, &police, &child()).await;
        assert_eq!(status, 303);
        let to = location.clone().unwrap();
        assert!(
            to.contains("reported=1") && to.contains("protocol=1"),
            "{to}"
        );
        let case = case_of(&location);
        let (status, page) = t.get(&police, &to).await;
        assert_eq!(status, 200);
        assert!(page.contains("Хитно упућивање је одмах послато центру за социјални рад."));
        assert!(page.contains("ЛЕ-2026-0001"));
        assert!(
            page.contains("Уписати привременог старатеља"),
            "the guardian task"
        );

        let social = t.signed_in("le-social").await;
        let (_, dashboard) = t.get(&social, "/dashboard").await;
        assert!(
            dashboard.contains(&format!("href=\"/cases/{case}\"")),
            "on the dashboard"
        );
        let (status, inbox) = t.get(&social, "/inbox").await;
        assert_eq!(status, 200);
        assert!(inbox.contains("ЛЕ-2026-0001"));
        assert!(inbox.contains("Протокол за децу"));
        assert!(inbox.contains("Хитно"));
        let referral = referral_of(&inbox);

        let (status, page) = t.get(&social, &format!("/cases/{case}")).await;
        assert_eq!(status, 200);
        assert!(page.contains("Милица"), "the protocol shares the record");

        // Declining needs a reason; the answer comes back with the error at the field.
        let answer = format!("/referrals/{referral}/answer");
        let case_field = case.to_string();
        let (status, _, page) = t
            .post(
                &social,
                "/inbox",
                &answer,
                &[("action", "decline"), ("reason", " "), ("version", "1")],
            )
            .await;
        assert_eq!(status, 422);
        assert!(page.contains(&format!("id=\"reason-{referral}-error\"")));

        let (status, location, _) = t
            .post(
                &social,
                "/inbox",
                &answer,
                &[
                    ("action", "accept"),
                    ("version", "1"),
                    ("case", &case_field),
                ],
            )
            .await;
        assert_eq!(status, 303);
        let (_, page) = t.get(&social, location.as_deref().unwrap()).await;
        assert!(page.contains("Одговор је сачуван."));
        assert!(page.contains("Прихваћено"));
        assert!(
            page.contains("Означи као завршено"),
            "an accepted referral can be completed"
        );

        // The same answer again is no longer possible; an answer on a stale version is an
        // edit conflict.
        let (status, _, page) = t
            .post(
                &social,
                "/inbox",
                &answer,
                &[("action", "accept"), ("version", "2")],
            )
            .await;
        assert_eq!(status, 422);
        assert!(page.contains("Тај одговор више није могућ"));
        let (status, _, page) = t
            .post(
                &social,
                "/inbox",
                &answer,
                &[("action", "complete"), ("version", "1")],
            )
            .await;
        assert_eq!(status, 409);
        assert!(page.contains("Неко други је у међувремену изменио овај запис."));
        // The police cannot answer for the Centre.
        let (status, _, _) = t
            .post(
                &police,
                "/dashboard",
                &answer,
                &[("action", "complete"), ("version", "2")],
            )
            .await;
        // The sender, who knows of the referral, is forbidden to answer it.
        assert_eq!(status, 403);
        t.finish().await;
    }
}

#[tokio::test]
async fn the_coordinator_sees_that_a_case_exists_but_never_the_name() {
    let t = TestApp::spawn().await;
    let police = t.signed_in("le-police").await;
    let (_, location, _) = report(&t, &police, &adult()).await;
    let case = case_of(&location);
    let (_, mine) = t.get(&police, "/cases").await;
    assert!(
        mine.contains("Јована Вукомановић"),
        "the owner sees the name"
    );

    let coordinator = t.signed_in("le-coordinator").await;
    let (status, list) = t.get(&coordinator, "/cases").await;
    assert_eq!(status, 200);
    assert!(list.contains("ЛЕ-2026-0001"));
    assert!(!list.contains("Јована") && !list.contains("Вукомановић"));
    assert!(
        !list.contains("href=\"/cases/new\""),
        "the coordinator does not report"
    );
    let (status, page) = t.get(&coordinator, &format!("/cases/{case}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Лични подаци се виде само институцијама које раде на случају."));
    for secret in [
        "Јована",
        "Вукомановић",
        "Прихватилиште",
        "аутобуској",
        "02.04.1990.",
    ] {
        assert!(!page.contains(secret), "{secret}");
    }
    assert!(
        !page.contains("/transition"),
        "no steps for the coordinator"
    );

    let nis = t.signed_in("nis-coordinator").await;
    assert_eq!(t.get(&nis, &format!("/cases/{case}")).await.0, 404);
    let (_, list) = t.get(&nis, "/cases").await;
    assert!(!list.contains("ЛЕ-2026-0001"));
    t.finish().await;
}

#[tokio::test]
async fn a_future_birth_date_is_refused_at_its_field_and_nothing_is_saved() {
    let t = TestApp::spawn().await;
    let police = t.signed_in("le-police").await;
    let mut bad = adult();
    bad.retain(|(k, _)| *k != "birth_date");
    bad.push(("birth_date", "2030-01-01"));
    let (status, _, page) = report(&t, &police, &bad).await;
    assert_eq!(status, 422);
    assert!(page.contains("id=\"birth_date-error\""));
    assert!(page.contains("aria-describedby=birth_date-error"));
    assert!(
        page.contains("value=\"Вукомановић\""),
        "what was typed is kept"
    );
    assert!(page.contains("Прихватилиште у Лесковцу"));
    let (_, list) = t.get(&police, "/cases").await;
    assert!(list.contains("Још нема ниједног случаја."));

    // Neither a name nor a description: the error stands at the person's section.
    let nameless = [("reporter_kind", "citizen"), ("detected_on", "2026-11-27")];
    let (status, _, page) = report(&t, &police, &nameless).await;
    assert_eq!(status, 422);
    assert!(page.contains("id=\"person-error\""));
    assert!(page.contains("Упишите име, друго име или опис лица."));
    t.finish().await;
}

#[tokio::test]
async fn a_group_of_checkboxes_posts_every_ticked_form_of_exploitation() {
    let t = TestApp::spawn().await;
    let police = t.signed_in("le-police").await;
    let mut fields = adult();
    fields.extend([
        ("exploitation_forms", "labour"),
        ("exploitation_forms", "forced-begging"),
    ]);
    let (status, location, _) = report(&t, &police, &fields).await;
    assert_eq!(status, 303);
    let (_, page) = t.get(&police, location.as_deref().unwrap()).await;
    assert!(
        page.contains("Радна експлоатација, Принудно просјачење"),
        "{page}"
    );

    // An unknown form is refused and the ticked ones stay ticked.
    fields.push(("exploitation_forms", "smuggling"));
    let (status, _, page) = report(&t, &police, &fields).await;
    assert_eq!(status, 422);
    assert!(page.contains("id=\"exploitation_forms-error\""));
    assert!(page.contains("value=\"labour\" checked"));
    t.finish().await;
}

#[tokio::test]
async fn a_referral_shares_only_the_parts_chosen_and_the_steps_follow_the_state_machine() {
    let t = TestApp::spawn().await;
    let police = t.signed_in("le-police").await;
    let (_, location, _) = report(&t, &police, &adult()).await;
    let case = case_of(&location);
    let case_page = format!("/cases/{case}");
    let referrals = format!("/cases/{case}/referrals");
    let (_, page) = t.get(&police, &case_page).await;
    let csw = option_value(&page, "Центар за социјални рад Лесковац");
    assert!(
        !page.contains("\">Полицијска управа Лесковац</option>"),
        "not to itself"
    );

    let (status, _, page) = t
        .post(
            &police,
            &case_page,
            &referrals,
            &[
                ("to_institution", &csw),
                ("purpose", "Смештај"),
                ("urgency", "normal"),
            ],
        )
        .await;
    assert_eq!(status, 422, "nothing chosen to share");
    assert!(page.contains("id=\"parts-error\""));
    assert!(page.contains(">Смештај</textarea>"), "the purpose is kept");

    let fields = [
        ("to_institution", csw.as_str()),
        ("purpose", "Смештај и психосоцијална подршка"),
        ("parts", "identity"),
        ("parts", "contact"),
        ("urgency", "normal"),
    ];
    let (status, _, page) = t.post(&police, &case_page, &referrals, &fields).await;
    assert_eq!(status, 422, "no consent covers it and no reason is given");
    assert!(page.contains("id=\"override_reason-error\""));
    assert!(
        page.contains("value=\"contact\" checked"),
        "the parts stay ticked"
    );
    let mut with_reason = fields.to_vec();
    with_reason.push(("override_reason", "Хитан смештај, законска обавеза"));
    let (status, _, _) = t.post(&police, &case_page, &referrals, &with_reason).await;
    assert_eq!(status, 303);
    let social = t.signed_in("le-social").await;
    let (status, page) = t.get(&social, &case_page).await;
    assert_eq!(status, 200);
    assert!(page.contains("Јована") && page.contains("Прихватилиште у Лесковцу"));
    assert!(
        !page.contains("аутобуској"),
        "the circumstances are not shared"
    );
    assert_eq!(
        page.matches("Није подељено са вашом институцијом.").count(),
        2
    );

    let step =
        |code: &'static str, version: &'static str| [("transition", code), ("version", version)];
    let transition = format!("/cases/{case}/transition");
    let (status, _, page) = t
        .post(
            &police,
            &case_page,
            &transition,
            &step("start-assistance", "1"),
        )
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("Тај корак није могућ из тренутног стања случаја."));
    let (status, _, _) = t
        .post(
            &police,
            &case_page,
            &transition,
            &step("refer-for-identification", "1"),
        )
        .await;
    assert_eq!(status, 303);
    let (status, _, page) = t
        .post(
            &police,
            &case_page,
            &transition,
            &step("record-outcome-pending", "1"),
        )
        .await;
    assert_eq!(status, 409, "a stale version");
    assert!(page.contains("Неко други је у међувремену изменио овај запис."));
    t.finish().await;
}

#[tokio::test]
async fn no_case_page_labels_the_person_in_any_language() {
    let t = TestApp::spawn().await;
    let police = t.signed_in("le-police").await;
    let (_, location, _) = report(&t, &police, &child()).await;
    let case = case_of(&location);
    let social = t.signed_in("le-social").await;
    let coordinator = t.signed_in("le-coordinator").await;
    let mut bad = adult();
    bad.retain(|(k, _)| *k != "birth_date");
    bad.push(("birth_date", "2030-01-01"));
    for lang in ["sr-Cyrl", "sr-Latn", "en"] {
        for c in [&police, &social, &coordinator] {
            t.post(
                c,
                "/dashboard",
                "/lang",
                &[("lang", lang), ("next", "/cases")],
            )
            .await;
            for path in [
                "/dashboard".to_string(),
                "/cases".to_string(),
                NEW.to_string(),
                format!("/cases/{case}?reported=1&protocol=1"),
                "/inbox".to_string(),
            ] {
                let (_, page) = t.get(c, &path).await;
                assert!(!is_stigmatising(&page), "{lang} {path}");
            }
        }
        let (_, _, page) = report(&t, &police, &bad).await;
        assert!(!is_stigmatising(&page), "{lang} refused report");
    }
    // In Latin and English the code is written in Latin letters.
    let (_, page) = t.get(&police, "/cases").await;
    assert!(page.contains("LE-2026-0001"), "{page}");
    t.finish().await;
}

#[tokio::test]
async fn the_owner_edits_a_report_and_a_second_stale_save_is_told_keeping_what_was_typed() {
    let t = TestApp::spawn().await;
    let police = t.signed_in("le-police").await;
    let (status, location, _) = report(&t, &police, &adult()).await;
    assert_eq!(status, 303);
    let id = case_of(&location);
    let (status, page) = t.get(&police, &format!("/cases/{id}")).await;
    assert_eq!(status, 200);
    assert!(
        page.contains(&format!("/cases/{id}/edit")),
        "the owner sees the edit link"
    );
    let (status, form) = t.get(&police, &format!("/cases/{id}/edit")).await;
    assert_eq!(status, 200);
    assert!(
        form.contains("value=\"Јована\""),
        "the form holds the report"
    );
    assert!(form.contains("version=1"));

    let mut first = adult();
    first.retain(|(k, _)| *k != "whereabouts");
    first.push(("whereabouts", "Нова адреса"));
    let edit = format!("/cases/{id}/edit");
    let (status, location, _) = t
        .post(&police, &edit, &format!("{edit}?version=1"), &first)
        .await;
    assert_eq!(
        (status, location.as_deref()),
        (303, Some(format!("/cases/{id}?saved=report").as_str()))
    );
    let (_, page) = t.get(&police, &format!("/cases/{id}")).await;
    assert!(page.contains("Нова адреса"));

    let mut second = adult();
    second.retain(|(k, _)| *k != "narrative");
    second.push(("narrative", "Измена другог службеника"));
    let (status, _, page) = t
        .post(&police, &edit, &format!("{edit}?version=1"), &second)
        .await;
    assert_eq!(status, 422);
    assert!(
        page.contains("Измена другог службеника"),
        "what was typed is kept"
    );
    assert!(
        page.contains("version=2"),
        "the form now carries the current version"
    );
    let (_, page) = t.get(&police, &format!("/cases/{id}")).await;
    assert!(
        !page.contains("Измена другог службеника"),
        "nothing overwritten"
    );

    // An edit that leaves neither a name nor a description is told so, as a new report is.
    let mut nameless = adult();
    nameless.retain(|(k, _)| !matches!(*k, "given_name" | "family_name"));
    let (status, _, page) = t
        .post(&police, &edit, &format!("{edit}?version=2"), &nameless)
        .await;
    assert_eq!(status, 422);
    assert!(
        page.contains("Упишите име, друго име или опис лица."),
        "{page}"
    );

    let social = t.signed_in("le-social").await;
    assert_eq!(t.get(&social, &edit).await.0, 404);
    let coordinator = t.signed_in("le-coordinator").await;
    assert_eq!(t.get(&coordinator, &edit).await.0, 403);
    t.finish().await;
}

#[tokio::test]
async fn the_owner_opens_a_case_to_the_coordinator_and_closes_it_again() {
    let t = TestApp::spawn().await;
    let police = t.signed_in("le-police").await;
    let (_, location, _) = report(&t, &police, &adult()).await;
    let id = case_of(&location);
    let coordinator = t.signed_in("le-coordinator").await;
    let (_, page) = t.get(&coordinator, &format!("/cases/{id}")).await;
    assert!(!page.contains("Јована"), "existence only");
    let (_, page) = t.get(&police, &format!("/cases/{id}")).await;
    let user = option_value(&page, "Милена Стојановић");
    let path = format!("/cases/{id}");
    let (status, _, _) = t
        .post(
            &police,
            &path,
            &format!("{path}/assignments"),
            &[("user", user.as_str())],
        )
        .await;
    assert_eq!(status, 303);
    let (_, page) = t.get(&coordinator, &path).await;
    assert!(page.contains("Јована"), "assigned: reads the case");
    let (status, _, _) = t
        .post(
            &coordinator,
            &path,
            &format!("{path}/assignments"),
            &[("user", user.as_str())],
        )
        .await;
    assert_eq!(status, 403, "only the owner assigns");
    let (status, _, _) = t
        .post(
            &police,
            &path,
            &format!("{path}/assignments/{user}/remove"),
            &[],
        )
        .await;
    assert_eq!(status, 303);
    let (_, page) = t.get(&coordinator, &path).await;
    assert!(!page.contains("Јована"));
    t.finish().await;
}

#[tokio::test]
async fn an_adult_without_legal_capacity_gets_the_protection_protocol_not_the_child_label() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let mut form = adult();
        form.push(("lacks_legal_capacity", "on"));
        let (status, to, _) = t.post(&police, "/cases/new", "/cases", &form).await;
        assert_eq!(status, 303);
        let id = case_of(&to);
        let (_, page) = t.get(&police, &format!("/cases/{id}")).await;
        assert!(
            page.contains("Протокол заштите (без пословне способности)"),
            "{page}"
        );
        assert!(page.contains("Лишено пословне способности"));
        assert!(
            !page.contains("Протокол за децу"),
            "an adult labelled a child: {page}"
        );
        assert!(!page.contains("badge child\">Дете<"), "{page}");
        // The child's protocol keeps its name.
        let (_, to, _) = t.post(&police, "/cases/new", "/cases", &child()).await;
        let (_, child_page) = t.get(&police, &format!("/cases/{}", case_of(&to))).await;
        assert!(child_page.contains("Протокол за децу"), "{child_page}");
        t.finish().await;
    }
}
