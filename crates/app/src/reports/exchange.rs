//! The HTCDS exchange file: every team's cases of a year as de-identified, k-anonymised
//! records in the standard's vocabulary, for the national office to pass on. Only the
//! plain categories of cases are read; every export is audited.

use crate::audit::{AuditEvent, Author};
use crate::{App, AppError, DocumentFile};
use spona_domain::access::{decide, Action, Actor};
use spona_domain::exchange::{anonymise, Anonymised, HtcdsRecord};
use spona_domain::reports::ReportPeriod;
use spona_store::statistics as stats;

impl App {
    /// The year's records, k-anonymised with the deployment's threshold.
    pub async fn htcds_export(&self, actor: &Actor, year: i32) -> Result<Anonymised, AppError> {
        if !decide(actor, Action::ViewNationalReports).allowed() {
            return Err(AppError::Forbidden);
        }
        if !(2000..=self.today().year()).contains(&year) {
            let mut e = spona_domain::validation::FieldErrors::new();
            e.add("year", spona_domain::validation::FieldError::Invalid);
            return Err(e.into());
        }
        let (from, to) = super::bounds::period_instants(ReportPeriod::Year { year }, self.zone());
        let mut tx = self.db.begin().await?;
        let counted = stats::cases_by_category(&mut tx, None, from, to).await?;
        let records = counted
            .iter()
            .flat_map(|k| {
                let record = HtcdsRecord::from_codes(
                    &k.sex,
                    &k.citizenship,
                    &k.age_band,
                    &k.state,
                    &k.exploitation,
                    year,
                );
                std::iter::repeat_n(record, usize::try_from(k.cases).unwrap_or(0))
            })
            .collect();
        let out = anonymise(records, self.disclosure.get());
        let reason = year.to_string();
        self.audit(
            &mut tx,
            Author::of(actor),
            AuditEvent {
                reason: &reason,
                ..AuditEvent::about(None, "htcds-exported", "htcds", i64::from(year))
            },
        )
        .await?;
        tx.commit().await?;
        Ok(out)
    }
}

/// The exchange file's formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExchangeFormat {
    Json,
    Csv,
}

impl App {
    /// The year's HTCDS records as a file: JSON with the threshold and whether records were
    /// withheld, or CSV with the standard's field names as headers.
    pub async fn htcds_file(
        &self,
        actor: &Actor,
        year: i32,
        format: ExchangeFormat,
    ) -> Result<DocumentFile, AppError> {
        use spona_domain::exchange::HTCDS_FIELDS;
        use spona_reports::csv::CsvWriter;
        use spona_reports::table::{Column, Value};
        let out = self.htcds_export(actor, year).await?;
        let (bytes, extension) = match format {
            ExchangeFormat::Json => (
                serde_json::to_vec_pretty(&serde_json::json!({
                    "standard": "HTCDS 2.0",
                    "year": year,
                    "k": out.k,
                    "withheld": out.withheld,
                    "records": out.records,
                }))
                .map_err(|e| AppError::Internal(format!("htcds json: {e}")))?,
                "json",
            ),
            ExchangeFormat::Csv => {
                let columns: Vec<Column> = HTCDS_FIELDS.iter().map(|f| Column::new(*f)).collect();
                let fail =
                    |e: spona_reports::ReportError| AppError::Internal(format!("htcds csv: {e}"));
                let mut csv = CsvWriter::new(Vec::new(), &columns).map_err(fail)?;
                for r in &out.records {
                    let values: Vec<Value> = r.values().into_iter().map(Value::Text).collect();
                    csv.row(&values).map_err(fail)?;
                }
                (csv.finish().map_err(fail)?, "csv")
            }
        };
        Ok(DocumentFile {
            file_name: format!("htcds-{year}.{extension}"),
            bytes,
        })
    }
}
