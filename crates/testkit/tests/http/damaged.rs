//! Damaged data degrades, it does not break, on both engines: a case whose sealed part was
//! altered in the database is listed as "cannot be opened" among the others, opening it says
//! so (not a server error), the inbox keeps working, and the administrator gets one alert
//! however often it is seen.

use spona_testkit::TestApp;

/// A report of a person; a child's sends the urgent referral to the social work centre.
fn report(
    given: &'static str,
    family: &'static str,
    child: bool,
) -> Vec<(&'static str, &'static str)> {
    let mut fields = vec![
        ("reporter_kind", "team-official"),
        ("detected_on", "2026-11-27"),
        ("given_name", given),
        ("family_name", family),
    ];
    if child {
        fields.extend([("estimated_age", "15"), ("may_be_child", "on")]);
    } else {
        fields.push(("birth_date", "1990-04-02"));
    }
    fields
}

async fn reported(t: &TestApp, who: &reqwest::Client, fields: &[(&str, &str)]) -> i64 {
    let (status, to, _) = t.post(who, "/dashboard", "/cases", fields).await;
    assert_eq!(status, 303);
    let to = to.expect("a redirect to the case");
    to.trim_start_matches("/cases/")
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .expect("a case id")
}

/// Alters a case's sealed identity the way an attacker with the database would: it is
/// replaced by another case's (valid, but bound to the other row).
async fn damage(t: &TestApp, victim: i64, donor: i64) {
    let mut c = t.db().conn().await.unwrap();
    let done = sqlx::query(
        "UPDATE cases SET identity = (SELECT identity FROM cases WHERE id = $1) WHERE id = $2",
    )
    .bind(donor)
    .bind(victim)
    .execute(&mut *c)
    .await
    .unwrap();
    assert_eq!(done.rows_affected(), 1);
}

async fn alerts_for(t: &TestApp, id: i64) -> i64 {
    let mut c = t.db().conn().await.unwrap();
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM integrity_alerts WHERE record_table = 'cases' AND record_id = $1",
    )
    .bind(id)
    .fetch_one(&mut *c)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_damaged_case_is_listed_as_such_opening_it_says_so_and_one_alert_is_raised() {
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        let social = t.signed_in("le-social").await;
        let admin = t.signed_in("admin").await;
        let first = reported(&t, &police, &report("Ана", "Анић", false)).await;
        let damaged = reported(&t, &police, &report("Милица", "Стојковић", true)).await;
        let third = reported(&t, &police, &report("Петар", "Петровић", false)).await;
        damage(&t, damaged, first).await;

        for _ in 0..2 {
            let (status, list) = t.get(&police, "/cases").await;
            assert_eq!(status, 200, "{list}");
            assert!(list.contains("Ана Анић") && list.contains("Петар Петровић"));
            assert!(list.contains("Запис не може да се отвори"), "{list}");
            assert!(
                list.contains(&format!("/cases/{damaged}\"")),
                "still listed"
            );
            assert!(!list.contains("Милица"), "nothing of the damaged record");
        }
        // Opening it says so, in the viewer's language, and is no server error.
        let (status, page) = t.get(&police, &format!("/cases/{damaged}")).await;
        assert_eq!(status, 409);
        assert!(page.contains("Овај запис не може да се отвори"), "{page}");
        assert!(!page.contains("Милица"));
        // Its edit form too; the other cases open as before.
        let (status, _) = t.get(&police, &format!("/cases/{damaged}/edit")).await;
        assert_eq!(status, 409);
        let (status, page) = t.get(&police, &format!("/cases/{third}")).await;
        assert_eq!(status, 200);
        assert!(page.contains("Петровић"));

        // The social work centre got the child's urgent referral: its inbox and list work.
        let (status, inbox) = t.get(&social, "/inbox").await;
        assert_eq!(status, 200);
        assert!(inbox.contains(&format!("/cases/{damaged}")), "{inbox}");
        let (status, list) = t.get(&social, "/cases").await;
        assert_eq!(status, 200);
        assert!(list.contains("Запис не може да се отвори"));

        // One alert, however often it was seen; the administrator sees table and id only.
        assert_eq!(alerts_for(&t, damaged).await, 1);
        assert_eq!(alerts_for(&t, first).await, 0);
        let (status, home) = t.get(&admin, "/dashboard").await;
        assert_eq!(status, 200);
        let line = format!("cases, бр. {damaged} ");
        assert_eq!(home.matches(&line).count(), 1, "{home}");
        assert!(!home.contains("Милица") && !home.contains("Анић"));
        // Nobody else has the administrator's list.
        let (_, police_home) = t.get(&police, "/dashboard").await;
        assert!(!police_home.contains("integrity-h"));
        t.finish().await;
    }
}
