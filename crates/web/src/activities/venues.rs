//! The schools and venues of the city: listed, added, withdrawn and offered again.

use super::{venue_kind_choices, Choice};
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use spona_app::activities::VenueForm;
use spona_app::AppError;
use spona_domain::activities::{Venue, VenueId};

#[derive(Template)]
#[template(path = "activities/venues.html")]
struct VenuesPage {
    chrome: Chrome,
    rows: Vec<(Venue, String)>,
    form: VenueForm,
    kinds: Vec<Choice>,
    errors: Errors,
    can_record: bool,
}

async fn page(
    state: &WebState,
    s: &Signed,
    form: VenueForm,
    errors: Errors,
) -> Result<VenuesPage, WebError> {
    let tr = &s.viewer.tr;
    let venues = state.app.venues(s.actor(), true).await?;
    let rows = tr
        .in_order(venues, |v| v.name.as_str(), |v| (!v.active, v.kind.code()))
        .into_iter()
        .map(|v| {
            let kind = tr.t(&format!("venue-kind-{}", v.kind.code()));
            (v, kind)
        })
        .collect();
    Ok(VenuesPage {
        chrome: s.viewer.chrome(Nav::Activities),
        rows,
        kinds: venue_kind_choices(tr, &form.kind),
        form,
        errors,
        can_record: state.app.can_record_activities(s.actor()),
    })
}

/// `/activities/venues`.
pub async fn list(State(state): State<WebState>, s: Signed) -> Result<Response, WebError> {
    html(&page(&state, &s, VenueForm::default(), Errors::none()).await?)
}

/// Adds a venue; bad input comes back at the fields.
pub async fn add(
    State(state): State<WebState>,
    s: Signed,
    ValidForm(form): ValidForm<VenueForm>,
) -> Result<Response, WebError> {
    match state.app.add_venue(s.actor(), &form).await {
        Ok(_) => Ok(Redirect::to("/activities/venues").into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = Errors::from_fields(&s.viewer.tr, &e);
            let body = html(&page(&state, &s, form, errors).await?)?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, body).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// Withdraw or offer again, as posted.
#[derive(Deserialize)]
pub struct ActiveForm {
    #[serde(default)]
    pub active: String,
}

/// Withdraws a venue from the choices, or offers it again.
pub async fn set_active(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    ValidForm(f): ValidForm<ActiveForm>,
) -> Result<Response, WebError> {
    state
        .app
        .set_venue_active(s.actor(), VenueId(id), f.active == "1")
        .await?;
    Ok(Redirect::to("/activities/venues").into_response())
}
