//! The publishing form filled from its source, so the coordinator edits rather than retypes:
//! from an activity its title, description, materials and the audience reached by group;
//! from a training its topic, trainer and hours, who attended by institution and the test
//! scores before and after.

use super::PracticeForm;
use crate::activities::ActivityView;
use crate::trainings::TrainingView;
use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::activities::AudienceGroup;
use spona_domain::practices::{GoodPracticeId, PracticeSource};
use spona_domain::registry::Team;
use spona_i18n::{format_date, format_number, Arg, Catalog, Locale};
use spona_store::practices as store;

/// What the publishing page shows: the source and the form filled from it.
#[derive(Clone, Debug)]
pub struct PracticeStart {
    pub team: Team,
    pub source: PracticeSource,
    /// The activity's title or the training's topic.
    pub source_title: String,
    /// The live practice already published from the source, if any.
    pub published: Option<GoodPracticeId>,
    pub form: PracticeForm,
}

impl App {
    /// The form for publishing a source of the actor's team, filled from it in `locale`.
    /// Only the coordinator publishes; another team's source is not found.
    pub async fn practice_start(
        &self,
        actor: &Actor,
        source: PracticeSource,
        catalog: &Catalog,
        locale: Locale,
    ) -> Result<PracticeStart, AppError> {
        let text = Texts { catalog, locale };
        let (team, source_title, form) = match source {
            PracticeSource::Activity(id) => {
                let v = self.activity(actor, id).await?;
                let form = text.activity_form(&v);
                (v.team, v.activity.title, form)
            }
            PracticeSource::Training(id) => {
                let v = self.training(actor, id).await?;
                let form = text.training_form(&v);
                (v.team, v.training.topic, form)
            }
        };
        // Seen first (another team's source is "not found"), then led.
        let lead = Self::practice_team(actor)?;
        let mut c = self.db.conn().await?;
        let published = match source {
            PracticeSource::Activity(a) => store::live_for_activity(&mut c, &lead, a.0).await?,
            PracticeSource::Training(t) => store::live_for_training(&mut c, &lead, t.0).await?,
        };
        Ok(PracticeStart {
            team,
            source,
            source_title,
            published,
            form,
        })
    }
}

/// Messages and numbers in the publisher's language.
struct Texts<'a> {
    catalog: &'a Catalog,
    locale: Locale,
}

impl Texts<'_> {
    fn t(&self, id: &str) -> String {
        self.catalog.text(self.locale, id)
    }

    fn with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.catalog.text_with(self.locale, id, args)
    }

    fn num(&self, n: i64) -> String {
        format_number(self.locale, n)
    }

    fn activity_form(&self, v: &ActivityView) -> PracticeForm {
        let a = &v.activity;
        let summary = if a.description.trim().is_empty() {
            self.with(
                "practice-prefill-activity",
                &[
                    (
                        "kind",
                        self.t(&format!("activity-kind-{}", a.kind.code())).into(),
                    ),
                    ("place", a.place.as_str().into()),
                    ("date", format_date(self.locale, a.held_on).into()),
                ],
            )
        } else {
            a.description.clone()
        };
        let mut results: Vec<String> = AudienceGroup::ALL
            .iter()
            .filter(|g| a.audience.get(**g) > 0)
            .map(|g| {
                format!(
                    "{}: {}",
                    self.t(&format!("activity-audience-{}", g.code())),
                    self.num(a.audience.get(*g))
                )
            })
            .collect();
        if a.audience.total() > 0 {
            results.push(self.with(
                "activities-reach-total",
                &[("count", a.audience.total().into())],
            ));
        }
        PracticeForm {
            title: a.title.clone(),
            summary,
            materials: a.materials.clone(),
            results: results.join("\n"),
        }
    }

    fn training_form(&self, v: &TrainingView) -> PracticeForm {
        let t = &v.training;
        let summary = self.with(
            "practice-prefill-training",
            &[
                ("topic", t.topic.as_str().into()),
                ("trainer", t.trainer.as_str().into()),
                ("hours", Arg::decimal(t.duration.hours_hundredths(), 2)),
                ("date", format_date(self.locale, t.held_on).into()),
            ],
        );
        let mut results: Vec<String> = v
            .attendance
            .iter()
            .map(|(i, n)| {
                let name = match self.locale {
                    Locale::SrCyrl => &i.name_cyrl,
                    _ if i.name_latn.is_empty() => &i.name_cyrl,
                    _ => &i.name_latn,
                };
                format!("{name}: {}", self.num(*n))
            })
            .collect();
        results.push(self.with(
            "practice-prefill-participants",
            &[("count", t.participants.into())],
        ));
        if t.score_before.is_some() || t.score_after.is_some() {
            let score = |s: Option<i64>| s.map(|n| format!("{n} %")).unwrap_or_else(|| "–".into());
            results.push(self.with(
                "practice-prefill-scores",
                &[
                    ("before", score(t.score_before).into()),
                    ("after", score(t.score_after).into()),
                ],
            ));
        }
        PracticeForm {
            title: t.topic.clone(),
            summary,
            materials: String::new(),
            results: results.join("\n"),
        }
    }
}
