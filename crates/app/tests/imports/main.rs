//! Imports from spreadsheets: each row judged by the record's own form and reported at its
//! row and column, nothing saved by a preview or by a file with any error, everything saved
//! in one go when confirmed, nothing twice when the same file comes again; refused to whom
//! may not record the same thing by hand. Activities and members here; the other kinds in
//! their own files.

mod accounts;
mod framework;
mod institutions;
mod materials;
mod trainings;

use spona_app::imports::{
    digest, CellError, FileProblem, HeaderProblem, ImportKind, Preview, RowStatus, Saving,
};
use spona_app::AppError;
use spona_domain::access::Actor;
use spona_domain::validation::FieldError;
use spona_i18n::{Catalog, Locale};
use spona_reports::table::{Column, Value};
use spona_reports::xlsx::XlsxWriter;
use spona_testkit::{actor, demo_app, TestDb};
use time::macros::format_description;
use time::Date;

/// A workbook with a header row and rows of text; whole numbers become number cells and ISO
/// dates date cells, as a spreadsheet program keeps them.
pub(crate) fn workbook(header: &[String], rows: &[Vec<&str>]) -> Vec<u8> {
    let columns: Vec<Column> = header.iter().map(|h| Column::new(h.as_str())).collect();
    let mut book = XlsxWriter::new(Vec::new());
    book.add_sheet("Sheet", &columns).unwrap();
    for row in rows {
        let values: Vec<Value> = row
            .iter()
            .map(|v| {
                if v.is_empty() {
                    Value::Empty
                } else if let Ok(n) = v.parse::<i64>() {
                    Value::Integer(n)
                } else if let Ok(d) = Date::parse(v, format_description!("[year]-[month]-[day]")) {
                    Value::Date(d)
                } else {
                    Value::Text(v.to_string())
                }
            })
            .collect();
        book.row(&values).unwrap();
    }
    book.finish().unwrap()
}

/// The headers of a kind in a locale, as the template writes them (required ones starred).
pub(crate) fn header(catalog: &Catalog, kind: ImportKind, locale: Locale) -> Vec<String> {
    kind.columns()
        .iter()
        .map(|c| {
            let name = catalog.text(locale, c.header);
            if c.required {
                format!("{name} *")
            } else {
                name
            }
        })
        .collect()
}

pub(crate) async fn count(t: &TestDb, table: &str, who: &Actor) -> i64 {
    let mut c = t.db.conn().await.unwrap();
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table} WHERE team_id = $1"))
        .bind(who.team_id.unwrap().0)
        .fetch_one(&mut *c)
        .await
        .unwrap()
}

pub(crate) async fn imports_audited(t: &TestDb, subject: &str) -> Vec<String> {
    let mut c = t.db.conn().await.unwrap();
    sqlx::query_scalar(
        "SELECT reason FROM audit_log WHERE action = 'records-imported' AND subject = $1 \
         ORDER BY seq",
    )
    .bind(subject)
    .fetch_all(&mut *c)
    .await
    .unwrap()
}

pub(crate) fn errors_of(p: &Preview, number: usize) -> Vec<CellError> {
    match &p.rows.iter().find(|r| r.number == number).unwrap().status {
        RowStatus::Invalid(e) => e.clone(),
        other => panic!("row {number} is {other:?}"),
    }
}

pub(crate) fn saved(s: Saving) -> usize {
    match s {
        Saving::Saved(i) => i.added,
        Saving::NotSaved(p) => panic!("not saved: {p:?}"),
    }
}

// Date, title, kind, medium, place, partners, pupils, teachers, parents, officials, public,
// description, materials.
const TALK: [&str; 13] = [
    "2025-10-18",
    "Трибина у Гимназији",
    "Трибина",
    "",
    "Гимназија Лесковац",
    "Школска управа",
    "120",
    "8",
    "",
    "",
    "",
    "",
    "Флајери",
];
const WORKSHOP: [&str; 13] = [
    "30.07.2025",
    "Radionica za roditelje",
    "workshop",
    "",
    "Дом културе",
    "",
    "",
    "",
    "25",
    "",
    "",
    "",
    "",
];
const MEDIA: [&str; 13] = [
    "2025-03-01",
    "Гостовање на ТВ",
    "Медијско гостовање",
    "Телевизија",
    "Студио",
    "",
    "",
    "",
    "",
    "",
    "1000",
    "",
    "",
];

