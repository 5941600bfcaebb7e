//! The periodic reports over HTTP: the coordinator drafts, edits and submits; the team reads;
//! another team finds nothing; the national office lists, reads and acknowledges; the files
//! download with the right headers; the statistics page draws its charts.

use spona_testkit::TestApp;

fn id_from(location: Option<String>) -> i64 {
    location
        .expect("redirect")
        .trim_start_matches("/reports/")
        .parse()
        .expect("report id")
}

#[tokio::test]
async fn the_coordinator_drafts_with_errors_at_the_field_and_others_are_kept_out() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-coordinator").await;
        let (status, page) = t.get(&c, "/reports").await;
        assert_eq!(status, 200);
        assert!(page.contains("Тим још нема ниједан извештај"), "{page}");
        assert!(
            page.contains("value=\"2026-Q3\""),
            "the last quarter that ended"
        );

        let (status, _, body) = t
            .post(&c, "/reports", "/reports", &[("period", "2026-Q9")])
            .await;
        assert_eq!(status, 422);
        assert!(body.contains("id=\"period-error\""), "{body}");
        let (status, location, _) = t
            .post(&c, "/reports", "/reports", &[("period", "2026-Q3")])
            .await;
        assert_eq!(status, 303);
        let id = id_from(location);
        let path = format!("/reports/{id}");
        let (status, page) = t.get(&c, &path).await;
        assert_eq!(status, 200);
        assert!(page.contains("Ово је нацрт"));
        assert!(page.contains("Статистика случајева (збирно)"));
        assert!(page.contains("role=\"img\""), "charts are drawn");
        assert!(page.len() < 60_000, "the page weighs {} bytes", page.len());
        let (status, _, _) = t
            .post(&c, "/reports", "/reports", &[("period", "2026-Q3")])
            .await;
        assert_eq!(status, 422, "one report per period");

        let member = t.signed_in("le-member").await;
        let (status, page) = t.get(&member, &path).await;
        assert_eq!(status, 200);
        assert!(!page.contains(&format!("{path}/edit")));
        let (status, _, _) = t
            .post(&member, "/reports", "/reports", &[("period", "2026-Q2")])
            .await;
        assert_eq!(status, 403);
        assert_eq!(t.get(&member, &format!("{path}/edit")).await.0, 403);

        let nis = t.signed_in("nis-coordinator").await;
        assert_eq!(t.get(&nis, &path).await.0, 404);
        assert_eq!(t.get(&nis, &format!("{path}/file/report.pdf")).await.0, 404);
        let national = t.signed_in("national").await;
        assert_eq!(
            t.get(&national, &path).await.0,
            404,
            "a draft is the team's"
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn the_form_takes_a_cyrillic_quarter_proposes_a_free_one_and_names_a_taken_one() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-coordinator").await;
        let (status, location, _) = t
            .post(&c, "/reports", "/reports", &[("period", "2026-К3")])
            .await;
        assert_eq!(status, 303, "the Serbian letter for a quarter");
        let id = id_from(location);
        let (_, page) = t.get(&c, &format!("/reports/{id}")).await;
        assert!(page.contains("2026-Q3"), "stored as one period");

        let (_, page) = t.get(&c, "/reports").await;
        assert!(
            page.contains("value=\"2026-Q4\""),
            "the third quarter has its report, so the next is proposed"
        );
        let (status, _, body) = t
            .post(&c, "/reports", "/reports", &[("period", "2026-Q3")])
            .await;
        assert_eq!(status, 422);
        assert!(
            body.contains("За период 2026-Q3 извештај већ постоји"),
            "{body}"
        );
        assert!(body.contains(&format!("href=\"/reports/{id}\"")));

        let national = t.signed_in("national").await;
        let (_, page) = t.get(&national, "/reports").await;
        assert!(!page.contains("placeholder="), "no filled-in look");
        assert!(page.contains("id=\"period-hint\""));
        t.finish().await;
    }
}

