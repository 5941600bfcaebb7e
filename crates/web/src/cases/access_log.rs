//! The access log of a case, for the institution that owns it: when, who, what, from where,
//! and why where a reason was written (breaking the glass, referring without consent).

use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::pager::Pager;
use crate::shell::render::html;
use crate::shell::tr::Tr;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use spona_domain::cases::CaseId;

/// One line of the log, ready to show.
struct LogLine {
    at: String,
    who: String,
    action: String,
    address: String,
    reason: String,
}

#[derive(Template)]
#[template(path = "cases/access_log.html")]
struct AccessLogPage {
    chrome: Chrome,
    id: CaseId,
    lines: Vec<LogLine>,
    pager: Pager,
}

/// An audit action in words (`log-{code}`); a code without a message is shown as it is.
pub fn action(tr: &Tr, code: &str) -> String {
    let id = format!("log-{code}");
    let text = tr.t(&id);
    if text == id {
        code.to_string()
    } else {
        text
    }
}

/// Which page of the log.
#[derive(Debug, Default, serde::Deserialize)]
pub struct LogQuery {
    page: Option<i64>,
}

/// `GET /cases/{id}/access-log`.
pub async fn access_log(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<CaseId>,
    Query(q): Query<LogQuery>,
) -> Result<Response, WebError> {
    let page = q.page.unwrap_or(1);
    let entries = state.app.case_access_log_page(s.actor(), id, page).await?;
    let tr = &s.viewer.tr;
    let pager = Pager::counted_up_to(
        tr,
        page,
        entries.total,
        spona_app::cases::LIST_COUNT_LIMIT,
        &s.viewer.here,
    );
    let lines = entries
        .items
        .into_iter()
        .map(|e| LogLine {
            at: tr.instant(&e.at),
            action: action(tr, &e.action),
            who: e.who,
            address: e.address,
            reason: e.reason,
        })
        .collect();
    html(&AccessLogPage {
        chrome: s.viewer.chrome(Nav::Cases),
        id,
        lines,
        pager,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use spona_domain::cases::{CaseTransition, ProceedingsStage};
    use spona_i18n::{Catalog, Locale};
    use std::sync::Arc;

    #[test]
    fn every_action_the_app_writes_about_a_case_has_a_name() {
        let catalog = Arc::new(Catalog::load().unwrap());
        let mut codes: Vec<String> = [
            "case-reported",
            "case-viewed",
            "case-edited",
            "referral-sent",
            "referral-sent-without-consent",
            "referral-accepted",
            "referral-declined",
            "referral-completed",
            "referral-withdrawn",
            "guardian-recorded",
            "consent-recorded",
            "consent-withdrawn",
            "break-glass",
            "service-added",
            "service-changed",
            "recovery-period-set",
            "note-added",
            "follow-up-added",
            "proceedings-corrected",
            "transfer-offered",
            "transfer-accepted",
            "transfer-declined",
            "transfer-withdrawn",
            "referral-question",
            "referral-answer",
            "referral-plan",
            "case-hold-set",
            "case-hold-lifted",
            "case-shredded",
            "case-attachments-removed",
            "case-data-request-recorded",
            "case-data-request-opened",
            "case-data-request-decided",
            "case-erased",
            spona_app::documents::CASE_FILE_PRINTED,
            spona_app::documents::REFERRAL_LETTER_PRINTED,
            spona_app::documents::OWN_DATA_GIVEN,
        ]
        .iter()
        .map(|c| c.to_string())
        .collect();
        codes.extend(
            CaseTransition::ALL
                .iter()
                .map(|t| format!("case-{}", t.code())),
        );
        codes.extend(
            ProceedingsStage::ALL
                .iter()
                .map(|p| format!("proceedings-{}", p.code())),
        );
        for locale in Locale::ALL {
            let tr = Tr::new(catalog.clone(), locale, jiff::tz::TimeZone::UTC);
            for code in &codes {
                assert_ne!(&action(&tr, code), code, "{code} in {locale:?}");
            }
            assert_eq!(action(&tr, "something-new"), "something-new");
        }
    }
}
