//! The geometry as SVG text to put inline in an HTML page. Self-contained and inert: no
//! scripts, no event attributes, no links out, no `style` (the pages' content security
//! policy forbids inline styles; presentation attributes are not styles). Shapes of one
//! look share a `<g>` and lines of one look share a `<path>`, which keeps a year of
//! monthly bars to a few kilobytes.

use super::geometry::{Anchor, Geometry, Ink, Line, Mark, Shape, TextRun};
use super::palette::{self, Pattern, Rgb};
use std::fmt::Write;

/// The chart as an `<svg>` element; element ids start with `id` (made safe for HTML).
pub fn render(g: &Geometry, id: &str) -> String {
    let id = safe_id(id);
    let mut out = String::with_capacity(4096);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" \
         height=\"{h}\" role=\"img\" aria-labelledby=\"{id}-t\" aria-describedby=\"{id}-d\" \
         font-family=\"DejaVu Sans,Verdana,sans-serif\"><title id=\"{id}-t\">{title}</title>\
         <desc id=\"{id}-d\">{desc}</desc>",
        w = num(g.width),
        h = num(g.height),
        title = escape(&g.title),
        desc = escape(&g.description),
    );
    patterns(&mut out, g, &id);

    // Consecutive shapes with the same look go into one group.
    let mut open: Option<String> = None;
    let mut path = String::new();
    for shape in &g.shapes {
        let look = look(shape, &id);
        if open.as_ref() != Some(&look) {
            close(&mut out, &mut open, &mut path);
            if !look.is_empty() {
                let _ = write!(out, "<g {look}>");
            }
            open = Some(look);
        }
        match shape {
            Shape::Line { at, .. } => line(&mut path, *at),
            _ => element(&mut out, shape),
        }
    }
    close(&mut out, &mut open, &mut path);
    out.push_str("</svg>");
    out
}

/// Ends the open group, writing the lines gathered for it first.
fn close(out: &mut String, open: &mut Option<String>, path: &mut String) {
    if !path.is_empty() {
        let _ = write!(out, "<path d=\"{path}\"/>");
        path.clear();
    }
    if let Some(look) = open.take() {
        if !look.is_empty() {
            out.push_str("</g>");
        }
    }
}

/// The attributes a shape shares with others like it.
fn look(shape: &Shape, id: &str) -> String {
    match shape {
        Shape::Rect { mark, .. } => match mark {
            Mark::Background => String::new(),
            Mark::Bar(s) | Mark::Swatch(s) => {
                let (colour, pattern) = palette::series(*s);
                let fill = match pattern {
                    Pattern::Solid => colour.hex(),
                    _ => format!("url(#{id}-p{})", s % palette::LOOKS),
                };
                format!("fill=\"{fill}\" stroke=\"{}\"", colour.hex())
            }
            Mark::Suppressed => format!(
                "fill=\"{}\" stroke=\"{}\" stroke-dasharray=\"3 2\"",
                palette::WHITE.hex(),
                palette::MUTED.hex()
            ),
            Mark::Track => format!(
                "fill=\"{}\" stroke=\"{}\" stroke-width=\".5\"",
                palette::TRACK.hex(),
                palette::MUTED.hex()
            ),
            Mark::Progress => format!("fill=\"{}\"", palette::series(0).0.hex()),
        },
        Shape::Line { line, .. } => {
            let colour = match line {
                Line::Axis => palette::MUTED,
                Line::Grid => palette::GRID,
            };
            format!("fill=\"none\" stroke=\"{}\"", colour.hex())
        }
        Shape::Text(t) => {
            let anchor = match t.anchor {
                Anchor::Start => "",
                Anchor::Middle => " text-anchor=\"middle\"",
                Anchor::End => " text-anchor=\"end\"",
            };
            format!(
                "font-size=\"{}\" fill=\"{}\"{anchor}",
                num(t.size),
                ink(t.ink).hex()
            )
        }
    }
}

fn ink(ink: Ink) -> Rgb {
    match ink {
        Ink::Text => palette::TEXT,
        Ink::Muted => palette::MUTED,
    }
}

