//! Protection of the person over HTTP: the guardian and consent, services, the recovery
//! period, follow-ups, notes, the proceedings track, the access log, breaking the glass by a
//! case's code, notifications, indicator screening in the report and the catalogue import.

use crate::case_pages::{case_of, option_value};
use spona_domain::cases::is_stigmatising;
use spona_testkit::TestApp;

fn adult<'a>() -> Vec<(&'a str, &'a str)> {
    vec![
        ("reporter_kind", "team-official"),
        ("detected_on", "2026-11-27"),
        ("given_name", "Јована"),
        ("family_name", "Вукомановић"),
        ("sex", "female"),
        ("birth_date", "1990-04-02"),
        ("whereabouts", "Прихватилиште у Лесковцу"),
    ]
}

fn child<'a>() -> Vec<(&'a str, &'a str)> {
    vec![
        ("reporter_kind", "school"),
        ("detected_on", "2026-11-27"),
        ("given_name", "Милица"),
        ("family_name", "Стојковић"),
        ("estimated_age", "15"),
        ("may_be_child", "on"),
    ]
}

/// The number that follows `prefix` on the page (an id in a form's action).
fn number_after(page: &str, prefix: &str) -> i64 {
    let at = page.find(prefix).unwrap_or_else(|| panic!("{prefix}")) + prefix.len();
    let digits: String = page[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().unwrap()
}

/// The version carried by the form posting to `action` (to the page at a section, or not).
fn version_of(page: &str, action: &str) -> String {
    let form = page
        .find(&format!("action=\"{action}\""))
        .or_else(|| page.find(&format!("action=\"{action}#")))
        .expect(action);
    number_after(&page[form..], "name=\"version\" value=\"").to_string()
}

/// The HTML of the section headed by the element with `id`.
fn section<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page.find(&format!("id=\"{id}\"")).expect(id);
    let end = page[start..]
        .find("</section>")
        .map(|e| start + e)
        .unwrap_or(page.len());
    &page[start..end]
}

async fn report(
    t: &TestApp,
    c: &reqwest::Client,
    fields: &[(&str, &str)],
) -> (u16, Option<String>, String) {
    t.post(c, "/dashboard", "/cases", fields).await
}

