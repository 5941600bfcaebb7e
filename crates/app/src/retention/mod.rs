//! The retention schedule: what the deployment keeps how long, what the next run would
//! remove (the preview), and the run that removes exactly that. Closed cases lose their
//! personal data by crypto-shredding (their data key is destroyed with every sealed value and
//! blind index); their coded fields stay, so statistics and submitted reports do not move.
//! Legal holds stop the removal of a case.

mod due;
mod holds;
mod run;

pub use due::{DueCase, DueRecords};
pub use holds::HoldView;

use crate::{App, AppError};
use spona_domain::access::{decide, Action, Actor};
use spona_domain::retention::RetentionPolicy;

impl App {
    /// The deployment's retention periods (everything kept unless set).
    pub fn with_retention(mut self, policy: RetentionPolicy) -> App {
        self.retention = policy;
        self
    }

    /// The retention periods in effect.
    pub fn retention_policy(&self) -> RetentionPolicy {
        self.retention
    }

    /// What the next run would remove now, for the administrator (who sets the periods) and
    /// the auditor (who may hold a case): counts and case numbers, never personal data.
    pub async fn retention_preview(&self, actor: &Actor) -> Result<DueRecords, AppError> {
        may_see_schedule(actor)?;
        self.due_records(self.now()).await
    }
}

/// The schedule is the administrator's and the auditor's to see; anyone else is refused.
pub(crate) fn may_see_schedule(actor: &Actor) -> Result<(), AppError> {
    if decide(actor, Action::ManageDeployment).allowed()
        || decide(actor, Action::ReadAuditTrail).allowed()
    {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}
