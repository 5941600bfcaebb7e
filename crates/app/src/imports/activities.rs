//! Activities from a spreadsheet: each row filled into the activity form and parsed by it.
//! The place is typed (the team's list of venues is not matched), and no row links to the
//! plan: both are chosen by hand afterwards, in the form.

use super::columns::{cell_of, column, term, Column};
use super::judge::RowKind;
use super::OneTimeLink;
use crate::activities::ActivityForm;
use crate::AppError;
use spona_domain::access::{Actor, TeamScope};
use spona_domain::activities::{ActivityDraft, ActivityKind, Medium};
use spona_domain::ids::UserId;
use spona_domain::text::iso_date;
use spona_domain::validation::FieldErrors;
use spona_i18n::Catalog;
use spona_store::{activities, Connection};
use std::collections::HashSet;

/// The columns, in the template's order.
pub const COLUMNS: &[Column] = &[
    column("held_on", "import-col-date", true),
    column("title", "import-col-title", true),
    column("kind", "import-col-kind", true),
    column("medium", "import-col-medium", false),
    column("place", "import-col-place", true),
    column("partners", "import-col-partners", false),
    column("pupils", "import-col-pupils", false),
    column("teachers", "import-col-teachers", false),
    column("parents", "import-col-parents", false),
    column("officials", "import-col-officials", false),
    column("public", "import-col-public", false),
    column("description", "import-col-description", false),
    column("materials", "import-col-materials", false),
];

/// The activities of one team, as the access check scoped them.
pub(super) struct ActivityRows<'a> {
    catalog: &'a Catalog,
    scope: TeamScope,
    by: Option<UserId>,
    /// When the rows are saved (Unix seconds).
    now: i64,
    kinds: Vec<&'static str>,
    media: Vec<&'static str>,
}

impl<'a> ActivityRows<'a> {
    pub(super) fn new(catalog: &'a Catalog, scope: TeamScope, actor: &Actor, now: i64) -> Self {
        ActivityRows {
            catalog,
            scope,
            // The operator at the console has no account to name.
            by: Some(actor.user_id).filter(|u| u.0 > 0),
            now,
            kinds: ActivityKind::ALL.iter().map(|k| k.code()).collect(),
            media: Medium::ALL.iter().map(|m| m.code()).collect(),
        }
    }
}

impl RowKind for ActivityRows<'_> {
    type Draft = ActivityDraft;

    fn parse(&self, cells: &[String]) -> Result<ActivityDraft, FieldErrors> {
        let cell = |field: &str| cell_of(COLUMNS, cells, field);
        let form = ActivityForm {
            held_on: cell("held_on"),
            title: cell("title"),
            kind: term(self.catalog, &cell("kind"), "activity-kind-", &self.kinds),
            medium: term(
                self.catalog,
                &cell("medium"),
                "activity-medium-",
                &self.media,
            ),
            place: cell("place"),
            partners: cell("partners"),
            pupils: cell("pupils"),
            teachers: cell("teachers"),
            parents: cell("parents"),
            officials: cell("officials"),
            public: cell("public"),
            description: cell("description"),
            materials: cell("materials"),
            ..ActivityForm::default()
        };
        form.parse()
    }

    fn key(&self, d: &ActivityDraft) -> String {
        key_of(&iso_date(d.held_on), &d.title, &d.place)
    }

    async fn existing(&self, c: &mut Connection) -> Result<HashSet<String>, AppError> {
        Ok(activities::recorded_keys(c, &self.scope)
            .await?
            .iter()
            .map(|(day, title, place)| key_of(day, title, place))
            .collect())
    }

    async fn save(
        &self,
        c: &mut Connection,
        d: &ActivityDraft,
    ) -> Result<Option<OneTimeLink>, AppError> {
        activities::insert_by(c, &self.scope, d, &d.place, self.by, self.now).await?;
        Ok(None)
    }
}

/// An activity's key: its day, title and place.
fn key_of(day: &str, title: &str, place: &str) -> String {
    format!("{day}\n{title}\n{place}")
}
