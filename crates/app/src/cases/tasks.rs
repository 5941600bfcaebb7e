//! Marking a task on a case done: a follow-up, or the protocol's urgent intervention that the
//! Centre for Social Work got when it reported the person itself. Guardian tasks are not
//! marked by hand: recording the guardian completes them. A task is done by the institution
//! it was given to, while that institution works on the case.

use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::cases::{CaseId, ProtocolTask, TaskId};
use spona_store::tasks;

/// The kind of task follow-ups are stored as.
pub(crate) const FOLLOW_UP: &str = "follow-up";

/// Whether a task of this kind is marked done by hand.
pub(crate) fn done_by_hand(kind: &str) -> bool {
    kind == FOLLOW_UP || ProtocolTask::from_code(kind).is_some()
}

impl App {
    /// Marks a task of the case done, if the actor's institution was given it and works on
    /// the case; a task of another case, or one done already, is "not found". Returns
    /// whether it was a follow-up (the page shows those apart).
    pub async fn complete_task(
        &self,
        actor: &Actor,
        case_id: CaseId,
        task_id: TaskId,
    ) -> Result<bool, AppError> {
        let mut tx = self.db.begin().await?;
        let (desk, _, _) = self.working_case(&mut tx, actor, case_id).await?;
        let task = tasks::for_case(&mut tx, &desk, case_id)
            .await?
            .into_iter()
            .find(|t| t.id == task_id && t.done_at.is_none())
            .ok_or(AppError::NotFound)?;
        let own = actor.institution_id.map(|i| i.0);
        if !done_by_hand(&task.kind) || Some(task.institution_id) != own {
            return Err(AppError::Forbidden);
        }
        tasks::complete(&mut tx, &desk, task_id, actor.user_id, self.now()).await?;
        let event = AuditEvent::about(Some(desk.team()), "task-completed", "case", case_id.0);
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(task.kind == FOLLOW_UP)
    }
}
