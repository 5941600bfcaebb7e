//! Team members: who represents which institution, in which role, from when until when.
//! Memberships end (a to-date) or are deactivated; they are never deleted, and every change
//! is kept in their history.

use super::PAGE_SIZE;
use crate::audit::{AuditEvent, Author};
use crate::forms::MemberForm;
use crate::{App, AppError, Page};
use spona_domain::access::{decide, Action, Actor};
use spona_domain::ids::{InstitutionId, MemberId, TeamId, UserId};
use spona_domain::registry::{ChangeKind, MemberDraft, Team};
use spona_domain::text::iso_date;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_i18n::{Collator, Locale};
use spona_store::history::{self, Subject};
use spona_store::members::{self, Filter, MemberEntry};
use spona_store::{institutions, StoreError};

/// What a list of members asks for, as typed in the URL.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct MemberQuery {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub institution: String,
    #[serde(default)]
    pub inactive: Option<String>,
    pub page: Option<i64>,
    /// The reader's locale, whose alphabet orders the names (never read from the URL).
    #[serde(skip)]
    pub locale: Locale,
}

/// One membership with what the actor may do with it, and its history.
#[derive(Clone, Debug)]
pub struct MemberView {
    pub team: Team,
    pub entry: MemberEntry,
    pub can_edit: bool,
    pub history: Vec<history::Change>,
}

