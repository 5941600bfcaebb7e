//! Coverage: participants trained this year against each institution's staff; the
//! coordinator enters the staff numbers in the same table.

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
use serde::Deserialize;
use spona_app::trainings::{CoverageView, StaffForm};
use spona_app::AppError;
use spona_domain::registry::Standing;

#[derive(Template)]
#[template(path = "trainings/coverage.html")]
struct CoveragePage {
    chrome: Chrome,
    v: CoverageView,
    errors: Errors,
    saved: bool,
}

/// What the page may be asked.
#[derive(Deserialize, Default)]
pub struct CoverageQuery {
    pub year: Option<i32>,
    #[serde(default)]
    pub saved: Option<String>,
}

/// `GET /trainings/coverage`.
pub async fn show(
    State(state): State<WebState>,
    s: Signed,
    Query(q): Query<CoverageQuery>,
) -> Result<Response, WebError> {
    let mut v = state.app.training_coverage(s.actor(), q.year).await?;
    let tr = &s.viewer.tr;
    v.lines = tr.in_order(
        v.lines,
        |l| tr.pick(&l.institution.name_cyrl, &l.institution.name_latn),
        |l| l.institution.standing != Standing::Member,
    );
    html(&CoveragePage {
        chrome: s.viewer.chrome(Nav::Trainings),
        v,
        errors: Errors::none(),
        saved: q.saved.is_some(),
    })
}

/// `POST /trainings/coverage`: the coordinator's staff numbers.
pub async fn save(
    State(state): State<WebState>,
    s: Signed,
    ValidForm(form): ValidForm<StaffForm>,
) -> Result<Response, WebError> {
    match state.app.set_training_staff(s.actor(), &form).await {
        Ok(()) => Ok(Redirect::to("/trainings/coverage?saved=1").into_response()),
        Err(AppError::Invalid(e)) => {
            let v = state.app.training_coverage(s.actor(), None).await?;
            let body = html(&CoveragePage {
                chrome: s.viewer.chrome(Nav::Trainings),
                v,
                errors: Errors::from_fields(&s.viewer.tr, &e),
                saved: false,
            })?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
