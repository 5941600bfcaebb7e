//! The CSRF check is one layer in front of every changing request: a form (URL-encoded or
//! the multipart upload) without the page's token, with a wrong one, with the token not
//! where the page puts it, or from a foreign origin changes nothing; the page's own form
//! goes through. Multipart text fields are held to the rules of every form.

use spona_testkit::{csrf_of, TestApp};

const BOUNDARY: &str = "----spona-csrf-boundary";
const PDF: &[u8] = b"%PDF-1.7\nIzjava (izmisljeno)\n%%EOF";

async fn count(t: &TestApp, table: &str) -> i64 {
    let mut c = t.app.db().conn().await.unwrap();
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&mut *c)
        .await
        .unwrap()
}

/// A multipart body of text parts (name, raw value) in order, then the file.
fn multipart(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, value) in parts {
        body.extend_from_slice(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n")
                .as_bytes(),
        );
        body.extend_from_slice(value);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"izjava.pdf\"\r\n\
             Content-Type: application/pdf\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(PDF);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

async fn upload(
    t: &TestApp,
    c: &reqwest::Client,
    case: i64,
    body: Vec<u8>,
    headers: &[(&str, &str)],
) -> (u16, String) {
    let mut req = c
        .post(t.url(&format!("/cases/{case}/attachments")))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(body);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    (status, res.text().await.unwrap_or_default())
}

#[tokio::test]
async fn a_form_without_the_right_token_or_from_elsewhere_changes_nothing() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-coordinator").await;
        let (_, page) = t.get(&c, "/activities/new").await;
        let csrf = csrf_of(&page);
        let other = t.signed_in("le-coordinator").await;
        let (_, page) = t.get(&other, "/activities/new").await;
        let others = csrf_of(&page);
        let fields = [
            ("title", "Трибина"),
            ("kind", "public-talk"),
            ("held_on", "2026-11-24"),
            ("place", "Школа"),
            ("pupils", "40"),
        ];
        let before = (count(&t, "activities").await, count(&t, "audit_log").await);
        let send = |token: Option<&str>, origin: Option<&str>| {
            let mut all: Vec<(&str, &str)> = fields.to_vec();
            if let Some(token) = token {
                all.push(("csrf", token));
            }
            let mut req = c.post(t.url("/activities")).form(&all);
            if let Some(origin) = origin {
                req = req.header("origin", origin);
            }
            req.send()
        };
        let wrong = "forged-token-forged-token-forged-token-0000";
        for (token, origin) in [
            (None, None),
            (Some(wrong), None),
            (Some(""), None),
            (Some(csrf.as_str()), Some("https://evil.example")),
            (Some(csrf.as_str()), Some("null")),
        ] {
            let res = send(token, origin).await.unwrap();
            assert_eq!(res.status(), 403, "{token:?} from {origin:?}");
            assert!(res.text().await.unwrap().contains("Образац је застарео"));
        }
        // A token from another session is not this one's.
        let res = send(Some(&others), None).await.unwrap();
        assert_eq!(res.status(), 403);
        assert_eq!(
            (count(&t, "activities").await, count(&t, "audit_log").await),
            before,
            "nothing saved, nothing audited"
        );
        // The page's own form, also with our own origin, goes through.
        let own = t.url("");
        let res = send(Some(&csrf), Some(&own)).await.unwrap();
        assert_eq!(res.status(), 303);
        assert_eq!(count(&t, "activities").await, before.0 + 1);
        t.finish().await;
    }
}

