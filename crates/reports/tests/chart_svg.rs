//! The SVG of a chart is self-contained, accessible and honest about suppressed values.

use spona_reports::chart::{BarChart, ProgressChart, Series, Shape};

const MONTHS: [&str; 12] = [
    "јан", "феб", "мар", "апр", "мај", "јун", "јул", "авг", "сеп", "окт", "нов", "дец",
];

fn year() -> BarChart {
    BarChart {
        title: "Пријављени случајеви <2026> & \"остало\"".into(),
        description: "Број пријављених случајева по месецима; мање од 5 је скривено.".into(),
        categories: MONTHS.iter().map(|m| m.to_string()).collect(),
        series: vec![
            Series {
                name: "Сексуална експлоатација".into(),
                values: vec![
                    Some(12),
                    Some(7),
                    None,
                    Some(9),
                    Some(0),
                    Some(14),
                    Some(11),
                    None,
                    Some(8),
                    Some(6),
                    Some(10),
                    Some(13),
                ],
            },
            Series {
                name: "Радна експлоатација".into(),
                values: vec![
                    Some(5),
                    None,
                    Some(6),
                    Some(8),
                    Some(7),
                    Some(5),
                    Some(9),
                    Some(12),
                    Some(6),
                    None,
                    Some(5),
                    Some(7),
                ],
            },
        ],
        unit: Some("број случајева".into()),
        suppressed: "скривено".into(),
    }
}

/// The names of all attributes of all tags (text is escaped, so every `<` opens a tag).
fn attribute_names(svg: &str) -> Vec<String> {
    let mut names = Vec::new();
    for tag in svg.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("");
        // Outside quoted values, a word followed by '=' is an attribute name.
        let mut quoted = false;
        let mut word = String::new();
        for c in tag.chars() {
            match c {
                '"' => quoted = !quoted,
                '=' if !quoted => names.push(std::mem::take(&mut word)),
                c if !quoted && (c.is_alphanumeric() || c == '-' || c == ':') => word.push(c),
                _ if !quoted => word.clear(),
                _ => {}
            }
        }
    }
    names
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

#[test]
fn svg_is_named_described_and_draws_one_bar_per_shown_value() {
    let svg = year().to_svg("cases-2026");
    eprintln!("{} bytes\n{svg}", svg.len());
    assert!(svg.starts_with("<svg "));
    assert!(svg.ends_with("</svg>"));
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains("aria-labelledby=\"cases-2026-t\""));
    assert!(svg.contains("aria-describedby=\"cases-2026-d\""));
    assert!(svg.contains(
        "<title id=\"cases-2026-t\">Пријављени случајеви &lt;2026&gt; &amp; &quot;остало&quot;</title>"
    ));
    assert!(svg.contains("<desc id=\"cases-2026-d\">Број пријављених случајева по месецима"));
    // 24 values, 4 withheld: 20 bars (the zero one too, with no height) and 4 markers,
    // each with the caller's word.
    assert_eq!(count(&svg, "class=\"bar\""), 20);
    assert_eq!(count(&svg, "class=\"sup\""), 4);
    assert_eq!(count(&svg, ">скривено</text>"), 4);
    for m in MONTHS {
        assert!(svg.contains(&format!(">{m}</text>")), "{m}");
    }
    assert!(svg.contains(">број случајева</text>"));
    assert!(svg.contains(">Радна експлоатација</text>"));
    // The raw title never appears unescaped.
    assert!(!svg.contains("<2026>"));
    assert!(svg.len() < 5_000, "{} bytes", svg.len());
}

#[test]
fn svg_has_nothing_active_or_external() {
    let mut chart = year();
    chart.categories[0] = "<script>alert(1)</script>".into();
    chart.series[0].name = "\" onmouseover=\"alert(1)".into();
    let svg = chart.to_svg("x\" onload=\"y");
    let lower = svg.to_lowercase();
    assert!(!lower.contains("<script"), "{svg}");
    assert!(!lower.contains("href"), "{svg}");
    assert!(!lower.contains("style"), "{svg}");
    // No attribute whose name begins with "on" (an event handler).
    for name in attribute_names(&svg) {
        assert!(!name.starts_with("on"), "event attribute {name} in {svg}");
    }
    // Only the SVG namespace is a URL, and it is never fetched.
    assert_eq!(count(&lower, "http"), 1);
    assert!(svg.contains("&lt;script&gt;"), "{svg}");
    assert!(attribute_names(&svg).contains(&"aria-labelledby".to_string()));
}

