//! A certificate carries its text in the embedded font, readable in Cyrillic and Latin.

use spona_reports::certificate::{render, Certificate, Labels};
use spona_reports::inspect::text_lines;

fn labels(title: &str) -> Labels {
    Labels {
        title: title.into(),
        certifies: "—".into(),
        attended: "—".into(),
        date: "D".into(),
        hours: "H".into(),
        trainer: "T".into(),
        issued_by: "I".into(),
    }
}

#[test]
fn cyrillic_text_comes_back_out_of_the_pdf() {
    let c = Certificate {
        participant: "Јелена Ђурђевић".into(),
        topic: "Разговор са дететом (жртвом)".into(),
        date: "12. 3. 2026.".into(),
        hours: "6 сати".into(),
        trainer: "Марко Љубић".into(),
        team: "Тим Лесковац".into(),
    };
    let pdf = render(&c, &labels("СЕРТИФИКАТ")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.trim_ascii_end().ends_with(b"%%EOF"));
    let fonts = pdf.windows(10).filter(|w| w == b"/FontFile2").count();
    assert_eq!(fonts, 1, "the font is embedded once");
    assert_eq!(spona_reports::inspect::page_count(&pdf), 1);
    let lines = text_lines(&pdf);
    assert!(lines.contains(&"СЕРТИФИКАТ".to_string()), "{lines:?}");
    assert!(lines.contains(&"Јелена Ђурђевић".to_string()), "{lines:?}");
    assert!(
        lines.contains(&"Разговор са дететом (жртвом)".to_string()),
        "{lines:?}"
    );
    assert!(lines.contains(&"T: Марко Љубић".to_string()), "{lines:?}");
    // Only the glyphs used are embedded: far smaller than the 740 kB font.
    assert!(pdf.len() < 60_000, "{} bytes", pdf.len());
}

#[test]
fn latin_text_comes_back_out_of_the_pdf() {
    let c = Certificate {
        participant: "Jelena Đurđević".into(),
        topic: "Razgovor sa detetom".into(),
        ..Default::default()
    };
    let lines = text_lines(&render(&c, &labels("CERTIFICATE")).unwrap());
    assert!(lines.contains(&"Jelena Đurđević".to_string()), "{lines:?}");
    assert!(
        lines.contains(&"Razgovor sa detetom".to_string()),
        "{lines:?}"
    );
}
