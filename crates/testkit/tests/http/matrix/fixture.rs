//! The records the matrix asks about, with their real ids: the demo's own (Leskovac), the
//! same kinds made in the Niš team through the app, and case records of two institutions.

use spona_app::activities::{ActivityForm, VenueForm};
use spona_app::cases::{ConsentForm, NewFile, ReferralForm, TransferForm};
use spona_app::cases::{FollowUpForm, ServiceForm};
use spona_app::forms::PasswordForm;
use spona_app::forms::UserForm;
use spona_app::guidelines::GuidelineForm;
use spona_app::materials::ItemForm;
use spona_app::meetings::{ActionForm, MeetingForm};
use spona_app::official_files::OfficialUpload;
use spona_app::outreach::FeedForm;
use spona_app::plan::{ObjectiveForm, PlanActivityForm, PlanForm};
use spona_app::practices::PracticeForm;
use spona_app::reports::PeriodForm;
use spona_app::trainings::{Recorded, TrainingForm};
use spona_app::App;
use spona_domain::access::Actor;
use spona_domain::cases::{AttachmentId, CaseId, ConsentId, ReportForm, ServiceId, TaskId};
use spona_domain::practices::PracticeSource;
use spona_testkit::{actor, TestApp, DEMO_PASSWORD};

/// One team's records of every kind a route can name.
#[derive(Clone, Debug)]
pub struct TeamRecords {
    pub code: &'static str,
    pub activity: i64,
    pub venue: i64,
    pub training: i64,
    /// The file name of a participant's certificate of `training`.
    pub certificate: String,
    pub meeting: i64,
    pub action: i64,
    pub material: i64,
    pub guideline: i64,
    pub plan: i64,
    pub objective: i64,
    pub plan_activity: i64,
    pub report: i64,
    pub practice: i64,
    pub institution: i64,
    pub member: i64,
    pub user: i64,
    pub feed: i64,
    pub duplicate: i64,
    pub referral: i64,
    pub transfer: i64,
}

/// A case and its records.
#[derive(Clone, Copy, Debug)]
pub struct CaseRecords {
    pub case: CaseId,
    pub consent: ConsentId,
    pub service: ServiceId,
    pub attachment: AttachmentId,
    /// A follow-up of the owner's, open.
    pub follow_up: TaskId,
}

/// Everything the matrix names.
#[derive(Clone, Debug)]
pub struct Fixture {
    pub le: TeamRecords,
    pub nis: TeamRecords,
    /// A Leskovac case of the police, not referred to the social work centre.
    pub police_case: CaseRecords,
    /// A Leskovac case of the social work centre, not referred to the police.
    pub social_case: CaseRecords,
    /// A case of the Niš team.
    pub nis_case: CaseRecords,
    /// An account a case can be assigned to.
    pub assignee: i64,
    pub framework_document: i64,
}

async fn scalar(t: &TestApp, sql: &str, bind: i64) -> i64 {
    let mut c = t.app.db().conn().await.expect("connection");
    let found: Option<i64> = sqlx::query_scalar(sql)
        .bind(bind)
        .fetch_one(&mut *c)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    found.unwrap_or_else(|| panic!("no row: {sql} ({bind})"))
}

/// The certificate file of a training's first named participant.
async fn certificate_of(t: &TestApp, training: i64) -> String {
    let mut c = t.app.db().conn().await.expect("connection");
    let token: String = sqlx::query_scalar(
        "SELECT token FROM training_participants WHERE training_id = $1 ORDER BY id LIMIT 1",
    )
    .bind(training)
    .fetch_one(&mut *c)
    .await
    .expect("a named participant");
    format!("{token}.pdf")
}

async fn team_id(t: &TestApp, code: &str) -> i64 {
    let mut c = t.app.db().conn().await.expect("connection");
    sqlx::query_scalar("SELECT id FROM teams WHERE code = $1")
        .bind(code)
        .fetch_one(&mut *c)
        .await
        .expect("team")
}

