//! Indicator catalogues: imported from a file by an administrator, versioned per sector; a
//! report is screened with the catalogue of its reporter's sector and keeps that version.

use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::{decide, Action, Actor};
use spona_domain::cases::{IndicatorCatalogue, Sector};
use spona_domain::registry::InstitutionKind;
use spona_store::catalogues;

/// The demo's catalogues, shipped with the source.
pub const BUNDLED: [&str; 2] = [
    include_str!("../../../catalogues/general-adult.tsv"),
    include_str!("../../../catalogues/ilo-forced-labour.tsv"),
];

/// A catalogue as listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogueInfo {
    pub sector: Sector,
    pub version: String,
    pub indicators: usize,
    pub imported_at: i64,
}

/// The sector whose catalogue a first responder of this kind of institution uses.
pub fn sector_of(kind: InstitutionKind) -> Sector {
    match kind {
        InstitutionKind::Police => Sector::Police,
        InstitutionKind::SocialWork => Sector::SocialProtection,
        InstitutionKind::Health => Sector::Health,
        InstitutionKind::School | InstitutionKind::Education => Sector::Education,
        _ => Sector::GeneralAdult,
    }
}

impl App {
    /// Imports a catalogue file (deployment administrators). Every error is reported with its
    /// line; nothing is stored unless the whole file is right.
    pub async fn import_catalogue(
        &self,
        actor: &Actor,
        text: &str,
    ) -> Result<CatalogueInfo, AppError> {
        if !decide(actor, Action::ManageDeployment).allowed() {
            return Err(AppError::Forbidden);
        }
        let catalogue =
            IndicatorCatalogue::parse(text).map_err(|e| AppError::Unreadable(e.to_string()))?;
        let now = self.now();
        let mut tx = self.db.begin().await?;
        catalogues::insert(
            &mut tx,
            catalogue.sector.code(),
            &catalogue.version,
            text,
            Some(actor.user_id),
            now,
        )
        .await
        .map_err(|e| match e {
            spona_store::StoreError::Duplicate(_) => AppError::Unreadable(format!(
                "version {} of the {} catalogue was already imported",
                catalogue.version,
                catalogue.sector.code()
            )),
            other => other.into(),
        })?;
        let event = AuditEvent {
            team: None,
            action: "catalogue-imported",
            subject: "catalogue",
            subject_id: None,
            reason: "",
        };
        self.audit(&mut tx, Author::of(actor), event).await?;
        tx.commit().await?;
        Ok(CatalogueInfo {
            sector: catalogue.sector,
            version: catalogue.version,
            indicators: catalogue.items.len(),
            imported_at: now,
        })
    }

    /// Every imported catalogue.
    pub async fn catalogues(&self) -> Result<Vec<CatalogueInfo>, AppError> {
        let mut c = self.db.conn().await?;
        let mut out = Vec::new();
        for row in catalogues::list(&mut c).await? {
            let parsed = IndicatorCatalogue::parse(&row.source)
                .map_err(|e| AppError::Internal(e.to_string()))?;
            out.push(CatalogueInfo {
                sector: parsed.sector,
                version: parsed.version,
                indicators: parsed.items.len(),
                imported_at: row.imported_at,
            });
        }
        Ok(out)
    }

    /// The current catalogue for a kind of institution: its sector's, else the general one.
    pub async fn catalogue_for(
        &self,
        kind: InstitutionKind,
    ) -> Result<Option<IndicatorCatalogue>, AppError> {
        let mut c = self.db.conn().await?;
        catalogue_on(&mut c, kind).await
    }

    /// A catalogue by its sector and version, as a case names the one it was screened with:
    /// older cases keep the wording of their own version after a newer one is imported.
    pub async fn catalogue_version(
        &self,
        sector: Sector,
        version: &str,
    ) -> Result<Option<IndicatorCatalogue>, AppError> {
        let mut c = self.db.conn().await?;
        catalogues::find(&mut c, sector.code(), version)
            .await?
            .map(|r| {
                IndicatorCatalogue::parse(&r.source).map_err(|e| AppError::Internal(e.to_string()))
            })
            .transpose()
    }

    /// Imports the bundled catalogues that are not there yet (for the demo).
    pub async fn import_bundled_catalogues(&self) -> Result<usize, AppError> {
        let operator = crate::accounts::operator();
        let mut imported = 0;
        for text in BUNDLED {
            match self.import_catalogue(&operator, text).await {
                Ok(_) => imported += 1,
                Err(AppError::Unreadable(msg)) if msg.contains("already imported") => {}
                Err(e) => return Err(e),
            }
        }
        Ok(imported)
    }
}

/// The same, on the caller's connection (inside its transaction: a use case that holds one
/// never waits for a second, which a busy pool might not have).
pub(crate) async fn catalogue_on(
    c: &mut spona_store::Connection,
    kind: InstitutionKind,
) -> Result<Option<IndicatorCatalogue>, AppError> {
    let row = match catalogues::current(c, sector_of(kind).code()).await? {
        Some(row) => Some(row),
        None => catalogues::current(c, Sector::GeneralAdult.code()).await?,
    };
    row.map(|r| IndicatorCatalogue::parse(&r.source).map_err(|e| AppError::Internal(e.to_string())))
        .transpose()
}
