//! Job leases with fencing, and the mail outbox's claims, on every engine: the fence rises
//! whenever the lease passes to a new holder, and an instance that lost the lease (or the
//! claim on a message) changes nothing.

use spona_store::leases::{self, JobLease};
use spona_store::{mail, Db};
use spona_testkit::TestDb;

const JOB: &str = "send-mail";
const T: i64 = 1_000_000;

async fn take(db: &Db, holder: &str, now: i64, until: i64) -> Option<JobLease> {
    let mut c = db.conn().await.unwrap();
    leases::take(&mut c, JOB, holder, now, until).await.unwrap()
}

async fn hold(db: &Db, lease: &JobLease, now: i64, until: i64) -> bool {
    let mut tx = db.begin().await.unwrap();
    let held = leases::hold(&mut tx, lease, now, until).await.unwrap();
    tx.commit().await.unwrap();
    held
}

#[tokio::test]
async fn the_fence_rises_each_time_the_lease_passes_to_a_new_holder() {
    for t in TestDb::every_engine().await {
        let a = take(&t.db, "a", T, T + 10).await.unwrap();
        assert_eq!(a.fence, 1);
        assert_eq!(take(&t.db, "b", T + 5, T + 15).await, None, "a holds it");
        let renewed = take(&t.db, "a", T + 5, T + 15).await.unwrap();
        assert_eq!(renewed.fence, 1, "a renewal keeps the fence");
        assert!(hold(&t.db, &a, T + 14, T + 24).await, "held while live");

        let b = take(&t.db, "b", T + 24, T + 34).await.unwrap();
        assert_eq!(b.fence, 2, "passed on after it ran out");
        assert!(
            !hold(&t.db, &a, T + 25, T + 35).await,
            "a's fence is refused"
        );
        assert!(
            !hold(&t.db, &b, T + 34, T + 44).await,
            "b's own lease cannot be held once it ran out"
        );
        let b_again = take(&t.db, "b", T + 34, T + 44).await.unwrap();
        assert_eq!(
            b_again.fence, 3,
            "taken anew after running out: a new holding"
        );

        let mut c = t.db.conn().await.unwrap();
        leases::release(&mut c, &b_again, T + 35).await.unwrap();
        drop(c);
        let a_again = take(&t.db, "a", T + 35, T + 45).await.unwrap();
        assert_eq!(a_again.fence, 4, "a released lease passes on at once");
        t.finish().await;
    }
}

async fn enqueue(db: &Db, to: &str) {
    let mut tx = db.begin().await.unwrap();
    mail::enqueue(&mut tx, to, "Спона", "Текст\r\n", "key-1", T)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

async fn claim(db: &Db, lease: &JobLease, now: i64, until: i64) -> Option<mail::Claimed> {
    let mut tx = db.begin().await.unwrap();
    let claimed = mail::claim_next(&mut tx, lease, now, until).await.unwrap();
    tx.commit().await.unwrap();
    claimed
}

/// The outbox row as it stands: attempts, sent_at, claimed_by, last_error.
async fn row(db: &Db) -> (i64, Option<i64>, Option<String>, String) {
    let mut c = db.conn().await.unwrap();
    sqlx::query_as("SELECT attempts, sent_at, claimed_by, last_error FROM mail_outbox")
        .fetch_one(&mut *c)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_claimed_message_is_left_to_its_sender_until_the_claim_runs_out() {
    for t in TestDb::every_engine().await {
        enqueue(&t.db, "csr@example.rs").await;
        let a = take(&t.db, "a", T, T + 10).await.unwrap();
        let m = claim(&t.db, &a, T, T + 300).await.unwrap();
        assert_eq!((m.attempt, m.message_key.as_str()), (1, "key-1"));
        assert!(claim(&t.db, &a, T, T + 300).await.is_none(), "claimed once");

        // a stalls past its lease; b takes over but leaves the claimed message alone.
        let b = take(&t.db, "b", T + 20, T + 30).await.unwrap();
        assert!(claim(&t.db, &b, T + 20, T + 320).await.is_none());
        assert!(
            claim(&t.db, &a, T + 20, T + 320).await.is_none(),
            "a lost the lease"
        );

        // a's relay accepted it after all: a's claim is still its own, so it is recorded.
        let mut c = t.db.conn().await.unwrap();
        assert!(mail::mark_sent(&mut c, &a, m.id, T + 25).await.unwrap());
        assert!(!mail::mark_sent(&mut c, &a, m.id, T + 26).await.unwrap());
        drop(c);
        assert_eq!(
            row(&t.db).await,
            (1, Some(T + 25), Some("a".into()), String::new())
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn an_instance_whose_claim_passed_to_another_changes_nothing() {
    for t in TestDb::every_engine().await {
        enqueue(&t.db, "csr@example.rs").await;
        let a = take(&t.db, "a", T, T + 10).await.unwrap();
        let m = claim(&t.db, &a, T, T + 300).await.unwrap();

        // a stalls past its lease and its claim: b takes both over.
        let b = take(&t.db, "b", T + 301, T + 311).await.unwrap();
        let again = claim(&t.db, &b, T + 301, T + 601).await.unwrap();
        assert_eq!((again.id, again.attempt), (m.id, 2));

        let mut c = t.db.conn().await.unwrap();
        assert!(!mail::mark_sent(&mut c, &a, m.id, T + 302).await.unwrap());
        assert!(!mail::mark_failed(&mut c, &a, m.id, "late", T + 400)
            .await
            .unwrap());
        drop(c);
        assert_eq!(
            row(&t.db).await,
            (2, None, Some("b".into()), String::new()),
            "a's late writes changed nothing"
        );

        // b's relay refuses: the failure is b's to record, with the time to retry.
        let mut c = t.db.conn().await.unwrap();
        assert!(
            mail::mark_failed(&mut c, &b, m.id, "450 try later", T + 302 + 120)
                .await
                .unwrap()
        );
        drop(c);
        assert!(
            claim(&t.db, &b, T + 303, T + 603).await.is_none(),
            "not before"
        );
        let b_later = take(&t.db, "b", T + 422, T + 432).await.unwrap();
        let third = claim(&t.db, &b_later, T + 422, T + 722).await.unwrap();
        assert_eq!(third.attempt, 3);
        let mut c = t.db.conn().await.unwrap();
        assert!(!mail::mark_sent(&mut c, &b, m.id, T + 423).await.unwrap());
        assert!(mail::mark_sent(&mut c, &b_later, m.id, T + 423)
            .await
            .unwrap());
        drop(c);
        assert_eq!(
            row(&t.db).await,
            (3, Some(T + 423), Some("b".into()), "450 try later".into())
        );
        assert_eq!(
            mail::waiting(&mut t.db.conn().await.unwrap())
                .await
                .unwrap(),
            0
        );
        t.finish().await;
    }
}
