//! Imports from spreadsheets over HTTP: the templates, the preview of an uploaded workbook
//! with each error at its row and column, the confirmation that sends the same file again
//! and saves all or nothing, and the refusals of whom may not import.

use calamine::{Reader, Xlsx};
use spona_reports::table::{Column, Value};
use spona_reports::xlsx::XlsxWriter;
use spona_testkit::{csrf_of, TestApp};
use std::io::Cursor;

const BOUNDARY: &str = "----spona-import-boundary";

fn multipart(csrf: &str, fields: &[(&str, &str)], content: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    for (field, value) in [("csrf", csrf)].iter().chain(fields) {
        body.extend_from_slice(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{field}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tabela.xlsx\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

/// Posts the upload; the status, the redirect's target and the page.
async fn send(
    t: &TestApp,
    c: &reqwest::Client,
    fields: &[(&str, &str)],
    content: &[u8],
) -> (u16, Option<String>, String) {
    let (_, page) = t.get(c, "/import").await;
    let res = c
        .post(t.url("/import"))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .header("origin", t.url(""))
        .body(multipart(&csrf_of(&page), fields, content))
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let location = res
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    (status, location, res.text().await.unwrap_or_default())
}

fn workbook(header: &[&str], rows: &[&[&str]]) -> Vec<u8> {
    let columns: Vec<Column> = header.iter().map(|h| Column::new(*h)).collect();
    let mut book = XlsxWriter::new(Vec::new());
    book.add_sheet("Табела", &columns).unwrap();
    for row in rows {
        let values: Vec<Value> = row.iter().map(|v| Value::from(*v)).collect();
        book.row(&values).unwrap();
    }
    book.finish().unwrap()
}

fn digest_of(page: &str) -> String {
    let at = page
        .find("name=\"digest\" value=\"")
        .expect("a confirmation form")
        + 21;
    page[at..at + 64].to_string()
}

async fn activities(t: &TestApp) -> i64 {
    let mut c = t.db().conn().await.unwrap();
    sqlx::query_scalar("SELECT COUNT(*) FROM activities")
        .fetch_one(&mut *c)
        .await
        .unwrap()
}

const HEADER: &[&str] = &["Датум *", "Назив *", "Врста *", "Место *", "Ученици"];

#[tokio::test]
async fn activities_are_previewed_with_their_errors_and_saved_whole_once_confirmed() {
    for t in TestApp::every_engine().await {
        let member = t.signed_in("le-member").await;
        let (status, page) = t.get(&member, "/activities").await;
        assert_eq!(status, 200);
        assert!(page.contains("href=\"/import?kind=activities\""));
        let before = activities(&t).await;
        let bad = workbook(
            HEADER,
            &[
                &[
                    "2025-10-18",
                    "Трибина у Гимназији",
                    "Трибина",
                    "Гимназија",
                    "120",
                ],
                &["2025-11-02", "Изложба", "Изложба", "", "много"],
            ],
        );
        let (status, _, page) = send(&t, &member, &[("kind", "activities")], &bad).await;
        assert_eq!(status, 200);
        assert!(page.contains("Нових редова: 1"), "{page}");
        assert!(page.contains("Редова са грешкама: 1"));
        assert!(
            page.contains("<td data-label=\"Ред\">3</td>"),
            "the row's number"
        );
        assert!(page.contains("Место: "), "the error's column");
        assert!(
            page.contains("class=\"invalid\">много</td>"),
            "the refused cell marked"
        );
        assert!(!page.contains("name=\"digest\""), "nothing to confirm");
        assert_eq!(activities(&t).await, before, "a preview saves nothing");

        // A confirmation forged for the bad file saves nothing either.
        let digest = spona_app::imports::digest(&bad);
        let (status, _, page) = send(
            &t,
            &member,
            &[("kind", "activities"), ("digest", &digest)],
            &bad,
        )
        .await;
        assert_eq!(status, 422);
        assert!(page.contains("Ништа није сачувано"));
        assert_eq!(activities(&t).await, before);

        let good = workbook(
            HEADER,
            &[
                &[
                    "2025-10-18",
                    "Трибина у Гимназији",
                    "Трибина",
                    "Гимназија",
                    "120",
                ],
                &["2025-11-02", "Изложба", "Изложба", "ЛКЦ", "40"],
            ],
        );
        let (_, _, page) = send(&t, &member, &[("kind", "activities")], &good).await;
        let digest = digest_of(&page);
        // Another file than the previewed one is previewed anew, not saved.
        let (status, _, page) = send(
            &t,
            &member,
            &[("kind", "activities"), ("digest", &digest)],
            &bad,
        )
        .await;
        assert_eq!(status, 422);
        assert!(page.contains("није она из прегледа"));
        assert_eq!(activities(&t).await, before);

        let (status, location, _) = send(
            &t,
            &member,
            &[("kind", "activities"), ("digest", &digest)],
            &good,
        )
        .await;
        assert_eq!(status, 303);
        let location = location.unwrap();
        assert_eq!(location, "/import?kind=activities&added=2&skipped=0");
        assert_eq!(activities(&t).await, before + 2);
        let (_, page) = t.get(&member, &location).await;
        assert!(page.contains("Нових записа: 2"), "{page}");

        // The same file again changes nothing.
        let (status, location, _) = send(
            &t,
            &member,
            &[("kind", "activities"), ("digest", &digest)],
            &good,
        )
        .await;
        assert_eq!(status, 303);
        assert_eq!(
            location.unwrap(),
            "/import?kind=activities&added=0&skipped=2"
        );
        assert_eq!(activities(&t).await, before + 2);
        t.finish().await;
    }
}

#[tokio::test]
async fn templates_carry_the_headers_in_the_readers_script_and_the_accepted_words() {
    for t in TestApp::every_engine().await {
        let coordinator = t.signed_in("le-coordinator").await;
        let (status, page) = t.get(&coordinator, "/import").await;
        assert_eq!(status, 200);
        assert!(page.contains("value=\"members\""));
        let res = coordinator
            .get(t.url("/import/members.xlsx"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200);
        let bytes = res.bytes().await.unwrap().to_vec();
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
        let sheet = book.worksheet_range_at(0).unwrap().unwrap();
        let header: Vec<String> = sheet
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(header[0], "Институција *");
        assert_eq!(header[2], "Радно место");
        let values = book.worksheet_range_at(1).unwrap().unwrap();
        let roles: Vec<String> = values.rows().skip(1).map(|r| r[0].to_string()).collect();
        assert!(roles.contains(&"Координатор тима".to_string()), "{roles:?}");
        t.finish().await;
    }
}

#[tokio::test]
async fn members_are_imported_only_by_whom_keeps_the_registry_and_nobody_outside_a_team() {
    for t in TestApp::every_engine().await {
        let member = t.signed_in("le-member").await;
        let (status, page) = t.get(&member, "/import").await;
        assert_eq!(status, 200);
        assert!(!page.contains("value=\"members\""), "not offered");
        let file = workbook(
            &["Institucija", "Ime i prezime", "Uloga u timu", "Član od"],
            &[&["ЦСР Лесковац", "Ана Анић", "coordinator", "2020-01-01"]],
        );
        let (status, _, _) = send(&t, &member, &[("kind", "members")], &file).await;
        assert_eq!(status, 403);
        let res = member
            .get(t.url("/import/members.xlsx"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 403);

        let coordinator = t.signed_in("le-coordinator").await;
        let (status, _, page) = send(&t, &coordinator, &[("kind", "members")], &file).await;
        assert_eq!(status, 200);
        assert!(page.contains("Нових редова: 1"), "{page}");
        let digest = digest_of(&page);
        let (status, location, _) = send(
            &t,
            &coordinator,
            &[("kind", "members"), ("digest", &digest)],
            &file,
        )
        .await;
        assert_eq!(status, 303);
        assert_eq!(location.unwrap(), "/import?kind=members&added=1&skipped=0");

        // Without a team's work: the deployment's records only, and nothing for the auditor.
        for (who, offered) in [("admin", "accounts"), ("national", "framework")] {
            let c = t.signed_in(who).await;
            let (status, page) = t.get(&c, "/import").await;
            assert_eq!(status, 200, "{who}");
            assert!(page.contains(&format!("value=\"{offered}\"")), "{who}");
            assert!(!page.contains("value=\"members\""), "{who}");
            let (status, _, _) = send(&t, &c, &[("kind", "members")], &file).await;
            assert_eq!(status, 404, "{who}");
        }
        let auditor = t.signed_in("auditor").await;
        let (status, _) = t.get(&auditor, "/import").await;
        assert_eq!(status, 404);
        t.finish().await;
    }
}

#[tokio::test]
async fn imported_accounts_links_are_shown_once_in_the_answer_to_the_confirmation() {
    for t in TestApp::every_engine().await {
        let coordinator = t.signed_in("le-coordinator").await;
        let (_, page) = t.get(&coordinator, "/import?kind=accounts").await;
        assert!(
            page.contains("value=\"accounts\" checked"),
            "the kind asked for"
        );
        assert!(
            page.contains("href=\"/admin/users\" aria-current=\"page\""),
            "the administration lit while importing accounts"
        );
        let file = workbook(
            &[
                "Korisničko ime",
                "Ime i prezime na nalogu",
                "Uloga",
                "Institucija",
            ],
            &[
                &["le-novi", "Нови Члан", "Члан тима", "ЦК Лесковац"],
                &["le-member", "Члан", "member", "ck"],
            ],
        );
        let (status, _, page) = send(&t, &coordinator, &[("kind", "accounts")], &file).await;
        assert_eq!(status, 200);
        assert!(page.contains("Нових редова: 1"), "{page}");
        assert!(
            !page.contains("/password/"),
            "no link before the confirmation"
        );
        let digest = digest_of(&page);
        let (_, page) = t.get(&coordinator, "/import").await;
        let csrf = csrf_of(&page);
        let res = coordinator
            .post(t.url("/import"))
            .header(
                "content-type",
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .header("origin", t.url(""))
            .body(multipart(
                &csrf,
                &[("kind", "accounts"), ("digest", &digest)],
                &file,
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.status().as_u16(),
            200,
            "the links are the answer itself"
        );
        assert_eq!(
            res.headers()
                .get("cache-control")
                .unwrap()
                .to_str()
                .unwrap(),
            "no-store"
        );
        let page = res.text().await.unwrap();
        assert!(page.contains("<code>le-novi</code>"), "{page}");
        assert_eq!(
            page.matches("/password/").count(),
            1,
            "one link, for the new account"
        );
        assert!(
            !page.contains("<code>le-member</code>"),
            "none for one already there"
        );

        // The page later shows no link again, and the same file adds nothing.
        let (_, page) = t.get(&coordinator, "/import?kind=accounts").await;
        assert!(!page.contains("/password/"));
        let (status, location, _) = send(
            &t,
            &coordinator,
            &[("kind", "accounts"), ("digest", &digest)],
            &file,
        )
        .await;
        assert_eq!(status, 303);
        assert_eq!(location.unwrap(), "/import?kind=accounts&added=0&skipped=2");

        // A team member imports no accounts.
        let member = t.signed_in("le-member").await;
        let (status, _, _) = send(&t, &member, &[("kind", "accounts")], &file).await;
        assert_eq!(status, 403);
        t.finish().await;
    }
}

#[tokio::test]
async fn every_kind_has_a_template_and_lights_its_own_section() {
    for t in TestApp::every_engine().await {
        let coordinator = t.signed_in("le-coordinator").await;
        for (kind, first, section) in [
            ("institutions", "Шифра *", "/teams/leskovac"),
            ("trainings", "Датум *", "/trainings"),
            ("materials", "Материјал *", "/materials"),
        ] {
            let res = coordinator
                .get(t.url(&format!("/import/{kind}.xlsx")))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status().as_u16(), 200, "{kind}");
            let bytes = res.bytes().await.unwrap().to_vec();
            let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
            let sheet = book.worksheet_range_at(0).unwrap().unwrap();
            assert_eq!(sheet.rows().next().unwrap()[0].to_string(), first, "{kind}");
            let (_, page) = t.get(&coordinator, &format!("/import?kind={kind}")).await;
            assert!(
                page.contains(&format!("href=\"{section}\" aria-current=\"page\"")),
                "{kind}: its section lit"
            );
        }
        // Each kind's own page links its import for whom may import it.
        for (path, kind) in [
            ("/teams/leskovac/institutions", "institutions"),
            ("/trainings", "trainings"),
            ("/materials", "materials"),
            ("/admin/users", "accounts"),
        ] {
            let (status, page) = t.get(&coordinator, path).await;
            assert_eq!(status, 200, "{path}");
            assert!(
                page.contains(&format!("href=\"/import?kind={kind}\"")),
                "{path}"
            );
        }
        let member = t.signed_in("le-member").await;
        let (_, page) = t.get(&member, "/teams/leskovac/institutions").await;
        assert!(!page.contains("href=\"/import?kind=institutions\""));
        let national = t.signed_in("national").await;
        let (_, page) = t.get(&national, "/framework").await;
        assert!(page.contains("href=\"/import?kind=framework\""));
        let res = national
            .get(t.url("/import/framework.xlsx"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200);
        let res = coordinator
            .get(t.url("/import/framework.xlsx"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 403);
        t.finish().await;
    }
}

#[tokio::test]
async fn a_large_file_is_imported_in_the_background_while_its_page_shows_how_far_it_got() {
    for t in TestApp::every_engine().await {
        let member = t.signed_in("le-member").await;
        let mut c = t.db().conn().await.unwrap();
        let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM activities")
            .fetch_one(&mut *c)
            .await
            .unwrap();
        drop(c);
        let mut csv = String::from("Date;Title;Kind;Place\n");
        for i in 0..520 {
            csv.push_str(&format!("2025-03-01;Трибина {i};Трибина;Школа {i}\n"));
        }
        let file = csv.into_bytes();
        let (status, _, page) = send(&t, &member, &[("kind", "activities")], &file).await;
        assert_eq!(status, 200);
        assert!(page.contains("name=\"rows\" value=\"520\""), "{page}");
        let digest = digest_of(&page);
        let (status, location, _) = send(
            &t,
            &member,
            &[("kind", "activities"), ("digest", &digest), ("rows", "520")],
            &file,
        )
        .await;
        assert_eq!(status, 303);
        let run = location.unwrap();
        assert!(run.starts_with("/import/runs/"), "{run}");

        // Nobody else sees the run.
        let coordinator = t.signed_in("le-coordinator").await;
        let res = coordinator.get(t.url(&run)).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 404);

        // Its page refreshes itself with a progress bar until the import is done, then sends
        // its owner on to what was saved.
        let mut done = None;
        for _ in 0..600 {
            let res = member.get(t.url(&run)).send().await.unwrap();
            match res.status().as_u16() {
                200 => {
                    assert_eq!(res.headers().get("refresh").unwrap(), "2");
                    let page = res.text().await.unwrap();
                    assert!(page.contains("<progress id=\"import-progress\""), "{page}");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                }
                303 => {
                    done = res
                        .headers()
                        .get("location")
                        .map(|v| v.to_str().unwrap().to_string());
                    break;
                }
                other => panic!("{other}"),
            }
        }
        assert_eq!(
            done.as_deref(),
            Some("/import?kind=activities&added=520&skipped=0")
        );
        let mut c = t.db().conn().await.unwrap();
        let after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM activities")
            .fetch_one(&mut *c)
            .await
            .unwrap();
        assert_eq!(after, before + 520);
        drop(c);
        // Once answered, the run is gone.
        let res = member.get(t.url(&run)).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 404);
        t.finish().await;
    }
}