async fn user_id(t: &TestApp, username: &str) -> i64 {
    let mut c = t.app.db().conn().await.expect("connection");
    sqlx::query_scalar("SELECT id FROM users WHERE username = $1")
        .bind(username)
        .fetch_one(&mut *c)
        .await
        .expect("user")
}

async fn institution(t: &TestApp, team: i64, code: &str) -> i64 {
    let mut c = t.app.db().conn().await.expect("connection");
    sqlx::query_scalar("SELECT id FROM institutions WHERE team_id = $1 AND code = $2")
        .bind(team)
        .bind(code)
        .fetch_one(&mut *c)
        .await
        .expect("institution")
}

fn person(given: &str, family: &str) -> ReportForm {
    ReportForm {
        reporter_kind: "team-official".into(),
        detected_on: "2026-11-20".into(),
        detected_place: "Матрица (измишљено)".into(),
        given_name: given.into(),
        family_name: family.into(),
        sex: "female".into(),
        birth_date: "1990-05-05".into(),
        exploitation_forms: vec!["labour".into()],
        narrative: "Измишљени случај за матрицу приступа.".into(),
        ..Default::default()
    }
}

/// A case of the actor's institution with a consent, a service, an attachment and a
/// follow-up.
async fn case_of(app: &App, worker: &Actor, given: &str) -> CaseRecords {
    let case = app
        .report_case(worker, &person(given, "Матрица (измишљено)"))
        .await
        .expect("report a case")
        .case_id;
    let own = worker
        .institution_id
        .map(|i| i.0.to_string())
        .unwrap_or_default();
    let consent = app
        .record_consent(
            worker,
            case,
            &ConsentForm {
                given_by: "person".into(),
                explained: "Објашњено (матрица).".into(),
                parts: vec!["identity".into()],
                institutions: vec![own],
                given_on: "2026-11-21".into(),
            },
        )
        .await
        .expect("consent");
    let service = app
        .add_service(
            worker,
            case,
            &ServiceForm {
                service_type: "accommodation".into(),
                provider: "Сигурна кућа (измишљено)".into(),
                starts_on: "2026-11-22".into(),
                ends_on: String::new(),
                status: "planned".into(),
            },
        )
        .await
        .expect("service");
    let attachment = app
        .attach_file(
            worker,
            case,
            &NewFile {
                name: "izjava.pdf",
                part: "circumstances",
                content: b"%PDF-1.7\nmatrica\n%%EOF",
            },
        )
        .await
        .expect("attachment");
    app.add_follow_up(
        worker,
        case,
        &FollowUpForm {
            due_on: "2026-12-15".into(),
            note: "Праћење (матрица).".into(),
        },
    )
    .await
    .expect("follow-up");
    let follow_up = app
        .case(worker, case)
        .await
        .expect("the case")
        .tasks
        .iter()
        .find(|t| t.kind == "follow-up")
        .map(|t| t.id)
        .expect("the follow-up's task");
    CaseRecords {
        case,
        consent,
        service,
        attachment,
        follow_up,
    }
}

/// Reports the same person twice, so that the second is flagged as a possible duplicate.
async fn duplicate_of(t: &TestApp, worker: &Actor, team: i64) -> i64 {
    for _ in 0..2 {
        t.app
            .report_case(worker, &person("Двострука", "Особа (измишљено)"))
            .await
            .expect("report");
    }
    scalar(
        t,
        "SELECT MAX(id) FROM possible_duplicates WHERE team_id = $1",
        team,
    )
    .await
}

