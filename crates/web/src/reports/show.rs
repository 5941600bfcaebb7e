//! One report: its sections as the PDF has them, with the actions the viewer may take
//! (edit the text, submit after a confirmation, open a correction, acknowledge, download).

use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::form::{Errors, ValidForm};
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use spona_app::reports::{
    sections, title_and_meta, Integrity, NarrativeForm, Piece, ReportView, WordTable, Words,
};
use spona_app::reports::{Chart, ChartTable};
use spona_app::AppError;

/// A cell of a table as the page shows it: its column's name goes with it for phones.
pub struct Cell {
    pub text: String,
    pub label: String,
    pub numeric: bool,
}

/// A table as the page shows it.
pub struct ShownTable {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub note: Option<String>,
}

impl From<WordTable> for ShownTable {
    fn from(t: WordTable) -> ShownTable {
        let rows = t
            .rows
            .into_iter()
            .map(|r| {
                r.into_iter()
                    .enumerate()
                    .map(|(i, text)| Cell {
                        text,
                        label: t.columns.get(i).cloned().unwrap_or_default(),
                        numeric: t.numeric.get(i).copied().unwrap_or(false),
                    })
                    .collect()
            })
            .collect();
        ShownTable {
            header: t.columns,
            rows,
            note: t.note,
        }
    }
}

/// A piece of a section as the page shows it: charts as inline SVG with their data.
pub enum Shown {
    Paragraph(String),
    Subheading(String),
    Table(ShownTable),
    Chart { svg: String, data: ChartTable },
}

/// A section as the page shows it.
pub struct ShownSection {
    pub heading: String,
    pub pieces: Vec<Shown>,
}

