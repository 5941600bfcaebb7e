//! One case: its code, state and marks, each part of the record the reader may see, tasks,
//! referrals with their answers, and for the owning institution the next steps and the
//! referral form. Parts the reader may not see are named as not shared, never shown.

use super::labels;
use super::panels::{self, Context, Panels, Refused, FOLLOW_UP};
use super::referrals::{AnswerTrouble, ReferralLine};
use super::Choice;
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::form::Errors;
use crate::shell::render::html;
use crate::shell::tr::Tr;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use spona_app::cases::{CaseView, ReferralForm, TransferForm};
use spona_app::registry::DirectoryEntry;
use spona_domain::cases::closing::{follow_up_pending, referral_live, service_open};
use spona_domain::cases::{
    CaseAccess, CaseId, CaseTransition, IndicatorCatalogue, Part, ReferralStatus, ReferralUrgency,
    ServiceStatus, TaskId,
};
use spona_domain::text::iso_date;

/// A labelled value.
struct Fact {
    label: String,
    value: String,
}

/// A part of the record: its facts when the reader sees it, or why not.
struct PartSection {
    code: &'static str,
    title: String,
    /// None when the part is not shared with the reader.
    facts: Option<Vec<Fact>>,
}

/// A task on the case.
struct TaskLine {
    id: TaskId,
    label: String,
    done: bool,
    /// The reader may mark it done here.
    may_complete: bool,
}

/// Marks of a case, as `cases/marks.html` shows them.
struct Marks {
    child: bool,
    lacks_capacity: bool,
    danger: bool,
}

/// One line of the error summary at the top of the page: the message, and the place on the
/// page (the field, or the form) it links to.
pub struct Problem {
    pub message: String,
    pub href: String,
}

/// Something still open on a case about to close, in words.
struct OpenItem {
    kind: String,
    what: String,
}

/// The confirmation of closing: what is still open, and the button that closes anyway.
struct ClosePanel {
    open: Vec<OpenItem>,
    /// The close was posted without confirming (an old page, another client).
    refused: bool,
}

/// The referral form of the owning institution.
struct ReferPanel {
    institutions: Vec<Choice>,
    parts: Vec<Choice>,
    urgencies: Vec<Choice>,
    purpose: String,
    override_reason: String,
    errors: Errors,
}

#[derive(Template)]
#[template(path = "cases/show.html")]
struct CasePage {
    chrome: Chrome,
    /// The reader's institution owns the case and may edit its report.
    can_edit: bool,
    /// For the owner: the coordinators assigned, and those who could be.
    assignment: Option<Assignment>,
    id: CaseId,
    version: i64,
    title: String,
    state: String,
    m: Marks,
    facts: Vec<Fact>,
    /// The reader sees only that the case exists (the coordinator).
    existence: bool,
    sections: Vec<PartSection>,
    tasks: Vec<TaskLine>,
    referrals: Vec<ReferralLine>,
    notices: Vec<String>,
    alert: Option<String>,
    transitions: Vec<Choice>,
    /// "Close the case" is offered: it leads to the confirmation, not straight to closing.
    may_close: bool,
    /// The confirmation of closing, when asked for.
    closing: Option<ClosePanel>,
    refer: Option<ReferPanel>,
    /// The referral the owner began before a consent was recorded, carried through the
    /// consent form as hidden fields (never in an address): what it posts with the consent.
    carry: Option<ReferralForm>,
    /// A consent was just saved with a referral draft: the referral form, filled, follows
    /// the consents (where the page opens) rather than its usual place.
    refer_near_consent: bool,
    /// The error summary at the top of the page, linking to each refused field.
    problems: Vec<Problem>,
    /// The protection sections.
    more: Panels,
    /// The reader holds emergency access: until when, in words.
    emergency: Option<String>,
    /// Today as an ISO date (the latest date of some date fields).
    today: String,
    /// The files attached to the case that the reader sees, and the upload form.
    files: Option<super::attachments::FilesPanel>,
    /// For the owner: the offer of transfer to another institution.
    transfer: Option<super::transfer_panel::TransferPanel>,
    /// The documents the reader may make about the case.
    documents: super::documents::DocumentsPanel,
    /// The retention schedule removed the case's personal data: when, in words.
    removed: Option<String>,
    /// The legal hold, for the owner.
    hold: Option<super::hold::HoldPanel>,
    /// The person's requests about their data, for the owner.
    requests: Option<super::data_requests::RequestsPanel>,
}

