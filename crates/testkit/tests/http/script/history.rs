//! A registry history names each changed field by its label in the reader's language.

use super::crawl::choose;
use super::forms::{fields_of, first_link};
use spona_testkit::TestApp;

#[tokio::test]
async fn a_members_history_names_fields_by_their_labels() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-coordinator").await;
        let page = first_link(
            &t,
            &c,
            "/teams/leskovac/members",
            "/teams/leskovac/members/",
        )
        .await;
        let (_, form) = t.get(&c, &format!("{page}/edit")).await;
        let fields: Vec<(String, String)> = fields_of(&form, &page)
            .into_iter()
            .filter(|(k, _)| k != "csrf")
            .map(|(k, v)| match k.as_str() {
                "team_role" => (k, "deputy-representative".to_string()),
                "to_date" => (k, "2026-11-30".to_string()),
                _ => (k, v),
            })
            .collect();
        let fields: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let (status, _, body) = t.post(&c, &format!("{page}/edit"), &page, &fields).await;
        assert_eq!(status, 303, "{body}");

        choose(&t, &c, "en").await;
        let (_, shown) = t.get(&c, &page).await;
        let history = &shown[shown.find("id=\"history-h\"").expect("history")..];
        assert!(history.contains("Member until: — → "), "{history}");
        assert!(history.contains("→ Deputy representative"), "{history}");
        for raw in ["to_date", "team_role", "deputy-representative"] {
            assert!(!history.contains(raw), "{raw} in {history}");
        }
        t.finish().await;
    }
}
