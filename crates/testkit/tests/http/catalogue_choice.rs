//! The indicator list of the report form over HTTP: picked for the person (the child list for
//! a child, the police list for an adult the police report), named on the form and on the
//! case, and switched by the reporter without JavaScript, keeping everything typed.

use crate::case_pages::case_of;
use spona_testkit::TestApp;

/// A person the police may take for a child, as the form posts it with the list it showed.
fn child(shown: &str) -> Vec<(&str, &str)> {
    vec![
        ("reporter_kind", "team-official"),
        ("detected_on", "2026-11-27"),
        ("given_name", "Милица"),
        ("estimated_age", "14"),
        ("narrative", "Затечена на станици без пратње."),
        ("catalogue", shown),
    ]
}

fn adult() -> Vec<(&'static str, &'static str)> {
    vec![
        ("reporter_kind", "team-official"),
        ("detected_on", "2026-11-27"),
        ("given_name", "Јована"),
        ("birth_date", "1990-04-02"),
        ("narrative", "Ради на градилишту без уговора."),
    ]
}

/// Cases in the database.
async fn cases(t: &TestApp) -> i64 {
    let mut c = t.app.db().conn().await.unwrap();
    sqlx::query_scalar("SELECT COUNT(*) FROM cases")
        .fetch_one(&mut *c)
        .await
        .unwrap()
}

/// The version the edit form of a case carries in its address.
fn version_in(page: &str, case: i64) -> String {
    let prefix = format!("action=\"/cases/{case}/edit?version=");
    let at = page.find(&prefix).expect("the edit form") + prefix.len();
    page[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect()
}

#[tokio::test]
async fn a_child_reported_by_the_police_is_screened_with_the_child_list_by_default_on_every_engine()
{
    for t in TestApp::every_engine().await {
        let police = t.signed_in("le-police").await;
        // An adult's report starts with the police list, named on the form.
        let (status, form) = t.get(&police, "/cases/new").await;
        assert_eq!(status, 200);
        assert!(
            form.contains("Индикатори: Полиција, верзија 2026-1"),
            "{form}"
        );
        assert!(form.contains("name=\"catalogue\" value=\"police/2026-1\""));
        assert!(form.contains("formaction=\"/cases/new/catalogue\""));
        // Enter saves: the first submit button of the form is the hidden save button.
        let hidden = form
            .find("<button type=\"submit\" class=\"visually-hidden\" tabindex=\"-1\"")
            .unwrap();
        let switch = form.find("formaction=").unwrap();
        assert!(hidden < switch);
        let start = form.find("action=\"/cases\"").unwrap();
        assert!(start < hidden && !form[start..hidden].contains("type=\"submit\""));

        // The police list's indicators ticked for a child: the form comes back with the child
        // list, everything else kept, and nothing is saved.
        let before = cases(&t).await;
        let mut fields = child("police/2026-1");
        fields.push(("indicators", "rehearsed"));
        let (status, _, page) = t.post(&police, "/cases/new", "/cases", &fields).await;
        assert_eq!(status, 422);
        assert!(page.contains("Индикатори: Индикатори за децу, верзија 2026-1"));
        assert!(page.contains("name=\"catalogue\" value=\"child/2026-1\""));
        assert!(page.contains("Означите индикаторе поново на овој листи"));
        assert!(page.contains("value=\"unaccompanied\""));
        assert!(!page.contains("value=\"rehearsed\""));
        assert!(page.contains("value=\"Милица\""));
        assert!(page.contains("Затечена на станици без пратње."));
        assert_eq!(cases(&t).await, before, "nothing saved");

        let mut fields = child("child/2026-1");
        fields.push(("indicators", "unaccompanied"));
        let (status, location, _) = t.post(&police, "/cases/new", "/cases", &fields).await;
        assert_eq!(status, 303);
        let (_, page) = t.get(&police, location.as_deref().unwrap()).await;
        assert!(
            page.contains("Индикатори за децу, верзија 2026-1"),
            "{page}"
        );
        assert!(page.contains("Дете путује или борави без родитеља или старатеља"));
        t.finish().await;
    }
}

#[tokio::test]
async fn switching_the_list_keeps_everything_typed_and_the_case_keeps_the_list_picked() {
    let t = TestApp::spawn().await;
    let police = t.signed_in("le-police").await;
    let mut fields = adult();
    fields.extend([
        ("catalogue", "police/2026-1"),
        ("indicators", "rehearsed"),
        ("switch_to", "labour-inspection"),
    ]);
    let (status, _, page) = t
        .post(&police, "/cases/new", "/cases/new/catalogue", &fields)
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("Индикатори: Инспекција рада, верзија 2026-1"));
    assert!(page.contains("name=\"catalogue_chosen\" value=\"on\""));
    assert!(page.contains("<option value=\"labour-inspection\" selected>"));
    assert!(page.contains("value=\"Јована\""));
    assert!(page.contains("value=\"1990-04-02\""));
    assert!(page.contains("Ради на градилишту без уговора."));
    assert!(page.contains("value=\"no-contract\">"), "not ticked");
    assert!(
        !page.contains(" checked"),
        "nothing of the other list ticked"
    );

    let mut fields = adult();
    fields.extend([
        ("catalogue", "labour-inspection/2026-1"),
        ("catalogue_chosen", "on"),
        ("indicators", "no-contract"),
    ]);
    let (status, location, _) = t.post(&police, "/cases/new", "/cases", &fields).await;
    assert_eq!(status, 303);
    let case = case_of(&location);
    let (_, page) = t.get(&police, &format!("/cases/{case}")).await;
    assert!(page.contains("Инспекција рада, верзија 2026-1"), "{page}");

    // The edit form shows the case's own list and switches the same way.
    let edit = format!("/cases/{case}/edit");
    let (_, page) = t.get(&police, &edit).await;
    assert!(page.contains("Индикатори: Инспекција рада, верзија 2026-1"));
    assert!(page.contains("value=\"no-contract\" checked"));
    let version = version_in(&page, case);
    let switch = format!("/cases/{case}/edit/catalogue?version={version}");
    assert!(page.contains(&format!("formaction=\"{switch}\"")));
    let mut fields = adult();
    fields.push(("switch_to", "police"));
    let (status, _, page) = t.post(&police, &edit, &switch, &fields).await;
    assert_eq!(status, 200);
    assert!(page.contains("Индикатори: Полиција, верзија 2026-1"));
    assert_eq!(
        version_in(&page, case),
        version,
        "the edit's version is kept"
    );

    // Another institution of the team does not know of the case.
    let social = t.signed_in("le-social").await;
    let (status, _, _) = t.post(&social, "/cases/new", &switch, &fields).await;
    assert_eq!(status, 404);
    t.finish().await;
}
