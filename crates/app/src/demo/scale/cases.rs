//! Generated cases, made through the same use cases as real ones: a report screened with
//! the reporter's indicator list (a child's under the protocol), then referrals to the
//! team's other institutions and now and then to the Centre for Protection of Victims of
//! Trafficking, most of them answered by the receiver's case worker.

use super::names::{mix, person, pick};
use super::teams::Crew;
use super::Generation;
use crate::cases::{AnswerForm, ReferralForm};
use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::cases::{CaseId, ReportForm};
use spona_domain::ids::{InstitutionId, TeamId};
use std::collections::HashMap;

const FORMS: [&str; 5] = [
    "labour",
    "sexual",
    "forced-begging",
    "forced-marriage",
    "forced-criminality",
];

/// A case made, for the views written about it later.
#[derive(Clone, Copy, Debug)]
pub struct Made {
    pub case: CaseId,
    pub team: TeamId,
    /// The index of the owner's case worker in the crew.
    pub worker: usize,
}

/// The indicator lists the report form would show, by the reporter's institution and
/// whether the person may be a child: the list's `sector/version` and its indicator codes.
#[derive(Default)]
pub struct Lists(HashMap<(InstitutionId, bool), (String, Vec<String>)>);

impl App {
    /// Makes the cases numbered `numbers` in the crew's team, each with its referrals.
    pub(super) async fn generate_cases(
        &self,
        run: &Generation,
        crew: &Crew,
        numbers: std::ops::Range<u64>,
        lists: &mut Lists,
    ) -> Result<Vec<Made>, AppError> {
        let mut made = Vec::with_capacity(numbers.end.saturating_sub(numbers.start) as usize);
        for n in numbers {
            run.tick();
            let worker = if n % 3 == 0 && crew.workers.len() > 1 {
                1
            } else {
                0
            };
            let reporter = &crew.workers[worker];
            let child = n % 10 == 0;
            let mut form = self.generated_report(run, n, child);
            let (catalogue, codes) = self.list_for(lists, reporter, &form).await?;
            form.catalogue = catalogue;
            let take = 1 + pick(n, 11, 3);
            form.indicators = (0..take)
                .map(|i| codes[pick(n, 12 + i as u64, codes.len())].clone())
                .filter(|_| !codes.is_empty())
                .collect();
            form.indicators.sort();
            form.indicators.dedup();
            let reported = self.report_case(reporter, &form).await?;
            self.generate_referrals(
                run,
                crew,
                n,
                worker,
                reported.case_id,
                reported.protocol_referral,
            )
            .await?;
            made.push(Made {
                case: reported.case_id,
                team: crew.team,
                worker,
            });
            run.progress.advance(1);
        }
        Ok(made)
    }

    fn generated_report(&self, run: &Generation, n: u64, child: bool) -> ReportForm {
        let (given, family, female) = person(n);
        let today = self.today();
        let detected = today - time::Duration::days((n % 14) as i64);
        ReportForm {
            reporter_kind: "team-official".into(),
            detected_on: spona_domain::text::iso_date(detected),
            detected_place: "Место откривања (измишљено)".into(),
            given_name: given,
            family_name: family,
            sex: if female { "female" } else { "male" }.into(),
            estimated_age: if child {
                (13 + n % 5).to_string()
            } else {
                (19 + n % 40).to_string()
            },
            may_be_child: child.then(|| "on".into()),
            exploitation_forms: vec![FORMS[pick(n, 5, FORMS.len())].into()],
            narrative: format!(
                "Измишљени случај бр. {n} за мерење на нивоу државе ({}).",
                run.label
            ),
            ..Default::default()
        }
    }

    /// The list the form would show this reporter for this person, read once per kind.
    async fn list_for(
        &self,
        lists: &mut Lists,
        reporter: &Actor,
        form: &ReportForm,
    ) -> Result<(String, Vec<String>), AppError> {
        let institution = reporter.institution_id.ok_or(AppError::Forbidden)?;
        let child = form.may_be_child.is_some();
        if let Some(found) = lists.0.get(&(institution, child)) {
            return Ok(found.clone());
        }
        let mut c = self.db.conn().await?;
        let team = reporter.team_id.ok_or(AppError::Forbidden)?;
        let kind = spona_store::institutions::find(&mut c, team, institution)
            .await?
            .map(|i| i.kind);
        let list =
            crate::catalogues::report_catalogue_on(&mut c, kind, form, self.today(), false).await?;
        let found = match list.catalogue {
            Some(cat) => (
                format!("{}/{}", cat.sector.code(), cat.version),
                cat.items.into_iter().map(|i| i.code).collect(),
            ),
            None => (String::new(), Vec::new()),
        };
        lists.0.insert((institution, child), found.clone());
        Ok(found)
    }

    /// The referrals of a case: to each of the team's other institutions that take them
    /// (not the centre for social work again when the child protocol already referred it),
    /// and for every fourth case to the Centre; about three and a quarter a case. Seven in
    /// ten are accepted, one declined, two wait for an answer.
    async fn generate_referrals(
        &self,
        run: &Generation,
        crew: &Crew,
        n: u64,
        worker: usize,
        case: CaseId,
        protocol_referral: bool,
    ) -> Result<(), AppError> {
        let from = &crew.workers[worker];
        let mut receivers: Vec<(InstitutionId, &Actor)> = crew
            .workers
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != worker && !(protocol_referral && *i == 1))
            .filter_map(|(_, w)| w.institution_id.map(|id| (id, w)))
            .collect();
        if n % 4 == 3 {
            if let Some(id) = run.centre.institution_id {
                receivers.push((id, &run.centre));
            }
        }
        for (j, (to, answerer)) in receivers.into_iter().enumerate() {
            run.tick();
            let form = ReferralForm {
                to_institution: to.0.to_string(),
                purpose: "Процена потреба и подршка (измишљено)".into(),
                parts: vec!["circumstances".into()],
                urgency: if n.is_multiple_of(7) {
                    "urgent"
                } else {
                    "normal"
                }
                .into(),
                override_reason: "Генерисани подаци за мерење".into(),
            };
            let referral = self.refer_case(from, case, &form).await?;
            let answer = match mix(n, 100 + j as u64) % 10 {
                0..=6 => ("accept", ""),
                7 => ("decline", "Није у надлежности (измишљено)"),
                _ => continue,
            };
            run.tick();
            let form = AnswerForm {
                action: answer.0.into(),
                reason: answer.1.into(),
                version: 1,
                ..AnswerForm::default()
            };
            self.answer_referral(answerer, referral, &form).await?;
        }
        Ok(())
    }
}
