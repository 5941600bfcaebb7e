//! The demo tells what the team's founding document says, marks every invented person and
//! number, and shows progress only from what is recorded.

use spona_app::accounts::{operator, UserQuery};
use spona_app::activities::ActivityQuery;
use spona_app::demo::{demo_display_names, FICTIONAL_MARK, FOUNDING_PROJECT};
use spona_app::registry::InstitutionQuery;
use spona_domain::activities::{ActivityKind, Medium};
use spona_domain::text;
use spona_testkit::{actor, demo_app, TestDb};

#[tokio::test]
async fn the_demo_has_the_seeds_project_partners_and_materials() {
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let member = actor(&app, "le-member").await;
        let q = InstitutionQuery::default();
        let (_, listed) = app.institutions(&member, "leskovac", &q).await.unwrap();
        let mup = listed
            .items
            .iter()
            .find(|i| i.name_cyrl == "Министарство унутрашњих послова")
            .expect("the Ministry of the Interior, co-implementer with IOM");
        assert!(mup.cooperation.contains(FOUNDING_PROJECT));
        let iom = listed.items.iter().find(|i| i.short_name == "IOM").unwrap();
        assert!(iom.cooperation.contains(FOUNDING_PROJECT) && iom.is_donor);
        assert!(listed
            .items
            .iter()
            .all(|i| !i.cooperation.contains("Јачање")));
        // Every member has a number no subscriber has, said to be invented.
        for i in listed.items.iter().filter(|i| !i.phone.is_empty()) {
            assert!(i.phone.starts_with("016/000-"), "{}", i.phone);
            assert_eq!(text::phone(&i.phone).as_deref(), Ok(i.phone.as_str()));
            assert!(i.cooperation.contains("измишљен"), "{}", i.name_cyrl);
        }
        assert_eq!(
            listed.items.iter().filter(|i| !i.phone.is_empty()).count(),
            7
        );

        let materials = app.materials(&member).await.unwrap();
        let kinds: Vec<&str> = materials.iter().map(|m| m.kind.as_str()).collect();
        for kind in ["calendar", "pen", "keychain", "roll-up"] {
            assert!(kinds.contains(&kind), "{kind}");
        }
        assert!(materials
            .iter()
            .all(|m| m.project == FOUNDING_PROJECT && m.donor.contains("миграције")));
        let handed: i64 = materials.iter().map(|m| m.handed_out).sum();
        assert_eq!(handed, 1_200);
        t.finish().await;
    }
}

#[tokio::test]
async fn every_demo_person_is_marked_fictional() {
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        for name in demo_display_names() {
            assert!(name.contains(FICTIONAL_MARK), "{name}");
        }
        let users = app.users(&operator(), &UserQuery::default()).await.unwrap();
        assert!(!users.items.is_empty());
        for u in &users.items {
            assert!(
                u.display_name.contains(FICTIONAL_MARK),
                "{}",
                u.display_name
            );
        }
        t.finish().await;
    }
}

#[tokio::test]
async fn the_demo_shows_many_tv_appearances_and_workshops() {
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let member = actor(&app, "le-member").await;
        let list = app
            .activities(&member, &ActivityQuery::default())
            .await
            .unwrap();
        let tv: Vec<_> = list
            .page
            .items
            .iter()
            .filter(|a| a.kind == ActivityKind::MediaAppearance && a.medium == Some(Medium::Tv))
            .collect();
        assert!(tv.len() >= 3, "several TV appearances");
        assert!(
            tv.iter().all(|a| a.audience.public >= 1_000),
            "with their reach"
        );
        assert!(list
            .page
            .items
            .iter()
            .any(|a| a.kind == ActivityKind::Workshop && a.plan_activity_id.is_some()));
        t.finish().await;
    }
}

#[tokio::test]
async fn plan_progress_follows_what_is_recorded() {
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let member = actor(&app, "le-member").await;
        let s = app.plan_summary(&member).await.unwrap().unwrap();
        let plan = app.plan(&member, s.plan_id).await.unwrap();
        let world_day = plan
            .activities
            .iter()
            .find(|a| a.activity.draft.title.contains("(30. јул)"))
            .unwrap();
        assert!(world_day.activity.computed());
        assert_eq!(world_day.activity.recorded, 0);
        assert_eq!(
            world_day.activity.progress(),
            0,
            "nothing recorded, nothing done"
        );
        for a in &plan.activities {
            if a.activity.progress() == 100 {
                assert!(a.activity.computed() && a.activity.recorded > 0, "{a:?}");
            }
        }
        t.finish().await;
    }
}

#[tokio::test]
async fn the_demo_meeting_action_was_done_before_its_deadline() {
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        app.seed_demo_meetings().await.unwrap();
        let coordinator = actor(&app, "le-coordinator").await;
        let meetings = app.meetings(&coordinator, 1).await.unwrap();
        let mut done = 0;
        for m in &meetings.items {
            for a in app.meeting(&coordinator, m.id).await.unwrap().actions {
                if let Some(on) = a.done_on {
                    assert!(on <= a.deadline, "{on} after {}", a.deadline);
                    done += 1;
                }
            }
        }
        assert_eq!(done, 1);
        t.finish().await;
    }
}

#[tokio::test]
async fn the_framework_says_its_invented_measures_are_illustrative() {
    for t in TestDb::every_engine().await {
        let (app, _) = demo_app(&t).await;
        let view = app.framework(&operator()).await;
        let national = actor(&app, "national").await;
        let view = view.or(app.framework(&national).await).unwrap();
        let text = format!("{:?}", view.entries);
        assert!(text.contains("илустративно"), "{text}");
        t.finish().await;
    }
}
