//! Reading what the traffic needs out of the server's answers: the id in a redirect, the
//! first referral waiting for an answer in the inbox, an institution's value in a form.
//! Plain string search over our own templates, as a browser user would find them.

/// The id in a redirect such as `/cases/17?reported=1` for the prefix `/cases/`.
pub fn id_after(location: Option<&str>, prefix: &str) -> Option<i64> {
    let rest = location?.strip_prefix(prefix)?;
    let digits: &str = rest.split(['?', '/', '#']).next()?;
    digits.parse().ok()
}

/// The number a redirect's address gives a query parameter (`?referred=12#top` → 12).
pub fn query_number(location: Option<&str>, name: &str) -> Option<i64> {
    let query = location?.split_once('?')?.1.split('#').next()?;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))?
        .parse()
        .ok()
}

/// The first referral the inbox offers to accept: its id and version.
pub fn first_to_accept(inbox: &str) -> Option<(i64, i64)> {
    let button = inbox.find("name=\"action\" value=\"accept\"")?;
    let before = &inbox[..button];
    let form = before.rfind("action=\"/referrals/")? + "action=\"/referrals/".len();
    let id: i64 = before[form..].split('/').next()?.parse().ok()?;
    let version_at = before[form..].find("name=\"version\" value=\"")? + form;
    let version_text = &before[version_at + "name=\"version\" value=\"".len()..];
    let version: i64 = version_text.split('"').next()?.parse().ok()?;
    Some((id, version))
}

/// The value of the `<option>` whose label starts with `label`.
pub fn option_value(page: &str, label: &str) -> Option<String> {
    let at = page.find(&format!("\">{label}"))?;
    let start = page[..at].rfind("value=\"")? + "value=\"".len();
    Some(page[start..at].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_redirects_of_the_expected_kind() {
        assert_eq!(id_after(Some("/cases/17?reported=1"), "/cases/"), Some(17));
        assert_eq!(id_after(Some("/activities/4"), "/activities/"), Some(4));
        assert_eq!(id_after(Some("/login?next=/cases"), "/cases/"), None);
        assert_eq!(id_after(None, "/cases/"), None);
        assert_eq!(
            query_number(Some("/cases/17?referred=12#top"), "referred"),
            Some(12)
        );
        assert_eq!(query_number(Some("/cases/17?moved=1"), "referred"), None);
        assert_eq!(query_number(None, "referred"), None);
    }

    #[test]
    fn the_first_acceptable_referral_is_found_past_forms_that_cannot_accept() {
        let page = r#"
<form method="post" action="/referrals/3/answer"><input type="hidden" name="csrf" value="t"><input type="hidden" name="version" value="2">
<button type="submit" name="action" value="complete">Done</button></form>
<form method="post" action="/referrals/8/answer">
<input type="hidden" name="csrf" value="t"><input type="hidden" name="version" value="1"><input type="hidden" name="case" value="5">
<button type="submit" name="action" value="accept" class="primary">Accept</button>
</form>"#;
        assert_eq!(first_to_accept(page), Some((8, 1)));
        assert_eq!(first_to_accept("<p>empty</p>"), None);
    }

    #[test]
    fn an_option_is_found_by_its_label() {
        let page = r#"<option value="12">Дом здравља Лесковац</option><option value="3">Полиција</option>"#;
        assert_eq!(option_value(page, "Дом здравља").as_deref(), Some("12"));
        assert_eq!(option_value(page, "Школа"), None);
    }
}
