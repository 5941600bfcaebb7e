//! A damaged record is logged once, by its table and id, never with anything of its content:
//! a test binary of its own, so that the log subscriber can be the whole process's.

use spona_testkit::{capture_logs, TestApp};

#[tokio::test]
async fn a_damaged_case_is_logged_once_with_its_id_and_no_content() {
    let captured = capture_logs();

    let t = TestApp::spawn().await;
    let police = t.signed_in("le-police").await;
    let mut ids = Vec::new();
    for (given, family) in [("Ана", "Анић"), ("Милица", "Стојковић")] {
        let fields = [
            ("reporter_kind", "team-official"),
            ("detected_on", "2026-11-27"),
            ("given_name", given),
            ("family_name", family),
            ("narrative", "Тајни наратив"),
        ];
        let (_, to, _) = t.post(&police, "/dashboard", "/cases", &fields).await;
        let to = to.expect("a redirect");
        let id: String = to
            .trim_start_matches("/cases/")
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        ids.push(id.parse::<i64>().unwrap());
    }
    let damaged = ids[1];
    {
        let mut c = t.db().conn().await.unwrap();
        // The sealed narrative altered by a byte: it no longer opens.
        let sealed: String = sqlx::query_scalar("SELECT circumstances FROM cases WHERE id = $1")
            .bind(damaged)
            .fetch_one(&mut *c)
            .await
            .unwrap();
        let mut bytes = sealed.into_bytes();
        bytes[10] = if bytes[10] == b'A' { b'B' } else { b'A' };
        sqlx::query("UPDATE cases SET circumstances = $1 WHERE id = $2")
            .bind(String::from_utf8(bytes).unwrap())
            .bind(damaged)
            .execute(&mut *c)
            .await
            .unwrap();
    }
    for _ in 0..3 {
        let (status, _) = t.get(&police, &format!("/cases/{damaged}")).await;
        assert_eq!(status, 409);
    }
    let (status, _) = t.get(&police, "/cases").await;
    assert_eq!(
        status, 200,
        "the identity still opens, so the list is whole"
    );

    let log = captured.text();
    let lines: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("cannot be opened"))
        .collect();
    assert_eq!(lines.len(), 1, "{log}");
    assert!(
        lines[0].contains(&format!("record_id={damaged}")) && lines[0].contains("table=cases"),
        "{}",
        lines[0]
    );
    for secret in ["Милица", "Стојковић", "Тајни", "Ана"] {
        assert!(!log.contains(secret), "{secret} in the log");
    }
    t.finish().await;
}
