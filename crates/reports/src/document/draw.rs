//! A page's items as a PDF content stream, its text in the document's font subset.

use super::flow::Item;
use super::style;
use crate::chart::pdf as chart;
use crate::font::text_width;
use crate::font::FontSubset;
use crate::pdf::FONT;
use pdf_writer::{Buf, Content, Str};

/// Near black for text, the same as the charts'.
const TEXT: f32 = 0.1;
/// Grey for secondary text (#595959: 7:1 on white).
const MUTED: f32 = 0.35;
/// The rules between rows.
const RULE: f32 = 0.6;
/// Behind a table's heading row.
const SHADE: f32 = 0.92;
/// The watermark: light enough to read the text over it, large enough to see at a glance.
const WATERMARK: f32 = 0.85;
const WATERMARK_SIZE: f32 = 96.0;

/// The content stream of one page.
pub fn page(items: &[Item], font: &mut FontSubset) -> Buf {
    let mut content = Content::new();
    for item in items {
        match item {
            Item::Text {
                x,
                y,
                size,
                muted,
                text,
            } => {
                let codes = font.encode(text);
                content.begin_text();
                content.set_fill_gray(if *muted { MUTED } else { TEXT });
                content.set_font(FONT, *size);
                content.set_text_matrix([1.0, 0.0, 0.0, 1.0, *x, *y]);
                content.show(Str(&codes));
                content.end_text();
            }
            Item::Rule { x, y, w, width } => {
                content.set_stroke_gray(RULE);
                content.set_line_width(*width);
                content.move_to(*x, *y);
                content.line_to(x + w, *y);
                content.stroke();
            }
            Item::Shade { x, y, w, h } => {
                content.set_fill_gray(SHADE);
                content.rect(*x, *y, *w, *h).fill_nonzero();
            }
            Item::Watermark { text } => watermark(&mut content, font, text),
            Item::Chart { geometry, at } => chart::draw(geometry, &mut content, font, *at),
        }
    }
    content.finish()
}

/// The watermark along the page's diagonal, centred, shrunk to fit a long word.
fn watermark(content: &mut Content, font: &mut FontSubset, text: &str) {
    let (w, h) = (style::PAGE_WIDTH, style::PAGE_HEIGHT);
    let angle = h.atan2(w);
    let (sin, cos) = angle.sin_cos();
    let diagonal = w.hypot(h);
    let natural = text_width(text, WATERMARK_SIZE);
    let size = if natural > 0.0 {
        WATERMARK_SIZE.min(WATERMARK_SIZE * diagonal * 0.7 / natural)
    } else {
        WATERMARK_SIZE
    };
    let run = text_width(text, size);
    // The run's middle (half its width along, a third of its size up) on the page's centre.
    let x = w / 2.0 - cos * run / 2.0 + sin * size / 3.0;
    let y = h / 2.0 - sin * run / 2.0 - cos * size / 3.0;
    let codes = font.encode(text);
    content.begin_text();
    content.set_fill_gray(WATERMARK);
    content.set_font(FONT, size);
    content.set_text_matrix([cos, sin, -sin, cos, x, y]);
    content.show(Str(&codes));
    content.end_text();
}
