//! Puts finished page contents together into one PDF file with the font subset embedded
//! once for all pages, a ToUnicode map (so the text can be searched and copied) and the
//! document information. Certificates and multi-page documents both end here.

use crate::font::{FontSubset, SUBSET_NAME};
use crate::ReportError;
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::Filter;
use pdf_writer::{Buf, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

/// The resource name every page uses for the embedded font.
pub const FONT: Name<'static> = Name(b"F1");

/// What goes into the document information and the catalogue.
pub struct Meta<'a> {
    /// The document's title, shown by viewers in place of the file name.
    pub title: &'a str,
    /// The natural language of the text ("sr-Cyrl", "en"), for screen readers.
    pub lang: Option<&'a str>,
}

/// The PDF of the pages (each a finished content stream of `width` × `height` points)
/// whose text was encoded with `font`.
pub fn assemble(
    meta: &Meta<'_>,
    (width, height): (f32, f32),
    pages: Vec<Buf>,
    font: &FontSubset,
) -> Result<Vec<u8>, ReportError> {
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let type0 = Ref::new(3);
    let cid = Ref::new(4);
    let descriptor = Ref::new(5);
    let file = Ref::new(6);
    let cmap = Ref::new(7);
    let cid_to_gid = Ref::new(8);
    let info = Ref::new(9);
    // Then a page object and its content stream for each page.
    let page_ref = |i: usize| Ref::new(10 + 2 * i as i32);
    let contents_ref = |i: usize| Ref::new(11 + 2 * i as i32);

    let mut pdf = Pdf::new();
    let mut c = pdf.catalog(catalog);
    c.pages(tree);
    if let Some(lang) = meta.lang {
        c.lang(TextStr(lang));
    }
    c.finish();
    let count = i32::try_from(pages.len()).map_err(|e| ReportError::Font(e.to_string()))?;
    pdf.pages(tree)
        .kids((0..pages.len()).map(page_ref))
        .count(count);
    for (i, content) in pages.iter().enumerate() {
        let mut p = pdf.page(page_ref(i));
        p.media_box(Rect::new(0.0, 0.0, width, height));
        p.parent(tree);
        p.contents(contents_ref(i));
        p.resources().fonts().pair(FONT, type0);
        p.finish();
        pdf.stream(contents_ref(i), &deflate(content))
            .filter(Filter::FlateDecode);
    }
    pdf.document_info(info)
        .title(TextStr(meta.title))
        .producer(TextStr("Spona"));
    write_font(
        &mut pdf,
        font,
        [type0, cid, descriptor, file, cmap, cid_to_gid],
    )?;
    Ok(pdf.finish())
}

/// Content and font compressed, as text-heavy pages shrink to a fifth. (The ToUnicode map
/// stays plain: it is small, and `inspect` reads it as it is.)
fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

/// The font objects: the Type 0 font, its CID font, descriptor, file, ToUnicode map and
/// code-to-glyph map, at the given references in that order.
fn write_font(pdf: &mut Pdf, font: &FontSubset, refs: [Ref; 6]) -> Result<(), ReportError> {
    let [type0, cid, descriptor, file, cmap, cid_to_gid] = refs;
    let system = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    pdf.type0_font(type0)
        .base_font(Name(SUBSET_NAME))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap);
    let mut cid_font = pdf.cid_font(cid);
    cid_font
        .subtype(CidFontType::Type2)
        .base_font(Name(SUBSET_NAME))
        .system_info(system)
        .font_descriptor(descriptor)
        .cid_to_gid_map_stream(cid_to_gid);
    cid_font.widths().consecutive(0, font.widths());
    cid_font.finish();
    pdf.stream(cid_to_gid, &font.cid_to_gid());

    let (bbox, ascent, descent, cap_height) = font.metrics();
    pdf.font_descriptor(descriptor)
        .name(Name(SUBSET_NAME))
        .flags(FontFlags::SYMBOLIC)
        .bbox(Rect::new(bbox[0], bbox[1], bbox[2], bbox[3]))
        .italic_angle(0.0)
        .ascent(ascent)
        .descent(descent)
        .cap_height(cap_height)
        .stem_v(80.0)
        .font_file2(file);
    let data = font.file()?;
    let length = i32::try_from(data.len()).map_err(|e| ReportError::Font(e.to_string()))?;
    pdf.stream(file, &deflate(&data))
        .filter(Filter::FlateDecode)
        .pair(Name(b"Length1"), length);

    let mut unicode = UnicodeCmap::<u16>::new(Name(b"Spona-UTF16"), system);
    for (code, c) in font.chars() {
        unicode.pair(code, c);
    }
    pdf.cmap(cmap, &unicode.finish());
    Ok(())
}
