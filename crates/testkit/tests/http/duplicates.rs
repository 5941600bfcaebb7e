//! Possible duplicates over HTTP, on both engines: reporting a person another institution
//! already holds answers exactly as reporting a new person; only the institution that held the
//! person first sees the pair and decides; the reporter's institution learns only "same
//! person" (and whom to coordinate with); the coordinator sees counts, never codes.

use spona_testkit::TestApp;

/// A report of a person of the given names, otherwise alike.
fn person(given: &'static str, family: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("reporter_kind", "team-official"),
        ("detected_on", "2026-11-27"),
        ("given_name", given),
        ("family_name", family),
        ("birth_date", "1990-04-02"),
    ]
}

/// The case id in a redirect to a case page, and the address with the id made generic.
fn case_of(location: &str) -> (String, String) {
    let id: String = location
        .trim_start_matches("/cases/")
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (id.clone(), location.replacen(&id, "N", 1))
}

/// A page with the case's own particulars (id, code, names) made generic.
fn generic(page: &str, id: &str, code: &str, names: &[&str]) -> String {
    let mut page = page
        .replace(&format!("/cases/{id}"), "/cases/N")
        .replace(code, "CODE");
    for n in names {
        page = page.replace(n, "NAME");
    }
    page
}

/// The pair ids on a review page.
fn pair_ids(page: &str) -> Vec<String> {
    page.match_indices("action=\"/duplicates/")
        .map(|(at, m)| {
            let rest = &page[at + m.len()..];
            rest[..rest.find('"').unwrap_or(0)].to_string()
        })
        .collect()
}

#[tokio::test]
async fn reporting_a_person_another_institution_holds_looks_like_reporting_a_new_person() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let social = t.signed_in("le-social").await;
        t.post(
            &social,
            "/dashboard",
            "/cases",
            &person("Јована", "Вукомановић"),
        )
        .await;

        // The same person in Latin letters (held by the social work centre), then a new one.
        let (known_status, known_to, known_body) = t
            .post(
                &police,
                "/dashboard",
                "/cases",
                &person("Jovana", "Vukomanovic"),
            )
            .await;
        let (new_status, new_to, new_body) = t
            .post(&police, "/dashboard", "/cases", &person("Ana", "Anic"))
            .await;
        assert_eq!(known_status, 303);
        assert_eq!(known_status, new_status);
        assert_eq!(known_body, new_body);
        let (known_to, new_to) = (known_to.unwrap(), new_to.unwrap());
        let (known_id, known_shape) = case_of(&known_to);
        let (new_id, new_shape) = case_of(&new_to);
        assert_eq!(known_shape, new_shape, "{known_to} / {new_to}");
        assert!(!known_to.contains("duplicate"));

        let (s1, known_page) = t.get(&police, &known_to).await;
        let (s2, new_page) = t.get(&police, &new_to).await;
        assert_eq!((s1, s2), (200, 200));
        assert_eq!(
            generic(
                &known_page,
                &known_id,
                "ЛЕ-2026-0002",
                &["Jovana", "Vukomanovic"]
            ),
            generic(&new_page, &new_id, "ЛЕ-2026-0003", &["Ana", "Anic"]),
            "the case pages differ in the code and the person only"
        );
        // Nor does anything else the reporter's institution sees tell it.
        let (_, inbox) = t.get(&police, "/inbox").await;
        assert!(!inbox.contains("href=\"/duplicates\""));
        let (_, review) = t.get(&police, "/duplicates").await;
        assert!(pair_ids(&review).is_empty() && review.contains("Нема могућих дупликата"));
        let (_, notes) = t.get(&police, "/notifications").await;
        assert!(!notes.contains("исту особу"), "{notes}");

        // The institution that held the person sees the pair: its own case, who reported.
        let (_, inbox) = t.get(&social, "/inbox").await;
        assert!(inbox.contains("href=\"/duplicates\""));
        let (_, notes) = t.get(&social, "/notifications").await;
        assert!(notes.contains("Новопријављени случај можда се односи на особу"));
        let (status, page) = t.get(&social, "/duplicates").await;
        assert_eq!(status, 200);
        assert!(
            page.contains("ЛЕ-2026-0001") && page.contains("ПУ Лесковац"),
            "{page}"
        );
        assert!(!page.contains("ЛЕ-2026-0002"), "never the new case's code");
        assert!(!page.contains("Jovana"), "never a name");
        let ids = pair_ids(&page);
        assert_eq!(ids.len(), 1);
        let action = format!("/duplicates/{}", ids[0]);

        // The coordinator sees how many wait, per institution, and nothing that names a pair.
        let coordinator = t.signed_in("le-coordinator").await;
        let (status, counts) = t.get(&coordinator, "/duplicates").await;
        assert_eq!(status, 200);
        assert!(counts.contains("ЦСР Лесковац: 1"), "{counts}");
        assert!(!counts.contains("ЛЕ-2026-"), "no codes");
        assert!(!counts.contains("/cases/") && pair_ids(&counts).is_empty());

        // The reporter cannot decide the pair: for it, the pair does not exist.
        let (status, _, _) = t
            .post(
                &police,
                "/duplicates",
                &action,
                &[("version", "1"), ("outcome", "same-person")],
            )
            .await;
        assert_eq!(status, 404);

        // "Different persons": nobody else ever learns of it.
        let (status, _, _) = t
            .post(
                &social,
                "/duplicates",
                &action,
                &[("version", "1"), ("outcome", "different-persons")],
            )
            .await;
        assert_eq!(status, 303);
        let (_, notes) = t.get(&police, "/notifications").await;
        assert!(!notes.contains("исту особу"), "{notes}");
        let (status, log) = t
            .get(&police, &format!("/cases/{known_id}/access-log"))
            .await;
        assert_eq!(status, 200);
        assert!(!log.contains("дупликат"), "{log}");
        let (_, review) = t.get(&police, "/duplicates").await;
        assert!(pair_ids(&review).is_empty());
        let (_, counts) = t.get(&coordinator, "/duplicates").await;
        assert!(counts.contains("Ниједан могући дупликат не чека одлуку"));
        t.finish().await;
    }
}