/// What went wrong on the page's last form, to show it again.
#[derive(Default)]
pub struct Trouble {
    /// A message about a refused step (shown at the steps) or an edit conflict.
    pub alert: Option<String>,
    /// The section whose form met the edit conflict (the steps' when none).
    pub alert_at: Option<&'static str>,
    /// The referral as typed and its errors.
    pub refer: Option<(ReferralForm, Errors)>,
    /// A refused answer to one of the case's referrals.
    pub answer: Option<AnswerTrouble>,
    /// A refused protection form (guardian, consent, service, …).
    pub refused: Option<Refused>,
    /// Why a file was refused.
    pub upload: Option<String>,
    /// The close was asked for (or posted unconfirmed): show what is still open and confirm.
    pub closing: Option<bool>,
    /// A referral draft carried through the consent form; shown again in the referral form.
    pub draft: Option<ReferralForm>,
    /// The offer of transfer as typed and its errors.
    pub transfer: Option<(TransferForm, Errors)>,
    /// Forms asked for by `?form=`: shown only then, as each lists every institution of the
    /// directory (a case page without them is half the size).
    pub asked: Asked,
}

/// The case page's forms that list the directory, asked for by a link (`?form=consent` or
/// `?form=transfer`); a refused one is shown again without asking.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Asked {
    #[default]
    Nothing,
    Consent,
    Transfer,
}

/// The coordinator panel of the owner: who has been given access, who could be.
struct Assignment {
    assigned: Vec<(i64, String)>,
    choices: Vec<(i64, String)>,
}

/// What a redirect to the case page asks it to say.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct Notices {
    reported: Option<String>,
    protocol: Option<String>,
    moved: Option<String>,
    referred: Option<String>,
    answered: Option<String>,
    /// What was saved by a protection form: `saved=guardian` and the like.
    saved: Option<String>,
    /// `closing=1`: the owner asked to close; the page shows what is open and confirms.
    closing: Option<String>,
    /// `form=consent` or `form=transfer`: the form asked for.
    form: Option<String>,
    /// A message was written on one of the case's referrals.
    written: Option<String>,
    /// An offer of transfer was made, withdrawn, or accepted by the reader.
    offered: Option<String>,
    withdrawn: Option<String>,
    taken_over: Option<String>,
}

/// `GET /cases/{id}`.
pub async fn show(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<CaseId>,
    Query(n): Query<Notices>,
) -> Result<Response, WebError> {
    let view = state.app.case(s.actor(), id).await?;
    let tr = &s.viewer.tr;
    let code = labels::code(tr, &view.summary.code, &view.summary.code_latin).to_string();
    let mut notices = Vec::new();
    if n.reported.is_some() {
        notices.push(tr.ts("case-reported", "code", &code));
    }
    match n.protocol.as_deref() {
        Some("task") => notices.push(tr.t("case-protocol-task")),
        Some(_) => notices.push(tr.t("case-protocol-sent")),
        None => {}
    }
    if n.moved.is_some() {
        notices.push(tr.t("case-moved"));
    }
    if n.referred.is_some() {
        notices.push(tr.t("case-referred"));
    }
    if n.answered.is_some() {
        notices.push(tr.t("referral-answered"));
    }
    if let Some(what) = n.saved.as_deref() {
        notices.push(saved_notice(tr, what));
    }
    for (asked, message) in [
        (&n.offered, "transfer-offered-notice"),
        (&n.withdrawn, "transfer-withdrawn-notice"),
        (&n.taken_over, "transfer-taken-over-notice"),
        (&n.written, "referral-message-written"),
    ] {
        if asked.is_some() {
            notices.push(tr.t(message));
        }
    }
    let trouble = Trouble {
        closing: n.closing.is_some().then_some(false),
        asked: match n.form.as_deref() {
            Some("consent") => Asked::Consent,
            Some("transfer") => Asked::Transfer,
            _ => Asked::Nothing,
        },
        ..Trouble::default()
    };
    let page = build(&state, &s, view, notices, trouble).await?;
    html(&page)
}

