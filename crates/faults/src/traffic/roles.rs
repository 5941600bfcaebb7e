//! What each demo user does, one step at a time: the police report adults and children (the
//! child protocol) and refer cases to the health centre, the Centre for Social Work accepts
//! what reaches its inbox, a member records activities, the coordinator reads pages, and a
//! probe asks `/health`. Every request goes into the journal; every acknowledged write into
//! the ledger with what makes it recognisable.

use super::pages;
use super::Shared;
use crate::client::{NoReply, Reply, Session};
use crate::journal::{Op, Record, Seen};
use crate::ledger::Created;
use crate::rng::Rng;
use std::sync::Arc;
use std::time::Instant;

/// The health centre of the demo team, the police's referral target.
const HEALTH_CENTRE: &str = "Дом здравља Лесковац";
/// Pages the coordinator reads in turn.
const READS: [&str; 3] = ["/dashboard", "/cases", "/activities"];

/// What a worker does next after a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pace {
    /// Went well: a short pause, as a person would take.
    Think,
    /// No answer or a refusal: wait a little longer before trying again.
    Back,
    /// Nothing to do (an empty inbox).
    Idle,
}

/// A worker: one user and what they remember between steps.
pub enum Role {
    Police {
        session: Arc<Session>,
        /// Acknowledged cases not referred yet.
        cases: Vec<i64>,
        /// The health centre's value in the referral form, once read.
        health: Option<String>,
    },
    Social {
        session: Arc<Session>,
    },
    Member {
        session: Arc<Session>,
    },
    Reader {
        session: Arc<Session>,
        next: usize,
    },
    Health {
        http: reqwest::Client,
        base: String,
    },
}

impl Role {
    /// Takes one step.
    pub async fn step(&mut self, shared: &Shared, rng: &mut Rng) -> Pace {
        match self {
            Role::Police {
                session,
                cases,
                health,
            } => {
                let roll = rng.below(10);
                if roll >= 8 && !cases.is_empty() {
                    let case = cases.remove(rng.below(cases.len() as u64) as usize);
                    refer(shared, session, case, health).await
                } else {
                    report(shared, session, roll >= 5, cases).await
                }
            }
            Role::Social { session } => accept(shared, session).await,
            Role::Member { session } => activity(shared, session).await,
            Role::Reader { session, next } => {
                let path = READS[*next % READS.len()];
                *next += 1;
                let started = Instant::now();
                let got = session.get(path).await;
                let seen = plain(&got);
                let ok = matches!(seen, Seen::Status { code: 200, .. });
                shared.record(Op::Read, session.user, started, &got, seen);
                if ok {
                    Pace::Think
                } else {
                    Pace::Back
                }
            }
            Role::Health { http, base } => {
                let started = Instant::now();
                let seen = match http.get(format!("{base}/health")).send().await {
                    Ok(res) => Seen::Status {
                        code: res.status().as_u16(),
                        to_sign_in: false,
                    },
                    Err(e) => Seen::NoAnswer(crate::client::transport(&e)),
                };
                shared.journal.push(Record {
                    op: Op::Health,
                    user: "probe",
                    at: shared.journal.at(started),
                    took: started.elapsed(),
                    seen,
                });
                Pace::Idle
            }
        }
    }
}

/// What came back, before any judgement of its content.
fn plain(got: &Result<Reply, NoReply>) -> Seen {
    match got {
        Ok(r) => Seen::Status {
            code: r.status,
            to_sign_in: (300..400).contains(&r.status)
                && r.location
                    .as_deref()
                    .is_some_and(|l| l.starts_with("/login")),
        },
        Err(e) => Seen::NoAnswer(e.error.clone()),
    }
}

/// Whether an answer is a redirect to somewhere other than the sign-in page.
fn redirected(seen: &Seen) -> bool {
    matches!(
        seen,
        Seen::Status {
            code: 303,
            to_sign_in: false
        }
    )
}

async fn report(shared: &Shared, s: &Session, child: bool, cases: &mut Vec<i64>) -> Pace {
    let marker = shared.marker();
    let narrative = format!("Проба отпорности {marker}: пронађена на станици без докумената.");
    // Each person different, so that duplicate detection is not flooded by the traffic.
    let serial = shared.serial() as usize;
    let given = GIVEN[serial % GIVEN.len()];
    let family = format!("{} {serial}", FAMILY[serial % FAMILY.len()]);
    let mut fields = vec![
        ("reporter_kind", "team-official"),
        ("detected_on", shared.detected_on.as_str()),
        ("detected_place", "Аутобуска станица"),
        ("given_name", given),
        ("family_name", family.as_str()),
        ("whereabouts", "Прихватилиште у Лесковцу"),
        ("narrative", narrative.as_str()),
    ];
    if child {
        fields.extend([("estimated_age", "15"), ("may_be_child", "on")]);
    } else {
        fields.extend([("sex", "female"), ("birth_date", "1990-04-02")]);
    }
    let started = Instant::now();
    let got = s.post("/cases", &fields).await;
    let mut seen = plain(&got);
    if redirected(&seen) {
        let location = got.as_ref().ok().and_then(|r| r.location.as_deref());
        match pages::id_after(location, "/cases/") {
            None => seen = Seen::Wrong(format!("report redirected to {location:?}")),
            Some(_) if child && !location.is_some_and(|l| l.contains("protocol=1")) => {
                seen = Seen::Wrong("a child's report did not fire the child protocol".into())
            }
            Some(id) => {
                shared.ledger.push(Created::Case { id, marker, child });
                cases.push(id);
                if cases.len() > 50 {
                    cases.remove(0);
                }
            }
        }
    }
    let op = if child { Op::ReportChild } else { Op::Report };
    shared.finish(op, s.user, started, &got, seen)
}

