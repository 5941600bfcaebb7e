//! Audited reads share transactions under load (group commit): every view is written before
//! its caller is answered, the entries stay one unbroken chain, and concurrent views take
//! fewer transactions than views.

use spona_store::audit;
use spona_testkit::{actor, demo_app, TestDb};

async fn views_of(app: &spona_app::App, case: i64) -> i64 {
    let mut c = app.db().conn().await.unwrap();
    audit::count_for_subject(&mut c, "case", case, 10_000)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_views_share_transactions_and_every_one_is_written() {
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        app.seed_demo_cases().await.unwrap();
        let police = actor(&app, "le-police").await;
        let case = app.cases(&police, &Default::default()).await.unwrap().items[0].id;

        // Alone: the entry is there when the page is answered.
        let before = views_of(&app, case.0).await;
        app.case(&police, case).await.unwrap();
        assert_eq!(views_of(&app, case.0).await, before + 1);

        let batches = app.audit_batches_written();
        let mut views = tokio::task::JoinSet::new();
        for _ in 0..40 {
            let (app, police) = (app.clone(), police.clone());
            views.spawn(async move { app.case(&police, case).await.map(|_| ()) });
        }
        while let Some(done) = views.join_next().await {
            done.unwrap().unwrap();
        }
        assert_eq!(
            views_of(&app, case.0).await,
            before + 41,
            "every view written"
        );
        let shared = app.audit_batches_written() - batches;
        assert!(
            (1..40).contains(&shared),
            "40 views in {shared} transactions"
        );

        let report = app.verify_audit().await.unwrap();
        assert_eq!(report.first_break, None);
        t.finish().await;
    }
}
