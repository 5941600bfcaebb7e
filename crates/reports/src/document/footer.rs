//! Page numbers in the footer, once the number of pages is known.

use super::flow::Item;
use super::style;
use crate::font::text_width;

/// Adds "n / m" (the caller's template) centred at the foot of every page.
pub fn number(pages: &mut [Vec<Item>], template: &str) {
    if template.is_empty() {
        return;
    }
    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        let text = label(template, i + 1, total);
        let x = (style::PAGE_WIDTH - text_width(&text, style::SMALL)) / 2.0;
        page.push(Item::Text {
            x,
            y: style::FOOTER,
            size: style::SMALL,
            muted: true,
            text,
        });
    }
}

/// Puts the watermark first on every page, so that the content is drawn over it.
pub fn watermark(pages: &mut [Vec<Item>], text: &str) {
    for page in pages {
        page.insert(
            0,
            Item::Watermark {
                text: text.to_string(),
            },
        );
    }
}

/// The template with `{n}` and `{m}` filled in.
pub fn label(template: &str, n: usize, m: usize) -> String {
    template
        .replace("{n}", &n.to_string())
        .replace("{m}", &m.to_string())
}

#[cfg(test)]
mod tests {
    use super::label;

    #[test]
    fn the_template_gets_both_numbers() {
        assert_eq!(label("{n} / {m}", 2, 7), "2 / 7");
        assert_eq!(label("Страна {n} од {m}", 1, 3), "Страна 1 од 3");
    }
}