#[tokio::test]
async fn a_submitted_report_reaches_the_national_office_which_acknowledges_it() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-coordinator").await;
        let (_, location, _) = t
            .post(&c, "/reports", "/reports", &[("period", "2026-Q3")])
            .await;
        let id = id_from(location);
        let path = format!("/reports/{id}");
        let edit = format!("{path}/edit");
        let (_, form) = t.get(&c, &edit).await;
        let version = {
            let at = form.find("name=\"edit_version\" value=\"").unwrap() + 27;
            form[at..at + form[at..].find('"').unwrap()].to_string()
        };
        let text = "Тромесечје обележило је обележавање 30. јула.";
        let (status, _, _) = t
            .post(
                &c,
                &edit,
                &edit,
                &[
                    ("edit_version", version.as_str()),
                    ("summary", text),
                    ("cooperation", ""),
                    ("challenges", ""),
                    ("next_steps", ""),
                ],
            )
            .await;
        assert_eq!(status, 303);
        // The same stale form again is a conflict that keeps what was typed.
        let (status, _, body) = t
            .post(
                &c,
                &edit,
                &edit,
                &[
                    ("edit_version", version.as_str()),
                    ("summary", "друго"),
                    ("cooperation", ""),
                    ("challenges", ""),
                    ("next_steps", ""),
                ],
            )
            .await;
        assert_eq!(status, 409);
        assert!(body.contains("друго"));

        let submit = format!("{path}/submit");
        let (status, page) = t.get(&c, &submit).await;
        assert_eq!(status, 200);
        assert!(page.contains("2026-Q3"));
        let (status, _, _) = t.post(&c, &submit, &submit, &[]).await;
        assert_eq!(status, 303);
        let (_, page) = t.get(&c, &path).await;
        assert!(page.contains(text));
        assert!(page.contains("id=\"integrity\""));
        assert!(!page.contains(&edit));

        let national = t.signed_in("national").await;
        let (status, list) = t.get(&national, "/reports?period=2026-Q3").await;
        assert_eq!(status, 200);
        assert!(list.contains(&format!("href=\"{path}\"")), "{list}");
        assert!(list.contains("Национални збир за 2026-Q3"));
        let (status, page) = t.get(&national, &path).await;
        assert_eq!(status, 200);
        assert!(page.contains(text));
        let ack = format!("{path}/acknowledge");
        let (status, _, _) = t.post(&c, &path, &ack, &[("note", "")]).await;
        assert_eq!(status, 403, "only the national office acknowledges");
        let (status, _, _) = t
            .post(&national, &path, &ack, &[("note", "Примљено.")])
            .await;
        assert_eq!(status, 303);
        let (_, page) = t.get(&c, &path).await;
        assert!(page.contains("Примљено."));
        assert!(page.contains("Потврђен пријем"));
        t.finish().await;
    }
}

#[tokio::test]
async fn the_files_download_with_their_headers_in_the_language_asked() {
    let t = TestApp::spawn().await;
    let c = t.signed_in("le-coordinator").await;
    let (_, location, _) = t
        .post(&c, "/reports", "/reports", &[("period", "2026-Q3")])
        .await;
    let id = id_from(location);
    let res = c
        .get(t.url(&format!("/reports/{id}/file/report.pdf?lang=sr-Latn")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let h = res.headers().clone();
    assert_eq!(h["content-type"], "application/pdf");
    assert_eq!(h["cache-control"], "no-store");
    assert!(h["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment; filename=\"report-leskovac-2026-Q3-v1.pdf\""));
    let pdf = res.bytes().await.unwrap();
    let text = spona_reports::inspect::page_texts(&pdf).concat().join("\n");
    assert!(text.contains("Izveštaj o radu lokalnog tima"), "{text}");
    let res = c
        .get(t.url(&format!("/reports/{id}/file/report.xlsx")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .contains("spreadsheetml"));
    assert_eq!(
        t.get(&c, &format!("/reports/{id}/file/report.exe")).await.0,
        404
    );
    t.finish().await;
}

#[tokio::test]
async fn the_statistics_page_draws_its_charts_for_the_team_only() {
    let t = TestApp::spawn().await;
    let c = t.signed_in("le-member").await;
    let (status, page) = t.get(&c, "/statistics?year=2026").await;
    assert_eq!(status, 200);
    assert_eq!(
        page.matches("<svg").count(),
        3,
        "activities, referrals, plan"
    );
    assert!(page.contains("Активности по месецима"));
    assert!(page.contains("Скривено: пријава са одговором има мање од 11."));
    assert!(page.len() < 60_000);
    let national = t.signed_in("national").await;
    assert_eq!(t.get(&national, "/statistics").await.0, 404);
    t.finish().await;
}

#[tokio::test]
async fn the_national_office_downloads_the_htcds_exchange_and_no_one_else() {
    let t = TestApp::spawn().await;
    let national = t.signed_in("national").await;
    let (_, page) = t.get(&national, "/reports").await;
    assert!(page.contains("href=\"/reports/htcds/htcds.csv\""));
    let res = national
        .get(t.url("/reports/htcds/htcds.json?year=2026"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/json");
    let body = res.text().await.unwrap();
    assert!(body.contains("\"k\": 11"), "{body}");
    assert!(body.contains("\"records\": ["));
    let res = national
        .get(t.url("/reports/htcds/htcds.csv?year=2026"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("prs_Gender"));
    let (status, _) = t
        .get(&national, "/reports/htcds/htcds.json?year=1990")
        .await;
    assert_eq!(status, 400, "a year out of range is a bad request");
    let coordinator = t.signed_in("le-coordinator").await;
    assert_eq!(
        t.get(&coordinator, "/reports/htcds/htcds.json").await.0,
        403
    );
    t.finish().await;
}
