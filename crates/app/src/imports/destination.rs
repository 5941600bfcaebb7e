//! Where an import goes, decided once by the one rule: who may import a kind is who may
//! record the same thing by hand, and the value made here is the only way to a kind's rows.
//! A team's activities, trainings and materials: any role of the team (its work scope); its
//! institutions and members: who may also edit its registry; the national framework: the
//! national office; accounts: who manages accounts (the deployment's, or the own team's).

use super::ImportKind;
use crate::{App, AppError};
use spona_domain::access::{decide, Action, Actor, TeamScope, WorkNeed};
use spona_domain::ids::TeamId;
use spona_store::teams;

/// Where rows go, as the access check allowed.
#[derive(Clone, Copy, Debug)]
pub(super) enum Destination {
    Activities(TeamScope),
    Members(TeamId),
    Institutions(TeamId),
    Trainings(TeamScope),
    Materials(TeamScope),
    Framework,
    /// Accounts of this team only, or of any team (the deployment's administrator).
    Accounts(Option<TeamId>),
}

impl Destination {
    /// The kind whose rows go here.
    pub(super) fn kind(self) -> ImportKind {
        match self {
            Destination::Activities(_) => ImportKind::Activities,
            Destination::Members(_) => ImportKind::Members,
            Destination::Institutions(_) => ImportKind::Institutions,
            Destination::Trainings(_) => ImportKind::Trainings,
            Destination::Materials(_) => ImportKind::Materials,
            Destination::Framework => ImportKind::Framework,
            Destination::Accounts(_) => ImportKind::Accounts,
        }
    }

    /// The team the import is audited under (none for the deployment's records).
    pub(super) fn team(self) -> Option<TeamId> {
        match self {
            Destination::Activities(scope)
            | Destination::Trainings(scope)
            | Destination::Materials(scope) => Some(scope.team()),
            Destination::Members(team) | Destination::Institutions(team) => Some(team),
            Destination::Framework => None,
            Destination::Accounts(team) => team,
        }
    }
}

impl App {
    /// Where the actor's import of `kind` goes, or why not: each kind refused exactly as the
    /// same record typed by hand is.
    pub(super) fn destination(actor: &Actor, kind: ImportKind) -> Result<Destination, AppError> {
        let work = || Self::work_team(actor, WorkNeed::Record);
        let registry = || -> Result<TeamId, AppError> {
            let team = work()?.team();
            if decide(actor, Action::EditRegistry(team)).allowed() {
                Ok(team)
            } else {
                Err(AppError::Forbidden)
            }
        };
        match kind {
            ImportKind::Activities => work().map(Destination::Activities),
            ImportKind::Members => registry().map(Destination::Members),
            ImportKind::Institutions => registry().map(Destination::Institutions),
            ImportKind::Trainings => work().map(Destination::Trainings),
            ImportKind::Materials => work().map(Destination::Materials),
            ImportKind::Framework => {
                Self::may_edit_framework(actor).map(|()| Destination::Framework)
            }
            ImportKind::Accounts => Self::account_scope(actor).map(Destination::Accounts),
        }
    }

    /// The destination at the console: the team with this code for a team's records (having
    /// the data folder and its key is the access, as for the other console commands). The
    /// deployment's records (framework, accounts) need no team. Trainings and materials name
    /// the account that recorded them, which the console has not: they are imported in the
    /// browser.
    pub(super) async fn console_destination(
        &self,
        team_code: &str,
        kind: ImportKind,
    ) -> Result<Destination, AppError> {
        let team = || async {
            let mut c = self.db.conn().await?;
            let team = teams::find_by_code(&mut c, team_code)
                .await?
                .ok_or(AppError::NotFound)?;
            Ok::<TeamId, AppError>(team.id)
        };
        Ok(match kind {
            ImportKind::Activities => Destination::Activities(TeamScope::operator(team().await?)),
            ImportKind::Members => Destination::Members(team().await?),
            ImportKind::Institutions => Destination::Institutions(team().await?),
            ImportKind::Trainings | ImportKind::Materials => return Err(AppError::Forbidden),
            ImportKind::Framework => Destination::Framework,
            ImportKind::Accounts => Destination::Accounts(None),
        })
    }
}
