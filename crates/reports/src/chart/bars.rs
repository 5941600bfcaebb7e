//! Lays out a bar chart: title, legend, value axis with round ticks, bars in groups by
//! category, markers for suppressed values, category labels (turned when they do not fit
//! flat).

use super::geometry::{Anchor, Geometry, Line, Mark, TextRun};
use super::model::BarChart;
use super::text::fit;
use super::ticks::Ticks;
use crate::font::text_width;

/// The chart's size in abstract units: about a page wide, half as high.
const WIDTH: f32 = 640.0;
const HEIGHT: f32 = 320.0;
const PAD: f32 = 8.0;
const TITLE: f32 = 14.0;
const LABEL: f32 = 10.0;
const SMALL: f32 = 9.0;
/// The longest a turned category label may be.
const LONGEST_LABEL: f32 = 110.0;

/// The laid-out chart.
pub fn layout(chart: &BarChart) -> Geometry {
    let mut g = Geometry::new(WIDTH, HEIGHT, &chart.title, &chart.description);
    let title = fit(&chart.title, TITLE, WIDTH - 2.0 * PAD);
    g.text(TextRun::at(PAD, PAD + TITLE, TITLE, Anchor::Start, title));
    let mut top = PAD + TITLE + 8.0;
    if chart.series.len() > 1 {
        let names: Vec<&str> = chart.series.iter().map(|s| s.name.as_str()).collect();
        top = legend(&mut g, &names, top);
    }
    if let Some(unit) = &chart.unit {
        let unit = fit(unit, SMALL, WIDTH - 2.0 * PAD);
        g.text(TextRun::at(PAD, top + SMALL, SMALL, Anchor::Start, unit).muted());
        top += SMALL + 6.0;
    }

    let slots = chart.categories.len();
    let shown = chart
        .series
        .iter()
        .flat_map(|s| s.values.iter().take(slots).flatten().copied());
    let ticks = Ticks::for_values(shown);
    let tick_labels: Vec<(i64, String)> = ticks
        .values()
        .into_iter()
        .map(|v| (v, v.to_string()))
        .collect();
    let axis_width = tick_labels
        .iter()
        .map(|(_, t)| text_width(t, LABEL))
        .fold(0.0, f32::max);
    let plot = Plot {
        left: PAD + axis_width + 6.0,
        right: WIDTH - PAD,
        // Room for half the top tick label above the top grid line.
        top: top + LABEL * 0.4,
        bottom: 0.0,
        ticks,
    };
    let slot = (plot.right - plot.left) / slots.max(1) as f32;
    let labels = CategoryLabels::choose(&chart.categories, slot);
    let plot = Plot {
        bottom: HEIGHT - PAD - labels.band,
        ..plot
    };

    // All grid lines, then all tick labels: each kind then shares one SVG element.
    for (value, _) in &tick_labels {
        let y = plot.y(*value);
        g.line([plot.left, y, plot.right, y], Line::Grid);
    }
    for (value, label) in tick_labels {
        let y = plot.y(value) + LABEL * 0.35;
        g.text(TextRun::at(plot.left - 6.0, y, LABEL, Anchor::End, label).muted());
    }
    bars(&mut g, chart, &plot, slot);
    let zero = plot.y(0);
    g.line([plot.left, zero, plot.right, zero], Line::Axis);
    labels.draw(&mut g, &chart.categories, &plot, slot);
    g
}

/// The plotting area and its value scale.
struct Plot {
    left: f32,
    right: f32,
    top: f32,
    bottom: f32,
    ticks: Ticks,
}

impl Plot {
    /// The y of a value.
    fn y(&self, v: i64) -> f32 {
        let span = (i128::from(self.ticks.high) - i128::from(self.ticks.low)).max(1) as f64;
        let share = (i128::from(v) - i128::from(self.ticks.low)) as f64 / span;
        self.bottom - (share as f32) * (self.bottom - self.top)
    }
}

/// The bars, series by series (so that a renderer can group each series' bars), then the
/// markers of suppressed values with their word.
fn bars(g: &mut Geometry, chart: &BarChart, plot: &Plot, slot: f32) {
    let count = chart.series.len().max(1) as f32;
    let group = slot * if count > 1.0 { 0.8 } else { 0.6 };
    let width = group / count;
    // A hairline between the bars of a group, when they are wide enough to spare it.
    let gap = if count > 1.0 && width > 4.0 { 1.0 } else { 0.0 };
    let zero = plot.y(0);
    let x_of = |category: usize, series: usize| {
        plot.left + category as f32 * slot + (slot - group) / 2.0 + series as f32 * width
    };
    for (s, series) in chart.series.iter().enumerate() {
        for (c, value) in series
            .values
            .iter()
            .enumerate()
            .take(chart.categories.len())
        {
            if let Some(v) = value {
                let y = plot.y(*v);
                let (top, h) = if y <= zero {
                    (y, zero - y)
                } else {
                    (zero, y - zero)
                };
                g.rect(x_of(c, s), top, width - gap, h, Mark::Bar(s));
            }
        }
    }
    let marker = ((plot.bottom - plot.top) * 0.12).min(20.0);
    let mut words = Vec::new();
    for (s, series) in chart.series.iter().enumerate() {
        for (c, value) in series
            .values
            .iter()
            .enumerate()
            .take(chart.categories.len())
        {
            if value.is_none() {
                let x = x_of(c, s);
                g.rect(x, zero - marker, width - gap, marker, Mark::Suppressed);
                words.push(suppressed_word(
                    &chart.suppressed,
                    x,
                    width - gap,
                    zero - marker,
                    plot,
                ));
            }
        }
    }
    for word in words {
        g.text(word);
    }
}

