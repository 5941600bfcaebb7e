//! A multi-page document reads back page by page: the table's heading on every page it
//! runs over, every row once and whole, page numbers "n / m", text exact in both scripts.

use spona_reports::chart::{BarChart, Chart, ProgressChart, Series};
use spona_reports::document::{render, Block, Document, Table};
use spona_reports::inspect::{page_count, page_texts, text_lines};

const SENTENCE: &str = "Локални тим за борбу против трговине људима састаје се сваког месеца, \
     размењује податке о идентификованим жртвама и договара заједничке мере заштите.";

struct Words {
    title: &'static str,
    sentence: &'static str,
    columns: [&'static str; 4],
    institution: &'static str,
    places: [&'static str; 5],
    note: &'static str,
}

const CYRILLIC: Words = Words {
    title: "Годишњи извештај тима — Лесковац",
    sentence: SENTENCE,
    columns: ["Р. бр.", "Институција", "Место", "Број"],
    institution: "Центар за социјални рад",
    places: ["Чачак", "Шабац", "Ужице", "Ђурђево", "Ћуприја"],
    note: "Вредности мање од 5 нису приказане.",
};

const LATIN: Words = Words {
    title: "Godišnji izveštaj tima — Leskovac",
    sentence: "Lokalni tim za borbu protiv trgovine ljudima sastaje se svakog meseca, \
         razmenjuje podatke o identifikovanim žrtvama i dogovara zajedničke mere zaštite; \
         ČĆŠŽĐ čćšžđ.",
    columns: ["R. br.", "Institucija", "Mesto", "Broj"],
    institution: "Centar za socijalni rad",
    places: ["Čačak", "Šabac", "Užice", "Đurđevo", "Ćuprija"],
    note: "Vrednosti manje od 5 nisu prikazane.",
};

const ROWS: usize = 120;

fn paragraph(w: &Words) -> String {
    vec![w.sentence; 14].join(" ")
}

fn row(w: &Words, i: usize) -> Vec<String> {
    vec![
        format!("{i}."),
        format!("{} {i}", w.institution),
        w.places[i % 5].to_string(),
        format!("{}", (i * 7) % 50 + 5),
    ]
}

fn document(w: &Words) -> Document {
    Document {
        title: w.title.into(),
        meta: vec!["2026.".into()],
        blocks: vec![
            Block::Heading {
                level: 1,
                text: w.columns[1].into(),
            },
            Block::Paragraph(paragraph(w)),
            Block::Table(Table {
                columns: w.columns.iter().map(|c| c.to_string()).collect(),
                rows: (1..=ROWS).map(|i| row(w, i)).collect(),
                numeric: vec![true, false, false, true],
                note: Some(w.note.into()),
            }),
        ],
        page_label: "{n} / {m}".into(),
        lang: Some("sr".into()),
        watermark: None,
    }
}

fn count(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len()).filter(|w| *w == needle).count()
}

/// A whole, well-formed file with the font in it once.
fn assert_well_formed(pdf: &[u8]) {
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.trim_ascii_end().ends_with(b"%%EOF"));
    assert_eq!(count(pdf, b"/FontFile2"), 1);
    assert_eq!(count(pdf, b"/Type0"), 1);
    assert_eq!(count(pdf, b"/ToUnicode"), 1);
}

fn is_footer(run: &str) -> bool {
    let parts: Vec<&str> = run.split(" / ").collect();
    parts.len() == 2 && parts.iter().all(|p| p.parse::<usize>().is_ok())
}

