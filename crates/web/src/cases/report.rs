//! The report of a potential victim: one form, quick on a phone, that asks only for what is
//! needed to act (the domain decides what that is). A child's report sends the urgent
//! referral in the same transaction; the case page then says so.

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
    /// The latest date a date field accepts (today).
    today: String,
    max: Limits,
}

/// The screening checklist: the catalogue's domains with their indicators as checkboxes.
struct Screening {
    /// Sector and version, in words.
    catalogue: String,
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
    form: ReportForm,
    errors: Errors,
    today: String,
    catalogue: Option<IndicatorCatalogue>,
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
    let indicators = catalogue.map(|c| screening(tr, &c, &form.indicators));
    ReportPage {
        chrome: s.viewer.chrome(Nav::Cases),
        heading: tr.t("report-title"),
        action: "/cases".into(),
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
    Screening {
        catalogue: labels::catalogue(tr, &format!("{}/{}", c.sector.code(), c.version)),
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

/// The catalogue the report will be screened with: that of the reader's institution's
/// sector, or the general one; none when no catalogue was imported.
async fn reporters_catalogue(
    state: &WebState,
    s: &Signed,
) -> Result<Option<IndicatorCatalogue>, WebError> {
    let (Some(team), Some(own)) = (&s.session.user.team_code, s.actor().institution_id) else {
        return Ok(None);
    };
    let institutions = state
        .app
        .institution_choices_in(s.actor(), team, s.viewer.tr.locale)
        .await?;
    let Some(kind) = institutions.iter().find(|i| i.id == own).map(|i| i.kind) else {
        return Ok(None);
    };
    Ok(state.app.catalogue_for(kind).await?)
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
    let catalogue = reporters_catalogue(&state, &s).await?;
    html(&page(&s, form, Errors::none(), today, catalogue))
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
            let errors = Errors::explained(&s.viewer.tr, &e, |field, err| match (field, err) {
                ("person", FieldError::Required) => Some("report-person-required"),
                // The child protocol needs the team's Centre for Social Work.
                ("may_be_child", FieldError::Unknown) => Some("report-no-social-work"),
                _ => None,
            });
            let today = iso_date(state.app.today());
            let catalogue = reporters_catalogue(&state, &s).await?;
            let page = html(&page(&s, form, errors, today, catalogue))?;
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
    let catalogue = reporters_catalogue(&state, &s).await?;
    let base = page(&s, form, Errors::none(), today, catalogue);
    html(&edit_page(&s, id, version, base))
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
        Err(AppError::Invalid(e)) => (Errors::from_fields(&s.viewer.tr, &e), q.version),
        Err(AppError::Conflict) => {
            let (_, current) = state.app.report_form(s.actor(), id).await?;
            (Errors::general(s.viewer.tr.t("edit-conflict")), current)
        }
        Err(e) => return Err(e.into()),
    };
    let today = iso_date(state.app.today());
    let catalogue = reporters_catalogue(&state, &s).await?;
    let base = page(&s, form, errors, today, catalogue);
    let body = html(&edit_page(&s, id, version, base))?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response())
}
