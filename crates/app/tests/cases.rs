//! The flow of a case through the app layer, on both engines: report, child protocol,
//! need-to-know reading, referral answers, state changes, audit and encryption at rest.

use spona_app::cases::{AnswerForm, CaseQuery, ConsentForm, GuardianForm, ReferralForm};
use spona_app::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::cases::{CaseState, Part, ReportForm};
use spona_testkit::TestDb;

async fn demo(t: &TestDb) -> App {
    spona_testkit::demo_app(t).await.0
}

async fn who(app: &App, username: &str) -> Actor {
    spona_testkit::actor(app, username).await
}

fn adult() -> ReportForm {
    ReportForm {
        reporter_kind: "team-official".into(),
        detected_on: "2026-11-27".into(),
        given_name: "Јована".into(),
        family_name: "Вукомановић".into(),
        sex: "female".into(),
        birth_date: "1990-04-02".into(),
        whereabouts: "Прихватилиште у Лесковцу".into(),
        narrative: "Пронађена на аутобуској станици без докумената.".into(),
        ..Default::default()
    }
}

fn child() -> ReportForm {
    ReportForm {
        given_name: "Милица".into(),
        family_name: "Стојковић".into(),
        birth_date: String::new(),
        estimated_age: "15".into(),
        may_be_child: Some("on".into()),
        ..adult()
    }
}

#[tokio::test]
async fn a_report_is_visible_to_its_institution_only_and_the_coordinator_sees_that_it_exists() {
    for t in TestDb::every_engine().await {
        let app = demo(&t).await;
        let police = who(&app, "le-police").await;
        let reported = app.report_case(&police, &adult()).await.unwrap();
        assert_eq!(reported.code, "ЛЕ-2026-0001");
        assert!(!reported.protocol_referral);

        let mine = app.cases(&police, &CaseQuery::default()).await.unwrap();
        assert_eq!(mine.total, 1);
        assert_eq!(mine.items[0].name.as_deref(), Some("Јована Вукомановић"));
        let view = app.case(&police, reported.case_id).await.unwrap();
        assert_eq!(
            view.contact.unwrap().whereabouts,
            "Прихватилиште у Лесковцу"
        );

        let social = who(&app, "le-social").await;
        assert!(matches!(
            app.case(&social, reported.case_id).await,
            Err(AppError::NotFound)
        ));
        assert_eq!(
            app.cases(&social, &CaseQuery::default())
                .await
                .unwrap()
                .total,
            0
        );

        let coordinator = who(&app, "le-coordinator").await;
        let listed = app
            .cases(&coordinator, &CaseQuery::default())
            .await
            .unwrap();
        assert_eq!(listed.total, 1);
        assert_eq!(
            listed.items[0].name, None,
            "no name for who cannot open the record"
        );
        let existence = app.case(&coordinator, reported.case_id).await.unwrap();
        assert!(
            existence.identity.is_none()
                && existence.contact.is_none()
                && existence.circumstances.is_none()
        );
        assert!(existence.transitions.is_empty());

        let member = who(&app, "le-member").await;
        assert!(matches!(
            app.cases(&member, &CaseQuery::default()).await,
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            app.case(&member, reported.case_id).await,
            Err(AppError::Forbidden)
        ));
        let nis = who(&app, "nis-coordinator").await;
        assert!(matches!(
            app.case(&nis, reported.case_id).await,
            Err(AppError::NotFound)
        ));
        t.finish().await;
    }
}

#[tokio::test]
async fn the_inbox_holds_the_most_pressing_referrals_up_to_its_limit() {
    use spona_app::cases::INBOX_LIMIT;
    for t in TestDb::every_engine().await {
        let app = demo(&t).await;
        let police = who(&app, "le-police").await;
        let social = who(&app, "le-social").await;
        // One more child's referral than the inbox shows; the first is answered.
        for _ in 0..=INBOX_LIMIT {
            app.report_case(&police, &child()).await.unwrap();
        }
        let first = app.inbox(&social).await.unwrap().pop().unwrap();
        let answer = AnswerForm {
            action: "accept".into(),
            version: first.version,
            ..AnswerForm::default()
        };
        app.answer_referral(&social, first.id, &answer)
            .await
            .unwrap();

        let inbox = app.inbox(&social).await.unwrap();
        assert_eq!(inbox.len() as i64, INBOX_LIMIT);
        assert!(
            inbox.iter().all(|r| r.status == "sent" && r.id != first.id),
            "the unanswered come first, so the answered one is what falls off"
        );
        t.finish().await;
    }
}

