//! The promotional material the founding document lists (calendars, pens, keychains with
//! anti-trafficking motifs, roll-up banners), paid for by the donor, IOM, within the founding
//! project, and what of it was handed out at the demo's talks. Made through the same use
//! cases as real entries. 1 200 pieces are handed out, which is the plan's entered progress.

use super::FOUNDING_PROJECT;
use crate::materials::{ItemForm, MovementForm};
use crate::{App, AppError};
use spona_domain::access::{Actor, TeamScope};
use spona_domain::activities::ActivityKind;
use spona_store::{activities, materials, teams, users};

/// The donor, as the founding document names it.
pub const DONOR: &str = "Међународна организација за миграције (ИОМ)";

/// Name, kind, pieces produced, the mark under which stock is low.
const ITEMS: [(&str, &str, i64, i64); 4] = [
    ("Календар са мотивима борбе против трговине људима", "calendar", 500, 50),
    ("Оловка са мотивима борбе против трговине људима", "pen", 1_000, 100),
    ("Привезак са мотивима борбе против трговине људима", "keychain", 500, 50),
    ("Roll-up банер тима", "roll-up", 2, 0),
];

/// Pieces of each item handed out at each of two occasions: the school talks and the talk
/// for 18 October.
const HANDED_OUT: [i64; 4] = [150, 300, 150, 0];

impl App {
    /// Adds the demo materials to the Leskovac team, once; false when it had some.
    pub(crate) async fn seed_demo_materials(&self) -> Result<bool, AppError> {
        let mut c = self.db.conn().await?;
        let Some(team) = teams::find_by_code(&mut c, "leskovac").await? else {
            return Ok(false);
        };
        let scope = TeamScope::operator(team.id);
        if !materials::list(&mut c, &scope).await?.is_empty() {
            return Ok(false);
        }
        let u = users::find_by_username(&mut c, "le-coordinator")
            .await?
            .ok_or_else(|| AppError::Internal("demo account le-coordinator".into()))?;
        let filter = activities::Filter {
            kind: Some(ActivityKind::EuDay),
            limit: 1,
            ..Default::default()
        };
        let eu_day = activities::list(&mut c, &scope, &filter)
            .await?
            .page
            .items
            .into_iter()
            .next()
            .map(|a| a.id.0.to_string())
            .unwrap_or_default();
        drop(c);
        let coordinator = Actor {
            user_id: u.id,
            role: u.role,
            team_id: u.team_id,
            institution_id: u.institution_id,
            address: "demo".into(),
        };
        for ((name, kind, produced, low_mark), handed) in ITEMS.into_iter().zip(HANDED_OUT) {
            let form = ItemForm {
                name: name.into(),
                kind: kind.into(),
                donor: DONOR.into(),
                project: FOUNDING_PROJECT.into(),
                produced: produced.to_string(),
                low_mark: low_mark.to_string(),
                on_date: "2026-02-20".into(),
            };
            let id = self.add_material(&coordinator, &form).await?;
            if handed == 0 {
                continue;
            }
            for (on_date, occasion, activity) in [
                ("2026-04-14", "Трибине у основним и средњим школама", ""),
                ("2026-10-18", "", eu_day.as_str()),
            ] {
                let moved = MovementForm {
                    direction: "handed-out".into(),
                    quantity: handed.to_string(),
                    on_date: on_date.into(),
                    occasion: occasion.into(),
                    activity_id: activity.into(),
                };
                self.move_material(&coordinator, id, &moved).await?;
            }
        }
        Ok(true)
    }
}
