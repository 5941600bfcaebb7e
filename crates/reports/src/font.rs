//! The one embedded font: DejaVu Sans, which has Latin and Cyrillic glyphs. It is compiled
//! into the binary so that documents look the same wherever Spona runs, with nothing
//! installed on the machine. Each document embeds only the glyphs it uses.

use crate::ReportError;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// DejaVu Sans (Bitstream Vera derived licence, see `fonts/DejaVuSans-LICENSE.txt`).
const DEJAVU_SANS: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");

/// The font's PostScript name with a subset tag, as PDF asks for subsets.
pub const SUBSET_NAME: &[u8] = b"SPONAA+DejaVuSans";

/// The parsed font, once per process: layout measures text many times per document.
fn face() -> Result<&'static ttf_parser::Face<'static>, ReportError> {
    static FACE: OnceLock<Result<ttf_parser::Face<'static>, String>> = OnceLock::new();
    FACE.get_or_init(|| ttf_parser::Face::parse(DEJAVU_SANS, 0).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| ReportError::Font(e.clone()))
}

/// The width of the text at a size, in the units of the size (points in a PDF, user units
/// in an SVG). Layout must not fail for want of a font that is compiled in, so should the
/// font ever be unreadable the width is estimated at 0.6 em a character.
pub fn text_width(text: &str, size: f32) -> f32 {
    match face() {
        Ok(face) => {
            let units: f32 = text.chars().map(|c| advance(face, glyph(face, c))).sum();
            units * size / f32::from(face.units_per_em())
        }
        Err(_) => text.chars().count() as f32 * 0.6 * size,
    }
}

fn glyph(face: &ttf_parser::Face<'_>, c: char) -> u16 {
    face.glyph_index(c).map(|g| g.0).unwrap_or(0)
}

fn advance(face: &ttf_parser::Face<'_>, glyph: u16) -> f32 {
    f32::from(
        face.glyph_hor_advance(ttf_parser::GlyphId(glyph))
            .unwrap_or(0),
    )
}

/// The font with the glyphs a document uses, numbered anew from 1.
///
/// Text is written with one code (a CID) per distinct character rather than per glyph:
/// the font draws some characters with the same glyph (a space and a no-break space, for
/// one), and a code per character keeps the ToUnicode map exact, so text copied out of the
/// PDF is the text that went in.
pub struct FontSubset {
    face: &'static ttf_parser::Face<'static>,
    remapper: subsetter::GlyphRemapper,
    /// Code → (new glyph id, the character it stands for). Code 0 is the missing glyph.
    codes: Vec<(u16, char)>,
    /// Character → code.
    by_char: BTreeMap<char, u16>,
}

impl FontSubset {
    /// An empty subset of the embedded font.
    pub fn new() -> Result<FontSubset, ReportError> {
        Ok(FontSubset {
            face: face()?,
            remapper: subsetter::GlyphRemapper::new(),
            codes: vec![(0, '\u{FFFD}')],
            by_char: BTreeMap::new(),
        })
    }

    /// The text as two-byte codes (a character the font lacks is shown as the font's
    /// "missing" glyph, never dropped silently, and still copies out as itself).
    pub fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let code = match self.by_char.get(&c) {
                Some(code) => *code,
                None => {
                    let new = self.remapper.remap(glyph(self.face, c));
                    // More distinct characters than two-byte codes cannot occur in a
                    // document of this crate; should it, the rest show as missing.
                    let Ok(code) = u16::try_from(self.codes.len()) else {
                        out.extend_from_slice(&0u16.to_be_bytes());
                        continue;
                    };
                    self.codes.push((new, c));
                    self.by_char.insert(c, code);
                    code
                }
            };
            out.extend_from_slice(&code.to_be_bytes());
        }
        out
    }

    /// The width of the text at a size, in points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text_width(text, size)
    }

    fn units_per_em(&self) -> f32 {
        f32::from(self.face.units_per_em())
    }

    /// Advance widths of the codes in PDF text space (1/1000 em), from code 0 on.
    pub fn widths(&self) -> Vec<f32> {
        let scale = 1000.0 / self.units_per_em();
        self.codes
            .iter()
            .map(|(_, c)| advance(self.face, glyph(self.face, *c)) * scale)
            .collect()
    }

    /// The CIDToGIDMap stream: for each code from 0 on, its new glyph id, two bytes each.
    pub fn cid_to_gid(&self) -> Vec<u8> {
        self.codes
            .iter()
            .flat_map(|(g, _)| g.to_be_bytes())
            .collect()
    }

    /// Which character each code stands for (code 0, the missing glyph, left out).
    pub fn chars(&self) -> impl Iterator<Item = (u16, char)> + '_ {
        self.by_char.iter().map(|(c, code)| (*code, *c))
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