#[tokio::test]
async fn a_child_report_sends_an_urgent_referral_to_social_work_in_the_same_transaction() {
    for t in TestDb::every_engine().await {
        let app = demo(&t).await;
        let police = who(&app, "le-police").await;
        let reported = app.report_case(&police, &child()).await.unwrap();
        assert!(reported.protocol_referral);

        let social = who(&app, "le-social").await;
        let inbox = app.inbox(&social).await.unwrap();
        assert_eq!(inbox.len(), 1);
        let referral = &inbox[0];
        assert!(referral.protocol && referral.case_is_child && referral.can_answer);
        assert_eq!(referral.urgency, "urgent");
        assert!(
            referral.deadline_at - referral.sent_at <= 24 * 3600,
            "hours, not days"
        );

        let view = app.case(&social, reported.case_id).await.unwrap();
        assert_eq!(view.identity.unwrap().given_name, "Милица");
        assert_eq!(view.tasks.len(), 1, "the guardian task");
        assert_eq!(view.tasks[0].kind, "record-temporary-guardian");
        assert!(
            view.transitions.is_empty(),
            "the receiver does not move the owner's case"
        );

        let answer = AnswerForm {
            action: "accept".into(),
            reason: String::new(),
            version: referral.version,
            ..AnswerForm::default()
        };
        app.answer_referral(&social, referral.id, &answer)
            .await
            .unwrap();
        assert_eq!(app.inbox(&social).await.unwrap()[0].status, "accepted");
        // Children's cases stand first in every list.
        app.report_case(&police, &adult()).await.unwrap();
        let list = app.cases(&police, &CaseQuery::default()).await.unwrap();
        assert!(list.items[0].is_child);
        t.finish().await;
    }
}

#[tokio::test]
async fn a_referral_shares_only_its_parts_and_a_declined_one_shares_nothing() {
    let t = TestDb::sqlite().await;
    let app = demo(&t).await;
    let police = who(&app, "le-police").await;
    let social = who(&app, "le-social").await;
    let case = app.report_case(&police, &adult()).await.unwrap().case_id;
    let csw = social.institution_id.unwrap().0.to_string();
    let consent = ConsentForm {
        given_by: "person".into(),
        explained: "Објашњено шта се дели и зашто.".into(),
        parts: vec!["identity".into()],
        institutions: vec![csw.clone()],
        given_on: "2026-11-27".into(),
    };
    app.record_consent(&police, case, &consent).await.unwrap();
    let form = ReferralForm {
        to_institution: csw.clone(),
        purpose: "Смештај и психосоцијална подршка".into(),
        parts: vec!["identity".into()],
        urgency: "normal".into(),
        override_reason: String::new(),
    };
    let id = app.refer_case(&police, case, &form).await.unwrap();
    let view = app.case(&social, case).await.unwrap();
    assert!(view.identity.is_some());
    let listed = app.cases(&social, &CaseQuery::default()).await.unwrap();
    assert_eq!(
        listed.items[0].name.as_deref(),
        Some("Јована Вукомановић"),
        "shared identity, so the name shows"
    );
    assert!(view.contact.is_none() && view.circumstances.is_none() && view.screening.is_none());
    assert!(view.access.sees(Part::Identity) && !view.access.sees(Part::Contact));

    let no_reason = AnswerForm {
        action: "decline".into(),
        reason: "  ".into(),
        version: 1,
        ..AnswerForm::default()
    };
    assert!(matches!(
        app.answer_referral(&social, id, &no_reason).await,
        Err(AppError::Invalid(_))
    ));
    let decline = AnswerForm {
        action: "decline".into(),
        reason: "Није у надлежности".into(),
        version: 1,
        ..AnswerForm::default()
    };
    app.answer_referral(&social, id, &decline).await.unwrap();
    assert!(matches!(
        app.case(&social, case).await,
        Err(AppError::NotFound)
    ));
    // Only the receiver answers; the sender, who knows of it, is forbidden to.
    assert!(matches!(
        app.answer_referral(&police, id, &decline).await,
        Err(AppError::Forbidden)
    ));
    // The receiver cannot refer the owner's case on.
    assert!(app.refer_case(&social, case, &form).await.is_err());
    // Nothing shared is refused.
    let empty = ReferralForm {
        parts: vec![],
        ..form
    };
    assert!(matches!(
        app.refer_case(&police, case, &empty).await,
        Err(AppError::Invalid(_))
    ));
    t.finish().await;
}

