//! Exports of the team's lists over HTTP, opened with independent readers: workbooks with
//! calamine (sheets, header texts in the reader's language, cell types) and their parts with
//! `zip`, CSV files with the `csv` crate. The files are attachments that are never cached;
//! every export is in the audit trail; other teams and the national office get none; a long
//! list comes out whole.

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use spona_app::activities::ActivityQuery;
use spona_domain::access::{team_work, WorkNeed};
use spona_domain::activities::{ActivityDraft, ActivityKind, Audience};
use spona_store::activities;
use spona_testkit::TestApp;
use std::io::{Cursor, Read};
use time::macros::date;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV: &str = "text/csv; charset=utf-8";
/// The day the test clock starts on, which names the files.
const DAY: &str = "2026-11-28";

struct Download {
    status: u16,
    headers: reqwest::header::HeaderMap,
    bytes: Vec<u8>,
}

/// Downloads as a browser would, saying it takes gzip.
async fn download(t: &TestApp, c: &reqwest::Client, path: &str) -> Download {
    let res = c
        .get(t.url(path))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .expect("get");
    Download {
        status: res.status().as_u16(),
        headers: res.headers().clone(),
        bytes: res.bytes().await.expect("body").to_vec(),
    }
}

impl Download {
    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// A downloaded file: its type, an attachment named `file`, not cached, not sniffed,
    /// streamed (no length) and not compressed again.
    fn assert_file(&self, content_type: &str, file: &str) {
        assert_eq!(self.status, 200, "{}", String::from_utf8_lossy(&self.bytes));
        assert_eq!(self.header("content-type"), content_type);
        assert_eq!(
            self.header("content-disposition"),
            format!("attachment; filename=\"{file}\"")
        );
        assert_eq!(self.header("cache-control"), "no-store");
        assert_eq!(self.header("x-content-type-options"), "nosniff");
        assert!(self.headers.get("content-length").is_none(), "streamed");
        assert!(
            self.headers.get("content-encoding").is_none(),
            "not gzipped"
        );
    }

    fn book(&self) -> Xlsx<Cursor<Vec<u8>>> {
        open_workbook_from_rs(Cursor::new(self.bytes.clone())).expect("calamine opens it")
    }

    fn sheet_names(&self) -> Vec<String> {
        self.book().sheet_names()
    }

    fn sheet(&self, name: &str) -> Vec<Vec<Data>> {
        let range = self.book().worksheet_range(name).expect("the sheet");
        range.rows().map(<[Data]>::to_vec).collect()
    }

    /// One part of the workbook package, as text.
    fn part(&self, name: &str) -> String {
        let mut zip = zip::ZipArchive::new(Cursor::new(self.bytes.clone())).expect("a ZIP");
        let mut text = String::new();
        zip.by_name(name)
            .expect(name)
            .read_to_string(&mut text)
            .expect("UTF-8");
        text
    }

    /// The CSV records, header first (after the byte order mark).
    fn records(&self) -> Vec<Vec<String>> {
        let body = self
            .bytes
            .strip_prefix("\u{feff}".as_bytes())
            .expect("a byte order mark");
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(body)
            .records()
            .map(|r| {
                r.expect("a CSV record")
                    .iter()
                    .map(str::to_string)
                    .collect()
            })
            .collect()
    }
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

fn number(d: &Data) -> f64 {
    match d {
        Data::Float(n) => *n,
        Data::Int(n) => *n as f64,
        other => panic!("not a number: {other:?}"),
    }
}

fn assert_date(d: &Data) {
    let Data::DateTime(when) = d else {
        panic!("not a date: {d:?}");
    };
    assert!(when.is_datetime(), "{d:?}");
}

fn headers(rows: &[Vec<Data>]) -> Vec<String> {
    rows[0].iter().map(text).collect()
}

/// The row whose cell `column` holds `value`.
fn row_with<'a>(rows: &'a [Vec<Data>], column: usize, value: &str) -> &'a [Data] {
    rows.iter()
        .find(|r| r.get(column).map(text).as_deref() == Some(value))
        .unwrap_or_else(|| panic!("no row with {value}"))
}

async fn english(t: &TestApp, c: &reqwest::Client, from: &str) {
    let (status, _, _) = t
        .post(c, from, "/lang", &[("lang", "en"), ("next", from)])
        .await;
    assert_eq!(status, 303);
}

