//! The measures of a document page, in points.

/// A4 portrait.
pub const PAGE_WIDTH: f32 = 595.28;
/// A4 portrait.
pub const PAGE_HEIGHT: f32 = 841.89;
/// 2 cm on every side.
pub const MARGIN: f32 = 56.7;
/// Where text begins on the left.
pub const LEFT: f32 = MARGIN;
/// The width text may take.
pub const WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
/// The top of the first line on a page.
pub const TOP: f32 = PAGE_HEIGHT - MARGIN;
/// Nothing is set below this but the footer.
pub const BOTTOM: f32 = MARGIN;
/// The footer's baseline.
pub const FOOTER: f32 = 30.0;

/// Body text.
pub const BODY: f32 = 10.5;
/// Small text: the lines under the title, table notes, the footer.
pub const SMALL: f32 = 9.0;
/// Table cells.
pub const CELL: f32 = 9.0;
/// The document's title.
pub const TITLE: f32 = 18.0;

/// Line height for a font size.
pub fn leading(size: f32) -> f32 {
    size * 1.35
}

/// From the top of a line to its baseline.
pub fn ascent(size: f32) -> f32 {
    size * 0.95
}

/// Heading sizes and the space above them, by level.
pub fn heading(level: u8) -> (f32, f32) {
    match level {
        0 | 1 => (15.0, 14.0),
        2 => (12.5, 11.0),
        _ => (11.0, 9.0),
    }
}
