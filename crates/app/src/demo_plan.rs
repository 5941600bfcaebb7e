//! The demo's national framework (after DOMAIN §6) and the Leskovac team's adopted
//! coordination plan for 2026. The Programme's objectives and the Action Plan's measures are
//! invented placeholders under a real gazette reference, so each says so in its own title
//! until the national office replaces it with the Programme's text.

use crate::AppError;
use spona_domain::access::TeamScope;
use spona_domain::ids::{InstitutionId, TeamId};
use spona_domain::plan::{Adoption, FrameworkItemKind, PlanActivityDraft, PlanDraft};
use spona_store::framework::{self, NewDocument};
use spona_store::{plans, Tx};
use time::macros::date;
use time::Date;

const STRATEGY_OBJECTIVES: [(&str, &str); 3] = [
    (
        "1",
        "Партнерство на локалном, националном и међународном нивоу",
    ),
    ("2", "Превенција и смањење узрока трговине људима"),
    (
        "3",
        "Проактивна идентификација, ефикасно гоњење и правна заштита жртава",
    ),
];

const PROGRAMME_OBJECTIVES: [(&str, &str); 3] = [
    ("1", "Унапређена превенција трговине људима"),
    ("2", "Ефикасна идентификација и заштита жртава"),
    ("3", "Унапређена координација и партнерство"),
];

const ACTION_PLAN_MEASURES: [(&str, &str); 4] = [
    (
        "1.1",
        "Подизање свести јавности и обележавање међународних дана",
    ),
    ("1.2", "Превентивни програми у образовном систему"),
    (
        "2.1",
        "Обука професионалаца за препознавање и упућивање жртава",
    ),
    (
        "3.1",
        "Јачање локалних механизама за борбу против трговине људима",
    ),
];

/// One demo activity: objective index, title, responsible org code, partners, deadline,
/// budget, source, indicator, baseline, target, verification, measure code, progress.
type DemoActivity = (
    usize,
    &'static str,
    &'static str,
    &'static str,
    Date,
    i64,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i64,
);

/// Events planned per demo activity, in the order of [`ACTIVITIES`]. Every activity's
/// progress comes from what the register records against it (trainings, talks, workshops,
/// the two days), except the materials, whose progress is entered by hand as the share of
/// pieces handed out (the materials register holds the hand-outs).
const PLANNED_EVENTS: [i64; 6] = [2, 5, 10, 1, 1, 0];

const OBJECTIVES: [&str; 4] = [
    "Обука службеника",
    "Превенција у школама",
    "Обележавање 18. октобра и 30. јула",
    "Промотивни материјал уз подршку ИОМ",
];

/// The plan activity the demo's school talks carry out (found by this title).
pub(crate) const SCHOOL_TALKS: &str =
    "Трибине о борби против трговине људима у основним и средњим школама";
/// The plan activity the demo's school workshops carry out.
pub(crate) const SCHOOL_WORKSHOPS: &str = "Радионице за ученике средњих школа";
/// The plan activity the demo's trainings carry out.
pub(crate) const STAFF_TRAINING: &str = "Обука запослених у ЦСР";

const ACTIVITIES: [DemoActivity; 6] = [
    (
        0,
        "Обука запослених у ЦСР, полицији и дому здравља о индикаторима трговине људима",
        "csr",
        "Центар за заштиту жртава трговине људима",
        date!(2026 - 12 - 15),
        120_000,
        "Буџет града Лесковца",
        "Број одржаних обука",
        "0",
        "2",
        "Спискови учесника и евалуациони упитници",
        "2.1",
        0,
    ),
    (
        1,
        "Трибине о борби против трговине људима у основним и средњим школама, са Школском управом Лесковац",
        "km",
        "Школска управа Лесковац",
        date!(2026 - 06 - 30),
        40_000,
        "Буџет града Лесковца",
        "Број одржаних трибина",
        "0",
        "5",
        "Извештаји са трибина",
        "1.2",
        0,
    ),
    (
        1,
        "Радионице за ученике средњих школа о безбедном запошљавању и вршњачком насиљу",
        "km",
        "Школска управа Лесковац, Центар за стручно усавршавање",
        date!(2026 - 12 - 15),
        80_000,
        "Буџет града Лесковца",
        "Број одржаних радионица",
        "0",
        "10",
        "Извештаји са радионица",
        "1.2",
        0,
    ),
    (
        2,
        "Обележавање Светског дана борбе против трговине људима (30. јул)",
        "ck",
        "Локалне ТВ станице",
        date!(2026 - 07 - 30),
        30_000,
        "Црвени крст Лесковац",
        "Одржан јавни догађај",
        "0",
        "1",
        "Медијски прилози",
        "1.1",
        0,
    ),
    (
        2,
        "Обележавање Европског дана борбе против трговине људима (18. октобар)",
        "csr",
        "Културни центар, Народно позориште, локалне ТВ станице",
        date!(2026 - 10 - 18),
        50_000,
        "Буџет града Лесковца",
        "Одржан јавни догађај",
        "0",
        "1",
        "Медијски прилози и фотографије",
        "1.1",
        0,
    ),
    (
        3,
        "Израда и подела промотивног материјала (календари, оловке, привесци, roll-up)",
        "csr",
        "Међународна организација за миграције (донатор)",
        date!(2026 - 09 - 30),
        250_000,
        "Донација ИОМ",
        "Број подељених комада",
        "0",
        "2000",
        "Регистар материјала и записници о примопредаји",
        "1.1",
        // 1 200 of 2 000 pieces handed out, as the materials register records them.
        60,
    ),
];