#[tokio::test]
async fn same_person_tells_the_reporting_institution_whom_to_coordinate_with() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let social = t.signed_in("le-social").await;
        t.post(
            &social,
            "/dashboard",
            "/cases",
            &person("Јована", "Вукомановић"),
        )
        .await;
        t.post(
            &police,
            "/dashboard",
            "/cases",
            &person("JOVANA", "Vukomanović"),
        )
        .await;
        let (_, page) = t.get(&social, "/duplicates").await;
        let ids = pair_ids(&page);
        assert_eq!(ids.len(), 1, "{page}");
        let action = format!("/duplicates/{}", ids[0]);

        // Without an outcome: said at the form, nothing recorded.
        let (status, _, page) = t
            .post(&social, "/duplicates", &action, &[("version", "1")])
            .await;
        assert_eq!(status, 422);
        assert!(page.contains("role=\"alert\""));
        // A member of the team has no such page.
        let member = t.signed_in("le-member").await;
        assert_eq!(t.get(&member, "/duplicates").await.0, 403);

        let (status, _, _) = t
            .post(
                &social,
                "/duplicates",
                &action,
                &[("version", "1"), ("outcome", "same-person")],
            )
            .await;
        assert_eq!(status, 303);
        let (_, page) = t.get(&social, "/duplicates?reviewed=1").await;
        assert!(
            page.contains("Исход прегледа је уписан") && page.contains("Нема могућих дупликата")
        );
        // The reporter's institution is told now, with whom to coordinate; in every language.
        let (_, notes) = t.get(&police, "/notifications").await;
        assert!(
            notes.contains(
                "Институција ЦСР Лесковац, која већ води ранији случај, утврдила је да се ваш \
                 случај односи на исту особу"
            ),
            "{notes}"
        );
        t.post(
            &police,
            "/dashboard",
            "/lang",
            &[("lang", "en"), ("next", "/notifications")],
        )
        .await;
        let (_, notes) = t.get(&police, "/notifications").await;
        assert!(
            notes.contains("CSR Leskovac, which already held an earlier case"),
            "{notes}"
        );
        // The deciding institution is not told its own decision.
        let (_, notes) = t.get(&social, "/notifications").await;
        assert!(!notes.contains("која већ води ранији случај"));
        t.finish().await;
    }
}
