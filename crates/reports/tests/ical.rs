//! iCalendar files checked line by line, and parsed back by a small reader written here
//! from RFC 5545 (unfolding, property names and parameters, TEXT unescaping).

use spona_reports::ical::{Calendar, Event, IcalWriter, When, PRODID};
use time::macros::{date, datetime, utc_datetime};
use time::Date;

fn write(calendar: &Calendar, events: &[Event]) -> String {
    let mut writer = IcalWriter::new(Vec::new(), calendar).unwrap();
    for event in events {
        writer.event(event).unwrap();
    }
    String::from_utf8(writer.finish().unwrap()).unwrap()
}

fn all_day(first: Date, last: Date, summary: &str) -> Event {
    Event::new(
        "e-1@spona",
        utc_datetime!(2026-02-01 10:00),
        When::AllDay { first, last },
        summary,
    )
}

/// RFC 5545 §3.1: a CRLF followed by one space or tab is removed.
fn unfold(text: &str) -> String {
    text.replace("\r\n ", "").replace("\r\n\t", "")
}

/// A parsed content line: name, parameters (as written), value (as written).
#[derive(Debug, PartialEq)]
struct Line {
    name: String,
    params: Vec<String>,
    value: String,
}

/// Splits the unfolded text into content lines. Parameters here never hold quoted `:` or
/// `;`, so the first `:` ends name and parameters.
fn parse(text: &str) -> Vec<Line> {
    let unfolded = unfold(text);
    assert!(unfolded.ends_with("\r\n"));
    unfolded
        .trim_end_matches("\r\n")
        .split("\r\n")
        .map(|line| {
            assert!(!line.contains(['\r', '\n']), "bare line break in {line:?}");
            let (head, value) = line.split_once(':').expect("name:value");
            let mut parts = head.split(';');
            let name = parts.next().unwrap_or_default().to_owned();
            Line {
                name,
                params: parts.map(str::to_owned).collect(),
                value: value.to_owned(),
            }
        })
        .collect()
}

/// Splits a TEXT list at unescaped commas and unescapes each item (§3.3.11).
fn unescape_list(value: &str) -> Vec<String> {
    let mut items = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        let current = items.last_mut().unwrap();
        match c {
            '\\' => match chars.next() {
                Some('n' | 'N') => current.push('\n'),
                Some(c @ ('\\' | ';' | ',')) => current.push(c),
                other => panic!("bad escape \\{other:?} in {value:?}"),
            },
            ',' => items.push(String::new()),
            ';' => panic!("unescaped ; in {value:?}"),
            c => current.push(c),
        }
    }
    items
}

fn unescape(value: &str) -> String {
    let items = unescape_list(value);
    assert_eq!(items.len(), 1, "unescaped , in {value:?}");
    items.into_iter().next().unwrap_or_default()
}

fn value<'a>(lines: &'a [Line], name: &str) -> &'a str {
    &lines
        .iter()
        .find(|l| l.name == name)
        .unwrap_or_else(|| panic!("no {name}"))
        .value
}

#[test]
fn the_calendar_says_what_it_is() {
    let text = write(&Calendar::new("Тим Лесковац, активности"), &[]);
    assert_eq!(
        text,
        format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:{PRODID}\r\nX-WR-CALNAME:Тим Лесковац\\, активности\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n"
        )
    );
}

