//! Exports of the team's lists: allowed for the team's own roles and audited before a row is
//! read, refused to everyone else with nothing audited, read in pages that neither repeat
//! nor skip a row when the list changes meanwhile.

use spona_app::activities::ActivityQuery;
use spona_app::exports::{Cell, Export, Format, Value, PAGE_ROWS};
use spona_app::{App, AppError};
use spona_domain::access::{team_work, Actor, WorkNeed};
use spona_domain::activities::{ActivityDraft, ActivityKind, Audience};
use spona_store::activities;
use spona_testkit::{actor, demo_app, TestDb};
use time::macros::date;
use time::Date;

async fn audited(t: &TestDb, subject: &str, reason: &str) -> i64 {
    let mut c = t.db.conn().await.unwrap();
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'list-exported' AND subject = $1 \
         AND reason = $2",
    )
    .bind(subject)
    .bind(reason)
    .fetch_one(&mut *c)
    .await
    .unwrap()
}

/// Every row of every table, with the table each came in.
async fn drain(mut export: Export) -> Vec<(usize, Vec<Cell>)> {
    let mut all = Vec::new();
    while let Some(page) = export.next_rows().await.unwrap() {
        assert!(page.rows.len() as i64 <= PAGE_ROWS, "a page at a time");
        let columns = export.tables[page.table].columns.len();
        for row in page.rows {
            assert_eq!(row.len(), columns, "a cell for every column");
            all.push((page.table, row));
        }
    }
    all
}

fn title(row: &[Cell]) -> String {
    match &row[3] {
        Cell::Value(Value::Text(t)) => t.clone(),
        other => panic!("not a title: {other:?}"),
    }
}

async fn insert(app: &App, who: &Actor, titles: impl Iterator<Item = String>, on: Date) {
    let scope = team_work(who, WorkNeed::Record).unwrap();
    let mut tx = app.db().begin().await.unwrap();
    for title in titles {
        let draft = ActivityDraft {
            title,
            kind: ActivityKind::Campaign,
            medium: None,
            held_on: on,
            venue_id: None,
            place: "Лесковац".into(),
            partners: String::new(),
            audience: Audience::default(),
            description: String::new(),
            materials: String::new(),
            plan_activity_id: None,
        };
        activities::insert(&mut tx, &scope, &draft, "Лесковац", who.user_id, 1)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn a_team_role_exports_its_lists_audited_before_any_row_is_read() {
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let member = actor(&app, "le-member").await;
        let export = app
            .export_activities(&member, &ActivityQuery::default(), Format::Csv)
            .await
            .unwrap();
        assert_eq!(audited(&t, "activities", "csv").await, 1, "before any row");
        assert_eq!(export.file_name, "activities-2026-11-28.csv");
        let rows = drain(export).await;
        let listed = app
            .activities(&member, &ActivityQuery::default())
            .await
            .unwrap()
            .page
            .total;
        assert_eq!(rows.len() as i64, listed);
        assert!(rows
            .iter()
            .any(|(_, r)| r[1] == Cell::Term("activity-kind-exhibition".into())));

        // A workbook of materials has a second table; a CSV file only the first.
        let xlsx = app.export_materials(&member, Format::Xlsx).await.unwrap();
        assert_eq!(xlsx.tables.len(), 2);
        let csv = app.export_materials(&member, Format::Csv).await.unwrap();
        assert_eq!(csv.tables.len(), 1);
        assert_eq!(audited(&t, "materials", "xlsx").await, 1);

        // The plan names its responsible institutions in both scripts.
        let plan = app.plans(&member).await.unwrap().plans[0].id;
        let export = app.export_plan(&member, plan, Format::Xlsx).await.unwrap();
        assert_eq!(export.file_name, format!("plan-{plan}-2026-11-28.xlsx"));
        let rows = drain(export).await;
        assert!(!rows.is_empty());
        assert!(matches!(&rows[0].1[2], Cell::Names { cyrl, latn }
            if cyrl == "Центар за социјални рад Лесковац"
            && latn == "Centar za socijalni rad Leskovac"));
        assert_eq!(
            rows[0].1[4],
            Cell::Value(Value::Date(date!(2026 - 12 - 15)))
        );
        // Its entry joins the plan's own in the trail.
        let mut c = t.db.conn().await.unwrap();
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'list-exported' \
             AND subject = 'coordination-plan' AND subject_id = $1 AND reason = 'xlsx'",
        )
        .bind(plan)
        .fetch_one(&mut *c)
        .await
        .unwrap();
        assert_eq!(n, 1);
        drop(c);
        t.finish().await;
    }
}

#[tokio::test]
async fn nobody_outside_the_team_exports_and_a_refusal_is_not_audited() {
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let member = actor(&app, "le-member").await;
        let plan = app.plans(&member).await.unwrap().plans[0].id;
        let national = actor(&app, "national").await;
        let q = ActivityQuery::default();
        // As the list pages answer.
        assert!(matches!(
            app.export_activities(&national, &q, Format::Xlsx).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            app.export_trainings(&national, Format::Xlsx).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            app.export_materials(&national, Format::Csv).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            app.export_meetings(&national, Format::Csv).await,
            Err(AppError::NotFound)
        ));
        for who in ["national", "nis-coordinator"] {
            let other = actor(&app, who).await;
            assert!(matches!(
                app.export_plan(&other, plan, Format::Xlsx).await,
                Err(AppError::NotFound)
            ));
        }
        let mut c = t.db.conn().await.unwrap();
        let n: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'list-exported'")
                .fetch_one(&mut *c)
                .await
                .unwrap();
        assert_eq!(n, 0);
        drop(c);
        t.finish().await;
    }
}

#[tokio::test]
async fn pages_neither_repeat_nor_skip_rows_of_one_day_when_the_list_changes() {
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let member = actor(&app, "le-member").await;
        let day = date!(2025 - 01 - 15);
        let count = 2 * PAGE_ROWS as usize + 1;
        insert(
            &app,
            &member,
            (0..count).map(|i| format!("Кампања {i:04}")),
            day,
        )
        .await;
        let q = ActivityQuery {
            year: "2025".into(),
            ..Default::default()
        };
        let mut export = app
            .export_activities(&member, &q, Format::Csv)
            .await
            .unwrap();
        let first = export.next_rows().await.unwrap().unwrap();
        assert_eq!(first.rows.len() as i64, PAGE_ROWS);
        // Added meanwhile on the same day, so they sort before what was read: not in this
        // export, and nothing read moves into a later page.
        insert(&app, &member, (0..7).map(|i| format!("Касније {i}")), day).await;
        let mut titles: Vec<String> = first.rows.iter().map(|r| title(r)).collect();
        titles.extend(drain(export).await.iter().map(|(_, r)| title(r)));
        assert_eq!(titles.len(), count);
        titles.sort();
        titles.dedup();
        assert_eq!(titles.len(), count, "each once");
        assert!(titles.iter().all(|t| t.starts_with("Кампања")));
        t.finish().await;
    }
}
