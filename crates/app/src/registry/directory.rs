//! The deployment's directory of institutions, for referring a case beyond the own team:
//! institutions only, never a person or a contact detail.

use crate::{App, AppError};
use spona_domain::access::{team_cases, Actor};
use spona_domain::registry::Institution;
use spona_i18n::{Collator, Locale};
use spona_store::{institutions, teams};
use std::collections::HashMap;

impl App {
    /// The institutions a case of the actor's team can be referred to and its consents can
    /// name: the own team's active institutions first (as the team's forms list them), then
    /// the member institutions of every other team and of the national level, each named
    /// with its team ("Centre for Social Work Leskovac — Leskovac team").
    pub async fn referral_directory(
        &self,
        actor: &Actor,
        locale: Locale,
    ) -> Result<Vec<Institution>, AppError> {
        let own = team_cases(actor)?.team();
        let mut c = self.db.conn().await?;
        let collator = Collator::new(locale);
        let mut own_list = institutions::list_active(&mut c, own).await?;
        own_list.sort_by(|a, b| {
            (a.standing != spona_domain::registry::Standing::Member)
                .cmp(&(b.standing != spona_domain::registry::Standing::Member))
                .then_with(|| {
                    collator.compare(
                        collator.pick(&a.name_cyrl, &a.name_latn),
                        collator.pick(&b.name_cyrl, &b.name_latn),
                    )
                })
        });
        let names: HashMap<_, _> = teams::list(&mut c)
            .await?
            .into_iter()
            .map(|t| (t.id, (t.name_cyrl, t.name_latn, t.national)))
            .collect();
        let mut others: Vec<(bool, Institution)> = institutions::directory(&mut c)
            .await?
            .into_iter()
            .filter(|i| i.team_id != own)
            .filter_map(|mut i| {
                let (cyrl, latn, national) = names.get(&i.team_id)?;
                i.name_cyrl = format!("{} — {cyrl}", i.name_cyrl);
                i.name_latn = format!("{} — {latn}", i.name_latn);
                Some((*national, i))
            })
            .collect();
        // The national institutions first: the Centre is where most referrals beyond the
        // team go.
        others.sort_by(|(na, a), (nb, b)| {
            nb.cmp(na).then_with(|| {
                collator.compare(
                    collator.pick(&a.name_cyrl, &a.name_latn),
                    collator.pick(&b.name_cyrl, &b.name_latn),
                )
            })
        });
        own_list.extend(others.into_iter().map(|(_, i)| i));
        Ok(own_list)
    }
}
