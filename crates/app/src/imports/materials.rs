//! Materials with their stock, from a spreadsheet: each row an item filled into the new-item
//! form and parsed by it, its quantity the stock it starts with (recorded as produced on the
//! row's date). An item is found by its name and donor, so a file of what a team holds today
//! can be imported again without doubling anything; later hand-outs are recorded by hand.

use super::columns::{cell_of, column, term, Column};
use super::judge::RowKind;
use super::OneTimeLink;
use crate::materials::{insert_item, ItemDraft, ItemForm, MATERIAL_KINDS};
use crate::AppError;
use spona_domain::access::{Actor, TeamScope};
use spona_domain::ids::UserId;
use spona_domain::script::fold;
use spona_domain::validation::FieldErrors;
use spona_i18n::Catalog;
use spona_store::{materials, Connection};
use std::collections::HashSet;

/// The columns, in the template's order.
pub const COLUMNS: &[Column] = &[
    column("name", "import-col-material", true),
    column("kind", "import-col-material-kind", true),
    column("donor", "import-col-donor-name", false),
    column("project", "import-col-project", false),
    column("produced", "import-col-quantity", true),
    column("low_mark", "import-col-low-mark", false),
    column("on_date", "import-col-date", true),
];

/// The materials of one team.
pub(super) struct MaterialRows<'a> {
    catalog: &'a Catalog,
    scope: TeamScope,
    by: UserId,
    now: i64,
}

impl<'a> MaterialRows<'a> {
    pub(super) fn new(catalog: &'a Catalog, scope: TeamScope, actor: &Actor, now: i64) -> Self {
        MaterialRows {
            catalog,
            scope,
            by: actor.user_id,
            now,
        }
    }
}

impl RowKind for MaterialRows<'_> {
    type Draft = ItemDraft;

    fn parse(&self, cells: &[String]) -> Result<ItemDraft, FieldErrors> {
        let cell = |field: &str| cell_of(COLUMNS, cells, field);
        ItemForm {
            name: cell("name"),
            kind: term(
                self.catalog,
                &cell("kind"),
                "material-kind-",
                &MATERIAL_KINDS,
            ),
            donor: cell("donor"),
            project: cell("project"),
            produced: cell("produced"),
            low_mark: cell("low_mark"),
            on_date: cell("on_date"),
        }
        .parse()
    }

    fn key(&self, d: &ItemDraft) -> String {
        key_of(&d.name, &d.donor)
    }

    async fn existing(&self, c: &mut Connection) -> Result<HashSet<String>, AppError> {
        Ok(materials::list(c, &self.scope)
            .await?
            .iter()
            .map(|i| key_of(&i.name, &i.donor))
            .collect())
    }

    async fn save(
        &self,
        c: &mut Connection,
        d: &ItemDraft,
    ) -> Result<Option<OneTimeLink>, AppError> {
        insert_item(c, &self.scope, d, self.by, self.now).await?;
        Ok(None)
    }
}

/// An item's key: its name and donor, in any script and case.
fn key_of(name: &str, donor: &str) -> String {
    format!("{}\n{}", fold(name), fold(donor))
}
