//! The Leskovac team's talk at the National Theatre for 18 October, published as a good
//! practice, so that the Niš demo team and the national office have a model to read.

use crate::{App, AppError};
use spona_domain::access::TeamScope;
use spona_domain::activities::ActivityKind;
use spona_domain::practices::{PracticeDraft, PracticeSource};
use spona_store::{activities, practices, teams, users};

impl App {
    /// Publishes the demo practice, once; false when the talk is missing or already has one.
    pub(crate) async fn seed_demo_practices(&self) -> Result<bool, AppError> {
        let now = self.now();
        let mut tx = self.db.begin().await?;
        let Some(team) = teams::find_by_code(&mut tx, "leskovac").await? else {
            return Ok(false);
        };
        let scope = TeamScope::operator(team.id);
        let filter = activities::Filter {
            kind: Some(ActivityKind::EuDay),
            query: "Лесковац против трговине људима".into(),
            limit: 1,
            ..Default::default()
        };
        let Some(talk) = activities::list(&mut tx, &scope, &filter)
            .await?
            .page
            .items
            .into_iter()
            .next()
        else {
            return Ok(false);
        };
        if practices::links_to_activity(&mut tx, talk.id.0).await? > 0 {
            return Ok(false);
        }
        let author = users::find_by_username(&mut tx, "le-coordinator")
            .await?
            .ok_or_else(|| AppError::Internal("demo account le-coordinator".into()))?;
        let draft = PracticeDraft {
            title: "Трибина „Лесковац против трговине људима“ у Народном позоришту".into(),
            summary: "Поводом Европског дана борбе против трговине људима тим је у Народном \
                      позоришту организовао трибину за ученике, наставнике, представнике \
                      институција и грађане. Трибина је неколико дана раније најављена у \
                      емисији локалне телевизије. Трибини је присуствовала и директорка Центра \
                      за заштиту жртава трговине људима са својим сарадницима."
                .into(),
            materials: talk.materials.clone(),
            results: "Ученици: 40\nНаставници: 12\nСлужбеници и представници институција: 30\n\
                      Општа јавност: 150\nУкупно обухваћено: 232 особе"
                .into(),
        };
        practices::insert(
            &mut tx,
            &scope,
            PracticeSource::Activity(talk.id),
            &draft,
            author.id,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}
