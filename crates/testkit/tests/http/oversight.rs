//! The auditor's pages over HTTP, on both engines: the start page is the alerts, the trail
//! names cases by code in the reader's script and withholds what was written about a person,
//! a bad filter is answered at its field, and the exports carry the same.

use spona_testkit::TestApp;

#[tokio::test]
async fn the_auditor_starts_at_the_alerts_and_reads_the_trail_by_case_code() {
    for t in TestApp::every_engine().await {
        t.app.seed_demo_cases().await.unwrap();
        let social = t.signed_in("le-social").await;
        let (status, _, _) = t
            .post(
                &social,
                "/cases",
                "/cases/emergency",
                &[
                    ("code", "LE-2026-0003"),
                    ("reason", "Мајка тражи Демо Особу Другу"),
                ],
            )
            .await;
        assert_eq!(status, 303);

        let auditor = t.signed_in("auditor").await;
        let res = auditor.get(t.url("/dashboard")).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 303);
        assert_eq!(res.headers()["location"], "/audit/alerts");
        let (status, alerts) = t.get(&auditor, "/audit/alerts").await;
        assert_eq!(status, 200);
        assert!(alerts.contains("ЛЕ-2026-0003"), "{alerts}");
        assert!(alerts.contains("href=\"/audit\""));
        // Every message found: no message id shows in place of its text.
        assert!(!alerts.contains("audit-alert"), "{alerts}");
        assert!(
            alerts.contains("отвори најмање 20 различитих случајева"),
            "{alerts}"
        );
        // The auditor's frame offers the trail, not a team's registry or work.
        assert!(!alerts.contains("href=\"/teams\""));
        assert!(!alerts.contains("href=\"/cases\""));

        let (status, trail) = t.get(&auditor, "/audit?case=LE-2026-0003").await;
        assert_eq!(status, 200);
        assert!(trail.contains("ЛЕ-2026-0003"));
        assert!(trail.contains("le-social"));
        // In Latin, the code is Latin too.
        let latin = t.signed_in("auditor").await;
        t.post(&latin, "/audit", "/lang", &[("lang", "sr-Latn")])
            .await;
        let (_, latin_trail) = t.get(&latin, "/audit?case=le-2026-0003").await;
        assert!(latin_trail.contains("Revizorski trag"), "{latin_trail}");
        assert!(latin_trail.contains("LE-2026-0003"));
        assert!(!latin_trail.contains("ЛЕ-2026-0003"));
        for page in [&alerts, &trail, &latin_trail] {
            for personal in ["Мајка", "Демо Особа", "Други"] {
                assert!(!page.contains(personal), "{personal}");
            }
        }

        let (status, refused) = t.get(&auditor, "/audit?case=LE-99&from=2026-13-40").await;
        assert_eq!(status, 422);
        assert!(refused.contains("id=\"case-error\""));
        assert!(refused.contains("id=\"from-error\""));

        let res = auditor
            .get(t.url("/audit/export.csv?action=break-glass"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200);
        assert!(res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv"));
        let csv = res.text().await.unwrap();
        assert_eq!(csv.lines().count(), 2, "{csv}");
        // The language chosen above is the account's: the file is in Latin.
        assert!(
            csv.contains("LE-2026-0003") && csv.contains("le-social"),
            "{csv}"
        );
        assert!(!csv.contains("Мајка"));
        let res = auditor
            .get(t.url("/audit/export.xlsx"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200);
        assert!(res.bytes().await.unwrap().starts_with(b"PK"));

        // Everyone else: the police is refused the section, the administrator does not
        // find it.
        let police = t.signed_in("le-police").await;
        assert_eq!(t.get(&police, "/audit").await.0, 403);
        let admin = t.signed_in("admin").await;
        assert_eq!(t.get(&admin, "/audit/alerts").await.0, 404);
        t.finish().await;
    }
}
