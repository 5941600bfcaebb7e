//! Materials and donors: items (calendars, pens, keychains, roll-up banners, leaflets…),
//! the donor and project that paid for them, what was produced and what was handed out at
//! which occasion (an activity of the register, or in words). Stock is computed; handing out more than is in stock is refused; a stock
//! under the item's mark is a notice; a summary per donor shows what each made possible.

use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::WorkNeed;
use spona_domain::access::{Actor, TeamScope};
use spona_domain::activities::ActivityId;
use spona_domain::ids::UserId;
use spona_domain::text;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::activities;
use spona_store::materials::{self, ItemRow, MovementRow, NewItem, NewMovement};
use std::collections::BTreeMap;

/// The kinds of material.
pub const MATERIAL_KINDS: [&str; 7] = [
    "calendar", "pen", "keychain", "roll-up", "leaflet", "poster", "other",
];

/// The most of one thing a team produces or hands out at once.
const MAX_QUANTITY: i64 = 1_000_000;

/// A new item as typed, with the quantity produced.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ItemForm {
    pub name: String,
    pub kind: String,
    pub donor: String,
    pub project: String,
    pub produced: String,
    pub low_mark: String,
    pub on_date: String,
}

/// A new item, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemDraft {
    pub name: String,
    /// One of [`MATERIAL_KINDS`].
    pub kind: String,
    pub donor: String,
    pub project: String,
    /// What was produced: the stock it starts with.
    pub produced: i64,
    pub low_mark: i64,
    pub on_date: time::Date,
}

impl ItemForm {
    /// The checked item, or every error at its field.
    pub fn parse(&self) -> Result<ItemDraft, FieldErrors> {
        let mut e = FieldErrors::new();
        let name = e.check("name", text::required(&self.name, 200));
        let kind = MATERIAL_KINDS.iter().find(|k| **k == self.kind.trim());
        if kind.is_none() {
            e.add("kind", FieldError::Unknown);
        }
        let donor = e.check("donor", text::optional(&self.donor, 200));
        let project = e.check("project", text::optional(&self.project, 300));
        let produced = e.check("produced", quantity(&self.produced, 1));
        let low_mark = if self.low_mark.trim().is_empty() {
            Some(0)
        } else {
            e.check("low_mark", quantity(&self.low_mark, 0))
        };
        let on_date = e.check("on_date", text::date(&self.on_date));
        match (name, kind, donor, project, produced, low_mark, on_date) {
            (
                Some(name),
                Some(kind),
                Some(donor),
                Some(project),
                Some(produced),
                Some(low_mark),
                Some(on_date),
            ) if e.is_empty() => Ok(ItemDraft {
                name,
                kind: kind.to_string(),
                donor,
                project,
                produced,
                low_mark,
                on_date,
            }),
            _ => Err(e),
        }
    }
}

/// A movement as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct MovementForm {
    /// `produced` or `handed-out`.
    pub direction: String,
    pub quantity: String,
    pub on_date: String,
    pub occasion: String,
    /// The activity of the register it was handed out at, or empty.
    pub activity_id: String,
}

/// What one donor made possible.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DonorSummary {
    pub donor: String,
    pub items: usize,
    pub produced: i64,
    pub handed_out: i64,
}

fn quantity(raw: &str, min: i64) -> Result<i64, FieldError> {
    match raw.trim().parse::<i64>() {
        Ok(n) if (min..=MAX_QUANTITY).contains(&n) => Ok(n),
        Ok(_) => Err(FieldError::Invalid),
        Err(_) if raw.trim().is_empty() => Err(FieldError::Required),
        Err(_) => Err(FieldError::Invalid),
    }
}

impl App {
    /// The team's materials with their stock.
    pub async fn materials(&self, actor: &Actor) -> Result<Vec<ItemRow>, AppError> {
        let scope = Self::work_team(actor, WorkNeed::View)?;
        let mut c = self.db.conn().await?;
        Ok(materials::list(&mut c, &scope).await?)
    }