/// When the coordinator typed the materials' progress: 600 pieces after the school talks of
/// 14 April (30 %), 1 200 after the EU anti-trafficking day of 18 October (60 %), so that
/// each quarter's report tells the share handed out by its end.
const HAND_TYPED_PROGRESS: [(i64, i64); 2] = [
    // 2026-04-15 10:00 and 2026-10-19 10:00, Belgrade time.
    (1_776_240_000, 30),
    (1_792_396_800, 60),
];

/// The mark on an invented objective or measure of a real document.
pub const ILLUSTRATIVE: &str = "(илустративно — заменити текстом из Програма)";

fn illustrative(title: &str) -> String {
    format!("{title} {ILLUSTRATIVE}")
}

/// Seeds the framework and the Leskovac plan, in the demo's own transaction.
pub(crate) async fn seed(
    tx: &mut Tx,
    leskovac: TeamId,
    orgs: &[(&'static str, InstitutionId)],
    now: i64,
) -> Result<(), AppError> {
    let strategy = framework::insert_document(
        tx,
        &NewDocument {
            title: "Стратегија превенције и сузбијања трговине људима, посебно женама и децом, и заштите жртава 2017–2022",
            first_year: 2017,
            last_year: 2022,
            part_of: None,
            reference: "",
        },
        now,
    )
    .await?;
    for (code, title) in STRATEGY_OBJECTIVES {
        framework::insert_item(tx, strategy, FrameworkItemKind::Objective, code, title, now)
            .await?;
    }
    let programme = framework::insert_document(
        tx,
        &NewDocument {
            title: "Програм за сузбијање трговине људима 2024–2029",
            first_year: 2024,
            last_year: 2029,
            part_of: None,
            reference: "Сл. гласник РС 25/2024",
        },
        now,
    )
    .await?;
    for (code, title) in PROGRAMME_OBJECTIVES {
        framework::insert_item(
            tx,
            programme,
            FrameworkItemKind::Objective,
            code,
            &illustrative(title),
            now,
        )
        .await?;
    }
    let action_plan = framework::insert_document(
        tx,
        &NewDocument {
            title: "Акциони план 2024–2026",
            first_year: 2024,
            last_year: 2026,
            part_of: Some(programme),
            reference: "Сл. гласник РС 25/2024",
        },
        now,
    )
    .await?;
    let mut measures = Vec::new();
    for (code, title) in ACTION_PLAN_MEASURES {
        let id = framework::insert_item(
            tx,
            action_plan,
            FrameworkItemKind::Measure,
            code,
            &illustrative(title),
            now,
        )
        .await?;
        measures.push((code, id));
    }

    let plan = plans::insert(
        tx,
        &TeamScope::operator(leskovac),
        &PlanDraft {
            title: "Локални план координације 2026".into(),
            starts_on: date!(2026 - 01 - 01),
            ends_on: date!(2026 - 12 - 31),
        },
        now,
    )
    .await?;
    plans::record_change(
        tx,
        plan,
        1,
        "plan-created",
        "Локални план координације 2026",
        None,
        now,
    )
    .await?;
    let mut objectives = Vec::new();
    for title in OBJECTIVES {
        objectives.push(plans::insert_objective(tx, plan, title, now).await?);
    }
    for (a, planned_events) in ACTIVITIES.iter().zip(PLANNED_EVENTS) {
        let (objective, title, org, partners, deadline, budget, source) =
            (a.0, a.1, a.2, a.3, a.4, a.5, a.6);
        let (indicator, baseline, target, verification, measure, progress) =
            (a.7, a.8, a.9, a.10, a.11, a.12);
        let responsible = orgs
            .iter()
            .find(|(c, _)| *c == org)
            .map(|(_, id)| *id)
            .ok_or_else(|| AppError::Internal(format!("demo institution {org}")))?;
        let mut draft = PlanActivityDraft {
            objective_id: objectives[objective],
            title: title.into(),
            responsible,
            partners: partners.into(),
            deadline,
            budget,
            funding_source: source.into(),
            indicator: indicator.into(),
            baseline: baseline.into(),
            target: target.into(),
            verification: verification.into(),
            measure_id: measures.iter().find(|(c, _)| *c == measure).map(|m| m.1),
            progress,
            planned_events,
        };
        if progress == 0 {
            plans::insert_activity(tx, plan, &draft, now).await?;
            continue;
        }
        // Progress typed by hand is kept with when it was typed, step by step.
        let mut id = None;
        for (at, typed) in HAND_TYPED_PROGRESS {
            draft.progress = typed;
            match id {
                None => id = Some(plans::insert_activity(tx, plan, &draft, at).await?),
                Some(id) => plans::update_activity(tx, plan, id, &draft, at).await?,
            }
        }
    }
    let adoption = Adoption {
        meeting_on: date!(2026 - 02 - 10),
        decision: "План усвојен једногласно на седници тима (демо)".into(),
    };
    plans::adopt(tx, plan, &adoption, now).await?;
    plans::record_change(tx, plan, 1, "plan-adopted", "2026-02-10", None, now).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_progress_typed_by_hand_ends_where_the_plan_says() {
        let typed: Vec<i64> = ACTIVITIES
            .iter()
            .map(|a| a.12)
            .filter(|p| *p != 0)
            .collect();
        let last = HAND_TYPED_PROGRESS.last().map(|s| s.1);
        assert_eq!(typed, [60], "one activity's progress is typed by hand");
        assert_eq!(last, Some(60));
        assert!(HAND_TYPED_PROGRESS.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