/// The case page again after a refused form, with `status`.
pub async fn again(
    state: &WebState,
    s: &Signed,
    id: CaseId,
    trouble: Trouble,
    status: StatusCode,
) -> Result<Response, WebError> {
    let view = state.app.case(s.actor(), id).await?;
    let page = build(state, s, view, Vec::new(), trouble).await?;
    Ok((status, html(&page)?).into_response())
}

/// The case page again with a refused protection form kept as typed (422).
pub async fn refused(
    state: &WebState,
    s: &Signed,
    id: CaseId,
    refused: Refused,
) -> Result<Response, WebError> {
    let trouble = Trouble {
        refused: Some(refused),
        ..Trouble::default()
    };
    again(state, s, id, trouble, StatusCode::UNPROCESSABLE_ENTITY).await
}

/// The case page after a consent was saved with a referral draft: the referral form filled
/// as it was typed, and a notice saying the consent was saved and the referral waits to be
/// sent (200: the draft cannot travel in a redirect's address).
pub async fn with_draft(
    state: &WebState,
    s: &Signed,
    id: CaseId,
    draft: ReferralForm,
) -> Result<Response, WebError> {
    let view = state.app.case(s.actor(), id).await?;
    let trouble = Trouble {
        draft: Some(draft),
        ..Trouble::default()
    };
    let page = build(state, s, view, Vec::new(), trouble).await?;
    html(&page)
}

/// The case page again after an edit conflict (409) on the form of `section`, saying so in
/// the summary at the top.
pub async fn conflict(
    state: &WebState,
    s: &Signed,
    id: CaseId,
    section: &'static str,
) -> Result<Response, WebError> {
    let trouble = Trouble {
        alert: Some(s.viewer.tr.t("case-conflict")),
        alert_at: Some(section),
        ..Trouble::default()
    };
    again(state, s, id, trouble, StatusCode::CONFLICT).await
}

/// After a saved protection form: back to the case, at the section, saying what was saved.
pub fn saved(id: CaseId, what: &str, section: &str) -> Response {
    Redirect::to(&format!("/cases/{id}?saved={what}#{section}")).into_response()
}

/// The notice for `saved={what}`; anything else is a plain "saved".
fn saved_notice(tr: &Tr, what: &str) -> String {
    const KNOWN: [&str; 20] = [
        "task",
        "attachment",
        "attachment-removed",
        "report",
        "assignment",
        "guardian",
        "consent",
        "consent-withdrawn",
        "service",
        "service-status",
        "recovery",
        "follow-up",
        "note",
        "proceedings",
        "hold",
        "hold-lifted",
        "data-request",
        "data-request-decided",
        "data-request-unchanged",
        "erased",
    ];
    if KNOWN.contains(&what) {
        tr.t(&format!("case-saved-{what}"))
    } else {
        tr.t("saved")
    }
}