    /// One item and its movements.
    pub async fn material(
        &self,
        actor: &Actor,
        id: i64,
    ) -> Result<(ItemRow, Vec<MovementRow>), AppError> {
        let scope = Self::work_team(actor, WorkNeed::View)?;
        let mut c = self.db.conn().await?;
        let item = materials::find(&mut c, &scope, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let moves = materials::movements(&mut c, &scope, id).await?;
        Ok((item, moves))
    }

    /// The team's latest activities, for saying where materials were handed out.
    pub async fn hand_out_occasions(
        &self,
        actor: &Actor,
    ) -> Result<Vec<(ActivityId, String, time::Date)>, AppError> {
        let scope = Self::work_team(actor, WorkNeed::View)?;
        let mut c = self.db.conn().await?;
        let filter = activities::Filter {
            limit: 50,
            ..Default::default()
        };
        let listed = activities::list(&mut c, &scope, &filter).await?;
        Ok(listed
            .page
            .items
            .into_iter()
            .map(|a| (a.id, a.title, a.held_on))
            .collect())
    }

    /// Items whose stock fell under their mark (for the dashboard and the list).
    pub async fn low_stock(&self, actor: &Actor) -> Result<Vec<ItemRow>, AppError> {
        Ok(self
            .materials(actor)
            .await?
            .into_iter()
            .filter(|i| i.low_mark > 0 && i.stock() < i.low_mark)
            .collect())
    }

    /// What each donor paid for, produced and saw handed out.
    pub async fn donor_summary(&self, actor: &Actor) -> Result<Vec<DonorSummary>, AppError> {
        let mut by: BTreeMap<String, DonorSummary> = BTreeMap::new();
        for i in self.materials(actor).await? {
            let s = by.entry(i.donor.clone()).or_insert_with(|| DonorSummary {
                donor: i.donor.clone(),
                ..DonorSummary::default()
            });
            s.items += 1;
            s.produced += i.produced;
            s.handed_out += i.handed_out;
        }
        Ok(by.into_values().collect())
    }

    /// Adds an item with what was produced.
    pub async fn add_material(&self, actor: &Actor, form: &ItemForm) -> Result<i64, AppError> {
        let scope = Self::work_team(actor, WorkNeed::Record)?;
        let team = scope.team();
        let item = form.parse()?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let id = insert_item(&mut tx, &scope, &item, actor.user_id, now).await?;
        let event = AuditEvent::about(Some(team), "material-added", "material", id);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Records production or a hand-out; handing out more than is in stock is refused.
    pub async fn move_material(
        &self,
        actor: &Actor,
        id: i64,
        form: &MovementForm,
    ) -> Result<(), AppError> {
        let scope = Self::work_team(actor, WorkNeed::Record)?;
        let team = scope.team();
        let mut e = FieldErrors::new();
        let direction = match form.direction.as_str() {
            d @ ("produced" | "handed-out") => Some(d),
            _ => {
                e.add("direction", FieldError::Unknown);
                None
            }
        };
        let qty = e.check("quantity", quantity(&form.quantity, 1));
        let on_date = e.check("on_date", text::date(&form.on_date));
        let occasion = e.check("occasion", text::optional(&form.occasion, 300));
        let activity = e.check(
            "activity_id",
            match form.activity_id.trim() {
                "" => Ok(None),
                v => v.parse::<i64>().map(Some).map_err(|_| FieldError::Unknown),
            },
        );
        // A hand-out says where it happened: an activity of the register or in words.
        if direction == Some("handed-out")
            && occasion.as_deref().is_some_and(str::is_empty)
            && matches!(activity, Some(None))
        {
            e.add("occasion", FieldError::Required);
        }
        let activity = activity.flatten();
        let (Some(direction), Some(qty), Some(on_date), Some(occasion), true) =
            (direction, qty, on_date, occasion, e.is_empty())
        else {
            return Err(AppError::Invalid(e));
        };
        // The item is locked, then its stock read and changed, so that two hand-outs at once
        // cannot both take the last items.
        let mut tx = self.db.begin().await?;
        if !materials::lock(&mut tx, &scope, id).await? {
            return Err(AppError::NotFound);
        }
        let item = materials::find(&mut tx, &scope, id)
            .await?
            .ok_or(AppError::NotFound)?;
        if let Some(a) = activity {
            if activities::find(&mut tx, &scope, ActivityId(a))
                .await?
                .is_none()
            {
                let mut e = FieldErrors::new();
                e.add("activity_id", FieldError::Unknown);
                return Err(AppError::Invalid(e));
            }
        }
        if direction == "handed-out" && qty > item.stock() {
            let mut e = FieldErrors::new();
            e.add("quantity", FieldError::BeyondStock);
            return Err(AppError::Invalid(e));
        }
        materials::move_stock(
            &mut tx,
            &NewMovement {
                team: &scope,
                item: id,
                on_date: &text::iso_date(on_date),
                direction,
                quantity: qty,
                occasion: &occasion,
                activity,
                by: actor.user_id,
                at: self.now(),
            },
        )
        .await?;
        let event = AuditEvent::about(Some(team), "material-moved", "material", id);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Adds an item with its production, the stock it starts with (the form and the import).
pub(crate) async fn insert_item(
    c: &mut spona_store::Connection,
    scope: &TeamScope,
    item: &ItemDraft,
    by: UserId,
    now: i64,
) -> Result<i64, AppError> {
    let id = materials::insert(
        c,
        &NewItem {
            team: scope,
            name: &item.name,
            kind: &item.kind,
            donor: &item.donor,
            project: &item.project,
            low_mark: item.low_mark,
            at: now,
        },
    )
    .await?;
    materials::move_stock(
        c,
        &NewMovement {
            team: scope,
            item: id,
            on_date: &text::iso_date(item.on_date),
            direction: "produced",
            quantity: item.produced,
            occasion: "",
            activity: None,
            by,
            at: now,
        },
    )
    .await?;
    Ok(id)
}
