//! A team's public page: off until its coordinator turns it on; then anyone reads, without
//! signing in, who the team is, whom to call, and its next public activities. Only
//! institutions are named, never a person.

use crate::audit::{AuditEvent, Author};
use crate::guidelines::CardContacts;
use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::activities::{ActivityKind, Medium};
use spona_domain::outreach::{Window, INTRO_MAX};
use spona_domain::registry::Standing;
use spona_domain::text;
use spona_domain::validation::FieldErrors;
use spona_store::outreach::pages;
use spona_store::{activities, institutions, teams};
use time::Date;

/// The most activities the page lists.
const UPCOMING_MAX: usize = 30;

/// The public page settings as posted.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct PublicPageForm {
    /// A ticked box ("1"); absent when unticked.
    pub enabled: Option<String>,
    pub intro: String,
}

/// A public activity as the page shows it: what, which kind, when and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicActivity {
    pub title: String,
    pub kind: ActivityKind,
    pub medium: Option<Medium>,
    pub held_on: Date,
    pub place: String,
}

/// Everything the public page shows; built from what may be public, field by field.
#[derive(Clone, Debug)]
pub struct PublicPageView {
    pub code: String,
    pub name_cyrl: String,
    pub name_latn: String,
    pub city: String,
    pub intro: String,
    /// Member institutions (Cyrillic and Latin names).
    pub institutions: Vec<(String, String)>,
    /// The team's Centre for Social Work: name and phone from the registry.
    pub social_work: Option<(String, String)>,
    /// Public activities of the next 90 days, soonest first.
    pub upcoming: Vec<PublicActivity>,
}

impl App {
    /// Turns the team's public page on or off and saves its introduction (the coordinator).
    pub async fn save_public_page(
        &self,
        actor: &Actor,
        form: &PublicPageForm,
    ) -> Result<(), AppError> {
        let scope = Self::outreach_team(actor)?;
        let team = scope.team();
        let mut e = FieldErrors::new();
        let Some(intro) = e.check("intro", text::optional(&form.intro, INTRO_MAX)) else {
            return Err(AppError::Invalid(e));
        };
        let enabled = form.enabled.as_deref().is_some_and(|v| !v.is_empty());
        let mut tx = self.db.begin().await?;
        let was = pages::find(&mut tx, &scope)
            .await?
            .is_some_and(|p| p.enabled);
        pages::save(&mut tx, &scope, enabled, &intro, actor.user_id, self.now()).await?;
        let action = match (was, enabled) {
            (false, true) => "public-page-enabled",
            (true, false) => "public-page-disabled",
            _ => "public-page-edited",
        };
        let event = AuditEvent::about(Some(team), action, "public-page", team.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The public page of the team with this code, for anyone; "not found" while it is off,
    /// as for a team that does not exist.
    pub async fn public_page(&self, team_code: &str) -> Result<PublicPageView, AppError> {
        let mut c = self.db.conn().await?;
        let team = teams::find_by_code(&mut c, team_code)
            .await?
            .filter(|t| t.active)
            .ok_or(AppError::NotFound)?;
        let page = pages::find_enabled(&mut c, team.id)
            .await?
            .ok_or(AppError::NotFound)?;
        let registry = institutions::list_active(&mut c, team.id).await?;
        let window = Window::page(self.today());
        let upcoming = activities::public_between(&mut c, team.id, window.from, window.until)
            .await?
            .into_iter()
            .take(UPCOMING_MAX)
            .map(|a| PublicActivity {
                title: a.title,
                kind: a.kind,
                medium: a.medium,
                held_on: a.held_on,
                place: a.place,
            })
            .collect();
        Ok(PublicPageView {
            social_work: CardContacts::from_registry(&registry).social_work,
            institutions: registry
                .into_iter()
                .filter(|i| i.standing == Standing::Member)
                .map(|i| (i.name_cyrl, i.name_latn))
                .collect(),
            code: team.code,
            name_cyrl: team.name_cyrl,
            name_latn: team.name_latn,
            city: team.city,
            intro: page.intro,
            upcoming,
        })
    }
}
