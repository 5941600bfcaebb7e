//! The content of a report as a reader sees it, pinned by a snapshot: the Leskovac demo's
//! third quarter of 2026 in English, section by section. A change to what a report says
//! shows here as a diff to review (`cargo insta review`), never silently.

use spona_app::reports::{sections, title_and_meta, PeriodForm, Piece, Words};
use spona_i18n::{Catalog, Locale};
use spona_testkit::{actor, demo_app, TestDb};

#[tokio::test]
async fn the_demo_quarter_reads_as_pinned() {
    let t = TestDb::sqlite().await;
    let (app, _clock) = demo_app(&t).await;
    let coordinator = actor(&app, "le-coordinator").await;
    let id = app
        .draft_report(
            &coordinator,
            &PeriodForm {
                period: "2026-Q3".into(),
            },
        )
        .await
        .unwrap();
    let view = app.team_report(&coordinator, id).await.unwrap();
    let catalog = Catalog::load().unwrap();
    let w = Words::new(&catalog, Locale::En, app.zone());
    let (title, meta) = title_and_meta(&view, &w);
    let mut out = vec![format!("# {title}")];
    out.extend(meta);
    for s in sections(&view.content, &w) {
        out.push(format!("## {}", s.heading));
        for p in s.pieces {
            match p {
                Piece::Paragraph(text) => out.push(text),
                Piece::Subheading(text) => out.push(format!("### {text}")),
                Piece::Chart(_) => out.push("[chart]".into()),
                Piece::Table(table) => {
                    out.push(format!("| {} |", table.columns.join(" | ")));
                    for row in table.rows {
                        out.push(format!("| {} |", row.join(" | ")));
                    }
                    if let Some(note) = table.note {
                        out.push(format!("({note})"));
                    }
                }
            }
        }
    }
    insta::assert_snapshot!(out.join("\n"));
    t.finish().await;
}
