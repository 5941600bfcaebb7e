//! Forms in: a body decoded strictly (the CSRF layer has already checked where it came
//! from), and field errors out.

use super::errors::{self, Failure, WebError};
use super::strict;
use super::tr::Tr;
use super::viewer::Viewer;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_i18n::Arg;

/// A form posted from one of our own pages, parsed into `T`: bytes that are not text are
/// answered 400, a value with a control character or over-long 422 naming the field; in
/// either case the handler never runs, so nothing is saved. The CSRF token was checked by
/// the layer every changing request passes (`shell::csrf`).
pub struct ValidForm<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ValidForm<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let viewer = req
            .extensions()
            .get::<Viewer>()
            .cloned()
            .ok_or_else(|| WebError::Page(Failure::Server).into_response())?;
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        strict::form(&bytes)
            .map(ValidForm)
            .map_err(|refusal| errors::refused_field(&viewer, &refusal))
    }
}

/// Field errors as messages in the viewer's language, for the form template.
#[derive(Clone, Debug, Default)]
pub struct Errors(Vec<(String, String)>);

impl Errors {
    /// No errors.
    pub fn none() -> Errors {
        Errors::default()
    }

    /// The messages for the errors.
    pub fn from_fields(tr: &Tr, errors: &FieldErrors) -> Errors {
        Errors::explained(tr, errors, |_, _| None)
    }

    /// The same, with some errors said in words of their own: `explain` names the message
    /// for a field's error where the general one would not tell the person what to do.
    pub fn explained(
        tr: &Tr,
        errors: &FieldErrors,
        explain: impl Fn(&str, FieldError) -> Option<&'static str>,
    ) -> Errors {
        Errors(
            errors
                .iter()
                .map(|(field, e)| {
                    let text = match explain(field, *e) {
                        Some(id) => tr.t(id),
                        None => message(tr, *e),
                    };
                    (field.to_string(), text)
                })
                .collect(),
        )
    }

    /// A message not tied to one field (shown above the form).
    pub fn general(message: String) -> Errors {
        Errors(vec![(String::new(), message)])
    }

    /// The message of a field.
    pub fn get(&self, field: &str) -> Option<&String> {
        self.0.iter().find(|(f, _)| f == field).map(|(_, m)| m)
    }

    /// The message above the form, if any.
    pub fn general_message(&self) -> Option<&String> {
        self.get("")
    }

    /// Each error as (field, message), the field empty for a message above the form (for an
    /// error summary).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &String)> {
        self.0.iter().map(|(f, m)| (f.as_str(), m))
    }

    /// Whether there is any error.
    pub fn any(&self) -> bool {
        !self.0.is_empty()
    }

    /// The same for a field that also has a hint: one `aria-describedby` naming both.
    pub fn aria_with_hint(&self, field: &str, hint: &str) -> String {
        if self.get(field).is_some() {
            format!("aria-invalid=true aria-describedby=\"{hint} {field}-error\"")
        } else {
            format!("aria-describedby={hint}")
        }
    }

    /// `aria-invalid` and `aria-describedby` for a field's input.
    pub fn aria(&self, field: &str) -> String {
        if self.get(field).is_some() {
            format!("aria-invalid=true aria-describedby={field}-error")
        } else {
            String::new()
        }
    }
}

/// One error in words.
pub fn message(tr: &Tr, e: FieldError) -> String {
    let args: Vec<(&str, Arg)> = e
        .message_args()
        .into_iter()
        .map(|(name, v)| (name, Arg::from(v)))
        .collect();
    tr.with(e.message_id(), &args)
}
