//! Materials and donors on both engines: stock is computed, a hand-out beyond stock is
//! refused and changes nothing, low stock is noticed, donors are summed, teams are apart.

use spona_app::materials::{ItemForm, MovementForm};
use spona_app::AppError;
use spona_domain::validation::FieldError;
use spona_testkit::{actor, demo_app, TestDb};

#[tokio::test]
async fn stock_is_kept_and_never_goes_below_zero() {
    for t in TestDb::every_engine().await {
        let (app, _) = spona_testkit::demo_app(&t).await;
        let member = spona_testkit::actor(&app, "le-member").await;
        let nis = spona_testkit::actor(&app, "nis-member").await;
        let bad = ItemForm {
            name: String::new(),
            kind: "rocket".into(),
            produced: "-5".into(),
            on_date: "2026-02-30".into(),
            ..Default::default()
        };
        match app.add_material(&member, &bad).await {
            Err(AppError::Invalid(e)) => {
                for f in ["name", "kind", "produced", "on_date"] {
                    assert!(e.get(f).is_some(), "{f}");
                }
            }
            other => panic!("{:?}", other.map(|_| ())),
        }
        let calendars = app
            .add_material(
                &member,
                &ItemForm {
                    name: "Календари 2026".into(),
                    kind: "calendar".into(),
                    donor: "IOM".into(),
                    project: "Оснаживање системског партнерства".into(),
                    produced: "300".into(),
                    low_mark: "50".into(),
                    on_date: "2026-01-15".into(),
                },
            )
            .await
            .unwrap();
        let hand_out = |q: &str| MovementForm {
            direction: "handed-out".into(),
            quantity: q.into(),
            on_date: "2026-03-01".into(),
            occasion: "Трибина у ОШ „Вук Караџић“".into(),
            ..Default::default()
        };
        app.move_material(&member, calendars, &hand_out("200"))
            .await
            .unwrap();
        // Beyond stock: refused, nothing changes.
        match app
            .move_material(&member, calendars, &hand_out("101"))
            .await
        {
            Err(AppError::Invalid(e)) => assert!(e.get("quantity").is_some()),
            other => panic!("{other:?}"),
        }
        let (item, moves) = app.material(&member, calendars).await.unwrap();
        assert_eq!(item.stock(), 100);
        assert_eq!(moves.len(), 2);
        // A hand-out needs its occasion.
        let no_occasion = MovementForm {
            occasion: String::new(),
            ..hand_out("1")
        };
        assert!(app
            .move_material(&member, calendars, &no_occasion)
            .await
            .is_err());
        app.move_material(&member, calendars, &hand_out("60"))
            .await
            .unwrap();
        assert_eq!(
            app.low_stock(&member).await.unwrap().len(),
            1,
            "40 left, under 50"
        );
        // The demo's own materials are the donor's under its full name; these are "IOM".
        let donors = app.donor_summary(&member).await.unwrap();
        assert_eq!(donors.len(), 2);
        let iom = donors.iter().find(|d| d.donor == "IOM").unwrap();
        assert_eq!((iom.produced, iom.handed_out), (300, 260));

        // Another team sees nothing and cannot take from this stock.
        assert!(app.materials(&nis).await.unwrap().is_empty());
        assert!(matches!(
            app.move_material(&nis, calendars, &hand_out("1")).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            app.material(&nis, calendars).await,
            Err(AppError::NotFound)
        ));
        t.finish().await;
    }
}

#[tokio::test]
async fn a_hand_out_names_the_activity_which_then_cannot_be_deleted() {
    use spona_app::activities::{ActivityForm, ActivityQuery};
    for t in TestDb::every_engine().await {
        let (app, _clock) = demo_app(&t).await;
        let member = actor(&app, "le-member").await;
        let nis = actor(&app, "nis-coordinator").await;
        let leaflets = app
            .add_material(
                &member,
                &ItemForm {
                    name: "Летци".into(),
                    kind: "leaflet".into(),
                    produced: "100".into(),
                    on_date: "2026-01-15".into(),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        let talk = app
            .activities(&member, &ActivityQuery::default())
            .await
            .unwrap()
            .page
            .items[0]
            .clone();
        let foreign = app
            .create_activity(
                &nis,
                &ActivityForm {
                    title: "Трибина у Нишу".into(),
                    kind: "public-talk".into(),
                    held_on: "2026-11-02".into(),
                    place: "Ниш".into(),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        let at = |activity: &str| MovementForm {
            direction: "handed-out".into(),
            quantity: "30".into(),
            on_date: "2026-03-01".into(),
            activity_id: activity.into(),
            ..Default::default()
        };

        // Neither an activity nor an occasion in words: refused at the occasion.
        match app.move_material(&member, leaflets, &at("")).await {
            Err(AppError::Invalid(e)) => assert!(e.get("occasion").is_some()),
            other => panic!("{other:?}"),
        }
        // Another team's activity is not a choice: refused, stock untouched.
        match app
            .move_material(&member, leaflets, &at(&foreign.0.to_string()))
            .await
        {
            Err(AppError::Invalid(e)) => assert!(e.get("activity_id").is_some()),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            app.material(&member, leaflets).await.unwrap().0.stock(),
            100
        );

        app.move_material(&member, leaflets, &at(&talk.id.0.to_string()))
            .await
            .unwrap();
        let (item, moves) = app.material(&member, leaflets).await.unwrap();
        assert_eq!(item.stock(), 70);
        assert_eq!(moves[0].activity_id, Some(talk.id.0));
        assert_eq!(
            moves[0].activity_title.as_deref(),
            Some(talk.title.as_str())
        );
        let shown = app.activity(&member, talk.id).await.unwrap();
        assert_eq!(
            shown
                .handed_out
                .iter()
                .map(|h| (h.item_id, h.quantity))
                .collect::<Vec<_>>(),
            vec![(leaflets, 30)]
        );

        // The activity is linked now: deleting it is refused and it stays.
        match app
            .delete_activity(&member, talk.id, shown.activity.version)
            .await
        {
            Err(AppError::Invalid(e)) => {
                assert_eq!(e.get("activity"), Some(FieldError::StillLinked))
            }
            other => panic!("{other:?}"),
        }
        assert!(app.activity(&member, talk.id).await.is_ok());
        t.finish().await;
    }
}
