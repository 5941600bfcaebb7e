//! A form as a browser would send it: every field with the value the page gave it (hidden
//! fields, selected options, ticked boxes, text as filled in), which the caller then fills
//! in further like a person would, and the choices the person had.

use scraper::{ElementRef, Html, Selector};
use std::collections::BTreeMap;

/// A form read off a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Form {
    /// Where it is sent (the page's own address when the form names none).
    pub action: String,
    /// `get` or `post`.
    pub method: String,
    fields: Vec<(String, String)>,
    /// The values each select or group of checkboxes offers, in the page's order.
    choices: BTreeMap<String, Vec<String>>,
    /// The names of the form's search fields.
    search: Vec<String>,
}

impl Form {
    /// The forms of a page, in its order.
    pub fn all(html: &str) -> Vec<Form> {
        let doc = Html::parse_document(html);
        let Ok(forms) = Selector::parse("form") else {
            return Vec::new();
        };
        doc.select(&forms).map(read).collect()
    }

    /// The page's form that posts to `action`.
    pub fn posting_to(html: &str, action: &str) -> Option<Form> {
        Form::all(html)
            .into_iter()
            .find(|f| f.method == "post" && f.action == action)
    }

    /// The page's search form: one sent by GET with a search field.
    pub fn search(html: &str) -> Option<Form> {
        Form::all(html)
            .into_iter()
            .find(|f| f.method == "get" && !f.search.is_empty())
    }

    /// The value of the first field called `name`.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The choices a select or a group of checkboxes offers.
    pub fn choices(&self, name: &str) -> &[String] {
        self.choices.get(name).map_or(&[], Vec::as_slice)
    }

    /// The names of the selects and groups of checkboxes.
    pub fn choice_names(&self) -> impl Iterator<Item = &str> {
        self.choices.keys().map(String::as_str)
    }

    /// The first search field's name.
    pub fn search_field(&self) -> Option<&str> {
        self.search.first().map(String::as_str)
    }

    /// Types `value` into the field `name` (added if the form had no such field).
    pub fn set(&mut self, name: &str, value: &str) {
        match self.fields.iter_mut().find(|(n, _)| n == name) {
            Some((_, v)) => *v = value.to_string(),
            None => self.fields.push((name.to_string(), value.to_string())),
        }
    }

    /// Sets the field only when the page left it empty.
    pub fn fill(&mut self, name: &str, value: &str) {
        if self.value(name).is_none_or(str::is_empty) {
            self.set(name, value);
        }
    }

    /// Picks the first choice with a value in a select the page left on an empty one
    /// ("choose…"); false when there is none to pick.
    pub fn pick_first(&mut self, name: &str) -> bool {
        if self.value(name).is_some_and(|v| !v.is_empty()) {
            return true;
        }
        let first = self.choices(name).iter().find(|v| !v.is_empty()).cloned();
        match first {
            Some(v) => {
                self.set(name, &v);
                true
            }
            None => false,
        }
    }

    /// Ticks the first `count` boxes of the group `name` not yet ticked; how many it ticked.
    pub fn tick(&mut self, name: &str, count: usize) -> usize {
        let unticked: Vec<String> = self
            .choices(name)
            .iter()
            .filter(|v| !self.fields.iter().any(|(n, x)| n == name && x == *v))
            .take(count)
            .cloned()
            .collect();
        for v in &unticked {
            self.fields.push((name.to_string(), v.clone()));
        }
        unticked.len()
    }

    /// The fields as a form body (or query string), in the page's order.
    pub fn encode(&self) -> String {
        serde_urlencoded::to_string(&self.fields).unwrap_or_default()
    }
}

/// One `<form>` element's fields.
fn read(form: ElementRef<'_>) -> Form {
    let mut out = Form {
        action: form.attr("action").unwrap_or("").to_string(),
        method: form.attr("method").unwrap_or("get").to_ascii_lowercase(),
        ..Form::default()
    };
    for el in form.descendent_elements() {
        let Some(name) = el.attr("name").map(str::to_string) else {
            continue;
        };
        if el.attr("disabled").is_some() {
            continue;
        }
        match el.value().name() {
            "input" => input(&mut out, el, name),
            "select" => select(&mut out, el, name),
            "textarea" => out.fields.push((name, el.text().collect())),
            _ => {}
        }
    }
    out
}

