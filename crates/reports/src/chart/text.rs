//! Text that must fit a width on a chart: measured with the embedded font, cut with "…".

use crate::font::text_width;

/// The text on one line (controls and line breaks become spaces), cut with an ellipsis so
/// that it is at most `max` wide at `size`.
pub fn fit(text: &str, size: f32, max: f32) -> String {
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let text = text.trim();
    if text_width(text, size) <= max {
        return text.to_string();
    }
    let room = max - text_width("…", size);
    let mut out = String::new();
    let mut width = 0.0;
    for c in text.chars() {
        let w = text_width(c.encode_utf8(&mut [0; 4]), size);
        if width + w > room {
            break;
        }
        width += w;
        out.push(c);
    }
    let mut out = out.trim_end().to_string();
    if !out.is_empty() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fit;
    use crate::font::text_width;

    #[test]
    fn long_labels_are_cut_to_the_width_and_short_ones_kept() {
        assert_eq!(fit("Јануар", 10.0, 100.0), "Јануар");
        let cut = fit(
            "Међународна сарадња у откривању трговине људима",
            10.0,
            80.0,
        );
        assert!(cut.ends_with('…'), "{cut}");
        assert!(text_width(&cut, 10.0) <= 80.0);
        assert!(cut.starts_with("Међу"));
    }

    #[test]
    fn a_line_break_does_not_survive_into_a_label() {
        assert_eq!(fit("a\nb", 10.0, 100.0), "a b");
    }
}
