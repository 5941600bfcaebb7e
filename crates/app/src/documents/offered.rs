//! Which documents a reader of a case may make: decided once, from what the case page
//! gathered for that reader, for the page's links and for the documents' own checks alike.

use crate::cases::{CaseView, ReferralView};
use spona_domain::access::{decide, Action, Actor};
use spona_domain::cases::{CaseAccess, ReferralId, ReferralStatus};

/// The documents the reader may make about one case.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Offered {
    /// The case file: whoever opens the case page gets what the page shows them.
    pub case_file: bool,
    /// The referral letters the reader may print (of the referrals the page shows them).
    pub letters: Vec<ReferralId>,
    /// The person's own data: the owning institution's case workers, on the person's request.
    pub own_data: bool,
}

/// What the reader of `view` may make.
pub fn offered(view: &CaseView, actor: &Actor) -> Offered {
    Offered {
        case_file: view.access.opens(),
        letters: view
            .referrals
            .iter()
            .filter(|r| prints_letter(view, actor, r))
            .map(|r| r.id)
            .collect(),
        own_data: view.access.works_on(),
    }
}

/// The owner's case workers print any referral's letter; the receiving institution's case
/// workers print theirs while it is live (while it shares the parts the letter carries).
pub(crate) fn prints_letter(view: &CaseView, actor: &Actor, r: &ReferralView) -> bool {
    if view.access.works_on() {
        return true;
    }
    let receiver =
        actor.institution_id == Some(r.to_institution) && decide(actor, Action::UseCases).allowed();
    let live = matches!(
        ReferralStatus::from_code(&r.status),
        Some(ReferralStatus::Sent | ReferralStatus::Accepted | ReferralStatus::Completed)
    );
    receiver && live && matches!(view.access, CaseAccess::Shared(_))
}
