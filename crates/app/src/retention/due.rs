//! What is due under the retention schedule at an instant: the preview shows it, and the run
//! removes it, kind by kind in the same order, so that a run at the preview's instant
//! removes exactly what the preview listed.

use crate::cases::code_of;
use crate::{App, AppError};
use spona_domain::cases::CaseId;
use spona_domain::retention::RecordKind;
use spona_store::retention::{self, DueCase as DueRow};
use spona_store::{audit_pruning, Connection};

/// A case named by its number (never anything personal).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueCase {
    pub id: CaseId,
    pub code: String,
    pub code_latin: String,
}

/// What a run removes (or, from the preview, would remove).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DueRecords {
    /// The instant the periods were counted back from.
    pub at: i64,
    /// Closed cases whose personal data goes.
    pub cases: Vec<DueCase>,
    /// Closed cases (not among those above) whose attachments go, and how many files.
    pub attachments: Vec<DueCase>,
    pub attachment_files: i64,
    pub notifications: i64,
    /// Sessions that have ended and are still stored.
    pub ended_sessions: i64,
    /// Sign-in entries whose who and where are erased.
    pub sign_ins: i64,
    /// Audit entries removed (and counted per month and action).
    pub audit_entries: i64,
}

impl DueRecords {
    /// Whether the run has nothing to do.
    pub fn is_empty(&self) -> bool {
        self.cases.is_empty()
            && self.attachments.is_empty()
            && self.notifications == 0
            && self.ended_sessions == 0
            && self.sign_ins == 0
            && self.audit_entries == 0
    }
}

/// A due case with its number.
pub(super) fn named(row: &DueRow) -> DueCase {
    let code = code_of(&row.city, row.year, row.seq);
    DueCase {
        id: CaseId(row.id),
        code: code.as_ref().map(|c| c.to_cyrillic()).unwrap_or_default(),
        code_latin: code.as_ref().map(|c| c.to_latin()).unwrap_or_default(),
    }
}

impl App {
    /// The instant before which records of a kind are due, or None when the kind is kept.
    pub(super) fn cutoff(&self, kind: RecordKind, now: i64) -> Option<i64> {
        self.retention.period(kind).cutoff(now)
    }

    /// What is due at `now`.
    pub(crate) async fn due_records(&self, now: i64) -> Result<DueRecords, AppError> {
        let mut c = self.db.conn().await?;
        let mut due = DueRecords {
            at: now,
            ..DueRecords::default()
        };
        let (cases, attachments) = self.due_cases(&mut c, now).await?;
        due.cases = cases.iter().map(named).collect();
        for row in &attachments {
            due.attachment_files += retention::attachments_of(&mut c, row.id).await?;
        }
        due.attachments = attachments.iter().map(named).collect();
        if let Some(cutoff) = self.cutoff(RecordKind::Notifications, now) {
            due.notifications = retention::due_notifications(&mut c, cutoff).await?;
        }
        due.ended_sessions = retention::ended_sessions(&mut c, now).await?;
        let mut removed_until = 0;
        if let Some(cutoff) = self.cutoff(RecordKind::AuditEntries, now) {
            let (count, last) = crate::audit::removable(&mut c, cutoff).await?;
            due.audit_entries = count;
            removed_until = last.map_or(0, |e| e.seq);
        }
        if let Some(cutoff) = self.cutoff(RecordKind::SignIns, now) {
            let entries = audit_pruning::sign_ins_before(&mut c, cutoff).await?;
            due.sign_ins = entries.iter().filter(|e| e.seq > removed_until).count() as i64;
        }
        Ok(due)
    }

    /// The closed cases due for shredding, and the others due to lose their attachments.
    pub(super) async fn due_cases(
        &self,
        c: &mut Connection,
        now: i64,
    ) -> Result<(Vec<DueRow>, Vec<DueRow>), AppError> {
        let cases = match self.cutoff(RecordKind::ClosedCases, now) {
            Some(cutoff) => retention::due_cases(c, cutoff).await?,
            None => Vec::new(),
        };
        let attachments = match self.cutoff(RecordKind::Attachments, now) {
            Some(cutoff) => retention::due_attachments(c, cutoff)
                .await?
                .into_iter()
                .filter(|a| !cases.iter().any(|s| s.id == a.id))
                .collect(),
            None => Vec::new(),
        };
        Ok((cases, attachments))
    }
}
