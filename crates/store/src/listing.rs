//! Which institutions list a case, kept beside the case so that a list page is an index range
//! however many cases there are. Every store function that changes a case's owner, state,
//! child flags or referrals refreshes the case's rows in the same transaction, so the
//! listing cannot drift from the cases it indexes.

use crate::{Backend, StoreError, Tx};
use spona_domain::cases::CaseId;

/// The referral statuses under which the receiver keeps the case in its list.
pub(crate) const LIVE_REFERRAL: &str = "('sent', 'accepted', 'completed')";

/// Recomputes the listing rows of one case.
pub(crate) async fn refresh(tx: &mut Tx, case_id: CaseId) -> Result<(), StoreError> {
    // Refreshes of one case take turns on its row: under PostgreSQL's read committed, a
    // second refresh that waited for the first one's deletions would not see the first
    // one's new rows, delete nothing and then insert beside them. (SQLite has one writer.)
    if tx.backend() == Backend::Postgres {
        sqlx::query("SELECT id FROM cases WHERE id = $1 FOR UPDATE")
            .bind(case_id.0)
            .execute(&mut **tx)
            .await?;
    }
    sqlx::query("DELETE FROM case_listing WHERE case_id = $1")
        .bind(case_id.0)
        .execute(&mut **tx)
        .await?;
    let key = "c.may_be_child + c.lacks_capacity, \
               CASE WHEN c.state = 'closed' THEN 1 ELSE 0 END, c.reported_at";
    sqlx::query(&format!(
        "INSERT INTO case_listing (case_id, institution_id, priority, closed, reported_at) \
         SELECT c.id, c.owner_institution_id, {key} FROM cases c WHERE c.id = $1 \
         UNION \
         SELECT c.id, c.former_owner_institution_id, {key} FROM cases c \
         WHERE c.id = $1 AND c.former_owner_institution_id IS NOT NULL \
         UNION \
         SELECT c.id, r.to_institution_id, {key} FROM referrals r JOIN cases c ON c.id = r.case_id \
         WHERE r.case_id = $1 AND r.status IN {LIVE_REFERRAL}"
    ))
    .bind(case_id.0)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