#[tokio::test]
async fn the_person_is_protected_step_by_step_on_every_engine() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let social = t.signed_in("le-social").await;
        let (status, location, _) = report(&t, &police, &child()).await;
        assert_eq!(status, 303);
        let case = case_of(&location);
        let page_path = format!("/cases/{case}");
        let path = |rest: &str| format!("/cases/{case}/{rest}");

        // The Centre for Social Work, which the protocol told, records the temporary guardian.
        let (_, page) = t.get(&social, &page_path).await;
        assert!(page.contains(&format!("action=\"/cases/{case}/guardians#guardians-h\"")));
        assert!(page.contains("старатељ се уписује пре свега што тражи сагласност"));
        let guardian = [
            ("name", "Драгана Петровић"),
            ("contact", "016 000 000"),
            ("appointed_on", "2030-01-01"),
        ];
        let (status, _, page) = t
            .post(&social, &page_path, &path("guardians"), &guardian)
            .await;
        assert_eq!(status, 422, "appointed in the future");
        assert!(page.contains("id=\"appointed_on-error\""));
        assert!(page.contains("value=\"Драгана Петровић\""), "kept as typed");
        let guardian = [
            ("name", "Драгана Петровић"),
            ("contact", "016 000 000"),
            ("appointed_on", "2026-11-28"),
        ];
        let (status, location, _) = t
            .post(&social, &page_path, &path("guardians"), &guardian)
            .await;
        assert_eq!(status, 303);
        let (_, page) = t.get(&social, location.as_deref().unwrap()).await;
        assert!(page.contains("Старатељ је уписан."));
        assert!(page.contains("Драгана Петровић"));
        let tasks = section(&page, "tasks-h");
        assert!(
            tasks.contains("Уписати привременог старатеља <span class=\"badge\">урађено"),
            "the guardian task is done: {tasks}"
        );

        // A child's own consent does not count: the error stands at the giver.
        let (_, page) = t.get(&police, &page_path).await;
        let csw = option_value(&page, "Центар за социјални рад Лесковац");
        let consent = |by: &'static str| {
            vec![
                ("given_by", by),
                ("explained", "Објашњено старатељу."),
                ("parts", "identity"),
                ("institutions", csw.as_str()),
                ("given_on", "2026-11-28"),
            ]
        };
        let (status, _, page) = t
            .post(&police, &page_path, &path("consents"), &consent("person"))
            .await;
        assert_eq!(status, 422);
        assert!(page.contains("id=\"given_by-error\""));
        assert!(page.contains(">Објашњено старатељу.</textarea>"), "kept");
        let (status, _, _) = t
            .post(&police, &page_path, &path("consents"), &consent("guardian"))
            .await;
        assert_eq!(status, 303);

        // Services: added, changed, and a stale change is an edit conflict.
        let service = [
            ("service_type", "accommodation"),
            ("provider", "Прихватилиште (демо)"),
            ("starts_on", "2026-11-28"),
            ("ends_on", ""),
            ("status", "planned"),
        ];
        let (status, _, _) = t
            .post(&social, &page_path, &path("services"), &service)
            .await;
        assert_eq!(status, 303);
        let (_, page) = t.get(&social, &page_path).await;
        let services = section(&page, "services-h");
        assert!(services.contains("Смештај") && services.contains("Прихватилиште (демо)"));
        let sid = number_after(&page, &format!("action=\"/cases/{case}/services/"));
        let status_path = path(&format!("services/{sid}/status"));
        let version = version_of(&page, &status_path);
        let change = [("status", "ongoing"), ("version", version.as_str())];
        let (status, _, _) = t.post(&social, &page_path, &status_path, &change).await;
        assert_eq!(status, 303);
        let (status, _, page) = t.post(&social, &page_path, &status_path, &change).await;
        assert_eq!(status, 409, "a stale version");
        assert!(page.contains("Неко други је у међувремену изменио овај запис."));
        assert!(section(&page, "services-h").contains("У току"));

        // Notes stay with their institution unless shared.
        for (text, shared) in [("Само за ЦСР", None), ("За све", Some("on"))] {
            let mut note = vec![("text", text)];
            if let Some(on) = shared {
                note.push(("shared", on));
            }
            let (status, _, _) = t.post(&social, &page_path, &path("notes"), &note).await;
            assert_eq!(status, 303);
        }
        let (_, page) = t.get(&police, &page_path).await;
        let notes = section(&page, "notes-h");
        assert!(
            notes.contains("За све") && !notes.contains("Само за ЦСР"),
            "{notes}"
        );
        let (_, page) = t.get(&social, &page_path).await;
        let notes = section(&page, "notes-h");
        assert!(notes.contains("Само за ЦСР") && notes.contains("само ваша институција"));

        // The recovery period is at least thirty days; only the owner sets it.
        let short = [("starts_on", "2026-11-28"), ("days", "10")];
        let (status, _, page) = t.post(&police, &page_path, &path("recovery"), &short).await;
        assert_eq!(status, 422);
        assert!(page.contains("id=\"days-error\""));
        assert!(page.contains("Трајање мора бити између 30 и 365 дана."));
        let usual = [("starts_on", "2026-11-28"), ("days", "90")];
        let (status, _, _) = t.post(&police, &page_path, &path("recovery"), &usual).await;
        assert_eq!(status, 303);
        let (status, _, _) = t.post(&social, &page_path, &path("recovery"), &usual).await;
        assert_eq!(status, 403, "not the owner");

        // A follow-up shows its date and note.
        let follow_up = [("due_on", "2026-12-15"), ("note", "Посета породици")];
        let (status, _, _) = t
            .post(&police, &page_path, &path("follow-ups"), &follow_up)
            .await;
        assert_eq!(status, 303);
        let (_, page) = t.get(&police, &page_path).await;
        let follow_ups = section(&page, "follow-ups-h");
        assert!(follow_ups.contains("Посета породици") && follow_ups.contains("2026"));
        assert!(
            section(&page, "recovery-h").contains("2027"),
            "ends in February"
        );

        // The proceedings go forward; back only with a written correction.
        let proceedings = path("proceedings");
        let version = version_of(&page, &proceedings);
        let (status, _, _) = t
            .post(
                &police,
                &page_path,
                &proceedings,
                &[("stage", "indictment"), ("version", &version)],
            )
            .await;
        assert_eq!(status, 303);
        let (_, page) = t.get(&police, &page_path).await;
        assert!(section(&page, "proceedings-h").contains("<strong>Оптужница</strong>"));
        let version = version_of(&page, &proceedings);
        let back = [("stage", "investigation"), ("version", version.as_str())];
        let (status, _, page) = t.post(&police, &page_path, &proceedings, &back).await;
        assert_eq!(status, 422);
        assert!(page.contains("id=\"stage-error\""));
        let mut corrected = back.to_vec();
        corrected.push(("correction", "Погрешно унето"));
        let (status, _, _) = t.post(&police, &page_path, &proceedings, &corrected).await;
        assert_eq!(status, 303);

        // The access log: the owner's only.
        let log = path("access-log");
        let (status, first) = t.get(&police, &log).await;
        assert_eq!(status, 200);
        // Newest first, in pages: the report is on the second.
        assert!(first.contains("rel=\"next\""), "a second page");
        let (status, second) = t.get(&police, &format!("{log}?page=2")).await;
        assert_eq!(status, 200);
        let page = format!("{first}{second}");
        for action in [
            "Пријава сачувана",
            "Старатељ уписан",
            "Сагласност уписана",
            "Стање услуге промењено",
            "Стадијум поступка исправљен",
        ] {
            assert!(page.contains(action), "{action}");
        }
        assert!(page.contains("Погрешно унето"), "the reason");
        assert_eq!(t.get(&social, &log).await.0, 403);
        let nis = t.signed_in("nis-coordinator").await;
        assert_eq!(t.get(&nis, &log).await.0, 404);
        assert_eq!(t.get(&nis, &page_path).await.0, 404);

        // Nothing of this labels the person, in any language.
        for lang in ["sr-Cyrl", "sr-Latn", "en"] {
            t.post(
                &police,
                "/dashboard",
                "/lang",
                &[("lang", lang), ("next", "/")],
            )
            .await;
            for p in [page_path.clone(), log.clone(), "/notifications".into()] {
                let (status, page) = t.get(&police, &p).await;
                assert_eq!(status, 200, "{lang} {p}");
                assert!(!is_stigmatising(&page), "{lang} {p}");
            }
        }
        t.finish().await;
    }
}

