//! Every page measured: who opens it, what it costs the database at the least, how often
//! it comes in the mix, and how its address is found.
//!
//! The mix's weights are a guess at a working day: lists, the dashboard and a case are
//! opened far more often than a report is written or a statistic read.

use super::forms;
use super::people::{People, CENTRE, COORDINATOR, NATIONAL, POLICE, SOCIAL};
use super::script::search_word;
use super::unmeasured::Unmeasured;
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
    /// The request the load repeats, or why the page is not measured.
    pub found: Result<Request, Unmeasured>,
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

/// How a page's address is found.
#[derive(Clone, Copy, Debug)]
enum Find {
    /// The page at this address, as it is.
    Plain(&'static str),
    /// The first record the list at the address links to under the prefix.
    FirstRecord(&'static str, &'static str),
    /// The last page of the case list, or page 2000.
    DeepPage,
    /// The case list narrowed by its filter form.
    Filtered,
    /// A search of the case list typed in the other script.
    SearchCases,
    /// A search of the activities typed in the other script.
    SearchActivities,
    /// The activities' export.
    Export,
    /// A periodic report: a draft (true) or a submitted one.
    Report(bool),
    /// A new report of a potential victim, posted.
    CaseReport,
    /// A new activity, posted.
    Activity,
}

use Cost::{Reads, Writes};

/// Every page: its name, user, cost, weight in the mix, and how it is found.
#[rustfmt::skip] // A table reads best one page a line.
const PAGES: [(&str, &str, Cost, u32, Find); 23] = [
    ("dashboard",         POLICE,      Reads,  10, Find::Plain("/dashboard")),
    ("cases",             POLICE,      Reads,  10, Find::Plain("/cases")),
    ("cases-deep",        POLICE,      Reads,   2, Find::DeepPage),
    ("cases-filtered",    POLICE,      Reads,   2, Find::Filtered),
    ("search-cases",      POLICE,      Reads,   3, Find::SearchCases),
    ("search-activities", COORDINATOR, Reads,   1, Find::SearchActivities),
    ("cases-coordinator", COORDINATOR, Reads,   3, Find::Plain("/cases")),
    ("cases-social",      SOCIAL,      Reads,   3, Find::Plain("/cases")),
    ("inbox-social",      SOCIAL,      Reads,   5, Find::Plain("/inbox")),
    ("activities",        COORDINATOR, Reads,   3, Find::Plain("/activities")),
    ("plan",              COORDINATOR, Reads,   2, Find::Plain("/plan")),
    ("statistics",        COORDINATOR, Reads,   1, Find::Plain("/statistics")),
    ("reports",           COORDINATOR, Reads,   1, Find::Plain("/reports")),
    ("report-draft",      COORDINATOR, Reads,   1, Find::Report(true)),
    ("report-submitted",  COORDINATOR, Reads,   1, Find::Report(false)),
    ("inbox-centre",      CENTRE,      Reads,   2, Find::Plain("/inbox")),
    ("cases-centre",      CENTRE,      Reads,   2, Find::Plain("/cases")),
    ("national",          NATIONAL,    Reads,   1, Find::Plain("/reports")),
    // Audited reads: each writes an entry of the audit trail.
    ("case-view",         POLICE,      Writes, 10, Find::FirstRecord("/cases", "/cases/")),
    ("referral-open",     SOCIAL,      Writes,  3, Find::FirstRecord("/inbox", "/cases/")),
    ("export",            COORDINATOR, Writes,  1, Find::Export),
    // Forms last: the records they make under load grow the lists measured after them.
    ("case-new",          POLICE,      Writes,  1, Find::CaseReport),
    ("activity-new",      COORDINATOR, Writes,  1, Find::Activity),
];

/// The names of the pages, in the order they are measured.
pub fn names() -> impl Iterator<Item = &'static str> {
    PAGES.iter().map(|(name, ..)| *name)
}

/// The users of the pages `wanted`.
pub fn users_of(wanted: impl Fn(&str) -> bool) -> Vec<&'static str> {
    let mut users: Vec<&'static str> = Vec::new();
    for (name, user, ..) in PAGES {
        if wanted(name) && !users.contains(&user) {
            users.push(user);
        }
    }
    users
}

