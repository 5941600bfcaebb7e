//! The "what to do if you suspect trafficking" card: the steps for a kind of institution
//! (messages of the web layer) and the current contacts, taken from the team's registry so
//! that the printed card never goes stale.

use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::access::WorkNeed;
use spona_domain::registry::{Institution, InstitutionKind, Standing};
use spona_store::institutions;

/// The national hotline of the Office for Coordination of Activities in Combating Human
/// Trafficking (free of charge).
pub const NATIONAL_HOTLINE: &str = "0800 100 388";

/// The local contacts printed on the card: name and phone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CardContacts {
    pub social_work: Option<(String, String)>,
    pub police: Option<(String, String)>,
}

impl CardContacts {
    /// The first member Centre for Social Work and police among the team's active
    /// institutions (also read by the team's public page).
    pub(crate) fn from_registry(active: &[Institution]) -> CardContacts {
        let first = |kind: InstitutionKind| {
            active
                .iter()
                .find(|i| i.kind == kind && i.standing == Standing::Member)
                .map(|i| (i.name_cyrl.clone(), i.phone.clone()))
        };
        CardContacts {
            social_work: first(InstitutionKind::SocialWork),
            police: first(InstitutionKind::Police),
        }
    }
}

impl App {
    /// The team's Centre for Social Work and police, as the registry has them now.
    pub async fn card_contacts(&self, actor: &Actor) -> Result<CardContacts, AppError> {
        let scope = Self::work_team(actor, WorkNeed::View)?;
        let team = scope.team();
        let mut c = self.db.conn().await?;
        let list = institutions::list_active(&mut c, team).await?;
        Ok(CardContacts::from_registry(&list))
    }
}