/// Exports written to the audit trail for the list in the format.
async fn exported(t: &TestApp, list: &str, format: &str) -> i64 {
    let mut c = t.app.db().conn().await.unwrap();
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'list-exported' AND subject = $1 \
         AND reason = $2 AND team_id IS NOT NULL",
    )
    .bind(list)
    .bind(format)
    .fetch_one(&mut *c)
    .await
    .unwrap()
}

async fn all_exports(t: &TestApp) -> i64 {
    let mut c = t.app.db().conn().await.unwrap();
    sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'list-exported'")
        .fetch_one(&mut *c)
        .await
        .unwrap()
}

/// How many activities the list shows for the query.
async fn listed(t: &TestApp, username: &str, q: ActivityQuery) -> usize {
    let actor = spona_testkit::actor(&t.app, username).await;
    t.app.activities(&actor, &q).await.unwrap().page.total as usize
}

/// The id of the team's demo plan, from its list.
async fn demo_plan(t: &TestApp, c: &reqwest::Client) -> i64 {
    let (_, page) = t.get(c, "/plan").await;
    let marker = "href=\"/plan/";
    let at = page.find(marker).expect("a plan link") + marker.len();
    page[at..at + page[at..].find('"').unwrap()]
        .parse()
        .expect("plan id")
}

#[tokio::test]
async fn activities_come_as_a_workbook_in_the_readers_language_with_typed_cells() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-member").await;
        english(&t, &c, "/activities").await;
        let (_, page) = t.get(&c, "/activities").await;
        assert!(page.contains("href=\"/activities/export.xlsx\""), "{page}");
        assert!(page.contains("href=\"/activities/export.csv\""));

        let d = download(&t, &c, "/activities/export.xlsx").await;
        d.assert_file(XLSX, &format!("activities-{DAY}.xlsx"));
        assert_eq!(d.sheet_names(), ["Activities"]);
        let sheet = d.part("xl/worksheets/sheet1.xml");
        assert!(
            sheet.contains(
                r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            ),
            "the header is frozen"
        );
        let rows = d.sheet("Activities");
        assert_eq!(
            headers(&rows),
            [
                "Date",
                "Kind",
                "Medium",
                "Title",
                "Place",
                "Partners",
                "Pupils",
                "Teachers",
                "Parents",
                "Officials and representatives of institutions",
                "General public",
                "Total reached",
                "Materials handed out",
                "Plan activity",
            ]
        );
        let all = listed(&t, "le-member", ActivityQuery::default()).await;
        assert!(all > 5);
        assert_eq!(rows.len(), all + 1, "every activity of the team");

        let exhibition = row_with(&rows, 3, "Izložba fotografija „Život u okovima“");
        assert_date(&exhibition[0]);
        assert_eq!(text(&exhibition[1]), "Exhibition");
        assert_eq!(exhibition[2], Data::Empty);
        assert_eq!(text(&exhibition[4]), "Leskovački kulturni centar");
        let groups: Vec<f64> = exhibition[6..11].iter().map(number).collect();
        assert_eq!(groups, [60.0, 10.0, 0.0, 5.0, 240.0]);
        assert_eq!(number(&exhibition[11]), 315.0);

        let tv = row_with(&rows, 1, "Media appearance");
        assert_eq!(text(&tv[2]), "Television");
        let talk = row_with(&rows, 3, "Tribina „Borba protiv trgovine ljudima“");
        assert!(
            text(&talk[13]).starts_with("Tribine o borbi protiv trgovine ljudima u osnovnim"),
            "{talk:?}"
        );

        assert_eq!(exported(&t, "activities", "xlsx").await, 1);
        t.finish().await;
    }
}

