//! Documents about a case over HTTP (issue 13, item 4): the case file, the referral letter
//! and the person's own data, each read back out of the PDF. Each holds only what its
//! reader may see, names the reader in every page's footer, is written to the audit trail,
//! and is not found by those who may not know the case. Every test runs on both engines.

use crate::case_pages::{case_of, option_value};
use spona_domain::cases::is_stigmatising;
use spona_testkit::TestApp;

/// Distinctive strings, one per part of the record, so a document shows which it holds.
const NAME: &str = "Драгослава";
const FAMILY: &str = "Пешић";
const WHEREABOUTS: &str = "Сигурна кућа у Таковској";
const NARRATIVE: &str = "Затечена у перионици без исплаћене зараде";
const PLACE: &str = "Перионица на обилазници";

fn adult<'a>() -> Vec<(&'a str, &'a str)> {
    vec![
        ("reporter_kind", "team-official"),
        ("detected_on", "2026-11-27"),
        ("detected_place", PLACE),
        ("given_name", NAME),
        ("family_name", FAMILY),
        ("sex", "female"),
        ("birth_date", "1992-06-11"),
        ("whereabouts", WHEREABOUTS),
        ("narrative", NARRATIVE),
        ("indicators", "rehearsed"),
    ]
}

/// Reports an adult case as `reporter`; the case's page.
async fn report(t: &TestApp, reporter: &reqwest::Client) -> String {
    let (status, location, body) = t.post(reporter, "/cases/new", "/cases", &adult()).await;
    assert_eq!(status, 303, "{body}");
    format!("/cases/{}", case_of(&location))
}

/// Refers the case of `page` to the institution whose label starts with `to`, sharing only
/// the identity (with a written reason in place of a consent).
async fn refer_identity(t: &TestApp, reporter: &reqwest::Client, page: &str, to: &str) {
    let (_, body) = t.get(reporter, page).await;
    let receiver = option_value(&body, to);
    let form = [
        ("to_institution", receiver.as_str()),
        ("purpose", "Смештај и подршка"),
        ("parts", "identity"),
        ("urgency", "urgent"),
        ("override_reason", "Особа је у непосредној опасности"),
    ];
    let (status, _, body) = t
        .post(reporter, page, &format!("{page}/referrals"), &form)
        .await;
    assert_eq!(status, 303, "{body}");
}

/// A downloaded PDF: status, file name and the text of each page (empty unless 200).
struct Pdf {
    status: u16,
    file_name: String,
    pages: Vec<Vec<String>>,
}

impl Pdf {
    fn text(&self) -> String {
        self.pages.concat().join(" ")
    }

    /// The last line of every page: its footer.
    fn footers(&self) -> Vec<String> {
        self.pages
            .iter()
            .map(|p| p.last().cloned().unwrap_or_default())
            .collect()
    }
}

async fn pdf(t: &TestApp, client: &reqwest::Client, path: &str) -> Pdf {
    let res = client.get(t.url(path)).send().await.unwrap();
    let status = res.status().as_u16();
    let file_name = res
        .headers()
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    if status != 200 {
        return Pdf {
            status,
            file_name,
            pages: Vec::new(),
        };
    }
    assert_eq!(res.headers()["content-type"], "application/pdf");
    let bytes = res.bytes().await.unwrap();
    Pdf {
        status,
        file_name,
        pages: spona_reports::inspect::page_texts(&bytes),
    }
}

/// The link to the first referral letter on a page.
fn letter_link(page: &str) -> String {
    let at = page.find("href=\"/referrals/").expect("a letter link");
    let rest = &page[at + "href=\"".len()..];
    rest[..rest.find('"').unwrap()].to_string()
}

async fn audited(t: &TestApp, action: &str, page: &str) -> i64 {
    let case: i64 = page.trim_start_matches("/cases/").parse().unwrap();
    let mut c = t.app.db().conn().await.unwrap();
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = $1 AND subject = 'case' AND subject_id = $2",
    )
    .bind(action)
    .bind(case)
    .fetch_one(&mut *c)
    .await
    .unwrap()
}

