//! The report of a potential victim: one form, quick on a phone, that asks only for what is
//! needed to act (the domain decides what that is). A child's report sends the urgent
//! referral in the same transaction; the case page then says so.
//!
//! The form names the indicator list it shows (the child list for a child, else the
//! reporter's sector's) and lets the reporter switch to another without JavaScript: the
//! switch button posts the whole form to the switch route, which shows it again with
//! everything typed and the other list's checkboxes. A hidden save button comes first in the
//! form, so that Enter in a field saves rather than switches.

use super::labels;
use super::Choice;
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::render::html;
use crate::shell::tr::Tr;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use spona_app::catalogues::ReportCatalogue;
use spona_app::AppError;
use spona_domain::cases::{
    CaseId, ExploitationForm, IndicatorCatalogue, ReportForm, ReporterKind, Sex, AGE_MAX,
    DESCRIPTION_MAX, NAME_MAX, NARRATIVE_MAX, SHORT_MAX, WHEREABOUTS_MAX,
};
use spona_domain::text::iso_date;
use spona_domain::validation::FieldError;

#[derive(Template)]
#[template(path = "cases/report.html")]
struct ReportPage {
    chrome: Chrome,
    /// The page's heading (a new report, or the edit of a case's report).
    heading: String,
    /// Where the form posts.
    action: String,
    form: ReportForm,
    errors: Errors,
    reporter_kinds: Vec<Choice>,
    sexes: Vec<Choice>,
    exploitation: Vec<Choice>,
    /// The indicators of the reporter's catalogue, by domain; none without a catalogue.
    indicators: Option<Screening>,
    /// Where the switch to another list posts.
    switch_action: String,
    /// The latest date a date field accepts (today).
    today: String,
    max: Limits,
}

/// The screening checklist: the catalogue's domains with their indicators as checkboxes.
struct Screening {
    /// Sector and version, in words.
    catalogue: String,
    /// Sector and version as the form carries them back.
    kept: String,
    /// The reporter picked the list.
    chosen: bool,
    /// The lists the reporter may switch to (the shown one selected).
    choices: Vec<Choice>,
    domains: Vec<IndicatorGroup>,
}

/// One domain of a catalogue and its indicators.
struct IndicatorGroup {
    code: String,
    label: String,
    items: Vec<Choice>,
}

/// The longest inputs, as the domain allows them.
struct Limits {
    name: usize,
    short: usize,
    description: usize,
    whereabouts: usize,
    narrative: usize,
    age: u8,
}

const LIMITS: Limits = Limits {
    name: NAME_MAX,
    short: SHORT_MAX,
    description: DESCRIPTION_MAX,
    whereabouts: WHEREABOUTS_MAX,
    narrative: NARRATIVE_MAX,
    age: AGE_MAX,
};

fn page(
    s: &Signed,
    mut form: ReportForm,
    errors: Errors,
    today: String,
    list: ReportCatalogue,
) -> ReportPage {
    let tr = &s.viewer.tr;
    let reporter_kinds = ReporterKind::ALL
        .iter()
        .map(|k| Choice {
            value: k.code().into(),
            label: labels::label(tr, "reporter-kind", k.code()),
            selected: k.code() == form.reporter_kind,
        })
        .collect();
    let sex = if form.sex.is_empty() {
        Sex::OtherOrUnknown.code()
    } else {
        form.sex.as_str()
    };
    let sexes = Sex::ALL
        .iter()
        .map(|x| Choice {
            value: x.code().into(),
            label: labels::label(tr, "sex", x.code()),
            selected: x.code() == sex,
        })
        .collect();
    let exploitation = ExploitationForm::ALL
        .iter()
        .map(|f| Choice {
            value: f.code().into(),
            label: labels::label(tr, "exploitation", f.code()),
            selected: form.exploitation_forms.iter().any(|c| c == f.code()),
        })
        .collect();
    let shown = form.shown_catalogue().map(|(sector, _)| sector);
    let now = list.catalogue.as_ref().map(|c| c.sector);
    if list.replaced || (shown.is_some() && shown != now) {
        // The codes ticked belong to the list shown before.
        form.indicators.clear();
    }
    form.catalogue = list.name().unwrap_or_default();
    let indicators = list.catalogue.as_ref().map(|c| Screening {
        chosen: list.chosen,
        choices: list
            .choices
            .iter()
            .map(|sector| Choice {
                value: sector.code().into(),
                label: tr.t(&format!("sector-{}", sector.code())),
                selected: *sector == c.sector,
            })
            .collect(),
        ..screening(tr, c, &form.indicators)
    });
    ReportPage {
        chrome: s.viewer.chrome(Nav::Cases),
        heading: tr.t("report-title"),
        action: "/cases".into(),
        switch_action: "/cases/new/catalogue".into(),
        form,
        errors,
        reporter_kinds,
        sexes,
        exploitation,
        indicators,
        today,
        max: LIMITS,
    }
}