/// The Leskovac demo with its cases and meetings, and the same kinds of record in Niš.
pub async fn seed(t: &TestApp) -> Fixture {
    let app = &t.app;
    app.seed_demo_cases().await.expect("demo cases");
    app.seed_demo_meetings().await.expect("demo meetings");
    let le_team = team_id(t, "leskovac").await;
    let nis_team = team_id(t, "nis").await;
    let admin = actor(app, "admin").await;
    let national = actor(app, "national").await;
    let police = actor(app, "le-police").await;
    let social = actor(app, "le-social").await;
    let le_coordinator = actor(app, "le-coordinator").await;
    let nis_coordinator = actor(app, "nis-coordinator").await;

    // Accounts that POSTs may change without touching the demo's sign-ins.
    let mut throwaway = Vec::new();
    for (name, team, inst, role) in [
        ("le-spare", "leskovac", "ck", "member"),
        ("nis-spare", "nis", "ck", "member"),
        ("nis-worker", "nis", "pu", "case-worker"),
    ] {
        let (id, _) = app
            .create_user(
                &admin,
                &UserForm {
                    username: name.into(),
                    display_name: "Матрица (измишљено)".into(),
                    role: role.into(),
                    team: team.into(),
                    institution: inst.into(),
                },
                Some(&PasswordForm {
                    password: DEMO_PASSWORD.into(),
                    password_repeat: DEMO_PASSWORD.into(),
                }),
            )
            .await
            .expect("throwaway account");
        throwaway.push(id.0);
    }
    let nis_worker = actor(app, "nis-worker").await;

    let police_case = case_of(app, &police, "Полицијска").await;
    let social_case = case_of(app, &social, "Социјална").await;
    let nis_case = case_of(app, &nis_worker, "Нишка").await;
    let le_duplicate = duplicate_of(t, &police, le_team).await;
    let nis_duplicate = duplicate_of(t, &nis_worker, nis_team).await;
    // The demo's referral goes from the police to the social work centre.
    let le_referral = scalar(
        t,
        "SELECT MIN(id) FROM referrals WHERE team_id = $1",
        le_team,
    )
    .await;
    let nis_csw = institution(t, nis_team, "csr").await;
    app.record_consent(
        &nis_worker,
        nis_case.case,
        &ConsentForm {
            given_by: "person".into(),
            explained: "Објашњено (матрица).".into(),
            parts: vec!["identity".into()],
            institutions: vec![nis_csw.to_string()],
            given_on: "2026-11-21".into(),
        },
    )
    .await
    .expect("nis consent");
    let nis_referral = app
        .refer_case(
            &nis_worker,
            nis_case.case,
            &ReferralForm {
                to_institution: nis_csw.to_string(),
                purpose: "Смештај (матрица)".into(),
                parts: vec!["identity".into()],
                urgency: "normal".into(),
                override_reason: String::new(),
            },
        )
        .await
        .expect("nis referral");

    // Offers of transfer waiting: the police's case to the social work centre, and the
    // Niš case to Niš's.
    let offer = |to: i64| TransferForm {
        to_institution: to.to_string(),
        reason: "Предаја (матрица)".into(),
    };
    let le_csw = institution(t, le_team, "csr").await;
    let le_transfer = app
        .offer_transfer(&police, police_case.case, &offer(le_csw))
        .await
        .expect("le transfer");
    let nis_transfer = app
        .offer_transfer(&nis_worker, nis_case.case, &offer(nis_csw))
        .await
        .expect("nis transfer");

    let le = leskovac(t, &le_coordinator, le_team, throwaway[0]).await;
    let le_certificate = certificate_of(t, le.training).await;
    let le = TeamRecords {
        certificate: le_certificate,
        duplicate: le_duplicate,
        referral: le_referral,
        transfer: le_transfer.0,
        ..le
    };
    let nis = nis_records(t, &nis_coordinator, nis_team, throwaway[1]).await;
    let nis_certificate = certificate_of(t, nis.training).await;
    let nis = TeamRecords {
        certificate: nis_certificate,
        duplicate: nis_duplicate,
        referral: nis_referral.0,
        transfer: nis_transfer.0,
        ..nis
    };
    let framework_document = app
        .add_framework_document(
            &national,
            &spona_app::plan::FrameworkDocumentForm {
                title: "Стратегија (матрица)".into(),
                first_year: "2024".into(),
                last_year: "2029".into(),
                part_of: String::new(),
                reference: String::new(),
            },
        )
        .await
        .expect("framework document");
    Fixture {
        le,
        nis,
        police_case,
        social_case,
        nis_case,
        assignee: user_id(t, "le-member").await,
        framework_document,
    }
}

