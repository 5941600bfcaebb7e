//! The forms measured, filled in as a person fills them: what the page offers left as it
//! is, the few fields a valid record needs typed in, and each one tried once before the load
//! so that a refused form is reported with the page's own messages instead of as a stream
//! of errors. The CSRF token in a form is the session's, not the form's (crates/web's
//! shell/csrf.rs), so the one read with the form serves every request of the load.

use super::unmeasured::Unmeasured;
use crate::browser::{said, Browser};
use crate::load::{Body, Request};

/// The mark in a form's body that each request replaces with letters of its own.
const MARK: &str = "QQBENCHQQ";

/// Today's date as a date field takes it.
fn today() -> String {
    let d = time::OffsetDateTime::now_utc().date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// A new report of a potential victim, with screening: an adult known by name, one form of
/// exploitation and three indicators of the list the form shows ticked.
pub async fn case_report(b: &Browser) -> Result<Request, Unmeasured> {
    let mut form = b
        .form("/cases/new", "/cases")
        .await
        .map_err(|e| format!("{e:#}"))?;
    form.fill("detected_on", &today());
    form.set("given_name", "Марија");
    form.set("family_name", &format!("Бенчмарковић {MARK}"));
    form.set("detected_place", "Лесковац");
    form.set(
        "narrative",
        "Пријава из мерења оптерећења (spona-bench): није стварна особа.",
    );
    form.tick("exploitation_forms", 1);
    form.tick("indicators", 3);
    try_once(b, "/cases", form.encode()).await
}

/// A new activity of the team: a title, its kind, the day, how many were reached.
pub async fn activity(b: &Browser) -> Result<Request, Unmeasured> {
    let mut form = b
        .form("/activities/new", "/activities")
        .await
        .map_err(|e| format!("{e:#}"))?;
    form.set("title", &format!("Радионица из мерења оптерећења {MARK}"));
    if !form.pick_first("kind") {
        return Err("the activity form offers no kind".into());
    }
    form.fill("held_on", &today());
    form.fill("place", "Лесковац");
    try_once(b, "/activities", form.encode()).await
}

/// Sends the form once; the request the load repeats if the answer is a redirect away from
/// the form (to what it made), else why not.
async fn try_once(b: &Browser, action: &str, body: String) -> Result<Request, Unmeasured> {
    let once = Body::Numbered {
        form: body.clone(),
        mark: MARK.into(),
    };
    let answer = b
        .post(action, &once.text(0))
        .await
        .map_err(|e| format!("{e:#}"))?;
    let made = answer.status == 303
        && answer
            .location
            .as_deref()
            .is_some_and(|to| !to.starts_with("/login") && to != action);
    if !made {
        return Err(format!(
            "the form was refused ({}): {}",
            answer.status,
            said(&answer.body)
        )
        .into());
    }
    Ok(Request::post(
        action,
        b.cookie().as_deref(),
        Body::Numbered {
            form: body,
            mark: MARK.into(),
        },
    ))
}