#[tokio::test]
async fn the_state_machine_refuses_illegal_moves_and_stale_versions() {
    let t = TestDb::sqlite().await;
    let app = demo(&t).await;
    let police = who(&app, "le-police").await;
    let case = app.report_case(&police, &adult()).await.unwrap().case_id;
    assert!(matches!(
        app.transition_case(&police, case, "start-assistance", 1, true)
            .await,
        Err(AppError::Invalid(_))
    ));
    assert!(matches!(
        app.transition_case(&police, case, "no-such-move", 1, true)
            .await,
        Err(AppError::Invalid(_))
    ));
    let next = app
        .transition_case(&police, case, "refer-for-identification", 1, true)
        .await
        .unwrap();
    assert_eq!(next, CaseState::ReferredForIdentification);
    assert!(matches!(
        app.transition_case(&police, case, "record-outcome-pending", 1, true)
            .await,
        Err(AppError::Conflict)
    ));
    let coordinator = who(&app, "le-coordinator").await;
    assert!(matches!(
        app.transition_case(&coordinator, case, "record-outcome-pending", 2, true)
            .await,
        Err(AppError::Forbidden)
    ));
    t.finish().await;
}

#[tokio::test]
async fn bad_reports_are_refused_whole() {
    let t = TestDb::sqlite().await;
    let app = demo(&t).await;
    let police = who(&app, "le-police").await;
    let future = ReportForm {
        birth_date: "2030-01-01".into(),
        ..adult()
    };
    assert!(matches!(
        app.report_case(&police, &future).await,
        Err(AppError::Invalid(_))
    ));
    let before_birth = ReportForm {
        detected_on: "1989-01-01".into(),
        ..adult()
    };
    assert!(matches!(
        app.report_case(&police, &before_birth).await,
        Err(AppError::Invalid(_))
    ));
    assert_eq!(
        app.cases(&police, &CaseQuery::default())
            .await
            .unwrap()
            .total,
        0
    );
    let member = who(&app, "le-member").await;
    assert!(matches!(
        app.report_case(&member, &adult()).await,
        Err(AppError::Forbidden)
    ));
    t.finish().await;
}

#[tokio::test]
async fn the_same_person_reported_twice_is_flagged_without_revealing_the_other_case() {
    let t = TestDb::sqlite().await;
    let app = demo(&t).await;
    let police = who(&app, "le-police").await;
    let social = who(&app, "le-social").await;
    let first = app.report_case(&police, &adult()).await.unwrap();
    assert_eq!(
        spona_testkit::pairs_raised_for(&t.db, first.case_id).await,
        0
    );
    let latin = ReportForm {
        given_name: "JOVANA".into(),
        family_name: "Vukomanovic".into(),
        ..adult()
    };
    let second = app.report_case(&social, &latin).await.unwrap();
    assert_eq!(
        spona_testkit::pairs_raised_for(&t.db, second.case_id).await,
        1
    );
    // Only the institution that held the person first reviews; the reporter sees nothing.
    assert_eq!(app.duplicates_to_review(&police).await.unwrap().len(), 1);
    assert!(app.duplicates_to_review(&social).await.unwrap().is_empty());
    assert_eq!(
        app.cases(&social, &CaseQuery::default())
            .await
            .unwrap()
            .total,
        1,
        "only its own"
    );
    t.finish().await;
}