async fn refer(shared: &Shared, s: &Session, case: i64, health: &mut Option<String>) -> Pace {
    if health.is_none() {
        let started = Instant::now();
        let got = s.get(&format!("/cases/{case}")).await;
        let mut seen = plain(&got);
        if let Ok(page) = &got {
            if page.status == 200 {
                *health = pages::option_value(&page.body, HEALTH_CENTRE);
                if health.is_none() {
                    seen = Seen::Wrong(format!("no «{HEALTH_CENTRE}» in the referral form"));
                }
            }
        }
        shared.record(Op::Read, s.user, started, &got, seen);
    }
    let Some(to) = health.clone() else {
        return Pace::Back;
    };
    let purpose = format!("Преглед {}", shared.marker());
    let fields = [
        ("to_institution", to.as_str()),
        ("purpose", purpose.as_str()),
        ("parts", "identity"),
        ("urgency", "normal"),
        ("override_reason", "Хитан здравствени преглед"),
    ];
    let started = Instant::now();
    let got = s.post(&format!("/cases/{case}/referrals"), &fields).await;
    let mut seen = plain(&got);
    if redirected(&seen) {
        let location = got.as_ref().ok().and_then(|r| r.location.as_deref());
        let referral = pages::query_number(location, "referred");
        if let (Some(case_id), Some(referral_id)) = (
            pages::id_after(location, "/cases/").filter(|c| *c == case),
            referral,
        ) {
            shared.ledger.push(Created::Referral {
                case_id,
                referral_id,
            });
        } else {
            seen = Seen::Wrong(format!("referral redirected to {location:?}"));
        }
    }
    shared.finish(Op::Refer, s.user, started, &got, seen)
}

async fn accept(shared: &Shared, s: &Session) -> Pace {
    let started = Instant::now();
    let got = s.get("/inbox").await;
    let seen = plain(&got);
    let waiting = match &got {
        Ok(page) if page.status == 200 => pages::first_to_accept(&page.body),
        _ => None,
    };
    let read_ok = matches!(seen, Seen::Status { code: 200, .. });
    shared.record(Op::Read, s.user, started, &got, seen);
    if !read_ok {
        return Pace::Back;
    }
    let Some((id, version)) = waiting else {
        return Pace::Idle;
    };
    let version = version.to_string();
    let fields = [("action", "accept"), ("version", version.as_str())];
    let started = Instant::now();
    let got = s.post(&format!("/referrals/{id}/answer"), &fields).await;
    let seen = plain(&got);
    if redirected(&seen) {
        shared.ledger.push(Created::Answer { referral_id: id });
    }
    shared.finish(Op::Accept, s.user, started, &got, seen)
}

async fn activity(shared: &Shared, s: &Session) -> Pace {
    let title = format!("Трибина {}", shared.marker());
    let fields = [
        ("title", title.as_str()),
        ("kind", "public-talk"),
        ("medium", ""),
        ("held_on", shared.detected_on.as_str()),
        ("venue_id", ""),
        ("place", "Техничка школа Лесковац"),
        ("partners", "Школска управа Лесковац"),
        ("pupils", "40"),
        ("teachers", "3"),
        ("parents", ""),
        ("officials", ""),
        ("public", ""),
        ("description", ""),
        ("materials", "флајери"),
        ("plan_activity_id", ""),
    ];
    let started = Instant::now();
    let got = s.post("/activities", &fields).await;
    let mut seen = plain(&got);
    if redirected(&seen) {
        let location = got.as_ref().ok().and_then(|r| r.location.as_deref());
        match pages::id_after(location, "/activities/") {
            Some(id) => shared.ledger.push(Created::Activity { id, title }),
            None => seen = Seen::Wrong(format!("activity redirected to {location:?}")),
        }
    }
    shared.finish(Op::Activity, s.user, started, &got, seen)
}

/// Names for the reported persons.
const GIVEN: [&str; 7] = [
    "Јована",
    "Милица",
    "Ана",
    "Марија",
    "Теодора",
    "Сара",
    "Ивана",
];
const FAMILY: [&str; 5] = ["Вукомановић", "Стојковић", "Петровић", "Илић", "Ђорђевић"];
