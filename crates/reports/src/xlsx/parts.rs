//! The parts of a workbook besides its sheets: the package's content types and relationships,
//! the workbook with its list of sheets, and the styles that the cells refer to.

use super::xml::push_attr;

/// Cell style (index into `cellXfs`) of the header row: bold.
pub(crate) const STYLE_HEADER: u32 = 1;
/// Cell style of dates: `yyyy-mm-dd`, unambiguous in every language the team reads.
pub(crate) const STYLE_DATE: u32 = 2;
/// Decimals with scale 1 to [`MAX_STYLED_SCALE`] get a style showing exactly that many
/// decimals (12.50, not 12.5), numbered from this one up.
const STYLE_FIRST_DECIMAL: u32 = 3;
/// Beyond this many decimals a number is shown as Excel's General format chooses.
pub(crate) const MAX_STYLED_SCALE: u8 = 10;
/// Excel's first number format id free for custom formats.
const FIRST_CUSTOM_FORMAT: u32 = 164;

const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The cell style for a decimal with `scale` decimals.
pub(crate) fn decimal_style(scale: u8) -> u32 {
    match scale {
        1..=MAX_STYLED_SCALE => STYLE_FIRST_DECIMAL + u32::from(scale) - 1,
        _ => 0,
    }
}

/// `[Content_Types].xml`: what each part is.
pub(crate) fn content_types(sheets: usize) -> String {
    let mut xml = format!(
        r#"{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
    );
    for n in 1..=sheets {
        xml.push_str(&format!(
            r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        ));
    }
    xml.push_str("</Types>");
    xml
}

/// `_rels/.rels`: where the workbook is.
pub(crate) fn package_rels() -> String {
    format!(
        r#"{HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    )
}

/// `xl/workbook.xml`: the sheets in order, by name.
pub(crate) fn workbook(names: &[String]) -> String {
    let mut xml = format!(
        r#"{HEAD}<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
    );
    for (i, name) in names.iter().enumerate() {
        let n = i + 1;
        xml.push_str(r#"<sheet name=""#);
        push_attr(&mut xml, name);
        xml.push_str(&format!(r#"" sheetId="{n}" r:id="rId{n}"/>"#));
    }
    xml.push_str("</sheets></workbook>");
    xml
}

/// `xl/_rels/workbook.xml.rels`: the sheets' and the styles' part names.
pub(crate) fn workbook_rels(sheets: usize) -> String {
    let mut xml = format!(
        r#"{HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    );
    for n in 1..=sheets {
        xml.push_str(&format!(
            r#"<Relationship Id="rId{n}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{n}.xml"/>"#
        ));
    }
    xml.push_str(&format!(
        r#"<Relationship Id="rId{}" Type="{REL_NS}/styles" Target="styles.xml"/></Relationships>"#,
        sheets + 1
    ));
    xml
}

/// `xl/styles.xml`: one font plain and one bold, the date format, the decimal formats, and
/// the cell styles in the order of the `STYLE_` constants.
pub(crate) fn styles() -> String {
    let mut formats =
        format!(r#"<numFmt numFmtId="{FIRST_CUSTOM_FORMAT}" formatCode="yyyy\-mm\-dd"/>"#);
    let mut xfs = format!(
        r#"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="{FIRST_CUSTOM_FORMAT}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
    );
    for scale in 1..=MAX_STYLED_SCALE {
        let id = FIRST_CUSTOM_FORMAT + u32::from(scale);
        let code = format!("0.{}", "0".repeat(usize::from(scale)));
        formats.push_str(&format!(r#"<numFmt numFmtId="{id}" formatCode="{code}"/>"#));
        xfs.push_str(&format!(
            r#"<xf numFmtId="{id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        ));
    }
    let format_count = 1 + u32::from(MAX_STYLED_SCALE);
    let xf_count = STYLE_FIRST_DECIMAL + u32::from(MAX_STYLED_SCALE);
    format!(
        r#"{HEAD}<styleSheet xmlns="{MAIN_NS}"><numFmts count="{format_count}">{formats}</numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="{xf_count}">{xfs}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_decimal_style_exists() {
        let xml = styles();
        let xfs = xml.matches("<xf ").count() - 1; // one is in cellStyleXfs
        assert_eq!(decimal_style(0), 0);
        assert_eq!(decimal_style(MAX_STYLED_SCALE + 1), 0);
        assert_eq!(decimal_style(MAX_STYLED_SCALE) as usize, xfs - 1);
        assert!(xml.contains(&format!(r#"<cellXfs count="{xfs}">"#)));
        assert!(xml.contains(r#"formatCode="0.00""#));
    }

    #[test]
    fn sheet_names_are_escaped_in_the_workbook() {
        let xml = workbook(&["A & B <\"x\">".to_string(), "Б".to_string()]);
        assert!(xml.contains(
            r#"<sheet name="A &amp; B &lt;&quot;x&quot;&gt;" sheetId="1" r:id="rId1"/>"#
        ));
        assert!(xml.contains(r#"<sheet name="Б" sheetId="2" r:id="rId2"/>"#));
    }
}
