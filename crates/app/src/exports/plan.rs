//! A coordination plan as a table: one row per plan activity, under its objective, with the
//! deadline as a date and the budget and progress as numbers.

use super::{cell, Cell, Export, Format, Source, Table};
use crate::plan::PlannedActivity;
use crate::{App, AppError};
use spona_domain::access::{Actor, WorkNeed};

pub(super) const TABLE: Table = Table {
    name: "export-sheet-plan",
    columns: &[
        "export-col-objective",
        "export-col-activity",
        "export-col-responsible",
        "export-col-partners",
        "export-col-deadline",
        "export-col-budget",
        "export-col-funding-source",
        "export-col-indicator",
        "export-col-baseline",
        "export-col-target",
        "export-col-verification",
        "export-col-measure",
        "export-col-progress",
    ],
};

fn row(objective: &str, a: &PlannedActivity) -> Vec<Cell> {
    let d = &a.activity.draft;
    let (cyrl, latn) = a.responsible.clone();
    vec![
        cell(objective),
        cell(d.title.as_str()),
        Cell::Names { cyrl, latn },
        cell(d.partners.as_str()),
        cell(d.deadline),
        cell(d.budget),
        cell(d.funding_source.as_str()),
        cell(d.indicator.as_str()),
        cell(d.baseline.as_str()),
        cell(d.target.as_str()),
        cell(d.verification.as_str()),
        cell(a.measure.clone()),
        cell(a.activity.progress()),
    ]
}

impl App {
    /// A plan of the actor's team, in the order of its page (objective by objective, each
    /// by deadline); another team's plan is not found. A plan is a few dozen rows, so they
    /// are gathered at once.
    pub async fn export_plan(
        &self,
        actor: &Actor,
        id: i64,
        format: Format,
    ) -> Result<Export, AppError> {
        let scope = Self::work_team(actor, WorkNeed::View)?;
        let view = self.plan(actor, id).await?;
        let mut rows = Vec::with_capacity(view.activities.len());
        for o in &view.objectives {
            for a in view.under(&o.id) {
                rows.push(row(&o.title, a));
            }
        }
        self.start_export(actor, scope, Some(id), format, Source::Plan(Some(rows)))
            .await
    }
}
