//! Institutions and partner organisations: list, search, view, create, edit, deactivate.

use super::{duplicate_to_field, PAGE_SIZE};
use crate::audit::{AuditEvent, Author};
use crate::forms::InstitutionForm;
use crate::{App, AppError, Page};
use spona_domain::access::{decide, Action, Actor};
use spona_domain::ids::{InstitutionId, TeamId, UserId};
use spona_domain::registry::{
    ChangeKind, Institution, InstitutionDraft, InstitutionKind, Standing, Team,
};
use spona_i18n::{Collator, Locale};
use spona_store::history::{self, Subject};
use spona_store::institutions::{self, Filter, Sort};

/// What a list of institutions asks for, as typed in the URL.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct InstitutionQuery {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub standing: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub inactive: Option<String>,
    #[serde(default)]
    pub sort: String,
    pub page: Option<i64>,
    /// The reader's locale, whose alphabet orders the names (never read from the URL).
    #[serde(skip)]
    pub locale: Locale,
}

/// One institution with what the actor may do with it, and its history.
#[derive(Clone, Debug)]
pub struct InstitutionView {
    pub team: Team,
    pub institution: Institution,
    pub can_edit: bool,
    pub history: Vec<history::Change>,
}

impl App {
    /// A page of a team's institutions or partners.
    pub async fn institutions(
        &self,
        actor: &Actor,
        team_code: &str,
        q: &InstitutionQuery,
    ) -> Result<(Team, Page<Institution>), AppError> {
        let team = self.visible_team(actor, team_code).await?;
        let page = q.page.unwrap_or(1).clamp(1, 100_000);
        let by_kind = q.sort == "kind";
        // A team's registry holds tens of entries: the whole filtered list is read and ordered
        // in the reader's alphabet (which SQL on either engine does not know), then paged.
        let filter = Filter {
            standing: Standing::from_code(&q.standing),
            query: q.q.chars().take(100).collect(),
            kind: InstitutionKind::from_code(&q.kind),
            include_inactive: q.inactive.is_some(),
            sort: Sort::Name,
            limit: i64::MAX,
            offset: 0,
        };
        let mut c = self.db.conn().await?;
        let all = institutions::list(&mut c, team.id, &filter).await?;
        let collator = Collator::new(q.locale);
        let items = collator.page(
            all.items,
            |i| collator.pick(&i.name_cyrl, &i.name_latn),
            |i| (!i.active, by_kind.then(|| i.kind.code())),
            (page - 1) * PAGE_SIZE,
            PAGE_SIZE,
        );
        Ok((
            team,
            Page {
                items,
                total: all.total,
            },
        ))
    }

    /// The active institutions of a team, to choose from in a form: members, then partners,
    /// each in азбука order.
    pub async fn institution_choices(
        &self,
        actor: &Actor,
        team_code: &str,
    ) -> Result<Vec<Institution>, AppError> {
        self.institution_choices_in(actor, team_code, Locale::SrCyrl)
            .await
    }

    /// The active institutions of a team, members then partners, each in the order of the
    /// reader's alphabet.
    pub async fn institution_choices_in(
        &self,
        actor: &Actor,
        team_code: &str,
        locale: Locale,
    ) -> Result<Vec<Institution>, AppError> {
        let team = self.visible_team(actor, team_code).await?;
        let mut c = self.db.conn().await?;
        let all = institutions::list_active(&mut c, team.id).await?;
        let collator = Collator::new(locale);
        let standing = |i: &Institution| i.standing != Standing::Member;
        Ok(collator.page(
            all,
            |i| collator.pick(&i.name_cyrl, &i.name_latn),
            standing,
            0,
            i64::MAX,
        ))
    }

