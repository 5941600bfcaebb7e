//! The periodic report to the National Coordinator, on both engines: drafted, edited and
//! submitted by the coordinator only; frozen on submission (figures and text, with the hash
//! in the audit chain); corrected as a new version; read by the national office beside the
//! other teams', acknowledged by it; case figures never shown below the threshold.

use spona_app::activities::ActivityForm;
use spona_app::audit::{Break, Checkpoint};
use spona_app::reports::{Integrity, NarrativeForm, PeriodForm};
use spona_app::{App, AppError, ManualClock};
use spona_domain::access::Actor;
use spona_domain::disclosure::{Position, Published};
use spona_domain::reports::ReportStatus;
use spona_domain::validation::FieldError;
use spona_testkit::{actor, demo_app, TestDb};
use std::sync::Arc;

fn period(p: &str) -> PeriodForm {
    PeriodForm { period: p.into() }
}

fn talk(on: &str) -> ActivityForm {
    ActivityForm {
        title: "Трибина у Гимназији".into(),
        kind: "public-talk".into(),
        held_on: on.into(),
        place: "Гимназија".into(),
        pupils: "120".into(),
        teachers: "8".into(),
        ..Default::default()
    }
}

/// Moves the clock into January 2027 (the demo's cases of November 2026 then lie in an
/// ended quarter) and signs in again, as sessions do not last that long.
async fn into_2027(app: &App, clock: &Arc<ManualClock>, who: &str) -> Actor {
    clock.advance(40 * 24 * 3600);
    actor(app, who).await
}

async fn audited(t: &TestDb, action: &str) -> Vec<String> {
    let mut c = t.db.conn().await.unwrap();
    sqlx::query_scalar("SELECT reason FROM audit_log WHERE action = $1 ORDER BY seq")
        .bind(action)
        .fetch_all(&mut *c)
        .await
        .unwrap()
}

#[tokio::test]
async fn only_the_coordinator_drafts_and_the_team_alone_reads_a_draft() {
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        let coordinator = actor(&app, "le-coordinator").await;
        let member = actor(&app, "le-member").await;
        let nis = actor(&app, "nis-coordinator").await;
        let national = actor(&app, "national").await;

        assert!(matches!(
            app.draft_report(&member, &period("2026-Q3")).await,
            Err(AppError::Forbidden)
        ));
        let id = app
            .draft_report(&coordinator, &period("2026-Q3"))
            .await
            .unwrap();
        match app.draft_report(&coordinator, &period("2026-Q3")).await {
            Err(AppError::Invalid(e)) => assert_eq!(e.get("period"), Some(FieldError::Taken)),
            other => panic!("{other:?}"),
        }
        match app.draft_report(&coordinator, &period("2026-Q7")).await {
            Err(AppError::Invalid(e)) => assert!(e.get("period").is_some()),
            other => panic!("{other:?}"),
        }
        let seen = app.team_report(&member, id).await.unwrap();
        assert_eq!(seen.report.status, ReportStatus::Draft);
        assert!(!seen.can_edit && !seen.can_submit);
        assert!(app.team_report(&coordinator, id).await.unwrap().can_submit);
        assert!(matches!(
            app.team_report(&nis, id).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            app.national_report(&national, id).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            app.national_reports(&coordinator, None).await,
            Err(AppError::Forbidden)
        ));
        assert_eq!(app.team_reports(&member).await.unwrap().reports.len(), 1);
        assert!(app.team_reports(&nis).await.unwrap().reports.is_empty());
        assert_eq!(audited(&t, "report-drafted").await.len(), 1);
        t.finish().await;
    }
}

