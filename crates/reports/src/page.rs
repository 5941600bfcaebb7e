//! One A4 landscape page of centred lines of text in the embedded font, in a double frame:
//! the certificate's layout.

use crate::font::FontSubset;
use crate::pdf::{self, Meta, FONT};
use crate::ReportError;
use pdf_writer::{Content, Str};

/// A4 landscape, in points.
const WIDTH: f32 = 842.0;
const HEIGHT: f32 = 595.0;

/// A line of text centred on the page, `y` points from the bottom.
pub struct Line {
    pub text: String,
    pub size: f32,
    pub y: f32,
}

/// Writes the page; `title` goes into the document information.
pub fn write(title: &str, lines: &[Line]) -> Result<Vec<u8>, ReportError> {
    let mut font = FontSubset::new()?;
    let mut content = Content::new();
    // A double frame, the only decoration.
    content.set_line_width(2.0);
    content
        .rect(30.0, 30.0, WIDTH - 60.0, HEIGHT - 60.0)
        .stroke();
    content.set_line_width(0.5);
    content
        .rect(38.0, 38.0, WIDTH - 76.0, HEIGHT - 76.0)
        .stroke();
    for line in lines {
        let x = ((WIDTH - font.width(&line.text, line.size)) / 2.0).max(40.0);
        let glyphs = font.encode(&line.text);
        content.begin_text();
        content.set_font(FONT, line.size);
        content.set_text_matrix([1.0, 0.0, 0.0, 1.0, x, line.y]);
        content.show(Str(&glyphs));
        content.end_text();
    }
    let meta = Meta { title, lang: None };
    pdf::assemble(&meta, (WIDTH, HEIGHT), vec![content.finish()], &font)
}
