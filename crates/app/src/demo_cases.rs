//! A handful of clearly fictional cases for the demonstration, in different states and one of
//! them a child, so that a newcomer sees the whole flow at once. Made through the same use
//! cases as real reports (sealed, audited, with the child protocol), never by writing rows.

use crate::cases::{AnswerForm, ConsentForm, ReferralForm};
use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::access::TeamCases;
use spona_domain::cases::ReportForm;
use spona_store::{cases, teams, users};

fn report(
    given: &str,
    family: &str,
    sex: &str,
    birth: &str,
    age: &str,
    form: &str,
    narrative: &str,
) -> ReportForm {
    ReportForm {
        reporter_kind: "team-official".into(),
        detected_on: "2026-11-20".into(),
        detected_place: "Лесковац (демо)".into(),
        given_name: given.into(),
        family_name: family.into(),
        sex: sex.into(),
        birth_date: birth.into(),
        estimated_age: age.into(),
        exploitation_forms: vec![form.into()],
        narrative: narrative.into(),
        ..Default::default()
    }
}

impl App {
    /// Adds the demo cases to the Leskovac demo team, once; false when they were there.
    pub async fn seed_demo_cases(&self) -> Result<bool, AppError> {
        let mut c = self.db.conn().await?;
        let Some(team) = teams::find_by_code(&mut c, "leskovac").await? else {
            return Ok(false);
        };
        if cases::list(
            &mut c,
            &TeamCases::operator(team.id),
            &cases::Filter {
                limit: 1,
                ..Default::default()
            },
        )
        .await?
        .total
            > 0
        {
            return Ok(false);
        }
        let police = demo_actor(&mut c, "le-police").await?;
        let social = demo_actor(&mut c, "le-social").await?;
        drop(c);

        // A child: the protocol sends the urgent referral to the Centre for Social Work.
        let mut child = report(
            "Демо Дете",
            "(измишљено)",
            "female",
            "",
            "15",
            "sexual",
            "Измишљени случај за приказ заштите детета.",
        );
        child.may_be_child = Some("on".into());
        self.report_case(&police, &child).await?;

        // An adult referred for identification, with a referral the CSW accepted.
        let adult = report(
            "Демо Особа",
            "Први (измишљено)",
            "male",
            "1994-03-12",
            "",
            "labour",
            "Измишљени случај радне експлоатације.",
        );
        let first = self.report_case(&police, &adult).await?;
        self.transition_case(&police, first.case_id, "refer-for-identification", 1, true)
            .await?;
        let csw = social
            .institution_id
            .map(|i| i.0.to_string())
            .unwrap_or_default();
        let centre = demo_actor(&mut *self.db.conn().await?, "centre")
            .await?
            .institution_id
            .map(|i| i.0.to_string())
            .unwrap_or_default();
        let consent = ConsentForm {
            given_by: "person".into(),
            explained: "Објашњено је шта се дели са Центром за социјални рад и зашто (демо)."
                .into(),
            parts: vec!["identity".into(), "contact".into()],
            institutions: vec![csw.clone(), centre.clone()],
            given_on: "2026-11-21".into(),
        };
        self.record_consent(&police, first.case_id, &consent)
            .await?;
        let form = ReferralForm {
            to_institution: csw,
            purpose: "Смештај и психосоцијална подршка (демо)".into(),
            parts: vec!["identity".into(), "contact".into()],
            urgency: "normal".into(),
            override_reason: String::new(),
        };
        let referral = self.refer_case(&police, first.case_id, &form).await?;
        let accept = AnswerForm {
            action: "accept".into(),
            reason: String::new(),
            version: 1,
            ..AnswerForm::default()
        };
        self.answer_referral(&social, referral, &accept).await?;
        // The same person, referred to the Centre for formal identification: its pending
        // assessment waits on the Centre's dashboard.
        let to_centre = ReferralForm {
            to_institution: centre,
            purpose: "Формална идентификација (демо)".into(),
            ..form
        };
        self.refer_case(&police, first.case_id, &to_centre).await?;

        // A report that turned out not to concern trafficking, closed.
        let closed = report(
            "Демо Особа",
            "Други (измишљено)",
            "male",
            "1980-07-01",
            "",
            "forced-begging",
            "Измишљени случај, затворен.",
        );
        let second = self.report_case(&police, &closed).await?;
        for (step, version) in [
            ("refer-for-identification", 1),
            ("record-outcome-not-a-victim", 2),
            ("close", 3),
        ] {
            self.transition_case(&police, second.case_id, step, version, true)
                .await?;
        }

        // An identified person in assistance, reported by the Centre for Social Work.
        let assisted = report(
            "Демо Особа",
            "Трећа (измишљено)",
            "female",
            "1999-01-20",
            "",
            "labour",
            "Измишљени случај у фази помоћи и заштите.",
        );
        let third = self.report_case(&social, &assisted).await?;
        for (step, version) in [
            ("refer-for-identification", 1),
            ("record-outcome-identified", 2),
            ("start-assistance", 3),
        ] {
            self.transition_case(&social, third.case_id, step, version, true)
                .await?;
        }
        Ok(true)
    }
}

/// A demo user as the actor of the demo's own reports.
async fn demo_actor(c: &mut spona_store::Connection, username: &str) -> Result<Actor, AppError> {
    let u = users::find_by_username(c, username)
        .await?
        .ok_or_else(|| AppError::Internal(format!("demo account {username}")))?;
    Ok(Actor {
        user_id: u.id,
        role: u.role,
        team_id: u.team_id,
        institution_id: u.institution_id,
        address: "demo".into(),
    })
}
