//! The national framework: objectives and measures under documents named by title or
//! reference, found by their document and code; imported by the national office only.

use super::{digest, errors_of, header, imports_audited, saved, workbook};
use spona_app::imports::{ImportKind, RowStatus, Saving};
use spona_app::AppError;
use spona_i18n::{Catalog, Locale};
use spona_testkit::{actor, demo_app, TestDb};

const PROGRAMME: &str = "Програм за сузбијање трговине људима 2024–2029";
const ACTION_PLAN: &str = "Akcioni plan 2024–2026";

async fn items(t: &TestDb) -> i64 {
    let mut c = t.db.conn().await.unwrap();
    sqlx::query_scalar("SELECT COUNT(*) FROM framework_items")
        .fetch_one(&mut *c)
        .await
        .unwrap()
}

#[tokio::test]
async fn the_national_office_imports_objectives_and_measures_once() {
    let catalog = Catalog::load().unwrap();
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let national = actor(&app, "national").await;
        let before = items(&t).await;
        let head = header(&catalog, ImportKind::Framework, Locale::SrLatn);
        let objective = vec![PROGRAMME, "Циљ", "9", "Увезени циљ (демо)"];
        let measure = vec![ACTION_PLAN, "measure", "9.1", "Увезена мера (демо)"];
        // The programme's reference is shared with its action plan: it names neither.
        let shared = vec!["Сл. гласник РС 25/2024", "мера", "9.2", "Друга мера"];
        let unknown = vec!["Стратегија 1999", "", "9.3", ""];
        let file = workbook(
            &head,
            &[objective.clone(), measure.clone(), shared, unknown],
        );
        let preview = app
            .preview_import(&national, &catalog, ImportKind::Framework, &file)
            .await
            .unwrap();
        assert!(preview.problems.is_empty(), "{:?}", preview.problems);
        assert_eq!(preview.rows[0].status, RowStatus::New);
        assert_eq!(preview.rows[1].status, RowStatus::New);
        let at = |row| -> Vec<_> { errors_of(&preview, row).iter().map(|e| e.column).collect() };
        assert_eq!(at(4), [Some("import-col-document")]);
        let columns = at(5);
        for column in [
            "import-col-document",
            "import-col-framework-kind",
            "import-col-title",
        ] {
            assert!(columns.contains(&Some(column)), "{column}: {columns:?}");
        }
        let refused = app
            .save_import(
                &national,
                &catalog,
                ImportKind::Framework,
                &file,
                &preview.digest,
            )
            .await
            .unwrap();
        assert!(matches!(refused, Saving::NotSaved(_)));
        assert_eq!(items(&t).await, before);

        let fixed = workbook(&head, &[objective, measure]);
        let added = saved(
            app.save_import(
                &national,
                &catalog,
                ImportKind::Framework,
                &fixed,
                &digest(&fixed),
            )
            .await
            .unwrap(),
        );
        assert_eq!(added, 2);
        assert_eq!(items(&t).await, before + 2);
        assert_eq!(imports_audited(&t, "framework").await, ["xlsx 2"]);
        let view = app.framework(&national).await.unwrap();
        let plan = view
            .entries
            .iter()
            .find(|e| e.document.title == "Акциони план 2024–2026")
            .unwrap();
        assert!(plan
            .items
            .iter()
            .any(|i| i.code == "9.1" && i.kind.code() == "measure"));

        let again = saved(
            app.save_import(
                &national,
                &catalog,
                ImportKind::Framework,
                &fixed,
                &digest(&fixed),
            )
            .await
            .unwrap(),
        );
        assert_eq!(again, 0);
        assert_eq!(items(&t).await, before + 2);

        // A team reads the framework but does not keep it; the administrator has none.
        for (who, refusal) in [
            ("le-coordinator", AppError::Forbidden),
            ("admin", AppError::NotFound),
        ] {
            let a = actor(&app, who).await;
            let answer = app
                .save_import(&a, &catalog, ImportKind::Framework, &fixed, &digest(&fixed))
                .await;
            assert!(
                matches!(
                    (&answer, &refusal),
                    (Err(AppError::Forbidden), AppError::Forbidden)
                        | (Err(AppError::NotFound), AppError::NotFound)
                ),
                "{who}: {answer:?}"
            );
        }
        assert_eq!(items(&t).await, before + 2);
        t.finish().await;
    }
}