#[tokio::test]
async fn the_database_file_alone_reveals_no_name_and_every_view_is_audited() {
    let t = TestDb::sqlite().await;
    let app = demo(&t).await;
    let police = who(&app, "le-police").await;
    let case = app.report_case(&police, &adult()).await.unwrap().case_id;
    app.case(&police, case).await.unwrap();
    app.case(&police, case).await.unwrap();
    let mut c = t.db.conn().await.unwrap();
    let entries = spona_store::audit::for_subject(&mut c, "case", case.0, 100)
        .await
        .unwrap();
    let views = entries.iter().filter(|e| e.action == "case-viewed").count();
    assert_eq!(views, 2);
    drop(c);
    assert_eq!(app.verify_audit().await.unwrap().first_break, None);
    t.db.close().await;
    let path = match &t.url {
        spona_store::DatabaseUrl::Sqlite(p) => p.clone(),
        _ => unreachable!(),
    };
    let mut bytes = std::fs::read(&path).unwrap();
    if let Ok(wal) = std::fs::read(path.with_extension("db-wal")) {
        bytes.extend(wal);
    }
    for secret in [
        "Јована",
        "Вукомановић",
        "Прихватилиште",
        "аутобуској",
        "1990-04-02",
    ] {
        let needle = secret.as_bytes();
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle),
            "{secret} is in the file"
        );
    }
    t.finish().await;
}

#[tokio::test]
async fn the_demo_cases_show_the_whole_flow_once() {
    for t in TestDb::every_engine().await {
        let app = demo(&t).await;
        assert!(app.seed_demo_cases().await.unwrap());
        assert!(!app.seed_demo_cases().await.unwrap(), "only once");
        let police = who(&app, "le-police").await;
        let list = app.cases(&police, &CaseQuery::default()).await.unwrap();
        assert_eq!(list.total, 3);
        assert!(list.items[0].is_child, "the child first");
        let states: Vec<CaseState> = list.items.iter().map(|c| c.state).collect();
        assert!(
            states.contains(&CaseState::Closed)
                && states.contains(&CaseState::ReferredForIdentification)
        );
        let social = who(&app, "le-social").await;
        let inbox = app.inbox(&social).await.unwrap();
        assert_eq!(inbox.len(), 2);
        assert!(
            inbox[0].protocol && inbox[0].status == "sent",
            "the urgent one waits for an answer"
        );
        assert_eq!(app.verify_audit().await.unwrap().first_break, None);
        t.finish().await;
    }
}

#[tokio::test]
async fn the_owning_institution_sees_who_opened_its_case() {
    let t = TestDb::sqlite().await;
    let app = demo(&t).await;
    let police = who(&app, "le-police").await;
    let social = who(&app, "le-social").await;
    let case = app.report_case(&police, &child()).await.unwrap().case_id;
    app.case(&social, case).await.unwrap();
    let log = app.case_access_log(&police, case).await.unwrap();
    assert_eq!(log[0].action, "case-viewed");
    assert_eq!(log[0].who, "Весна Јовановић (демо)");
    assert_eq!(log[0].address, "10.0.0.1");
    assert_eq!(log.last().unwrap().action, "case-reported");
    assert!(matches!(
        app.case_access_log(&social, case).await,
        Err(AppError::Forbidden)
    ));
    let coordinator = who(&app, "le-coordinator").await;
    assert!(matches!(
        app.case_access_log(&coordinator, case).await,
        Err(AppError::Forbidden)
    ));
    let nis = who(&app, "nis-coordinator").await;
    assert!(matches!(
        app.case_access_log(&nis, case).await,
        Err(AppError::NotFound)
    ));
    t.finish().await;
}

