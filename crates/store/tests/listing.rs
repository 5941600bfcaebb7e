//! Two transactions that change the same case's referrals at once both succeed, and the
//! case's listing ends up as the referrals say: on PostgreSQL a second refresh of the listing
//! once deleted nothing (the first one's new rows were not in its snapshot) and then ran into
//! them ("duplicate key" on `case_listing`). The counts of the lists that the database keeps
//! follow every such change.

use spona_domain::access::TeamCases;
use spona_domain::cases::{CaseId, ReferralId};
use spona_domain::ids::{InstitutionId, TeamId, UserId};
use spona_store::referrals::{self, Answer, NewReferral};
use spona_testkit::{demo_app, TestDb};

#[tokio::test]
async fn concurrent_changes_of_one_cases_referrals_both_refresh_its_listing() {
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        app.seed_demo_cases().await.unwrap();
        let db = t.db.clone();
        let mut c = db.conn().await.unwrap();
        // A referral still waiting for its answer, and its case.
        let (referral, case_id, team, from, to, version): (i64, i64, i64, i64, i64, i64) =
            sqlx::query_as(
                "SELECT id, case_id, team_id, from_institution_id, to_institution_id, version \
                 FROM referrals WHERE status = 'sent' ORDER BY id LIMIT 1",
            )
            .fetch_one(&mut *c)
            .await
            .unwrap();
        // Another institution of the team to refer the same case to.
        let other: i64 = sqlx::query_scalar(
            "SELECT id FROM institutions WHERE team_id = $1 AND id <> $2 AND id <> $3 \
             ORDER BY id LIMIT 1",
        )
        .bind(team)
        .bind(from)
        .bind(to)
        .fetch_one(&mut *c)
        .await
        .unwrap();
        drop(c);

        let mut first = db.begin().await.unwrap();
        referrals::insert(
            &mut first,
            &NewReferral {
                team: TeamCases::operator(TeamId(team)),
                case_id: CaseId(case_id),
                from: InstitutionId(from),
                to: InstitutionId(other),
                shared_parts: "identity",
                urgency: "normal",
                protocol: false,
                sent_by: UserId(1),
                sent_at: 1,
                deadline_at: 2,
            },
        )
        .await
        .unwrap();
        let second = tokio::spawn({
            let db = db.clone();
            async move {
                let mut tx = db.begin().await?;
                let answer = Answer {
                    status: "accepted",
                    reason: "",
                    by: UserId(1),
                    at: 1,
                };
                referrals::answer(
                    &mut tx,
                    &TeamCases::operator(TeamId(team)),
                    ReferralId(referral),
                    version,
                    &answer,
                )
                .await?;
                tx.commit().await
            }
        });
        // Let the second reach its refresh while the first holds its rows.
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        first.commit().await.unwrap();
        second
            .await
            .unwrap()
            .unwrap_or_else(|e| panic!("{:?}: the second change failed: {e}", db.backend()));

        let mut c = db.conn().await.unwrap();
        let mut listed: Vec<i64> = sqlx::query_scalar(
            "SELECT institution_id FROM case_listing WHERE case_id = $1 ORDER BY institution_id",
        )
        .bind(case_id)
        .fetch_all(&mut *c)
        .await
        .unwrap();
        listed.dedup();
        let mut expected = vec![from, to, other];
        expected.sort();
        expected.dedup();
        assert_eq!(listed, expected, "{:?}", db.backend());
        counts_follow_the_rows(&mut c, db.backend()).await;
        drop(c);
        t.finish().await;
    }
}

/// The kept counts of every team's cases and (on SQLite) every institution's list are the
/// rows' own.
async fn counts_follow_the_rows(c: &mut sqlx::AnyConnection, backend: spona_store::Backend) {
    same(
        c,
        "SELECT team_id, COUNT(*) FROM cases GROUP BY team_id ORDER BY team_id",
        "SELECT team_id, cases FROM team_case_counts WHERE cases > 0 ORDER BY team_id",
    )
    .await;
    // PostgreSQL counts the institutions' lists as they are read (migration 0045).
    if backend == spona_store::Backend::Sqlite {
        same(
            c,
            "SELECT institution_id, COUNT(*) FROM case_listing GROUP BY institution_id \
             ORDER BY institution_id",
            "SELECT institution_id, cases FROM case_listing_counts WHERE cases > 0 \
             ORDER BY institution_id",
        )
        .await;
    }
}

/// The (key, count) pairs of `counted` and `kept` are the same, and there are some.
async fn same(c: &mut sqlx::AnyConnection, counted: &str, kept: &str) {
    let mut read = Vec::new();
    for sql in [counted, kept] {
        let pairs: Vec<(i64, i64)> = sqlx::query_as(sql).fetch_all(&mut *c).await.unwrap();
        read.push(pairs);
    }
    assert!(!read[0].is_empty(), "{counted}");
    assert_eq!(read[1], read[0], "{kept}");
}
