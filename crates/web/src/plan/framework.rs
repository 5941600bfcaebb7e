//! `/framework`: the national documents with their objectives and measures; the national
//! office adds documents and items on the same page.

use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use spona_app::plan::{FrameworkDocumentForm, FrameworkItemForm, FrameworkView};
use spona_app::AppError;

#[derive(Template)]
#[template(path = "plan/framework.html")]
struct FrameworkPage {
    chrome: Chrome,
    v: FrameworkView,
    doc_form: FrameworkDocumentForm,
    doc_errors: Errors,
    /// The document whose item form came back with errors.
    item_for: i64,
    item_form: FrameworkItemForm,
    item_errors: Errors,
}

async fn render(
    state: &WebState,
    s: &Signed,
    doc: (FrameworkDocumentForm, Errors),
    item: (i64, FrameworkItemForm, Errors),
) -> Result<Response, WebError> {
    let v = state.app.framework(s.actor()).await?;
    html(&FrameworkPage {
        chrome: s.viewer.chrome(Nav::Plan),
        v,
        doc_form: doc.0,
        doc_errors: doc.1,
        item_for: item.0,
        item_form: item.1,
        item_errors: item.2,
    })
}

/// The framework.
pub async fn show(State(state): State<WebState>, s: Signed) -> Result<Response, WebError> {
    render(
        &state,
        &s,
        (FrameworkDocumentForm::default(), Errors::none()),
        (0, FrameworkItemForm::default(), Errors::none()),
    )
    .await
}

/// Adds a document; bad input comes back at the fields.
pub async fn add_document(
    State(state): State<WebState>,
    s: Signed,
    ValidForm(form): ValidForm<FrameworkDocumentForm>,
) -> Result<Response, WebError> {
    match state.app.add_framework_document(s.actor(), &form).await {
        Ok(id) => Ok(Redirect::to(&format!("/framework#document-{id}")).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = Errors::from_fields(&s.viewer.tr, &e);
            super::refused(
                render(
                    &state,
                    &s,
                    (form, errors),
                    (0, FrameworkItemForm::default(), Errors::none()),
                )
                .await,
            )
        }
        Err(e) => Err(e.into()),
    }
}

/// Adds an objective or measure to a document.
pub async fn add_item(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    ValidForm(form): ValidForm<FrameworkItemForm>,
) -> Result<Response, WebError> {
    match state.app.add_framework_item(s.actor(), id, &form).await {
        Ok(_) => Ok(Redirect::to(&format!("/framework#document-{id}")).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = Errors::from_fields(&s.viewer.tr, &e);
            super::refused(
                render(
                    &state,
                    &s,
                    (FrameworkDocumentForm::default(), Errors::none()),
                    (id, form, errors),
                )
                .await,
            )
        }
        Err(e) => Err(e.into()),
    }
}
