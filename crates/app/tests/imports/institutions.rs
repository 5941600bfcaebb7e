//! Institutions and partners: found by their code, their history started, refused to a
//! team member who does not keep the registry.

use super::{count, digest, errors_of, header, imports_audited, saved, workbook};
use spona_app::imports::{ImportKind, RowStatus, Saving};
use spona_app::AppError;
use spona_i18n::{Catalog, Locale};
use spona_testkit::{actor, demo_app, TestDb};

// Code, standing, kind, name (Cyrillic), name (Latin), short name, lead, donor, cooperation,
// address, phone, email.
const SCHOOL: [&str; 12] = [
    "gim",
    "Партнерска организација",
    "Образовање (управа, усавршавање)",
    "Гимназија Лесковац",
    "",
    "Гимназија",
    "",
    "не",
    "Трибине за ученике",
    "Лесковац",
    "",
    "gimnazija@example.rs",
];
const SHELTER: [&str; 12] = [
    "atina",
    "partner",
    "ngo",
    "Удружење Атина (демо)",
    "Udruženje Atina (demo)",
    "Атина",
    "",
    "da",
    "",
    "",
    "",
    "",
];

#[tokio::test]
async fn institutions_are_saved_whole_once_and_a_bad_row_saves_nothing() {
    let catalog = Catalog::load().unwrap();
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let coordinator = actor(&app, "le-coordinator").await;
        let before = count(&t, "institutions", &coordinator).await;
        let head = header(&catalog, ImportKind::Institutions, Locale::SrCyrl);
        let mut bad = SHELTER.to_vec();
        bad[2] = "циркус";
        bad[7] = "можда";
        bad[11] = "atina@";
        // A code the team's registry already has is "already there", not a new institution.
        let mut police = SCHOOL.to_vec();
        police[0] = "pu";
        let file = workbook(&head, &[SCHOOL.to_vec(), bad, police.clone()]);
        let preview = app
            .preview_import(&coordinator, &catalog, ImportKind::Institutions, &file)
            .await
            .unwrap();
        assert!(preview.problems.is_empty(), "{:?}", preview.problems);
        assert_eq!(preview.rows[0].status, RowStatus::New);
        assert_eq!(preview.rows[2].status, RowStatus::AlreadyThere);
        let columns: Vec<_> = errors_of(&preview, 3).iter().map(|e| e.column).collect();
        for column in [
            "import-col-institution-kind",
            "import-col-donor",
            "import-col-email",
        ] {
            assert!(columns.contains(&Some(column)), "{column}: {columns:?}");
        }
        assert_eq!(columns.len(), 3, "{columns:?}");
        let refused = app
            .save_import(
                &coordinator,
                &catalog,
                ImportKind::Institutions,
                &file,
                &preview.digest,
            )
            .await
            .unwrap();
        assert!(matches!(refused, Saving::NotSaved(_)));
        assert_eq!(count(&t, "institutions", &coordinator).await, before);

        let fixed = workbook(&head, &[SCHOOL.to_vec(), SHELTER.to_vec(), police]);
        let added = saved(
            app.save_import(
                &coordinator,
                &catalog,
                ImportKind::Institutions,
                &fixed,
                &digest(&fixed),
            )
            .await
            .unwrap(),
        );
        assert_eq!(added, 2);
        assert_eq!(count(&t, "institutions", &coordinator).await, before + 2);
        assert_eq!(imports_audited(&t, "institutions").await, ["xlsx 2"]);
        let mut c = t.db.conn().await.unwrap();
        let atina: (String, String, i64, String) = sqlx::query_as(
            "SELECT standing, kind, is_donor, name_latn FROM institutions WHERE code = 'atina'",
        )
        .fetch_one(&mut *c)
        .await
        .unwrap();
        assert_eq!(
            atina,
            (
                "partner".into(),
                "ngo".into(),
                1,
                "Udruženje Atina (demo)".into()
            )
        );
        let school_latin: String =
            sqlx::query_scalar("SELECT name_latn FROM institutions WHERE code = 'gim'")
                .fetch_one(&mut *c)
                .await
                .unwrap();
        assert_eq!(
            school_latin, "Gimnazija Leskovac",
            "made from the Cyrillic name"
        );
        let history: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM registry_history WHERE subject = 'institution' \
             AND change = 'created' AND details = 'Гимназија Лесковац'",
        )
        .fetch_one(&mut *c)
        .await
        .unwrap();
        assert_eq!(history, 1, "its history starts with it");
        drop(c);

        // The same file again changes nothing.
        let again = saved(
            app.save_import(
                &coordinator,
                &catalog,
                ImportKind::Institutions,
                &fixed,
                &digest(&fixed),
            )
            .await
            .unwrap(),
        );
        assert_eq!(again, 0);
        assert_eq!(count(&t, "institutions", &coordinator).await, before + 2);
        assert_eq!(imports_audited(&t, "institutions").await.len(), 1);

        // A member imported next names the new institution by its code.
        let members = header(&catalog, ImportKind::Members, Locale::SrCyrl);
        let file = workbook(
            &members,
            &[vec![
                "gim",
                "Мила Милић",
                "",
                "representative",
                "",
                "",
                "2024-09-01",
                "",
            ]],
        );
        let added = saved(
            app.save_import(
                &coordinator,
                &catalog,
                ImportKind::Members,
                &file,
                &digest(&file),
            )
            .await
            .unwrap(),
        );
        assert_eq!(added, 1);

        // A team member does not keep the registry: refused, and nothing saved.
        let member = actor(&app, "le-member").await;
        let other = workbook(
            &head,
            &[{
                let mut row = SCHOOL.to_vec();
                row[0] = "drugi";
                row
            }],
        );
        let answer = app
            .save_import(
                &member,
                &catalog,
                ImportKind::Institutions,
                &other,
                &digest(&other),
            )
            .await;
        assert!(matches!(answer, Err(AppError::Forbidden)), "{answer:?}");
        assert_eq!(count(&t, "institutions", &coordinator).await, before + 2);
        t.finish().await;
    }
}