/// The suppressed word above its marker: flat if it fits the bar's width, else reading
/// upwards.
fn suppressed_word(word: &str, x: f32, width: f32, top: f32, plot: &Plot) -> TextRun {
    let middle = x + width / 2.0;
    if text_width(word, SMALL) <= width + 2.0 {
        let text = fit(word, SMALL, width + 2.0);
        return TextRun::at(middle, top - 3.0, SMALL, Anchor::Middle, text).muted();
    }
    let text = fit(word, SMALL, top - 3.0 - plot.top);
    TextRun::at(middle + SMALL * 0.35, top - 3.0, SMALL, Anchor::Start, text)
        .muted()
        .rotated(-90.0)
}

/// Swatches and names of the series in rows below the title; returns where the rows end.
fn legend(g: &mut Geometry, names: &[&str], top: f32) -> f32 {
    let mut x = PAD;
    let mut baseline = top + LABEL;
    for (i, name) in names.iter().enumerate() {
        let name = fit(name, LABEL, 200.0);
        let item = 14.0 + text_width(&name, LABEL);
        if x > PAD && x + item > WIDTH - PAD {
            x = PAD;
            baseline += LABEL + 6.0;
        }
        g.rect(x, baseline - 9.0, 10.0, 10.0, Mark::Swatch(i));
        g.text(TextRun::at(x + 14.0, baseline, LABEL, Anchor::Start, name));
        x += item + 16.0;
    }
    baseline + 8.0
}

/// How the category labels are set: flat, turned 45° or turned upright, and how many are
/// skipped when even upright ones would overlap.
struct CategoryLabels {
    angle: f32,
    /// Every how many-th label is drawn.
    every: usize,
    /// How much height the labels take below the plot.
    band: f32,
    /// The longest a label may be along its baseline.
    longest: f32,
}

impl CategoryLabels {
    fn choose(categories: &[String], slot: f32) -> CategoryLabels {
        let widest = categories
            .iter()
            .map(|c| text_width(c.trim(), LABEL))
            .fold(0.0, f32::max);
        if widest <= slot - 4.0 {
            return CategoryLabels {
                angle: 0.0,
                every: 1,
                band: LABEL + 8.0,
                longest: slot - 4.0,
            };
        }
        let longest = widest.min(LONGEST_LABEL);
        // Turned labels sit one line height apart along the axis: 45° needs 1.4 lines.
        if slot >= LABEL * 1.4 {
            return CategoryLabels {
                angle: -45.0,
                every: 1,
                band: (longest + LABEL) * std::f32::consts::FRAC_1_SQRT_2 + 10.0,
                longest,
            };
        }
        CategoryLabels {
            angle: -90.0,
            every: (LABEL * 1.2 / slot.max(0.1)).ceil().max(1.0) as usize,
            band: longest + 10.0,
            longest,
        }
    }

    fn draw(&self, g: &mut Geometry, categories: &[String], plot: &Plot, slot: f32) {
        for (i, label) in categories.iter().enumerate().step_by(self.every) {
            let middle = plot.left + (i as f32 + 0.5) * slot;
            let run = if self.angle == 0.0 {
                let text = fit(label, LABEL, self.longest);
                TextRun::at(
                    middle,
                    plot.bottom + LABEL + 4.0,
                    LABEL,
                    Anchor::Middle,
                    text,
                )
            } else if self.angle == -45.0 {
                // Hanging down to the left of its bar; no further left than the chart.
                let room = (middle - 2.0) * std::f32::consts::SQRT_2 - LABEL;
                let text = fit(label, LABEL, self.longest.min(room));
                let y = plot.bottom + 4.0 + LABEL * 0.7;
                TextRun::at(middle + LABEL * 0.35, y, LABEL, Anchor::End, text).rotated(-45.0)
            } else {
                let text = fit(label, LABEL, self.longest);
                let x = middle + LABEL * 0.35;
                TextRun::at(x, plot.bottom + 6.0, LABEL, Anchor::End, text).rotated(-90.0)
            };
            g.text(run);
        }
    }
}
