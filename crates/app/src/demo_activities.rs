//! The Leskovac team's prevention work as its own report lists it (public talks in schools,
//! the exhibition "Life in Chains", the film "Sisters", the talk at the National Theatre for
//! 18 October, many appearances on local TV), on fictional dates in 2026, two workshops of
//! the plan, and a few of the city's schools and venues to choose from. TV reach is the
//! station's estimate of viewers, entered as the general public.

use crate::{App, AppError};
use spona_domain::access::TeamScope;
use spona_domain::activities::{ActivityDraft, ActivityKind, Audience, Medium, VenueId, VenueKind};
use spona_store::plans::{self, PlanActivityChoice};
use spona_store::{activities, teams, users, venues};
use time::macros::date;
use time::Date;

const VENUES: [(&str, VenueKind); 8] = [
    ("Гимназија Лесковац", VenueKind::School),
    ("Економска школа Лесковац", VenueKind::School),
    ("Медицинска школа Лесковац", VenueKind::School),
    ("ОШ „Вук Караџић“ Лесковац", VenueKind::School),
    ("ОШ „Светозар Марковић“ Лесковац", VenueKind::School),
    ("Лесковачки културни центар", VenueKind::Venue),
    ("Народно позориште Лесковац", VenueKind::Venue),
    ("Центар за стручно усавршавање Лесковац", VenueKind::Venue),
];

struct Demo {
    title: &'static str,
    kind: ActivityKind,
    medium: Option<Medium>,
    on: Date,
    /// An index into [`VENUES`], or None with `place` typed.
    venue: Option<usize>,
    place: &'static str,
    partners: &'static str,
    audience: Audience,
    description: &'static str,
    materials: &'static str,
}

fn audience(pupils: i64, teachers: i64, parents: i64, officials: i64, public: i64) -> Audience {
    Audience {
        pupils,
        teachers,
        parents,
        officials,
        public,
    }
}

fn school_talk(on: Date, venue: usize, pupils: i64, teachers: i64, parents: i64) -> Demo {
    Demo {
        title: "Трибина „Борба против трговине људима“",
        kind: ActivityKind::PublicTalk,
        medium: None,
        on,
        venue: Some(venue),
        place: "",
        partners: "Школска управа Лесковац",
        audience: audience(pupils, teachers, parents, 0, 0),
        description: "Трибина за ученике о препознавању трговине људима и коме се обратити.",
        materials: "",
    }
}

fn demo_activities() -> Vec<Demo> {
    vec![
        school_talk(date!(2026 - 03 - 10), 0, 120, 8, 0),
        school_talk(date!(2026 - 03 - 17), 1, 95, 6, 0),
        school_talk(date!(2026 - 03 - 24), 2, 80, 5, 0),
        school_talk(date!(2026 - 04 - 07), 3, 70, 6, 25),
        school_talk(date!(2026 - 04 - 14), 4, 65, 4, 18),
        Demo {
            title: "Изложба фотографија „Живот у оковима“",
            kind: ActivityKind::Exhibition,
            medium: None,
            on: date!(2026 - 05 - 12),
            venue: Some(5),
            place: "",
            partners: "Лесковачки културни центар",
            audience: audience(60, 10, 0, 5, 240),
            description: "Изложба отворена недељу дана.",
            materials: "",
        },
        Demo {
            title: "Пројекција филма „Сестре“",
            kind: ActivityKind::FilmScreening,
            medium: None,
            on: date!(2026 - 05 - 14),
            venue: Some(5),
            place: "",
            partners: "Лесковачки културни центар",
            audience: audience(80, 6, 0, 0, 110),
            description: "Пројекција и разговор после филма.",
            materials: "",
        },
        Demo {
            title: "Трибина „Улога и координација Центра за социјални рад са осталим \
                    институцијама у заштити жртава трговине људима“",
            kind: ActivityKind::PublicTalk,
            medium: None,
            on: date!(2026 - 06 - 09),
            venue: Some(7),
            place: "",
            partners: "Центар за стручно усавршавање у образовању",
            audience: audience(0, 45, 0, 15, 0),
            description: "",
            materials: "",
        },
        tv(
            date!(2026 - 03 - 05),
            "Гостовање у јутарњем програму локалне телевизије: трибине у школама",
            4_000,
            "Најава трибина у школама и коме се обратити.",
        ),
        tv(
            date!(2026 - 05 - 08),
            "Гостовање у емисији локалне телевизије: изложба фотографија у Културном центру",
            3_500,
            "Позив на изложбу и пројекцију филма „Сестре“.",
        ),
        tv(
            date!(2026 - 09 - 22),
            "Гостовање у информативној емисији локалне телевизије: безбедно запошљавање младих",
            5_000,
            "Како препознати лажну понуду посла.",
        ),
        tv(
            date!(2026 - 10 - 15),
            "Гостовање у емисији локалне телевизије о борби против трговине људима",
            6_000,
            "Најава трибине у Народном позоришту.",
        ),
        Demo {
            title: "Трибина „Лесковац против трговине људима“",
            kind: ActivityKind::EuDay,
            medium: None,
            on: date!(2026 - 10 - 18),
            venue: Some(6),
            place: "",
            partners: "Народно позориште Лесковац; Центар за заштиту жртава трговине људима",
            audience: audience(40, 12, 0, 30, 150),
            description: "Обележавање Европског дана борбе против трговине људима; присуствовала \
                          је и директорка Центра за заштиту жртава трговине људима са сарадницима.",
            materials: "Календари, оловке, привесци, roll-up (о трошку Међународне организације \
                        за миграције)",
        },
        workshop(date!(2026 - 11 - 10), 0, 28, 2),
        workshop(date!(2026 - 11 - 17), 1, 24, 2),
    ]
}

