//! Breaking text into lines that fit a width, measured with the embedded font.

use crate::font::text_width;

/// The text in lines no wider than `width` at `size`: broken between words, and inside a
/// word only when the word alone is too wide. A line break in the text is kept. Always at
/// least one line (perhaps empty), so an empty cell still has a height.
pub fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for hard in text.split('\n') {
        let mut line = String::new();
        for word in hard.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if text_width(&candidate, size) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line = break_word(word, size, width, &mut lines);
        }
        lines.push(line);
    }
    lines
}

/// Pushes the full-width pieces of a word too wide for a line; returns the rest.
fn break_word(word: &str, size: f32, width: f32, lines: &mut Vec<String>) -> String {
    let mut piece = String::new();
    for c in word.chars() {
        piece.push(c);
        // A piece of one character stays, however narrow the width: nothing is dropped.
        if text_width(&piece, size) > width && piece.chars().count() > 1 {
            piece.pop();
            lines.push(std::mem::take(&mut piece));
            piece.push(c);
        }
    }
    piece
}

#[cfg(test)]
mod tests {
    use super::wrap;
    use crate::font::text_width;

    #[test]
    fn lines_fit_and_keep_every_word_in_order() {
        let text = "Тим је током године одржао дванаест састанака и три обуке за полицију.";
        let lines = wrap(text, 10.0, 120.0);
        assert!(lines.len() > 2, "{lines:?}");
        for l in &lines {
            assert!(text_width(l, 10.0) <= 120.0, "{l}");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn a_word_wider_than_the_line_is_broken_not_lost() {
        let lines = wrap("Ђорђевићевићевићевићевић", 10.0, 40.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), "Ђорђевићевићевићевићевић");
    }

    #[test]
    fn line_breaks_stay_and_empty_text_is_one_empty_line() {
        assert_eq!(wrap("а\nб", 10.0, 100.0), vec!["а", "б"]);
        assert_eq!(wrap("", 10.0, 100.0), vec![""]);
    }
}
