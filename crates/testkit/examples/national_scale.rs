//! Fills a data directory with national-scale data for the page benchmarks
//! (`bench/national.sh`): `CASES` fictional reports made through the real use cases (sealed,
//! audited, children under the protocol, some referred and answered), then filler entries
//! in the audit trail up to `AUDIT` rows.
//!
//! The filler rows are written directly and do not continue the keyed chain, so
//! `spona audit verify` fails on such a database: it is for measuring pages, never for use.
//!
//! Usage: national_scale DATA_DIR [CASES] [AUDIT] (defaults 100000 and 2000000). The
//! directory must hold a database made by `spona --data-dir DATA_DIR demo`, and its key.

use spona_app::cases::{AnswerForm, ReferralForm};
use spona_app::{App, AuthSettings, DatabaseUrl, Db, Keyring, MasterKey, SystemClock};
use spona_domain::access::Actor;
use spona_domain::cases::ReportForm;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

const GIVEN: [&str; 8] = [
    "Марија",
    "Јована",
    "Милица",
    "Ана",
    "Стефан",
    "Никола",
    "Лазар",
    "Драгана",
];
const FAMILY: [&str; 8] = [
    "Петровић",
    "Јовановић",
    "Илић",
    "Стојановић",
    "Митић",
    "Ђорђевић",
    "Коцић",
    "Цветковић",
];
const FORMS: [&str; 4] = ["labour", "sexual", "forced-begging", "forced-marriage"];

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .ok_or("usage: national_scale DATA_DIR [CASES] [AUDIT]")?,
    );
    let cases: usize = args
        .next()
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(100_000);
    let audit: i64 = args
        .next()
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(2_000_000);

    let key = MasterKey::load_or_create(&dir.join("spona.key"))?;
    let url = DatabaseUrl::parse(&format!("sqlite://{}", dir.join("spona.db").display()))?;
    let db = Db::connect(&url).await?;
    db.migrate().await?;
    let app = App::new(
        db.clone(),
        Arc::new(SystemClock),
        AuthSettings::default(),
        Keyring::new(&key),
    );
    let police = actor(&app, "le-police").await?;
    let social = actor(&app, "le-social").await?;
    let csw = social
        .institution_id
        .map(|i| i.0.to_string())
        .unwrap_or_default();

    let started = Instant::now();
    for n in 0..cases {
        let reporter = if n % 3 == 0 { &social } else { &police };
        let child = n % 10 == 0;
        let form = ReportForm {
            reporter_kind: "team-official".into(),
            detected_on: "2026-11-20".into(),
            detected_place: "Лесковац".into(),
            given_name: GIVEN[n % GIVEN.len()].into(),
            family_name: format!("{} {n}", FAMILY[(n / 8) % FAMILY.len()]),
            sex: if n % 2 == 0 { "female" } else { "male" }.into(),
            estimated_age: if child { "15" } else { "30" }.into(),
            may_be_child: child.then(|| "on".into()),
            exploitation_forms: vec![FORMS[n % FORMS.len()].into()],
            narrative: "Измишљени случај за мерење (national scale).".into(),
            ..Default::default()
        };
        let reported = app.report_case(reporter, &form).await?;
        // Every fifth police case goes to the Centre for Social Work, which accepts it.
        if !child && n % 5 == 1 && reporter.user_id == police.user_id {
            let referral = ReferralForm {
                to_institution: csw.clone(),
                purpose: "Процена и подршка".into(),
                parts: vec!["circumstances".into()],
                urgency: "normal".into(),
                override_reason: "Мерење перформанси".into(),
            };
            if let Ok(id) = app.refer_case(reporter, reported.case_id, &referral).await {
                let accept = AnswerForm {
                    action: "accept".into(),
                    reason: String::new(),
                    version: 1,
                    ..AnswerForm::default()
                };
                app.answer_referral(&social, id, &accept).await?;
            }
        }
        if n % 5000 == 4999 {
            eprintln!("{} cases in {:?}", n + 1, started.elapsed());
        }
    }

    // Filler entries: recursive inserts in batches, as views of the cases just made.
    let mut c = db.begin().await?;
    let (mut seq, _): (i64, String) =
        sqlx::query_as("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
            .fetch_one(&mut *c)
            .await?;
    c.commit().await?;
    while seq < audit {
        let batch = (audit - seq).min(100_000);
        let mut tx = db.begin().await?;
        sqlx::query(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1) \
             INSERT INTO audit_log (seq, at, team_id, actor_id, actor_label, action, subject, \
             subject_id, reason, address, prev_hash, hash) \
             SELECT $2 + i, 1795000000 + i, 1, $3, 'le-police', 'case.view', 'case', \
             1 + (i % $4), '', '127.0.0.1', 'filler', 'filler' FROM n",
        )
        .bind(batch)
        .bind(seq)
        .bind(police.user_id.0)
        .bind(cases.max(1) as i64)
        .execute(&mut *tx)
        .await?;
        seq += batch;
        // The head names the last entry, so that the server's next entry follows it.
        sqlx::query("UPDATE audit_head SET last_seq = $1, last_hash = 'filler' WHERE id = 1")
            .bind(seq)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
    }
    eprintln!(
        "done: {cases} cases, audit up to {seq} in {:?}",
        started.elapsed()
    );
    Ok(())
}

async fn actor(app: &App, username: &str) -> Result<Actor, Box<dyn std::error::Error>> {
    Ok(
        spona_testkit::signed_session(app, username, spona_app::demo::DEMO_PASSWORD)
            .await
            .actor,
    )
}