fn check(w: &Words) {
    let pdf = render(&document(w)).unwrap();
    assert_well_formed(&pdf);
    let pages = page_texts(&pdf);
    let n = pages.len();
    assert_eq!(page_count(&pdf), n);
    assert!(n >= 4, "{n} pages");

    // Page numbers, one per page, last on it.
    for (i, page) in pages.iter().enumerate() {
        assert_eq!(page.last(), Some(&format!("{} / {n}", i + 1)), "page {i}");
        assert_eq!(page.iter().filter(|r| is_footer(r)).count(), 1);
    }

    // The title, then the paragraph exactly, word for word.
    let runs: Vec<&String> = pages.iter().flatten().filter(|r| !is_footer(r)).collect();
    assert_eq!(runs[0], w.title);
    let joined = runs
        .iter()
        .map(|r| r.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(joined.contains(&paragraph(w)), "{joined}");

    // Each row exactly once, and whole on one page.
    for i in 1..=ROWS {
        let cells = row(w, i);
        let name = &cells[1];
        let on: Vec<usize> = pages
            .iter()
            .enumerate()
            .flat_map(|(p, page)| page.iter().filter(|r| *r == name).map(move |_| p))
            .collect();
        assert_eq!(on.len(), 1, "{name} on pages {on:?}");
        let page = &pages[on[0]];
        let at = page.iter().position(|r| r == name).unwrap();
        assert_eq!(page[at - 1], cells[0], "row {i} begins with its number");
        assert_eq!(page[at + 1], cells[2], "row {i} has its place");
        assert_eq!(page[at + 2], cells[3], "row {i} has its count");
        // The heading row stands above the rows on every page the table runs over.
        let heading = page.iter().position(|r| r == w.columns[1]);
        assert!(
            heading.is_some_and(|h| h < at),
            "heading on page {}",
            on[0] + 1
        );
    }
    // The table runs over several pages, its heading on each of them.
    let with_heading = pages
        .iter()
        .filter(|p| p.iter().filter(|r| *r == w.columns[2]).count() == 1)
        .count();
    assert!(with_heading >= 3, "{with_heading}");
    assert_eq!(
        runs.iter().filter(|r| ***r == w.note).count(),
        1,
        "note once"
    );
}

#[test]
fn cyrillic_document_spans_pages_with_repeated_heading_and_page_numbers() {
    check(&CYRILLIC);
}

#[test]
fn latin_document_with_diacritics_reads_back_exactly() {
    check(&LATIN);
    let lines = text_lines(&render(&document(&LATIN)).unwrap());
    for place in LATIN.places {
        assert_eq!(lines.iter().filter(|l| *l == place).count(), ROWS / 5);
    }
}

#[test]
fn the_title_goes_into_the_document_information() {
    let pdf = render(&document(&LATIN)).unwrap();
    // Non-ASCII titles are written as UTF-16 with a byte order mark, in hex.
    let hex: String = std::iter::once(0xFEFF)
        .chain(LATIN.title.encode_utf16())
        .map(|u| format!("{u:04X}"))
        .collect();
    let text = String::from_utf8_lossy(&pdf).to_uppercase();
    assert!(text.contains(&format!("/TITLE <{hex}>")), "no title");
    assert!(text.contains("/LANG (SR)"));
}

fn year() -> BarChart {
    BarChart {
        title: "Случајеви по месецима".into(),
        description: "Број случајева по месецима.".into(),
        categories: [
            "јануар",
            "фебруар",
            "март",
            "април",
            "мај",
            "јун",
            "јул",
            "август",
            "септембар",
            "октобар",
            "новембар",
            "децембар",
        ]
        .iter()
        .map(|m| m.to_string())
        .collect(),
        series: vec![
            Series {
                name: "Жене".into(),
                values: (0..12)
                    .map(|i| if i == 3 { None } else { Some(i * 3) })
                    .collect(),
            },
            Series {
                name: "Мушкарци".into(),
                values: (0..12).map(|i| Some(20 - i)).collect(),
            },
        ],
        unit: Some("број".into()),
        suppressed: "скривено".into(),
    }
}

#[test]
fn charts_in_a_document_carry_their_text_and_stay_whole_on_a_page() {
    let chart = year();
    let progress = ProgressChart {
        title: "Напредак плана".into(),
        description: String::new(),
        items: vec![("Обуке".into(), 30), ("Кампања".into(), 75)],
    };
    let doc = Document {
        title: "Графикони".into(),
        // Enough text that the chart would not fit under it on the first page.
        blocks: vec![
            Block::Paragraph(vec![SENTENCE; 28].join(" ")),
            Block::Chart(Chart::Bar(chart.clone())),
            Block::Chart(Chart::Progress(progress)),
        ],
        page_label: "{n} / {m}".into(),
        ..Default::default()
    };
    let pdf = render(&doc).unwrap();
    assert_well_formed(&pdf);
    let pages = page_texts(&pdf);
    assert_eq!(pages.len(), 2);
    let second = &pages[1];
    for text in [chart.title.as_str(), "Жене", "Мушкарци", "број", "скривено"]
    {
        assert!(second.iter().any(|r| r == text), "{text} in {second:?}");
    }
    for category in &chart.categories {
        assert!(second.contains(category), "{category} in {second:?}");
        assert!(!pages[0].contains(category), "chart split over pages");
    }
    for text in ["Напредак плана", "Обуке", "Кампања", "30%", "75%"] {
        assert!(second.iter().any(|r| r == text), "{text}");
    }
    assert_eq!(second.iter().filter(|r| *r == "скривено").count(), 1);
}

#[test]
fn page_breaks_start_new_pages_but_never_empty_ones() {
    let doc = Document {
        title: "Т".into(),
        blocks: vec![
            Block::Paragraph("један".into()),
            Block::PageBreak,
            Block::PageBreak,
            // Љ and ў appear on the last page only: the one subset still has them.
            Block::Paragraph("два Љубљана ў".into()),
        ],
        page_label: "Страна {n} од {m}".into(),
        ..Default::default()
    };
    let pdf = render(&doc).unwrap();
    let pages = page_texts(&pdf);
    assert_eq!(pages.len(), 2);
    assert_eq!(pages[0], vec!["Т", "један", "Страна 1 од 2"]);
    assert_eq!(pages[1], vec!["два Љубљана ў", "Страна 2 од 2"]);
    assert_eq!(pdf.windows(10).filter(|w| w == b"/FontFile2").count(), 1);
}

#[test]
fn a_row_taller_than_a_page_is_split_rather_than_lost() {
    let long = vec!["реч"; 3000].join(" ");
    let doc = Document {
        title: "Т".into(),
        blocks: vec![Block::Table(Table {
            columns: vec!["А".into(), "Б".into()],
            rows: vec![vec!["крај".into(), long.clone()]],
            ..Default::default()
        })],
        ..Default::default()
    };
    let pdf = render(&doc).unwrap();
    let pages = page_texts(&pdf);
    assert!(pages.len() >= 2);
    let words: usize = pages
        .iter()
        .flatten()
        .filter(|r| r.starts_with("реч"))
        .map(|r| r.split(' ').count())
        .sum();
    assert_eq!(words, 3000);
    assert!(pages.iter().all(|p| p.contains(&"Б".to_string())));
}

#[test]
fn a_watermark_stands_first_on_every_page_behind_the_content() {
    let plain = document(&CYRILLIC);
    let marked = Document {
        watermark: Some("НАЦРТ".into()),
        ..plain.clone()
    };
    let pdf = render(&marked).unwrap();
    assert_well_formed(&pdf);
    let pages = spona_reports::inspect::page_texts(&pdf);
    assert!(pages.len() > 1);
    for page in &pages {
        assert_eq!(page.first().map(String::as_str), Some("НАЦРТ"), "{page:?}");
    }
    let unmarked = spona_reports::inspect::page_texts(&render(&plain).unwrap());
    assert!(unmarked.iter().flatten().all(|run| run != "НАЦРТ"));
    assert_eq!(unmarked.len(), pages.len(), "the layout is unchanged");
}
