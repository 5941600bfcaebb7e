//! The access log of a case: who opened or changed it, when and from where. Shown to the
//! owning institution, which answers for the record.

use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_store::audit::{self, Entry};
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

impl App {
    /// The newest entries about a case, for the owning institution only.
    pub async fn case_access_log(
        &self,
        actor: &Actor,
        id: i64,
    ) -> Result<Vec<AccessEntry>, AppError> {
        let team_id = actor.team_id.ok_or(AppError::NotFound)?;
        let mut c = self.db.conn().await?;
        let (_row, _case_referrals) = super::owned_case(&mut c, actor, team_id, id).await?;
        let entries = audit::for_subject(&mut c, "case", id, 500).await?;
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
        Ok(entries
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
            .collect())
    }
}
