//! Trainings over HTTP: the list, recording one with errors and refusals shown in the form,
//! certificates as PDF downloads without personal data in the link, coverage, and who may
//! see or do what.

use spona_testkit::TestApp;

/// The hidden institution id of a row of the training form, by the institution's name.
fn row_id(form: &str, name: &str) -> String {
    let at = form
        .find(&format!(">{name}"))
        .unwrap_or_else(|| panic!("{name}"));
    let marker = "name=\"institution\" value=\"";
    let start = form[..at].rfind(marker).expect("institution field") + marker.len();
    form[start..start + form[start..].find('"').unwrap()].to_string()
}

/// The path of the first certificate link on a training's page.
fn certificate_link(page: &str) -> String {
    let start = page.find("/certificates/").expect("certificate link");
    let from = page[..start].rfind('"').unwrap() + 1;
    let end = start + page[start..].find('"').unwrap();
    page[from..end].to_string()
}

/// The fields of a training from police (named participants) and social work (a count).
fn training(pu: &str, csr: &str, count: &str) -> Vec<(&'static str, String)> {
    vec![
        ("topic", "Разговор са дететом".into()),
        ("trainer", "Марко Љубић".into()),
        ("held_on", "2026-11-20".into()),
        ("hours", "4".into()),
        ("score_before", "45".into()),
        ("score_after", "80".into()),
        ("plan_activity_id", String::new()),
        ("institution", pu.into()),
        ("participants", count.into()),
        ("names", "Јелена Ђурђевић; 40; 90\nMarko Jović".into()),
        ("institution", csr.into()),
        ("participants", "3".into()),
        ("names", String::new()),
    ]
}

fn fields<'a>(v: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    v.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

#[tokio::test]
async fn a_team_member_records_a_training_and_downloads_a_certificate() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-police").await;
        let (status, list) = t.get(&c, "/trainings").await;
        assert_eq!(status, 200);
        // The demo's trainings, newest first.
        assert!(
            list.contains("Препознавање индикатора трговине људима"),
            "{list}"
        );
        assert!(!list.contains("се гради"), "no placeholder");

        let (status, form) = t.get(&c, "/trainings/new").await;
        assert_eq!(status, 200);
        let pu = row_id(&form, "Полицијска управа Лесковац");
        let csr = row_id(&form, "Центар за социјални рад Лесковац");

        // Bad input: the form comes back with what was typed and errors at the fields.
        let mut bad = training(&pu, &csr, "");
        bad[3].1 = "45".into();
        let (status, _, page) = t
            .post(&c, "/trainings/new", "/trainings", &fields(&bad))
            .await;
        assert_eq!(status, 422);
        assert!(page.contains("id=\"hours-error\""), "{page}");
        assert!(
            page.contains("Јелена Ђурђевић; 40; 90"),
            "kept what was typed"
        );

        // More police participants than its 60 staff: refused, saying whose and why.
        let over = training(&pu, &csr, "75");
        let (status, _, page) = t
            .post(&c, "/trainings/new", "/trainings", &fields(&over))
            .await;
        assert_eq!(status, 422);
        assert!(page.contains("Обука није сачувана"), "{page}");
        assert!(
            page.contains("Полицијска управа Лесковац: 75 учесника, а запослених је 60."),
            "{page}"
        );
        let (_, list_after) = t.get(&c, "/trainings").await;
        assert_eq!(
            list_after.matches("<tr").count(),
            list.matches("<tr").count()
        );

        let good = training(&pu, &csr, "");
        let (status, location, _) = t
            .post(&c, "/trainings/new", "/trainings", &fields(&good))
            .await;
        assert_eq!(status, 303);
        let location = location.expect("redirect");
        let (status, page) = t.get(&c, &location).await;
        assert_eq!(status, 200);
        assert!(page.contains("Разговор са дететом") && page.contains("Јелена Ђурђевић"));

        // The certificate: a PDF download whose link and file name carry no name.
        let link = certificate_link(&page);
        assert!(link.starts_with(&format!("{location}/certificates/")) && link.ends_with(".pdf"));
        assert!(!link.contains("Jelena") && !link.contains("%D0"), "{link}");
        let res = c.get(t.url(&link)).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 200);
        let header = |name: &str| {
            res.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_string()
        };
        assert_eq!(header("content-type"), "application/pdf");
        let disposition = header("content-disposition");
        assert!(
            disposition.starts_with("attachment;") && disposition.contains(".pdf"),
            "{disposition}"
        );
        assert_eq!(header("cache-control"), "no-store");
        let body = res.bytes().await.unwrap();
        assert!(body.starts_with(b"%PDF-"));
        let lines = spona_reports::inspect::text_lines(&body);
        assert!(lines.iter().any(|l| l == "Јелена Ђурђевић"), "{lines:?}");

        // In Latin script for a reader who chose it.
        let (status, _, _) = t
            .post(
                &c,
                &location,
                "/lang",
                &[("lang", "sr-Latn"), ("next", &location)],
            )
            .await;
        assert_eq!(status, 303);
        let latin = c
            .get(t.url(&link))
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
        let lines = spona_reports::inspect::text_lines(&latin);
        for expected in ["Sertifikat", "Jelena Đurđević", "Razgovor sa detetom"] {
            assert!(lines.iter().any(|l| l == expected), "{expected}: {lines:?}");
        }
        // A guessed id finds nothing.
        let (status, _) = t
            .get(&c, &format!("{location}/certificates/guessed-id.pdf"))
            .await;
        assert_eq!(status, 404);
        t.finish().await;
    }
}

