//! `/reports`: the team's reports with the form that starts one, or, for the national
//! office, the teams' submitted reports.

use super::national::NationalQuery;
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use spona_app::reports::{PeriodForm, ReportList};
use spona_app::AppError;

#[derive(Template)]
#[template(path = "reports/list.html")]
struct ListPage {
    chrome: Chrome,
    list: ReportList,
    form: PeriodForm,
    errors: Errors,
    /// The report the typed period already has: (period, its id), said instead of a bare
    /// "already in use".
    taken: Option<(String, i64)>,
}

/// `GET /reports`.
pub async fn list(
    State(state): State<WebState>,
    s: Signed,
    Query(q): Query<NationalQuery>,
) -> Result<Response, WebError> {
    if s.may().national_reports {
        return super::national::page(&state, &s, &q.period).await;
    }
    let list = state.app.team_reports(s.actor()).await?;
    let form = PeriodForm {
        period: list.suggested.clone(),
    };
    page(&s, list, form, Errors::none(), None, StatusCode::OK)
}

fn page(
    s: &Signed,
    list: ReportList,
    form: PeriodForm,
    errors: Errors,
    taken: Option<(String, i64)>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let body = html(&ListPage {
        chrome: s.viewer.chrome(Nav::Reports),
        list,
        form,
        errors,
        taken,
    })?;
    Ok((status, body).into_response())
}

/// `POST /reports`: starts a draft; a bad or taken period comes back at its field.
pub async fn create(
    State(state): State<WebState>,
    s: Signed,
    ValidForm(form): ValidForm<PeriodForm>,
) -> Result<Response, WebError> {
    match state.app.draft_report(s.actor(), &form).await {
        Ok(id) => Ok(Redirect::to(&format!("/reports/{id}")).into_response()),
        Err(AppError::Invalid(e)) => {
            let list = state.app.team_reports(s.actor()).await?;
            let taken = form
                .parse()
                .ok()
                .and_then(|p| list.existing(p))
                .map(|r| (r.period.code(), r.id));
            let errors = Errors::from_fields(&s.viewer.tr, &e);
            page(
                &s,
                list,
                form,
                errors,
                taken,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(e) => Err(e.into()),
    }
}
