//! Calendar feeds: the coordinator makes a secret link (its token shown once, only its hash
//! kept) and revokes it; calendar programs read it without signing in. The feed holds the
//! team's public activities and its trainings by topic and date, nothing about persons.

use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_crypto::tokens;
use spona_domain::access::Actor;
use spona_domain::access::WorkNeed;
use spona_domain::activities::Activity;
use spona_domain::outreach::{Window, FEED_LABEL_MAX};
use spona_domain::registry::Team;
use spona_domain::script::to_latin;
use spona_domain::text;
use spona_domain::validation::FieldErrors;
use spona_i18n::{Arg, Catalog, Locale};
use spona_reports::ical::{Calendar, Event, IcalWriter, When};
use spona_store::outreach::feeds::{self, FeedTraining};
use spona_store::{activities, teams};
use time::{Date, UtcDateTime};

/// A new feed as typed: a label that says whom the link was given to.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct FeedForm {
    pub label: String,
}

/// A feed just made, with the only copy of its token.
#[derive(Clone, Debug)]
pub struct NewFeed {
    pub id: i64,
    /// Shown once to the coordinator; never stored.
    pub token: String,
}

/// Whether a string can be a token at all (43 characters of URL-safe base64), so that
/// nonsense is turned away before the database is asked.
fn plausible_token(token: &str) -> bool {
    token.len() == 43
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Text typed in Cyrillic, in the script of the locale.
fn in_script(locale: Locale, text: &str) -> String {
    match locale {
        Locale::SrCyrl => text.to_string(),
        Locale::SrLatn | Locale::En => to_latin(text),
    }
}

fn team_name(locale: Locale, team: &Team) -> String {
    match locale {
        Locale::SrCyrl => team.name_cyrl.clone(),
        _ if !team.name_latn.is_empty() => team.name_latn.clone(),
        _ => to_latin(&team.name_cyrl),
    }
}

/// An activity as an event: title, date, kind and place; never its audience, partners,
/// description or who recorded it.
fn activity_event(catalog: &Catalog, locale: Locale, stamp: UtcDateTime, a: &Activity) -> Event {
    let mut kind = catalog.text(locale, &format!("activity-kind-{}", a.kind.code()));
    if let Some(m) = a.medium {
        let medium = catalog.text(locale, &format!("activity-medium-{}", m.code()));
        kind = format!("{kind} ({medium})");
    }
    Event {
        location: Some(in_script(locale, &a.place)),
        categories: vec![kind],
        ..Event::new(
            format!("activity-{}@spona", a.id),
            stamp,
            When::AllDay {
                first: a.held_on,
                last: a.held_on,
            },
            in_script(locale, &a.title),
        )
    }
}

/// A training as an event: "Training: topic" on its day, without trainer or participants.
fn training_event(
    catalog: &Catalog,
    locale: Locale,
    stamp: UtcDateTime,
    t: &FeedTraining,
) -> Event {
    let topic = in_script(locale, &t.topic);
    Event {
        categories: vec![catalog.text(locale, "outreach-feed-training-category")],
        ..Event::new(
            format!("training-{}@spona", t.id),
            stamp,
            When::AllDay {
                first: t.held_on,
                last: t.held_on,
            },
            catalog.text_with(
                locale,
                "outreach-feed-training",
                &[("topic", Arg::from(topic.as_str()))],
            ),
        )
    }
}

impl App {
    /// Makes a feed of the actor's team (the coordinator); the token is in the answer only.
    pub async fn create_calendar_feed(
        &self,
        actor: &Actor,
        form: &FeedForm,
    ) -> Result<NewFeed, AppError> {
        let scope = Self::outreach_team(actor)?;
        let team = scope.team();
        let mut e = FieldErrors::new();
        let Some(label) = e.check("label", text::required(&form.label, FEED_LABEL_MAX)) else {
            return Err(AppError::Invalid(e));
        };
        let token = tokens::new_token();
        let mut tx = self.db.begin().await?;
        let id = feeds::insert(
            &mut tx,
            &scope,
            &tokens::token_hash(&token),
            &label,
            actor.user_id,
            self.now(),
        )
        .await?;
        let event = AuditEvent::about(Some(team), "feed-created", "calendar-feed", id);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(NewFeed { id, token })
    }

    /// Revokes a feed of the actor's team (the coordinator); its link gives nothing from now
    /// on. Revoking a revoked feed changes nothing; another team's is not found.
    pub async fn revoke_calendar_feed(&self, actor: &Actor, id: i64) -> Result<(), AppError> {
        // Looked up in the own team first (another team's is "not found"), then led.
        let scope = Self::work_team(actor, WorkNeed::View)?;
        let team = scope.team();
        let mut tx = self.db.begin().await?;
        feeds::find(&mut tx, &scope, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let lead = Self::outreach_team(actor)?;
        if feeds::revoke(&mut tx, &lead, id, self.now()).await? {
            let event = AuditEvent::about(Some(team), "feed-revoked", "calendar-feed", id);
            self.audit(&mut tx, Author::of(actor), event).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The iCalendar file of the live feed with this token, in `locale`: the team's public
    /// activities and its trainings from 60 days back to a year ahead. The token is the only
    /// key (calendar programs do not sign in); an unknown and a revoked token are alike
    /// "not found".
    pub async fn calendar_feed(
        &self,
        token: &str,
        catalog: &Catalog,
        locale: Locale,
    ) -> Result<Vec<u8>, AppError> {
        if !plausible_token(token) {
            return Err(AppError::NotFound);
        }
        let mut c = self.db.conn().await?;
        let team_id = feeds::team_of_live(&mut c, &tokens::token_hash(token))
            .await?
            .ok_or(AppError::NotFound)?;
        let team = teams::find(&mut c, team_id)
            .await?
            .filter(|t| t.active)
            .ok_or(AppError::NotFound)?;
        let window = Window::feed(self.today());
        let held = activities::public_between(&mut c, team.id, window.from, window.until).await?;
        let trained = feeds::trainings_between(&mut c, team.id, window.from, window.until).await?;
        drop(c);

        let stamp = self.clock.now().to_utc();
        let mut events: Vec<(Date, Event)> = held
            .iter()
            .map(|a| (a.held_on, activity_event(catalog, locale, stamp, a)))
            .chain(
                trained
                    .iter()
                    .map(|t| (t.held_on, training_event(catalog, locale, stamp, t))),
            )
            .collect();
        events.sort_by_key(|(on, _)| *on);

        let name = catalog.text_with(
            locale,
            "outreach-feed-name",
            &[("team", Arg::from(team_name(locale, &team).as_str()))],
        );
        let fail = |e: spona_reports::ReportError| AppError::Internal(e.to_string());
        let mut cal = IcalWriter::new(Vec::new(), &Calendar::new(name)).map_err(fail)?;
        for (_, event) in &events {
            cal.event(event).map_err(fail)?;
        }
        cal.finish().map_err(fail)
    }
}

#[cfg(test)]
mod tests {
    use super::plausible_token;

    #[test]
    fn only_token_shaped_strings_are_looked_up() {
        assert!(plausible_token(&spona_crypto::tokens::new_token()));
        assert!(!plausible_token(""));
        assert!(!plausible_token(&"a".repeat(44)));
        assert!(!plausible_token(&format!("{}/", "a".repeat(42))));
    }
}