fn input(out: &mut Form, el: ElementRef<'_>, name: String) {
    let kind = el.attr("type").unwrap_or("text").to_ascii_lowercase();
    let value = el.attr("value").unwrap_or("").to_string();
    match kind.as_str() {
        // Buttons are sent only when pressed, and files are not filled in here.
        "submit" | "button" | "image" | "reset" | "file" => {}
        "checkbox" | "radio" => {
            let value = if el.attr("value").is_some() {
                value
            } else {
                "on".to_string()
            };
            out.choices
                .entry(name.clone())
                .or_default()
                .push(value.clone());
            if el.attr("checked").is_some() {
                out.fields.push((name, value));
            }
        }
        "search" => {
            out.search.push(name.clone());
            out.fields.push((name, value));
        }
        _ => out.fields.push((name, value)),
    }
}

fn select(out: &mut Form, el: ElementRef<'_>, name: String) {
    let Ok(options) = Selector::parse("option") else {
        return;
    };
    let values: Vec<(String, bool)> = el
        .select(&options)
        .map(|o| {
            let value = o
                .attr("value")
                .map(str::to_string)
                .unwrap_or_else(|| o.text().collect::<String>().trim().to_string());
            (value, o.attr("selected").is_some())
        })
        .collect();
    let chosen = values
        .iter()
        .find(|(_, selected)| *selected)
        .or(values.first())
        .map(|(v, _)| v.clone());
    out.choices
        .insert(name.clone(), values.into_iter().map(|(v, _)| v).collect());
    if let Some(v) = chosen {
        out.fields.push((name, v));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"
        <form method="get" class="search" role="search">
          <input id="q" name="q" type="search" value="">
          <select name="kind"><option value="">All</option><option value="talk">Talk</option></select>
          <button type="submit">Search</button>
        </form>
        <form method="post" action="/cases" class="form">
          <input type="hidden" name="csrf" value="tok">
          <button type="submit" class="visually-hidden">Save</button>
          <select name="reporter_kind"><option value="official" selected>Official</option><option value="ngo">NGO</option></select>
          <input name="detected_on" type="date" value="2026-05-01">
          <input name="given_name" value="">
          <textarea name="narrative">as typed</textarea>
          <input type="checkbox" name="may_be_child" value="on">
          <input type="checkbox" name="indicators" value="a1" checked>
          <input type="checkbox" name="indicators" value="a2">
          <input type="checkbox" name="indicators" value="a3">
          <input type="file" name="file">
          <input name="gone" value="x" disabled>
          <select name="kind"><option value="">Choose</option><option value="training">T</option></select>
        </form>"#;

    #[test]
    fn a_form_is_read_with_the_values_a_browser_would_send() {
        let f = Form::posting_to(PAGE, "/cases").unwrap();
        assert_eq!(f.value("csrf"), Some("tok"));
        assert_eq!(f.value("reporter_kind"), Some("official"));
        assert_eq!(f.value("detected_on"), Some("2026-05-01"));
        assert_eq!(f.value("narrative"), Some("as typed"));
        assert_eq!(f.value("kind"), Some(""));
        // Unticked boxes, files and disabled fields are not sent.
        assert_eq!(f.value("may_be_child"), None);
        assert_eq!(f.value("file"), None);
        assert_eq!(f.value("gone"), None);
        assert_eq!(
            f.encode(),
            "csrf=tok&reporter_kind=official&detected_on=2026-05-01&given_name=&narrative=as+typed&indicators=a1&kind="
        );
    }

    #[test]
    fn filling_in_sets_fields_ticks_boxes_and_picks_choices() {
        let mut f = Form::posting_to(PAGE, "/cases").unwrap();
        f.set("given_name", "Марко");
        f.fill("detected_on", "2000-01-01");
        f.fill("family_name", "Petrović");
        assert_eq!(f.tick("indicators", 5), 2);
        assert_eq!(f.tick("indicators", 5), 0);
        assert!(f.pick_first("kind"));
        assert!(!f.pick_first("nothing"));
        assert_eq!(f.value("given_name"), Some("Марко"));
        assert_eq!(f.value("detected_on"), Some("2026-05-01"));
        assert_eq!(f.value("family_name"), Some("Petrović"));
        assert_eq!(f.value("kind"), Some("training"));
        let body = f.encode();
        assert_eq!(body.matches("indicators=").count(), 3, "{body}");
        assert!(body.contains("indicators=a1&") && body.ends_with("indicators=a2&indicators=a3"));
    }

    #[test]
    fn the_search_form_names_its_search_field() {
        let s = Form::search(PAGE).unwrap();
        assert_eq!(s.method, "get");
        assert_eq!(s.search_field(), Some("q"));
        assert_eq!(s.choices("kind"), ["", "talk"]);
        assert!(Form::posting_to(PAGE, "/elsewhere").is_none());
        assert!(Form::search("<form method=post><input type=search name=q></form>").is_none());
    }
}
