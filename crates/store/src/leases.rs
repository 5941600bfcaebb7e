//! Leases of background jobs, with fencing. Every instance of a deployment runs the same
//! jobs; a lease row lets one of them do each job at a time. A lease alone is not enough: an
//! instance can pause (a slow relay, a stalled disk) past its lease's end and go on writing
//! after another has taken over. So each passing of a lease to a new holder raises its
//! fence, the holder keeps the fence it got, and the job's writes are made only while the
//! row still names that holder with that fence and has not run out.

use crate::{StoreError, Tx};
use sqlx::AnyConnection;

/// A lease as taken: the job, who holds it, and the fencing token of this holding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobLease {
    pub job: String,
    pub holder: String,
    pub fence: i64,
}

/// Takes the lease of a job until `until` if nobody else holds a live one, or renews the
/// caller's own live lease; None when another instance holds it. The fence stays on a
/// renewal and rises whenever the lease was not live in the caller's hands. Several
/// instances may try at once; exactly one gets it.
pub async fn take(
    c: &mut AnyConnection,
    job: &str,
    holder: &str,
    now: i64,
    until: i64,
) -> Result<Option<JobLease>, StoreError> {
    // The SET expressions read the row as it was, on both engines.
    let fence: Option<i64> = sqlx::query_scalar(
        "INSERT INTO job_leases (name, holder, until, fence) VALUES ($1, $2, $3, 1) \
         ON CONFLICT (name) DO UPDATE SET holder = $2, until = $3, \
         fence = CASE WHEN job_leases.holder = $2 AND job_leases.until > $4 \
                 THEN job_leases.fence ELSE job_leases.fence + 1 END \
         WHERE job_leases.until <= $4 OR job_leases.holder = $2 RETURNING fence",
    )
    .bind(job)
    .bind(holder)
    .bind(until)
    .bind(now)
    .fetch_optional(c)
    .await?;
    Ok(fence.map(|fence| JobLease {
        job: job.to_string(),
        holder: holder.to_string(),
        fence,
    }))
}

/// Extends a lease still held, with its fence and not run out, to `until`, inside the
/// transaction of a unit of work: the unit's writes commit only if this returns true, and
/// no other instance can take the lease over before they do (the row stays locked, or, on
/// SQLite, the writer is alone).
pub async fn hold(tx: &mut Tx, lease: &JobLease, now: i64, until: i64) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE job_leases SET until = $1 \
         WHERE name = $2 AND holder = $3 AND fence = $4 AND until > $5",
    )
    .bind(until)
    .bind(&lease.job)
    .bind(&lease.holder)
    .bind(lease.fence)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Ends a lease early (the job is done for now), so another instance may take it at once.
pub async fn release(c: &mut AnyConnection, lease: &JobLease, now: i64) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE job_leases SET until = $1 \
         WHERE name = $2 AND holder = $3 AND fence = $4 AND until > $1",
    )
    .bind(now)
    .bind(&lease.job)
    .bind(&lease.holder)
    .bind(lease.fence)
    .execute(c)
    .await?;
    Ok(())
}

/// The condition, for a job's own writes, that the lease is still held: append it to a
/// WHERE clause with its four values bound at `$first..$first+3` (job, holder, fence, now).
pub(crate) fn still_held(first: usize) -> String {
    format!(
        "EXISTS (SELECT 1 FROM job_leases WHERE name = ${} AND holder = ${} AND fence = ${} \
         AND until > ${})",
        first,
        first + 1,
        first + 2,
        first + 3
    )
}