#[tokio::test]
async fn activities_as_csv_follow_the_lists_filters_and_defuse_formulas() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-member").await;
        let formula = "=HYPERLINK(\"http://example.test\",\"клик\")";
        let (status, _, body) = t
            .post(
                &c,
                "/activities/new",
                "/activities",
                &[
                    ("title", formula),
                    ("kind", "public-talk"),
                    ("medium", ""),
                    ("held_on", "2026-11-24"),
                    ("venue_id", ""),
                    ("place", "Техничка школа Лесковац"),
                    ("partners", "+381 16 000 000"),
                    ("pupils", "140"),
                    ("teachers", "9"),
                    ("parents", ""),
                    ("officials", ""),
                    ("public", ""),
                    ("description", ""),
                    ("materials", ""),
                    ("plan_activity_id", ""),
                ],
            )
            .await;
        assert_eq!(status, 303, "{body}");

        let d = download(&t, &c, "/activities/export.csv").await;
        d.assert_file(CSV, &format!("activities-{DAY}.csv"));
        let records = d.records();
        assert_eq!(records[0][0], "Датум", "headers in the reader's language");
        assert_eq!(records[0][11], "Укупно обухваћено");
        assert_eq!(
            records.len(),
            listed(&t, "le-member", ActivityQuery::default()).await + 1
        );
        let typed = records
            .iter()
            .find(|r| r[0] == "2026-11-24")
            .expect("the typed activity");
        assert_eq!(typed[3], format!("'{formula}"), "a formula is defused");
        assert_eq!(typed[5], "'+381 16 000 000");
        assert_eq!(typed[1], "Трибина");
        assert_eq!(typed[11], "149");
        assert!(records.iter().all(|r| !r[3].starts_with('=')));

        // The links on a filtered list carry its filters, and the file has what it shows.
        let (_, page) = t.get(&c, "/activities?kind=public-talk&year=2026").await;
        // Askama writes the ampersand as a character reference.
        let link = "/activities/export.csv?kind=public-talk&#38;year=2026";
        assert!(page.contains(&format!("href=\"{link}\"")), "{page}");
        let d = download(&t, &c, &link.replace("&#38;", "&")).await;
        let talks = d.records();
        let expected = listed(
            &t,
            "le-member",
            ActivityQuery {
                kind: "public-talk".into(),
                year: "2026".into(),
                ..Default::default()
            },
        )
        .await;
        assert_eq!(talks.len(), expected + 1);
        assert!(talks.len() < records.len());
        assert!(talks[1..].iter().all(|r| r[1] == "Трибина"), "{talks:?}");
        // Searched in the other script, as on the list.
        let d = download(&t, &c, "/activities/export.csv?q=zivot+u+okovima").await;
        let found = d.records();
        assert_eq!(found.len(), 2);
        assert_eq!(found[1][3], "Изложба фотографија „Живот у оковима“");

        assert_eq!(exported(&t, "activities", "csv").await, 3);
        t.finish().await;
    }
}

#[tokio::test]
async fn trainings_come_with_hours_as_numbers_in_both_formats() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-police").await;
        english(&t, &c, "/trainings").await;
        let (_, page) = t.get(&c, "/trainings").await;
        assert!(page.contains("href=\"/trainings/export.xlsx\""));

        let d = download(&t, &c, "/trainings/export.xlsx").await;
        d.assert_file(XLSX, &format!("trainings-{DAY}.xlsx"));
        assert_eq!(d.sheet_names(), ["Trainings"]);
        let rows = d.sheet("Trainings");
        assert_eq!(
            headers(&rows),
            [
                "Date",
                "Topic",
                "Trainer",
                "Duration (hours)",
                "Participants",
                "Test before (%)",
                "Test after (%)",
                "Plan activity",
            ]
        );
        assert_eq!(rows.len(), 3, "the two demo trainings");
        let child = row_with(&rows, 1, "Razgovor sa detetom – žrtvom trgovine ljudima");
        assert_date(&child[0]);
        assert_eq!(number(&child[3]), 6.0);
        assert_eq!(number(&child[4]), 30.0);
        assert_eq!((number(&child[5]), number(&child[6])), (52.0, 81.0));
        let indicators = row_with(&rows, 1, "Prepoznavanje indikatora trgovine ljudima");
        assert_eq!(number(&indicators[3]), 3.5);
        assert_eq!(indicators[5], Data::Empty, "not tested");
        // Newest first.
        assert_eq!(
            text(&rows[1][1]),
            "Prepoznavanje indikatora trgovine ljudima"
        );

        let d = download(&t, &c, "/trainings/export.csv").await;
        d.assert_file(CSV, &format!("trainings-{DAY}.csv"));
        let records = d.records();
        assert_eq!(records[0][3], "Duration (hours)");
        assert_eq!(records[1][3], "3.50");
        assert_eq!(records[2][3], "6.00");
        assert_eq!(records[2][4], "30");

        assert_eq!(exported(&t, "trainings", "xlsx").await, 1);
        assert_eq!(exported(&t, "trainings", "csv").await, 1);
        t.finish().await;
    }
}