/// The checklist of a catalogue in the reader's language, with `ticked` codes ticked.
fn screening(tr: &Tr, c: &IndicatorCatalogue, ticked: &[String]) -> Screening {
    let kept = format!("{}/{}", c.sector.code(), c.version);
    Screening {
        catalogue: labels::catalogue(tr, &kept),
        kept,
        chosen: false,
        choices: Vec::new(),
        domains: c
            .domains
            .iter()
            .map(|d| IndicatorGroup {
                code: d.code.clone(),
                label: labels::localised(tr, &d.label).to_string(),
                items: c
                    .items_in(&d.code)
                    .map(|i| Choice {
                        value: i.code.clone(),
                        label: labels::localised(tr, &i.texts).to_string(),
                        selected: ticked.contains(&i.code),
                    })
                    .collect(),
            })
            .filter(|g| !g.items.is_empty())
            .collect(),
    }
}

/// The list the form shows: for `switch`, the one the reporter asked for.
async fn list_for(
    state: &WebState,
    s: &Signed,
    form: &ReportForm,
    case: Option<CaseId>,
    switch: bool,
) -> Result<ReportCatalogue, WebError> {
    Ok(state
        .app
        .report_catalogue(s.actor(), form, case, switch)
        .await?)
}

/// `GET /cases/new`: the empty form, detected today by the team's own official.
pub async fn new(State(state): State<WebState>, s: Signed) -> Result<Response, WebError> {
    state.app.cases_section(s.actor())?;
    let today = iso_date(state.app.today());
    let form = ReportForm {
        reporter_kind: ReporterKind::TeamOfficial.code().into(),
        detected_on: today.clone(),
        ..ReportForm::default()
    };
    let list = list_for(&state, &s, &form, None, false).await?;
    html(&page(&s, form, Errors::none(), today, list))
}

/// `POST /cases/new/catalogue`: the form again, with everything typed kept and the list the
/// reporter picked.
pub async fn switch_new(
    State(state): State<WebState>,
    s: Signed,
    ValidForm(form): ValidForm<ReportForm>,
) -> Result<Response, WebError> {
    let list = list_for(&state, &s, &form, None, true).await?;
    let form = picked(form, &list);
    let today = iso_date(state.app.today());
    html(&page(&s, form, Errors::none(), today, list))
}

/// The form once the reporter picked a list: it keeps that list whatever is typed next.
fn picked(form: ReportForm, list: &ReportCatalogue) -> ReportForm {
    ReportForm {
        catalogue_chosen: list.chosen.then(|| "on".to_string()),
        switch_to: String::new(),
        ..form
    }
}