#[tokio::test]
async fn a_draft_counts_the_periods_work_and_a_stale_edit_changes_nothing() {
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        let coordinator = actor(&app, "le-coordinator").await;
        let id = app
            .draft_report(&coordinator, &period("2026-Q3"))
            .await
            .unwrap();
        let before = app.team_report(&coordinator, id).await.unwrap().content;
        app.create_activity(&coordinator, &talk("2026-09-15"))
            .await
            .unwrap();
        // A talk outside the quarter does not count.
        app.create_activity(&coordinator, &talk("2026-10-02"))
            .await
            .unwrap();
        let after = app.team_report(&coordinator, id).await.unwrap();
        assert_eq!(
            after.content.activities.total(),
            before.activities.total() + 1
        );
        assert_eq!(
            after.content.activities.reach(),
            before.activities.reach() + 128
        );
        assert!(after
            .content
            .activities
            .by_month
            .iter()
            .any(|m| m.month == "2026-09"));
        assert!(
            after.content.plan.is_some(),
            "the 2026 plan covers the quarter"
        );
        assert!(!after.content.composition.members.is_empty());

        let form = NarrativeForm {
            summary: "Тромесечје обележено трибинама у школама.".into(),
            ..NarrativeForm::from_narrative(&after.report.narrative, after.report.edit_version)
        };
        app.update_report_text(&coordinator, id, &form)
            .await
            .unwrap();
        let stale = NarrativeForm {
            summary: "Старо".into(),
            ..form.clone()
        };
        assert!(matches!(
            app.update_report_text(&coordinator, id, &stale).await,
            Err(AppError::Conflict)
        ));
        let shown = app.team_report(&coordinator, id).await.unwrap();
        assert_eq!(
            shown.content.narrative.summary,
            "Тромесечје обележено трибинама у школама."
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn a_period_not_over_cannot_be_submitted() {
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        let coordinator = actor(&app, "le-coordinator").await;
        let id = app
            .draft_report(&coordinator, &period("2026-Q4"))
            .await
            .unwrap();
        assert!(!app.team_report(&coordinator, id).await.unwrap().can_submit);
        match app.submit_report(&coordinator, id).await {
            Err(AppError::Invalid(e)) => {
                assert_eq!(e.get("period"), Some(FieldError::PeriodNotOver))
            }
            other => panic!("{other:?}"),
        }
        let r = app.team_report(&coordinator, id).await.unwrap().report;
        assert_eq!(r.status, ReportStatus::Draft);
        assert!(audited(&t, "report-submitted").await.is_empty());
        t.finish().await;
    }
}

#[tokio::test]
async fn a_submitted_report_is_frozen_sealed_and_corrected_only_as_a_new_version() {
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        let coordinator = actor(&app, "le-coordinator").await;
        let national = actor(&app, "national").await;
        let id = app
            .draft_report(&coordinator, &period("2026-Q3"))
            .await
            .unwrap();
        let member = actor(&app, "le-member").await;
        assert!(matches!(
            app.submit_report(&member, id).await,
            Err(AppError::Forbidden)
        ));
        app.submit_report(&coordinator, id).await.unwrap();
        let frozen = app.team_report(&coordinator, id).await.unwrap();
        assert_eq!(frozen.report.status, ReportStatus::Submitted);
        assert_eq!(frozen.integrity, Integrity::Intact);
        assert!(!frozen.can_edit && !frozen.can_submit && frozen.can_correct);
        assert_eq!(
            audited(&t, "report-submitted").await,
            vec![format!("sha256:{}", frozen.report.content_hash)]
        );

        // Work recorded later in the quarter does not change what was submitted.
        app.create_activity(&coordinator, &talk("2026-09-20"))
            .await
            .unwrap();
        let again = app.team_report(&coordinator, id).await.unwrap();
        assert_eq!(again.content, frozen.content);
        assert!(matches!(
            app.update_report_text(&coordinator, id, &NarrativeForm::default())
                .await,
            Err(AppError::Conflict)
        ));
        assert!(matches!(
            app.submit_report(&coordinator, id).await,
            Err(AppError::Conflict)
        ));
        // Not even a mistaken statement changes or removes it.
        let mut c = t.db.conn().await.unwrap();
        let changed = sqlx::query("UPDATE team_reports SET summary = 'друго' WHERE id = $1")
            .bind(id)
            .execute(&mut *c)
            .await;
        assert!(changed.is_err(), "a frozen report was changed");
        let deleted = sqlx::query("DELETE FROM team_reports WHERE id = $1")
            .bind(id)
            .execute(&mut *c)
            .await;
        assert!(deleted.is_err(), "a frozen report was deleted");
        drop(c);

        // The national office sees it; a correction is a new draft, and until it is
        // submitted the national office keeps seeing the first version.
        let listed = app
            .national_reports(&national, Some("2026-Q3"))
            .await
            .unwrap();
        assert_eq!(
            listed
                .lines
                .iter()
                .map(|l| (l.id, l.version))
                .collect::<Vec<_>>(),
            vec![(id, 1)]
        );
        let v2 = app.correct_report(&coordinator, id).await.unwrap();
        assert!(matches!(
            app.correct_report(&coordinator, id).await,
            Err(AppError::Conflict)
        ));
        let draft = app.team_report(&coordinator, v2).await.unwrap();
        assert_eq!(
            (draft.report.version, draft.report.supersedes),
            (2, Some(id))
        );
        assert_eq!(draft.versions.len(), 2);
        let listed = app
            .national_reports(&national, Some("2026-Q3"))
            .await
            .unwrap();
        assert_eq!(listed.lines[0].id, id);
        app.submit_report(&coordinator, v2).await.unwrap();
        let listed = app
            .national_reports(&national, Some("2026-Q3"))
            .await
            .unwrap();
        assert_eq!(
            listed
                .lines
                .iter()
                .map(|l| (l.id, l.version))
                .collect::<Vec<_>>(),
            vec![(v2, 2)]
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn a_copy_changed_behind_the_applications_back_is_shown_as_altered() {
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        let coordinator = actor(&app, "le-coordinator").await;
        let id = app
            .draft_report(&coordinator, &period("2026-Q3"))
            .await
            .unwrap();
        app.submit_report(&coordinator, id).await.unwrap();
        let mut c = t.db.conn().await.unwrap();
        let drop_trigger = if t.db.backend() == spona_store::Backend::Postgres {
            "DROP TRIGGER team_reports_frozen ON team_reports"
        } else {
            "DROP TRIGGER team_reports_frozen"
        };
        sqlx::query(drop_trigger).execute(&mut *c).await.unwrap();
        sqlx::query(
            "UPDATE team_reports SET content = replace(content, '\"trainings\":', \
             '\"trainings\": ') WHERE id = $1",
        )
        .bind(id)
        .execute(&mut *c)
        .await
        .unwrap();
        drop(c);
        assert_eq!(
            app.team_report(&coordinator, id).await.unwrap().integrity,
            Integrity::Altered
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn the_national_office_acknowledges_and_others_may_not() {
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        let coordinator = actor(&app, "le-coordinator").await;
        let nis = actor(&app, "nis-coordinator").await;
        let national = actor(&app, "national").await;
        let admin = actor(&app, "admin").await;
        app.create_activity(&coordinator, &talk("2026-09-15"))
            .await
            .unwrap();
        app.create_activity(&nis, &talk("2026-08-10"))
            .await
            .unwrap();
        app.create_activity(&nis, &talk("2026-08-11"))
            .await
            .unwrap();
        let le = app
            .draft_report(&coordinator, &period("2026-Q3"))
            .await
            .unwrap();
        app.submit_report(&coordinator, le).await.unwrap();
        let ni = app.draft_report(&nis, &period("2026-Q3")).await.unwrap();
        app.submit_report(&nis, ni).await.unwrap();

        let listed = app
            .national_reports(&national, Some("2026-Q3"))
            .await
            .unwrap();
        assert_eq!(listed.lines.len(), 2, "both teams, side by side");
        let summary = listed.summary.unwrap();
        assert_eq!(summary.teams, 2);
        let le_view = app.team_report(&coordinator, le).await.unwrap().content;
        let ni_view = app.team_report(&nis, ni).await.unwrap().content;
        assert!(le_view.activities.total() >= 1 && ni_view.activities.total() >= 2);
        assert_eq!(
            summary.activities,
            le_view.activities.total() + ni_view.activities.total()
        );
        assert_eq!(
            summary.reach,
            le_view.activities.reach() + ni_view.activities.reach()
        );
        let view = app.national_report(&national, le).await.unwrap();
        assert!(view.can_acknowledge && !view.can_edit);

        // The team's own coordinator is forbidden to; for the administrator, who has no
        // team, the report is not there.
        for (who, inside) in [(&coordinator, true), (&admin, false)] {
            let outcome = app.acknowledge_report(who, le, "").await;
            assert!(match inside {
                true => matches!(outcome, Err(AppError::Forbidden)),
                false => matches!(outcome, Err(AppError::NotFound)),
            });
        }
        assert!(matches!(
            app.national_reports(&admin, None).await,
            Err(AppError::Forbidden)
        ));
        app.acknowledge_report(&national, le, "Примљено, хвала.")
            .await
            .unwrap();
        assert!(matches!(
            app.acknowledge_report(&national, le, "").await,
            Err(AppError::Conflict)
        ));
        let r = app.team_report(&coordinator, le).await.unwrap().report;
        assert_eq!(r.status, ReportStatus::Acknowledged);
        assert_eq!(r.acknowledgement, "Примљено, хвала.");
        // Acknowledging does not touch the frozen content.
        assert_eq!(
            app.team_report(&coordinator, le).await.unwrap().integrity,
            Integrity::Intact
        );
        t.finish().await;
    }
}

/// Every shown number of every case table of a report.
fn shown_numbers(view: &spona_app::reports::ReportView) -> Vec<(String, Published)> {
    view.content
        .cases
        .release
        .tables()
        .iter()
        .flat_map(|t| {
            t.numbers()
                .iter()
                .map(|n| (t.name().to_string(), n.published))
        })
        .collect()
}

#[tokio::test]
async fn case_figures_never_show_a_count_under_the_threshold() {
    for t in TestDb::every_engine().await {
        let (app, clock) = demo_app(&t).await;
        app.seed_demo_cases().await.unwrap();
        let coordinator = into_2027(&app, &clock, "le-coordinator").await;
        let quarter = app
            .draft_report(&coordinator, &period("2026-Q4"))
            .await
            .unwrap();
        app.submit_report(&coordinator, quarter).await.unwrap();
        let year = app
            .draft_report(&coordinator, &period("2026"))
            .await
            .unwrap();
        app.submit_report(&coordinator, year).await.unwrap();
        for id in [quarter, year] {
            let view = app.team_report(&coordinator, id).await.unwrap();
            let numbers = shown_numbers(&view);
            assert!(!numbers.is_empty());
            for (table, n) in &numbers {
                if let Published::Shown(v) = n {
                    assert!(*v == 0 || *v >= 11, "{table} shows {v}");
                }
            }
            // The demo's handful of cases is a small total: withheld, not shown.
            let sex = view.content.cases.release.table("cases-by-sex").unwrap();
            assert!(sex.get(Position::GrandTotal).unwrap().is_suppressed());
        }
        t.finish().await;
    }
}

#[tokio::test]
async fn with_a_low_threshold_a_year_does_not_give_away_a_quarter() {
    for t in TestDb::every_engine().await {
        let (app, clock) = demo_app(&t).await;
        let app =
            app.with_disclosure_threshold(spona_domain::disclosure::Threshold::new(2).unwrap());
        app.seed_demo_cases().await.unwrap();
        let coordinator = into_2027(&app, &clock, "le-coordinator").await;
        let quarter = app
            .draft_report(&coordinator, &period("2026-Q4"))
            .await
            .unwrap();
        app.submit_report(&coordinator, quarter).await.unwrap();
        let year = app
            .draft_report(&coordinator, &period("2026"))
            .await
            .unwrap();
        app.submit_report(&coordinator, year).await.unwrap();
        let q = app.team_report(&coordinator, quarter).await.unwrap();
        let y = app.team_report(&coordinator, year).await.unwrap();
        let nonzero = shown_numbers(&q)
            .iter()
            .filter(|(_, n)| n.shown().is_some_and(|v| v > 0))
            .count();
        assert!(
            nonzero > 0,
            "with k = 2 some counts of the four cases are shown"
        );
        // Every case of 2026 was reported in its fourth quarter, so each number of the year
        // equals the quarter's: whatever one hides, the other must hide too.
        for table in q.content.cases.release.tables() {
            let other = y.content.cases.release.table(table.name()).unwrap();
            for n in table.numbers() {
                let twin = other.get(n.position).unwrap();
                assert_eq!(
                    n.published.is_suppressed(),
                    twin.is_suppressed(),
                    "{} {:?}",
                    table.name(),
                    n.position
                );
                if let (Published::Shown(a), Published::Shown(b)) = (n.published, twin) {
                    assert_eq!(a, b);
                }
                if let Published::Shown(v) = n.published {
                    assert!(v != 1, "{} shows a single case", table.name());
                }
            }
        }
        t.finish().await;
    }
}

#[tokio::test]
async fn the_report_comes_out_as_pdf_in_each_script_and_as_a_workbook() {
    use calamine::{Data, Reader, Xlsx};
    use spona_app::reports::ReportFormat;
    use spona_i18n::{Catalog, Locale};
    let catalog = Catalog::load().unwrap();
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        let coordinator = actor(&app, "le-coordinator").await;
        let national = actor(&app, "national").await;
        let nis = actor(&app, "nis-coordinator").await;
        app.create_activity(&coordinator, &talk("2026-09-15"))
            .await
            .unwrap();
        let id = app
            .draft_report(&coordinator, &period("2026-Q3"))
            .await
            .unwrap();
        let view = app.team_report(&coordinator, id).await.unwrap();
        let form = NarrativeForm {
            summary: "Тромесечје трибина у школама".into(),
            ..NarrativeForm::from_narrative(&view.report.narrative, view.report.edit_version)
        };
        app.update_report_text(&coordinator, id, &form)
            .await
            .unwrap();
        app.submit_report(&coordinator, id).await.unwrap();

        let text_of = |pdf: &[u8]| spona_reports::inspect::page_texts(pdf).concat().join("\n");
        let cyrl = app
            .report_file(
                &coordinator,
                id,
                ReportFormat::Pdf,
                &catalog,
                Locale::SrCyrl,
            )
            .await
            .unwrap();
        assert!(cyrl.file_name.ends_with(".pdf") && !cyrl.file_name.contains(' '));
        let cyrl = text_of(&cyrl.bytes);
        assert!(cyrl.contains("Извештај о раду локалног тима"), "{cyrl}");
        assert!(cyrl.contains("Тромесечје трибина у школама"));
        assert!(cyrl.contains("Статистика случајева (збирно)"));
        let latn = app
            .report_file(&national, id, ReportFormat::Pdf, &catalog, Locale::SrLatn)
            .await
            .unwrap();
        let latn = text_of(&latn.bytes);
        assert!(latn.contains("Izveštaj o radu lokalnog tima"), "{latn}");
        assert!(latn.contains("Tromesečje tribina u školama"));
        let en = app
            .report_file(&coordinator, id, ReportFormat::Pdf, &catalog, Locale::En)
            .await
            .unwrap();
        let en = text_of(&en.bytes);
        assert!(en.contains("Report on the work of the local team"));
        assert!(en.contains("Case statistics (aggregate)"));

        let book = app
            .report_file(&coordinator, id, ReportFormat::Xlsx, &catalog, Locale::En)
            .await
            .unwrap();
        let mut xlsx: Xlsx<_> = Xlsx::new(std::io::Cursor::new(book.bytes)).unwrap();
        let names = xlsx.sheet_names().to_vec();
        assert!(
            names.contains(&"Activities and reach".to_string()),
            "{names:?}"
        );
        let sheet = xlsx.worksheet_range("Activities and reach").unwrap();
        let talks = sheet
            .rows()
            .find(|r| r.first() == Some(&Data::String("Public talk".into())))
            .expect("the public talks' row");
        assert!(
            matches!(talks[1], Data::Float(_) | Data::Int(_)),
            "counts are numbers: {:?}",
            talks[1]
        );
        // Downloads are audited; another team gets nothing.
        assert_eq!(audited(&t, "report-exported").await.len(), 4);
        assert!(matches!(
            app.report_file(&nis, id, ReportFormat::Pdf, &catalog, Locale::En)
                .await,
            Err(AppError::NotFound)
        ));
        t.finish().await;
    }
}

#[tokio::test]
async fn the_htcds_exchange_is_k_anonymous_national_only_and_audited() {
    use spona_app::reports::ExchangeFormat;
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        app.seed_demo_cases().await.unwrap();
        let national = actor(&app, "national").await;
        let coordinator = actor(&app, "le-coordinator").await;
        assert!(matches!(
            app.htcds_export(&coordinator, 2026).await,
            Err(AppError::Forbidden)
        ));
        // With k = 11 the demo's four cases are all withheld, and their number is not told.
        let out = app.htcds_export(&national, 2026).await.unwrap();
        assert!(out.records.is_empty() && out.withheld);
        // With k = 2 only combinations shared by two or more are released.
        let low = app
            .clone()
            .with_disclosure_threshold(spona_domain::disclosure::Threshold::new(2).unwrap());
        let out = low.htcds_export(&national, 2026).await.unwrap();
        for r in &out.records {
            assert!(out.records.iter().filter(|o| *o == r).count() >= 2);
        }
        let json = low
            .htcds_file(&national, 2026, ExchangeFormat::Json)
            .await
            .unwrap();
        let text = String::from_utf8(json.bytes).unwrap();
        assert!(text.contains("\"standard\": \"HTCDS 2.0\""));
        assert!(
            !text.contains("ЛЕ-2026") && !text.contains("LE-2026"),
            "no case codes"
        );
        let csv = low
            .htcds_file(&national, 2026, ExchangeFormat::Csv)
            .await
            .unwrap();
        let csv = String::from_utf8(csv.bytes).unwrap();
        assert!(csv.trim_start_matches('\u{feff}').starts_with(
            "prs_Gender,prs_Nationality,spona_AgeBand,vic_TraffickingStatus,vic_TypeOfExploitation,cas_Status,spona_YearOfRegistration"
        ));
        assert_eq!(audited(&t, "htcds-exported").await.len(), 4);
        t.finish().await;
    }
}

#[tokio::test]
async fn the_tables_of_one_population_show_their_total_alike_or_hide_it_alike() {
    for t in TestDb::every_engine().await {
        let (app, clock) = demo_app(&t).await;
        let app =
            app.with_disclosure_threshold(spona_domain::disclosure::Threshold::new(2).unwrap());
        app.seed_demo_cases().await.unwrap();
        let coordinator = into_2027(&app, &clock, "le-coordinator").await;
        let id = app
            .draft_report(&coordinator, &period("2026-Q4"))
            .await
            .unwrap();
        app.submit_report(&coordinator, id).await.unwrap();
        let view = app.team_report(&coordinator, id).await.unwrap();
        for prefix in ["cases-", "referrals-"] {
            let totals: Vec<Published> = view
                .content
                .cases
                .release
                .tables()
                .iter()
                .filter(|t| t.name().starts_with(prefix))
                .map(|t| t.grand_total().unwrap())
                .collect();
            assert!(totals.len() >= 2);
            assert!(
                totals.iter().all(|p| *p == totals[0]),
                "{prefix}: {totals:?}"
            );
        }
        t.finish().await;
    }
}

#[tokio::test]
async fn referrals_are_counted_in_time_late_or_still_running_by_their_deadline() {
    use spona_store::statistics::referrals_by_category;
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        app.seed_demo_cases().await.unwrap();
        let mut c = t.db.conn().await.unwrap();
        let team = spona_store::teams::find_by_code(&mut c, "leskovac")
            .await
            .unwrap()
            .unwrap();
        let count = |rows: &[spona_store::statistics::ReferralCount], what: &str| -> i64 {
            rows.iter()
                .filter(|r| r.deadline == what)
                .map(|r| r.referrals)
                .sum()
        };
        let early = referrals_by_category(&mut c, team.id, 0, i64::MAX, 0)
            .await
            .unwrap();
        let total: i64 = early.iter().map(|r| r.referrals).sum();
        assert!(total > 0, "the demo refers");
        // Long after every deadline, nothing unanswered is still running.
        let late = referrals_by_category(&mut c, team.id, 0, i64::MAX, i64::MAX / 2)
            .await
            .unwrap();
        assert_eq!(count(&late, "unanswered"), 0);
        assert_eq!(count(&late, "late") + count(&late, "in-time"), total);
        // Before any deadline, only answers count as in time or late.
        assert_eq!(
            count(&early, "unanswered") + count(&early, "in-time") + count(&early, "late"),
            total
        );
        assert!(count(&early, "unanswered") >= count(&late, "unanswered"));
        drop(c);
        t.finish().await;
    }
}

#[tokio::test]
async fn statistics_are_kept_a_few_minutes_and_counted_afresh_after() {
    for t in TestDb::every_engine().await {
        let (app, clock) = demo_app(&t).await;
        let member = actor(&app, "le-member").await;
        let national = actor(&app, "national").await;
        let november = |s: &spona_app::reports::TeamStatistics| {
            s.months
                .iter()
                .find(|m| m.month == "2026-11")
                .unwrap()
                .activities
        };
        let before = november(&app.team_statistics(&member, Some(2026)).await.unwrap());
        app.create_activity(&member, &talk("2026-11-20"))
            .await
            .unwrap();
        let kept = app.team_statistics(&member, Some(2026)).await.unwrap();
        assert_eq!(november(&kept), before, "kept for a few minutes");
        assert!(matches!(
            app.team_statistics(&national, Some(2026)).await,
            Err(AppError::NotFound)
        ));
        clock.advance(301);
        let member = actor(&app, "le-member").await;
        let fresh = app.team_statistics(&member, Some(2026)).await.unwrap();
        assert_eq!(november(&fresh), before + 1);
        t.finish().await;
    }
}

/// Runs a statement behind the app's back, as an intruder with the database would.
async fn intrude(t: &TestDb, statement: &str) {
    let mut c = t.db.conn().await.unwrap();
    sqlx::query(statement).execute(&mut *c).await.unwrap();
}

#[tokio::test]
async fn a_submitted_report_carries_the_audit_head_which_shows_a_later_cut() {
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        let coordinator = actor(&app, "le-coordinator").await;
        let id = app
            .draft_report(&coordinator, &period("2026-Q3"))
            .await
            .unwrap();
        let draft = app.team_report(&coordinator, id).await.unwrap();
        assert_eq!(draft.content.audit_checkpoint, None, "a draft carries none");
        app.submit_report(&coordinator, id).await.unwrap();
        let view = app.team_report(&coordinator, id).await.unwrap();
        assert_eq!(
            view.integrity,
            Integrity::Intact,
            "the head is part of what was sealed"
        );
        let line = view
            .content
            .audit_checkpoint
            .clone()
            .expect("the head travels with the report");
        let checkpoint = Checkpoint::parse(&line).expect("a checkpoint line");
        assert!(checkpoint.seq > 0);
        // The PDF that leaves for the National Coordinator carries the same line, whole.
        let pdf = app
            .report_file(
                &coordinator,
                id,
                spona_app::reports::ReportFormat::Pdf,
                &spona_i18n::Catalog::load().unwrap(),
                spona_i18n::Locale::SrLatn,
            )
            .await
            .unwrap();
        let printed: String = spona_reports::inspect::page_texts(&pdf.bytes)
            .concat()
            .concat()
            .split_whitespace()
            .collect();
        let whole: String = line.split_whitespace().collect();
        assert!(printed.contains(&whole), "{whole} not in {printed}");
        let held = app
            .verify_audit_against(std::slice::from_ref(&checkpoint))
            .await
            .unwrap();
        assert_eq!(held.first_break, None);

        // The trail cut back behind the report, its head moved with it: alone it verifies,
        // against the report's checkpoint it does not.
        let keep = checkpoint.seq - 1;
        intrude(&t, &format!("DELETE FROM audit_log WHERE seq > {keep}")).await;
        intrude(
            &t,
            &format!(
                "UPDATE audit_head SET last_seq = {keep}, \
                 last_hash = (SELECT hash FROM audit_log WHERE seq = {keep}) WHERE id = 1"
            ),
        )
        .await;
        assert_eq!(app.verify_audit().await.unwrap().first_break, None);
        let cut = app.verify_audit_against(&[checkpoint]).await.unwrap();
        assert!(
            matches!(cut.first_break, Some(Break::BehindCheckpoint { .. })),
            "{cut:?}"
        );
        t.finish().await;
    }
}

