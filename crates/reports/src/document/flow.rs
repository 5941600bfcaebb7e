//! Filling pages from the top down: each block asks for the height it needs and starts a
//! new page when the current one has too little left.

use super::style::{self, ascent, leading, BOTTOM, LEFT, TOP, WIDTH};
use super::wrap::wrap;
use crate::chart::pdf::Place;
use crate::chart::{Chart, Geometry};

/// Something placed on a page, in points from the page's bottom left.
#[derive(Clone, Debug)]
pub enum Item {
    /// A line of text starting at `x` on the baseline `y`.
    Text {
        x: f32,
        y: f32,
        size: f32,
        /// Grey rather than black.
        muted: bool,
        text: String,
    },
    /// A horizontal rule.
    Rule { x: f32, y: f32, w: f32, width: f32 },
    /// A light grey area (behind a table's heading row).
    Shade { x: f32, y: f32, w: f32, h: f32 },
    /// Large light text across the page, drawn before everything else (behind it).
    Watermark { text: String },
    /// A laid-out chart.
    Chart { geometry: Geometry, at: Place },
}

/// Pages filled so far and where the next thing goes on the last one.
pub struct Flow {
    pages: Vec<Vec<Item>>,
    /// The top of the next thing, in points from the bottom of the page.
    y: f32,
}

impl Flow {
    /// One empty page.
    pub fn new() -> Flow {
        Flow {
            pages: vec![Vec::new()],
            y: TOP,
        }
    }

    /// The pages, each with what was placed on it.
    pub fn finish(self) -> Vec<Vec<Item>> {
        self.pages
    }

    /// The height left on the current page.
    pub fn room(&self) -> f32 {
        self.y - BOTTOM
    }

    /// Whether nothing has been placed on the current page yet.
    pub fn fresh(&self) -> bool {
        self.y >= TOP
    }

    /// The top of the next thing.
    pub fn y(&self) -> f32 {
        self.y
    }

    /// Moves down by `h`.
    pub fn down(&mut self, h: f32) {
        self.y -= h;
    }

    /// Space between blocks; none at the top of a page.
    pub fn gap(&mut self, h: f32) {
        if !self.fresh() {
            self.y -= h;
        }
    }

    /// Starts a new page unless `h` fits on this one. A fresh page is never left, so that
    /// something taller than a page cannot turn into endless empty pages.
    pub fn need(&mut self, h: f32) {
        if h > self.room() && !self.fresh() {
            self.new_page();
        }
    }

    /// Continues on a new page.
    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Places an item on the current page.
    pub fn push(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.push(item);
        }
    }

    /// A line of text at `x` whose line box starts at the current top; moves below it.
    pub fn line(&mut self, x: f32, size: f32, muted: bool, text: String) {
        let y = self.y - ascent(size);
        if !text.is_empty() {
            self.push(Item::Text {
                x,
                y,
                size,
                muted,
                text,
            });
        }
        self.y -= leading(size);
    }

    /// The document's title and the lines about it, with a rule under them.
    pub fn title(&mut self, title: &str, meta: &[String]) {
        for line in wrap(title, style::TITLE, WIDTH) {
            self.line(LEFT, style::TITLE, false, line);
        }
        self.down(2.0);
        for m in meta {
            for line in wrap(m, style::SMALL, WIDTH) {
                self.line(LEFT, style::SMALL, true, line);
            }
        }
        self.down(4.0);
        self.push(Item::Rule {
            x: LEFT,
            y: self.y,
            w: WIDTH,
            width: 0.75,
        });
        self.down(14.0);
    }

    /// A heading, moved to a new page rather than left alone at the bottom of one.
    pub fn heading(&mut self, level: u8, text: &str) {
        let (size, before) = style::heading(level);
        let lines = wrap(text, size, WIDTH);
        self.gap(before);
        let height = lines.len() as f32 * leading(size);
        // Room for the heading and three lines of what follows it.
        self.need(height + 4.0 + 3.0 * leading(style::BODY));
        for line in lines {
            self.line(LEFT, size, false, line);
        }
        self.down(4.0);
    }

    /// Running text, line by line over as many pages as it takes.
    pub fn paragraph(&mut self, text: &str) {
        self.paragraph_in(text, style::BODY, false);
        self.down(6.0);
    }

    /// Running text at a size, perhaps grey.
    pub fn paragraph_in(&mut self, text: &str, size: f32, muted: bool) {
        for line in wrap(text, size, WIDTH) {
            self.need(leading(size));
            self.line(LEFT, size, muted, line);
        }
    }

    /// A chart across the page's width (smaller if it would be taller than a page), on the
    /// page where it fits whole.
    pub fn chart(&mut self, chart: &Chart) {
        let geometry = chart.layout();
        if geometry.width <= 0.0 || geometry.height <= 0.0 {
            return;
        }
        let page = TOP - BOTTOM;
        let scale = (WIDTH / geometry.width).min(page / geometry.height);
        let height = geometry.height * scale;
        self.gap(6.0);
        self.need(height);
        let at = Place {
            left: LEFT,
            top: self.y,
            scale,
        };
        self.push(Item::Chart { geometry, at });
        self.down(height + 10.0);
    }

    /// A new page, unless this one is still empty.
    pub fn page_break(&mut self) {
        if !self.fresh() {
            self.new_page();
        }
    }
}
