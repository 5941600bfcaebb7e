//! Materials and donors: the items with their stock and the summary per donor, one item's
//! production and hand-outs.

use crate::cases::Choice;
use crate::routes::Routes;
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
use spona_app::materials::{DonorSummary, ItemForm, MovementForm, MATERIAL_KINDS};
use spona_app::AppError;

/// The routes of this feature.
pub fn routes() -> Routes {
    Routes::new()
        .get("/materials", list)
        .post("/materials", create)
        .get("/materials/{id}", show)
        .post("/materials/{id}/movements", movement)
}

/// An item as a row of the list.
struct Row {
    id: i64,
    name: String,
    kind: String,
    donor: String,
    produced: String,
    stock: String,
    low: bool,
}

#[derive(Template)]
#[template(path = "materials/list.html")]
struct ListPage {
    chrome: Chrome,
    rows: Vec<Row>,
    donors: Vec<DonorSummary>,
    form: ItemForm,
    kinds: Vec<Choice>,
    errors: Errors,
}

async fn list_page(
    state: &WebState,
    s: &Signed,
    form: ItemForm,
    errors: Errors,
) -> Result<ListPage, WebError> {
    let tr = &s.viewer.tr;
    let materials = tr.in_order(
        state.app.materials(s.actor()).await?,
        |i| i.name.as_str(),
        |_| (),
    );
    let rows = materials
        .into_iter()
        .map(|i| Row {
            id: i.id,
            kind: tr.t(&format!("material-kind-{}", i.kind)),
            donor: i.donor.clone(),
            produced: tr.num(&i.produced),
            stock: tr.num(&i.stock()),
            low: i.low_mark > 0 && i.stock() < i.low_mark,
            name: i.name,
        })
        .collect();
    let kinds = MATERIAL_KINDS
        .iter()
        .map(|k| Choice {
            value: (*k).into(),
            label: tr.t(&format!("material-kind-{k}")),
            selected: form.kind == *k,
        })
        .collect();
    Ok(ListPage {
        chrome: s.viewer.chrome(Nav::Materials),
        rows,
        donors: tr.in_order(
            state.app.donor_summary(s.actor()).await?,
            |d| d.donor.as_str(),
            // Material without a donor first, under its own heading, as before.
            |d| !d.donor.is_empty(),
        ),
        form,
        kinds,
        errors,
    })
}

/// `GET /materials`.
pub async fn list(State(state): State<WebState>, s: Signed) -> Result<Response, WebError> {
    let form = ItemForm {
        on_date: spona_domain::text::iso_date(state.app.today()),
        ..ItemForm::default()
    };
    html(&list_page(&state, &s, form, Errors::none()).await?)
}

/// `POST /materials`.
pub async fn create(
    State(state): State<WebState>,
    s: Signed,
    ValidForm(form): ValidForm<ItemForm>,
) -> Result<Response, WebError> {
    match state.app.add_material(s.actor(), &form).await {
        Ok(id) => Ok(Redirect::to(&format!("/materials/{id}")).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = Errors::from_fields(&s.viewer.tr, &e);
            let page = list_page(&state, &s, form, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// One movement as listed.
struct Move {
    on: String,
    what: String,
    quantity: String,
    activity: Option<(i64, String)>,
    occasion: String,
}

#[derive(Template)]
#[template(path = "materials/show.html")]
struct ShowPage {
    chrome: Chrome,
    id: i64,
    name: String,
    donor: String,
    project: String,
    stock: String,
    low: bool,
    moves: Vec<Move>,
    /// The team's latest activities: (id, title, date).
    occasions: Vec<(String, String, String)>,
    form: MovementForm,
    errors: Errors,
}

async fn show_page(
    state: &WebState,
    s: &Signed,
    id: i64,
    form: MovementForm,
    errors: Errors,
) -> Result<ShowPage, WebError> {
    let tr = &s.viewer.tr;
    let (item, moves) = state.app.material(s.actor(), id).await?;
    Ok(ShowPage {
        chrome: s.viewer.chrome(Nav::Materials),
        id,
        stock: tr.num(&item.stock()),
        low: item.low_mark > 0 && item.stock() < item.low_mark,
        name: item.name,
        donor: item.donor,
        project: item.project,
        moves: moves
            .into_iter()
            .map(|m| {
                let on = spona_domain::text::date(&m.on_date)
                    .map(|d| tr.date(&d))
                    .unwrap_or(m.on_date);
                Move {
                    on,
                    what: tr.t(&format!("material-{}", m.direction)),
                    quantity: tr.num(&m.quantity),
                    activity: m.activity_id.zip(m.activity_title),
                    occasion: m.occasion,
                }
            })
            .collect(),
        occasions: state
            .app
            .hand_out_occasions(s.actor())
            .await?
            .into_iter()
            .map(|(id, title, on)| (id.0.to_string(), title, tr.date(&on)))
            .collect(),
        form,
        errors,
    })
}

/// `GET /materials/{id}`.
pub async fn show(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let form = MovementForm {
        direction: "handed-out".into(),
        on_date: spona_domain::text::iso_date(state.app.today()),
        ..MovementForm::default()
    };
    html(&show_page(&state, &s, id, form, Errors::none()).await?)
}

/// `POST /materials/{id}/movements`.
pub async fn movement(
    State(state): State<WebState>,
    s: Signed,
    Path(id): Path<i64>,
    ValidForm(form): ValidForm<MovementForm>,
) -> Result<Response, WebError> {
    match state.app.move_material(s.actor(), id, &form).await {
        Ok(()) => Ok(Redirect::to(&format!("/materials/{id}")).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = Errors::from_fields(&s.viewer.tr, &e);
            let page = show_page(&state, &s, id, form, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