/// The sections of a report in the viewer's words.
pub fn shown_sections(v: &ReportView, w: &Words) -> Vec<ShownSection> {
    sections(&v.content, w)
        .into_iter()
        .enumerate()
        .map(|(i, s)| ShownSection {
            heading: s.heading,
            pieces: s
                .pieces
                .into_iter()
                .enumerate()
                .map(|(j, p)| match p {
                    Piece::Paragraph(t) => Shown::Paragraph(t),
                    Piece::Subheading(t) => Shown::Subheading(t),
                    Piece::Table(t) => Shown::Table(t.into()),
                    Piece::Chart(c) => {
                        let id = format!("chart-{i}-{j}");
                        let (svg, data) = match &c {
                            Chart::Bar(b) => (b.to_svg(&id), b.table()),
                            Chart::Progress(p) => (p.to_svg(&id), p.table()),
                        };
                        Shown::Chart { svg, data }
                    }
                })
                .collect(),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "reports/show.html")]
struct ShowPage {
    chrome: Chrome,
    v: ReportView,
    title: String,
    meta: Vec<String>,
    sections: Vec<ShownSection>,
    altered: bool,
    intact: bool,
    ack_errors: Errors,
}

/// Reads the report as the viewer may: the national office any submitted one, the team
/// its own.
async fn view(state: &WebState, s: &Signed, id: i64) -> Result<ReportView, WebError> {
    Ok(if s.may().national_reports {
        state.app.national_report(s.actor(), id).await?
    } else {
        state.app.team_report(s.actor(), id).await?
    })
}

pub(super) async fn show_page(
    state: &WebState,
    s: &Signed,
    id: i64,
    ack_errors: Errors,
) -> Result<Response, WebError> {
    let v = view(state, s, id).await?;
    let w = Words::new(&state.catalog, s.viewer.locale, state.app.zone());
    let (title, meta) = title_and_meta(&v, &w);
    html(&ShowPage {
        chrome: s.viewer.chrome(Nav::Reports),
        title,
        meta,
        sections: shown_sections(&v, &w),
        altered: v.integrity == Integrity::Altered,
        intact: v.integrity == Integrity::Intact,
        ack_errors,
        v,
    })
}

/// `GET /reports/{id}`.
pub async fn show(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    show_page(&state, &s, id, Errors::none()).await
}

#[derive(Template)]
#[template(path = "reports/edit.html")]
struct EditPage {
    chrome: Chrome,
    id: i64,
    period: String,
    form: NarrativeForm,
    errors: Errors,
}

fn edit_page(s: &Signed, v: &ReportView, form: NarrativeForm, errors: Errors) -> EditPage {
    EditPage {
        chrome: s.viewer.chrome(Nav::Reports),
        id: v.report.id,
        period: v.report.period.code(),
        form,
        errors,
    }
}

/// `GET /reports/{id}/edit`.
pub async fn edit(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let v = state.app.team_report(s.actor(), id).await?;
    if !v.can_edit {
        return Err(AppError::Forbidden.into());
    }
    let form = NarrativeForm::from_narrative(&v.report.narrative, v.report.edit_version);
    html(&edit_page(&s, &v, form, Errors::none()))
}

/// `POST /reports/{id}/edit`: too long a section comes back at its field; a stale form
/// keeps what was typed and says so.
pub async fn update(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    ValidForm(form): ValidForm<NarrativeForm>,
) -> Result<Response, WebError> {
    match state.app.update_report_text(s.actor(), id, &form).await {
        Ok(()) => Ok(Redirect::to(&format!("/reports/{id}")).into_response()),
        Err(AppError::Invalid(e)) => {
            let v = state.app.team_report(s.actor(), id).await?;
            let errors = Errors::from_fields(&s.viewer.tr, &e);
            let page = html(&edit_page(&s, &v, form, errors))?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(AppError::Conflict) => {
            let v = state.app.team_report(s.actor(), id).await?;
            let mut form = form;
            form.edit_version = Some(v.report.edit_version);
            let errors = Errors::general(s.viewer.tr.t("edit-conflict"));
            let page = html(&edit_page(&s, &v, form, errors))?;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "reports/submit.html")]
struct SubmitPage {
    chrome: Chrome,
    id: i64,
    question: String,
    errors: Errors,
}

/// `GET /reports/{id}/submit`: asks first, as submission cannot be undone.
pub async fn confirm_submit(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let v = state.app.team_report(s.actor(), id).await?;
    if !v.can_submit {
        return Err(AppError::Forbidden.into());
    }
    html(&SubmitPage {
        chrome: s.viewer.chrome(Nav::Reports),
        id,
        question: s.viewer.tr.ts(
            "periodic-submit-question",
            "period",
            &v.report.period.code(),
        ),
        errors: Errors::none(),
    })
}

/// The confirmation as posted.
#[derive(serde::Deserialize)]
pub struct Confirmed {}

/// `POST /reports/{id}/submit`.
pub async fn submit(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    ValidForm(_c): ValidForm<Confirmed>,
) -> Result<Response, WebError> {
    match state.app.submit_report(s.actor(), id).await {
        Ok(()) => Ok(Redirect::to(&format!("/reports/{id}")).into_response()),
        Err(AppError::Invalid(e)) => {
            let v = state.app.team_report(s.actor(), id).await?;
            let message = e
                .iter()
                .next()
                .map(|(_, fe)| s.viewer.tr.t(fe.message_id()))
                .unwrap_or_default();
            let page = html(&SubmitPage {
                chrome: s.viewer.chrome(Nav::Reports),
                id,
                question: s.viewer.tr.ts(
                    "periodic-submit-question",
                    "period",
                    &v.report.period.code(),
                ),
                errors: Errors::general(message),
            })?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /reports/{id}/correct`: opens the next version and goes to it.
pub async fn correct(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    ValidForm(_c): ValidForm<Confirmed>,
) -> Result<Response, WebError> {
    let new = state.app.correct_report(s.actor(), id).await?;
    Ok(Redirect::to(&format!("/reports/{new}")).into_response())
}
