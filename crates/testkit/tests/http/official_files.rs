//! Files on a guideline's versions and on the founding decision, over HTTP: the upload (the
//! multipart form with its token), versions kept and downloadable with the same bytes, the
//! refusals said at the form with nothing saved, who may upload and download, sealing of a
//! file that holds personal data (read in the raw table), the audit of sealed downloads, and
//! files surviving a backup and restore and a key rotation.

use base64::Engine;
use spona_app::backup::{self, BackupRequest, ExposeSecret, Lock, RestoreRequest, Trigger, Unlock};
use spona_app::keys::{SweepControl, Switched};
use spona_app::{custody, App, AuthSettings, Keyring, ManualClock, MasterKey};
use spona_testkit::{actor, csrf_of, TestApp, TestDb, START};
use std::sync::Arc;

const BOUNDARY: &str = "----spona-official-boundary";
const PDF: &[u8] = b"%PDF-1.7\nStandardne operativne procedure (izmisljeno)\n%%EOF";
const DOCX: &[u8] =
    b"PK\x03\x04\x14\0\0\0[Content_Types].xml PK\x03\x04 word/document.xml Petrovic Marko 064";
const ODT: &[u8] =
    b"PK\x03\x04\x14\0\0\0\0\0mimetypeapplication/vnd.oasis.opendocument.text odluka";

