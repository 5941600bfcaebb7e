//! Breaking the glass: a case worker who must act at once and was not given the case may read
//! it for an hour, after writing why. The reason is audited and the owning institution is
//! notified. A child's case, or that of a person without legal capacity, cannot be broken into.

use super::access_to;
use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::team_cases;
use spona_domain::access::Actor;
use spona_domain::cases::{emergency_allowed, CaseAccess, CaseCode, CaseId, Reason};
use spona_domain::ids::{InstitutionId, TeamId};
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::alerts::{self, Recipient};
use spona_store::{cases, referrals, teams};

/// How long an emergency grant lasts, in seconds.
pub const EMERGENCY_SECONDS: i64 = 60 * 60;

impl App {
    /// Grants the actor an hour of read access to a case of their team, with the reason.
    pub async fn break_glass(
        &self,
        actor: &Actor,
        case_id: CaseId,
        reason: &str,
    ) -> Result<(), AppError> {
        let desk = team_cases(actor)?;
        let team_id = desk.team();
        let reason = Reason::parse(reason).map_err(|e| {
            let mut errors = FieldErrors::new();
            errors.add("reason", e);
            AppError::Invalid(errors)
        })?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let row = cases::find(&mut tx, &desk, case_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let access = access_to(
            actor,
            &row,
            &referrals::for_case(&mut tx, &desk, case_id).await?,
        );
        if matches!(
            access,
            CaseAccess::Full | CaseAccess::Shared(_) | CaseAccess::Kept
        ) {
            return Ok(());
        }
        let protected = row.may_be_child != 0 || row.lacks_capacity != 0;
        emergency_allowed(actor, TeamId(row.team_id), protected)
            .map_err(|_| AppError::Forbidden)?;
        alerts::grant(
            &mut tx,
            team_id,
            case_id,
            actor.user_id,
            reason.as_str(),
            now,
            now + EMERGENCY_SECONDS,
        )
        .await?;
        let owner = Recipient::Institution(InstitutionId(row.owner_institution_id));
        self.notify(&mut tx, team_id, owner, "break-glass", Some(case_id))
            .await?;
        let mut event = AuditEvent::about(Some(team_id), "break-glass", "case", case_id.0);
        event.reason = reason.as_str();
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Breaks the glass on a case named by its code (`ЛЕ-2026-0007` or `LE-2026-0007`), as
    /// people know it; returns the case's id. A code of another team's prefix, or of no case,
    /// is "not found"; a badly written code or a missing reason is refused at its field.
    pub async fn break_glass_by_code(
        &self,
        actor: &Actor,
        code: &str,
        reason: &str,
    ) -> Result<CaseId, AppError> {
        let desk = team_cases(actor)?;
        let team_id = desk.team();
        // Only case workers may ask; anyone else learns nothing of which codes exist.
        spona_domain::access::cases_section(actor)?;
        let mut e = FieldErrors::new();
        let code = e.check(
            "code",
            CaseCode::parse(code).map_err(|_| FieldError::Invalid),
        );
        e.check("reason", Reason::parse(reason));
        let Some(code) = code.filter(|_| e.is_empty()) else {
            return Err(AppError::Invalid(e));
        };
        let mut c = self.db.conn().await?;
        let team = teams::find(&mut c, team_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let row = cases::find_by_code(&mut c, &desk, i64::from(code.year()), i64::from(code.seq()))
            .await?
            .ok_or(AppError::NotFound)?;
        drop(c);
        let ours = super::code_of(&team.city, row.year, row.seq);
        if ours.as_ref().map(CaseCode::prefix) != Some(code.prefix()) {
            return Err(AppError::NotFound);
        }
        self.break_glass(actor, row.id, reason).await?;
        Ok(row.id)
    }

    /// When the actor's emergency access to a case ends, if they hold it now.
    pub async fn emergency_until(
        &self,
        actor: &Actor,
        case_id: CaseId,
    ) -> Result<Option<i64>, AppError> {
        let mut c = self.db.conn().await?;
        Ok(cases::emergency_until(&mut c, case_id, actor.user_id, self.now()).await?)
    }
}
