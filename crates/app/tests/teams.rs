//! Adding teams is for the deployment's administrators.

use spona_app::accounts::operator;
use spona_app::demo::DEMO_PASSWORD;
use spona_app::forms::TeamForm;
use spona_app::{App, AppError, AuthSettings, Keyring, ManualClock, MasterKey};
use spona_testkit::{TestDb, START};
use std::sync::Arc;

#[tokio::test]
async fn only_administrators_add_teams_and_bad_input_adds_nothing() {
    for t in TestDb::every_engine().await {
        let app = App::new(
            t.db.clone(),
            Arc::new(ManualClock::at(START)),
            AuthSettings::default(),
            Keyring::new(&MasterKey::generate()),
        );
        app.seed_demo().await.unwrap();
        let form = TeamForm {
            code: "vranje".into(),
            name_cyrl: "Локални тим Врање".into(),
            name_latn: String::new(),
            city: "Врање".into(),
        };
        for user in ["le-coordinator", "national"] {
            let actor = spona_testkit::signed_session(&app, user, DEMO_PASSWORD)
                .await
                .actor;
            assert!(
                matches!(
                    app.create_team(&actor, &form).await,
                    Err(AppError::Forbidden)
                ),
                "{user}"
            );
        }
        let bad = TeamForm {
            code: "В".into(),
            city: String::new(),
            ..form.clone()
        };
        assert!(matches!(
            app.create_team(&operator(), &bad).await,
            Err(AppError::Invalid(_))
        ));
        app.create_team(&operator(), &form).await.unwrap();
        let teams = app.teams(&operator()).await.unwrap();
        let vranje = teams.iter().find(|t| t.code == "vranje").unwrap();
        assert_eq!(vranje.name_latn, "Lokalni tim Vranje");
        // Leskovac, Niš and the national institutions of the demo, and Vranje.
        assert_eq!(teams.len(), 4);
        t.finish().await;
    }
}