/// Finds the address of every page `wanted`, as its user (a form is sent once to try it,
/// so pages not wanted are not looked for).
pub async fn discover(people: &People, wanted: impl Fn(&str) -> bool) -> Vec<Target> {
    let mut finder = Finder {
        people,
        lists: Vec::new(),
    };
    let mut all = Vec::new();
    for (name, user, cost, weight, find) in PAGES.into_iter().filter(|p| wanted(p.0)) {
        all.push(Target {
            name,
            user,
            cost,
            weight,
            found: finder.find(user, find).await,
        });
    }
    all
}

/// Finds addresses, reading each list page once.
struct Finder<'a> {
    people: &'a People,
    lists: Vec<((String, String), Result<Page, Unmeasured>)>,
}

impl Finder<'_> {
    async fn find(&mut self, user: &str, find: Find) -> Result<Request, Unmeasured> {
        let people = self.people;
        match find {
            Find::Plain(path) => plain(people, user, path).await,
            Find::FirstRecord(path, prefix) => {
                let page = self.list(user, path).await;
                first_record(people, user, &page, prefix)
            }
            Find::DeepPage => deep_page(people, &self.list(POLICE, "/cases").await),
            Find::Filtered => filtered(people, &self.list(POLICE, "/cases").await),
            Find::SearchCases => search_cases(people, &self.list(POLICE, "/cases").await),
            Find::SearchActivities => {
                search_activities(people, &self.list(COORDINATOR, "/activities").await)
            }
            Find::Export => export(people, &self.list(COORDINATOR, "/activities").await),
            Find::Report(draft) => {
                let list = self.list(COORDINATOR, "/reports").await;
                report(people, &list, draft).await
            }
            Find::CaseReport => forms::case_report(people.browser(user)?).await,
            Find::Activity => forms::activity(people.browser(user)?).await,
        }
    }

    /// A list page as `user`, read once.
    async fn list(&mut self, user: &str, path: &str) -> Result<Page, Unmeasured> {
        let key = (user.to_string(), path.to_string());
        if let Some((_, page)) = self.lists.iter().find(|(k, _)| *k == key) {
            return page.clone();
        }
        let page = list(self.people, user, path).await;
        self.lists.push((key, page.clone()));
        page
    }
}

/// A page as it is, whatever it answers but 404 (a page this data or build does not have):
/// an error it answers shows in the load.
async fn plain(people: &People, user: &str, path: &str) -> Result<Request, Unmeasured> {
    let b = people.browser(user)?;
    let page = b.get(path).await.map_err(|e| format!("{e:#}"))?;
    if page.status == 404 {
        return Err(Unmeasured::Absent(format!(
            "not in this data ({path} answered 404)"
        )));
    }
    if page.status != 200 {
        eprintln!("  note: {path} as {user} answered {}", page.status);
    }
    Ok(get(b, path))
}

/// A list page read to find others, as `user`.
async fn list(people: &People, user: &str, path: &str) -> Result<Page, Unmeasured> {
    let b = people.browser(user)?;
    let page = b.get(path).await.map_err(|e| format!("{e:#}"))?;
    match page.status {
        200 => Ok(page),
        404 => Err(Unmeasured::Absent(format!(
            "not in this data ({path} answered 404)"
        ))),
        status => Err(format!("{path} answered {status}").into()),
    }
}

fn get(b: &Browser, path: &str) -> Request {
    Request::get(path, b.cookie().as_deref())
}

/// The first record a list links to.
fn first_record(
    people: &People,
    user: &str,
    list: &Result<Page, Unmeasured>,
    prefix: &str,
) -> Result<Request, Unmeasured> {
    let page = list.as_ref().map_err(Clone::clone)?;
    let path = html::first_numbered_link(&page.body, prefix).ok_or_else(|| {
        Unmeasured::Absent(format!("not in this data (no {prefix}… link on the list)"))
    })?;
    Ok(get(people.browser(user)?, &path))
}

