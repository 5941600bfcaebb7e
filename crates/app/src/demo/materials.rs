//! The promotional material the founding document lists (calendars, pens, keychains with
//! anti-trafficking motifs, roll-up banners), paid for by the donor, IOM, within the founding
//! project, and what of it was handed out at the demo's talks: 1 200 pieces, which is the
//! plan's entered progress for the materials.

use super::FOUNDING_PROJECT;
use crate::{App, AppError};
use spona_domain::access::TeamScope;
use spona_domain::activities::ActivityKind;
use spona_store::materials::{self, NewItem, NewMovement};
use spona_store::{activities, teams, users};

/// The donor, as the founding document names it.
pub const DONOR: &str = "Међународна организација за миграције (ИОМ)";

/// Name, kind, pieces produced, the mark under which stock is low.
const ITEMS: [(&str, &str, i64, i64); 4] = [
    (
        "Календар са мотивима борбе против трговине људима",
        "calendar",
        500,
        50,
    ),
    (
        "Оловка са мотивима борбе против трговине људима",
        "pen",
        1_000,
        100,
    ),
    (
        "Привезак са мотивима борбе против трговине људима",
        "keychain",
        500,
        50,
    ),
    ("Roll-up банер тима", "roll-up", 2, 0),
];

/// Pieces of each item handed out at each of two occasions: the school talks and the talk
/// for 18 October.
const HANDED_OUT: [i64; 4] = [150, 300, 150, 0];

impl App {
    /// Adds the demo materials to the Leskovac team, once; false when it had some. Written
    /// in one transaction like the rest of the demo's register, with the stock checked here.
    pub(crate) async fn seed_demo_materials(&self) -> Result<bool, AppError> {
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let Some(team) = teams::find_by_code(&mut tx, "leskovac").await? else {
            return Ok(false);
        };
        let scope = TeamScope::operator(team.id);
        if !materials::list(&mut tx, &scope).await?.is_empty() {
            return Ok(false);
        }
        let author = users::find_by_username(&mut tx, "le-coordinator")
            .await?
            .ok_or_else(|| AppError::Internal("demo account le-coordinator".into()))?;
        let filter = activities::Filter {
            kind: Some(ActivityKind::EuDay),
            limit: 1,
            ..Default::default()
        };
        let eu_day = activities::list(&mut tx, &scope, &filter)
            .await?
            .page
            .items
            .into_iter()
            .next()
            .map(|a| a.id.0);
        for ((name, kind, produced, low_mark), handed) in ITEMS.into_iter().zip(HANDED_OUT) {
            let item = NewItem {
                team: &scope,
                name,
                kind,
                donor: DONOR,
                project: FOUNDING_PROJECT,
                low_mark,
                at: now,
            };
            let id = materials::insert(&mut tx, &item).await?;
            let mut moves = vec![("2026-02-20", "produced", produced, "", None)];
            if handed > 0 {
                moves.push((
                    "2026-04-14",
                    "handed-out",
                    handed,
                    "Трибине у основним и средњим школама",
                    None,
                ));
                moves.push(("2026-10-18", "handed-out", handed, "", eu_day));
            }
            for (on_date, direction, quantity, occasion, activity) in moves {
                let movement = NewMovement {
                    team: &scope,
                    item: id,
                    on_date,
                    direction,
                    quantity,
                    occasion,
                    activity,
                    by: author.id,
                    at: now,
                };
                materials::move_stock(&mut tx, &movement).await?;
            }
        }
        tx.commit().await?;
        Ok(true)
    }
}
