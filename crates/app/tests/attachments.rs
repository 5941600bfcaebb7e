//! Files attached to a case, on both engines: sealed at rest, shown only with the part they
//! belong to, refused when not of an accepted kind, removed only by the owner; all audited.

use spona_app::cases::{NewFile, ReferralForm};
use spona_app::AppError;
use spona_domain::cases::ReportForm;
use spona_testkit::TestDb;

const PDF: &[u8] = b"%PDF-1.7\nIzjava svedoka (izmisljeno) 4711\n%%EOF";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\nfotografija-dokumenta-0815";

fn adult() -> ReportForm {
    ReportForm {
        reporter_kind: "team-official".into(),
        detected_on: "2026-11-27".into(),
        given_name: "Јована".into(),
        family_name: "Вукомановић".into(),
        sex: "female".into(),
        birth_date: "1990-04-02".into(),
        ..Default::default()
    }
}

fn file<'a>(name: &'a str, part: &'a str, content: &'a [u8]) -> NewFile<'a> {
    NewFile {
        name,
        part,
        content,
    }
}

#[tokio::test]
async fn files_are_sealed_shown_with_their_part_and_removed_by_the_owner() {
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let police = spona_testkit::actor(&app, "le-police").await;
        let social = spona_testkit::actor(&app, "le-social").await;
        let coordinator = spona_testkit::actor(&app, "le-coordinator").await;
        let nis = spona_testkit::actor(&app, "nis-coordinator").await;
        let case = app.report_case(&police, &adult()).await.unwrap().case_id;

        let statement = app
            .attach_file(
                &police,
                case,
                &file("Изјава сведока.pdf", "circumstances", PDF),
            )
            .await
            .unwrap();
        let photo = app
            .attach_file(
                &police,
                case,
                &file("../docs/лична-карта.png", "identity", PNG),
            )
            .await
            .unwrap();
        let listed = app.case_attachments(&police, case).await.unwrap();
        let names: Vec<&str> = listed.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(listed.len(), 2);
        assert!(names.contains(&"Изјава сведока.pdf") && names.contains(&"лична-карта.png"));
        assert!(listed.iter().all(|a| a.removable));
        let got = app.attachment_file(&police, statement).await.unwrap();
        assert_eq!(got.content, PDF);
        assert_eq!(got.content_type, "application/pdf");
        assert_eq!(got.name, "Изјава сведока.pdf");

        // At rest: neither the names nor the content in the clear, nor their base64.
        let mut c = t.db.conn().await.unwrap();
        let rows: Vec<(String, String)> =
            sqlx::query_as("SELECT meta, content FROM case_attachments")
                .fetch_all(&mut *c)
                .await
                .unwrap();
        drop(c);
        use base64::Engine;
        let b64 = base64::engine::general_purpose::STANDARD;
        for (meta, content) in &rows {
            for secret in ["Изјава", "лична", "application/pdf"] {
                assert!(!meta.contains(secret) && !content.contains(secret));
            }
            assert!(!content.contains(&b64.encode(&PDF[..24])));
            let raw = b64.decode(content).unwrap();
            assert!(!raw.windows(8).any(|w| w == b"svedoka "));
        }

        // The Centre for Social Work receives only the circumstances: only that file.
        let referral = ReferralForm {
            to_institution: social.institution_id.unwrap().0.to_string(),
            purpose: "Процена".into(),
            parts: vec!["circumstances".into()],
            urgency: "normal".into(),
            override_reason: "Хитна законска обавеза".into(),
        };
        app.refer_case(&police, case, &referral).await.unwrap();
        let theirs = app.case_attachments(&social, case).await.unwrap();
        assert_eq!(
            theirs.iter().map(|a| a.id).collect::<Vec<_>>(),
            vec![statement]
        );
        assert!(!theirs[0].removable);
        assert_eq!(
            app.attachment_file(&social, statement)
                .await
                .unwrap()
                .content,
            PDF
        );
        assert!(matches!(
            app.attachment_file(&social, photo).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            app.remove_attachment(&social, statement).await,
            Err(AppError::Forbidden)
        ));
        // The receiver reads; the owner keeps the record.
        assert!(matches!(
            app.attach_file(&social, case, &file("x.pdf", "circumstances", PDF))
                .await,
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            app.attach_file(&social, case, &file("x.pdf", "identity", PDF))
                .await,
            Err(AppError::NotFound)
        ));
        let text = app
            .attach_file(
                &police,
                case,
                &file("белешка.txt", "contact", "Телефон.".as_bytes()),
            )
            .await
            .unwrap();
        assert_eq!(
            app.attachment_file(&police, text)
                .await
                .unwrap()
                .content_type,
            "text/plain; charset=utf-8"
        );

        // The coordinator knows the case exists, sees no file; another team nothing at all.
        assert!(app
            .case_attachments(&coordinator, case)
            .await
            .unwrap()
            .is_empty());
        assert!(matches!(
            app.attachment_file(&coordinator, statement).await,
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            app.case_attachments(&nis, case).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            app.attachment_file(&nis, statement).await,
            Err(AppError::NotFound)
        ));

        // The owner removes; the content is gone, the trail keeps that it was.
        app.remove_attachment(&police, photo).await.unwrap();
        assert!(matches!(
            app.attachment_file(&police, photo).await,
            Err(AppError::NotFound)
        ));
        assert_eq!(app.case_attachments(&police, case).await.unwrap().len(), 2);
        let log = app.case_access_log(&police, case).await.unwrap();
        let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
        for action in [
            "attachment-added",
            "attachment-downloaded",
            "attachment-removed",
        ] {
            assert!(actions.contains(&action), "{action}: {actions:?}");
        }
        assert_eq!(app.verify_audit().await.unwrap().first_break, None);
        t.finish().await;
    }
}

#[tokio::test]
async fn refused_files_change_nothing() {
    let t = TestDb::sqlite().await;
    let (app, _) = spona_testkit::demo_app(&t).await;
    let police = spona_testkit::actor(&app, "le-police").await;
    let case = app.report_case(&police, &adult()).await.unwrap().case_id;
    let big = {
        let mut v = b"%PDF-".to_vec();
        v.resize(
            spona_domain::cases::attachment::MAX_ATTACHMENT_BYTES + 1,
            b'x',
        );
        v
    };
    for (name, part, content, field) in [
        ("program.pdf", "circumstances", &b"MZ\x90\x00"[..], "file"),
        (
            "page.html",
            "circumstances",
            &b"<script>alert(1)</script>"[..],
            "file",
        ),
        ("empty.pdf", "circumstances", &b""[..], "file"),
        ("big.pdf", "circumstances", &big[..], "file"),
        ("ok.pdf", "everything", PDF, "part"),
    ] {
        match app
            .attach_file(&police, case, &file(name, part, content))
            .await
        {
            Err(AppError::Invalid(e)) => assert!(e.get(field).is_some(), "{name}"),
            other => panic!("{name}: {:?}", other.map(|_| ())),
        }
    }
    assert!(app
        .case_attachments(&police, case)
        .await
        .unwrap()
        .is_empty());
    t.finish().await;
}
