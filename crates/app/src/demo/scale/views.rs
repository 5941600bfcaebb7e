//! Views of generated cases by their owners' case workers: most of a real trail is such
//! entries, and making each through the case page would take hours. They are appended in
//! bulk, linked into the chain exactly as a view links its entry, so that the trail
//! verifies.

use super::cases::Made;
use super::names::pick;
use super::teams::Crew;
use super::{Generation, Progress};
use crate::audit::{AuditEvent, Author, Dated};
use crate::{App, AppError};

/// Entries appended per transaction.
const BATCH: usize = 5_000;

impl App {
    /// Appends `count` views of cases among `made` (chosen by position, so the same every
    /// time), dated from the generation's clock.
    pub(super) async fn generate_views(
        &self,
        run: &Generation,
        crews: &[Crew],
        made: &[Made],
        count: u64,
        salt: u64,
        progress: &dyn Progress,
    ) -> Result<(), AppError> {
        if made.is_empty() {
            return Ok(());
        }
        let mut left = count;
        while left > 0 {
            let batch = left.min(BATCH as u64);
            run.tick();
            let at = self.now();
            let mut items = Vec::with_capacity(batch as usize);
            for i in 0..batch {
                let m = &made[pick(salt, left - i, made.len())];
                let Some(crew) = crews.iter().find(|c| c.team == m.team) else {
                    continue;
                };
                let Some(worker) = crew.workers.get(m.worker) else {
                    continue;
                };
                items.push(Dated {
                    by: Author::of(worker),
                    ev: AuditEvent::about(Some(m.team), "case-viewed", "case", m.case.0),
                    at,
                });
            }
            let mut tx = self.db.begin().await?;
            self.audit_in_bulk(&mut tx, &items).await?;
            tx.commit().await?;
            progress.advance(batch);
            left -= batch;
        }
        Ok(())
    }
}
