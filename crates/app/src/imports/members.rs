//! Members from a spreadsheet: each row filled into the member form and parsed by it. The
//! institution is named as the team's registry names it (its code, short or full name, in
//! either script); a person's earlier memberships are rows of their own, with their dates,
//! so a file carries the history of who represented whom.

use super::columns::{cell_of, column, institution_named, term, Column};
use super::judge::RowKind;
use super::OneTimeLink;
use crate::forms::MemberForm;
use crate::AppError;
use spona_domain::access::Actor;
use spona_domain::ids::{TeamId, UserId};
use spona_domain::registry::{Institution, MemberDraft, TeamRole};
use spona_domain::text::iso_date;
use spona_domain::validation::FieldErrors;
use spona_i18n::Catalog;
use spona_store::{institutions, members, Connection};
use std::collections::HashSet;
use time::Date;

/// The columns, in the template's order.
pub const COLUMNS: &[Column] = &[
    column("institution_id", "import-col-institution", true),
    column("full_name", "import-col-full-name", true),
    column("position", "import-col-position", false),
    column("team_role", "import-col-team-role", true),
    column("email", "import-col-email", false),
    column("phone", "import-col-phone", false),
    column("from_date", "import-col-from", true),
    column("to_date", "import-col-to", false),
];

/// The memberships of one team, with its active institutions to name.
pub(super) struct MemberRows<'a> {
    catalog: &'a Catalog,
    team: TeamId,
    institutions: Vec<Institution>,
    by: Option<UserId>,
    today: Date,
    now: i64,
    roles: Vec<&'static str>,
}

impl<'a> MemberRows<'a> {
    pub(super) async fn load(
        c: &mut Connection,
        catalog: &'a Catalog,
        team: TeamId,
        actor: &Actor,
        today: Date,
        now: i64,
    ) -> Result<MemberRows<'a>, AppError> {
        Ok(MemberRows {
            catalog,
            team,
            institutions: institutions::list_active(c, team).await?,
            by: Some(actor.user_id).filter(|u| u.0 > 0),
            today,
            now,
            roles: TeamRole::ALL.iter().map(|r| r.code()).collect(),
        })
    }

    /// The id of the institution the cell names, for the form; what names none is left as
    /// written, which the form refuses as an unknown choice.
    fn institution(&self, written: &str) -> String {
        if written.trim().is_empty() {
            return String::new();
        }
        institution_named(&self.institutions, written)
            .map(|i| i.id.0.to_string())
            .unwrap_or_else(|| "?".into())
    }
}

impl RowKind for MemberRows<'_> {
    type Draft = MemberDraft;

    fn parse(&self, cells: &[String]) -> Result<MemberDraft, FieldErrors> {
        let cell = |field: &str| cell_of(COLUMNS, cells, field);
        let form = MemberForm {
            institution_id: self.institution(&cell("institution_id")),
            full_name: cell("full_name"),
            position: cell("position"),
            team_role: term(self.catalog, &cell("team_role"), "team-role-", &self.roles),
            email: cell("email"),
            phone: cell("phone"),
            from_date: cell("from_date"),
            to_date: cell("to_date"),
            version: None,
        };
        form.parse(self.today)
    }

    fn key(&self, d: &MemberDraft) -> String {
        key_of(
            d.institution_id.0,
            &d.full_name,
            d.team_role.code(),
            &iso_date(d.from_date),
        )
    }

    async fn existing(&self, c: &mut Connection) -> Result<HashSet<String>, AppError> {
        Ok(members::held_keys(c, self.team)
            .await?
            .iter()
            .map(|(institution, name, role, from)| key_of(*institution, name, role, from))
            .collect())
    }

    async fn save(
        &self,
        c: &mut Connection,
        d: &MemberDraft,
    ) -> Result<Option<OneTimeLink>, AppError> {
        // As a membership added in the form: its history starts with it.
        crate::registry::insert_member(c, self.team, d, self.by, self.now).await?;
        Ok(None)
    }
}

/// A membership's key: the institution, the person, the role and the first day.
fn key_of(institution: i64, name: &str, role: &str, from: &str) -> String {
    format!("{institution}\n{name}\n{role}\n{from}")
}