#[tokio::test]
async fn a_consent_covers_a_referral_without_a_reason_until_it_is_withdrawn() {
    let t = TestApp::spawn().await;
    let police = t.signed_in("le-police").await;
    let (_, location, _) = report(&t, &police, &adult()).await;
    let case = case_of(&location);
    let page_path = format!("/cases/{case}");
    let (_, page) = t.get(&police, &page_path).await;
    assert!(
        page.contains("Дељење прати сагласност"),
        "the hint at the referral"
    );
    // The consent form comes when asked for.
    let (_, form) = t.get(&police, &format!("{page_path}?form=consent")).await;
    assert!(
        form.contains("value=\"person\" selected"),
        "an adult gives consent themselves"
    );
    let csw = option_value(&page, "Центар за социјални рад Лесковац");
    let consent = [
        ("given_by", "person"),
        ("explained", "Објашњено лицу."),
        ("parts", "identity"),
        ("parts", "contact"),
        ("institutions", csw.as_str()),
        ("given_on", "2026-11-27"),
    ];
    let consents = format!("/cases/{case}/consents");
    let (status, _, _) = t.post(&police, &page_path, &consents, &consent).await;
    assert_eq!(status, 303);
    let (_, page) = t.get(&police, &page_path).await;
    let listed = section(&page, "consent-h");
    assert!(listed.contains("ЦСР Лесковац"), "by short name: {listed}");
    assert!(listed.contains("Идентитет, Боравиште и контакт"));

    let referral = [
        ("to_institution", csw.as_str()),
        ("purpose", "Смештај"),
        ("parts", "identity"),
        ("parts", "contact"),
        ("urgency", "normal"),
    ];
    let referrals = format!("/cases/{case}/referrals");
    let (status, _, _) = t.post(&police, &page_path, &referrals, &referral).await;
    assert_eq!(status, 303, "the consent covers it");

    let consent_id = number_after(&page, &format!("action=\"/cases/{case}/consents/"));
    let withdraw = format!("/cases/{case}/consents/{consent_id}/withdraw");
    let (status, _, _) = t.post(&police, &page_path, &withdraw, &[]).await;
    assert_eq!(status, 303);
    let (_, page) = t.get(&police, &page_path).await;
    assert!(section(&page, "consent-h").contains("Повучена"));
    let (status, _, page) = t.post(&police, &page_path, &referrals, &referral).await;
    assert_eq!(status, 422, "withdrawn, it covers nothing");
    assert!(page.contains("id=\"override_reason-error\""));
    let social = t.signed_in("le-social").await;
    let (status, _, _) = t.post(&social, "/inbox", &consents, &consent).await;
    assert_eq!(status, 403, "only the owner records consent");
    t.finish().await;
}

