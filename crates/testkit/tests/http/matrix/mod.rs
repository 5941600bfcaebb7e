//! The route matrix: every route and method the router serves (listed by the router itself),
//! tried by every demo role on a record of its own team and of the other team, and on cases
//! of its own and of another institution, with real ids; each answer is compared with the
//! decided one (see `policy`). A refused POST must change nothing. A route without an
//! expectation fails the test, so a new route cannot escape the matrix.
//!
//! The cells where the server does not yet answer as the policy decides are listed, one per
//! line, in `known_gaps.txt`: the test fails on any difference not in that list, and on any
//! listed one that no longer occurs (so the list only shrinks, and a fix is recorded by
//! deleting its line).

mod digest;
mod fixture;
mod policy;
mod table;

use fixture::Fixture;
use policy::{expect, Cell, Class, Expect, Who};
use spona_testkit::{csrf_of, TestApp};
use std::collections::{BTreeSet, HashMap};
use std::time::Instant;
use table::{Target, EXPECTATIONS};

/// Routes the router serves without an expectation, and expectations of routes it does not
/// serve, each as "METHOD path".
fn uncovered(router: &[(String, String)], expected: &[(&str, &str)]) -> (Vec<String>, Vec<String>) {
    let served: BTreeSet<String> = router.iter().map(|(m, p)| format!("{m} {p}")).collect();
    let known: BTreeSet<String> = expected.iter().map(|(m, p)| format!("{m} {p}")).collect();
    (
        served.difference(&known).cloned().collect(),
        known.difference(&served).cloned().collect(),
    )
}

fn router_table() -> Vec<(String, String)> {
    spona_web::route_table()
        .into_iter()
        .map(|(m, p)| (m.to_string(), p))
        .collect()
}

fn expectation_keys() -> Vec<(&'static str, &'static str)> {
    EXPECTATIONS.iter().map(|(m, p, _, _)| (*m, *p)).collect()
}

#[test]
fn every_route_of_the_router_has_an_expectation_and_no_expectation_is_stale() {
    let (missing, stale) = uncovered(&router_table(), &expectation_keys());
    assert!(
        missing.is_empty(),
        "routes without an expectation: {missing:?}"
    );
    assert!(stale.is_empty(), "expectations of no route: {stale:?}");
    let keys = expectation_keys();
    let distinct: BTreeSet<_> = keys.iter().collect();
    assert_eq!(distinct.len(), keys.len(), "an expectation is listed twice");
}

#[test]
fn a_route_added_without_an_expectation_is_named_by_the_check() {
    let mut router = router_table();
    router.push(("POST".into(), "/cases/{id}/secret".into()));
    let mut expected = expectation_keys();
    expected.push(("GET", "/gone"));
    let (missing, stale) = uncovered(&router, &expected);
    assert_eq!(missing, vec!["POST /cases/{id}/secret".to_string()]);
    assert_eq!(stale, vec!["GET /gone".to_string()]);
}