impl App {
    async fn members_team(&self, actor: &Actor, team_code: &str) -> Result<Team, AppError> {
        let team = self.visible_team(actor, team_code).await?;
        if decide(actor, Action::ViewMembers(team.id)).allowed() {
            Ok(team)
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// A page of a team's members.
    pub async fn members(
        &self,
        actor: &Actor,
        team_code: &str,
        q: &MemberQuery,
    ) -> Result<(Team, Page<MemberEntry>), AppError> {
        let team = self.members_team(actor, team_code).await?;
        let page = q.page.unwrap_or(1).clamp(1, 100_000);
        // As institutions: a team's members are few, ordered whole in the reader's alphabet,
        // then paged.
        let filter = Filter {
            query: q.q.chars().take(100).collect(),
            institution: q.institution.parse().ok().map(InstitutionId),
            include_inactive: q.inactive.is_some(),
            limit: i64::MAX,
            offset: 0,
        };
        let mut c = self.db.conn().await?;
        let all = members::list(&mut c, team.id, &filter).await?;
        let collator = Collator::new(q.locale);
        let items = collator.page(
            all.items,
            |m| m.member.full_name.as_str(),
            |m| !m.member.active,
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

    /// One membership.
    pub async fn member(
        &self,
        actor: &Actor,
        team_code: &str,
        id: MemberId,
    ) -> Result<MemberView, AppError> {
        let team = self.members_team(actor, team_code).await?;
        let mut c = self.db.conn().await?;
        let entry = members::find(&mut c, team.id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let history = history::list(&mut c, team.id, Subject::Member, id.0).await?;
        Ok(MemberView {
            can_edit: decide(actor, Action::EditRegistry(team.id)).allowed(),
            team,
            entry,
            history,
        })
    }

    /// Adds a member to the team.
    pub async fn create_member(
        &self,
        actor: &Actor,
        team_code: &str,
        form: &MemberForm,
    ) -> Result<MemberId, AppError> {
        let team = self.editable_team(actor, team_code).await?;
        let draft = form.parse(self.today())?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        require_team_institution(&mut tx, &team, draft.institution_id).await?;
        let id = insert_member(&mut tx, team.id, &draft, Some(actor.user_id), now).await?;
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(Some(team.id), "member-created", "member", id.0),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Changes a membership (role, institution, dates…), keeping the old values in history.
    pub async fn update_member(
        &self,
        actor: &Actor,
        team_code: &str,
        id: MemberId,
        form: &MemberForm,
    ) -> Result<(), AppError> {
        let team = self.editable_team(actor, team_code).await?;
        let draft = form.parse(self.today())?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        require_team_institution(&mut tx, &team, draft.institution_id).await?;
        let before = members::find(&mut tx, team.id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let version = form.version.unwrap_or(before.member.version);
        members::update(&mut tx, team.id, id, version, &draft, now).await?;
        let details = describe_changes(&before, &draft);
        history::record(
            &mut tx,
            &history::Entry {
                team: team.id,
                subject: Subject::Member,
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
            AuditEvent::about(Some(team.id), "member-edited", "member", id.0),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Deactivates or reactivates a membership; nothing is deleted.
    pub async fn set_member_active(
        &self,
        actor: &Actor,
        team_code: &str,
        id: MemberId,
        version: i64,
        active: bool,
    ) -> Result<(), AppError> {
        let team = self.editable_team(actor, team_code).await?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        members::find(&mut tx, team.id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        members::set_active(&mut tx, team.id, id, version, active, now).await?;
        let change = if active {
            ChangeKind::Reactivated
        } else {
            ChangeKind::Deactivated
        };
        history::record(
            &mut tx,
            &history::Entry {
                team: team.id,
                subject: Subject::Member,
                subject_id: id.0,
                change,
                details: "",
                actor: Some(actor.user_id),
                at: now,
            },
        )
        .await?;
        let action = if active {
            "member-reactivated"
        } else {
            "member-deactivated"
        };
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(Some(team.id), action, "member", id.0),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// The institution must be an active one of the same team; otherwise an error at the field.
async fn require_team_institution(
    c: &mut spona_store::Connection,
    team: &Team,
    id: InstitutionId,
) -> Result<(), AppError> {
    match institutions::find(c, team.id, id).await {
        Ok(Some(i)) if i.active => Ok(()),
        Ok(_) => {
            let mut e = FieldErrors::new();
            e.add("institution_id", FieldError::Unknown);
            Err(AppError::Invalid(e))
        }
        Err(StoreError::Conflict) => Err(AppError::Conflict),
        Err(other) => Err(other.into()),
    }
}

fn describe_changes(before: &MemberEntry, after: &MemberDraft) -> String {
    let b = &before.member;
    let mut lines = Vec::new();
    let mut diff = |field: &str, old: String, new: String| {
        if old != new {
            lines.push(format!("{field}: {old} → {new}"));
        }
    };
    diff("full_name", b.full_name.clone(), after.full_name.clone());
    diff("position", b.position.clone(), after.position.clone());
    diff(
        "team_role",
        b.team_role.code().into(),
        after.team_role.code().into(),
    );
    diff(
        "institution",
        b.institution_id.0.to_string(),
        after.institution_id.0.to_string(),
    );
    diff(
        "from_date",
        iso_date(b.from_date),
        iso_date(after.from_date),
    );
    diff(
        "to_date",
        b.to_date.map(iso_date).unwrap_or_default(),
        after.to_date.map(iso_date).unwrap_or_default(),
    );
    diff("email", b.email.clone(), after.email.clone());
    diff("phone", b.phone.clone(), after.phone.clone());
    lines.join("\n")
}

/// Adds a membership and starts its history (the form and the import alike); `by` is none
/// for the operator at the console.
pub(crate) async fn insert_member(
    c: &mut spona_store::Connection,
    team: TeamId,
    draft: &MemberDraft,
    by: Option<UserId>,
    now: i64,
) -> Result<MemberId, AppError> {
    let id = members::insert(c, team, draft, now).await?;
    let details = format!(
        "{} ({}, {})",
        draft.full_name,
        draft.team_role.code(),
        iso_date(draft.from_date)
    );
    history::record(
        c,
        &history::Entry {
            team,
            subject: Subject::Member,
            subject_id: id.0,
            change: ChangeKind::Created,
            details: &details,
            actor: by,
            at: now,
        },
    )
    .await?;
    Ok(id)
}
