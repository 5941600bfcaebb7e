//! A report laid out in words for one reader: sections of headings, paragraphs, tables and
//! charts. The page and the PDF are both drawn from this one layout, so they say the same.

use super::content::{MonthLine, ReportContent};
use super::labels::{dimension_of, row_message, table_message};
use super::words::Words;
use spona_domain::disclosure::{Position, Published};
use spona_domain::trainings::Duration;
use spona_i18n::Arg;
use spona_reports::chart::{BarChart, Chart, ProgressChart, Series};

/// A table in words.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordTable {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Right-aligned columns (counts).
    pub numeric: Vec<bool>,
    pub note: Option<String>,
}

/// One piece of a section.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Paragraph(String),
    Subheading(String),
    Table(WordTable),
    Chart(Chart),
}

/// A titled section.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub heading: String,
    pub pieces: Vec<Piece>,
}

fn numeric_table(columns: Vec<String>, rows: Vec<Vec<String>>, numeric_from: usize) -> WordTable {
    let numeric = (0..columns.len()).map(|i| i >= numeric_from).collect();
    WordTable {
        columns,
        rows,
        numeric,
        note: None,
    }
}

/// The shown value or the word for a withheld one. Why a number is withheld is never said
/// per number: telling a small count from one hidden to protect it would bound both.
pub fn published_word(w: &Words, p: Published) -> String {
    match p {
        Published::Shown(n) => w.num(i64::try_from(n).unwrap_or(i64::MAX)),
        Published::Suppressed(_) => w.t("periodic-suppressed"),
    }
}

/// The chart of activities and reach by month (the report's and the statistics page's).
pub fn activities_chart(months: &[MonthLine], w: &Words) -> BarChart {
    BarChart {
        title: w.t("periodic-chart-activities"),
        description: w.t("periodic-chart-activities-desc"),
        categories: months.iter().map(|m| w.month(&m.month)).collect(),
        series: vec![
            Series {
                name: w.t("periodic-activities-count"),
                values: months.iter().map(|m| Some(m.activities)).collect(),
            },
            Series {
                name: w.t("periodic-reach"),
                values: months.iter().map(|m| Some(m.reach)).collect(),
            },
        ],
        unit: None,
        suppressed: w.t("periodic-suppressed"),
    }
}

/// The chart of the plan's activities and their progress.
pub fn plan_chart(content: &ReportContent, w: &Words) -> Option<ProgressChart> {
    let plan = content.plan.as_ref()?;
    let items: Vec<(String, u8)> = plan
        .objectives
        .iter()
        .flat_map(|o| o.activities.iter())
        .map(|a| {
            (
                w.typed(&a.title),
                u8::try_from(a.progress.clamp(0, 100)).unwrap_or(0),
            )
        })
        .collect();
    (!items.is_empty()).then(|| ProgressChart {
        title: w.t("periodic-chart-plan"),
        description: w.t("periodic-chart-plan-desc"),
        items,
    })
}

/// The case tables in words, each with its note on what was withheld.
pub fn case_tables(content: &ReportContent, w: &Words) -> Vec<(String, WordTable)> {
    let cases = &content.cases;
    cases
        .release
        .tables()
        .iter()
        .map(|t| {
            let dimension = dimension_of(t.name());
            let mut rows: Vec<Vec<String>> = t
                .rows()
                .iter()
                .enumerate()
                .map(|(i, code)| {
                    let label = if dimension == "receiver" {
                        cases
                            .receiver(code)
                            .map(|n| w.names(n))
                            .unwrap_or_else(|| code.clone())
                    } else {
                        w.t(&row_message(dimension, code))
                    };
                    let count = t
                        .get(Position::RowTotal { row: i })
                        .map(|p| published_word(w, p))
                        .unwrap_or_default();
                    vec![label, count]
                })
                .collect();
            if dimension == "receiver" {
                rows = w.by_name(rows);
            }
            rows.push(vec![
                w.t("periodic-total"),
                t.grand_total()
                    .map(|p| published_word(w, p))
                    .unwrap_or_default(),
            ]);
            let note = t.note();
            let mut table = numeric_table(vec![String::new(), w.t("periodic-count")], rows, 1);
            let hidden = note.small_count + note.protects;
            if hidden > 0 {
                table.note = Some(w.with(
                    "periodic-table-note",
                    &[("hidden", Arg::from(hidden as i64))],
                ));
            }
            (w.t(&table_message(t.name())), table)
        })
        .collect()
}

