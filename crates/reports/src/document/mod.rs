//! A multi-page A4 document: a title with lines about it (team, period, date), then
//! headings, paragraphs, tables and charts flowing over as many pages as they need, with a
//! page number in the footer. Like the rest of the crate it only lays out text it is given,
//! already gathered and translated.
//!
//! ```
//! use spona_reports::document::{Block, Document, Table};
//! let doc = Document {
//!     title: "Годишњи извештај".into(),
//!     meta: vec!["Тим Лесковац".into(), "2026.".into()],
//!     blocks: vec![
//!         Block::Heading { level: 1, text: "Случајеви".into() },
//!         Block::Paragraph("Током године…".into()),
//!         Block::Table(Table {
//!             columns: vec!["Месец".into(), "Број".into()],
//!             numeric: vec![false, true],
//!             rows: vec![vec!["јануар".into(), "12".into()]],
//!             note: Some("Мање од 5 није приказано.".into()),
//!         }),
//!     ],
//!     page_label: "{n} / {m}".into(),
//!     lang: Some("sr-Cyrl".into()),
//!     watermark: None,
//! };
//! let pdf = spona_reports::document::render(&doc)?;
//! assert_eq!(spona_reports::inspect::page_count(&pdf), 1);
//! # Ok::<(), spona_reports::ReportError>(())
//! ```

mod draw;
mod flow;
mod footer;
mod style;
mod tabular;
mod wrap;

use crate::chart::Chart;
use crate::font::FontSubset;
use crate::pdf::{self, Meta};
use crate::ReportError;

/// A document to print.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// Large at the top of the first page, and the PDF's title.
    pub title: String,
    /// Lines under the title (who made it, for what period, when).
    pub meta: Vec<String>,
    /// The content, in order.
    pub blocks: Vec<Block>,
    /// The page number in each page's footer: `{n}` becomes the page's number and `{m}`
    /// the number of pages ("{n} / {m}", "Страна {n} од {m}"); empty for no footer.
    pub page_label: String,
    /// The language of the text as a BCP 47 tag ("sr-Cyrl", "sr-Latn", "en"), for readers
    /// that speak the text aloud.
    pub lang: Option<String>,
    /// Written large and light across every page, behind the content ("НАЦРТ" on a draft),
    /// so that no printed page passes for the final one.
    pub watermark: Option<String>,
}

/// One piece of content.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading; levels below 1 count as 1, above 3 as 3. Kept on a page with what
    /// follows it.
    Heading {
        /// 1 (largest) to 3.
        level: u8,
        /// The heading's text.
        text: String,
    },
    /// Running text, wrapped to the page; a line break in the text starts a new line.
    Paragraph(String),
    /// A table: its heading row is repeated on every page it runs over.
    Table(Table),
    /// A chart, scaled to the page's width and never split across pages.
    Chart(Chart),
    /// Continue on a new page (unless the current one is still empty).
    PageBreak,
}

/// A table of text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// Column headings.
    pub columns: Vec<String>,
    /// The rows; a short row is padded with empty cells, cells past the last column are
    /// not shown.
    pub rows: Vec<Vec<String>>,
    /// Per column: right-align it (numbers). A missing entry means left-aligned.
    pub numeric: Vec<bool>,
    /// A line under the table (a source, or what suppressed values mean).
    pub note: Option<String>,
}

/// The document as A4 portrait PDF, all text in one embedded subset of the font.
pub fn render(doc: &Document) -> Result<Vec<u8>, ReportError> {
    let mut flow = flow::Flow::new();
    flow.title(&doc.title, &doc.meta);
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => flow.heading(*level, text),
            Block::Paragraph(text) => flow.paragraph(text),
            Block::Table(t) => tabular::place(&mut flow, t),
            Block::Chart(c) => flow.chart(c),
            Block::PageBreak => flow.page_break(),
        }
    }
    let mut pages = flow.finish();
    footer::number(&mut pages, &doc.page_label);
    if let Some(text) = doc.watermark.as_deref().filter(|t| !t.trim().is_empty()) {
        footer::watermark(&mut pages, text);
    }

    let mut font = FontSubset::new()?;
    let contents = pages
        .iter()
        .map(|items| draw::page(items, &mut font))
        .collect();
    let meta = Meta {
        title: &doc.title,
        lang: doc.lang.as_deref(),
    };
    pdf::assemble(
        &meta,
        (style::PAGE_WIDTH, style::PAGE_HEIGHT),
        contents,
        &font,
    )
}