#[tokio::test]
async fn coverage_staff_numbers_are_the_coordinators_and_other_teams_see_nothing() {
    for t in TestApp::every_engine().await {
        let coordinator = t.signed_in("le-coordinator").await;
        let (status, page) = t.get(&coordinator, "/trainings/coverage").await;
        assert_eq!(status, 200);
        assert!(
            page.contains("name=\"staff\""),
            "the coordinator gets the form"
        );
        assert!(
            page.contains("30 %"),
            "police: 18 of 60 in the demo: {page}"
        );

        let police = t.signed_in("le-police").await;
        let (status, page) = t.get(&police, "/trainings/coverage").await;
        assert_eq!(status, 200);
        assert!(!page.contains("name=\"staff\""), "others only look");
        let (status, _, _) = t
            .post(
                &police,
                "/trainings",
                "/trainings/coverage",
                &[("institution", "1"), ("staff", "5")],
            )
            .await;
        assert_eq!(status, 403);

        // The coordinator saves; a bad number is shown and nothing changes.
        let (_, page) = t.get(&coordinator, "/trainings/coverage").await;
        let marker = "name=\"institution\" value=\"";
        let start = page.find(marker).unwrap() + marker.len();
        let first = page[start..start + page[start..].find('"').unwrap()].to_string();
        let (status, location, _) = t
            .post(
                &coordinator,
                "/trainings/coverage",
                "/trainings/coverage",
                &[("institution", &first), ("staff", "77")],
            )
            .await;
        assert_eq!(status, 303);
        assert_eq!(location.as_deref(), Some("/trainings/coverage?saved=1"));
        let (_, page) = t.get(&coordinator, "/trainings/coverage?saved=1").await;
        assert!(page.contains("value=\"77\""));
        let (status, _, _) = t
            .post(
                &coordinator,
                "/trainings/coverage",
                "/trainings/coverage",
                &[("institution", &first), ("staff", "many")],
            )
            .await;
        assert_eq!(status, 422);

        // Another team's coordinator and the national office: not found.
        let (_, list) = t.get(&police, "/trainings").await;
        let marker = "href=\"/trainings/";
        let id: String = list
            .match_indices(marker)
            .find_map(|(i, _)| {
                let digits: String = list[i + marker.len()..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                (!digits.is_empty()).then_some(digits)
            })
            .expect("a training link");
        for name in ["nis-coordinator", "national"] {
            let other = t.signed_in(name).await;
            let (status, _) = t.get(&other, &format!("/trainings/{id}")).await;
            assert_eq!(status, 404, "{name}");
        }
        let nis = t.signed_in("nis-coordinator").await;
        let (status, page) = t.get(&nis, "/trainings").await;
        assert_eq!(status, 200);
        assert!(!page.contains("Препознавање индикатора"), "{page}");
        let national = t.signed_in("national").await;
        let (status, _) = t.get(&national, "/trainings").await;
        assert_eq!(status, 404);
        t.finish().await;
    }
}

#[tokio::test]
async fn hours_are_written_with_the_locales_decimal_sign() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-police").await;
        let (_, page) = t.get(&c, "/trainings").await;
        assert!(page.contains(">3,5</td>"), "{page}");
        assert!(page.contains(">6</td>"), "whole hours without ',0'");
        assert!(!page.contains("3.5"), "{page}");
        let (status, _, _) = t
            .post(
                &c,
                "/trainings",
                "/lang",
                &[("lang", "en"), ("next", "/trainings")],
            )
            .await;
        assert_eq!(status, 303);
        let (_, page) = t.get(&c, "/trainings").await;
        assert!(page.contains(">3.5</td>"), "{page}");
        t.finish().await;
    }
}