async fn build(
    state: &WebState,
    s: &Signed,
    view: CaseView,
    notices: Vec<String>,
    mut trouble: Trouble,
) -> Result<CasePage, WebError> {
    let tr = &s.viewer.tr;
    let v = &view;
    let transfer_typed = trouble.transfer.take();
    let asked = trouble.asked;
    let summary = &v.summary;
    let code = labels::code(tr, &summary.code, &summary.code_latin).to_string();
    let state_label = labels::state_with_outcome(tr, summary.state, summary.outcome);
    let mut facts = vec![fact(tr.t("case-state"), state_label.clone())];
    if let (true, Some(outcome)) = (summary.state.is_closed(), summary.outcome) {
        facts.push(fact(
            tr.t("case-outcome"),
            labels::label(tr, "outcome", outcome.code()),
        ));
    }
    if let Some(at) = summary.closed_at {
        facts.push(fact(tr.t("case-closed-at"), tr.instant(&at)));
    }
    facts.extend([
        fact(
            tr.t("case-owner"),
            labels::in_script(tr, &summary.owner_short),
        ),
        fact(tr.t("case-reported-at"), tr.instant(&summary.reported_at)),
        fact(tr.t("case-detected-on"), date(tr, &v.detected_on)),
        fact(
            tr.t("case-age-band"),
            labels::label(tr, "age-band", &v.age_band),
        ),
    ]);
    if !v.sex.is_empty() {
        facts.push(fact(tr.t("case-sex"), labels::label(tr, "sex", &v.sex)));
    }
    let existence = v.access == CaseAccess::Existence;
    let catalogue = state.app.screened_with(v).await?;
    let sections = if existence {
        Vec::new()
    } else {
        Part::ALL
            .iter()
            .map(|p| section(tr, v, *p, catalogue.as_ref()))
            .collect()
    };
    let tasks = v
        .tasks
        .iter()
        .filter(|t| t.kind != FOLLOW_UP)
        .map(|t| TaskLine {
            id: t.id,
            label: labels::label(tr, "task", &t.kind),
            done: t.done,
            may_complete: t.may_complete,
        })
        .collect();
    let referrals = v
        .referrals
        .iter()
        .map(|r| ReferralLine::new(tr, r, Some(summary.id), trouble.answer.as_ref()))
        .collect();
    let may_close = v.transitions.contains(&CaseTransition::Close);
    let transitions = v
        .transitions
        .iter()
        .filter(|t| **t != CaseTransition::Close)
        .map(|t| Choice {
            value: t.code().into(),
            label: labels::transition(tr, *t),
            selected: false,
        })
        .collect();
    // The directory names the receivers of referrals and consents, the own team's first and
    // then those of the other teams and the national level (for the owner, and for a
    // receiver reading the consents that name it).
    let names_institutions = v.access.works_on() || !v.consents.is_empty();
    let choices = if names_institutions {
        state
            .app
            .referral_directory(s.actor(), s.viewer.tr.locale)
            .await?
    } else {
        Vec::new()
    };
    let today = iso_date(state.app.today());
    let cx = Context {
        tr,
        institutions: &choices,
        own: s.actor().institution_id,
        today: &today,
    };
    let mut problems = Vec::new();
    if let Some(r) = trouble.refused.as_ref() {
        problems.extend(r.problems());
    }
    if let Some((_, errors)) = trouble.refer.as_ref() {
        problems.extend(refer_problems(errors));
    }
    if let Some((_, errors)) = transfer_typed.as_ref() {
        problems.extend(errors.iter().map(|(_, message)| Problem {
            message: message.clone(),
            href: "#transfer-form".into(),
        }));
    }
    if let Some(a) = trouble.alert.as_ref() {
        problems.push(Problem {
            message: a.clone(),
            href: format!("#{}", trouble.alert_at.unwrap_or("next-h")),
        });
    }
    let closing = match trouble.closing {
        Some(refused) if may_close => {
            if refused {
                problems.push(Problem {
                    message: tr.t("case-close-confirm-needed"),
                    href: "#close-confirm".into(),
                });
            }
            Some(ClosePanel {
                open: still_open(tr, v, state.app.today()),
                refused,
            })
        }
        _ => None,
    };
    let files = super::attachments::panel(state, s, v, trouble.upload).await?;
    let consent_refused = matches!(trouble.refused, Some(Refused::Consent(..)));
    // A referral refused for want of a consent travels through the consent form (hidden
    // fields, and the consent prefilled for its receiver and parts); a consent saved with it
    // brings it back into the referral form, shown right below the consents.
    let refused_for_consent = trouble
        .refer
        .as_ref()
        .is_some_and(|(_, e)| e.get("override_reason").is_some());
    let carry = match (&trouble.refer, refused_for_consent) {
        (Some((form, _)), true) => Some(form.clone()),
        _ if consent_refused => trouble.draft.clone(),
        _ => None,
    };
    let more = panels::build(
        &cx,
        v,
        trouble.refused,
        carry.as_ref(),
        asked == Asked::Consent,
    );
    let emergency = if v.access == CaseAccess::Emergency {
        let until = state.app.emergency_until(s.actor(), summary.id).await?;
        Some(match until {
            Some(t) => tr.ts("case-emergency-banner", "until", &tr.instant(&t)),
            None => tr.t("case-emergency-banner-ended"),
        })
    } else {
        None
    };
    let refer_near_consent = trouble.draft.is_some() && !consent_refused;
    let draft = trouble.draft;
    let refer = if v.access.works_on() {
        let carried = draft.clone().map(|d| (d, Errors::none()));
        let (form, errors) = trouble.refer.or(carried).unwrap_or_else(|| {
            let fresh = ReferralForm {
                urgency: ReferralUrgency::Normal.code().into(),
                ..ReferralForm::default()
            };
            (fresh, Errors::none())
        });
        Some(refer_panel(s, &choices, form, errors))
    } else {
        None
    };
    let assignment = if v.access.works_on() {
        let coordinators = state.app.team_coordinators(s.actor()).await?;
        Some(Assignment {
            assigned: v.assigned.clone(),
            choices: coordinators
                .into_iter()
                .filter(|(id, _)| !v.assigned.iter().any(|(a, _)| a == id))
                .collect(),
        })
    } else {
        None
    };
    let documents = super::documents::panel(tr, v, s.actor());
    // Removed at the person's request (a granted erasure), or under the retention schedule.
    let erased = v.data_requests.iter().any(|r| {
        r.kind == spona_domain::cases::RequestKind::Erasure
            && r.outcome == Some(spona_domain::cases::RequestOutcome::Granted)
    });
    let removed_why = if erased {
        "case-personal-data-erased"
    } else {
        "case-personal-data-removed"
    };
    let removed = v
        .personal_data_removed_at
        .map(|at| tr.ts(removed_why, "date", &tr.instant(&at)));
    let hold = super::hold::panel(tr, v);
    let requests = super::data_requests::panel(tr, v, &today);
    Ok(CasePage {
        removed,
        hold,
        requests,
        chrome: s.viewer.chrome(Nav::Cases),
        can_edit: v.access.works_on(),
        assignment,
        id: summary.id,
        version: summary.version,
        title: tr.ts("case-title", "code", &code),
        state: state_label,
        m: Marks {
            child: summary.is_child,
            lacks_capacity: summary.lacks_capacity,
            danger: summary.immediate_danger,
        },
        facts,
        existence,
        sections,
        tasks,
        referrals,
        notices,
        // The steps show their own refusal; a conflict elsewhere is told by the summary.
        alert: trouble.alert.filter(|_| trouble.alert_at.is_none()),
        transitions,
        may_close,
        closing,
        refer,
        carry,
        refer_near_consent,
        problems,
        more,
        emergency,
        today,
        files,
        transfer: super::transfer_panel::panel(
            tr,
            v,
            &choices,
            s.actor().institution_id,
            transfer_typed,
            asked == Asked::Transfer,
        ),
        documents,
    })
}