#[tokio::test]
async fn the_owners_case_file_holds_the_whole_record_and_names_the_reader() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let page = report(&t, &police).await;
        let (_, body) = t.get(&police, &page).await;
        assert!(body.contains(&format!("href=\"{page}/case-file.pdf\"")));

        let file = pdf(&t, &police, &format!("{page}/case-file.pdf")).await;
        assert_eq!(file.status, 200);
        let text = file.text();
        for held in [NAME, FAMILY, WHEREABOUTS, NARRATIVE, PLACE] {
            assert!(text.contains(held), "{held}: {text}");
        }
        assert!(text.contains("Досије случаја ЛЕ-2026-"), "{text}");
        // The reader and the local time (Belgrade, an hour ahead of the test's 09:00 UTC)
        // beside the page number on every page.
        for footer in file.footers() {
            assert!(footer.contains("Дејан Илић (демо)"), "{footer}");
            assert!(footer.contains("10:00"), "{footer}");
            assert!(footer.contains("Страна "), "{footer}");
        }
        // The file's name carries the code in Latin and nothing personal.
        assert!(
            file.file_name.contains("filename=\"case-file-LE-2026-"),
            "{}",
            file.file_name
        );
        assert!(!file.file_name.contains(NAME) && !file.file_name.contains("Dragoslava"));
        assert_eq!(audited(&t, "case-file-printed", &page).await, 1);

        // In the reader's script.
        let (status, _, _) = t
            .post(
                &police,
                &page,
                "/lang",
                &[("lang", "sr-Latn"), ("next", &page)],
            )
            .await;
        assert_eq!(status, 303);
        let latin = pdf(&t, &police, &format!("{page}/case-file.pdf"))
            .await
            .text();
        assert!(latin.contains("Dragoslava") && latin.contains("Dosije slučaja LE-2026-"));
        assert!(!latin.contains(NAME), "{latin}");
        t.finish().await;
    }
}

#[tokio::test]
async fn a_receiver_and_the_letter_hold_only_the_shared_parts() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let page = report(&t, &police).await;
        refer_identity(&t, &police, &page, "Центар за социјални рад").await;

        // The receiver's case file: the shared identity, the other parts named as not shared.
        let social = t.signed_in("le-social").await;
        let (status, body) = t.get(&social, &page).await;
        assert_eq!(status, 200);
        assert!(body.contains(&format!("href=\"{page}/case-file.pdf\"")));
        assert!(!body.contains("own-data.pdf"), "the owner's alone");
        let file = pdf(&t, &social, &format!("{page}/case-file.pdf")).await;
        assert_eq!(file.status, 200);
        let text = file.text();
        assert!(text.contains(NAME) && text.contains(FAMILY), "{text}");
        for withheld in [WHEREABOUTS, NARRATIVE, PLACE] {
            assert!(!text.contains(withheld), "{withheld}: {text}");
        }
        assert!(text.contains("Није подељено са вашом институцијом."));
        assert!(file.footers()[0].contains("Весна Јовановић (демо)"));

        // The letter, printed by the receiver and by the owner alike: the referral's parts
        // only, though the owner sees the whole record.
        let link = letter_link(&body);
        let (_, owner_page) = t.get(&police, &page).await;
        assert_eq!(letter_link(&owner_page), link);
        for (client, reader) in [
            (&social, "Весна Јовановић (демо)"),
            (&police, "Дејан Илић (демо)"),
        ] {
            let letter = pdf(&t, client, &link).await;
            assert_eq!(letter.status, 200, "{reader}");
            let text = letter.text();
            assert!(text.contains("Упут — случај ЛЕ-2026-"), "{text}");
            assert!(text.contains(NAME) && text.contains("Смештај и подршка"));
            for withheld in [WHEREABOUTS, NARRATIVE, PLACE] {
                assert!(!text.contains(withheld), "{withheld}: {text}");
            }
            assert!(text.contains("Хитно"), "the urgency");
            assert!(text.contains("Без сагласности"), "the basis: {text}");
            assert!(text.contains("Потпис овлашћеног лица"));
            assert!(letter.footers()[0].contains(reader));
        }
        assert_eq!(audited(&t, "referral-letter-printed", &page).await, 2);
        t.finish().await;
    }
}

