//! The one embedded font: DejaVu Sans, which has Latin and Cyrillic glyphs. It is compiled
//! into the binary so that documents look the same wherever Spona runs, with nothing
//! installed on the machine. Each document embeds only the glyphs it uses.

use crate::ReportError;
use std::collections::BTreeMap;

/// DejaVu Sans (Bitstream Vera derived licence, see `fonts/DejaVuSans-LICENSE.txt`).
const DEJAVU_SANS: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");

/// The font's PostScript name with a subset tag, as PDF asks for subsets.
pub const SUBSET_NAME: &[u8] = b"SPONAA+DejaVuSans";

/// The font with the glyphs a document uses, numbered anew from 1.
pub struct FontSubset {
    face: ttf_parser::Face<'static>,
    remapper: subsetter::GlyphRemapper,
    /// New glyph id → the character it draws (for copying text out of the PDF).
    chars: BTreeMap<u16, char>,
}

impl FontSubset {
    /// An empty subset of the embedded font.
    pub fn new() -> Result<FontSubset, ReportError> {
        let face = ttf_parser::Face::parse(DEJAVU_SANS, 0)
            .map_err(|e| ReportError::Font(e.to_string()))?;
        Ok(FontSubset {
            face,
            remapper: subsetter::GlyphRemapper::new(),
            chars: BTreeMap::new(),
        })
    }

    /// The text as two-byte glyph ids of the subset (a character the font lacks is shown
    /// as the font's "missing" glyph, never dropped silently).
    pub fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let old = self.face.glyph_index(c).map(|g| g.0).unwrap_or(0);
            let new = self.remapper.remap(old);
            self.chars.entry(new).or_insert(c);
            out.extend_from_slice(&new.to_be_bytes());
        }
        out
    }

    /// The width of the text at a size, in points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: f32 = text
            .chars()
            .map(|c| {
                let g = self.face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
                f32::from(self.face.glyph_hor_advance(g).unwrap_or(0))
            })
            .sum();
        units * size / self.units_per_em()
    }

    fn units_per_em(&self) -> f32 {
        f32::from(self.face.units_per_em())
    }

    /// Advance widths of the subset's glyphs in PDF text space (1/1000 em), in new-id order.
    pub fn widths(&self) -> Vec<f32> {
        let scale = 1000.0 / self.units_per_em();
        self.remapper
            .remapped_gids()
            .map(|old| {
                f32::from(
                    self.face
                        .glyph_hor_advance(ttf_parser::GlyphId(old))
                        .unwrap_or(0),
                ) * scale
            })
            .collect()
    }

    /// Which character each new glyph id draws.
    pub fn chars(&self) -> impl Iterator<Item = (u16, char)> + '_ {
        self.chars.iter().map(|(g, c)| (*g, *c))
    }

    /// Metrics for the font descriptor, in 1/1000 em: bbox, ascent, descent, cap height.
    pub fn metrics(&self) -> ([f32; 4], f32, f32, f32) {
        let s = 1000.0 / self.units_per_em();
        let b = self.face.global_bounding_box();
        let bbox = [
            f32::from(b.x_min) * s,
            f32::from(b.y_min) * s,
            f32::from(b.x_max) * s,
            f32::from(b.y_max) * s,
        ];
        let cap = self.face.capital_height().unwrap_or(self.face.ascender());
        (
            bbox,
            f32::from(self.face.ascender()) * s,
            f32::from(self.face.descender()) * s,
            f32::from(cap) * s,
        )
    }

    /// The reduced font file.
    pub fn file(&self) -> Result<Vec<u8>, ReportError> {
        subsetter::subset(DEJAVU_SANS, 0, &self.remapper)
            .map_err(|e| ReportError::Font(e.to_string()))
    }
}