fn fact(label: String, value: String) -> Fact {
    Fact { label, value }
}

/// An ISO date the viewer's way; anything else as stored.
pub fn date(tr: &Tr, iso: &str) -> String {
    spona_domain::text::date(iso)
        .map(|d| tr.date(&d))
        .unwrap_or_else(|_| iso.to_string())
}

/// A part of the record as a section: its non-empty facts, or none when not shared.
fn section(
    tr: &Tr,
    v: &CaseView,
    part: Part,
    catalogue: Option<&IndicatorCatalogue>,
) -> PartSection {
    let facts = |pairs: Vec<(&str, String)>| -> Vec<Fact> {
        pairs
            .into_iter()
            .filter(|(_, value)| !value.trim().is_empty())
            .map(|(id, value)| fact(tr.t(id), value))
            .collect()
    };
    let shown = match part {
        Part::Identity => v.identity.as_ref().map(|p| {
            facts(vec![
                ("report-given-name", p.given_name.clone()),
                ("report-family-name", p.family_name.clone()),
                ("report-other-names", p.other_names.clone()),
                ("report-description", p.description.clone()),
                (
                    "report-birth-date",
                    p.birth_date
                        .as_deref()
                        .map(|d| date(tr, d))
                        .unwrap_or_default(),
                ),
                (
                    "report-estimated-age",
                    p.estimated_age.map(|a| a.to_string()).unwrap_or_default(),
                ),
                ("report-languages", p.languages.join(", ")),
            ])
        }),
        Part::Contact => v.contact.as_ref().map(|p| {
            facts(vec![
                ("report-whereabouts", p.whereabouts.clone()),
                ("report-contact", p.contact.clone()),
            ])
        }),
        Part::Circumstances => v.circumstances.as_ref().map(|p| {
            facts(vec![
                ("report-reporter-detail", p.reporter_detail.clone()),
                ("report-detected-place", p.detected_place.clone()),
                ("report-detected-how", p.detected_how.clone()),
                ("report-narrative", p.narrative.clone()),
            ])
        }),
        Part::Screening => v.screening.as_ref().map(|p| {
            let forms = p
                .exploitation_forms
                .iter()
                .map(|f| labels::label(tr, "exploitation", f))
                .collect::<Vec<_>>()
                .join(", ");
            facts(vec![
                ("case-exploitation", forms),
                (
                    "case-catalogue",
                    p.catalogue
                        .as_deref()
                        .map(|c| labels::catalogue(tr, c))
                        .unwrap_or_default(),
                ),
                ("case-indicators", indicators(tr, catalogue, &p.indicators)),
            ])
        }),
    };
    // A part the reader may see but that was sealed empty is shown as empty, not as hidden.
    let facts = match shown {
        Some(f) => Some(f),
        None if v.access.sees(part) => Some(Vec::new()),
        None => None,
    };
    PartSection {
        code: part.code(),
        title: labels::label(tr, "part", part.code()),
        facts,
    }
}

