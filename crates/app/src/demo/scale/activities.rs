//! Generated prevention activities, recorded by each team's coordinator through the same use
//! case as the activities form: talks in schools, workshops, media appearances and
//! campaigns, spread over the two years the generation covers.

use super::names::pick;
use super::teams::Crew;
use super::Generation;
use crate::activities::ActivityForm;
use crate::{App, AppError};

const KINDS: [(&str, &str); 5] = [
    ("public-talk", "Трибина о препознавању трговине људима"),
    ("workshop", "Радионица за ученике"),
    ("media", "Гостовање на локалној телевизији"),
    ("campaign", "Улична кампања"),
    ("lecture", "Предавање за запослене у школама"),
];

impl App {
    /// Records the activities numbered `numbers` for the crew's team.
    pub(super) async fn generate_activities(
        &self,
        run: &Generation,
        crew: &Crew,
        numbers: std::ops::Range<u64>,
    ) -> Result<(), AppError> {
        for n in numbers {
            run.tick();
            let (kind, title) = KINDS[pick(n, 21, KINDS.len())];
            let count = |salt: u64, most: usize| pick(n, salt, most).to_string();
            let media = kind == "media";
            let form = ActivityForm {
                title: format!("{title} бр. {n} (измишљено)"),
                kind: kind.into(),
                medium: if media { "tv".into() } else { String::new() },
                held_on: spona_domain::text::iso_date(self.today()),
                place: "Школа (измишљено)".into(),
                pupils: if media { String::new() } else { count(22, 120) },
                teachers: if media { String::new() } else { count(23, 10) },
                public: if media {
                    count(24, 5000)
                } else {
                    String::new()
                },
                description: "Генерисана активност за мерење.".into(),
                ..ActivityForm::default()
            };
            self.create_activity(&crew.coordinator, &form).await?;
            run.progress.advance(1);
        }
        Ok(())
    }
}