#[tokio::test]
async fn a_plan_comes_one_row_per_activity_with_deadlines_and_budgets_typed() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-member").await;
        let id = demo_plan(&t, &c).await;
        let (_, page) = t.get(&c, &format!("/plan/{id}")).await;
        assert!(page.contains(&format!("href=\"/plan/{id}/export.xlsx\"")));

        let d = download(&t, &c, &format!("/plan/{id}/export.csv")).await;
        d.assert_file(CSV, &format!("plan-{id}-{DAY}.csv"));
        let records = d.records();
        assert_eq!(records[0][0], "Циљ");
        assert_eq!(records[0][4], "Рок");
        let actor = spona_testkit::actor(&t.app, "le-member").await;
        let planned = t.app.plan(&actor, id).await.unwrap().activities.len();
        assert_eq!(records.len(), planned + 1);
        let training = &records[1];
        assert_eq!(training[0], "Обука службеника");
        assert_eq!(training[2], "Центар за социјални рад Лесковац");
        assert_eq!(training[4], "2026-12-15");
        assert_eq!(training[5], "120000");
        assert!(training[11].starts_with("2.1"), "{training:?}");
        assert_eq!(training[12], "100");

        english(&t, &c, &format!("/plan/{id}")).await;
        let d = download(&t, &c, &format!("/plan/{id}/export.xlsx")).await;
        d.assert_file(XLSX, &format!("plan-{id}-{DAY}.xlsx"));
        assert_eq!(d.sheet_names(), ["Team work plan"]);
        let rows = d.sheet("Team work plan");
        assert_eq!(
            headers(&rows)[..6],
            [
                "Objective",
                "Activity",
                "Responsible institution",
                "Partners",
                "Deadline",
                "Budget (RSD)"
            ]
        );
        let training = &rows[1];
        assert_eq!(
            text(&training[2]),
            "Centar za socijalni rad Leskovac",
            "the reader's script"
        );
        assert_date(&training[4]);
        assert_eq!(number(&training[5]), 120_000.0);
        assert_eq!(number(&training[12]), 100.0);

        // Another team's plan is not found, and so nothing is exported or audited.
        let nis = t.signed_in("nis-coordinator").await;
        assert_eq!(
            download(&t, &nis, &format!("/plan/{id}/export.xlsx"))
                .await
                .status,
            404
        );
        assert_eq!(exported(&t, "coordination-plan", "xlsx").await, 1);
        assert_eq!(exported(&t, "coordination-plan", "csv").await, 1);
        t.finish().await;
    }
}

#[tokio::test]
async fn materials_come_with_their_stock_and_a_workbook_also_with_their_movements() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-member").await;
        let (status, location, _) = t
            .post(
                &c,
                "/materials",
                "/materials",
                &[
                    ("name", "Привесци"),
                    ("kind", "keychain"),
                    ("donor", "IOM"),
                    ("produced", "10"),
                    ("on_date", "2026-01-10"),
                ],
            )
            .await;
        assert_eq!(status, 303);
        let path = location.unwrap();
        let (status, _, _) = t
            .post(
                &c,
                &path,
                &format!("{path}/movements"),
                &[
                    ("direction", "handed-out"),
                    ("quantity", "4"),
                    ("on_date", "2026-02-01"),
                    ("occasion", "Трибина у Гимназији"),
                ],
            )
            .await;
        assert_eq!(status, 303);
        let (_, page) = t.get(&c, "/materials").await;
        assert!(page.contains("href=\"/materials/export.csv\""));

        let d = download(&t, &c, "/materials/export.xlsx").await;
        d.assert_file(XLSX, &format!("materials-{DAY}.xlsx"));
        assert_eq!(d.sheet_names(), ["Материјали", "Промене залиха"]);
        assert!(d
            .part("xl/worksheets/sheet2.xml")
            .contains(r#"state="frozen""#));
        let items = d.sheet("Материјали");
        assert_eq!(text(&items[0][6]), "На залихама");
        // The demo's own materials are listed too; this test's item is found by its name.
        let keychains = row_with(&items, 0, "Привесци");
        assert_eq!(text(&keychains[0]), "Привесци");
        assert_eq!(text(&keychains[1]), "Привезак");
        assert_eq!(text(&keychains[2]), "IOM");
        let counts: Vec<f64> = keychains[4..7].iter().map(number).collect();
        assert_eq!(counts, [10.0, 4.0, 6.0]);
        let moves = d.sheet("Промене залиха");
        let ours: Vec<Vec<Data>> = moves
            .iter()
            .filter(|r| r.first().map(text).as_deref() == Some("Привесци"))
            .cloned()
            .collect();
        assert_eq!(ours.len(), 2);
        let handed = row_with(&ours, 2, "Подељено");
        assert_eq!(text(&handed[0]), "Привесци");
        assert_date(&handed[1]);
        assert_eq!(number(&handed[3]), 4.0);
        assert_eq!(text(&handed[4]), "Трибина у Гимназији");
        assert_eq!(number(&row_with(&ours, 2, "Произведено")[3]), 10.0);

        let d = download(&t, &c, "/materials/export.csv").await;
        d.assert_file(CSV, &format!("materials-{DAY}.csv"));
        let records = d.records();
        assert_eq!(
            records.len(),
            2 + 4,
            "the items only (and the demo's four): {records:?}"
        );
        let ours = records.iter().find(|r| r[0] == "Привесци").unwrap();
        assert_eq!(ours, &["Привесци", "Привезак", "IOM", "", "10", "4", "6"]);

        assert_eq!(exported(&t, "materials", "xlsx").await, 1);
        assert_eq!(exported(&t, "materials", "csv").await, 1);
        t.finish().await;
    }
}

