//! `GET /guidelines/card?kind=…`: the printable, phone-friendly "what to do if you suspect
//! trafficking" card for a kind of institution, with the contacts as the registry has them.

use crate::cases::in_script;
use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use spona_app::guidelines::NATIONAL_HOTLINE;
use spona_domain::registry::InstitutionKind;

/// Which card.
#[derive(Default, serde::Deserialize)]
#[serde(default)]
pub struct CardQuery {
    kind: String,
}

#[derive(Template)]
#[template(path = "guidelines/card.html")]
struct CardPage {
    chrome: Chrome,
    audience: String,
    steps: Vec<String>,
    hotline: &'static str,
    social_work: Option<(String, String)>,
    police: Option<(String, String)>,
}

/// The steps of the card: what everyone does, and the one step of the institution's kind.
fn steps(tr: &crate::shell::tr::Tr, kind: Option<InstitutionKind>) -> Vec<String> {
    let mut steps: Vec<String> = (1..=4).map(|n| tr.t(&format!("card-step-{n}"))).collect();
    let own = match kind {
        Some(InstitutionKind::Police) => "card-step-police",
        Some(InstitutionKind::Health) => "card-step-health",
        Some(InstitutionKind::School | InstitutionKind::Education) => "card-step-school",
        Some(InstitutionKind::SocialWork) => "card-step-social-work",
        _ => "card-step-other",
    };
    steps.insert(2, tr.t(own));
    steps
}

/// `GET /guidelines/card`.
pub async fn card(
    State(state): State<WebState>,
    s: Signed,
    Query(q): Query<CardQuery>,
) -> Result<Response, WebError> {
    let tr = &s.viewer.tr;
    let kind = InstitutionKind::from_code(&q.kind);
    let contacts = state.app.card_contacts(s.actor()).await?;
    let local = |c: Option<(String, String)>| c.map(|(name, phone)| (in_script(tr, &name), phone));
    html(&CardPage {
        chrome: s.viewer.chrome(Nav::Guidelines),
        audience: kind
            .map(|k| tr.t(&format!("kind-{}", k.code())))
            .unwrap_or_else(|| tr.t("guideline-addressed-all")),
        steps: steps(tr, kind),
        hotline: NATIONAL_HOTLINE,
        social_work: local(contacts.social_work),
        police: local(contacts.police),
    })
}
