//! Indicator catalogues: imported from a file by the national office or the deployment's
//! administrator, versioned per sector. A report is screened with the list that fits the
//! person and its reporter (the child list for a child, else the sector's), unless the
//! reporter picks another; the case keeps the version it was screened with.

use crate::audit::{AuditEvent, Author};
use crate::{App, AppError};
use spona_domain::access::{decide, Action, Actor};
use spona_domain::cases::{
    default_sector, CaseId, IndicatorCatalogue, ReportForm, ReporterKind, Sector,
};
use spona_domain::registry::InstitutionKind;
use spona_store::{catalogues, institutions};
use time::Date;

/// The catalogues shipped with the source, which the demo imports: the general list and the
/// ILO list first, then one for each sector, for children and for labour exploitation.
pub const BUNDLED: [&str; 10] = [
    include_str!("../../../catalogues/general-adult.tsv"),
    include_str!("../../../catalogues/ilo-forced-labour.tsv"),
    include_str!("../../../catalogues/police.tsv"),
    include_str!("../../../catalogues/social-protection.tsv"),
    include_str!("../../../catalogues/health.tsv"),
    include_str!("../../../catalogues/education.tsv"),
    include_str!("../../../catalogues/labour-inspection.tsv"),
    include_str!("../../../catalogues/ngo.tsv"),
    include_str!("../../../catalogues/child.tsv"),
    include_str!("../../../catalogues/labour-exploitation.tsv"),
];

/// The list a report form shows and screens with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportCatalogue {
    /// The list; none when no catalogue was imported at all.
    pub catalogue: Option<IndicatorCatalogue>,
    /// The reporter picked it (it is kept whatever else is typed).
    pub chosen: bool,
    /// The form showed another list, picked by default for what was typed then, and what was
    /// typed since calls for this one: indicators ticked on the other list are not saved
    /// against this one, the form is shown again with it.
    pub replaced: bool,
    /// The sectors whose current list the reporter may switch to, in the order of [`Sector`].
    pub choices: Vec<Sector>,
}

impl ReportCatalogue {
    /// The list as a case keeps it and a form carries it: `sector/version`.
    pub fn name(&self) -> Option<String> {
        self.catalogue
            .as_ref()
            .map(|c| format!("{}/{}", c.sector.code(), c.version))
    }
}

/// A catalogue as listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogueInfo {
    pub sector: Sector,
    pub version: String,
    pub indicators: usize,
    pub imported_at: i64,
}

impl App {
    /// Imports a catalogue file (the national office, the deployment's administrators). Every
    /// error is reported with its line; nothing is stored unless the whole file is right.
    pub async fn import_catalogue(
        &self,
        actor: &Actor,
        text: &str,
    ) -> Result<CatalogueInfo, AppError> {
        if !decide(actor, Action::ManageCatalogues).allowed() {
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

    /// The list a report form of the actor shows: the one the reporter asks for with `switch`
    /// (the form's `switch_to`), the one the form showed if it still fits, else the default
    /// for what was typed. With a case, the actor must be its owner (the edit form).
    pub async fn report_catalogue(
        &self,
        actor: &Actor,
        form: &ReportForm,
        case: Option<CaseId>,
        switch: bool,
    ) -> Result<ReportCatalogue, AppError> {
        let mut c = self.db.conn().await?;
        // A case decides first, as its edit form does: another team's is not there at all.
        let (desk, institution) = match case {
            Some(id) => {
                crate::cases::owned_case(&mut c, actor, id).await?;
                Self::case_worker_scope(actor)?
            }
            None => {
                spona_domain::access::cases_section(actor)?;
                Self::case_worker_scope(actor)?
            }
        };
        let kind = institutions::find(&mut c, desk.team(), institution)
            .await?
            .map(|i| i.kind);
        report_catalogue_on(&mut c, kind, form, self.today(), switch).await
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

/// The sectors with at least one imported list (their codes only: no list is read whole).
async fn available(c: &mut spona_store::Connection) -> Result<Vec<Sector>, AppError> {
    let mut sectors: Vec<Sector> = catalogues::sectors(c)
        .await?
        .iter()
        .filter_map(|code| Sector::from_code(code))
        .collect();
    sectors.sort();
    Ok(sectors)
}

fn parsed(row: Option<catalogues::CatalogueRow>) -> Result<Option<IndicatorCatalogue>, AppError> {
    row.map(|r| IndicatorCatalogue::parse(&r.source).map_err(|e| AppError::Internal(e.to_string())))
        .transpose()
}

/// [`App::report_catalogue`] on the caller's connection, for the institution `kind` of the
/// reporting official (inside a use case's transaction).
pub(crate) async fn report_catalogue_on(
    c: &mut spona_store::Connection,
    kind: Option<InstitutionKind>,
    form: &ReportForm,
    today: Date,
    switch: bool,
) -> Result<ReportCatalogue, AppError> {
    let choices = available(c).await?;
    let reporter = ReporterKind::from_code(form.reporter_kind.trim());
    let default = default_sector(kind, reporter, form.presumed_child(today), &choices);
    let shown = form.shown_catalogue();
    let asked = switch
        .then(|| Sector::from_code(form.switch_to.trim()))
        .flatten()
        .filter(|s| choices.contains(s));
    // The list the form showed stays while the reporter chose it or it is still the default.
    let kept = match (switch, shown) {
        (false, Some((sector, version)))
            if form.catalogue_was_chosen() || Some(sector) == default =>
        {
            parsed(catalogues::find(c, sector.code(), version).await?)?
        }
        _ => None,
    };
    let (catalogue, chosen, replaced) = match (kept, asked.or(default)) {
        (Some(kept), _) => (Some(kept), form.catalogue_was_chosen(), false),
        (None, Some(sector)) => (
            parsed(catalogues::current(c, sector.code()).await?)?,
            asked.is_some(),
            !switch && shown.is_some(),
        ),
        (None, None) => (None, false, !switch && shown.is_some()),
    };
    Ok(ReportCatalogue {
        catalogue,
        chosen,
        replaced,
        choices,
    })
}