/// An appearance on a local TV station, with the station's estimate of viewers.
fn tv(on: Date, title: &'static str, viewers: i64, description: &'static str) -> Demo {
    Demo {
        title,
        kind: ActivityKind::MediaAppearance,
        medium: Some(Medium::Tv),
        on,
        venue: None,
        place: "Локална ТВ станица (демо)",
        partners: "Локалне телевизијске станице",
        audience: audience(0, 0, 0, 0, viewers),
        description,
        materials: "",
    }
}

/// A workshop of the plan in a secondary school.
fn workshop(on: Date, venue: usize, pupils: i64, teachers: i64) -> Demo {
    Demo {
        title: "Радионица „Безбедно запошљавање и вршњачко насиље“",
        kind: ActivityKind::Workshop,
        medium: None,
        on,
        venue: Some(venue),
        place: "",
        partners: "Школска управа Лесковац",
        audience: audience(pupils, teachers, 0, 0, 0),
        description: "Рад у малој групи: лажне понуде посла, врбовање преко друштвених мрежа.",
        materials: "",
    }
}

impl App {
    /// Adds the Leskovac demo venues and activities, once; false when they were there.
    pub(crate) async fn seed_demo_activities(&self) -> Result<bool, AppError> {
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let Some(team) = teams::find_by_code(&mut tx, "leskovac").await? else {
            return Ok(false);
        };
        let scope = TeamScope::operator(team.id);
        if !venues::list(&mut tx, &scope, true).await?.is_empty() {
            return Ok(false);
        }
        let author = users::find_by_username(&mut tx, "le-coordinator")
            .await?
            .ok_or_else(|| AppError::Internal("demo account le-coordinator".into()))?;
        let mut ids: Vec<VenueId> = Vec::new();
        for (name, kind) in VENUES {
            ids.push(venues::insert(&mut tx, &scope, name, kind, now).await?);
        }
        let plan = plans::choices(&mut tx, &scope).await?;
        for d in demo_activities() {
            let plan_activity_id = plan_activity_of(&plan, &d);
            let venue = d.venue.and_then(|i| ids.get(i).copied());
            let place = d.venue.map(|i| VENUES[i].0).unwrap_or(d.place);
            let draft = ActivityDraft {
                title: d.title.into(),
                kind: d.kind,
                medium: d.medium,
                held_on: d.on,
                venue_id: venue,
                place: if venue.is_some() {
                    String::new()
                } else {
                    d.place.into()
                },
                partners: d.partners.into(),
                audience: d.audience,
                description: d.description.into(),
                materials: d.materials.into(),
                plan_activity_id,
            };
            activities::insert(&mut tx, &scope, &draft, place, author.id, now).await?;
        }
        tx.commit().await?;
        Ok(true)
    }
}

/// The demo plan's activity a demo activity carries out: talks in schools, workshops and
/// the two days each have theirs.
fn plan_activity_of(plan: &[PlanActivityChoice], d: &Demo) -> Option<i64> {
    let mark = match d.kind {
        ActivityKind::PublicTalk if d.venue.is_some_and(|v| VENUES[v].1 == VenueKind::School) => {
            crate::demo_plan::SCHOOL_TALKS
        }
        ActivityKind::Workshop => crate::demo_plan::SCHOOL_WORKSHOPS,
        ActivityKind::EuDay => "(18. октобар)",
        ActivityKind::WorldDay => "(30. јул)",
        _ => return None,
    };
    plan.iter().find(|p| p.title.contains(mark)).map(|p| p.id)
}
