//! Files made for a Latin or English reader carry user data in Latin: every list export
//! (CSV and XLSX), the audit trail's, and the report's PDF and workbook.

use super::crawl::choose;
use super::visible::is_cyrillic;
use calamine::{open_workbook_from_rs, Reader, Xlsx};
use spona_testkit::TestApp;
use std::io::Cursor;

/// The lists a team role exports (the plan by the demo's id).
const TEAM_EXPORTS: [&str; 5] = [
    "/activities/export",
    "/trainings/export",
    "/plan/1/export",
    "/materials/export",
    "/meetings/export",
];

async fn bytes(t: &TestApp, c: &reqwest::Client, path: &str) -> Vec<u8> {
    let res = c.get(t.url(path)).send().await.expect("get");
    assert_eq!(res.status().as_u16(), 200, "{path}");
    res.bytes().await.expect("body").to_vec()
}

/// Every cell of every sheet of a workbook, as text.
fn workbook_cells(file: &[u8]) -> Vec<String> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(file.to_vec())).expect("workbook");
    let mut cells = Vec::new();
    for name in book.sheet_names() {
        cells.push(name.clone());
        let range = book.worksheet_range(&name).expect("sheet");
        cells.extend(range.rows().flatten().map(|d| d.to_string()));
    }
    cells
}

/// Every field of a CSV file.
fn csv_cells(file: &[u8]) -> Vec<String> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(file)
        .records()
        .flat_map(|r| {
            r.expect("record")
                .iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

fn cyrillic_cells(what: &str, cells: &[String], found: &mut Vec<String>) {
    found.extend(
        cells
            .iter()
            .filter(|c| c.chars().any(is_cyrillic))
            .take(3)
            .map(|c| format!("{what}: {c}")),
    );
}

#[tokio::test]
async fn exports_for_latin_and_english_readers_hold_no_cyrillic() {
    for t in TestApp::every_engine().await {
        t.app.seed_demo_meetings().await.expect("demo meetings");
        let c = t.signed_in("le-coordinator").await;
        let auditor = t.signed_in("auditor").await;
        let (status, report, _) = t
            .post(&c, "/reports", "/reports", &[("period", "2026-Q3")])
            .await;
        assert_eq!(status, 303);
        let report = report.expect("the report's address");
        let mut found = Vec::new();
        let mut cyrillic_in_cyrillic = 0;
        for lang in ["sr-Cyrl", "sr-Latn", "en"] {
            choose(&t, &c, lang).await;
            choose(&t, &auditor, lang).await;
            let mut cells = Vec::new();
            for list in TEAM_EXPORTS {
                let xlsx = workbook_cells(&bytes(&t, &c, &format!("{list}.xlsx")).await);
                let csv = csv_cells(&bytes(&t, &c, &format!("{list}.csv")).await);
                cells.push((format!("{lang} {list}.xlsx"), xlsx));
                cells.push((format!("{lang} {list}.csv"), csv));
            }
            for format in ["xlsx", "csv"] {
                let file = bytes(&t, &auditor, &format!("/audit/export.{format}")).await;
                let read = if format == "xlsx" {
                    workbook_cells(&file)
                } else {
                    csv_cells(&file)
                };
                cells.push((format!("{lang} audit.{format}"), read));
            }
            let pdf = bytes(&t, &c, &format!("{report}/file/report.pdf?lang={lang}")).await;
            let lines = spona_reports::inspect::page_texts(&pdf).concat();
            cells.push((format!("{lang} report.pdf"), lines));
            let xlsx = bytes(&t, &c, &format!("{report}/file/report.xlsx?lang={lang}")).await;
            cells.push((format!("{lang} report.xlsx"), workbook_cells(&xlsx)));
            for (what, cells) in cells {
                if lang == "sr-Cyrl" {
                    cyrillic_in_cyrillic +=
                        cells.iter().filter(|c| c.chars().any(is_cyrillic)).count();
                } else {
                    cyrillic_cells(&what, &cells, &mut found);
                }
            }
        }
        assert!(cyrillic_in_cyrillic > 0, "Cyrillic files stay Cyrillic");
        assert!(found.is_empty(), "Cyrillic in files:\n{}", found.join("\n"));
        t.finish().await;
    }
}
