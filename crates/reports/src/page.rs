//! One A4 landscape page of centred lines of text in the embedded font, written as a PDF
//! with the font subset and a ToUnicode map (so the text can be searched and copied).

use crate::font::{FontSubset, SUBSET_NAME};
use crate::ReportError;
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

/// A4 landscape, in points.
const WIDTH: f32 = 842.0;
const HEIGHT: f32 = 595.0;

/// A line of text centred on the page, `y` points from the bottom.
pub struct Line {
    pub text: String,
    pub size: f32,
    pub y: f32,
}

/// Writes the page; `title` goes into the document information.
pub fn write(title: &str, lines: &[Line]) -> Result<Vec<u8>, ReportError> {
    let mut font = FontSubset::new()?;
    let mut content = Content::new();
    // A double frame, the only decoration.
    content.set_line_width(2.0);
    content
        .rect(30.0, 30.0, WIDTH - 60.0, HEIGHT - 60.0)
        .stroke();
    content.set_line_width(0.5);
    content
        .rect(38.0, 38.0, WIDTH - 76.0, HEIGHT - 76.0)
        .stroke();
    for line in lines {
        let x = ((WIDTH - font.width(&line.text, line.size)) / 2.0).max(40.0);
        let glyphs = font.encode(&line.text);
        content.begin_text();
        content.set_font(Name(b"F1"), line.size);
        content.set_text_matrix([1.0, 0.0, 0.0, 1.0, x, line.y]);
        content.show(Str(&glyphs));
        content.end_text();
    }
    let content = content.finish();

    let catalog = Ref::new(1);
    let pages = Ref::new(2);
    let page = Ref::new(3);
    let contents = Ref::new(4);
    let type0 = Ref::new(5);
    let cid = Ref::new(6);
    let descriptor = Ref::new(7);
    let file = Ref::new(8);
    let cmap = Ref::new(9);
    let info = Ref::new(10);

    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(pages);
    pdf.pages(pages).kids([page]).count(1);
    let mut p = pdf.page(page);
    p.media_box(Rect::new(0.0, 0.0, WIDTH, HEIGHT));
    p.parent(pages);
    p.contents(contents);
    p.resources().fonts().pair(Name(b"F1"), type0);
    p.finish();
    pdf.stream(contents, &content);
    pdf.document_info(info)
        .title(TextStr(title))
        .producer(TextStr("Spona"));

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
        .cid_to_gid_map_predefined(Name(b"Identity"));
    cid_font.widths().consecutive(0, font.widths());
    cid_font.finish();

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
    pdf.stream(file, &data).pair(Name(b"Length1"), length);

    let mut unicode = UnicodeCmap::<u16>::new(Name(b"Spona-UTF16"), system);
    for (glyph, c) in font.chars() {
        unicode.pair(glyph, c);
    }
    pdf.cmap(cmap, &unicode.finish());
    Ok(pdf.finish())
}
