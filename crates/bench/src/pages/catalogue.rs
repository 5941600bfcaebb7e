//! Every page measured: who opens it, what it costs the database at the least, how often
//! it comes in the mix, and how its address is found.
//!
//! The mix's weights are a guess at a working day: lists, the dashboard and a case are
//! opened far more often than a report is written or a statistic read.

use super::forms;
use super::people::{People, CENTRE, COORDINATOR, NATIONAL, POLICE, SOCIAL};
use super::script::search_word;
use crate::browser::form::Form;
use crate::browser::html::{self, Pager};
use crate::browser::{Browser, Page};
use crate::load::Request;
use crate::share::Cost;

/// The deepest page of the case list measured.
const DEEPEST_PAGE: u64 = 2000;

/// A page measured, or why it is not.
#[derive(Clone, Debug)]
pub struct Target {
    pub name: &'static str,
    pub user: &'static str,
    pub cost: Cost,
    /// How often it comes in the mix, against the others.
    pub weight: u32,
    /// The request the load repeats, or why the page is skipped.
    pub found: Result<Request, String>,
}

impl Target {
    /// `GET /path` or `POST /path`.
    pub fn what(&self) -> String {
        match &self.found {
            Ok(r) if r.form.is_some() => format!("POST {}", r.path),
            Ok(r) => format!("GET {}", r.path),
            Err(_) => String::new(),
        }
    }
}

/// Finds every page's address, as its user.
pub async fn discover(people: &People) -> Vec<Target> {
    use Cost::{Reads, Writes};
    let mut all = Vec::new();
    let mut add = |name, user, cost, weight, found| {
        all.push(Target {
            name,
            user,
            cost,
            weight,
            found,
        })
    };

    add("dashboard", POLICE, Reads, 10, plain(people, POLICE, "/dashboard").await);
    let police_cases = list(people, POLICE, "/cases").await;
    add("cases", POLICE, Reads, 10, plain(people, POLICE, "/cases").await);
    add("cases-deep", POLICE, Reads, 2, deep_page(people, &police_cases));
    add("cases-filtered", POLICE, Reads, 2, filtered(people, &police_cases));
    add("case-view", POLICE, Writes, 10, first_record(people, POLICE, &police_cases, "/cases/"));
    add("search", POLICE, Reads, 3, search(people, &police_cases).await);
    add("cases-coordinator", COORDINATOR, Reads, 3, plain(people, COORDINATOR, "/cases").await);
    add("cases-social", SOCIAL, Reads, 3, plain(people, SOCIAL, "/cases").await);
    add("inbox-social", SOCIAL, Reads, 5, plain(people, SOCIAL, "/inbox").await);
    let inbox = list(people, SOCIAL, "/inbox").await;
    add("referral-open", SOCIAL, Writes, 3, first_record(people, SOCIAL, &inbox, "/cases/"));
    add("activities", COORDINATOR, Reads, 3, plain(people, COORDINATOR, "/activities").await);
    let activities = list(people, COORDINATOR, "/activities").await;
    add("export", COORDINATOR, Writes, 1, export(people, &activities));
    add("plan", COORDINATOR, Reads, 2, plain(people, COORDINATOR, "/plan").await);
    add("statistics", COORDINATOR, Reads, 1, plain(people, COORDINATOR, "/statistics").await);
    add("reports", COORDINATOR, Reads, 1, plain(people, COORDINATOR, "/reports").await);
    let (draft, submitted) = reports(people).await;
    add("report-draft", COORDINATOR, Reads, 1, draft);
    add("report-submitted", COORDINATOR, Reads, 1, submitted);
    add("inbox-centre", CENTRE, Reads, 2, plain(people, CENTRE, "/inbox").await);
    add("cases-centre", CENTRE, Reads, 2, plain(people, CENTRE, "/cases").await);
    add("national", NATIONAL, Reads, 1, plain(people, NATIONAL, "/reports").await);
    add("case-new", POLICE, Writes, 1, form(people, POLICE, Writing::CaseReport).await);
    add("activity-new", COORDINATOR, Writes, 1, form(people, COORDINATOR, Writing::Activity).await);
    all
}

/// The forms measured.
enum Writing {
    CaseReport,
    Activity,
}

async fn form(people: &People, user: &str, which: Writing) -> Result<Request, String> {
    let b = people.browser(user)?;
    match which {
        Writing::CaseReport => forms::case_report(b).await,
        Writing::Activity => forms::activity(b).await,
    }
}

/// A page as it is, whatever it answers but 404 (a page this data or build does not have):
/// an error it answers shows in the load.
async fn plain(people: &People, user: &str, path: &str) -> Result<Request, String> {
    let b = people.browser(user)?;
    let page = b.get(path).await.map_err(|e| format!("{e:#}"))?;
    if page.status == 404 {
        return Err(format!("not in this data ({path} answered 404)"));
    }
    if page.status != 200 {
        eprintln!("  note: {path} as {user} answered {}", page.status);
    }
    Ok(get(b, path))
}

