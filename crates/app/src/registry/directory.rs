//! The deployment's directory of institutions, for referring a case beyond the own team:
//! institutions only, never a person or a contact detail.

use crate::{App, AppError};
use spona_domain::access::{team_cases, Actor};
use spona_domain::registry::{Institution, Standing};
use spona_i18n::{Collator, Locale};
use spona_store::{institutions, teams};
use std::collections::HashMap;

/// An institution of the directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirectoryEntry {
    pub institution: Institution,
    /// The name of its team (Cyrillic, Latin), for an institution of another team or of the
    /// national level; none for the reader's own team's.
    pub team: Option<(String, String)>,
}

impl App {
    /// The institutions a case of the actor's team can be referred to and its consents can
    /// name: the own team's active institutions first (as the team's forms list them), then
    /// the member institutions of the national level and of every other team.
    pub async fn referral_directory(
        &self,
        actor: &Actor,
        locale: Locale,
    ) -> Result<Vec<DirectoryEntry>, AppError> {
        let own = team_cases(actor)?.team();
        let mut c = self.db.conn().await?;
        let collator = Collator::new(locale);
        let by_name = |a: &Institution, b: &Institution| {
            collator.compare(
                collator.pick(&a.name_cyrl, &a.name_latn),
                collator.pick(&b.name_cyrl, &b.name_latn),
            )
        };
        let mut own_list = institutions::list_active(&mut c, own).await?;
        own_list.sort_by(|a, b| {
            (a.standing != Standing::Member)
                .cmp(&(b.standing != Standing::Member))
                .then_with(|| by_name(a, b))
        });
        let names: HashMap<_, _> = teams::list(&mut c)
            .await?
            .into_iter()
            .map(|t| (t.id, (t.name_cyrl, t.name_latn, t.national)))
            .collect();
        let mut others: Vec<(bool, DirectoryEntry)> = institutions::directory(&mut c)
            .await?
            .into_iter()
            .filter(|i| i.team_id != own)
            .filter_map(|i| {
                let (cyrl, latn, national) = names.get(&i.team_id)?;
                let team = Some((cyrl.clone(), latn.clone()));
                Some((
                    *national,
                    DirectoryEntry {
                        institution: i,
                        team,
                    },
                ))
            })
            .collect();
        // The national institutions first: the Centre is where most referrals beyond the
        // team go.
        others.sort_by(|(na, a), (nb, b)| {
            nb.cmp(na)
                .then_with(|| by_name(&a.institution, &b.institution))
        });
        let mut entries: Vec<DirectoryEntry> = own_list
            .into_iter()
            .map(|institution| DirectoryEntry {
                institution,
                team: None,
            })
            .collect();
        entries.extend(others.into_iter().map(|(_, e)| e));
        Ok(entries)
    }
}