#[tokio::test]
async fn the_upload_needs_its_token_as_the_first_part_or_in_the_header() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let (status, location, _) = t
            .post(
                &police,
                "/dashboard",
                "/cases",
                &[
                    ("reporter_kind", "team-official"),
                    ("detected_on", "2026-11-27"),
                    ("given_name", "Јована"),
                    ("sex", "female"),
                ],
            )
            .await;
        assert_eq!(status, 303);
        let case: i64 = location.unwrap()["/cases/".len()..]
            .split(['?', '#'])
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let (_, page) = t.get(&police, &format!("/cases/{case}")).await;
        let csrf = csrf_of(&page);
        let token = csrf.as_bytes();
        let part: &[u8] = b"circumstances";
        let wrong: &[u8] = b"forged-token-forged-token-forged-token-0000";
        let refused = [
            (multipart(&[("part", part)]), vec![]),
            (multipart(&[("csrf", wrong), ("part", part)]), vec![]),
            // The token where the page does not put it.
            (multipart(&[("part", part), ("csrf", token)]), vec![]),
            (
                multipart(&[("csrf", token), ("part", part)]),
                vec![("origin", "https://evil.example")],
            ),
            (
                multipart(&[("csrf", token), ("part", part)]),
                vec![("sec-fetch-site", "cross-site")],
            ),
            (
                multipart(&[("part", part)]),
                vec![("x-csrf-token", "forged")],
            ),
        ];
        for (i, (body, headers)) in refused.into_iter().enumerate() {
            let (status, page) = upload(&t, &police, case, body, &headers).await;
            assert_eq!(status, 403, "refusal {i}");
            assert!(page.contains("Образац је застарео"), "refusal {i}");
        }
        assert_eq!(count(&t, "case_attachments").await, 0, "nothing stored");

        // Text parts are held to the rules of every form.
        let (status, page) = upload(
            &t,
            &police,
            case,
            multipart(&[("csrf", token), ("part", b"circum\x01stances")]),
            &[],
        )
        .await;
        assert_eq!(status, 422);
        assert!(page.contains("Поље „part“ садржи знак"), "{page}");
        let (status, _) = upload(
            &t,
            &police,
            case,
            multipart(&[("csrf", token), ("part", b"circum\xffstances")]),
            &[],
        )
        .await;
        assert_eq!(status, 400);
        assert_eq!(count(&t, "case_attachments").await, 0, "nothing stored");

        // The form as the page sends it, with or without an origin; or the header.
        let own = t.url("");
        let (status, _) = upload(
            &t,
            &police,
            case,
            multipart(&[("csrf", token), ("part", part)]),
            &[("origin", own.as_str())],
        )
        .await;
        assert_eq!(status, 303);
        let (status, _) = upload(
            &t,
            &police,
            case,
            multipart(&[("part", part)]),
            &[("x-csrf-token", csrf.as_str())],
        )
        .await;
        assert_eq!(status, 303);
        assert_eq!(count(&t, "case_attachments").await, 2);
        t.finish().await;
    }
}

#[tokio::test]
async fn visitors_forms_keep_their_cookie_token_and_an_ended_session_goes_to_sign_in() {
    let t = TestApp::spawn().await;
    // The sign-in form without the visitor's token, or with another's, is refused.
    let c = t.client();
    let (_, page) = t.get(&c, "/login").await;
    let csrf = csrf_of(&page);
    for token in ["", "forged-token-forged-token-forged-token-0000"] {
        let res = c
            .post(t.url("/login"))
            .form(&[
                ("csrf", token),
                ("username", "le-police"),
                ("password", spona_testkit::DEMO_PASSWORD),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "{token:?}");
    }
    let stranger = t.client();
    let res = stranger
        .post(t.url("/login"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("username", "le-police"),
            ("password", spona_testkit::DEMO_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403, "the token of another visitor's cookie");
    assert_eq!(
        t.sign_in(&c, "le-police", spona_testkit::DEMO_PASSWORD)
            .await,
        303
    );

    // A form sent after its session ended leads to the sign-in page, saying so.
    let ended = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let res = ended
        .post(t.url("/activities"))
        .header(
            "cookie",
            "spona_session=no-such-session-no-such-session-00000000",
        )
        .form(&[("csrf", "old"), ("title", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap();
    assert!(
        location.starts_with("/login?") && location.contains("expired=1"),
        "{location}"
    );
    t.finish().await;
}
