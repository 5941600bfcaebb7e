//! Documents about a case, made in one place: the referral letter (упут) for a receiver that
//! is not on Spona, the case file as the reader may see it, and a person's own data (the
//! right of access). Each is gathered through the case page's own read path
//! (`App::gather_case`), so a document can never show more than the page shows the same
//! reader; it is worded here in the reader's (or the person's) language and script, laid out
//! by `spona_reports::document`, and written to the audit trail as its own event in the same
//! transaction style as the page's view. File names carry the case code in Latin, nothing
//! personal.

mod case_file;
mod letter;
mod offered;
mod own_data;
mod record;
mod wording;

pub use offered::{offered, Offered};
pub use own_data::script_of_name;

use crate::audit::{AuditEvent, Author};
use crate::cases::CaseView;
use crate::reports::Words;
use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::cases::{CaseId, IndicatorCatalogue, Sector};
use spona_domain::ids::{InstitutionId, TeamId};
use spona_domain::registry::{Institution, Team};
use spona_i18n::Arg;
use spona_reports::document::{self, Document};
use std::collections::HashMap;

/// The audit trail's name for each document made.
pub const CASE_FILE_PRINTED: &str = "case-file-printed";
/// A referral letter was printed.
pub const REFERRAL_LETTER_PRINTED: &str = "referral-letter-printed";
/// A person was given their own data.
pub const OWN_DATA_GIVEN: &str = "own-data-given";

/// The footer of every page: who printed it and when (local time), beside the page number.
fn footer(w: &Words, reader: &str, at: i64) -> String {
    // The page number's template fills `{n}` and `{m}`; a name never carries them.
    let reader: String = w
        .typed(reader)
        .chars()
        .filter(|c| !matches!(c, '{' | '}'))
        .collect();
    let who = w.with(
        "document-printed-by",
        &[
            ("name", Arg::from(reader.as_str())),
            ("at", Arg::from(w.instant(at).as_str())),
        ],
    );
    let page = w.with(
        "periodic-page",
        &[("n", Arg::from("{n}")), ("m", Arg::from("{m}"))],
    );
    format!("{who} · {page}")
}

/// The PDF of a document.
fn pdf(doc: &Document) -> Result<Vec<u8>, AppError> {
    document::render(doc).map_err(|e| AppError::Internal(format!("case document: {e}")))
}

/// A file name without personal data: what it is and the case's code in Latin.
fn file_name(what: &str, view: &CaseView) -> String {
    let code: String = view
        .summary
        .code_latin
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    if code.is_empty() {
        format!("{what}-{}.pdf", view.summary.id.0)
    } else {
        format!("{what}-{code}.pdf")
    }
}

/// The institutions a document may name, with their teams.
pub(crate) struct Named {
    institutions: HashMap<InstitutionId, Institution>,
    teams: HashMap<TeamId, Team>,
}

impl Named {
    /// An institution's full name in the reader's script, else the short name given.
    pub fn institution(&self, w: &Words, id: InstitutionId, short: &str) -> String {
        match self.institutions.get(&id) {
            Some(i) => pick(w, &i.name_cyrl, &i.name_latn),
            None => w.typed(short),
        }
    }

    /// The team of an institution, in the reader's script.
    pub fn team_of(&self, w: &Words, id: InstitutionId) -> Option<String> {
        let team = self.teams.get(&self.institutions.get(&id)?.team_id)?;
        Some(pick(w, &team.name_cyrl, &team.name_latn))
    }
}

/// A registered name in the reader's script: the Latin form as registered, else
/// transliterated.
fn pick(w: &Words, cyrl: &str, latn: &str) -> String {
    match w.locale {
        spona_i18n::Locale::SrCyrl => cyrl.to_string(),
        _ if !latn.is_empty() => latn.to_string(),
        _ => spona_domain::script::to_latin(cyrl),
    }
}

impl App {
    /// The institutions of the case's team and of the deployment's directory, with the
    /// teams: names only, read after the case's access was decided.
    async fn named(&self, team: TeamId) -> Result<Named, AppError> {
        let mut c = self.db.conn().await?;
        let mut institutions: HashMap<InstitutionId, Institution> =
            spona_store::institutions::directory(&mut c)
                .await?
                .into_iter()
                .map(|i| (i.id, i))
                .collect();
        for i in spona_store::institutions::list_active(&mut c, team).await? {
            institutions.insert(i.id, i);
        }
        let teams = spona_store::teams::list(&mut c)
            .await?
            .into_iter()
            .map(|t| (t.id, t))
            .collect();
        Ok(Named {
            institutions,
            teams,
        })
    }

    /// The display name of the actor, for the footer.
    async fn reader_name(&self, actor: &Actor) -> Result<String, AppError> {
        let mut c = self.db.conn().await?;
        Ok(spona_store::users::find(&mut c, actor.user_id)
            .await?
            .map(|u| u.display_name)
            .unwrap_or_default())
    }

    /// The case as the actor may see it, through the case page's read path; a damaged
    /// record is reported as the page reports it.
    async fn case_for_document(
        &self,
        actor: &Actor,
        id: CaseId,
    ) -> Result<(CaseView, TeamId), AppError> {
        let gathered = self.gather_case(actor, id).await;
        self.noting_damage(gathered).await
    }

    /// The catalogue version the case was screened with, to name its indicators (the case
    /// page and the documents name them alike).
    pub async fn screened_with(
        &self,
        view: &CaseView,
    ) -> Result<Option<IndicatorCatalogue>, AppError> {
        let Some(screening) = view.screening.as_ref().filter(|p| !p.indicators.is_empty()) else {
            return Ok(None);
        };
        let Some((sector, version)) = screening
            .catalogue
            .as_deref()
            .and_then(|c| c.split_once('/'))
        else {
            return Ok(None);
        };
        match Sector::from_code(sector) {
            Some(sector) => self.catalogue_version(sector, version).await,
            None => Ok(None),
        }
    }

    /// Writes that a document about the case was made, in one transaction.
    async fn audit_document(
        &self,
        actor: &Actor,
        team: TeamId,
        action: &str,
        case: CaseId,
        reason: &str,
    ) -> Result<(), AppError> {
        let mut tx = self.db.begin().await?;
        let event = AuditEvent {
            reason,
            ..AuditEvent::about(Some(team), action, "case", case.0)
        };
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(())
    }
}