/// `POST /cases`: saves the report and opens its case, or shows the form again with what was
/// typed and the errors at their fields.
pub async fn create(
    State(state): State<WebState>,
    s: Signed,
    ValidForm(form): ValidForm<ReportForm>,
) -> Result<Response, WebError> {
    match state.app.report_case(s.actor(), &form).await {
        Ok(r) => {
            let mut to = format!("/cases/{}?reported=1", r.case_id);
            if r.protocol_referral {
                to.push_str("&protocol=1");
            }
            if r.protocol_task {
                to.push_str("&protocol=task");
            }
            Ok(Redirect::to(&to).into_response())
        }
        Err(AppError::Invalid(e)) => {
            let errors = report_errors(&s.viewer.tr, &e);
            let today = iso_date(state.app.today());
            let list = list_for(&state, &s, &form, None, false).await?;
            let page = html(&page(&s, form, errors, today, list))?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// Where an edit posts: the version it was read at travels in the address, so that a second
/// official's save is told of the first one's.
#[derive(Deserialize)]
pub struct EditQuery {
    #[serde(default)]
    version: i64,
}

fn edit_page(s: &Signed, id: CaseId, version: i64, page_form: ReportPage) -> ReportPage {
    ReportPage {
        heading: s.viewer.tr.t("report-edit-title"),
        action: format!("/cases/{id}/edit?version={version}"),
        switch_action: format!("/cases/{id}/edit/catalogue?version={version}"),
        ..page_form
    }
}

/// `GET /cases/{id}/edit`: the report as it stands, for the owning institution.
pub async fn edit(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<CaseId>,
) -> Result<Response, WebError> {
    let (form, version) = state.app.report_form(s.actor(), id).await?;
    let today = iso_date(state.app.today());
    let list = list_for(&state, &s, &form, Some(id), false).await?;
    let base = page(&s, form, Errors::none(), today, list);
    html(&edit_page(&s, id, version, base))
}

/// `POST /cases/{id}/edit/catalogue?version=N`: the edit form again, with everything typed
/// kept and the list the owner picked.
pub async fn switch_edit(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<CaseId>,
    Query(q): Query<EditQuery>,
    ValidForm(form): ValidForm<ReportForm>,
) -> Result<Response, WebError> {
    let list = list_for(&state, &s, &form, Some(id), true).await?;
    let form = picked(form, &list);
    let today = iso_date(state.app.today());
    let base = page(&s, form, Errors::none(), today, list);
    html(&edit_page(&s, id, q.version, base))
}

/// `POST /cases/{id}/edit?version=N`: saves the edit, or shows the form again with what was
/// typed: with the errors at their fields, or with the conflict and the current version.
pub async fn save_edit(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<CaseId>,
    Query(q): Query<EditQuery>,
    ValidForm(form): ValidForm<ReportForm>,
) -> Result<Response, WebError> {
    let (errors, version) = match state.app.edit_report(s.actor(), id, &form, q.version).await {
        Ok(()) => return Ok(Redirect::to(&format!("/cases/{id}?saved=report")).into_response()),
        Err(AppError::Invalid(e)) => (report_errors(&s.viewer.tr, &e), q.version),
        Err(AppError::Conflict) => {
            let (_, current) = state.app.report_form(s.actor(), id).await?;
            (Errors::general(s.viewer.tr.t("edit-conflict")), current)
        }
        Err(e) => return Err(e.into()),
    };
    let today = iso_date(state.app.today());
    let list = list_for(&state, &s, &form, Some(id), false).await?;
    let base = page(&s, form, errors, today, list);
    let body = html(&edit_page(&s, id, version, base))?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response())
}

/// A refused report's errors in words, the same for a new report and an edit.
fn report_errors(tr: &Tr, e: &spona_domain::validation::FieldErrors) -> Errors {
    Errors::explained(tr, e, |field, err| match (field, err) {
        ("person", FieldError::Required) => Some("report-person-required"),
        ("indicators", FieldError::Mismatch) => Some("report-catalogue-replaced"),
        // The child protocol needs the team's Centre for Social Work.
        ("may_be_child", FieldError::Unknown) => Some("report-no-social-work"),
        _ => None,
    })
}
