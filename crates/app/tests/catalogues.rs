//! Indicator catalogues: imported whole or not at all, versioned, and the report keeps its own.

use spona_app::accounts::operator;
use spona_app::cases::CaseQuery;
use spona_app::demo::DEMO_PASSWORD;
use spona_app::{App, AppError, AuthSettings, Keyring, ManualClock, MasterKey};
use spona_domain::cases::ReportForm;
use spona_testkit::{TestDb, START};
use std::sync::Arc;

async fn demo(t: &TestDb) -> App {
    let app = App::new(
        t.db.clone(),
        Arc::new(ManualClock::at(START)),
        AuthSettings::default(),
        Keyring::new(&MasterKey::generate()),
    );
    app.seed_demo().await.unwrap();
    app
}

#[tokio::test]
async fn the_demo_carries_two_catalogues_and_a_bad_file_is_refused_by_line() {
    for t in TestDb::every_engine().await {
        let app = demo(&t).await;
        let list = app.catalogues().await.unwrap();
        let sectors: Vec<&str> = list.iter().map(|c| c.sector.code()).collect();
        assert_eq!(sectors, ["general-adult", "ilo-forced-labour"]);
        assert_eq!(list[1].indicators, 11);
        let again = app
            .import_catalogue(&operator(), spona_app::catalogues::BUNDLED[0])
            .await;
        assert!(
            matches!(again, Err(AppError::Unreadable(ref m)) if m.contains("already imported"))
        );
        let bad = "sector\tpolice\nversion\t1\nindicator\tx\tnowhere\tТекст\tText\n";
        let err = app.import_catalogue(&operator(), bad).await.unwrap_err();
        assert!(
            matches!(err, AppError::Unreadable(ref m) if m.contains('3')),
            "{err:?}"
        );
        assert_eq!(app.catalogues().await.unwrap().len(), 2, "nothing stored");
        t.finish().await;
    }
}

#[tokio::test]
async fn a_report_is_screened_with_its_sectors_catalogue_and_unknown_indicators_are_refused() {
    let t = TestDb::sqlite().await;
    let app = demo(&t).await;
    let s = app
        .sign_in("le-police", DEMO_PASSWORD, "127.0.0.1")
        .await
        .unwrap();
    let police = app.session(&s.token, "127.0.0.1").await.unwrap().actor;
    let form = ReportForm {
        reporter_kind: "team-official".into(),
        detected_on: "2026-11-27".into(),
        description: "Особа на станици".into(),
        indicators: vec!["documents-held".into(), "fear".into()],
        ..Default::default()
    };
    let case = app.report_case(&police, &form).await.unwrap().case_id;
    let view = app.case(&police, case).await.unwrap();
    let screening = view.screening.unwrap();
    assert_eq!(screening.catalogue.as_deref(), Some("general-adult/2026-2"));
    assert_eq!(screening.indicators.len(), 2);
    let unknown = ReportForm {
        indicators: vec!["no-such-indicator".into()],
        ..form
    };
    assert!(matches!(
        app.report_case(&police, &unknown).await,
        Err(AppError::Invalid(_))
    ));
    assert_eq!(
        app.cases(&police, &CaseQuery::default())
            .await
            .unwrap()
            .total,
        1
    );
    let s = app
        .sign_in("le-coordinator", DEMO_PASSWORD, "127.0.0.1")
        .await
        .unwrap();
    let coordinator = app.session(&s.token, "127.0.0.1").await.unwrap().actor;
    let text = spona_app::catalogues::BUNDLED[1];
    assert!(matches!(
        app.import_catalogue(&coordinator, text).await,
        Err(AppError::Forbidden)
    ));
    t.finish().await;
}

/// Forms that fit only a man or a boy, unless the other form stands beside them ("/");
/// compared in lower case.
const MASCULINE_ONLY: &[&str] = &[
    "затечен ",
    "добио ",
    "његово име",
    "његов",
    " му ",
    "кажњаван ",
    "пријављен ",
    "рекао ",
    "дошао ",
    " он ",
    "zatečen ",
    "dobio ",
    "njegov",
    " he ",
    " his ",
    " him ",
];

#[test]
fn every_bundled_indicator_is_worded_for_any_gender() {
    for text in spona_app::catalogues::BUNDLED {
        let catalogue = spona_domain::cases::IndicatorCatalogue::parse(text).unwrap();
        let labels = catalogue.domains.iter().map(|d| &d.label);
        for t in catalogue.items.iter().map(|i| &i.texts).chain(labels) {
            for wording in [&t.sr_cyrl, &t.sr_latn, &t.en] {
                let padded = format!(" {} ", wording.to_lowercase());
                for form in MASCULINE_ONLY {
                    let at = padded.find(form);
                    let paired = at.is_some_and(|at| padded[at + form.len()..].starts_with('/'));
                    assert!(at.is_none() || paired, "{wording:?} has {form:?}");
                }
            }
        }
    }
    let general =
        spona_domain::cases::IndicatorCatalogue::parse(spona_app::catalogues::BUNDLED[0]).unwrap();
    let site = general.get("exploitation-site").unwrap();
    assert_eq!(
        site.texts.sr_cyrl,
        "Особа је затечена на месту вероватне експлоатације"
    );
    assert_eq!(
        site.texts.sr_latn,
        "Osoba je zatečena na mestu verovatne eksploatacije"
    );
}

#[tokio::test]
async fn a_case_keeps_the_wording_of_the_catalogue_version_it_was_screened_with() {
    let t = TestDb::sqlite().await;
    let app = demo(&t).await;
    let s = app
        .sign_in("le-police", DEMO_PASSWORD, "127.0.0.1")
        .await
        .unwrap();
    let police = app.session(&s.token, "127.0.0.1").await.unwrap().actor;
    let form = ReportForm {
        reporter_kind: "team-official".into(),
        detected_on: "2026-11-27".into(),
        description: "Особа на станици".into(),
        indicators: vec!["exploitation-site".into()],
        ..Default::default()
    };
    let case = app.report_case(&police, &form).await.unwrap().case_id;
    let newer = spona_app::catalogues::BUNDLED[0]
        .replace("version\t2026-2", "version\t2027-1")
        .replace("Особа је затечена", "Особа је пронађена");
    app.import_catalogue(&operator(), &newer).await.unwrap();

    let view = app.case(&police, case).await.unwrap();
    let screened = view.screening.unwrap().catalogue.unwrap();
    assert_eq!(screened, "general-adult/2026-2");
    let (sector, version) = screened.split_once('/').unwrap();
    let sector = spona_domain::cases::Sector::from_code(sector).unwrap();
    let own = app
        .catalogue_version(sector, version)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        own.get("exploitation-site").unwrap().texts.sr_cyrl,
        "Особа је затечена на месту вероватне експлоатације"
    );
    let latest = app
        .catalogue_for(spona_domain::registry::InstitutionKind::Ngo)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(latest.version, "2027-1");
    assert!(app
        .catalogue_version(sector, "1999")
        .await
        .unwrap()
        .is_none());
    t.finish().await;
}