/// The last page of the case list, or page 2000 of a longer one.
fn deep_page(people: &People, cases: &Result<Page, Unmeasured>) -> Result<Request, Unmeasured> {
    let page = cases.as_ref().map_err(Clone::clone)?;
    let pager = Pager::of(&page.body).ok_or(Unmeasured::Absent(
        "not in this data (the case list has one page)".into(),
    ))?;
    let deepest = pager.link_to(pager.pages.min(DEEPEST_PAGE));
    Ok(get(people.browser(POLICE)?, &deepest))
}

/// The case list narrowed by its filter form: the first choice of its first select.
fn filtered(people: &People, cases: &Result<Page, Unmeasured>) -> Result<Request, Unmeasured> {
    let page = cases.as_ref().map_err(Clone::clone)?;
    let mut filter = Form::all(&page.body)
        .into_iter()
        .find(|f| f.method == "get" && f.choice_names().next().is_some())
        .ok_or(Unmeasured::Absent(
            "not in this build (the case list has no filter form)".into(),
        ))?;
    let field = filter
        .choice_names()
        .next()
        .map(str::to_string)
        .unwrap_or_default();
    if !filter.pick_first(&field) {
        return Err(format!("the filter {field} offers no choice").into());
    }
    Ok(get(people.browser(POLICE)?, &query(&filter, "/cases")))
}

/// A search of the case list typed in the other script: a Latin spelling of a Cyrillic
/// name.
fn search_cases(people: &People, cases: &Result<Page, Unmeasured>) -> Result<Request, Unmeasured> {
    let page = cases.as_ref().map_err(Clone::clone)?;
    let mut form = Form::search(&page.body).ok_or(Unmeasured::Absent(
        "not in this build (the case list has no search)".into(),
    ))?;
    let field = form.search_field().unwrap_or("q").to_string();
    form.set(&field, "petrovic");
    Ok(get(people.browser(POLICE)?, &query(&form, "/cases")))
}

/// A search of the activities typed in the other script: a word of an activity's title in
/// plain Latin.
fn search_activities(
    people: &People,
    activities: &Result<Page, Unmeasured>,
) -> Result<Request, Unmeasured> {
    let page = activities.as_ref().map_err(Clone::clone)?;
    let mut form = Form::search(&page.body).ok_or(Unmeasured::Absent(
        "not in this build (the activities have no search)".into(),
    ))?;
    let word = html::first_numbered_link_text(&page.body, "/activities/")
        .and_then(|title| search_word(&title))
        .unwrap_or_else(|| "petrovic".into());
    let field = form.search_field().unwrap_or("q").to_string();
    form.set(&field, &word);
    Ok(get(
        people.browser(COORDINATOR)?,
        &query(&form, "/activities"),
    ))
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
fn export(people: &People, activities: &Result<Page, Unmeasured>) -> Result<Request, Unmeasured> {
    let page = activities.as_ref().map_err(Clone::clone)?;
    let links = html::links_containing(&page.body, "/export.");
    let path = links
        .iter()
        .find(|l| l.contains(".xlsx"))
        .or(links.first())
        .ok_or(Unmeasured::Absent(
            "not in this build (no export link on /activities)".into(),
        ))?;
    Ok(get(people.browser(COORDINATOR)?, path))
}

/// A draft (`draft`) or a submitted periodic report of the team: a draft is the one whose
/// page offers to edit it.
async fn report(
    people: &People,
    list: &Result<Page, Unmeasured>,
    draft: bool,
) -> Result<Request, Unmeasured> {
    let b = people.browser(COORDINATOR)?;
    let list = list.as_ref().map_err(Clone::clone)?;
    for path in html::numbered_links(&list.body, "/reports/")
        .into_iter()
        .take(20)
    {
        let Ok(page) = b.get(&path).await else {
            continue;
        };
        let editable = !html::links_containing(&page.body, &format!("{path}/edit")).is_empty();
        if page.status == 200 && editable == draft {
            return Ok(get(b, &path));
        }
    }
    let what = if draft { "draft" } else { "submitted" };
    Err(Unmeasured::Absent(format!(
        "not in this data (no {what} report on /reports)"
    )))
}
