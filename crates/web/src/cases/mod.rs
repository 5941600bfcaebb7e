//! Case pages: the list (with emergency access by a case's code), the report of a potential
//! victim, one case with its parts, steps, referrals and protection (guardian, consent,
//! services, recovery period, follow-ups, notes, proceedings, files), its access log, the
//! documents about it (case file, referral letter, the person's own data), and the
//! institution's inbox of referrals with their answers. What a reader may see or do is decided
//! by the app layer; these pages show what it returns and nothing more.

mod access_log;
mod answer;
mod assignment;
mod attachments;
mod consent;
mod data_requests;
mod documents;
mod duplicates;
mod emergency;
mod hold;
mod inbox;
pub(crate) mod labels;
mod list;
mod moves;
mod panels;
mod protection;
mod referrals;
mod report;
mod show;
mod transfer;
mod transfer_panel;

pub use access_log::action as action_label;
pub use data_requests::{lines as data_request_lines, RequestLine};
pub use labels::in_script;
pub use referrals::{awaiting_answer, ReferralLine};

use crate::routes::Routes;
use spona_domain::cases::attachment::MAX_ATTACHMENT_BYTES;

/// A choice in a select or a group of checkboxes.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// The routes of this feature.
pub fn routes() -> Routes {
    Routes::new()
        .get("/cases", list::list)
        .post("/cases", report::create)
        .get("/cases/new", report::new)
        .post("/cases/new/catalogue", report::switch_new)
        .get("/cases/{id}", show::show)
        .get("/cases/{id}/edit", report::edit)
        .post("/cases/{id}/edit", report::save_edit)
        .post("/cases/{id}/edit/catalogue", report::switch_edit)
        .post("/cases/{id}/assignments", assignment::assign)
        .post(
            "/cases/{id}/assignments/{user}/remove",
            assignment::unassign,
        )
        .post("/cases/{id}/transition", moves::transition)
        .post("/cases/{id}/referrals", moves::refer)
        .post("/cases/{id}/transfers", transfer::offer)
        .post("/cases/{id}/transfers/withdraw", transfer::withdraw)
        .post("/cases/emergency", emergency::open)
        .post("/cases/{id}/guardians", consent::guardian)
        .post("/cases/{id}/consents", consent::consent)
        .post("/cases/{id}/consents/{consent}/withdraw", consent::withdraw)
        .post("/cases/{id}/services", protection::add_service)
        .post(
            "/cases/{id}/services/{service}/status",
            protection::service_status,
        )
        .post("/cases/{id}/recovery", protection::recovery)
        .post("/cases/{id}/follow-ups", protection::follow_up)
        .post("/cases/{id}/tasks/{task}/done", protection::task_done)
        .post("/cases/{id}/notes", protection::note)
        .post("/cases/{id}/proceedings", protection::proceedings)
        .post("/cases/{id}/hold", hold::set)
        .post("/cases/{id}/hold/lift", hold::lift)
        .post("/cases/{id}/data-requests", data_requests::record)
        .get(
            "/cases/{id}/data-requests/outcome",
            data_requests::outcome_page,
        )
        .post(
            "/cases/{id}/data-requests/outcome",
            data_requests::record_outcome,
        )
        .get("/cases/{id}/data-requests/erase", data_requests::erase_page)
        .post("/cases/{id}/data-requests/erase", data_requests::erase)
        .get("/cases/{id}/access-log", access_log::access_log)
        .post_with_limit(
            "/cases/{id}/attachments",
            attachments::upload,
            MAX_ATTACHMENT_BYTES + attachments::UPLOAD_OVERHEAD,
        )
        .get("/attachments/{id}", attachments::download)
        .get("/attachments/{id}/remove", attachments::confirm_remove)
        .post("/attachments/{id}/remove", attachments::remove)
        .get("/inbox", inbox::inbox)
        .get("/duplicates", duplicates::list)
        .post("/duplicates/{id}", duplicates::review)
        .post("/referrals/{id}/answer", answer::answer)
        .post("/referrals/{id}/messages", answer::message)
        .post("/transfers/{id}/answer", transfer::answer)
        .get("/cases/{id}/case-file.pdf", documents::case_file)
        .get("/cases/{id}/own-data.pdf", documents::own_data)
        .get("/referrals/{id}/letter.pdf", documents::letter)
}