#[tokio::test]
async fn activities_with_a_bad_row_are_reported_at_row_and_column_and_nothing_is_saved() {
    let catalog = Catalog::load().unwrap();
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let member = actor(&app, "le-member").await;
        let before = count(&t, "activities", &member).await;
        let mut bad = WORKSHOP.to_vec();
        bad[0] = "31.02.2025";
        bad[2] = "карневал";
        bad[8] = "-4";
        let head = header(&catalog, ImportKind::Activities, Locale::SrCyrl);
        let file = workbook(&head, &[TALK.to_vec(), bad, MEDIA.to_vec()]);

        let preview = app
            .preview_import(&member, &catalog, ImportKind::Activities, &file)
            .await
            .unwrap();
        assert!(preview.problems.is_empty(), "{:?}", preview.problems);
        assert_eq!(preview.digest, digest(&file));
        assert_eq!(preview.rows.len(), 3);
        assert_eq!(preview.rows[0].status, RowStatus::New);
        assert_eq!(preview.rows[2].status, RowStatus::New);
        let columns: Vec<_> = errors_of(&preview, 3).iter().map(|e| e.column).collect();
        for column in ["import-col-kind", "import-col-date", "import-col-parents"] {
            assert!(columns.contains(&Some(column)), "{column}: {columns:?}");
        }
        assert_eq!(columns.len(), 3, "nothing else is wrong with the row");
        assert!(!preview.savable());
        assert_eq!(
            count(&t, "activities", &member).await,
            before,
            "a preview saves nothing"
        );

        let refused = app
            .save_import(
                &member,
                &catalog,
                ImportKind::Activities,
                &file,
                &preview.digest,
            )
            .await
            .unwrap();
        assert!(matches!(refused, Saving::NotSaved(ref p) if p.invalid() == 1));
        assert_eq!(
            count(&t, "activities", &member).await,
            before,
            "not one row saved"
        );
        assert!(imports_audited(&t, "activities").await.is_empty());

        // Corrected, the whole file is saved, once.
        let fixed = workbook(&head, &[TALK.to_vec(), WORKSHOP.to_vec(), MEDIA.to_vec()]);
        let added = saved(
            app.save_import(
                &member,
                &catalog,
                ImportKind::Activities,
                &fixed,
                &digest(&fixed),
            )
            .await
            .unwrap(),
        );
        assert_eq!(added, 3);
        assert_eq!(count(&t, "activities", &member).await, before + 3);
        assert_eq!(imports_audited(&t, "activities").await, ["xlsx 3"]);
        let list = app
            .activities(&member, &spona_app::activities::ActivityQuery::default())
            .await
            .unwrap();
        let talk = list
            .page
            .items
            .iter()
            .find(|a| a.title == "Трибина у Гимназији")
            .expect("the talk is in the register");
        assert_eq!(talk.audience.pupils, 120);
        assert_eq!(talk.kind.code(), "public-talk");

        // The same file again: every row is there already, and nothing changes.
        let again = app
            .preview_import(&member, &catalog, ImportKind::Activities, &fixed)
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
                ImportKind::Activities,
                &fixed,
                &digest(&fixed),
            )
            .await
            .unwrap(),
        );
        assert_eq!(added, 0);
        assert_eq!(count(&t, "activities", &member).await, before + 3);
        assert_eq!(imports_audited(&t, "activities").await.len(), 1);
        t.finish().await;
    }
}

#[tokio::test]
async fn a_confirmation_with_another_file_than_the_previewed_one_saves_nothing() {
    let catalog = Catalog::load().unwrap();
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let member = actor(&app, "le-member").await;
        let before = count(&t, "activities", &member).await;
        let head = header(&catalog, ImportKind::Activities, Locale::En);
        let previewed = workbook(&head, &[TALK.to_vec()]);
        let sent = workbook(&head, &[TALK.to_vec(), MEDIA.to_vec()]);
        let answer = app
            .save_import(
                &member,
                &catalog,
                ImportKind::Activities,
                &sent,
                &digest(&previewed),
            )
            .await
            .unwrap();
        match answer {
            Saving::NotSaved(p) => {
                assert!(p.changed);
                assert_eq!(p.new_rows(), 2);
                assert_eq!(p.digest, digest(&sent));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(count(&t, "activities", &member).await, before);
        t.finish().await;
    }
}

#[tokio::test]
async fn a_row_repeated_in_the_file_is_saved_once() {
    let catalog = Catalog::load().unwrap();
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let member = actor(&app, "le-member").await;
        let before = count(&t, "activities", &member).await;
        let head = header(&catalog, ImportKind::Activities, Locale::SrLatn);
        let file = workbook(&head, &[TALK.to_vec(), TALK.to_vec()]);
        let preview = app
            .preview_import(&member, &catalog, ImportKind::Activities, &file)
            .await
            .unwrap();
        assert_eq!(preview.rows[1].status, RowStatus::Repeated { first: 2 });
        let added = saved(
            app.save_import(
                &member,
                &catalog,
                ImportKind::Activities,
                &file,
                &digest(&file),
            )
            .await
            .unwrap(),
        );
        assert_eq!(added, 1);
        assert_eq!(count(&t, "activities", &member).await, before + 1);
        t.finish().await;
    }
}

