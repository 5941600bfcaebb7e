//! What the case tests read off the pages and redirects the server answers with.

/// The case id of a redirect to `/cases/{id}?…`.
pub fn case_of(location: &Option<String>) -> i64 {
    let to = location.as_deref().expect("a redirect");
    let rest = to.strip_prefix("/cases/").expect("to a case");
    rest.split(['?', '/', '#']).next().unwrap().parse().unwrap()
}

/// The value of the option whose label starts with `label`.
pub fn option_value(page: &str, label: &str) -> String {
    let at = page
        .find(&format!("\">{label}"))
        .unwrap_or_else(|| panic!("option {label}"));
    let start = page[..at].rfind("value=\"").unwrap() + "value=\"".len();
    page[start..at].to_string()
}