/// A list page read to find others, as `user`.
async fn list(people: &People, user: &str, path: &str) -> Result<Page, String> {
    let b = people.browser(user)?;
    let page = b.get(path).await.map_err(|e| format!("{e:#}"))?;
    match page.status {
        200 => Ok(page),
        404 => Err(format!("not in this data ({path} answered 404)")),
        status => Err(format!("{path} answered {status}")),
    }
}

fn get(b: &Browser, path: &str) -> Request {
    Request::get(path, b.cookie().as_deref())
}

/// The first record a list links to.
fn first_record(
    people: &People,
    user: &str,
    list: &Result<Page, String>,
    prefix: &str,
) -> Result<Request, String> {
    let page = list.as_ref().map_err(Clone::clone)?;
    let path = html::first_numbered_link(&page.body, prefix)
        .ok_or_else(|| format!("not in this data (no {prefix}… link on the list)"))?;
    Ok(get(people.browser(user)?, &path))
}

/// The last page of the case list, or page 2000 of a longer one.
fn deep_page(people: &People, cases: &Result<Page, String>) -> Result<Request, String> {
    let page = cases.as_ref().map_err(Clone::clone)?;
    let pager =
        Pager::of(&page.body).ok_or("not in this data (the case list has one page)")?;
    Ok(get(
        people.browser(POLICE)?,
        &pager.link_to(pager.pages.min(DEEPEST_PAGE)),
    ))
}

/// The case list narrowed by its filter form: the first choice of its first select.
fn filtered(people: &People, cases: &Result<Page, String>) -> Result<Request, String> {
    let page = cases.as_ref().map_err(Clone::clone)?;
    let mut filter = Form::all(&page.body)
        .into_iter()
        .find(|f| f.method == "get" && f.choice_names().next().is_some())
        .ok_or("not in this build (the case list has no filter form)")?;
    let field = filter
        .choice_names()
        .next()
        .map(str::to_string)
        .unwrap_or_default();
    if !filter.pick_first(&field) {
        return Err(format!("the filter {field} offers no choice"));
    }
    Ok(get(people.browser(POLICE)?, &query(&filter, "/cases")))
}

/// A search in the other script: on the case list, a Latin spelling of a Cyrillic name;
/// where the case list has no search, on the activities, a word of an activity's title.
async fn search(people: &People, cases: &Result<Page, String>) -> Result<Request, String> {
    if let Some(mut form) = cases.as_ref().ok().and_then(|p| Form::search(&p.body)) {
        let field = form.search_field().unwrap_or("q").to_string();
        form.set(&field, "petrovic");
        return Ok(get(people.browser(POLICE)?, &query(&form, "/cases")));
    }
    let b = people.browser(COORDINATOR)?;
    let page = list(people, COORDINATOR, "/activities").await?;
    let mut form = Form::search(&page.body)
        .ok_or("not in this build (neither the case list nor the activities have a search)")?;
    let word = html::first_numbered_link_text(&page.body, "/activities/")
        .and_then(|title| search_word(&title))
        .unwrap_or_else(|| "petrovic".into());
    let field = form.search_field().unwrap_or("q").to_string();
    form.set(&field, &word);
    Ok(get(b, &query(&form, "/activities")))
}

/// A GET form's address with its fields.
fn query(form: &Form, page: &str) -> String {
    let action = if form.action.is_empty() {
        page
    } else {
        form.action.as_str()
    };
    format!("{action}?{}", form.encode())
}

/// The activities' export: the workbook if offered, else the first export link.
fn export(people: &People, activities: &Result<Page, String>) -> Result<Request, String> {
    let page = activities.as_ref().map_err(Clone::clone)?;
    let links = html::links_containing(&page.body, "/export.");
    let path = links
        .iter()
        .find(|l| l.contains(".xlsx"))
        .or(links.first())
        .ok_or("not in this build (no export link on /activities)")?;
    Ok(get(people.browser(COORDINATOR)?, path))
}

/// A draft and a submitted periodic report of the team: a draft is the one its page offers
/// to edit.
async fn reports(people: &People) -> (Result<Request, String>, Result<Request, String>) {
    let none = |what: &str| Err(format!("not in this data (no {what} report on /reports)"));
    let Ok(b) = people.browser(COORDINATOR) else {
        let why = people.browser(COORDINATOR).err().unwrap_or_default();
        return (Err(why.clone()), Err(why));
    };
    let list = match list(people, COORDINATOR, "/reports").await {
        Ok(page) => page,
        Err(why) => return (Err(why.clone()), Err(why)),
    };
    let (mut draft, mut submitted) = (none("draft"), none("submitted"));
    for path in html::numbered_links(&list.body, "/reports/").into_iter().take(20) {
        let Ok(page) = b.get(&path).await else {
            continue;
        };
        let editable = !html::links_containing(&page.body, &format!("{path}/edit")).is_empty();
        match (editable, &draft, &submitted) {
            (true, Err(_), _) => draft = Ok(get(b, &path)),
            (false, _, Err(_)) => submitted = Ok(get(b, &path)),
            _ => {}
        }
    }
    (draft, submitted)
}