#[tokio::test]
async fn a_csv_file_with_english_headers_in_any_case_is_read() {
    let catalog = Catalog::load().unwrap();
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let member = actor(&app, "le-member").await;
        let before = count(&t, "activities", &member).await;
        let csv = "\u{feff}DATE;title;Kind;Place;pupils\r\n\
                   2025-10-18;Трибина у Гимназији;Public talk;Гимназија Лесковац;120\r\n\
                   \r\n\
                   2025-11-02;Изложба;exhibition;ЛКЦ;abc\r\n";
        let preview = app
            .preview_import(&member, &catalog, ImportKind::Activities, csv.as_bytes())
            .await
            .unwrap();
        assert!(preview.problems.is_empty(), "{:?}", preview.problems);
        assert_eq!(preview.rows[0].status, RowStatus::New);
        assert_eq!(
            errors_of(&preview, 4),
            vec![CellError {
                column: Some("import-col-pupils"),
                error: FieldError::Invalid
            }]
        );
        let fixed = csv.replace("abc", "30");
        let added = saved(
            app.save_import(
                &member,
                &catalog,
                ImportKind::Activities,
                fixed.as_bytes(),
                &digest(fixed.as_bytes()),
            )
            .await
            .unwrap(),
        );
        assert_eq!(added, 2);
        assert_eq!(count(&t, "activities", &member).await, before + 2);
        assert_eq!(imports_audited(&t, "activities").await, ["csv 2"]);
        t.finish().await;
    }
}

#[tokio::test]
async fn an_unknown_or_missing_column_is_a_problem_of_the_file() {
    let catalog = Catalog::load().unwrap();
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let member = actor(&app, "le-member").await;
        let csv = "title,place,Budget\nТрибина,Лесковац,100\n";
        let preview = app
            .preview_import(&member, &catalog, ImportKind::Activities, csv.as_bytes())
            .await
            .unwrap();
        assert!(preview
            .problems
            .contains(&FileProblem::Header(HeaderProblem::Unknown(
                "Budget".into()
            ))));
        assert!(preview
            .problems
            .contains(&FileProblem::Header(HeaderProblem::Missing(
                "import-col-date"
            ))));
        assert!(!preview.savable());
        t.finish().await;
    }
}

// Institution, full name, position, team role, email, phone, from, to.
const ANA: [&str; 8] = [
    "ЦСР Лесковац",
    "Ана Анић",
    "социјална радница",
    "Представник институције",
    "ana@example.rs",
    "",
    "2014-01-15",
    "2019-12-31",
];
const ANA_LATER: [&str; 8] = [
    "Centar za socijalni rad Leskovac",
    "Ана Анић",
    "",
    "coordinator",
    "",
    "",
    "2020-01-01",
    "",
];
const PERA: [&str; 8] = [
    "pu",
    "Pera Perić",
    "",
    "Deputy representative",
    "",
    "",
    "15.03.2016",
    "",
];

#[tokio::test]
async fn members_with_their_history_are_imported_once_and_a_bad_row_saves_nothing() {
    let catalog = Catalog::load().unwrap();
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let coordinator = actor(&app, "le-coordinator").await;
        let before = count(&t, "members", &coordinator).await;
        let head = header(&catalog, ImportKind::Members, Locale::SrLatn);
        let mut bad = PERA.to_vec();
        bad[0] = "ПУ Ниш";
        bad[4] = "pera@";
        let file = workbook(&head, &[ANA.to_vec(), ANA_LATER.to_vec(), bad]);
        let preview = app
            .preview_import(&coordinator, &catalog, ImportKind::Members, &file)
            .await
            .unwrap();
        assert!(preview.problems.is_empty(), "{:?}", preview.problems);
        assert_eq!(preview.new_rows(), 2);
        let columns: Vec<_> = errors_of(&preview, 4).iter().map(|e| e.column).collect();
        assert!(
            columns.contains(&Some("import-col-institution")),
            "another team's institution is unknown here: {columns:?}"
        );
        assert!(columns.contains(&Some("import-col-email")), "{columns:?}");
        let refused = app
            .save_import(
                &coordinator,
                &catalog,
                ImportKind::Members,
                &file,
                &preview.digest,
            )
            .await
            .unwrap();
        assert!(matches!(refused, Saving::NotSaved(_)));
        assert_eq!(count(&t, "members", &coordinator).await, before);

        let fixed = workbook(&head, &[ANA.to_vec(), ANA_LATER.to_vec(), PERA.to_vec()]);
        let added = saved(
            app.save_import(
                &coordinator,
                &catalog,
                ImportKind::Members,
                &fixed,
                &digest(&fixed),
            )
            .await
            .unwrap(),
        );
        assert_eq!(added, 3);
        assert_eq!(count(&t, "members", &coordinator).await, before + 3);
        assert_eq!(imports_audited(&t, "members").await, ["xlsx 3"]);
        let mut c = t.db.conn().await.unwrap();
        let anas: Vec<(String, Option<String>)> = sqlx::query_as(
            "SELECT team_role, to_date FROM members WHERE full_name = 'Ана Анић' ORDER BY from_date",
        )
        .fetch_all(&mut *c)
        .await
        .unwrap();
        assert_eq!(
            anas,
            [
                ("representative".to_string(), Some("2019-12-31".to_string())),
                ("coordinator".to_string(), None)
            ]
        );
        let history: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM registry_history WHERE subject = 'member' AND change = 'created' \
             AND details LIKE 'Ана Анић%'",
        )
        .fetch_one(&mut *c)
        .await
        .unwrap();
        assert_eq!(history, 2, "each membership's history starts with it");
        drop(c);

        let again = saved(
            app.save_import(
                &coordinator,
                &catalog,
                ImportKind::Members,
                &fixed,
                &digest(&fixed),
            )
            .await
            .unwrap(),
        );
        assert_eq!(again, 0);
        assert_eq!(count(&t, "members", &coordinator).await, before + 3);
        t.finish().await;
    }
}