#[test]
fn all_suppressed_and_all_zero_charts_still_draw_an_axis() {
    let mut hidden = year();
    for s in &mut hidden.series {
        s.values = vec![None; 12];
    }
    let svg = hidden.to_svg("h");
    assert_eq!(count(&svg, "class=\"bar\""), 0);
    assert_eq!(count(&svg, "class=\"sup\""), 24);
    assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");

    let mut zero = year();
    for s in &mut zero.series {
        s.values = vec![Some(0); 12];
    }
    let geometry = zero.layout();
    let texts = geometry.texts();
    // A scale from 0 to 1, and no bar with height.
    assert!(texts.contains(&"0") && texts.contains(&"1"), "{texts:?}");
    let svg = zero.to_svg("z");
    assert_eq!(count(&svg, "class=\"bar\""), 24);
    assert_eq!(count(&svg, "class=\"sup\""), 0);
    assert!(!svg.contains("NaN"), "{svg}");
}

#[test]
fn tick_labels_are_round_numbers_covering_the_largest_value() {
    let texts: Vec<String> = year()
        .layout()
        .texts()
        .iter()
        .map(|t| t.to_string())
        .collect();
    // The largest value is 14: steps of 5 up to 15, and no further.
    for tick in ["0", "5", "10", "15"] {
        assert!(texts.contains(&tick.to_string()), "{tick} in {texts:?}");
    }
    assert!(!texts.contains(&"20".to_string()), "{texts:?}");
}

#[test]
fn long_labels_are_turned_and_cut_not_overlapping() {
    let chart = BarChart {
        title: "Врсте".into(),
        categories: (0..12)
            .map(|i| format!("Међународна сарадња у откривању трговине људима {i}"))
            .collect(),
        series: vec![Series {
            name: String::new(),
            values: (0..12).map(Some).collect(),
        }],
        suppressed: "—".into(),
        ..Default::default()
    };
    let g = chart.layout();
    let labels: Vec<_> = g
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Text(t) if t.text.starts_with("Међу") => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(labels.len(), 12);
    for l in labels {
        assert!(l.angle != 0.0);
        assert!(l.text.ends_with('…'), "{}", l.text);
    }
}

#[test]
fn table_beside_the_chart_has_the_same_data_and_the_suppressed_word() {
    let t = year().table();
    assert_eq!(
        t.header,
        vec!["", "Сексуална експлоатација", "Радна експлоатација"]
    );
    assert_eq!(t.rows.len(), 12);
    assert_eq!(t.rows[0], vec!["јан", "12", "5"]);
    assert_eq!(t.rows[1], vec!["феб", "7", "скривено"]);
    assert_eq!(t.rows[2], vec!["мар", "скривено", "6"]);
}

#[test]
fn progress_chart_fills_each_track_to_its_share() {
    let chart = ProgressChart {
        title: "Напредак плана".into(),
        description: "Колико је која активност урађена.".into(),
        items: vec![
            ("Обуке за полицију".into(), 40),
            ("Кампања у школама".into(), 100),
            ("Превише".into(), 250),
        ],
    };
    let svg = chart.to_svg("plan");
    assert_eq!(count(&svg, "class=\"bar\""), 3);
    assert!(svg.contains(">40%</text>") && svg.contains(">100%</text>"));
    assert_eq!(count(&svg, ">100%</text>"), 2, "250 is shown as 100");
    assert!(svg.contains(">Обуке за полицију</text>"));
    assert_eq!(chart.table().rows[2], vec!["Превише", "100%"]);
}

#[test]
fn many_categories_turn_upright_and_skip_labels_rather_than_overlap() {
    let weeks = BarChart {
        title: "Недеље".into(),
        categories: (1..=52).map(|w| format!("{w}. недеља")).collect(),
        series: vec![Series {
            name: String::new(),
            values: (1..=52).map(|w| Some(w % 7 - 2)).collect(),
        }],
        suppressed: "—".into(),
        ..Default::default()
    };
    let g = weeks.layout();
    let labels: Vec<_> = g
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Text(t) if t.text.contains("недеља") => Some(t),
            _ => None,
        })
        .collect();
    assert!(labels.len() > 10 && labels.len() < 52, "{}", labels.len());
    for pair in labels.windows(2) {
        // Upright labels one line height apart at least.
        assert_eq!(pair[0].angle, -90.0);
        assert!(
            pair[1].x - pair[0].x >= pair[0].size,
            "{} {}",
            pair[0].x,
            pair[1].x
        );
    }
    // Negative values go below the zero line, which has its tick.
    assert!(g.texts().contains(&"0") && g.texts().iter().any(|t| t.starts_with('-')));
    for s in &g.shapes {
        if let Shape::Rect { x, y, w, h, .. } = s {
            assert!(*x >= 0.0 && *y >= 0.0 && x + w <= g.width + 0.01 && y + h <= g.height + 0.01);
        }
    }
}