    /// One institution of a team.
    pub async fn institution(
        &self,
        actor: &Actor,
        team_code: &str,
        id: InstitutionId,
    ) -> Result<InstitutionView, AppError> {
        let team = self.visible_team(actor, team_code).await?;
        let mut c = self.db.conn().await?;
        let institution = institutions::find(&mut c, team.id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let can_edit = decide(actor, Action::EditRegistry(team.id)).allowed();
        let history = history::list(&mut c, team.id, Subject::Institution, id.0).await?;
        Ok(InstitutionView {
            team,
            institution,
            can_edit,
            history,
        })
    }

    /// Adds an institution or partner to a team.
    pub async fn create_institution(
        &self,
        actor: &Actor,
        team_code: &str,
        form: &InstitutionForm,
    ) -> Result<InstitutionId, AppError> {
        let team = self.editable_team(actor, team_code).await?;
        let draft = form.parse()?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let id = insert_institution(&mut tx, team.id, &draft, Some(actor.user_id), now).await?;
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(Some(team.id), "institution-created", "institution", id.0),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Changes an institution; refused as a conflict if someone changed it meanwhile.
    pub async fn update_institution(
        &self,
        actor: &Actor,
        team_code: &str,
        id: InstitutionId,
        form: &InstitutionForm,
    ) -> Result<(), AppError> {
        let team = self.editable_team(actor, team_code).await?;
        let draft = form.parse()?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let before = institutions::find(&mut tx, team.id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let version = form.version.unwrap_or(before.version);
        institutions::update(&mut tx, team.id, id, version, &draft, now)
            .await
            .map_err(duplicate_to_field)?;
        let details = describe_changes(&before, &draft);
        history::record(
            &mut tx,
            &history::Entry {
                team: team.id,
                subject: Subject::Institution,
                subject_id: id.0,
                change: ChangeKind::Edited,
                details: &details,
                actor: Some(actor.user_id),
                at: now,
            },
        )
        .await?;
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(Some(team.id), "institution-edited", "institution", id.0),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Deactivates or reactivates an institution; nothing is ever deleted.
    pub async fn set_institution_active(
        &self,
        actor: &Actor,
        team_code: &str,
        id: InstitutionId,
        version: i64,
        active: bool,
    ) -> Result<(), AppError> {
        let team = self.editable_team(actor, team_code).await?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        institutions::find(&mut tx, team.id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        institutions::set_active(&mut tx, team.id, id, version, active, now).await?;
        let change = if active {
            ChangeKind::Reactivated
        } else {
            ChangeKind::Deactivated
        };
        history::record(
            &mut tx,
            &history::Entry {
                team: team.id,
                subject: Subject::Institution,
                subject_id: id.0,
                change,
                details: "",
                actor: Some(actor.user_id),
                at: now,
            },
        )
        .await?;
        let action = if active {
            "institution-reactivated"
        } else {
            "institution-deactivated"
        };
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(Some(team.id), action, "institution", id.0),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Adds an institution with the first entry of its history (the form and the import both).
pub(crate) async fn insert_institution(
    c: &mut spona_store::Connection,
    team: TeamId,
    draft: &InstitutionDraft,
    by: Option<UserId>,
    now: i64,
) -> Result<InstitutionId, AppError> {
    let id = institutions::insert(c, team, draft, now)
        .await
        .map_err(duplicate_to_field)?;
    history::record(
        c,
        &history::Entry {
            team,
            subject: Subject::Institution,
            subject_id: id.0,
            change: ChangeKind::Created,
            details: &draft.name_cyrl,
            actor: by,
            at: now,
        },
    )
    .await?;
    Ok(id)
}

/// `field: old → new` for each changed field.
fn describe_changes(before: &Institution, after: &InstitutionDraft) -> String {
    let mut lines = Vec::new();
    let mut diff = |field: &str, old: &str, new: &str| {
        if old != new {
            lines.push(format!("{field}: {old} → {new}"));
        }
    };
    diff("code", &before.code, &after.code);
    diff("standing", before.standing.code(), after.standing.code());
    diff("kind", before.kind.code(), after.kind.code());
    diff("name_cyrl", &before.name_cyrl, &after.name_cyrl);
    diff("name_latn", &before.name_latn, &after.name_latn);
    diff("short_name", &before.short_name, &after.short_name);
    diff(
        "is_lead",
        &before.is_lead.to_string(),
        &after.is_lead.to_string(),
    );
    diff(
        "is_donor",
        &before.is_donor.to_string(),
        &after.is_donor.to_string(),
    );
    diff("address", &before.address, &after.address);
    diff("phone", &before.phone, &after.phone);
    diff("email", &before.email, &after.email);
    if before.cooperation != after.cooperation {
        lines.push("cooperation".into());
    }
    lines.join("\n")
}
