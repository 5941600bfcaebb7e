//! A new account: the form, and on success the one-time link for its owner.
//!
//! Team and institution are one select without JavaScript: institutions grouped by team,
//! each option's value `team:institution`, so that no mismatched pair can be chosen.

use super::link::{self, Occasion};
use super::users::account;
use super::Choice;
use crate::shell::chrome::{role_message, Chrome, Nav};
use crate::shell::confirmed::Confirmed;
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use spona_app::forms::UserForm;
use spona_app::{App, AppError};
use spona_domain::access::may_grant;
use spona_domain::accounts::Role;
use spona_domain::validation::FieldErrors;

/// The account form as posted.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct AccountForm {
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub role: String,
    /// Team code; only needed when `institution` does not name the team itself.
    #[serde(default)]
    pub team: String,
    /// `team:institution` as the select offers it, or an institution code alone.
    #[serde(default)]
    pub institution: String,
}

impl AccountForm {
    /// The app layer's form: the combined choice split into team and institution codes.
    pub fn to_user_form(&self) -> UserForm {
        let (team, institution) = match self.institution.split_once(':') {
            Some((team, institution)) => (team.to_string(), institution.to_string()),
            None => (self.team.clone(), self.institution.clone()),
        };
        UserForm {
            username: self.username.clone(),
            display_name: self.display_name.clone(),
            role: self.role.clone(),
            team,
            institution,
        }
    }

    /// The value of the team-and-institution select to show as chosen.
    fn place(&self) -> String {
        let f = self.to_user_form();
        if f.team.is_empty() && f.institution.is_empty() {
            String::new()
        } else {
            format!("{}:{}", f.team.trim(), f.institution.trim())
        }
    }
}

/// The institutions of one team, as an `<optgroup>`.
pub struct TeamChoices {
    pub label: String,
    pub institutions: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "admin/user_form.html")]
struct FormPage {
    chrome: Chrome,
    form: AccountForm,
    roles: Vec<Choice>,
    places: Vec<TeamChoices>,
    errors: Errors,
}

/// The roles the viewer may give, as select choices.
fn role_choices(s: &Signed, selected: &str) -> Vec<Choice> {
    let actor = s.actor();
    Role::ALL
        .iter()
        .filter(|r| may_grant(actor, **r, actor.team_id))
        .map(|r| Choice {
            value: r.code().into(),
            label: s.viewer.tr.t(role_message(*r)),
            selected: r.code() == selected,
        })
        .collect()
}

/// The active institutions of the teams the viewer sees, grouped by team.
async fn place_choices(
    state: &WebState,
    s: &Signed,
    selected: &str,
) -> Result<Vec<TeamChoices>, WebError> {
    let mut groups = Vec::new();
    for team in state.app.teams_in(s.actor(), s.viewer.tr.locale).await? {
        if !team.active {
            continue;
        }
        let institutions = state
            .app
            .institution_choices_in(s.actor(), &team.code, s.viewer.tr.locale)
            .await?
            .into_iter()
            .map(|i| {
                let value = format!("{}:{}", team.code, i.code);
                Choice {
                    selected: value == selected,
                    value,
                    label: s.viewer.tr.pick(&i.name_cyrl, &i.name_latn).to_string(),
                }
            })
            .collect();
        groups.push(TeamChoices {
            label: s
                .viewer
                .tr
                .pick(&team.name_cyrl, &team.name_latn)
                .to_string(),
            institutions,
        });
    }
    Ok(groups)
}

async fn form_page(
    state: &WebState,
    s: &Signed,
    form: AccountForm,
    errors: Errors,
) -> Result<Response, WebError> {
    let place = form.place();
    html(&FormPage {
        chrome: s.viewer.chrome(Nav::Admin),
        roles: role_choices(s, form.role.trim()),
        places: place_choices(state, s, &place).await?,
        form,
        errors,
    })
}

/// The empty form.
pub async fn new(State(state): State<WebState>, s: Confirmed) -> Result<Response, WebError> {
    if !App::manages_accounts(s.actor()) {
        return Err(AppError::Forbidden.into());
    }
    form_page(&state, &s, AccountForm::default(), Errors::none()).await
}

/// Creates the account and shows the link for its owner; on bad input the form comes back
/// with what was typed and the errors.
pub async fn create(
    State(state): State<WebState>,
    s: Confirmed,
    headers: HeaderMap,
    ValidForm(form): ValidForm<AccountForm>,
) -> Result<Response, WebError> {
    match state
        .app
        .create_user(s.actor(), &form.to_user_form(), None)
        .await
    {
        Ok((id, Some(token))) => {
            let user = account(&state, &s, id.0).await?;
            link::page(&state, &s, &headers, user, Occasion::Created, &token)
        }
        Ok((id, None)) => Ok(Redirect::to(&format!("/admin/users/{}", id.0)).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = Errors::from_fields(&s.viewer.tr, &at_visible_fields(&e));
            let page = form_page(&state, &s, form, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// The form has no team field of its own: a team error is shown at the combined select.
fn at_visible_fields(errors: &FieldErrors) -> FieldErrors {
    let mut out = FieldErrors::new();
    for (field, e) in errors.iter() {
        match *field {
            "team" if errors.get("institution").is_some() => {}
            "team" => out.add("institution", *e),
            other => out.add(other, *e),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use spona_domain::validation::FieldError;

    #[test]
    fn the_combined_choice_names_team_and_institution() {
        let f = AccountForm {
            institution: "leskovac:csr".into(),
            ..Default::default()
        };
        let u = f.to_user_form();
        assert_eq!(
            (u.team.as_str(), u.institution.as_str()),
            ("leskovac", "csr")
        );
        let separate = AccountForm {
            team: "nis".into(),
            institution: "pu".into(),
            ..Default::default()
        };
        assert_eq!(separate.place(), "nis:pu");
        assert_eq!(AccountForm::default().place(), "");
    }

    #[test]
    fn a_team_error_shows_once_at_the_combined_select() {
        let mut only_team = FieldErrors::new();
        only_team.add("team", FieldError::Unknown);
        let moved = at_visible_fields(&only_team);
        assert_eq!(moved.get("institution"), Some(FieldError::Unknown));
        assert_eq!(moved.get("team"), None);
        let mut both = FieldErrors::new();
        both.add("team", FieldError::Required);
        both.add("institution", FieldError::Required);
        assert_eq!(at_visible_fields(&both).iter().count(), 1);
    }
}