#[tokio::test]
async fn strangers_find_nothing_and_the_coordinator_gets_what_the_page_gives() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let page = report(&t, &police).await;
        refer_identity(&t, &police, &page, "Центар за социјални рад").await;
        let (_, owner_page) = t.get(&police, &page).await;
        let letter = letter_link(&owner_page);
        let case_file = format!("{page}/case-file.pdf");
        let own_data = format!("{page}/own-data.pdf");

        // Another team, the national Centre (no referral), or an institution of the team
        // the case was not referred to: not found, and nothing written.
        let unreferred = report(&t, &police).await;
        let social = t.signed_in("le-social").await;
        for (who, client) in [
            ("nis-police", t.signed_in("nis-police").await),
            ("centre", t.signed_in("centre").await),
        ] {
            for path in [&case_file, &own_data, &letter] {
                assert_eq!(pdf(&t, &client, path).await.status, 404, "{who} {path}");
            }
        }
        for path in [
            format!("{unreferred}/case-file.pdf"),
            format!("{unreferred}/own-data.pdf"),
        ] {
            assert_eq!(pdf(&t, &social, &path).await.status, 404, "{path}");
        }
        // The receiver knows the case but is not its owner: no own data.
        assert_eq!(pdf(&t, &social, &own_data).await.status, 403);

        // The coordinator sees that the case exists, and its case file says no more.
        let coordinator = t.signed_in("le-coordinator").await;
        let (status, body) = t.get(&coordinator, &page).await;
        assert_eq!(status, 200);
        assert!(body.contains(&format!("href=\"{case_file}\"")));
        assert!(!body.contains("letter.pdf") && !body.contains("own-data.pdf"));
        let file = pdf(&t, &coordinator, &case_file).await;
        assert_eq!(file.status, 200);
        let text = file.text();
        assert!(text.contains("Досије случаја ЛЕ-2026-"));
        assert!(text.contains("Лични подаци се виде само институцијама"));
        for withheld in [NAME, FAMILY, WHEREABOUTS, NARRATIVE, PLACE] {
            assert!(!text.contains(withheld), "{withheld}: {text}");
        }
        assert_eq!(pdf(&t, &coordinator, &own_data).await.status, 403);
        assert_eq!(pdf(&t, &coordinator, &letter).await.status, 403);
        // A member of the team without the cases section is refused the section.
        let member = t.signed_in("le-member").await;
        assert_eq!(pdf(&t, &member, &case_file).await.status, 403);

        // Only what was made is in the trail: the coordinator's case file.
        assert_eq!(audited(&t, "case-file-printed", &page).await, 1);
        assert_eq!(audited(&t, "own-data-given", &page).await, 0);
        assert_eq!(audited(&t, "referral-letter-printed", &page).await, 0);
        t.finish().await;
    }
}

#[tokio::test]
async fn the_own_data_is_plain_in_the_persons_script_and_stigmatises_nobody() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let page = report(&t, &police).await;
        refer_identity(&t, &police, &page, "Центар за заштиту ЖТЉ").await;
        let (_, body) = t.get(&police, &page).await;
        assert!(body.contains(&format!("action=\"{page}/own-data.pdf\"")));
        assert!(body.contains("<option value=\"sr-Latn\">српски, латиница</option>"));

        let latin = pdf(&t, &police, &format!("{page}/own-data.pdf?script=sr-Latn")).await;
        assert_eq!(latin.status, 200);
        let text = latin.text();
        assert!(text.contains("Vaši podaci"), "{text}");
        assert!(
            text.contains("Dragoslava Pešić"),
            "the name in Latin: {text}"
        );
        assert!(!text.contains(NAME), "{text}");
        assert!(text.contains("Sigurna kuća u Takovskoj"));
        // To whom it went, and who opened the record.
        assert!(text.contains("Centar za zaštitu ŽTL"), "{text}");
        assert!(text.contains("Dejan Ilić (demo)"));
        assert!(text.contains("Slučaj otvoren"), "the openings: {text}");
        // What the screening noted is the person's data too, given in plain words.
        assert!(
            text.contains("Šta je zabeleženo o vašoj situaciji"),
            "{text}"
        );
        assert!(!is_stigmatising(&text), "{text}");
        assert!(!latin.file_name.contains("Dragoslava"));

        // By default in the script the name is typed in; in English when chosen.
        let cyrillic = pdf(&t, &police, &format!("{page}/own-data.pdf"))
            .await
            .text();
        assert!(cyrillic.contains("Ваши подаци") && cyrillic.contains("Драгослава Пешић"));
        assert!(!is_stigmatising(&cyrillic), "{cyrillic}");
        let english = pdf(&t, &police, &format!("{page}/own-data.pdf?script=en"))
            .await
            .text();
        assert!(english.contains("Your data") && english.contains("Dragoslava"));
        assert!(!is_stigmatising(&english), "{english}");

        assert_eq!(audited(&t, "own-data-given", &page).await, 3);
        // The case's access log names what was given.
        let (_, log) = t.get(&police, &format!("{page}/access-log")).await;
        assert!(log.contains("Лицу дати његови/њени подаци"), "{log}");
        t.finish().await;
    }
}
