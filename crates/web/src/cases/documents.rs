//! Documents about a case for download: the case file, a referral's letter and the person's
//! own data. The app decides who may make which (and offers the links from the same rule);
//! these handlers only pass the reader's language, or the script chosen for the person.

use super::labels;
use super::Choice;
use crate::shell::confirmed::Confirmed;
use crate::shell::download::attachment;
use crate::shell::errors::WebError;
use crate::shell::tr::Tr;
use crate::WebState;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;
use spona_app::cases::CaseView;
use spona_app::documents::offered;
use spona_domain::access::Actor;
use spona_domain::cases::{CaseId, ReferralId};
use spona_i18n::Locale;

/// The documents section of the case page: links for what the reader may make.
pub struct DocumentsPanel {
    pub case_file: bool,
    /// (referral, the receiver's name) of each letter the reader may print.
    pub letters: Vec<(ReferralId, String)>,
    /// The own-data form, with its choice of script (the name's script first).
    pub own_data: Option<Vec<Choice>>,
}

impl DocumentsPanel {
    /// Whether there is anything to show.
    pub fn any(&self) -> bool {
        self.case_file || !self.letters.is_empty() || self.own_data.is_some()
    }
}

/// The panel for the reader of `view`.
pub fn panel(tr: &Tr, view: &CaseView, actor: &Actor) -> DocumentsPanel {
    let may = offered(view, actor);
    let letters = view
        .referrals
        .iter()
        .filter(|r| may.letters.contains(&r.id))
        .map(|r| {
            let to = labels::in_script(tr, &r.to_short);
            (r.id, tr.ts("cases-documents-letter", "institution", &to))
        })
        .collect();
    let scripts = std::iter::once(Choice {
        value: String::new(),
        label: tr.t("cases-documents-script-name"),
        selected: true,
    })
    // Named in the page's own language and script, as everything in the page is.
    .chain(Locale::ALL.iter().map(|l| Choice {
        value: l.code().into(),
        label: tr.t(&format!("cases-documents-script-{}", l.code())),
        selected: false,
    }))
    .collect();
    DocumentsPanel {
        case_file: may.case_file,
        letters,
        own_data: may.own_data.then_some(scripts),
    }
}

/// `GET /cases/{id}/case-file.pdf`: the case as the reader may see it.
pub async fn case_file(
    State(state): State<WebState>,
    s: Confirmed,
    Path(id): Path<CaseId>,
) -> Result<Response, WebError> {
    let pdf = state
        .app
        .case_file(s.actor(), id, &state.catalog, s.viewer.locale)
        .await?;
    Ok(attachment("application/pdf", &pdf.file_name, pdf.bytes))
}

/// `GET /referrals/{id}/letter.pdf`: the referral letter.
pub async fn letter(
    State(state): State<WebState>,
    s: Confirmed,
    Path(id): Path<ReferralId>,
) -> Result<Response, WebError> {
    let pdf = state
        .app
        .referral_letter(s.actor(), id, &state.catalog, s.viewer.locale)
        .await?;
    Ok(attachment("application/pdf", &pdf.file_name, pdf.bytes))
}

/// The script asked for the person's own data.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ScriptChoice {
    script: String,
}

/// `GET /cases/{id}/own-data.pdf?script=sr-Latn`: the person's own data, in the script
/// chosen (by default the one the name is typed in; an unknown choice falls back to it).
pub async fn own_data(
    State(state): State<WebState>,
    s: Confirmed,
    Path(id): Path<CaseId>,
    Query(q): Query<ScriptChoice>,
) -> Result<Response, WebError> {
    let script = Locale::from_code(q.script.trim());
    let pdf = state
        .app
        .own_data(s.actor(), id, &state.catalog, script)
        .await?;
    Ok(attachment("application/pdf", &pdf.file_name, pdf.bytes))
}