#[tokio::test]
async fn who_may_not_record_by_hand_may_not_import() {
    let catalog = Catalog::load().unwrap();
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let head = header(&catalog, ImportKind::Members, Locale::SrCyrl);
        let file = workbook(&head, &[ANA.to_vec()]);
        let member = actor(&app, "le-member").await;
        let before = count(&t, "members", &member).await;
        // A team member records activities, trainings and materials, but does not keep the
        // registry, the framework or accounts.
        assert_eq!(
            app.import_kinds(&member).unwrap(),
            [
                ImportKind::Activities,
                ImportKind::Trainings,
                ImportKind::Materials
            ]
        );
        for answer in [
            app.preview_import(&member, &catalog, ImportKind::Members, &file)
                .await
                .map(|_| ()),
            app.save_import(
                &member,
                &catalog,
                ImportKind::Members,
                &file,
                &digest(&file),
            )
            .await
            .map(|_| ()),
        ] {
            assert!(matches!(answer, Err(AppError::Forbidden)), "{answer:?}");
        }
        // Without a team's work, only the deployment's records: accounts for the
        // administrator, the framework for the national office; the auditor imports nothing.
        let admin = actor(&app, "admin").await;
        assert_eq!(app.import_kinds(&admin).unwrap(), [ImportKind::Accounts]);
        let national = actor(&app, "national").await;
        assert_eq!(
            app.import_kinds(&national).unwrap(),
            [ImportKind::Framework]
        );
        let auditor = actor(&app, "auditor").await;
        assert!(matches!(
            app.import_kinds(&auditor),
            Err(AppError::NotFound)
        ));
        for (who, kinds) in [
            (&admin, &ImportKind::ALL[..5]),
            (&national, &ImportKind::ALL[..5]),
            (&auditor, &ImportKind::ALL[..]),
        ] {
            for kind in kinds {
                let answer = app
                    .save_import(who, &catalog, *kind, &file, &digest(&file))
                    .await
                    .map(|_| ());
                assert!(
                    matches!(answer, Err(AppError::NotFound)),
                    "{kind:?}: {answer:?}"
                );
            }
        }
        assert_eq!(count(&t, "members", &member).await, before);
        let coordinator = actor(&app, "le-coordinator").await;
        let mine: Vec<_> = ImportKind::ALL
            .into_iter()
            .filter(|k| *k != ImportKind::Framework)
            .collect();
        assert_eq!(app.import_kinds(&coordinator).unwrap(), mine);
        t.finish().await;
    }
}

#[tokio::test]
async fn at_the_console_a_team_is_named_by_its_code() {
    let catalog = Catalog::load().unwrap();
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let member = actor(&app, "le-member").await;
        let before = count(&t, "activities", &member).await;
        let head = header(&catalog, ImportKind::Activities, Locale::En);
        let file = workbook(&head, &[TALK.to_vec()]);
        let unknown = app
            .preview_import_at_console("atlantis", &catalog, ImportKind::Activities, &file)
            .await;
        assert!(matches!(unknown, Err(AppError::NotFound)));
        let preview = app
            .preview_import_at_console("leskovac", &catalog, ImportKind::Activities, &file)
            .await
            .unwrap();
        assert_eq!(preview.new_rows(), 1);
        let added = saved(
            app.save_import_at_console(
                "leskovac",
                &catalog,
                ImportKind::Activities,
                &file,
                &preview.digest,
            )
            .await
            .unwrap(),
        );
        assert_eq!(added, 1);
        assert_eq!(count(&t, "activities", &member).await, before + 1);
        t.finish().await;
    }
}