#[tokio::test]
async fn meetings_come_with_attendance_decisions_and_action_items_counted() {
    for t in TestApp::every_engine().await {
        assert!(t.app.seed_demo_meetings().await.unwrap());
        let c = t.signed_in("le-social").await;
        english(&t, &c, "/meetings").await;
        let (_, page) = t.get(&c, "/meetings").await;
        assert!(page.contains("href=\"/meetings/export.xlsx\""));

        let d = download(&t, &c, "/meetings/export.xlsx").await;
        d.assert_file(XLSX, &format!("meetings-{DAY}.xlsx"));
        assert_eq!(d.sheet_names(), ["Team meetings"]);
        let rows = d.sheet("Team meetings");
        assert_eq!(
            headers(&rows),
            [
                "Date",
                "Place",
                "Agenda",
                "Institutions present",
                "Decisions",
                "Open action items",
                "Overdue action items",
            ]
        );
        assert_eq!(rows.len(), 3);
        let (october, february) = (&rows[1], &rows[2]);
        assert_date(&october[0]);
        // Text as typed, in Latin for an English reader.
        assert_eq!(text(&october[1]), "Centar za socijalni rad");
        assert!(number(&october[3]) >= 3.0, "{october:?}");
        let counts: Vec<f64> = october[4..7].iter().map(number).collect();
        assert_eq!(counts, [0.0, 1.0, 1.0], "one open item, past its deadline");
        let counts: Vec<f64> = february[4..7].iter().map(number).collect();
        assert_eq!(counts, [1.0, 0.0, 0.0], "one decision, its item done");

        let d = download(&t, &c, "/meetings/export.csv").await;
        d.assert_file(CSV, &format!("meetings-{DAY}.csv"));
        let records = d.records();
        assert_eq!(records[1][0], "2026-10-01");
        assert_eq!(
            records[1][2],
            "1. Obeležavanje 18. oktobra.\n2. Obuka službenika u novembru."
        );
        assert_eq!(exported(&t, "meetings", "xlsx").await, 1);
        assert_eq!(exported(&t, "meetings", "csv").await, 1);
        t.finish().await;
    }
}

