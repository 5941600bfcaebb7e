//! Certificates for named participants: gathered and checked here, laid out by the reports
//! crate, in the reader's language and script. Every download is audited.

use crate::audit::{AuditEvent, Author};
use crate::{App, AppError, DocumentFile};
use spona_domain::access::Actor;
use spona_domain::access::WorkNeed;
use spona_domain::script::to_latin;
use spona_domain::trainings::TrainingId;
use spona_i18n::{format_date, Arg, Catalog, Locale};
use spona_reports::certificate::{render, Certificate, Labels};
use spona_store::trainings as store;

impl App {
    /// The certificate of the named participant with this opaque id, in `locale`.
    pub async fn training_certificate(
        &self,
        actor: &Actor,
        id: TrainingId,
        participant: &str,
        catalog: &Catalog,
        locale: Locale,
    ) -> Result<DocumentFile, AppError> {
        let team = self.training_team(actor, WorkNeed::View).await?;
        let mut tx = self.db.begin().await?;
        let training = store::find(&mut tx, &team.scope, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let person = store::participant_by_token(&mut tx, id, participant)
            .await?
            .ok_or(AppError::NotFound)?;
        let script = |s: &str| match locale {
            Locale::SrCyrl => s.to_string(),
            Locale::SrLatn | Locale::En => to_latin(s),
        };
        let team_name = match locale {
            Locale::SrCyrl => team.name_cyrl.clone(),
            _ if !team.name_latn.is_empty() => team.name_latn.clone(),
            _ => to_latin(&team.name_cyrl),
        };
        let t = |id: &str| catalog.text(locale, id);
        let labels = Labels {
            title: t("certificate-title"),
            certifies: t("certificate-certifies"),
            attended: t("certificate-attended"),
            date: t("certificate-date"),
            hours: t("certificate-duration"),
            trainer: t("certificate-trainer"),
            issued_by: t("certificate-issued-by"),
        };
        let certificate = Certificate {
            participant: script(&person.name),
            topic: script(&training.topic),
            date: format_date(locale, training.held_on),
            hours: catalog.text_with(
                locale,
                "certificate-hours",
                &[(
                    "hours",
                    Arg::decimal(training.duration.hours_hundredths(), 2),
                )],
            ),
            trainer: script(&training.trainer),
            team: team_name,
        };
        let bytes = render(&certificate, &labels).map_err(|e| AppError::Internal(e.to_string()))?;
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent::about(
                Some(team.id),
                "training-certificate-downloaded",
                "training-participant",
                person.id,
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(DocumentFile {
            file_name: format!("certificate-{}-{}.pdf", id.0, person.id),
            bytes,
        })
    }
}