#[test]
fn an_event_has_its_properties_in_order() {
    let event = Event {
        location: Some("Дом културе".into()),
        description: Some("Понети материјал".into()),
        url: Some("https://spona.example/activities/17".into()),
        categories: vec!["Обука".into(), "".into(), "Деца".into()],
        ..all_day(date!(2026 - 03 - 12), date!(2026 - 03 - 12), "Радионица")
    };
    let text = write(&Calendar::new("т"), &[event]);
    let start = text.find("BEGIN:VEVENT").unwrap();
    assert_eq!(
        &text[start..],
        "BEGIN:VEVENT\r\nUID:e-1@spona\r\nDTSTAMP:20260201T100000Z\r\nDTSTART;VALUE=DATE:20260312\r\nDTEND;VALUE=DATE:20260313\r\nSUMMARY:Радионица\r\nLOCATION:Дом културе\r\nDESCRIPTION:Понети материјал\r\nURL:https://spona.example/activities/17\r\nCATEGORIES:Обука,Деца\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    );
}

#[test]
fn optional_properties_are_left_out_when_empty() {
    let event = Event {
        location: Some(String::new()),
        url: Some("\r\n".into()),
        categories: vec![String::new()],
        ..all_day(date!(2026 - 03 - 12), date!(2026 - 03 - 12), "x")
    };
    let text = write(&Calendar::new("т"), &[event]);
    for name in ["LOCATION", "DESCRIPTION", "URL", "CATEGORIES"] {
        assert!(!text.contains(name), "{name} in {text}");
    }
}

#[test]
fn all_day_events_end_the_day_after_their_last_day() {
    let events = [
        all_day(date!(2026 - 12 - 31), date!(2026 - 12 - 31), "one"),
        all_day(
            date!(2028 - 02 - 27),
            date!(2028 - 02 - 28),
            "two, leap year",
        ),
        all_day(
            date!(2026 - 05 - 10),
            date!(2026 - 05 - 01),
            "last before first",
        ),
        all_day(Date::MAX, Date::MAX, "no day after"),
    ];
    let ends: Vec<Option<String>> = events
        .iter()
        .map(|e| {
            let lines = parse(&write(&Calendar::new("т"), std::slice::from_ref(e)));
            assert_eq!(
                lines.iter().find(|l| l.name == "DTSTART").unwrap().params,
                ["VALUE=DATE"]
            );
            lines
                .iter()
                .find(|l| l.name == "DTEND")
                .map(|l| format!("{};{}", l.params.join(";"), l.value))
        })
        .collect();
    assert_eq!(
        ends,
        [
            Some("VALUE=DATE;20270101".to_string()),
            Some("VALUE=DATE;20280229".to_string()),
            Some("VALUE=DATE;20260511".to_string()),
            None,
        ]
    );
}

#[test]
fn timed_events_are_in_utc() {
    // 9:30 in Belgrade in summer is 7:30 UTC.
    let start = datetime!(2026-06-15 9:30 +2).to_utc();
    let event = Event::new(
        "m-3@spona",
        utc_datetime!(2026-06-01 0:00:05),
        When::Timed {
            start,
            end: datetime!(2026-06-15 11:00 +2).to_utc(),
        },
        "Састанак",
    );
    let lines = parse(&write(&Calendar::new("т"), &[event]));
    assert_eq!(value(&lines, "DTSTAMP"), "20260601T000005Z");
    assert_eq!(value(&lines, "DTSTART"), "20260615T073000Z");
    assert_eq!(value(&lines, "DTEND"), "20260615T090000Z");
}

#[test]
fn text_is_escaped() {
    let event = Event {
        description: Some("1. ред\r\n2. ред\n3; крај\\".into()),
        ..all_day(date!(2026 - 03 - 12), date!(2026 - 03 - 12), "a,b;c\\d")
    };
    let lines = parse(&write(&Calendar::new("т"), &[event]));
    assert_eq!(value(&lines, "SUMMARY"), "a\\,b\\;c\\\\d");
    assert_eq!(
        value(&lines, "DESCRIPTION"),
        "1. ред\\n2. ред\\n3\\; крај\\\\"
    );
}

#[test]
fn a_long_cyrillic_summary_is_folded_without_splitting_a_letter() {
    let summary = "Обука за препознавање жртава трговине људима у систему социјалне заштите, \
                   здравства и образовања (Лесковац; Врање; Ниш) — друга година пројекта";
    let text = write(
        &Calendar::new("т"),
        &[all_day(
            date!(2026 - 03 - 12),
            date!(2026 - 03 - 12),
            summary,
        )],
    );
    let bytes = text.as_bytes();
    let physical: Vec<&[u8]> = bytes
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    assert!(physical.len() > 4, "the summary takes several lines");
    for line in &physical {
        let line = line.strip_suffix(b"\r").expect("CRLF");
        assert!(line.len() <= 75, "{} octets", line.len());
        // Valid UTF-8 on its own: no letter cut in two by a fold.
        std::str::from_utf8(line).expect("a whole number of characters");
    }
    let folded: Vec<&&[u8]> = physical.iter().filter(|l| l.starts_with(b" ")).collect();
    assert!(folded.len() >= 3);
    let lines = parse(&text);
    assert_eq!(unescape(value(&lines, "SUMMARY")), summary);
}

#[test]
fn everything_written_reads_back() {
    let calendar = Calendar {
        name: "Тим; Ниш, Пирот\\Врање".into(),
        prodid: "-//Тим//Спона//SR".into(),
    };
    let events = vec![
        Event {
            location: Some("Улица Кнеза Милоша 12, Ниш".into()),
            description: Some("Први ред,\nдруги ред;\r\nтрећи \\ ред ".repeat(5)),
            url: Some("https://spona.example/a?x=1;y=2,3".into()),
            categories: vec!["Обука, напредна".into(), "Деца;млади".into()],
            ..all_day(
                date!(2026 - 09 - 01),
                date!(2026 - 09 - 03),
                &"Љ".repeat(100),
            )
        },
        Event::new(
            "second-uid,with;specials@spona",
            utc_datetime!(2026-02-01 10:00),
            When::Timed {
                start: utc_datetime!(2026-10-01 8:00),
                end: utc_datetime!(2026-10-01 7:00),
            },
            "Крај пре почетка",
        ),
    ];
    let text = write(&calendar, &events);
    assert!(
        !text.replace("\r\n", "").contains(['\r', '\n']),
        "only CRLF"
    );
    let lines = parse(&text);
    let names: Vec<&str> = lines.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "BEGIN",
            "VERSION",
            "PRODID",
            "X-WR-CALNAME",
            "CALSCALE",
            "METHOD", //
            "BEGIN",
            "UID",
            "DTSTAMP",
            "DTSTART",
            "DTEND",
            "SUMMARY",
            "LOCATION",
            "DESCRIPTION",
            "URL",
            "CATEGORIES",
            "END", //
            "BEGIN",
            "UID",
            "DTSTAMP",
            "DTSTART",
            "DTEND",
            "SUMMARY",
            "END",
            "END",
        ]
    );
    assert_eq!(unescape(value(&lines, "X-WR-CALNAME")), calendar.name);
    assert_eq!(unescape(value(&lines, "PRODID")), calendar.prodid);
    let first = &lines[6..17];
    let second = &lines[17..24];
    let e = &events[0];
    assert_eq!(unescape(value(first, "UID")), e.uid);
    assert_eq!(unescape(value(first, "SUMMARY")), e.summary);
    assert_eq!(
        unescape(value(first, "LOCATION")),
        e.location.clone().unwrap()
    );
    assert_eq!(
        unescape(value(first, "DESCRIPTION")),
        e.description.clone().unwrap().replace("\r\n", "\n")
    );
    assert_eq!(value(first, "URL"), e.url.clone().unwrap());
    assert_eq!(unescape_list(value(first, "CATEGORIES")), e.categories);
    assert_eq!(value(first, "DTSTART"), "20260901");
    assert_eq!(value(first, "DTEND"), "20260904");
    assert_eq!(unescape(value(second, "UID")), events[1].uid);
    // An end before the start is written as the start: never an event that ends first.
    assert_eq!(value(second, "DTSTART"), "20261001T080000Z");
    assert_eq!(value(second, "DTEND"), "20261001T080000Z");
}
