//! The geometry drawn with PDF operators, its text in the document's embedded font. The
//! chart's abstract units are scaled and placed at a point of the page; y is turned over,
//! as PDF counts upwards from the bottom.

use super::geometry::{Anchor, Geometry, Ink, Line, Mark, Shape, TextRun};
use super::palette::{self, Pattern, Rgb};
use crate::font::FontSubset;
use crate::pdf::FONT;
use pdf_writer::{Content, Str};

/// Where and how large a chart goes on a page.
#[derive(Clone, Copy, Debug)]
pub struct Place {
    /// The chart's left edge, in points from the page's left.
    pub left: f32,
    /// The chart's top edge, in points from the page's bottom.
    pub top: f32,
    /// Points per abstract unit.
    pub scale: f32,
}

impl Place {
    fn x(&self, x: f32) -> f32 {
        self.left + x * self.scale
    }

    fn y(&self, y: f32) -> f32 {
        self.top - y * self.scale
    }
}

/// Draws the chart; the text is encoded with (and so added to) `font`.
pub fn draw(g: &Geometry, content: &mut Content, font: &mut FontSubset, at: Place) {
    content.save_state();
    for shape in &g.shapes {
        match shape {
            Shape::Rect { x, y, w, h, mark } => {
                // As in SVG, a rectangle without area is not painted (a zero bar).
                if *w > 0.0 && *h > 0.0 {
                    let r = [at.x(*x), at.y(y + h), w * at.scale, h * at.scale];
                    rect(content, r, *mark, at.scale);
                }
            }
            Shape::Line {
                at: [x1, y1, x2, y2],
                line,
            } => {
                let colour = match line {
                    Line::Axis => palette::MUTED,
                    Line::Grid => palette::GRID,
                };
                stroke_colour(content, colour);
                content.set_line_width(at.scale);
                content.move_to(at.x(*x1), at.y(*y1));
                content.line_to(at.x(*x2), at.y(*y2));
                content.stroke();
            }
            Shape::Text(t) => text(content, font, t, at),
        }
    }
    content.restore_state();
}

fn rect(content: &mut Content, [x, y, w, h]: [f32; 4], mark: Mark, scale: f32) {
    content.set_line_width(scale);
    content.set_dash_pattern([], 0.0);
    match mark {
        Mark::Background => {
            fill_colour(content, palette::WHITE);
            content.rect(x, y, w, h).fill_nonzero();
        }
        Mark::Bar(s) | Mark::Swatch(s) => {
            let (colour, pattern) = palette::series(s);
            if pattern == Pattern::Solid {
                fill_colour(content, colour);
            } else {
                fill_colour(content, palette::WHITE);
            }
            content.rect(x, y, w, h).fill_nonzero();
            hatch(content, [x, y, w, h], colour, pattern, scale);
            stroke_colour(content, colour);
            content.rect(x, y, w, h).stroke();
        }
        Mark::Suppressed => {
            fill_colour(content, palette::WHITE);
            stroke_colour(content, palette::MUTED);
            content.set_dash_pattern([3.0 * scale, 2.0 * scale], 0.0);
            content.rect(x, y, w, h).fill_nonzero_and_stroke();
            content.set_dash_pattern([], 0.0);
        }
        Mark::Track => {
            fill_colour(content, palette::TRACK);
            stroke_colour(content, palette::MUTED);
            content.set_line_width(0.5 * scale);
            content.rect(x, y, w, h).fill_nonzero_and_stroke();
        }
        Mark::Progress => {
            fill_colour(content, palette::series(0).0);
            content.rect(x, y, w, h).fill_nonzero();
        }
    }
}

/// Stripes inside the rectangle (clipped to it), like the SVG's patterns.
fn hatch(content: &mut Content, [x, y, w, h]: [f32; 4], colour: Rgb, p: Pattern, scale: f32) {
    let (rising, falling, width) = match p {
        Pattern::Solid => return,
        Pattern::Rising => (true, false, palette::STRIPE),
        Pattern::Falling => (false, true, palette::STRIPE),
        Pattern::Cross => (true, true, palette::CROSS),
    };
    content.save_state();
    content.rect(x, y, w, h).clip_nonzero().end_path();
    stroke_colour(content, colour);
    content.set_line_width(width * scale);
    // Lines along (1, 1) keep y - x constant, along (1, -1) y + x; one every gap · √2.
    let step = palette::STRIPE_GAP * scale * std::f32::consts::SQRT_2;
    let mut lines = |from: f32, to: f32, up: f32| {
        let mut c = from;
        while c <= to + step {
            content.move_to(x, c + up * x);
            content.line_to(x + w, c + up * (x + w));
            c += step;
        }
    };
    if rising {
        lines(y - (x + w), y + h - x, 1.0);
    }
    if falling {
        lines(x + y, x + w + y + h, -1.0);
    }
    content.stroke();
    content.restore_state();
}

fn text(content: &mut Content, font: &mut FontSubset, t: &TextRun, at: Place) {
    let size = t.size * at.scale;
    let width = font.width(&t.text, size);
    let shift = match t.anchor {
        Anchor::Start => 0.0,
        Anchor::Middle => -width / 2.0,
        Anchor::End => -width,
    };
    // Clockwise on screen in SVG is clockwise in PDF too, but PDF angles run the other way.
    let (sin, cos) = (-t.angle).to_radians().sin_cos();
    let x = at.x(t.x) + shift * cos;
    let y = at.y(t.y) + shift * sin;
    let colour = match t.ink {
        Ink::Text => palette::TEXT,
        Ink::Muted => palette::MUTED,
    };
    let codes = font.encode(&t.text);
    content.begin_text();
    fill_colour(content, colour);
    content.set_font(FONT, size);
    content.set_text_matrix([cos, sin, -sin, cos, x, y]);
    content.show(Str(&codes));
    content.end_text();
}

fn fill_colour(content: &mut Content, c: Rgb) {
    let [r, g, b] = c.unit();
    content.set_fill_rgb(r, g, b);
}

fn stroke_colour(content: &mut Content, c: Rgb) {
    let [r, g, b] = c.unit();
    content.set_stroke_rgb(r, g, b);
}
