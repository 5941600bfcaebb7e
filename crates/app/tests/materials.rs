//! Materials and donors on both engines: stock is computed, a hand-out beyond stock is
//! refused and changes nothing, low stock is noticed, donors are summed, teams are apart.

use spona_app::materials::{ItemForm, MovementForm};
use spona_app::AppError;
use spona_testkit::TestDb;

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
                    project: "Јачање системског партнерства".into(),
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
        let donors = app.donor_summary(&member).await.unwrap();
        assert_eq!(donors.len(), 1);
        assert_eq!((donors[0].produced, donors[0].handed_out), (300, 260));

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