/// A multipart body: the text parts in order (the token first), then the file.
fn multipart(fields: &[(&str, &str)], name: &str, content: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    for (field, value) in fields {
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

/// Posts an upload with the token of `form_page`; returns status, location and body.
async fn upload(
    t: &TestApp,
    c: &reqwest::Client,
    form_page: &str,
    path: &str,
    fields: &[(&str, &str)],
    name: &str,
    content: &[u8],
) -> (u16, Option<String>, String) {
    let (_, page) = t.get(c, form_page).await;
    let csrf = csrf_of(&page);
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    let res = c
        .post(t.url(path))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .header("origin", t.url(""))
        .body(multipart(&all, name, content))
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

/// Downloads a file: status, content type, disposition and bytes.
async fn download(t: &TestApp, c: &reqwest::Client, path: &str) -> (u16, String, String, Vec<u8>) {
    let res = c.get(t.url(path)).send().await.unwrap();
    let status = res.status().as_u16();
    let header = |name: &str| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    let (kind, disposition) = (header("content-type"), header("content-disposition"));
    (
        status,
        kind,
        disposition,
        res.bytes().await.unwrap().to_vec(),
    )
}

async fn scalar(t: &TestApp, sql: &str) -> i64 {
    let mut c = t.db().conn().await.unwrap();
    sqlx::query_scalar(sql).fetch_one(&mut *c).await.unwrap()
}

async fn files(t: &TestApp) -> i64 {
    scalar(t, "SELECT COUNT(*) FROM official_files").await
}

async fn audited(t: &TestApp, action: &str) -> i64 {
    scalar(
        t,
        &format!("SELECT COUNT(*) FROM audit_log WHERE action = '{action}'"),
    )
    .await
}

/// A guideline of Leskovac's coordinator; its path.
async fn guideline(t: &TestApp, coordinator: &reqwest::Client) -> String {
    let (status, location, _) = t
        .post(
            coordinator,
            "/guidelines",
            "/guidelines",
            &[
                ("title", "Стандардне оперативне процедуре"),
                ("kind", "procedure"),
                ("language", "sr-Cyrl"),
                ("in_force_from", "2026-01-01"),
                ("body", "Сажетак процедура."),
            ],
        )
        .await;
    assert_eq!(status, 303);
    location.unwrap().split('?').next().unwrap().to_string()
}

#[tokio::test]
async fn a_guideline_keeps_every_version_s_file_and_seals_one_with_personal_data() {
    for t in TestApp::every_engine().await {
        let coordinator = t.signed_in("le-coordinator").await;
        let path = guideline(&t, &coordinator).await;
        let to = format!("{path}/files");
        let (_, page) = t.get(&coordinator, &path).await;
        assert!(page.contains(&format!("action=\"{to}\" enctype=\"multipart/form-data\"")));
        assert!(page.contains("Још нема датотека"));

        // The first file: a new version of the guideline, kept plainly.
        let fields = [("version", "1"), ("note", "Званични PDF")];
        let (status, location, _) =
            upload(&t, &coordinator, &path, &to, &fields, "СОП 2026.pdf", PDF).await;
        assert_eq!(status, 303);
        assert!(location.unwrap().contains("file=1"));
        let (_, page) = t.get(&coordinator, &path).await;
        assert!(page.contains("СОП 2026.pdf") && page.contains("Званични PDF"));
        assert!(
            page.contains(&format!("href=\"{to}/2\"")),
            "version 2 carries it"
        );

        // Every official of the team reads it; the bytes come back as they went.
        let member = t.signed_in("le-member").await;
        let (status, kind, disposition, bytes) = download(&t, &member, &format!("{to}/2")).await;
        assert_eq!((status, kind.as_str()), (200, "application/pdf"));
        assert!(disposition.starts_with("attachment;") && disposition.contains("%D0%A1"));
        assert_eq!(bytes, PDF);
        assert_eq!(
            audited(&t, "guideline-file-downloaded").await,
            0,
            "plain: no entry"
        );

        // The second, holding personal data: sealed; the first stays listed and downloadable.
        let fields = [("version", "2"), ("personal", "1")];
        let name = "Списак Бранковачки.docx";
        let (status, _, _) = upload(&t, &coordinator, &path, &to, &fields, name, DOCX).await;
        assert_eq!(status, 303);
        let (_, page) = t.get(&member, &path).await;
        assert!(
            page.contains(&format!("href=\"{to}/3\""))
                && page.contains(&format!("href=\"{to}/2\""))
        );
        assert!(
            !page.contains("Бранковачки"),
            "a sealed file's name is not listed"
        );
        assert!(page.contains("Датотека са подацима о личности"));
        assert!(page.contains("Верзија 3"));
        assert_eq!(download(&t, &member, &format!("{to}/2")).await.3, PDF);
        let (status, kind, disposition, bytes) = download(&t, &member, &format!("{to}/3")).await;
        assert_eq!(status, 200);
        assert!(kind.starts_with("application/vnd.openxmlformats-officedocument.wordprocessingml"));
        assert!(disposition.contains("%D0%91%D1%80%D0%B0"), "{disposition}");
        assert_eq!(bytes, DOCX);
        assert_eq!(audited(&t, "guideline-file-added").await, 2);
        assert_eq!(audited(&t, "guideline-file-downloaded").await, 1);

        // In the table: nothing of the sealed file in the clear.
        let mut c = t.db().conn().await.unwrap();
        let (plain_name, sealed_name, key, content): (String, String, String, String) =
            sqlx::query_as(
                "SELECT name, sealed_name, data_key, content FROM official_files WHERE personal = 1",
            )
            .fetch_one(&mut *c)
            .await
            .unwrap();
        drop(c);
        assert!(plain_name.is_empty() && !key.is_empty());
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(&content)
            .unwrap();
        assert!(
            !decoded.windows(8).any(|w| w == b"Petrovic"),
            "content sealed"
        );
        assert!(!decoded.windows(4).any(|w| w == b"PK\x03\x04"));
        assert!(!sealed_name.contains("Бранковачки"));
        let decoded_name = base64::engine::general_purpose::STANDARD
            .decode(&sealed_name)
            .unwrap();
        assert!(!decoded_name.windows(6).any(|w| w == "Бра".as_bytes()));

        // A version revised since the form was read is a conflict; nothing saved.
        let (status, _, page) = upload(
            &t,
            &coordinator,
            &path,
            &to,
            &[("version", "2")],
            "b.pdf",
            PDF,
        )
        .await;
        assert_eq!(status, 409);
        assert!(page.contains("id=\"official-file-error\""));
        assert_eq!(files(&t).await, 2);
        t.finish().await;
    }
}

#[tokio::test]
async fn a_wrong_or_too_large_file_is_refused_at_the_form_and_saves_nothing() {
    for t in TestApp::every_engine().await {
        let coordinator = t.signed_in("le-coordinator").await;
        let path = guideline(&t, &coordinator).await;
        let to = format!("{path}/files");
        let version = [("version", "1")];
        let refused: [(&str, &[u8]); 4] = [
            ("virus.pdf", b"MZ\x90\x00"),
            ("SOP.docx", PDF),
            ("photo.jpg", &[0xFF, 0xD8, 0xFF, 0xE0]),
            ("empty.pdf", b""),
        ];
        for (name, content) in refused {
            let (status, _, page) =
                upload(&t, &coordinator, &path, &to, &version, name, content).await;
            assert_eq!(status, 422, "{name}");
            assert!(page.contains("id=\"official-file-error\""), "{name}");
            if !content.is_empty() {
                assert!(
                    page.contains("Примају се само датотеке PDF, DOCX"),
                    "{name}"
                );
            }
        }
        let mut big = b"%PDF-1.7\n".to_vec();
        big.resize(21 * 1024 * 1024, b'x');
        let (status, _, page) =
            upload(&t, &coordinator, &path, &to, &version, "big.pdf", &big).await;
        assert_eq!(status, 413);
        assert!(
            page.contains("већа од 20 MB"),
            "the limit, said at the form"
        );
        // The founding decision refuses alike.
        let team = "/teams/leskovac";
        let founding = "/teams/leskovac/founding/files";
        let (status, _, page) =
            upload(&t, &coordinator, team, founding, &[], "odluka.odt", PDF).await;
        assert_eq!(status, 422);
        assert!(page.contains("Примају се само датотеке PDF, DOCX"));

        assert_eq!(files(&t).await, 0);
        let id = &path["/guidelines/".len()..];
        let sql = format!("SELECT current_version FROM guidelines WHERE id = {id}");
        assert_eq!(scalar(&t, &sql).await, 1, "no version made");
        assert_eq!(audited(&t, "guideline-file-added").await, 0);
        t.finish().await;
    }
}

#[tokio::test]
async fn only_the_coordinator_uploads_and_another_team_finds_nothing() {
    for t in TestApp::every_engine().await {
        let coordinator = t.signed_in("le-coordinator").await;
        let path = guideline(&t, &coordinator).await;
        let to = format!("{path}/files");
        let (status, _, _) = upload(
            &t,
            &coordinator,
            &path,
            &to,
            &[("version", "1")],
            "a.pdf",
            PDF,
        )
        .await;
        assert_eq!(status, 303);
        let founding = "/teams/leskovac/founding/files";
        let (status, _, _) = upload(
            &t,
            &coordinator,
            "/teams/leskovac",
            founding,
            &[],
            "odluka.odt",
            ODT,
        )
        .await;
        assert_eq!(status, 303);

        // A member of the team reads, never uploads; the page offers no form.
        let member = t.signed_in("le-member").await;
        let (_, page) = t.get(&member, &path).await;
        assert!(!page.contains("enctype=\"multipart/form-data\""));
        let (status, _, _) =
            upload(&t, &member, &path, &to, &[("version", "2")], "b.pdf", PDF).await;
        assert_eq!(status, 403);
        let (status, _, _) =
            upload(&t, &member, "/teams/leskovac", founding, &[], "b.pdf", PDF).await;
        assert_eq!(status, 403);
        assert_eq!(download(&t, &member, &format!("{founding}/1")).await.0, 200);

        // Another team's coordinator: as if there were nothing.
        let nis = t.signed_in("nis-coordinator").await;
        assert_eq!(download(&t, &nis, &format!("{to}/2")).await.0, 404);
        assert_eq!(download(&t, &nis, &format!("{founding}/1")).await.0, 404);
        let (status, _, _) = upload(
            &t,
            &nis,
            "/dashboard",
            &to,
            &[("version", "2")],
            "b.pdf",
            PDF,
        )
        .await;
        assert_eq!(status, 404);
        let (status, _, _) = upload(&t, &nis, "/dashboard", founding, &[], "b.pdf", PDF).await;
        assert_eq!(status, 404);
        // A version that does not exist is not found either.
        assert_eq!(download(&t, &coordinator, &format!("{to}/1")).await.0, 404);
        assert_eq!(files(&t).await, 2);
        t.finish().await;
    }
}

#[tokio::test]
async fn the_founding_decision_keeps_its_files_and_a_sealed_one_opens_only_to_who_sees_names() {
    for t in TestApp::every_engine().await {
        let coordinator = t.signed_in("le-coordinator").await;
        let team = "/teams/leskovac";
        let to = "/teams/leskovac/founding/files";
        let (_, page) = t.get(&coordinator, team).await;
        assert!(page.contains("Датотеке оснивачке одлуке"));
        assert!(page.contains(&format!("action=\"{to}\" enctype=\"multipart/form-data\"")));

        let (status, location, _) =
            upload(&t, &coordinator, team, to, &[], "Одлука 061-25-13.odt", ODT).await;
        assert_eq!(status, 303);
        assert!(location.unwrap().starts_with("/teams/leskovac?file=1"));
        let (status, _, _) = upload(
            &t,
            &coordinator,
            team,
            to,
            &[("personal", "1")],
            "Решење о именовању.pdf",
            PDF,
        )
        .await;
        assert_eq!(status, 303);
        let (_, page) = t.get(&coordinator, team).await;
        assert!(page.contains("Одлука 061-25-13.odt") && !page.contains("Решење о именовању"));
        assert!(
            page.contains(&format!("href=\"{to}/1\""))
                && page.contains(&format!("href=\"{to}/2\""))
        );

        let (status, kind, _, bytes) = download(&t, &coordinator, &format!("{to}/1")).await;
        assert_eq!(
            (status, kind.as_str()),
            (200, "application/vnd.oasis.opendocument.text")
        );
        assert_eq!(bytes, ODT);
        assert_eq!(download(&t, &coordinator, &format!("{to}/2")).await.3, PDF);

        // The national office sees the team page and the plain file, not the one with names.
        let national = t.signed_in("national").await;
        assert_eq!(download(&t, &national, &format!("{to}/1")).await.3, ODT);
        assert_eq!(download(&t, &national, &format!("{to}/2")).await.0, 403);
        assert_eq!(audited(&t, "founding-file-added").await, 2);
        assert_eq!(
            audited(&t, "founding-file-downloaded").await,
            1,
            "the sealed one only"
        );
        let mut c = t.db().conn().await.unwrap();
        let content: String =
            sqlx::query_scalar("SELECT content FROM official_files WHERE version_no = 2")
                .fetch_one(&mut *c)
                .await
                .unwrap();
        drop(c);
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(&content)
            .unwrap();
        assert!(!decoded.windows(5).any(|w| w == b"%PDF-"), "sealed");
        t.finish().await;
    }
}

/// A fresh database of the same engine as the test app's.
async fn same_engine(t: &TestApp) -> TestDb {
    match t.db().backend() {
        spona_store::Backend::Sqlite => TestDb::sqlite().await,
        spona_store::Backend::Postgres => TestDb::postgres().await.expect("PostgreSQL"),
    }
}

fn app_on(db: &spona_store::Db, key: &MasterKey) -> App {
    App::new(
        db.clone(),
        Arc::new(ManualClock::at(START + 7200)),
        AuthSettings::default(),
        Keyring::new(key),
    )
}

/// A plain guideline file and a sealed founding file, uploaded over HTTP; the guideline's id.
async fn two_files(t: &TestApp) -> i64 {
    let coordinator = t.signed_in("le-coordinator").await;
    let path = guideline(t, &coordinator).await;
    let to = format!("{path}/files");
    let (status, _, _) = upload(
        t,
        &coordinator,
        &path,
        &to,
        &[("version", "1")],
        "СОП.pdf",
        PDF,
    )
    .await;
    assert_eq!(status, 303);
    let founding = "/teams/leskovac/founding/files";
    let fields = [("personal", "1")];
    let (status, _, _) = upload(
        t,
        &coordinator,
        "/teams/leskovac",
        founding,
        &fields,
        "Чланови.docx",
        DOCX,
    )
    .await;
    assert_eq!(status, 303);
    path["/guidelines/".len()..].parse().unwrap()
}

#[tokio::test]
async fn files_survive_a_backup_and_restore_and_a_key_rotation() {
    for t in TestApp::every_engine().await {
        let id = two_files(&t).await;

        // Backed up and restored into an empty database: both open with the same key.
        let (secret, public) = backup::generate_identity();
        let lock = Lock::Recipients(vec![backup::parse_recipient(&public).unwrap()]);
        let request = BackupRequest {
            lock: &lock,
            include_key: None,
            trigger: Trigger::Command,
        };
        let (_, file) = t.app.take_backup(Vec::new(), request).await.unwrap();
        let target = same_engine(&t).await;
        let request = RestoreRequest {
            unlock: Unlock::identity_file(secret.expose_secret()).unwrap(),
            deployment_key: Some(t.key.clone()),
            clock: Arc::new(ManualClock::at(START + 3600)),
        };
        backup::restore(&target.db, std::io::Cursor::new(file), request, &|_, _| {})
            .await
            .unwrap();
        let restored = app_on(&target.db, &t.key);
        let coordinator = actor(&restored, "le-coordinator").await;
        let plain = restored.guideline_file(&coordinator, id, 2).await.unwrap();
        assert_eq!(
            (plain.name.as_str(), plain.content.as_slice()),
            ("СОП.pdf", PDF)
        );
        let sealed = restored
            .founding_file(&coordinator, "leskovac", 1)
            .await
            .unwrap();
        assert_eq!(
            (sealed.name.as_str(), sealed.content.as_slice()),
            ("Чланови.docx", DOCX)
        );
        target.finish().await;

        // A key rotation: the sealed file opens under the new key only.
        custody::record_key(t.db(), &t.key, START).await.unwrap();
        let next = MasterKey::generate();
        t.app.begin_rotation(&next).await.unwrap();
        t.app
            .sweep_rotation(&next, SweepControl::default(), &|_, _| {})
            .await
            .unwrap();
        assert!(matches!(
            t.app.switch_keys(&next).await.unwrap(),
            Switched::Done { .. }
        ));
        let fresh = app_on(t.db(), &next);
        let coordinator = actor(&fresh, "le-coordinator").await;
        let sealed = fresh
            .founding_file(&coordinator, "leskovac", 1)
            .await
            .unwrap();
        assert_eq!(sealed.content, DOCX);
        let stale = app_on(t.db(), &t.key);
        assert!(stale
            .founding_file(&coordinator, "leskovac", 1)
            .await
            .is_err());
        t.finish().await;
    }
}