#[tokio::test]
async fn nobody_outside_the_team_gets_an_export_and_refusals_are_not_exports() {
    for t in TestApp::every_engine().await {
        let member = t.signed_in("le-member").await;
        let plan = format!("/plan/{}", demo_plan(&t, &member).await);
        let plan_export = format!("{plan}/export");
        let team_lists = [
            "/activities/export",
            "/trainings/export",
            "/materials/export",
            "/meetings/export",
        ];
        let national = t.signed_in("national").await;
        let admin = t.signed_in("admin").await;
        let refusals = [
            (&national, team_lists.as_slice()),
            (&national, &[plan_export.as_str()]),
            // The administrator has no team, so no lists of one.
            (&admin, team_lists.as_slice()),
        ];
        for (c, lists) in refusals {
            for list in lists {
                for format in ["xlsx", "csv"] {
                    let d = download(&t, c, &format!("{list}.{format}")).await;
                    assert!(
                        d.status == 403 || d.status == 404,
                        "{list}.{format}: {}",
                        d.status
                    );
                    assert!(d.header("content-type").starts_with("text/html"));
                    assert!(d.header("content-disposition").is_empty());
                }
            }
        }
        // Signed out: to the sign-in page.
        let d = download(&t, &t.client(), "/activities/export.xlsx").await;
        assert_eq!(d.status, 303);
        assert_eq!(
            all_exports(&t).await,
            0,
            "nothing exported, nothing audited"
        );

        // The policy lets the administrator see any team's plan: its export goes with its
        // page, and is audited all the same.
        let page = t.get(&admin, &plan).await.0;
        let d = download(&t, &admin, &format!("{plan_export}.csv")).await;
        assert_eq!(d.status, page);
        assert_eq!(all_exports(&t).await, i64::from(page == 200));

        // Another team exports its own list, without a row of this team's.
        let before = all_exports(&t).await;
        let nis = t.signed_in("nis-member").await;
        let d = download(&t, &nis, "/activities/export.csv").await;
        d.assert_file(CSV, &format!("activities-{DAY}.csv"));
        let records = d.records();
        assert_eq!(
            records.len(),
            listed(&t, "nis-member", ActivityQuery::default()).await + 1
        );
        assert!(records.iter().all(|r| !r[3].contains("Живот у оковима")));
        assert_eq!(all_exports(&t).await, before + 1);
        t.finish().await;
    }
}

#[tokio::test]
async fn a_long_list_comes_out_whole_in_both_formats() {
    const MANY: usize = 1_200;
    for t in TestApp::every_engine().await {
        let actor = spona_testkit::actor(&t.app, "le-coordinator").await;
        let scope = team_work(&actor, WorkNeed::Record).unwrap();
        // Three days only, so pages of 500 split rows of the same day.
        let days = [
            date!(2025 - 03 - 01),
            date!(2025 - 03 - 02),
            date!(2025 - 03 - 03),
        ];
        let mut tx = t.app.db().begin().await.unwrap();
        for i in 0..MANY {
            let draft = ActivityDraft {
                title: format!("Масовна активност {i:04}"),
                kind: ActivityKind::Campaign,
                medium: None,
                held_on: days[i % days.len()],
                venue_id: None,
                place: "Лесковац".into(),
                partners: String::new(),
                audience: Audience {
                    public: 1,
                    ..Default::default()
                },
                description: String::new(),
                materials: String::new(),
                plan_activity_id: None,
            };
            activities::insert(&mut tx, &scope, &draft, "Лесковац", actor.user_id, 1)
                .await
                .unwrap();
        }
        tx.commit().await.unwrap();
        let expected: Vec<String> = (0..MANY)
            .map(|i| format!("Масовна активност {i:04}"))
            .collect();

        let c = t.signed_in("le-coordinator").await;
        // Streamed: the body comes in several chunks, not as one built beforehand.
        let mut res = c
            .get(t.url("/activities/export.csv?year=2025"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["transfer-encoding"], "chunked");
        let mut chunks = 0;
        while res.chunk().await.unwrap().is_some() {
            chunks += 1;
        }
        assert!(chunks >= 3, "{chunks} chunks");
        let d = download(&t, &c, "/activities/export.csv?year=2025").await;
        d.assert_file(CSV, &format!("activities-{DAY}.csv"));
        let mut titles: Vec<String> = d.records()[1..].iter().map(|r| r[3].clone()).collect();
        titles.sort();
        assert_eq!(titles, expected, "each once");

        let d = download(&t, &c, "/activities/export.xlsx").await;
        let rows = d.sheet("Активности");
        let mut titles: Vec<String> = rows[1..]
            .iter()
            .map(|r| text(&r[3]))
            .filter(|t| t.starts_with("Масовна"))
            .collect();
        titles.sort();
        assert_eq!(titles, expected, "each once");
        assert_eq!(
            rows.len(),
            listed(&t, "le-coordinator", ActivityQuery::default()).await + 1
        );
        t.finish().await;
    }
}
