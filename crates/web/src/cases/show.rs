//! One case: its code, state and marks, each part of the record the reader may see, tasks,
//! referrals with their answers, and for the owning institution the next steps and the
//! referral form. Parts the reader may not see are named as not shared, never shown.

use super::labels;
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
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use spona_app::cases::{CaseView, ReferralForm};
use spona_domain::cases::{CaseAccess, Part, ReferralUrgency};
use spona_domain::registry::{Institution, Standing};

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
    label: String,
    done: bool,
}

/// Marks of a case, as `cases/marks.html` shows them.
struct Marks {
    child: bool,
    lacks_capacity: bool,
    danger: bool,
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
    id: i64,
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
    refer: Option<ReferPanel>,
}

/// What went wrong on the page's last form, to show it again.
#[derive(Default)]
pub struct Trouble {
    /// A message above everything (a refused step, an edit conflict).
    pub alert: Option<String>,
    /// The referral as typed and its errors.
    pub refer: Option<(ReferralForm, Errors)>,
    /// A refused answer to one of the case's referrals.
    pub answer: Option<AnswerTrouble>,
}

/// What a redirect to the case page asks it to say.
#[derive(Default, Deserialize)]
#[serde(default)]
pub struct Notices {
    reported: Option<String>,
    protocol: Option<String>,
    duplicate: Option<String>,
    moved: Option<String>,
    referred: Option<String>,
    answered: Option<String>,
}

/// `GET /cases/{id}`.
pub async fn show(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    Query(n): Query<Notices>,
) -> Result<Response, WebError> {
    let view = state.app.case(s.actor(), id).await?;
    let tr = &s.viewer.tr;
    let code = labels::code(tr, &view.summary.code, &view.summary.code_latin).to_string();
    let mut notices = Vec::new();
    if n.reported.is_some() {
        notices.push(tr.ts("case-reported", "code", &code));
    }
    if n.protocol.is_some() {
        notices.push(tr.t("case-protocol-sent"));
    }
    if n.duplicate.is_some() {
        notices.push(tr.t("case-possible-duplicate"));
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
    let page = build(&state, &s, view, notices, Trouble::default()).await?;
    html(&page)
}

/// The case page again after a refused form, with `status`.
pub async fn again(
    state: &WebState,
    s: &Signed,
    id: i64,
    trouble: Trouble,
    status: StatusCode,
) -> Result<Response, WebError> {
    let view = state.app.case(s.actor(), id).await?;
    let page = build(state, s, view, Vec::new(), trouble).await?;
    Ok((status, html(&page)?).into_response())
}

async fn build(
    state: &WebState,
    s: &Signed,
    view: CaseView,
    notices: Vec<String>,
    trouble: Trouble,
) -> Result<CasePage, WebError> {
    let tr = &s.viewer.tr;
    let v = &view;
    let summary = &v.summary;
    let code = labels::code(tr, &summary.code, &summary.code_latin).to_string();
    let mut facts = vec![
        fact(tr.t("case-state"), labels::state(tr, summary.state)),
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
    ];
    if !v.sex.is_empty() {
        facts.push(fact(tr.t("case-sex"), labels::label(tr, "sex", &v.sex)));
    }
    let existence = v.access == CaseAccess::Existence;
    let sections = if existence {
        Vec::new()
    } else {
        Part::ALL.iter().map(|p| section(tr, v, *p)).collect()
    };
    let tasks = v
        .tasks
        .iter()
        .map(|t| TaskLine {
            label: labels::label(tr, "task", &t.kind),
            done: t.done,
        })
        .collect();
    let referrals = v
        .referrals
        .iter()
        .map(|r| ReferralLine::new(tr, r, Some(summary.id), trouble.answer.as_ref()))
        .collect();
    let transitions = v
        .transitions
        .iter()
        .map(|t| Choice {
            value: t.code().into(),
            label: labels::transition(tr, *t),
            selected: false,
        })
        .collect();
    let refer = if v.access.works_on() {
        let choices = match &s.session.user.team_code {
            Some(team) => state.app.institution_choices(s.actor(), team).await?,
            None => Vec::new(),
        };
        let (form, errors) = trouble.refer.unwrap_or_else(|| {
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
    Ok(CasePage {
        chrome: s.viewer.chrome(Nav::Cases),
        id: summary.id,
        version: summary.version,
        title: tr.ts("case-title", "code", &code),
        state: labels::state(tr, summary.state),
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
        alert: trouble.alert,
        transitions,
        refer,
    })
}

fn fact(label: String, value: String) -> Fact {
    Fact { label, value }
}

/// An ISO date the viewer's way; anything else as stored.
fn date(tr: &Tr, iso: &str) -> String {
    spona_domain::text::date(iso)
        .map(|d| tr.date(&d))
        .unwrap_or_else(|_| iso.to_string())
}

/// A part of the record as a section: its non-empty facts, or none when not shared.
fn section(tr: &Tr, v: &CaseView, part: Part) -> PartSection {
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
                ("case-catalogue", p.catalogue.clone().unwrap_or_default()),
                ("case-indicators", p.indicators.join(", ")),
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

/// The referral form: the team's other member institutions, the parts, the urgencies.
fn refer_panel(
    s: &Signed,
    institutions: &[Institution],
    form: ReferralForm,
    errors: Errors,
) -> ReferPanel {
    let tr = &s.viewer.tr;
    let own = s.actor().institution_id;
    ReferPanel {
        institutions: institutions
            .iter()
            .filter(|i| i.active && i.standing == Standing::Member && Some(i.id) != own)
            .map(|i| Choice {
                value: i.id.0.to_string(),
                label: tr.pick(&i.name_cyrl, &i.name_latn).to_string(),
                selected: i.id.0.to_string() == form.to_institution.trim(),
            })
            .collect(),
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
