//! An edit form on a Latin page holds the stored Cyrillic values, and sending it back
//! unchanged leaves them Cyrillic.

use super::crawl::choose;
use super::visible::is_cyrillic;
use spona_testkit::TestApp;

/// Text of an attribute or a text area as the browser reads it (the entities askama writes).
fn unescape(s: &str) -> String {
    s.replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#38;", "&")
        .replace("&amp;", "&")
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let marker = format!(" {name}=\"");
    let start = tag.find(&marker)? + marker.len();
    let len = tag[start..].find('"')?;
    Some(unescape(&tag[start..start + len]))
}

/// The fields the form with `action` sends as it stands: inputs (checked boxes only),
/// selected options and text areas, as a browser submits them without a submit button's.
pub fn fields_of(page: &str, action: &str) -> Vec<(String, String)> {
    let start = page
        .find(&format!("action=\"{action}\""))
        .expect("the form");
    let form = &page[start..start + page[start..].find("</form>").expect("form end")];
    let mut fields = Vec::new();
    let mut rest = form;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt + 1..];
        let gt = rest.find('>').unwrap_or(rest.len());
        let tag = format!(" {}", &rest[..gt]);
        let Some(name) = attribute(&tag, "name") else {
            continue;
        };
        if tag.starts_with(" input") {
            let kind = attribute(&tag, "type").unwrap_or_default();
            let unchecked =
                matches!(kind.as_str(), "checkbox" | "radio") && !tag.contains(" checked");
            if !unchecked && kind != "submit" {
                fields.push((name, attribute(&tag, "value").unwrap_or_default()));
            }
        } else if tag.starts_with(" textarea") {
            let body = &rest[gt + 1..];
            let end = body.find("</textarea>").expect("text area end");
            fields.push((name, unescape(&body[..end])));
        } else if tag.starts_with(" select") {
            let body = &rest[gt + 1..];
            let options = &body[..body.find("</select>").expect("select end")];
            let chosen = options
                .split("<option")
                .skip(1)
                .find(|o| o[..o.find('>').unwrap_or(0)].contains(" selected"))
                .and_then(|o| attribute(o, "value"))
                .unwrap_or_default();
            fields.push((name, chosen));
        }
    }
    fields
}

/// The first record a list links to under `prefix`.
pub async fn first_link(t: &TestApp, c: &reqwest::Client, list: &str, prefix: &str) -> String {
    let (_, page) = t.get(c, list).await;
    let marker = format!("href=\"{prefix}");
    page.match_indices(&marker)
        .map(|(at, _)| {
            page[at + marker.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        })
        .find(|id| !id.is_empty())
        .map(|id| format!("{prefix}{id}"))
        .expect("a record in the list")
}

async fn send_back(t: &TestApp, c: &reqwest::Client, edit: &str, action: &str) -> String {
    let (_, page) = t.get(c, edit).await;
    let fields = fields_of(&page, action);
    let res = c
        .post(t.url(action))
        .form(&fields)
        .send()
        .await
        .expect("post");
    assert_eq!(res.status().as_u16(), 303, "{fields:?}");
    page
}

#[tokio::test]
async fn a_latin_edit_form_keeps_the_stored_cyrillic_values() {
    for t in TestApp::every_engine().await {
        let c = t.signed_in("le-coordinator").await;
        let member = first_link(
            &t,
            &c,
            "/teams/leskovac/members",
            "/teams/leskovac/members/",
        )
        .await;
        let activity = first_link(&t, &c, "/activities", "/activities/").await;
        let stored = |page: String, action: String| {
            fields_of(&page, &action)
                .into_iter()
                .filter(|(k, _)| k != "csrf" && k != "version")
                .collect::<Vec<_>>()
        };
        let member_before = stored(t.get(&c, &format!("{member}/edit")).await.1, member.clone());
        let activity_before = stored(
            t.get(&c, &format!("{activity}/edit")).await.1,
            activity.clone(),
        );
        assert!(member_before
            .iter()
            .any(|(_, v)| v.chars().any(is_cyrillic)));

        choose(&t, &c, "sr-Latn").await;
        let form = send_back(&t, &c, &format!("{member}/edit"), &member).await;
        let name = fields_of(&form, &member)
            .into_iter()
            .find(|(k, _)| k == "full_name")
            .expect("the name field")
            .1;
        assert!(name.chars().any(is_cyrillic), "the stored name: {name}");
        assert!(!name.chars().any(|c| c.is_ascii_alphabetic()), "{name}");
        assert!(form.contains("Prijavljeni ste kao Milena"), "{form}");
        let form = send_back(&t, &c, &format!("{activity}/edit"), &activity).await;
        let description = &form[form.find("name=\"description\"").expect("description")..];
        let typed = &description[description.find('>').unwrap() + 1..];
        assert!(
            typed.starts_with(is_cyrillic),
            "the text area holds the stored text: {}",
            &typed[..typed.len().min(200)]
        );

        // Read again, every stored value is what it was: nothing was changed into Latin.
        let member_after = stored(t.get(&c, &format!("{member}/edit")).await.1, member.clone());
        let activity_after = stored(
            t.get(&c, &format!("{activity}/edit")).await.1,
            activity.clone(),
        );
        assert_eq!(member_after, member_before);
        assert_eq!(activity_after, activity_before);
        t.finish().await;
    }
}
