//! The log of cooperation with the National Coordinator: requests received, submissions
//! sent and replies, with their outcome and the documents they refer to.

use crate::audit::{AuditEvent, Author};
use crate::registry::PAGE_SIZE;
use crate::{App, AppError, Page};
use spona_domain::access::Actor;
use spona_domain::access::WorkNeed;
use spona_domain::text;
use spona_domain::validation::{FieldError, FieldErrors};
use spona_store::meetings::{self, CooperationRow, NewCooperation};

/// The kinds of entry: a request from the National Coordinator, a submission to them, a reply.
pub const COOPERATION_KINDS: [&str; 3] = ["request", "submission", "reply"];

/// An entry as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct CooperationForm {
    pub on_date: String,
    pub kind: String,
    pub subject: String,
    pub outcome: String,
    pub documents: String,
}

impl App {
    /// A page of the team's cooperation log, the latest first.
    pub async fn cooperation_log(
        &self,
        actor: &Actor,
        page: i64,
    ) -> Result<Page<CooperationRow>, AppError> {
        let scope = Self::work_team(actor, WorkNeed::View)?;
        let page = page.clamp(1, 10_000);
        let mut c = self.db.conn().await?;
        Ok(meetings::cooperation(&mut c, &scope, PAGE_SIZE, (page - 1) * PAGE_SIZE).await?)
    }

    /// Adds an entry to the cooperation log; a date in the future is refused.
    pub async fn record_cooperation(
        &self,
        actor: &Actor,
        form: &CooperationForm,
    ) -> Result<i64, AppError> {
        let scope = Self::work_team(actor, WorkNeed::Record)?;
        let team = scope.team();
        let mut e = FieldErrors::new();
        let on_date = e.check("on_date", text::date(&form.on_date));
        if on_date.is_some_and(|d| d > self.today()) {
            e.add("on_date", FieldError::DateInFuture);
        }
        if !COOPERATION_KINDS.contains(&form.kind.as_str()) {
            e.add("kind", FieldError::Unknown);
        }
        let subject = e.check("subject", text::required(&form.subject, 300));
        let outcome = e.check("outcome", text::optional(&form.outcome, 4000));
        let documents = e.check("documents", text::optional(&form.documents, 2000));
        let (Some(on_date), Some(subject), Some(outcome), Some(documents), true) =
            (on_date, subject, outcome, documents, e.is_empty())
        else {
            return Err(AppError::Invalid(e));
        };
        let mut tx = self.db.begin().await?;
        let id = meetings::add_cooperation(
            &mut tx,
            &NewCooperation {
                team: &scope,
                on_date: &text::iso_date(on_date),
                kind: &form.kind,
                subject: &subject,
                outcome: &outcome,
                documents: &documents,
                by: actor.user_id,
                at: self.now(),
            },
        )
        .await?;
        let event = AuditEvent::about(Some(team), "cooperation-recorded", "cooperation", id);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(id)
    }
}
