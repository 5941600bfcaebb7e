//! The in-app inbox of notifications, and the background job that escalates overdue
//! referrals. Notifications never carry personal data: a kind and a case number only.

mod escalation;

use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::cases::CaseId;
use spona_domain::ids::InstitutionId;
use spona_store::alerts::{self, NotificationRow};
use spona_store::institutions;

/// A notification for the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notification {
    pub id: i64,
    /// What happened: referral-received, urgent-referral-received, referral-overdue, break-glass.
    pub kind: String,
    pub case_id: Option<CaseId>,
    /// The short name of the institution it names (to coordinate with), if any.
    pub about_institution: Option<String>,
    pub created_at: i64,
    pub unread: bool,
}

impl From<NotificationRow> for Notification {
    fn from(r: NotificationRow) -> Notification {
        Notification {
            id: r.id,
            kind: r.kind,
            case_id: r.case_id.map(CaseId),
            about_institution: None,
            created_at: r.created_at,
            unread: r.read_at.is_none(),
        }
    }
}

impl App {
    /// The reader's notifications (their own and their institution's), unread first.
    pub async fn notifications(&self, actor: &Actor) -> Result<Vec<Notification>, AppError> {
        let team = actor.team_id.ok_or(AppError::Forbidden)?;
        let mut c = self.db.conn().await?;
        let rows =
            alerts::for_reader(&mut c, team, actor.user_id, actor.institution_id, 100).await?;
        let mut list = Vec::with_capacity(rows.len());
        for r in rows {
            let about = r.about_institution_id;
            let mut n = Notification::from(r);
            if let Some(id) = about {
                n.about_institution = institutions::find(&mut c, team, InstitutionId(id))
                    .await?
                    .map(|i| i.short_name);
            }
            list.push(n);
        }
        Ok(list)
    }

    /// How many of the reader's notifications are unread (up to 99, then "99+" is enough).
    pub async fn unread_notifications(&self, actor: &Actor) -> Result<i64, AppError> {
        let team = actor.team_id.ok_or(AppError::Forbidden)?;
        let mut c = self.db.conn().await?;
        Ok(
            alerts::unread_for_reader(&mut c, team, actor.user_id, actor.institution_id, 99)
                .await?,
        )
    }

    /// Marks the reader's notifications read.
    pub async fn mark_notifications_read(&self, actor: &Actor) -> Result<(), AppError> {
        let team = actor.team_id.ok_or(AppError::Forbidden)?;
        let mut tx = self.db.begin().await?;
        alerts::mark_read(
            &mut tx,
            team,
            actor.user_id,
            actor.institution_id,
            self.now(),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
