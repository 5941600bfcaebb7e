//! The demo team's meetings of the year and its cooperation with the National Coordinator,
//! made through the same use cases as real ones; one action item is left past its deadline
//! so that the dashboard shows what that looks like.

use crate::audit::{AuditEvent, Author};
use crate::meetings::{ActionForm, CooperationForm, MeetingForm, MinutesForm};
use crate::{App, AppError};
use spona_domain::access::Actor;
use spona_domain::access::TeamScope;
use spona_store::{institutions, meetings, teams, users};

/// When the first meeting's action was done: before its deadline of 15 March.
pub(crate) const ACTION_DONE_ON: &str = "2026-03-12";

impl App {
    /// Adds the demo meetings and cooperation entries to the Leskovac team, once.
    pub async fn seed_demo_meetings(&self) -> Result<bool, AppError> {
        let mut c = self.db.conn().await?;
        let Some(team) = teams::find_by_code(&mut c, "leskovac").await? else {
            return Ok(false);
        };
        if meetings::list(&mut c, &TeamScope::operator(team.id), 1, 0)
            .await?
            .total
            > 0
        {
            return Ok(false);
        }
        let Some(u) = users::find_by_username(&mut c, "le-coordinator").await? else {
            return Ok(false);
        };
        let coordinator = Actor {
            user_id: u.id,
            role: u.role,
            team_id: u.team_id,
            institution_id: u.institution_id,
            address: "demo".into(),
        };
        let present: Vec<String> = institutions::list_active(&mut c, team.id)
            .await?
            .iter()
            .filter(|i| i.standing == spona_domain::registry::Standing::Member)
            .map(|i| i.id.0.to_string())
            .collect();
        let csw = institutions::find_by_code(&mut c, team.id, "csr").await?;
        let police = institutions::find_by_code(&mut c, team.id, "pu").await?;
        drop(c);
        let owner = |i: &Option<spona_domain::registry::Institution>| {
            i.as_ref().map(|i| i.id.0.to_string()).unwrap_or_default()
        };

        let first = self
            .record_meeting(
                &coordinator,
                &MeetingForm {
                    held_on: "2026-02-10".into(),
                    place: "Градска кућа, сала 2".into(),
                    agenda: "1. План координације за 2026.\n2. Трибине у школама у пролеће.".into(),
                    present: present.clone(),
                },
            )
            .await?;
        self.record_minutes(
            &coordinator,
            first,
            &MinutesForm {
                minutes: "Усвојен предлог плана; договорен распоред трибина по школама.".into(),
                decisions: "1. План се доставља Националном координатору до 1. марта.".into(),
                version: 1,
            },
        )
        .await?;
        let done = self
            .add_meeting_action(
                &coordinator,
                first,
                &ActionForm {
                    task: "Договорити термине трибина са директорима школа".into(),
                    owner: owner(&csw),
                    deadline: "2026-03-15".into(),
                },
            )
            .await?;
        // Done before its deadline, on the day the minutes of the schools say, not on the day
        // the demo happens to be seeded.
        let scope = TeamScope::operator(team.id);
        let mut tx = self.db.begin().await?;
        meetings::complete_action(
            &mut tx,
            &scope,
            done,
            ACTION_DONE_ON,
            "Термини договорени са шест школа.",
        )
        .await?;
        let event = AuditEvent::about(Some(team.id), "meeting-action-done", "meeting", first);
        self.audit(&mut tx, Author::of(&coordinator), event).await?;
        tx.commit().await?;
        let second = self
            .record_meeting(
                &coordinator,
                &MeetingForm {
                    held_on: "2026-10-01".into(),
                    place: "Центар за социјални рад".into(),
                    agenda: "1. Обележавање 18. октобра.\n2. Обука службеника у новембру.".into(),
                    present,
                },
            )
            .await?;
        self.add_meeting_action(
            &coordinator,
            second,
            &ActionForm {
                task: "Припремити списак службеника за обуку".into(),
                owner: owner(&police),
                deadline: "2026-11-15".into(),
            },
        )
        .await?;
        for (on_date, kind, subject, outcome) in [
            (
                "2026-01-20",
                "submission",
                "Годишњи извештај о раду тима за 2025.",
                "Достављен електронски и поштом.",
            ),
            (
                "2026-03-02",
                "request",
                "Захтев за податке о обукама службеника",
                "Одговорено 10. марта.",
            ),
            ("2026-03-10", "reply", "Подаци о обукама службеника", ""),
        ] {
            self.record_cooperation(
                &coordinator,
                &CooperationForm {
                    on_date: on_date.into(),
                    kind: kind.into(),
                    subject: subject.into(),
                    outcome: outcome.into(),
                    documents: String::new(),
                },
            )
            .await?;
        }
        Ok(true)
    }
}
