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
async fn the_demo_carries_every_bundled_catalogue_and_a_bad_file_is_refused_by_line() {
    for t in TestDb::every_engine().await {
        let app = demo(&t).await;
        let list = app.catalogues().await.unwrap();
        let sectors: Vec<&str> = list.iter().map(|c| c.sector.code()).collect();
        assert_eq!(
            sectors,
            [
                "child",
                "education",
                "general-adult",
                "health",
                "ilo-forced-labour",
                "labour-exploitation",
                "labour-inspection",
                "ngo",
                "police",
                "social-protection",
            ]
        );
        assert_eq!(list[4].indicators, 11);
        for c in &list {
            assert!((8..=21).contains(&c.indicators), "{:?}", c.sector);
        }
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
        assert_eq!(app.catalogues().await.unwrap().len(), 10, "nothing stored");
        t.finish().await;
    }
}

#[tokio::test]
async fn a_report_is_screened_with_its_sectors_catalogue_and_unknown_indicators_are_refused() {
    let t = TestDb::sqlite().await;
    let app = demo(&t).await;
    let police = spona_testkit::signed_session(&app, "le-police", DEMO_PASSWORD)
        .await
        .actor;
    let form = ReportForm {
        reporter_kind: "team-official".into(),
        detected_on: "2026-11-27".into(),
        description: "Особа на станици".into(),
        indicators: vec!["docs-held-by-other".into(), "rehearsed".into()],
        ..Default::default()
    };
    let case = app.report_case(&police, &form).await.unwrap().case_id;
    let view = app.case(&police, case).await.unwrap();
    let screening = view.screening.unwrap();
    assert_eq!(screening.catalogue.as_deref(), Some("police/2026-1"));
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
    let coordinator = spona_testkit::signed_session(&app, "le-coordinator", DEMO_PASSWORD)
        .await
        .actor;
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
    let police = spona_testkit::signed_session(&app, "le-police", DEMO_PASSWORD)
        .await
        .actor;
    // The police pick the general list instead of their own.
    let form = ReportForm {
        reporter_kind: "team-official".into(),
        detected_on: "2026-11-27".into(),
        description: "Особа на станици".into(),
        indicators: vec!["exploitation-site".into()],
        catalogue: "general-adult/2026-2".into(),
        catalogue_chosen: Some("on".into()),
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
    // A form that switches to the general list gets its newest version.
    let switch = spona_domain::cases::ReportForm {
        switch_to: "general-adult".into(),
        ..Default::default()
    };
    let latest = app
        .report_catalogue(&police, &switch, None, true)
        .await
        .unwrap();
    assert_eq!(latest.name().as_deref(), Some("general-adult/2027-1"));
    assert!(app
        .catalogue_version(sector, "1999")
        .await
        .unwrap()
        .is_none());
    t.finish().await;
}

async fn actor(app: &App, username: &str) -> spona_domain::access::Actor {
    spona_testkit::signed_session(app, username, DEMO_PASSWORD)
        .await
        .actor
}

/// A report of a person the police may take for a child, with the list the form showed.
fn child_seen_by_police(shown: &str, indicators: &[&str]) -> ReportForm {
    ReportForm {
        reporter_kind: "team-official".into(),
        detected_on: "2026-11-27".into(),
        description: "Девојчица на аутобуској станици".into(),
        estimated_age: "14".into(),
        catalogue: shown.into(),
        indicators: indicators.iter().map(|c| c.to_string()).collect(),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_child_reported_by_the_police_is_screened_with_the_child_list_by_default() {
    for t in TestDb::every_engine().await {
        let app = demo(&t).await;
        let police = actor(&app, "le-police").await;
        let blank = ReportForm::default();
        let list = app
            .report_catalogue(&police, &blank, None, false)
            .await
            .unwrap();
        assert_eq!(list.name().as_deref(), Some("police/2026-1"), "an adult");
        assert!(!list.chosen && !list.replaced);
        assert_eq!(list.choices.len(), 10);

        // Indicators ticked on the police list are not saved against the child list: the
        // form comes back with it, and nothing is saved.
        let ticked = child_seen_by_police("police/2026-1", &["rehearsed"]);
        let refused = app.report_case(&police, &ticked).await.unwrap_err();
        assert!(
            matches!(&refused, AppError::Invalid(e) if e.iter().any(|(f, _)| *f == "indicators")),
            "{refused:?}"
        );
        let again = app
            .report_catalogue(&police, &ticked, None, false)
            .await
            .unwrap();
        assert_eq!(again.name().as_deref(), Some("child/2026-1"));
        assert!(again.replaced);
        let total = app
            .cases(&police, &CaseQuery::default())
            .await
            .unwrap()
            .total;
        assert_eq!(total, 0, "nothing saved");

        // With the child list's indicators, or with none ticked, the child list is recorded.
        let screened = child_seen_by_police("child/2026-1", &["unaccompanied", "begging"]);
        let case = app.report_case(&police, &screened).await.unwrap().case_id;
        let kept = app.case(&police, case).await.unwrap().screening.unwrap();
        assert_eq!(kept.catalogue.as_deref(), Some("child/2026-1"));
        assert_eq!(kept.indicators.len(), 2);
        let nothing_ticked = child_seen_by_police("police/2026-1", &[]);
        let case = app
            .report_case(&police, &nothing_ticked)
            .await
            .unwrap()
            .case_id;
        let kept = app.case(&police, case).await.unwrap().screening.unwrap();
        assert_eq!(kept.catalogue.as_deref(), Some("child/2026-1"));
        t.finish().await;
    }
}

#[tokio::test]
async fn a_list_the_reporter_picked_is_kept_and_a_missing_one_falls_back_to_the_general_list() {
    for t in TestDb::every_engine().await {
        let app = demo(&t).await;
        let police = actor(&app, "le-police").await;
        let switching = ReportForm {
            switch_to: "labour-exploitation".into(),
            estimated_age: "15".into(),
            ..Default::default()
        };
        let picked = app
            .report_catalogue(&police, &switching, None, true)
            .await
            .unwrap();
        assert_eq!(picked.name().as_deref(), Some("labour-exploitation/2026-1"));
        assert!(picked.chosen);
        // Picked, it stays for a child too.
        let form = ReportForm {
            catalogue_chosen: Some("on".into()),
            ..child_seen_by_police("labour-exploitation/2026-1", &["papers-kept"])
        };
        let case = app.report_case(&police, &form).await.unwrap().case_id;
        let kept = app.case(&police, case).await.unwrap().screening.unwrap();
        assert_eq!(
            kept.catalogue.as_deref(),
            Some("labour-exploitation/2026-1")
        );

        // A deployment that never imported the child or the police list: the general one.
        {
            let mut c = app.db().conn().await.unwrap();
            sqlx::query("DELETE FROM indicator_catalogues WHERE sector IN ('child', 'police')")
                .execute(&mut *c)
                .await
                .unwrap();
        }
        for form in [ReportForm::default(), child_seen_by_police("", &[])] {
            let list = app
                .report_catalogue(&police, &form, None, false)
                .await
                .unwrap();
            assert_eq!(list.name().as_deref(), Some("general-adult/2026-2"));
        }
        t.finish().await;
    }
}

#[tokio::test]
async fn the_national_office_imports_a_catalogue_and_a_team_coordinator_may_not() {
    for t in TestDb::every_engine().await {
        let app = demo(&t).await;
        let national = actor(&app, "national").await;
        let coordinator = actor(&app, "le-coordinator").await;
        let newer = spona_app::catalogues::BUNDLED[8].replace("version\t2026-1", "version\t2027-1");
        assert!(matches!(
            app.import_catalogue(&coordinator, &newer).await,
            Err(AppError::Forbidden)
        ));
        let info = app.import_catalogue(&national, &newer).await.unwrap();
        assert_eq!(info.sector.code(), "child");
        assert_eq!(info.version, "2027-1");
        t.finish().await;
    }
}

#[test]
fn every_bundled_list_names_its_sources_and_stigmatises_nobody() {
    for text in spona_app::catalogues::BUNDLED {
        let catalogue = spona_domain::cases::IndicatorCatalogue::parse(text).unwrap();
        let sector = catalogue.sector.code();
        if !matches!(sector, "general-adult" | "ilo-forced-labour") {
            assert!(text.contains("# Source:"), "{sector}");
            assert_eq!(catalogue.version, "2026-1", "{sector}");
            assert!((8..=15).contains(&catalogue.items.len()), "{sector}");
        }
        for i in &catalogue.items {
            for wording in [&i.texts.sr_cyrl, &i.texts.sr_latn, &i.texts.en] {
                assert!(
                    !spona_domain::cases::is_stigmatising(wording),
                    "{sector}: {wording}"
                );
            }
        }
    }
}
