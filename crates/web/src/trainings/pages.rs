//! The list of trainings (search, pages) and one training with who attended.

use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::pager::Pager;
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use spona_app::practices::SourcePractice;
use spona_app::trainings::{TrainingQuery, TrainingView};
use spona_domain::practices::PracticeSource;
use spona_domain::registry::Team;
use spona_domain::trainings::{average, Training, TrainingId};

#[derive(Template)]
#[template(path = "trainings/list.html")]
struct ListPage {
    chrome: Chrome,
    team: Team,
    rows: Vec<Training>,
    q: TrainingQuery,
    pager: Pager,
}

/// `GET /trainings`.
pub async fn list(
    State(state): State<WebState>,
    s: Signed,
    Query(q): Query<TrainingQuery>,
) -> Result<Response, WebError> {
    let (team, page) = state.app.trainings(s.actor(), &q).await?;
    let pager = Pager::new(
        &s.viewer.tr,
        q.page.unwrap_or(1),
        page.total,
        &s.viewer.here,
    );
    html(&ListPage {
        chrome: s.viewer.chrome(Nav::Trainings),
        team,
        rows: page.items,
        q,
        pager,
    })
}

#[derive(Template)]
#[template(path = "trainings/show.html")]
struct ShowPage {
    chrome: Chrome,
    v: TrainingView,
    /// Averages of the named participants' own scores, when the training has none.
    named_before: Option<i64>,
    named_after: Option<i64>,
    /// Its live good practice, or whether the viewer may publish one.
    practice: SourcePractice,
}

/// `GET /trainings/{id}`.
pub async fn show(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let mut v = state.app.training(s.actor(), TrainingId(id)).await?;
    let tr = &s.viewer.tr;
    v.attendance = tr.in_order(
        v.attendance,
        |(i, _)| tr.pick(&i.name_cyrl, &i.name_latn),
        |_| (),
    );
    let practice = state
        .app
        .practice_of_source(s.actor(), PracticeSource::Training(v.training.id))
        .await?;
    let named_before = average(v.named.iter().map(|n| n.participant.score_before));
    let named_after = average(v.named.iter().map(|n| n.participant.score_after));
    html(&ShowPage {
        chrome: s.viewer.chrome(Nav::Trainings),
        v,
        named_before,
        named_after,
        practice,
    })
}
