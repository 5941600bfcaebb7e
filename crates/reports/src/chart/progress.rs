//! Lays out a progress chart: one row per item with its label, a track and the filled
//! share, and the percentage at the end.

use super::geometry::{Anchor, Geometry, Mark, TextRun};
use super::model::ProgressChart;
use super::text::fit;
use crate::font::text_width;

const WIDTH: f32 = 640.0;
const PAD: f32 = 8.0;
const TITLE: f32 = 14.0;
const LABEL: f32 = 10.0;
const ROW: f32 = 22.0;
const TRACK: f32 = 12.0;

/// The percentage as written on the chart ("45%"; more than 100 is shown as 100).
pub fn percent(p: u8) -> String {
    format!("{}%", p.min(100))
}

/// The laid-out chart: as high as its rows need.
pub fn layout(chart: &ProgressChart) -> Geometry {
    let rows_top = PAD + TITLE + 10.0;
    let height = rows_top + ROW * chart.items.len() as f32 + PAD;
    let mut g = Geometry::new(WIDTH, height, &chart.title, &chart.description);
    let title = fit(&chart.title, TITLE, WIDTH - 2.0 * PAD);
    g.text(TextRun::at(PAD, PAD + TITLE, TITLE, Anchor::Start, title));

    // Labels take what they need, up to two fifths of the width.
    let label_width = chart
        .items
        .iter()
        .map(|(l, _)| text_width(l.trim(), LABEL))
        .fold(0.0, f32::max)
        .min((WIDTH - 2.0 * PAD) * 0.4);
    let number_width = text_width("100%", LABEL) + 6.0;
    let track_left = PAD + label_width + 8.0;
    let track_width = (WIDTH - PAD - number_width - track_left).max(1.0);
    for (i, (label, p)) in chart.items.iter().enumerate() {
        let middle = rows_top + ROW * (i as f32 + 0.5);
        let baseline = middle + LABEL * 0.35;
        let text = fit(label, LABEL, label_width);
        g.text(TextRun::at(PAD, baseline, LABEL, Anchor::Start, text));
        let top = middle - TRACK / 2.0;
        g.rect(track_left, top, track_width, TRACK, Mark::Track);
        let share = f32::from((*p).min(100)) / 100.0;
        g.rect(track_left, top, track_width * share, TRACK, Mark::Progress);
        g.text(TextRun::at(
            WIDTH - PAD,
            baseline,
            LABEL,
            Anchor::End,
            percent(*p),
        ));
    }
    g
}