#[tokio::test]
async fn sharing_follows_consent_and_going_without_it_needs_a_written_reason() {
    for t in TestDb::every_engine().await {
        let app = demo(&t).await;
        let police = who(&app, "le-police").await;
        let social = who(&app, "le-social").await;
        let case = app.report_case(&police, &adult()).await.unwrap().case_id;
        let csw = social.institution_id.unwrap().0.to_string();
        let form = ReferralForm {
            to_institution: csw.clone(),
            purpose: "Смештај".into(),
            parts: vec!["identity".into(), "contact".into()],
            urgency: "urgent".into(),
            override_reason: String::new(),
        };
        let refused = app.refer_case(&police, case, &form).await;
        assert!(
            matches!(refused, Err(AppError::Invalid(ref e)) if e.get("override_reason").is_some()),
            "{refused:?}"
        );
        // A consent that covers only the identity does not cover the contact.
        let consent = ConsentForm {
            given_by: "person".into(),
            explained: "Објашњено.".into(),
            parts: vec!["identity".into()],
            institutions: vec![csw.clone()],
            given_on: "2026-11-27".into(),
        };
        let consent_id = app.record_consent(&police, case, &consent).await.unwrap();
        assert!(app.refer_case(&police, case, &form).await.is_err());
        let identity_only = ReferralForm {
            parts: vec!["identity".into()],
            ..form.clone()
        };
        app.refer_case(&police, case, &identity_only).await.unwrap();
        // Withdrawn, it covers nothing more.
        app.withdraw_consent(&police, case, consent_id)
            .await
            .unwrap();
        assert!(app.refer_case(&police, case, &identity_only).await.is_err());
        // An urgent legal duty: without consent, with the reason on record.
        let urgent = ReferralForm {
            override_reason: "Непосредна опасност по живот".into(),
            ..form.clone()
        };
        app.refer_case(&police, case, &urgent).await.unwrap();
        let mut c = t.db.conn().await.unwrap();
        let log = spona_store::audit::for_subject(&mut c, "case", case.0, 50)
            .await
            .unwrap();
        let entry = log
            .iter()
            .find(|e| e.action == "referral-sent-without-consent")
            .expect("audited");
        assert_eq!(entry.reason, "Непосредна опасност по живот");
        drop(c);
        let view = app.case(&police, case).await.unwrap();
        assert_eq!(view.consents.len(), 1);
        assert!(view.consents[0].withdrawn);
        assert_eq!(view.consents[0].explained, "Објашњено.");
        t.finish().await;
    }
}

#[tokio::test]
async fn for_a_child_the_guardian_is_recorded_first_and_gives_consent() {
    let t = TestDb::sqlite().await;
    let app = demo(&t).await;
    let police = who(&app, "le-police").await;
    let social = who(&app, "le-social").await;
    let case = app.report_case(&police, &child()).await.unwrap().case_id;
    let csw = social.institution_id.unwrap().0.to_string();
    let by_person = ConsentForm {
        given_by: "person".into(),
        explained: "Објашњено.".into(),
        parts: vec!["identity".into()],
        institutions: vec![csw.clone()],
        given_on: "2026-11-27".into(),
    };
    let refused = app.record_consent(&police, case, &by_person).await;
    assert!(
        matches!(refused, Err(AppError::Invalid(ref e)) if e.get("given_by").is_some()),
        "a child's own consent does not count"
    );
    let by_guardian = ConsentForm {
        given_by: "guardian".into(),
        ..by_person
    };
    assert!(
        app.record_consent(&police, case, &by_guardian)
            .await
            .is_err(),
        "no guardian recorded yet"
    );
    // The Centre for Social Work, which received the protocol referral, records the guardian.
    let guardian = GuardianForm {
        name: "Драгана Петровић".into(),
        contact: "016 000 000".into(),
        appointed_on: "2026-11-28".into(),
    };
    app.record_guardian(&social, case, &guardian).await.unwrap();
    let view = app.case(&social, case).await.unwrap();
    assert!(
        view.tasks.iter().all(|t| t.done),
        "the guardian task is done"
    );
    assert_eq!(view.guardians[0].name, "Драгана Петровић");
    app.record_consent(&police, case, &by_guardian)
        .await
        .unwrap();
    let member = who(&app, "le-member").await;
    assert!(matches!(
        app.record_guardian(&member, case, &guardian).await,
        Err(AppError::Forbidden)
    ));
    t.finish().await;
}