/// Adds to the demo plan an activity done by two talks, records a talk against it on each
/// of `days`, and returns its title and id.
async fn two_talks(app: &App, coordinator: &Actor, days: &[&str]) -> (String, i64) {
    let plans = app.plans(coordinator).await.unwrap();
    let view = app.plan(coordinator, plans.plans[0].id).await.unwrap();
    let title = "Две радионице у школама".to_string();
    let id = app
        .add_plan_activity(
            coordinator,
            view.plan.id,
            &spona_app::plan::PlanActivityForm {
                objective: view.objectives[0].id.to_string(),
                title: title.clone(),
                responsible: view.institutions[0].id.0.to_string(),
                deadline: "2026-12-20".into(),
                planned_events: "2".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    for on in days {
        record_talk(app, coordinator, id, on).await;
    }
    (title, id)
}

async fn record_talk(app: &App, coordinator: &Actor, plan_activity: i64, on: &str) {
    let against = ActivityForm {
        plan_activity_id: plan_activity.to_string(),
        ..talk(on)
    };
    app.create_activity(coordinator, &against).await.unwrap();
}

#[tokio::test]
async fn a_periods_plan_progress_counts_only_what_was_done_by_its_end() {
    for t in TestDb::every_engine().await {
        let (app, clock) = demo_app(&t).await;
        let coordinator = actor(&app, "le-coordinator").await;
        let (title, id) = two_talks(&app, &coordinator, &["2026-09-15"]).await;
        // In January the coordinator records the second talk, held on 2 December.
        let coordinator = into_2027(&app, &clock, "le-coordinator").await;
        record_talk(&app, &coordinator, id, "2026-12-02").await;
        let line = |content: &spona_app::reports::ReportContent| {
            content
                .plan
                .as_ref()
                .unwrap()
                .objectives
                .iter()
                .flat_map(|o| o.activities.iter())
                .find(|a| a.title == title)
                .cloned()
                .unwrap()
        };
        let q3 = app
            .draft_report(&coordinator, &period("2026-Q3"))
            .await
            .unwrap();
        let q3 = app.team_report(&coordinator, q3).await.unwrap().content;
        let at_september = line(&q3);
        assert_eq!((at_september.recorded, at_september.progress), (1, 50));
        // The December talk belongs to the fourth quarter's report.
        let q4 = app
            .draft_report(&coordinator, &period("2026-Q4"))
            .await
            .unwrap();
        let q4 = app.team_report(&coordinator, q4).await.unwrap().content;
        let at_december = line(&q4);
        assert_eq!((at_december.recorded, at_december.progress), (2, 100));
        assert!(q3.plan.unwrap().progress < q4.plan.unwrap().progress);
        t.finish().await;
    }
}

#[tokio::test]
async fn a_past_years_statistics_show_the_plan_as_it_stood_at_the_years_end() {
    for t in TestDb::every_engine().await {
        let (app, clock) = demo_app(&t).await;
        let coordinator = actor(&app, "le-coordinator").await;
        let (title, id) = two_talks(&app, &coordinator, &["2026-09-15"]).await;
        let coordinator = into_2027(&app, &clock, "le-coordinator").await;
        record_talk(&app, &coordinator, id, "2027-01-05").await;
        let stats = app.team_statistics(&coordinator, Some(2026)).await.unwrap();
        let progress = stats.plan.iter().find(|(t, _)| *t == title).map(|p| p.1);
        assert_eq!(progress, Some(50), "the January talk is 2027's work");
        t.finish().await;
    }
}

#[tokio::test]
async fn a_drafts_pdf_says_draft_across_every_page_and_a_submitted_ones_does_not() {
    use spona_app::reports::ReportFormat;
    use spona_i18n::{Catalog, Locale};
    let catalog = Catalog::load().unwrap();
    for t in TestDb::every_engine().await {
        let (app, clock) = demo_app(&t).await;
        let coordinator = actor(&app, "le-coordinator").await;
        let id = app
            .draft_report(&coordinator, &period("2026-Q3"))
            .await
            .unwrap();
        let first_runs = |pdf: &[u8]| {
            spona_reports::inspect::page_texts(pdf)
                .into_iter()
                .map(|page| page.first().cloned().unwrap_or_default())
                .collect::<Vec<_>>()
        };
        for (locale, word) in [(Locale::SrCyrl, "НАЦРТ"), (Locale::En, "DRAFT")] {
            let pdf = app
                .report_file(&coordinator, id, ReportFormat::Pdf, &catalog, locale)
                .await
                .unwrap();
            let firsts = first_runs(&pdf.bytes);
            assert!(!firsts.is_empty());
            assert!(firsts.iter().all(|r| r == word), "{firsts:?}");
        }
        let coordinator = into_2027(&app, &clock, "le-coordinator").await;
        app.submit_report(&coordinator, id).await.unwrap();
        let pdf = app
            .report_file(
                &coordinator,
                id,
                ReportFormat::Pdf,
                &catalog,
                Locale::SrCyrl,
            )
            .await
            .unwrap();
        assert!(first_runs(&pdf.bytes).iter().all(|r| r != "НАЦРТ"));
        t.finish().await;
    }
}