/// Every section of the report, in order.
pub fn sections(content: &ReportContent, w: &Words) -> Vec<Section> {
    let mut out = Vec::new();
    let n = &content.narrative;
    let narrative: Vec<Piece> = [
        ("periodic-summary", &n.summary),
        ("periodic-cooperation", &n.cooperation),
        ("periodic-challenges", &n.challenges),
        ("periodic-next-steps", &n.next_steps),
    ]
    .into_iter()
    .filter(|(_, text)| !text.trim().is_empty())
    .flat_map(|(id, text)| [Piece::Subheading(w.t(id)), Piece::Paragraph(w.typed(text))])
    .collect();
    if !narrative.is_empty() {
        out.push(Section {
            heading: w.t("periodic-narrative"),
            pieces: narrative,
        });
    }

    let c = &content.composition;
    let list = |names: &[super::content::Names]| {
        let names = names.iter().map(|n| vec![w.names(n)]).collect();
        w.by_name(names).concat().join("; ")
    };
    let mut composition = vec![
        Piece::Subheading(w.t("periodic-members")),
        Piece::Paragraph(list(&c.members)),
    ];
    if !c.partners.is_empty() {
        composition.push(Piece::Subheading(w.t("periodic-partners")));
        composition.push(Piece::Paragraph(list(&c.partners)));
    }
    out.push(Section {
        heading: w.t("periodic-composition"),
        pieces: composition,
    });

    out.push(Section {
        heading: w.t("periodic-meetings"),
        pieces: if content.meetings.is_empty() {
            vec![Piece::Paragraph(w.t("periodic-meetings-none"))]
        } else {
            vec![Piece::Table(numeric_table(
                vec![
                    w.t("meeting-date"),
                    w.t("periodic-meeting-institutions"),
                    w.t("periodic-meeting-actions"),
                ],
                content
                    .meetings
                    .iter()
                    .map(|m| vec![w.date(&m.held_on), w.num(m.institutions), w.num(m.actions)])
                    .collect(),
                1,
            ))]
        },
    });

    let mut plan = Vec::new();
    match &content.plan {
        None => plan.push(Piece::Paragraph(w.t("periodic-plan-none"))),
        Some(p) => {
            plan.push(Piece::Paragraph(format!(
                "{} · {}: {}%",
                w.typed(&p.title),
                w.t("plan-progress"),
                p.progress
            )));
            if let Some(chart) = plan_chart(content, w) {
                plan.push(Piece::Chart(Chart::Progress(chart)));
            }
            for o in &p.objectives {
                plan.push(Piece::Subheading(w.typed(&o.title)));
                plan.push(Piece::Table(numeric_table(
                    vec![
                        w.t("plan-activity-title"),
                        w.t("plan-activity-responsible"),
                        w.t("plan-activity-indicator"),
                        w.t("plan-activity-baseline"),
                        w.t("plan-activity-target"),
                        w.t("periodic-plan-achieved"),
                    ],
                    o.activities
                        .iter()
                        .map(|a| {
                            let achieved = if a.planned_events > 0 {
                                format!("{}% ({} / {})", a.progress, a.recorded, a.planned_events)
                            } else {
                                format!("{}%", a.progress)
                            };
                            vec![
                                w.typed(&a.title),
                                w.names(&a.responsible),
                                w.typed(&a.indicator),
                                w.typed(&a.baseline),
                                w.typed(&a.target),
                                achieved,
                            ]
                        })
                        .collect(),
                    5,
                )));
            }
        }
    }
    out.push(Section {
        heading: w.t("periodic-plan"),
        pieces: plan,
    });

    let a = &content.activities;
    let activities = if a.by_kind.is_empty() {
        vec![Piece::Paragraph(w.t("periodic-activities-none"))]
    } else {
        let mut rows: Vec<Vec<String>> = a
            .by_kind
            .iter()
            .map(|k| {
                vec![
                    w.t(&format!("activity-kind-{}", k.kind)),
                    w.num(k.activities),
                    w.num(k.pupils),
                    w.num(k.teachers),
                    w.num(k.parents),
                    w.num(k.officials),
                    w.num(k.public),
                    w.num(k.reach()),
                ]
            })
            .collect();
        rows.push(vec![
            w.t("periodic-total"),
            w.num(a.total()),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            w.num(a.reach()),
        ]);
        vec![
            Piece::Chart(Chart::Bar(activities_chart(
                &content.activities.by_month,
                w,
            ))),
            Piece::Table(numeric_table(
                vec![
                    w.t("activity-kind"),
                    w.t("periodic-activities-count"),
                    w.t("activity-audience-pupils"),
                    w.t("activity-audience-teachers"),
                    w.t("activity-audience-parents"),
                    w.t("activity-audience-officials"),
                    w.t("activity-audience-public"),
                    w.t("periodic-reach"),
                ],
                rows,
                1,
            )),
        ]
    };
    out.push(Section {
        heading: w.t("periodic-activities"),
        pieces: activities,
    });

    let t = &content.trainings;
    let mut trainings = vec![Piece::Paragraph(w.with(
        "periodic-trainings-summary",
        &[
            ("trainings", Arg::from(t.trainings)),
            (
                "hours",
                Arg::decimal(Duration::from_minutes(t.minutes).hours_hundredths(), 2),
            ),
            ("participants", Arg::from(t.participants())),
        ],
    ))];
    if !t.by_institution.is_empty() {
        trainings.push(Piece::Table(numeric_table(
            vec![
                w.t("periodic-institution"),
                w.t("training-participants"),
                w.t("periodic-staff"),
                w.t("periodic-share"),
            ],
            w.by_name(
                t.by_institution
                    .iter()
                    .map(|l| {
                        vec![
                            w.names(&l.institution),
                            w.num(l.participants),
                            l.staff.map(|s| w.num(s)).unwrap_or_default(),
                            l.share().map(|s| format!("{s}%")).unwrap_or_default(),
                        ]
                    })
                    .collect(),
            ),
            1,
        )));
    }
    out.push(Section {
        heading: w.t("periodic-trainings"),
        pieces: trainings,
    });

    out.push(Section {
        heading: w.t("periodic-materials"),
        pieces: if content.materials.is_empty() {
            vec![Piece::Paragraph(w.t("periodic-materials-none"))]
        } else {
            vec![Piece::Table(numeric_table(
                vec![
                    w.t("material-name"),
                    w.t("material-donor"),
                    w.t("periodic-produced"),
                    w.t("periodic-handed-out"),
                ],
                w.by_name(
                    content
                        .materials
                        .iter()
                        .map(|m| {
                            vec![
                                w.typed(&m.name),
                                w.typed(&m.donor),
                                w.num(m.produced),
                                w.num(m.handed_out),
                            ]
                        })
                        .collect(),
                ),
                2,
            ))]
        },
    });

    if !content.cooperation.is_empty() {
        out.push(Section {
            heading: w.t("periodic-cooperation-log"),
            pieces: vec![Piece::Table(numeric_table(
                vec![
                    w.t("cooperation-date"),
                    w.t("cooperation-kind"),
                    w.t("cooperation-subject"),
                    w.t("cooperation-outcome"),
                ],
                content
                    .cooperation
                    .iter()
                    .map(|l| {
                        vec![
                            w.date(&l.on_date),
                            w.t(&format!("cooperation-kind-{}", l.kind)),
                            w.typed(&l.subject),
                            w.typed(&l.outcome),
                        ]
                    })
                    .collect(),
                4,
            ))],
        });
    }

    let threshold = i64::from(content.cases.threshold);
    let mut cases = vec![Piece::Paragraph(w.with(
        "periodic-cases-note",
        &[
            ("less", Arg::from(threshold - 1)),
            ("threshold", Arg::from(threshold)),
        ],
    ))];
    for (title, table) in case_tables(content, w) {
        cases.push(Piece::Subheading(title));
        cases.push(Piece::Table(table));
    }
    out.push(Section {
        heading: w.t("periodic-cases"),
        pieces: cases,
    });
    out
}
