//! Materials with their stock: each item with what it starts with, found again by its name
//! and donor, so a list of what a team holds can come twice without doubling it.

use super::{digest, errors_of, header, imports_audited, saved, workbook};
use spona_app::imports::{ImportKind, RowStatus, Saving};
use spona_app::AppError;
use spona_i18n::{Catalog, Locale};
use spona_testkit::{actor, demo_app, TestDb};

// Name, kind, donor, project, quantity, lowest stock, date.
const CALENDARS: [&str; 7] = [
    "Календар 2026 (увоз)",
    "Календар",
    "IOM",
    "Оснаживање партнерства",
    "300",
    "50",
    "2025-12-01",
];
const PENS: [&str; 7] = [
    "Hemijska olovka (uvoz)",
    "pen",
    "",
    "",
    "1000",
    "",
    "01.02.2025",
];

#[tokio::test]
async fn materials_are_saved_with_their_stock_once_and_a_bad_row_saves_nothing() {
    let catalog = Catalog::load().unwrap();
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let member = actor(&app, "le-member").await;
        let before = app.materials(&member).await.unwrap().len();
        let head = header(&catalog, ImportKind::Materials, Locale::En);
        let mut bad = PENS.to_vec();
        bad[1] = "балон";
        bad[4] = "0";
        let file = workbook(&head, &[CALENDARS.to_vec(), bad]);
        let preview = app
            .preview_import(&member, &catalog, ImportKind::Materials, &file)
            .await
            .unwrap();
        assert!(preview.problems.is_empty(), "{:?}", preview.problems);
        let columns: Vec<_> = errors_of(&preview, 3).iter().map(|e| e.column).collect();
        assert_eq!(
            columns,
            [
                Some("import-col-material-kind"),
                Some("import-col-quantity")
            ]
        );
        let refused = app
            .save_import(
                &member,
                &catalog,
                ImportKind::Materials,
                &file,
                &preview.digest,
            )
            .await
            .unwrap();
        assert!(matches!(refused, Saving::NotSaved(_)));
        assert_eq!(app.materials(&member).await.unwrap().len(), before);

        let fixed = workbook(&head, &[CALENDARS.to_vec(), PENS.to_vec()]);
        let added = saved(
            app.save_import(
                &member,
                &catalog,
                ImportKind::Materials,
                &fixed,
                &digest(&fixed),
            )
            .await
            .unwrap(),
        );
        assert_eq!(added, 2);
        let items = app.materials(&member).await.unwrap();
        assert_eq!(items.len(), before + 2);
        let calendars = items
            .iter()
            .find(|i| i.name == "Календар 2026 (увоз)")
            .expect("the calendars are listed");
        assert_eq!(
            (
                calendars.kind.as_str(),
                calendars.stock(),
                calendars.low_mark
            ),
            ("calendar", 300, 50)
        );
        assert_eq!(imports_audited(&t, "materials").await, ["xlsx 2"]);

        // The same items again, in another script: already there, nothing changes.
        let mut latin = CALENDARS.to_vec();
        latin[0] = "Kalendar 2026 (uvoz)";
        let again = workbook(&head, &[latin, PENS.to_vec()]);
        let preview = app
            .preview_import(&member, &catalog, ImportKind::Materials, &again)
            .await
            .unwrap();
        assert!(preview
            .rows
            .iter()
            .all(|r| r.status == RowStatus::AlreadyThere));
        let added = saved(
            app.save_import(
                &member,
                &catalog,
                ImportKind::Materials,
                &again,
                &digest(&again),
            )
            .await
            .unwrap(),
        );
        assert_eq!(added, 0);
        assert_eq!(app.materials(&member).await.unwrap().len(), before + 2);

        // The administrator records no team's materials.
        let admin = actor(&app, "admin").await;
        let answer = app
            .save_import(
                &admin,
                &catalog,
                ImportKind::Materials,
                &fixed,
                &digest(&fixed),
            )
            .await;
        assert!(matches!(answer, Err(AppError::NotFound)), "{answer:?}");
        t.finish().await;
    }
}
