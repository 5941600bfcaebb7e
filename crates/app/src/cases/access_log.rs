//! The access log of a case: who opened or changed it, when and from where. Shown to the
//! owning institution, which answers for the record.

use crate::{App, AppError, Page};
use spona_domain::access::Actor;
use spona_domain::cases::CaseId;
use spona_store::audit::{self, Entry};
use spona_store::cases::COUNT_LIMIT as LIST_COUNT_LIMIT;
use spona_store::users;
use std::collections::HashMap;

/// One line of a case's access log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessEntry {
    pub at: i64,
    pub action: String,
    /// The account's display name, or the label of a console or link action.
    pub who: String,
    pub address: String,
    pub reason: String,
}

/// Entries per page of the access log (the pages of every list have one size).
pub const ACCESS_LOG_PAGE: i64 = crate::registry::PAGE_SIZE;

impl App {
    /// The newest entries about a case (the first page), for the owning institution only.
    pub async fn case_access_log(
        &self,
        actor: &Actor,
        id: CaseId,
    ) -> Result<Vec<AccessEntry>, AppError> {
        Ok(self.case_access_log_page(actor, id, 1).await?.items)
    }

    /// A page of a case's access log, newest first; the total is counted up to
    /// [`crate::cases::LIST_COUNT_LIMIT`] + 1.
    pub async fn case_access_log_page(
        &self,
        actor: &Actor,
        id: CaseId,
        page: i64,
    ) -> Result<Page<AccessEntry>, AppError> {
        let page = page.clamp(1, LIST_COUNT_LIMIT / ACCESS_LOG_PAGE);
        let mut c = self.db.conn().await?;
        super::owned_case(&mut c, actor, id).await?;
        let total = audit::count_for_subject(&mut c, "case", id.0, LIST_COUNT_LIMIT).await?;
        let offset = (page - 1) * ACCESS_LOG_PAGE;
        let entries =
            audit::page_for_subject(&mut c, "case", id.0, ACCESS_LOG_PAGE, offset).await?;
        let mut names: HashMap<i64, String> = HashMap::new();
        for actor_id in entries.iter().filter_map(|e| e.actor_id) {
            if let std::collections::hash_map::Entry::Vacant(slot) = names.entry(actor_id) {
                let name = users::find(&mut c, spona_domain::ids::UserId(actor_id))
                    .await?
                    .map(|u| u.display_name)
                    .unwrap_or_default();
                slot.insert(name);
            }
        }
        let items = entries
            .into_iter()
            .map(|e: Entry| AccessEntry {
                who: e
                    .actor_id
                    .and_then(|id| names.get(&id).cloned())
                    .unwrap_or(e.actor_label),
                at: e.at,
                action: e.action,
                address: e.address,
                reason: e.reason,
            })
            .collect();
        Ok(Page { items, total })
    }
}
