//! A page's items as a PDF content stream, its text in the document's font subset.

use super::flow::Item;
use crate::chart::pdf as chart;
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
            Item::Chart { geometry, at } => chart::draw(geometry, &mut content, font, *at),
        }
    }
    content.finish()
}
