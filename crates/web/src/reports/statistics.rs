//! `/statistics`: the team's year in charts, each with its data table beside it.

use crate::shell::chrome::{Chrome, Nav};
use crate::shell::errors::WebError;
use crate::shell::render::html;
use crate::shell::viewer::Signed;
use crate::WebState;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use spona_app::reports::{activities_chart, TeamStatistics, Words};
use spona_app::reports::{BarChart, ChartTable, ProgressChart, Series};
use spona_domain::disclosure::Published;
use spona_i18n::Arg;

/// A chart as the page shows it.
pub struct ShownChart {
    pub svg: String,
    pub data: ChartTable,
}

#[derive(Template)]
#[template(path = "reports/statistics.html")]
struct StatisticsPage {
    chrome: Chrome,
    stats: TeamStatistics,
    charts: Vec<ShownChart>,
    response: String,
}

/// The year asked for.
#[derive(serde::Deserialize, Default)]
pub struct YearQuery {
    pub year: Option<i32>,
}

fn value(p: Published) -> Option<i64> {
    p.shown().map(|n| i64::try_from(n).unwrap_or(i64::MAX))
}

/// `GET /statistics`.
pub async fn page(
    State(state): State<WebState>,
    s: Signed,
    Query(q): Query<YearQuery>,
) -> Result<Response, WebError> {
    let stats = state.app.team_statistics(s.actor(), q.year).await?;
    let w = Words::new(&state.catalog, s.viewer.locale, state.app.zone());
    let activities = activities_chart(&stats.months, &w);
    let referrals = BarChart {
        title: w.t("statistics-referrals"),
        description: w.t("statistics-referrals-desc"),
        categories: stats.referrals.iter().map(|(q, _, _)| q.code()).collect(),
        series: vec![
            Series {
                name: w.t("statistics-referrals-sent"),
                values: stats.referrals.iter().map(|(_, n, _)| value(*n)).collect(),
            },
            Series {
                name: w.t("statistics-answered-in-time"),
                values: stats.referrals.iter().map(|(_, _, n)| value(*n)).collect(),
            },
        ],
        unit: None,
        suppressed: w.t("periodic-suppressed"),
    };
    let mut charts = vec![
        ShownChart {
            svg: activities.to_svg("chart-activities"),
            data: activities.table(),
        },
        ShownChart {
            svg: referrals.to_svg("chart-referrals"),
            data: referrals.table(),
        },
    ];
    if !stats.plan.is_empty() {
        let plan = ProgressChart {
            title: w.t("periodic-chart-plan"),
            description: w.t("periodic-chart-plan-desc"),
            items: stats
                .plan
                .iter()
                .map(|(t, p)| (w.typed(t), u8::try_from((*p).clamp(0, 100)).unwrap_or(0)))
                .collect(),
        };
        charts.push(ShownChart {
            svg: plan.to_svg("chart-plan"),
            data: plan.table(),
        });
    }
    let response = match stats.response_hours {
        Some((hours, cases)) => w.with(
            "statistics-response-value",
            &[
                ("hours", Arg::from(hours)),
                ("cases", Arg::from(cases as i64)),
            ],
        ),
        None => w.with(
            "statistics-response-hidden",
            &[("threshold", Arg::from(i64::from(stats.threshold)))],
        ),
    };
    html(&StatisticsPage {
        chrome: s.viewer.chrome(Nav::Reports),
        stats,
        charts,
        response,
    })
}
