//! What a chart shows, already translated: the caller gathers and words the data.

use super::geometry::Geometry;
use super::{bars, progress, svg};

/// Bars for each category (a month, a kind of case), one bar per series in each.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BarChart {
    /// Shown above the chart and as the SVG's accessible name.
    pub title: String,
    /// What the chart shows in a sentence or two, for readers who cannot see it.
    pub description: String,
    /// The labels under the bars, left to right.
    pub categories: Vec<String>,
    /// The series; a value stands at the index of its category (values past the last
    /// category are not drawn, nor is a category a series has no value for).
    pub series: Vec<Series>,
    /// What the values count ("број случајева"), shown above the value axis.
    pub unit: Option<String>,
    /// The word shown for a value withheld by disclosure control ("скривено", "<5").
    pub suppressed: String,
}

/// One series of a bar chart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series {
    /// Shown in the legend (the legend appears when there are two series or more).
    pub name: String,
    /// One value per category; `None` is withheld by disclosure control.
    pub values: Vec<Option<i64>>,
}

/// A horizontal bar per item, filled to its percentage (plan progress).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProgressChart {
    /// Shown above the chart and as the SVG's accessible name.
    pub title: String,
    /// What the chart shows, for readers who cannot see it.
    pub description: String,
    /// Label and percentage, 0 to 100 (more is drawn as 100).
    pub items: Vec<(String, u8)>,
}

/// Either kind of chart, for a place that takes both (a document block).
#[derive(Clone, Debug, PartialEq)]
pub enum Chart {
    /// Bars by category.
    Bar(BarChart),
    /// Percentages as horizontal bars.
    Progress(ProgressChart),
}

/// The chart's data as text, for the table shown beside the chart on a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChartTable {
    /// Column headings; the first (over the category labels) is empty.
    pub header: Vec<String>,
    /// One row per category: its label, then each series' value (or the suppressed word).
    pub rows: Vec<Vec<String>>,
}

impl BarChart {
    /// The chart laid out in abstract units.
    pub fn layout(&self) -> Geometry {
        bars::layout(self)
    }

    /// The chart as inline SVG; `id` (made safe for an HTML id) prefixes its element ids,
    /// so give each chart on a page its own.
    pub fn to_svg(&self, id: &str) -> String {
        svg::render(&self.layout(), id)
    }

    /// The data behind the chart as a table: a row per category, a column per series.
    pub fn table(&self) -> ChartTable {
        let mut header = vec![String::new()];
        header.extend(self.series.iter().map(|s| s.name.clone()));
        let rows = self
            .categories
            .iter()
            .enumerate()
            .map(|(i, category)| {
                let mut row = vec![category.clone()];
                row.extend(self.series.iter().map(|s| match s.values.get(i) {
                    Some(Some(v)) => v.to_string(),
                    Some(None) => self.suppressed.clone(),
                    None => String::new(),
                }));
                row
            })
            .collect();
        ChartTable { header, rows }
    }
}

impl ProgressChart {
    /// The chart laid out in abstract units.
    pub fn layout(&self) -> Geometry {
        progress::layout(self)
    }

    /// The chart as inline SVG; `id` prefixes its element ids.
    pub fn to_svg(&self, id: &str) -> String {
        svg::render(&self.layout(), id)
    }

    /// The data as a table: label and percentage per row.
    pub fn table(&self) -> ChartTable {
        ChartTable {
            header: vec![String::new(), "%".into()],
            rows: self
                .items
                .iter()
                .map(|(label, p)| vec![label.clone(), progress::percent(*p)])
                .collect(),
        }
    }
}

impl Chart {
    /// The chart laid out in abstract units.
    pub fn layout(&self) -> Geometry {
        match self {
            Chart::Bar(c) => c.layout(),
            Chart::Progress(c) => c.layout(),
        }
    }

    /// The chart as inline SVG; `id` prefixes its element ids.
    pub fn to_svg(&self, id: &str) -> String {
        svg::render(&self.layout(), id)
    }

    /// The data as a table.
    pub fn table(&self) -> ChartTable {
        match self {
            Chart::Bar(c) => c.table(),
            Chart::Progress(c) => c.table(),
        }
    }
}
