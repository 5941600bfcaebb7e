//! Institutions and partner organisations from a spreadsheet: each row filled into the
//! institution form and parsed by it. An institution is found by its code in the team, so a
//! file names the same code for the same institution every time; members imported after it
//! name it by that code or its names.

use super::columns::{cell_of, column, term, yes_no, Column};
use super::judge::RowKind;
use super::OneTimeLink;
use crate::forms::InstitutionForm;
use crate::AppError;
use spona_domain::access::Actor;
use spona_domain::ids::{TeamId, UserId};
use spona_domain::registry::{InstitutionDraft, InstitutionKind, Standing};
use spona_domain::validation::FieldErrors;
use spona_i18n::Catalog;
use spona_store::{institutions, Connection};
use std::collections::HashSet;

/// The columns, in the template's order.
pub const COLUMNS: &[Column] = &[
    column("code", "import-col-code", true),
    column("standing", "import-col-standing", true),
    column("kind", "import-col-institution-kind", true),
    column("name_cyrl", "import-col-name-cyrl", true),
    column("name_latn", "import-col-name-latn", false),
    column("short_name", "import-col-short-name", true),
    column("is_lead", "import-col-lead", false),
    column("is_donor", "import-col-donor", false),
    column("cooperation", "import-col-cooperation", false),
    column("address", "import-col-address", false),
    column("phone", "import-col-phone", false),
    column("email", "import-col-email", false),
];

/// The institutions of one team.
pub(super) struct InstitutionRows<'a> {
    catalog: &'a Catalog,
    team: TeamId,
    by: Option<UserId>,
    now: i64,
    standings: Vec<&'static str>,
    kinds: Vec<&'static str>,
}

impl<'a> InstitutionRows<'a> {
    pub(super) fn new(catalog: &'a Catalog, team: TeamId, actor: &Actor, now: i64) -> Self {
        InstitutionRows {
            catalog,
            team,
            by: Some(actor.user_id).filter(|u| u.0 > 0),
            now,
            standings: Standing::ALL.iter().map(|s| s.code()).collect(),
            kinds: InstitutionKind::ALL.iter().map(|k| k.code()).collect(),
        }
    }
}

impl RowKind for InstitutionRows<'_> {
    type Draft = InstitutionDraft;

    fn parse(&self, cells: &[String]) -> Result<InstitutionDraft, FieldErrors> {
        let cell = |field: &str| cell_of(COLUMNS, cells, field);
        let mut flags = FieldErrors::new();
        let mut flag = |field: &'static str| match yes_no(&cell(field)) {
            Ok(ticked) => ticked.unwrap_or(false).then(|| "on".to_string()),
            Err(e) => {
                flags.add(field, e);
                None
            }
        };
        let is_lead = flag("is_lead");
        let is_donor = flag("is_donor");
        let form = InstitutionForm {
            code: cell("code"),
            standing: term(
                self.catalog,
                &cell("standing"),
                "standing-",
                &self.standings,
            ),
            kind: term(self.catalog, &cell("kind"), "kind-", &self.kinds),
            name_cyrl: cell("name_cyrl"),
            name_latn: cell("name_latn"),
            short_name: cell("short_name"),
            is_lead,
            is_donor,
            cooperation: cell("cooperation"),
            address: cell("address"),
            phone: cell("phone"),
            email: cell("email"),
            version: None,
        };
        match form.parse() {
            Ok(draft) if flags.is_empty() => Ok(draft),
            Ok(_) => Err(flags),
            Err(mut e) => {
                for (field, error) in flags.iter() {
                    e.add(field, *error);
                }
                Err(e)
            }
        }
    }

    fn key(&self, d: &InstitutionDraft) -> String {
        d.code.clone()
    }

    async fn existing(&self, c: &mut Connection) -> Result<HashSet<String>, AppError> {
        Ok(institutions::codes(c, self.team)
            .await?
            .into_iter()
            .collect())
    }

    async fn save(
        &self,
        c: &mut Connection,
        d: &InstitutionDraft,
    ) -> Result<Option<OneTimeLink>, AppError> {
        // As an institution added in the form: its history starts with it.
        crate::registry::insert_institution(c, self.team, d, self.by, self.now).await?;
        Ok(None)
    }
}
