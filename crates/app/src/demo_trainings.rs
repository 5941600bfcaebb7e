//! Two trainings of the Leskovac demo team, with staff numbers for coverage. The named
//! participants are fictional and say so. Made through the same use cases as real entries.

use crate::trainings::{Recorded, StaffForm, TrainingForm};
use crate::{App, AppError};
use spona_domain::access::{Actor, TeamScope};
use spona_domain::text::iso_date;
use spona_store::{institutions, teams, trainings, users};
use time::Duration;

impl App {
    /// Adds the demo trainings to the Leskovac demo team, once; false when it had some.
    pub async fn seed_demo_trainings(&self) -> Result<bool, AppError> {
        let mut c = self.db.conn().await?;
        let Some(team) = teams::find_by_code(&mut c, "leskovac").await? else {
            return Ok(false);
        };
        if trainings::list(&mut c, &TeamScope::operator(team.id), "", 1, 0)
            .await?
            .total
            > 0
        {
            return Ok(false);
        }
        let mut ids = Vec::new();
        for code in ["csr", "pu", "dz", "su"] {
            let found = institutions::find_by_code(&mut c, team.id, code)
                .await?
                .ok_or_else(|| AppError::Internal(format!("demo institution {code}")))?;
            ids.push(found.id.0);
        }
        let coordinator = account(&mut c, "le-coordinator").await?;
        // The plan's training activity counts these two, so its progress is what they record.
        let plan_activity = spona_store::plans::choices(&mut c, &TeamScope::operator(team.id))
            .await?
            .into_iter()
            .find(|p| p.title.starts_with(crate::demo_plan::STAFF_TRAINING))
            .map(|p| p.id.to_string())
            .unwrap_or_default();
        drop(c);

        self.set_training_staff(
            &coordinator,
            &StaffForm {
                institution: ids.clone(),
                staff: vec!["24".into(), "60".into(), "35".into(), String::new()],
            },
        )
        .await?;

        let today = self.today();
        let child = TrainingForm {
            topic: "Разговор са дететом – жртвом трговине људима".into(),
            trainer: "Демо Предавач (измишљено)".into(),
            held_on: iso_date(today - Duration::days(40)),
            hours: "6".into(),
            score_before: "52".into(),
            score_after: "81".into(),
            plan_activity_id: plan_activity.clone(),
            institution: ids.clone(),
            participants: vec!["6".into(), "8".into(), "4".into(), "12".into()],
            names: vec![
                "Демо Учесница Прва (измишљено); 50; 85\nДемо Учесник Други (измишљено); 45; 80"
                    .into(),
                "Демо Полицајка (измишљено); 60; 90".into(),
                String::new(),
                String::new(),
            ],
        };
        let first = TrainingForm {
            topic: "Препознавање индикатора трговине људима".into(),
            trainer: "Демо Тренерка (измишљено)".into(),
            held_on: iso_date(today - Duration::days(12)),
            hours: "3,5".into(),
            score_before: String::new(),
            score_after: String::new(),
            plan_activity_id: plan_activity.clone(),
            institution: ids,
            participants: vec!["4".into(), "10".into(), "6".into(), String::new()],
            names: vec![String::new(), String::new(), String::new(), String::new()],
        };
        for form in [child, first] {
            if let Recorded::Refused(_) = self.record_training(&coordinator, &form).await? {
                return Err(AppError::Internal("demo training over staff".into()));
            }
        }
        Ok(true)
    }
}

async fn account(c: &mut spona_store::Connection, username: &str) -> Result<Actor, AppError> {
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