#[tokio::test]
async fn every_route_answers_every_account_as_the_policy_decides_on_every_engine() {
    let (missing, stale) = uncovered(&router_table(), &expectation_keys());
    assert!(
        missing.is_empty() && stale.is_empty(),
        "{missing:?} {stale:?}"
    );
    let known: BTreeSet<&str> = include_str!("known_gaps.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    // Every engine runs before the verdict, so that one report lists the cells of both.
    let mut report = Vec::new();
    for t in TestApp::every_engine().await {
        let started = Instant::now();
        let engine = format!("{:?}", t.app.db().backend());
        let mismatches = run(&t).await;
        eprintln!(
            "route matrix on {engine}: {} cells differ, {:.1} s",
            mismatches.len(),
            started.elapsed().as_secs_f64()
        );
        t.finish().await;
        let found: BTreeSet<&str> = mismatches.iter().map(String::as_str).collect();
        let new: Vec<_> = found.difference(&known).collect();
        let fixed: Vec<_> = known.difference(&found).collect();
        if !new.is_empty() {
            report.push(format!(
                "{} cells differ from the policy on {engine} and are not known gaps:\n{}",
                new.len(),
                new.iter()
                    .map(|l| l.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            ));
        }
        if !fixed.is_empty() {
            report.push(format!(
                "{} known gaps no longer occur on {engine}; delete their lines from known_gaps.txt:\n{}",
                fixed.len(),
                fixed.iter().map(|l| l.to_string()).collect::<Vec<_>>().join("\n")
            ));
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n\n"));
}

/// The cells a route is tried in.
fn cells(target: Target) -> &'static [Cell] {
    match target {
        Target::Nothing | Target::FrameworkDocument => &[Cell::Only],
        Target::Case | Target::Attachment => &[
            Cell::OwnInstitution,
            Cell::OtherInstitution,
            Cell::OtherTeam,
        ],
        _ => &[Cell::OwnTeam, Cell::OtherTeam],
    }
}

/// The case records the account may know of (its institution's), may not, and the other
/// team's.
fn case_of(f: &Fixture, who: Who, cell: Cell) -> fixture::CaseRecords {
    match (cell, who) {
        (Cell::OtherTeam, _) => f.nis_case,
        (Cell::OwnInstitution, Who::Social) => f.social_case,
        (Cell::OtherInstitution, Who::Social) => f.police_case,
        (Cell::OtherInstitution, _) => f.social_case,
        (Cell::OwnInstitution | Cell::Only | Cell::OwnTeam, _) => f.police_case,
    }
}

/// The path of a route pattern with the real ids of the cell.
fn path_of(f: &Fixture, pattern: &str, target: Target, who: Who, cell: Cell) -> String {
    let team = if cell == Cell::OtherTeam {
        &f.nis
    } else {
        &f.le
    };
    let case = case_of(f, who, cell);
    let id = match target {
        Target::Nothing | Target::Team => 0,
        Target::Activity => team.activity,
        Target::Venue => team.venue,
        Target::Training => team.training,
        Target::Meeting => team.meeting,
        Target::Action => team.action,
        Target::Material => team.material,
        Target::Guideline => team.guideline,
        Target::Plan => team.plan,
        Target::Report => team.report,
        Target::Practice => team.practice,
        Target::Institution => team.institution,
        Target::Member => team.member,
        Target::User => team.user,
        Target::Feed => team.feed,
        Target::Duplicate => team.duplicate,
        Target::Referral => team.referral,
        Target::Transfer => team.transfer,
        Target::Attachment => case.attachment.0,
        Target::Case => case.case.0,
        Target::FrameworkDocument => f.framework_document,
    };
    let name = match pattern {
        "/reports/{id}/file/{name}" => "report.pdf",
        "/reports/htcds/{name}" => "htcds.json",
        _ => "x",
    };
    // Uploading a file made the guideline's version 2; the founding decision's first file
    // is its version 1.
    let version = match pattern {
        "/guidelines/{id}/files/{version}" => "2",
        _ => "1",
    };
    let file = match pattern {
        "/static/{file}" => "spona.css".to_string(),
        "/feeds/{file}" => "matrix-unknown.ics".to_string(),
        _ => team.certificate.clone(),
    };
    pattern
        .replace("{team}", team.code)
        .replace("{id}", &id.to_string())
        .replace("{objective}", &team.objective.to_string())
        .replace("{activity}", &team.plan_activity.to_string())
        .replace("{user}", &f.assignee.to_string())
        .replace("{consent}", &case.consent.to_string())
        .replace("{service}", &case.service.to_string())
        .replace("{task}", &case.follow_up.to_string())
        .replace("{token}", "matrix-unknown-token")
        .replace("{name}", name)
        .replace("{file}", &file)
        .replace("{version}", version)
}

/// The answer as the policy names it; `None` for anything else (a server error).
fn judged(p: &Probe, status: u16, location: Option<&str>) -> Option<Expect> {
    let (method, class) = (p.method, p.class);
    let to_sign_in = location.is_some_and(|l| l.starts_with("/login"));
    match status {
        // Signing out ends at the sign-in page.
        303 if p.pattern == "/logout" && p.who != Who::Anonymous => Some(Expect::Allowed),
        // A pure redirect: the route it leads to has its own row.
        303 if class == Class::Redirect && !to_sign_in => Some(Expect::Allowed),
        // The sign-in form refuses an empty password, or too many tries.
        401 | 429 if class == Class::Public && method == "POST" => Some(Expect::Allowed),
        303 if to_sign_in => Some(Expect::SignIn),
        403 => Some(Expect::Forbidden),
        // A public route answers 404 for a link that was never given out.
        404 if class == Class::Public => Some(Expect::Allowed),
        404 => Some(Expect::NotFound),
        200 | 303 => Some(Expect::Allowed),
        400 | 409 | 422 if method == "POST" => Some(Expect::Allowed),
        _ => None,
    }
}

/// One request of the matrix.
struct Probe {
    method: &'static str,
    pattern: &'static str,
    class: Class,
    who: Who,
    cell: Cell,
    path: String,
    expected: Expect,
}

/// Runs every cell; returns the differences from the policy, one line each.
async fn run(t: &TestApp) -> Vec<String> {
    let f = fixture::seed(t).await;
    let mut clients = HashMap::new();
    let mut tokens = HashMap::new();
    for who in Who::ALL {
        let c = match who.username() {
            Some(u) => t.signed_in(u).await,
            None => t.client(),
        };
        let (_, body) = t.get(&c, who.home()).await;
        tokens.insert(who, csrf_of(&body));
        clients.insert(who, c);
    }
    let mut probes = Vec::new();
    for &(method, pattern, class, target) in EXPECTATIONS {
        for &cell in cells(target) {
            for who in Who::ALL {
                probes.push(Probe {
                    method,
                    pattern,
                    class,
                    who,
                    cell,
                    path: path_of(&f, pattern, target, who, cell),
                    expected: expect(class, who, cell),
                });
            }
        }
    }
    // Reads first, then the refused writes, and last the allowed ones, so that no write
    // changes what a later cell sees before it is asked.
    probes.sort_by_key(|p| match (p.method, p.expected) {
        ("GET", _) => 0,
        (_, Expect::Allowed) => 2,
        _ => 1,
    });
    let mut mismatches = Vec::new();
    // Paths an allowed POST has already acted on (an action marked done, a file removed):
    // a later allowed POST there finds nothing left to do, which says nothing of access.
    let mut consumed = BTreeSet::new();
    for p in &probes {
        let client = &clients[&p.who];
        let before = if p.method == "POST" {
            Some(digest::of(t).await)
        } else {
            None
        };
        let (status, location) = if p.method == "GET" {
            let res = client.get(t.url(&p.path)).send().await.expect("get");
            (res.status().as_u16(), location_of(&res))
        } else {
            // Signing out ends the session the other cells use.
            let fresh;
            let client = if p.pattern == "/logout" && p.who != Who::Anonymous {
                fresh = t.signed_in(p.who.username().unwrap_or_default()).await;
                &fresh
            } else {
                client
            };
            let token = if p.pattern == "/logout" && p.who != Who::Anonymous {
                let (_, body) = t.get(client, p.who.home()).await;
                csrf_of(&body)
            } else {
                tokens[&p.who].clone()
            };
            let res = client
                .post(t.url(&p.path))
                .form(&[("csrf", token.as_str())])
                .send()
                .await
                .expect("post");
            (res.status().as_u16(), location_of(&res))
        };
        let got = judged(p, status, location.as_deref());
        // By pattern, not by path: the ids differ between engines and runs.
        let line = format!("{} {} as {:?} [{:?}]", p.method, p.pattern, p.who, p.cell);
        let used_up = consumed.contains(&p.path) && matches!(status, 404 | 409);
        if p.method == "POST" && p.expected == Expect::Allowed && status == 303 {
            consumed.insert(p.path.clone());
        }
        if got != Some(p.expected) && !used_up {
            mismatches.push(format!("{line}: got {status}, expected {:?}", p.expected));
        }
        if let Some(before) = before {
            if p.expected != Expect::Allowed {
                let changed = digest::changed(&before, &digest::of(t).await);
                if !changed.is_empty() {
                    mismatches.push(format!(
                        "{line}: got {status}, and the refused POST changed {}",
                        changed.join(", ")
                    ));
                }
            }
        }
    }
    mismatches
}

fn location_of(res: &reqwest::Response) -> Option<String> {
    res.headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}
