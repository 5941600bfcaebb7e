//! Files attached to a case over HTTP: the multipart upload with its token, the download's
//! headers, refusals shown at the form, need-to-know on the download, removal after a
//! confirmation.

use spona_testkit::{csrf_of, TestApp};

const PDF: &[u8] = b"%PDF-1.7\nIzjava (izmisljeno)\n%%EOF";
const BOUNDARY: &str = "----spona-test-boundary";

pub(crate) fn multipart(csrf: &str, part: &str, name: &str, content: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    for (field, value) in [("csrf", csrf), ("part", part)] {
        body.extend_from_slice(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{field}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

pub(crate) async fn upload(
    t: &TestApp,
    c: &reqwest::Client,
    case: i64,
    csrf: &str,
    name: &str,
    content: &[u8],
) -> (u16, Option<String>, String) {
    let res = c
        .post(t.url(&format!("/cases/{case}/attachments")))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .header("origin", t.url(""))
        .body(multipart(csrf, "circumstances", name, content))
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let location = res
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    (status, location, res.text().await.unwrap_or_default())
}

#[tokio::test]
async fn a_file_goes_up_comes_down_to_its_readers_only_and_is_removed_after_confirmation() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let fields = [
            ("reporter_kind", "team-official"),
            ("detected_on", "2026-11-27"),
            ("given_name", "Јована"),
            ("family_name", "Вукомановић"),
            ("sex", "female"),
        ];
        let (status, location, _) = t.post(&police, "/dashboard", "/cases", &fields).await;
        assert_eq!(status, 303);
        let case: i64 = location.unwrap()["/cases/".len()..]
            .split(['?', '#'])
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let (_, page) = t.get(&police, &format!("/cases/{case}")).await;
        assert!(page.contains("enctype=\"multipart/form-data\""));
        let csrf = csrf_of(&page);

        // Without the form's token nothing is stored.
        let (status, _, _) = upload(&t, &police, case, "forged", "a.pdf", PDF).await;
        assert_eq!(status, 403);
        // A file that is not what its name says is refused at the form.
        let (status, _, page) = upload(&t, &police, case, &csrf, "a.pdf", b"MZ\x90\x00").await;
        assert_eq!(status, 422);
        assert!(
            page.contains("Примају се само датотеке"),
            "the reason, in Serbian"
        );
        assert!(page.contains("Нема приложених датотека"));

        let (status, location, _) = upload(&t, &police, case, &csrf, "Изјава.pdf", PDF).await;
        assert_eq!(status, 303);
        assert!(location.unwrap().contains("saved=attachment"));
        let (_, page) = t.get(&police, &format!("/cases/{case}")).await;
        assert!(page.contains("Изјава.pdf"));
        let at = page.find("href=\"/attachments/").unwrap() + "href=\"/attachments/".len();
        let id: i64 = page[at..page[at..].find('"').unwrap() + at]
            .parse()
            .unwrap();

        let res = police
            .get(t.url(&format!("/attachments/{id}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200);
        let h = res.headers().clone();
        assert_eq!(h["content-type"], "application/pdf");
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert_eq!(h["cache-control"], "no-store");
        let disposition = h["content-disposition"].to_str().unwrap();
        assert!(disposition.starts_with("attachment;"), "{disposition}");
        assert!(
            disposition.contains("%D0%98"),
            "the exact name, encoded: {disposition}"
        );
        assert_eq!(res.bytes().await.unwrap().as_ref(), PDF);

        // Not referred, another team: as if there were nothing.
        for user in ["le-social", "nis-coordinator"] {
            let c = t.signed_in(user).await;
            assert_eq!(
                t.get(&c, &format!("/attachments/{id}")).await.0,
                404,
                "{user}"
            );
            assert_eq!(
                t.get(&c, &format!("/attachments/{id}/remove")).await.0,
                404,
                "{user}"
            );
        }

        // Removal asks first, then the file is gone.
        let confirm = format!("/attachments/{id}/remove");
        let (status, page) = t.get(&police, &confirm).await;
        assert_eq!(status, 200);
        assert!(page.contains("Изјава.pdf") && page.contains("трајно обрисан"));
        let (status, location, _) = t.post(&police, &confirm, &confirm, &[]).await;
        assert_eq!(status, 303);
        assert!(location.unwrap().contains("saved=attachment-removed"));
        assert_eq!(t.get(&police, &format!("/attachments/{id}")).await.0, 404);
        t.finish().await;
    }
}

#[tokio::test]
async fn a_file_over_the_limit_is_refused_whole() {
    let t = TestApp::spawn().await;
    let police = t.signed_in("le-police").await;
    let fields = [
        ("reporter_kind", "team-official"),
        ("detected_on", "2026-11-27"),
        ("given_name", "Ана"),
        ("sex", "female"),
    ];
    let (_, location, _) = t.post(&police, "/dashboard", "/cases", &fields).await;
    let case: i64 = location.unwrap()["/cases/".len()..]
        .split(['?', '#'])
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let (_, page) = t.get(&police, &format!("/cases/{case}")).await;
    let csrf = csrf_of(&page);
    let mut big = b"%PDF-".to_vec();
    big.resize(11 * 1024 * 1024, b'x');
    let (status, _, page) = upload(&t, &police, case, &csrf, "big.pdf", &big).await;
    assert_eq!(status, 413);
    assert!(page.contains("већа од 10 MB"), "said at the form");
    let (_, page) = t.get(&police, &format!("/cases/{case}")).await;
    assert!(page.contains("Нема приложених датотека"));
    t.finish().await;
}
