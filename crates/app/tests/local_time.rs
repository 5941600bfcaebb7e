//! Local time, on both engines: "today" turns at Serbian midnight, not UTC's, and a report's
//! quarter begins at local midnight, so a case reported late in the evening of its last day
//! (already the next day in Leskovac) counts in the next quarter.

use spona_domain::cases::ReportForm;
use spona_testkit::{actor, demo_app, TestDb, START};
use time::macros::{date, datetime};

#[tokio::test]
async fn today_turns_at_local_midnight() {
    for t in TestDb::every_engine().await {
        let (app, clock) = demo_app(&t).await;
        // The start is 2026-11-28 09:00 UTC; 22:50 UTC is 23:50 in Belgrade.
        clock.advance(datetime!(2026-11-28 22:50 UTC).unix_timestamp() - START);
        assert_eq!(app.today(), date!(2026 - 11 - 28));
        // 23:10 UTC is ten past midnight in Belgrade: already the 29th.
        clock.advance(20 * 60);
        assert_eq!(app.today(), date!(2026 - 11 - 29));
        t.finish().await;
    }
}

#[tokio::test]
async fn a_quarter_begins_at_local_midnight() {
    for t in TestDb::every_engine().await {
        let (app, clock) = demo_app(&t).await;
        // 31 March 2026, 23:30 UTC: 1 April, 01:30 in Leskovac (summer time).
        clock.advance(datetime!(2026-03-31 23:30 UTC).unix_timestamp() - START);
        let police = actor(&app, "le-police").await;
        let form = ReportForm {
            reporter_kind: "team-official".into(),
            detected_on: "2026-03-31".into(),
            given_name: "Јована".into(),
            family_name: "Вукомановић".into(),
            sex: "female".into(),
            birth_date: "1990-04-02".into(),
            ..Default::default()
        };
        app.report_case(&police, &form).await.unwrap();

        clock.advance(100 * 24 * 3600);
        let coordinator = actor(&app, "le-coordinator").await;
        for period in ["2026-Q1", "2026-Q2"] {
            let id = app
                .draft_report(
                    &coordinator,
                    &spona_app::reports::PeriodForm {
                        period: period.into(),
                    },
                )
                .await
                .unwrap();
            app.submit_report(&coordinator, id).await.unwrap();
        }
        let mut c = t.db.conn().await.unwrap();
        let counted: Vec<(String, i64)> = sqlx::query_as(
            "SELECT period, CAST(SUM(count) AS BIGINT) FROM frozen_case_counts \
             WHERE population = 'case' GROUP BY period ORDER BY period",
        )
        .fetch_all(&mut *c)
        .await
        .unwrap();
        let quarter_of = |q: &str| {
            counted
                .iter()
                .filter(|(p, _)| p.ends_with(q))
                .map(|(_, n)| n)
                .sum::<i64>()
        };
        assert_eq!(
            (quarter_of("2026-Q1"), quarter_of("2026-Q2")),
            (0, 1),
            "{counted:?}"
        );
        drop(c);
        t.finish().await;
    }
}