/// A rectangle or a text, without the attributes of its group.
fn element(out: &mut String, shape: &Shape) {
    match shape {
        Shape::Rect { x, y, w, h, mark } => {
            let class = match mark {
                Mark::Bar(_) | Mark::Progress => " class=\"bar\"",
                Mark::Suppressed => " class=\"sup\"",
                _ => "",
            };
            let fill = if *mark == Mark::Background {
                format!(" fill=\"{}\"", palette::WHITE.hex())
            } else {
                String::new()
            };
            let _ = write!(
                out,
                "<rect{class} x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{fill}/>",
                num(*x),
                num(*y),
                num(*w),
                num(*h)
            );
        }
        Shape::Text(t) => text(out, t),
        Shape::Line { .. } => {}
    }
}

fn text(out: &mut String, t: &TextRun) {
    let (x, y) = (num(t.x), num(t.y));
    let _ = write!(out, "<text x=\"{x}\" y=\"{y}\"");
    if t.angle != 0.0 {
        let _ = write!(out, " transform=\"rotate({} {x} {y})\"", num(t.angle));
    }
    let _ = write!(out, ">{}</text>", escape(&t.text));
}

/// Adds a line to the group's path, as short as it can be written.
fn line(path: &mut String, [x1, y1, x2, y2]: [f32; 4]) {
    let _ = write!(path, "M{} {}", num(x1), num(y1));
    let _ = if y1 == y2 {
        write!(path, "H{}", num(x2))
    } else if x1 == x2 {
        write!(path, "V{}", num(y2))
    } else {
        write!(path, "L{} {}", num(x2), num(y2))
    };
}

/// The fill patterns of the series drawn, in the series' colours.
fn patterns(out: &mut String, g: &Geometry, id: &str) {
    let mut used = [false; palette::LOOKS];
    for shape in &g.shapes {
        if let Shape::Rect {
            mark: Mark::Bar(s) | Mark::Swatch(s),
            ..
        } = shape
        {
            used[s % palette::LOOKS] = true;
        }
    }
    let gap = num(palette::STRIPE_GAP);
    let half = num(palette::STRIPE_GAP / 2.0);
    let mut defs = String::new();
    for (s, _) in used.iter().enumerate().filter(|(_, u)| **u) {
        let (colour, pattern) = palette::series(s);
        let (angle, d, width) = match pattern {
            Pattern::Solid => continue,
            Pattern::Rising => (45, format!("M{half} 0V{gap}"), palette::STRIPE),
            Pattern::Falling => (-45, format!("M{half} 0V{gap}"), palette::STRIPE),
            Pattern::Cross => (
                45,
                format!("M{half} 0V{gap}M0 {half}H{gap}"),
                palette::CROSS,
            ),
        };
        let _ = write!(
            defs,
            "<pattern id=\"{id}-p{s}\" width=\"{gap}\" height=\"{gap}\" \
             patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate({angle})\">\
             <rect width=\"{gap}\" height=\"{gap}\" fill=\"#fff\"/>\
             <path d=\"{d}\" stroke=\"{}\" stroke-width=\"{}\"/></pattern>",
            colour.hex(),
            num(width)
        );
    }
    if !defs.is_empty() {
        let _ = write!(out, "<defs>{defs}</defs>");
    }
}

/// A number with at most one decimal, without a trailing ".0".
fn num(v: f32) -> String {
    let r = (v * 10.0).round() / 10.0;
    if !r.is_finite() {
        return "0".into();
    }
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// Text safe inside an element or a double-quoted attribute; characters XML does not
/// allow become spaces.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\u{0}'..='\u{8}'
            | '\u{b}'
            | '\u{c}'
            | '\u{e}'..='\u{1f}'
            | '\u{fffe}'
            | '\u{ffff}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Letters, digits, `-` and `_` only, starting with a letter: nothing that could end the
/// attribute or clash with CSS selectors.
fn safe_id(id: &str) -> String {
    let mut out: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if !out.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out.insert(0, 'c');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{escape, num, safe_id};

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.04), "12");
        assert_eq!(num(12.25), "12.3");
        assert_eq!(num(-0.01), "0");
        assert_eq!(num(f32::NAN), "0");
    }

    #[test]
    fn ids_and_text_cannot_break_out() {
        assert_eq!(safe_id("a\" onload=\"x"), "a--onload--x");
        assert_eq!(safe_id("1"), "c1");
        assert_eq!(
            escape("<a href=\"x\">&\u{1}"),
            "&lt;a href=&quot;x&quot;&gt;&amp; "
        );
    }
}