#[tokio::test]
async fn breaking_the_glass_by_a_cases_code_opens_it_for_an_hour_and_tells_the_owner() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let social = t.signed_in("le-social").await;
        let (_, location, _) = report(&t, &police, &adult()).await;
        let case = case_of(&location);
        let page_path = format!("/cases/{case}");
        assert_eq!(t.get(&social, &page_path).await.0, 404);

        let (_, list) = t.get(&social, "/cases").await;
        assert!(list.contains("action=\"/cases/emergency\""));
        let no_reason = [("code", "LE-2026-0001"), ("reason", " ")];
        let (status, _, page) = t
            .post(&social, "/cases", "/cases/emergency", &no_reason)
            .await;
        assert_eq!(status, 422);
        assert!(page.contains("id=\"reason-error\""));
        assert!(page.contains("value=\"LE-2026-0001\""), "the code is kept");
        let unknown = [("code", "ЛЕ-2026-0099"), ("reason", "Хитно")];
        let (status, _, page) = t
            .post(&social, "/cases", "/cases/emergency", &unknown)
            .await;
        assert_eq!(status, 404);
        assert!(page.contains("id=\"code-error\""));

        let reason = "Особа је у болници без свести";
        let fields = [("code", "le-2026-0001"), ("reason", reason)];
        let (status, location, _) = t.post(&social, "/cases", "/cases/emergency", &fields).await;
        assert_eq!(status, 303);
        assert_eq!(location.as_deref(), Some(page_path.as_str()));
        let (status, page) = t.get(&social, &page_path).await;
        assert_eq!(status, 200);
        assert!(page.contains("Хитан приступ до"), "the banner");
        assert!(page.contains("јављен институцији која води случај"));
        assert!(page.contains("Јована"), "the record opens");
        assert!(
            !page.contains("/transition") && !page.contains("/services\""),
            "to read only"
        );

        let (_, told) = t.get(&police, "/notifications").await;
        assert!(told.contains("Случај ваше институције отворен је хитним приступом."));
        assert!(told.contains(&format!("href=\"/cases/{case}\"")));
        assert!(!told.contains("Јована"), "nothing of the person");
        let (_, log) = t.get(&police, &format!("/cases/{case}/access-log")).await;
        assert!(log.contains("Хитан приступ") && log.contains(reason));

        // An hour later the case is closed to the reader again (signed in anew: the idle
        // session has ended too).
        t.clock.advance(61 * 60);
        let social = t.signed_in("le-social").await;
        assert_eq!(t.get(&social, &page_path).await.0, 404);
        let police = t.signed_in("le-police").await;

        // A child's case cannot be broken into.
        let (_, location, _) = report(&t, &social, &child()).await;
        case_of(&location);
        let fields = [("code", "ЛЕ-2026-0002"), ("reason", "Хитно")];
        let (status, _, page) = t.post(&police, "/cases", "/cases/emergency", &fields).await;
        assert_eq!(status, 403);
        assert!(page.contains("id=\"code-error\""));
        let coordinator = t.signed_in("le-coordinator").await;
        let (status, _, _) = t
            .post(&coordinator, "/cases", "/cases/emergency", &fields)
            .await;
        assert_eq!(status, 403, "not a case worker");
        t.finish().await;
    }
}

#[tokio::test]
async fn notifications_are_listed_unread_first_and_marked_read() {
    let t = TestApp::spawn().await;
    let police = t.signed_in("le-police").await;
    let (_, location, _) = report(&t, &police, &child()).await;
    let case = case_of(&location);
    let social = t.signed_in("le-social").await;
    let (_, dashboard) = t.get(&social, "/dashboard").await;
    assert!(
        dashboard.contains("href=\"/notifications\""),
        "in the navigation"
    );
    let (status, page) = t.get(&social, "/notifications").await;
    assert_eq!(status, 200);
    assert!(page.contains("Ваша институција је примила хитно упућивање."));
    assert!(page.contains("1 непрочитано обавештење"));
    assert!(page.contains(&format!("href=\"/cases/{case}\"")));
    assert!(!page.contains("Милица"), "nothing of the person");
    let (status, location, _) = t
        .post(&social, "/notifications", "/notifications/read", &[])
        .await;
    assert_eq!(status, 303);
    let (_, page) = t.get(&social, location.as_deref().unwrap()).await;
    assert!(page.contains("Сва обавештења су означена као прочитана."));
    assert!(page.contains("0 непрочитаних обавештења"));
    assert!(!page.contains("class=\"unread"));
    let member = t.signed_in("le-member").await;
    assert_eq!(t.get(&member, "/notifications").await.0, 200);
    let admin = t.signed_in("admin").await;
    assert_eq!(t.get(&admin, "/notifications").await.0, 403);
    t.finish().await;
}