/// The referral form's errors in the summary, each linking to its field.
fn refer_problems(errors: &Errors) -> Vec<Problem> {
    const FIELDS: [&str; 5] = [
        "to_institution",
        "purpose",
        "parts",
        "urgency",
        "override_reason",
    ];
    errors
        .iter()
        .map(|(field, message)| Problem {
            message: message.clone(),
            href: if FIELDS.contains(&field) {
                format!("#{field}")
            } else {
                "#referral-form".into()
            },
        })
        .collect()
}

/// What is still open on the case, for the confirmation of closing: services planned or
/// under way, follow-ups still ahead, referrals waiting or being worked on.
fn still_open(tr: &Tr, v: &CaseView, today: time::Date) -> Vec<OpenItem> {
    let mut open = Vec::new();
    for s in &v.services {
        if ServiceStatus::from_code(&s.status).is_some_and(service_open) {
            open.push(OpenItem {
                kind: tr.t("case-close-open-service"),
                what: format!(
                    "{} ({})",
                    labels::label(tr, "service-type", &s.service_type),
                    labels::label(tr, "service-status", &s.status)
                ),
            });
        }
    }
    for t in v.tasks.iter().filter(|t| t.kind == FOLLOW_UP) {
        let due = t
            .due_on
            .as_deref()
            .and_then(|d| spona_domain::text::date(d).ok());
        if due.is_some_and(|d| follow_up_pending(d, t.done, today)) {
            open.push(OpenItem {
                kind: tr.t("case-close-open-follow-up"),
                what: t.due_on.as_deref().map(|d| date(tr, d)).unwrap_or_default(),
            });
        }
    }
    for r in &v.referrals {
        if ReferralStatus::from_code(&r.status).is_some_and(referral_live) {
            open.push(OpenItem {
                kind: tr.t("case-close-open-referral"),
                what: format!(
                    "{} ({})",
                    labels::in_script(tr, &r.to_short),
                    labels::label(tr, "referral-status", &r.status)
                ),
            });
        }
    }
    open
}

/// The referral form: the directory's institutions but the reader's own, the parts, the
/// urgencies.
fn refer_panel(
    s: &Signed,
    directory: &[DirectoryEntry],
    form: ReferralForm,
    errors: Errors,
) -> ReferPanel {
    let tr = &s.viewer.tr;
    let own = s.actor().institution_id;
    ReferPanel {
        institutions: panels::receivers(tr, directory, own, |id| id == form.to_institution.trim()),
        parts: Part::ALL
            .iter()
            .map(|p| Choice {
                value: p.code().into(),
                label: labels::label(tr, "part", p.code()),
                selected: form.parts.iter().any(|c| c == p.code()),
            })
            .collect(),
        urgencies: ReferralUrgency::ALL
            .iter()
            .map(|u| Choice {
                value: u.code().into(),
                label: labels::label(tr, "urgency", u.code()),
                selected: u.code() == form.urgency,
            })
            .collect(),
        purpose: form.purpose,
        override_reason: form.override_reason,
        errors,
    }
}

/// Observed indicators in words where the catalogue names them, else by their codes.
fn indicators(tr: &Tr, catalogue: Option<&IndicatorCatalogue>, codes: &[String]) -> String {
    codes
        .iter()
        .map(|code| {
            catalogue
                .and_then(|c| c.get(code))
                .map(|i| labels::localised(tr, &i.texts).to_string())
                .unwrap_or_else(|| code.clone())
        })
        .collect::<Vec<_>>()
        .join("\n")
}