/// The Leskovac demo's records, and the kinds the demo lacks made by its coordinator.
async fn leskovac(t: &TestApp, coordinator: &Actor, team: i64, user: i64) -> TeamRecords {
    let app = &t.app;
    let q = |table: &str| format!("SELECT MIN(id) FROM {table} WHERE team_id = $1");
    let plan = scalar(t, &q("coordination_plans"), team).await;
    let shared = shared_records(t, coordinator, "leskovac").await;
    let report = app
        .draft_report(
            coordinator,
            &PeriodForm {
                period: "2026-Q3".into(),
            },
        )
        .await
        .expect("report");
    // Leskovac's report stays a draft (the coordinator may still edit it); Niš submits its
    // own, which the national office then reads.
    TeamRecords {
        code: "leskovac",
        activity: scalar(t, &q("activities"), team).await,
        venue: scalar(t, &q("venues"), team).await,
        training: scalar(
            t,
            "SELECT MIN(p.training_id) FROM training_participants p \
             JOIN trainings t ON t.id = p.training_id WHERE t.team_id = $1",
            team,
        )
        .await,
        meeting: scalar(t, &q("meetings"), team).await,
        // The demo's first action is done already; the open one can still be marked done.
        action: scalar(
            t,
            "SELECT MAX(id) FROM meeting_actions WHERE team_id = $1",
            team,
        )
        .await,
        plan,
        objective: scalar(
            t,
            "SELECT MIN(id) FROM plan_objectives WHERE plan_id = $1",
            plan,
        )
        .await,
        plan_activity: scalar(
            t,
            "SELECT MIN(id) FROM plan_activities WHERE plan_id = $1",
            plan,
        )
        .await,
        practice: scalar(t, &q("good_practices"), team).await,
        institution: scalar(t, &q("institutions"), team).await,
        member: scalar(t, &q("members"), team).await,
        report,
        user,
        ..shared
    }
}

/// The Niš team's records, made by its coordinator through the app.
async fn nis_records(t: &TestApp, coordinator: &Actor, team: i64, user: i64) -> TeamRecords {
    let app = &t.app;
    let q = |table: &str| format!("SELECT MIN(id) FROM {table} WHERE team_id = $1");
    let shared = shared_records(t, coordinator, "nis").await;
    let meeting = app
        .record_meeting(
            coordinator,
            &MeetingForm {
                held_on: "2026-10-01".into(),
                place: "Ниш".into(),
                agenda: "Дневни ред (матрица)".into(),
                present: Vec::new(),
            },
        )
        .await
        .expect("meeting");
    let owner = institution(t, team, "csr").await;
    let action = app
        .add_meeting_action(
            coordinator,
            meeting,
            &ActionForm {
                task: "Задатак (матрица)".into(),
                owner: owner.to_string(),
                deadline: "2026-12-15".into(),
            },
        )
        .await
        .expect("meeting action");
    let plan = app
        .create_plan(
            coordinator,
            &PlanForm {
                title: "План Ниш (матрица)".into(),
                starts_on: "2026-01-01".into(),
                ends_on: "2026-12-31".into(),
            },
        )
        .await
        .expect("plan");
    let objective = app
        .add_plan_objective(
            coordinator,
            plan,
            &ObjectiveForm {
                title: "Циљ (матрица)".into(),
            },
        )
        .await
        .expect("objective");
    let plan_activity = app
        .add_plan_activity(
            coordinator,
            plan,
            &PlanActivityForm {
                objective: objective.to_string(),
                title: "Мера (матрица)".into(),
                responsible: owner.to_string(),
                deadline: "2026-12-01".into(),
                ..Default::default()
            },
        )
        .await
        .expect("plan activity");
    let venue = app
        .add_venue(
            coordinator,
            &VenueForm {
                name: "Гимназија Ниш (матрица)".into(),
                kind: "school".into(),
            },
        )
        .await
        .expect("venue");
    let activity = app
        .create_activity(
            coordinator,
            &ActivityForm {
                title: "Трибина Ниш (матрица)".into(),
                kind: "public-talk".into(),
                held_on: "2026-10-10".into(),
                place: "Ниш".into(),
                ..Default::default()
            },
        )
        .await
        .expect("activity");
    let training = match app
        .record_training(
            coordinator,
            &TrainingForm {
                topic: "Обука Ниш (матрица)".into(),
                trainer: "Предавач (измишљено)".into(),
                held_on: "2026-10-12".into(),
                hours: "2".into(),
                institution: vec![owner],
                participants: vec!["3".into()],
                names: vec!["Учесник (измишљено); 50; 80".into()],
                ..Default::default()
            },
        )
        .await
        .expect("training")
    {
        Recorded::Saved(id) => id.0,
        Recorded::Refused(r) => panic!("training refused: {r:?}"),
    };
    let practice = app
        .publish_practice(
            coordinator,
            PracticeSource::Activity(activity),
            &PracticeForm {
                title: "Пракса Ниш (матрица)".into(),
                summary: "Сажетак добре праксе (матрица).".into(),
                materials: String::new(),
                results: "Ученици: 20".into(),
            },
        )
        .await
        .expect("practice");
    let report = app
        .draft_report(
            coordinator,
            &PeriodForm {
                period: "2026-Q3".into(),
            },
        )
        .await
        .expect("report");
    app.submit_report(coordinator, report)
        .await
        .expect("submit report");
    TeamRecords {
        code: "nis",
        activity: activity.0,
        venue: venue.0,
        training,
        meeting,
        action,
        plan,
        objective,
        plan_activity,
        report,
        practice: practice.0,
        institution: scalar(t, &q("institutions"), team).await,
        member: scalar(t, &q("members"), team).await,
        user,
        ..shared
    }
}