#[tokio::test]
async fn the_proceedings_move_forward_and_back_only_by_a_written_correction() {
    let t = TestDb::sqlite().await;
    let app = demo(&t).await;
    let police = who(&app, "le-police").await;
    let case = app.report_case(&police, &adult()).await.unwrap().case_id;
    let stage = app
        .move_proceedings(&police, case, "indictment", "", 1)
        .await
        .unwrap();
    assert_eq!(stage.code(), "indictment");
    assert!(matches!(
        app.move_proceedings(&police, case, "investigation", "", 2)
            .await,
        Err(AppError::Invalid(_))
    ));
    app.move_proceedings(&police, case, "investigation", "Погрешно унето", 2)
        .await
        .unwrap();
    let view = app.case(&police, case).await.unwrap();
    assert_eq!(view.proceedings.map(|p| p.code()), Some("investigation"));
    let log = app.case_access_log(&police, case).await.unwrap();
    assert!(log
        .iter()
        .any(|e| e.action == "proceedings-corrected" && e.reason == "Погрешно унето"));
    let social = who(&app, "le-social").await;
    assert!(matches!(
        app.move_proceedings(&social, case, "trial", "", 3).await,
        Err(AppError::NotFound)
    ));
    t.finish().await;
}

#[tokio::test]
async fn two_officials_editing_one_report_the_second_is_told_and_a_child_fires_the_protocol() {
    for t in TestDb::every_engine().await {
        let app = demo(&t).await;
        let police = who(&app, "le-police").await;
        let case = app.report_case(&police, &adult()).await.unwrap().case_id;
        let (mut first, version) = app.report_form(&police, case).await.unwrap();
        assert_eq!(first.given_name, "Јована");
        let (mut second, _) = app.report_form(&police, case).await.unwrap();
        first.whereabouts = "Нова адреса".into();
        app.edit_report(&police, case, &first, version)
            .await
            .unwrap();
        second.narrative = "Друга измена".into();
        assert!(matches!(
            app.edit_report(&police, case, &second, version).await,
            Err(AppError::Conflict)
        ));
        let view = app.case(&police, case).await.unwrap();
        assert_eq!(view.contact.unwrap().whereabouts, "Нова адреса");
        assert!(
            !view.circumstances.unwrap().narrative.contains("Друга"),
            "nothing overwritten"
        );

        // The edit reveals a child: the protocol fires now, and only once.
        let (mut form, version) = app.report_form(&police, case).await.unwrap();
        form.birth_date = String::new();
        form.estimated_age = "16".into();
        form.may_be_child = Some("on".into());
        app.edit_report(&police, case, &form, version)
            .await
            .unwrap();
        let social = who(&app, "le-social").await;
        assert_eq!(app.inbox(&social).await.unwrap().len(), 1);
        let (form, version) = app.report_form(&police, case).await.unwrap();
        app.edit_report(&police, case, &form, version)
            .await
            .unwrap();
        assert_eq!(app.inbox(&social).await.unwrap().len(), 1, "once");
        assert!(matches!(
            app.report_form(&social, case).await,
            Err(AppError::Forbidden)
        ));
        t.finish().await;
    }
}

#[tokio::test]
async fn the_coordinator_reads_a_case_only_once_assigned_by_its_owner() {
    for t in TestDb::every_engine().await {
        let app = demo(&t).await;
        let police = who(&app, "le-police").await;
        let coordinator = who(&app, "le-coordinator").await;
        let case = app.report_case(&police, &adult()).await.unwrap().case_id;
        assert!(app
            .case(&coordinator, case)
            .await
            .unwrap()
            .identity
            .is_none());
        let choices = app.team_coordinators(&police).await.unwrap();
        let (id, name) = choices[0].clone();
        assert_eq!(name, "Милена Стојановић (демо)");
        let member = who(&app, "le-member").await;
        assert!(
            matches!(
                app.assign_coordinator(&police, case, member.user_id.0)
                    .await,
                Err(AppError::Invalid(_))
            ),
            "only a coordinator of the team"
        );
        assert!(matches!(
            app.assign_coordinator(&coordinator, case, id).await,
            Err(AppError::Forbidden)
        ));
        app.assign_coordinator(&police, case, id).await.unwrap();
        let view = app.case(&coordinator, case).await.unwrap();
        assert_eq!(view.identity.unwrap().given_name, "Јована");
        assert!(view.transitions.is_empty(), "reads, does not work on it");
        assert_eq!(app.case(&police, case).await.unwrap().assigned.len(), 1);
        app.unassign_coordinator(&police, case, id).await.unwrap();
        assert!(app
            .case(&coordinator, case)
            .await
            .unwrap()
            .identity
            .is_none());
        t.finish().await;
    }
}