#[tokio::test]
async fn the_report_is_screened_with_the_catalogue_and_the_indicators_reach_the_case() {
    let t = TestApp::spawn().await;
    let police = t.signed_in("le-police").await;
    let (status, form) = t.get(&police, "/cases/new").await;
    assert_eq!(status, 200);
    assert!(form.contains("id=\"indicators\""));
    assert!(form.contains("Индикатори указују, никада не доказују"));
    assert!(form.contains("Кретање и пратња"), "grouped by domain");
    assert!(form.contains("name=\"indicators\" value=\"docs-held-by-other\""));
    let mut fields = adult();
    fields.push(("indicators", "docs-held-by-other"));
    fields.push(("indicators", "rehearsed"));
    let (status, location, _) = report(&t, &police, &fields).await;
    assert_eq!(status, 303);
    let (_, page) = t.get(&police, location.as_deref().unwrap()).await;
    assert!(
        page.contains("Лична или путна документа држи неко други"),
        "{page}"
    );
    assert!(page.contains("Исказ делује научено или се понавља од речи до речи"));

    fields.push(("indicators", "no-such-indicator"));
    let (status, _, page) = report(&t, &police, &fields).await;
    assert_eq!(status, 422);
    assert!(page.contains("id=\"indicators-error\""));
    assert!(page.contains("value=\"rehearsed\" checked"), "kept ticked");

    t.post(
        &police,
        "/dashboard",
        "/lang",
        &[("lang", "en"), ("next", "/")],
    )
    .await;
    let (_, form) = t.get(&police, "/cases/new").await;
    assert!(form.contains("Someone else holds the identity or travel documents"));
    t.finish().await;
}

#[tokio::test]
async fn the_administrator_and_the_national_office_import_a_catalogue_and_a_bad_file_is_refused_by_line(
) {
    let t = TestApp::spawn().await;
    let admin = t.signed_in("admin").await;
    let (status, page) = t.get(&admin, "/admin/catalogues").await;
    assert_eq!(status, 200);
    assert!(page.contains("Општи индикатори за пунолетна лица"));
    assert!(
        page.contains("href=\"/admin/catalogues\""),
        "in the navigation"
    );

    let bad = "sector\tpolice\nversion\t1\nindicator\tx\tnowhere\tТекст\tText\n";
    let (status, _, page) = t
        .post(
            &admin,
            "/admin/catalogues",
            "/admin/catalogues",
            &[("text", bad)],
        )
        .await;
    assert_eq!(status, 422);
    assert!(page.contains("line 3"), "{page}");
    assert!(page.contains("indicator\tx\tnowhere"), "the text is kept");

    let good = "sector\tpolice\nversion\t2026-9\ndomain\td\tДокумента\tDocuments\n\
                indicator\tp-01\td\tНема личних докумената\tHas no identity documents\n";
    let (status, location, _) = t
        .post(
            &admin,
            "/admin/catalogues",
            "/admin/catalogues",
            &[("text", good)],
        )
        .await;
    assert_eq!(status, 303);
    let (_, page) = t.get(&admin, location.as_deref().unwrap()).await;
    assert!(page.contains("police/2026-9"), "{page}");
    assert!(page.contains("<td data-label=\"Сектор\">Полиција</td>"));

    // The police now screen with their own sector's catalogue.
    let police = t.signed_in("le-police").await;
    let (_, form) = t.get(&police, "/cases/new").await;
    assert!(form.contains("Нема личних докумената"));

    // The national office keeps the lists too, from its own navigation.
    let national = t.signed_in("national").await;
    let (status, page) = t.get(&national, "/dashboard").await;
    assert_eq!(status, 200);
    assert!(page.contains("href=\"/admin/catalogues\""));
    let newer = good.replace("2026-9", "2026-10");
    let (status, location, _) = t
        .post(
            &national,
            "/admin/catalogues",
            "/admin/catalogues",
            &[("text", newer.as_str())],
        )
        .await;
    assert_eq!(status, 303);
    let (_, page) = t.get(&national, location.as_deref().unwrap()).await;
    assert!(page.contains("police/2026-10"), "{page}");

    let coordinator = t.signed_in("le-coordinator").await;
    assert_eq!(t.get(&coordinator, "/admin/catalogues").await.0, 403);
    let (_, page) = t.get(&coordinator, "/dashboard").await;
    assert!(!page.contains("href=\"/admin/catalogues\""));
    let (status, _, _) = t
        .post(
            &coordinator,
            "/dashboard",
            "/admin/catalogues",
            &[("text", good)],
        )
        .await;
    assert_eq!(status, 403);
    t.finish().await;
}