/// The kinds neither demo team has: a material, a guideline with a file (its version 2), a
/// file on the founding decision (its version 1), a calendar feed.
async fn shared_records(t: &TestApp, coordinator: &Actor, code: &str) -> TeamRecords {
    let app = &t.app;
    let material = app
        .add_material(
            coordinator,
            &ItemForm {
                name: "Привесци (матрица)".into(),
                kind: "keychain".into(),
                donor: "IOM".into(),
                project: String::new(),
                produced: "10".into(),
                low_mark: String::new(),
                on_date: "2026-01-10".into(),
            },
        )
        .await
        .expect("material");
    let guideline = app
        .add_guideline(
            coordinator,
            &GuidelineForm {
                kind: "protocol".into(),
                title: "Протокол (матрица)".into(),
                addressed: vec!["police".into()],
                language: "sr-Cyrl".into(),
                in_force_from: "2026-01-01".into(),
                in_force_to: String::new(),
                body: "Текст протокола (матрица).".into(),
            },
        )
        .await
        .expect("guideline");
    let file = |name| OfficialUpload {
        name,
        content: b"%PDF-1.7\nmatrica\n",
        personal: false,
        note: "",
        version: 1,
    };
    app.add_guideline_file(coordinator, guideline, &file("СОП (матрица).pdf"))
        .await
        .expect("guideline file");
    app.add_founding_file(coordinator, code, &file("Одлука (матрица).pdf"))
        .await
        .expect("founding file");
    let feed = app
        .create_calendar_feed(
            coordinator,
            &FeedForm {
                label: "Календар (матрица)".into(),
            },
        )
        .await
        .expect("feed")
        .id;
    TeamRecords {
        code: "",
        activity: 0,
        venue: 0,
        training: 0,
        certificate: String::new(),
        meeting: 0,
        action: 0,
        material,
        guideline,
        plan: 0,
        objective: 0,
        plan_activity: 0,
        report: 0,
        practice: 0,
        institution: 0,
        member: 0,
        user: 0,
        feed,
        duplicate: 0,
        referral: 0,
        transfer: 0,
    }
}
