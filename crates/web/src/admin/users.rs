//! The list of accounts with search and pages, and one account with what can be done to it.

use crate::shell::chrome::{role_message, Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::pager::Pager;
use crate::shell::render::html;
use crate::shell::tr::Tr;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use spona_app::accounts::{User, UserQuery};
use spona_domain::ids::UserId;

/// An account as the pages show it.
pub struct Account {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role_label: String,
    pub team_code: String,
    pub institution_short: String,
    pub active: bool,
    /// Whether a password is set (a reset or a new account waits for its link).
    pub has_password: bool,
}

impl Account {
    /// The page's view of a stored account.
    fn of(tr: &Tr, u: User) -> Account {
        Account {
            id: u.id.0,
            role_label: tr.t(role_message(u.role)),
            has_password: u.password_hash.as_deref().is_some_and(|h| !h.is_empty()),
            username: u.username,
            display_name: u.display_name,
            team_code: u.team_code.unwrap_or_default(),
            institution_short: u.institution_short.unwrap_or_default(),
            active: u.active,
        }
    }
}

#[derive(Template)]
#[template(path = "admin/users.html")]
struct ListPage {
    chrome: Chrome,
    rows: Vec<Account>,
    q: UserQuery,
    pager: Pager,
    /// The deployment's administrator also keeps an eye on the retention schedule.
    retention_link: bool,
}

/// `/admin` leads to the accounts, the only administration page so far.
pub async fn to_list() -> Response {
    Redirect::to("/admin/users").into_response()
}

/// The accounts the viewer manages.
pub async fn list(
    State(state): State<WebState>,
    s: Signed,
    Query(q): Query<UserQuery>,
) -> Result<Response, WebError> {
    let page = state.app.users(s.actor(), &q).await?;
    let pager = Pager::new(
        &s.viewer.tr,
        q.page.unwrap_or(1),
        page.total,
        &s.viewer.here,
    );
    let rows = page
        .items
        .into_iter()
        .map(|u| Account::of(&s.viewer.tr, u))
        .collect();
    html(&ListPage {
        chrome: s.viewer.chrome(Nav::Admin),
        rows,
        q,
        pager,
        retention_link: s.may().manage_deployment,
    })
}

/// The account, if the viewer manages it.
pub async fn account(state: &WebState, s: &Signed, id: i64) -> Result<Account, WebError> {
    let u = state.app.user(s.actor(), UserId(id)).await?;
    Ok(Account::of(&s.viewer.tr, u))
}

#[derive(Template)]
#[template(path = "admin/user.html")]
struct ShowPage {
    chrome: Chrome,
    user: Account,
    /// The viewer's own account: it cannot be disabled from here.
    is_self: bool,
    /// All of the account's sessions were just ended.
    sessions_ended: bool,
    /// The account has an authenticator set up.
    has_second_factor: bool,
    /// Its second factor was just reset.
    factor_reset: bool,
}

/// What a redirect to the account's page asks it to say.
#[derive(Default, serde::Deserialize)]
#[serde(default)]
pub struct ShowNotices {
    sessions_ended: Option<String>,
    factor_reset: Option<String>,
}

/// One account.
pub async fn show(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    Query(n): Query<ShowNotices>,
) -> Result<Response, WebError> {
    let user = account(&state, &s, id).await?;
    let has_second_factor = state.app.has_second_factor(s.actor(), UserId(id)).await?;
    html(&ShowPage {
        chrome: s.viewer.chrome(Nav::Admin),
        is_self: user.id == s.actor().user_id.0,
        sessions_ended: n.sessions_ended.is_some(),
        factor_reset: n.factor_reset.is_some(),
        has_second_factor,
        user,
    })
}
