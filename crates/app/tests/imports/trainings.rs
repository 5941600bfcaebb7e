//! Trainings with who attended: one row per institution, rows of the same day and topic one
//! training, each row's errors at its cells, an institution over its staff refused as the
//! form refuses it.

use super::{count, digest, errors_of, header, imports_audited, saved, workbook};
use spona_app::imports::{ImportKind, RowStatus, Saving};
use spona_app::AppError;
use spona_i18n::{Catalog, Locale};
use spona_testkit::{actor, demo_app, TestDb};

// Date, topic, trainer, hours, score before, score after, institution, participants, names.
const POLICE: [&str; 9] = [
    "2025-04-10",
    "Рано препознавање",
    "Јана Јанковић",
    "4",
    "40",
    "75",
    "ПУ Лесковац",
    "3",
    "Марко Марковић; 40; 80\nПетар Петровић",
];
const SOCIAL: [&str; 9] = [
    "2025-04-10",
    "Рано препознавање",
    "Јана Јанковић",
    "4",
    "40",
    "75",
    "csr",
    "5",
    "",
];
const SCHOOLS: [&str; 9] = [
    "10.05.2025",
    "Trgovina ljudima u školama",
    "Ivan Ivić",
    "2,5",
    "",
    "",
    "Школска управа Лесковац",
    "12",
    "",
];

async fn participants(t: &TestDb) -> i64 {
    let mut c = t.db.conn().await.unwrap();
    sqlx::query_scalar("SELECT COUNT(*) FROM training_participants")
        .fetch_one(&mut *c)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_training_over_several_rows_is_saved_once_with_its_participants() {
    let catalog = Catalog::load().unwrap();
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let member = actor(&app, "le-member").await;
        let before = count(&t, "trainings", &member).await;
        let named_before = participants(&t).await;
        let head = header(&catalog, ImportKind::Trainings, Locale::SrCyrl);

        // Another trainer on the second row of the same training, an unknown institution, and
        // more participants than the centre for social work has staff (24): nothing is saved.
        let mut other_trainer = SOCIAL.to_vec();
        other_trainer[2] = "Неко Други";
        let mut unknown = SCHOOLS.to_vec();
        unknown[6] = "ПУ Ниш";
        let mut over = SCHOOLS.to_vec();
        over[0] = "2025-06-01";
        over[6] = "csr";
        over[7] = "500";
        let file = workbook(&head, &[POLICE.to_vec(), other_trainer, unknown, over]);
        let preview = app
            .preview_import(&member, &catalog, ImportKind::Trainings, &file)
            .await
            .unwrap();
        assert!(preview.problems.is_empty(), "{:?}", preview.problems);
        assert_eq!(preview.rows[0].status, RowStatus::New);
        let at = |row| -> Vec<_> { errors_of(&preview, row).iter().map(|e| e.column).collect() };
        assert_eq!(at(3), [Some("import-col-trainer")]);
        assert_eq!(at(4), [Some("import-col-institution")]);
        assert_eq!(at(5), [Some("import-col-participants")]);
        let refused = app
            .save_import(
                &member,
                &catalog,
                ImportKind::Trainings,
                &file,
                &preview.digest,
            )
            .await
            .unwrap();
        assert!(matches!(refused, Saving::NotSaved(_)));
        assert_eq!(count(&t, "trainings", &member).await, before);
        assert_eq!(participants(&t).await, named_before);

        let fixed = workbook(&head, &[POLICE.to_vec(), SOCIAL.to_vec(), SCHOOLS.to_vec()]);
        let preview = app
            .preview_import(&member, &catalog, ImportKind::Trainings, &fixed)
            .await
            .unwrap();
        assert_eq!(preview.rows[1].status, RowStatus::PartOf { first: 2 });
        assert_eq!(preview.new_rows(), 2);
        let added = saved(
            app.save_import(
                &member,
                &catalog,
                ImportKind::Trainings,
                &fixed,
                &digest(&fixed),
            )
            .await
            .unwrap(),
        );
        assert_eq!(added, 2, "two trainings");
        assert_eq!(count(&t, "trainings", &member).await, before + 2);
        assert_eq!(participants(&t).await, named_before + 2);
        assert_eq!(imports_audited(&t, "trainings").await, ["xlsx 2"]);
        let mut c = t.db.conn().await.unwrap();
        let (minutes, attended): (i64, i64) = sqlx::query_as(
            "SELECT t.minutes, (SELECT CAST(SUM(participants) AS BIGINT) FROM training_attendance a \
             WHERE a.training_id = t.id) FROM trainings t WHERE t.topic = 'Рано препознавање'",
        )
        .fetch_one(&mut *c)
        .await
        .unwrap();
        assert_eq!((minutes, attended), (240, 8));
        let half: i64 =
            sqlx::query_scalar("SELECT minutes FROM trainings WHERE trainer = 'Ivan Ivić'")
                .fetch_one(&mut *c)
                .await
                .unwrap();
        assert_eq!(half, 150);
        drop(c);

        // The same file again: every row is there, nothing changes.
        let again = app
            .preview_import(&member, &catalog, ImportKind::Trainings, &fixed)
            .await
            .unwrap();
        assert!(again
            .rows
            .iter()
            .all(|r| r.status == RowStatus::AlreadyThere));
        let added = saved(
            app.save_import(
                &member,
                &catalog,
                ImportKind::Trainings,
                &fixed,
                &digest(&fixed),
            )
            .await
            .unwrap(),
        );
        assert_eq!(added, 0);
        assert_eq!(count(&t, "trainings", &member).await, before + 2);
        assert_eq!(participants(&t).await, named_before + 2);

        // Outside a team's work there is no training to import.
        let national = actor(&app, "national").await;
        let answer = app
            .preview_import(&national, &catalog, ImportKind::Trainings, &fixed)
            .await;
        assert!(matches!(answer, Err(AppError::NotFound)), "{answer:?}");
        // Nor at the console, which has no account to name as the one who recorded them.
        let answer = app
            .save_import_at_console(
                "leskovac",
                &catalog,
                ImportKind::Trainings,
                &fixed,
                &digest(&fixed),
            )
            .await;
        assert!(matches!(answer, Err(AppError::Forbidden)), "{answer:?}");
        t.finish().await;
    }
}
