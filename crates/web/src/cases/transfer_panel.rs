//! Offers of transfer as pages show them: on the case page, the owner's section (the offer
//! form, or the offer waiting for an answer, and the earlier ones); in the inbox, the offers
//! made to the reader's institution with their answer forms.

use super::panels::receivers;
use super::{labels, Choice};
use crate::shell::form::Errors;
use crate::shell::tr::Tr;
use spona_app::cases::{CaseView, TransferForm, TransferView};
use spona_app::registry::DirectoryEntry;
use spona_domain::cases::{TransferId, TransferStatus};
use spona_domain::ids::InstitutionId;

/// One offer, ready to show.
pub struct OfferLine {
    pub id: TransferId,
    pub case_code: String,
    pub child: bool,
    pub from: String,
    pub to: String,
    pub reason: String,
    pub status: String,
    pub waiting: bool,
    pub offered_at: String,
    /// The former owner keeps reading the record (an accepted offer).
    pub former_reads: bool,
    pub decline_reason: String,
    pub version: i64,
    /// What the reader typed when its answer was refused, and why.
    pub typed_reason: String,
    pub error: Option<String>,
}

/// The owner's transfer section of the case page.
pub struct TransferPanel {
    /// The offer waiting for an answer; while there is one, no other is made.
    pub waiting: Option<OfferLine>,
    /// The offer form is shown (asked for, or refused); otherwise a link asks for it.
    pub form: bool,
    pub institutions: Vec<Choice>,
    pub reason: String,
    pub errors: Errors,
    /// Earlier offers, with their answers.
    pub earlier: Vec<OfferLine>,
}

/// A refused answer in the inbox: to which offer, what was typed, and why.
pub struct OfferTrouble {
    pub id: TransferId,
    pub reason: String,
    pub error: String,
}

/// The offers as lines, with a refused answer shown at its offer.
pub fn lines(tr: &Tr, views: &[TransferView], trouble: Option<&OfferTrouble>) -> Vec<OfferLine> {
    views
        .iter()
        .map(|t| {
            let refused = trouble.filter(|x| x.id == t.id);
            OfferLine {
                id: t.id,
                case_code: labels::in_script(tr, &t.case_code),
                child: t.case_is_child,
                from: labels::in_script(tr, &t.from_short),
                to: labels::in_script(tr, &t.to_short),
                reason: t.reason.clone(),
                status: tr.t(&format!("transfer-status-{}", t.status.code())),
                waiting: t.status == TransferStatus::Offered,
                offered_at: tr.instant(&t.offered_at),
                former_reads: t.former_reads,
                decline_reason: t.decline_reason.clone(),
                version: t.version,
                typed_reason: refused.map(|x| x.reason.clone()).unwrap_or_default(),
                error: refused.map(|x| x.error.clone()),
            }
        })
        .collect()
}

/// The owner's section: none for a reader who does not work on the case.
pub fn panel(
    tr: &Tr,
    v: &CaseView,
    directory: &[DirectoryEntry],
    own: Option<InstitutionId>,
    typed: Option<(TransferForm, Errors)>,
    asked: bool,
) -> Option<TransferPanel> {
    if !v.access.works_on() {
        return None;
    }
    let mut all = lines(tr, &v.transfers, None);
    let waiting = all.iter().position(|l| l.waiting).map(|at| all.remove(at));
    let shown = asked || typed.is_some();
    let (form, errors) = typed.unwrap_or_else(|| (TransferForm::default(), Errors::none()));
    let institutions = if shown {
        receivers(tr, directory, own, |value| value == form.to_institution)
    } else {
        Vec::new()
    };
    Some(TransferPanel {
        waiting,
        form: shown,
        institutions,
        reason: form.reason,
        errors,
        earlier: all,
    })
}
