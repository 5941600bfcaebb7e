//! The iCalendar writer (`spona_reports::ical`): no line longer than 75 octets, every line
//! ended by CRLF, and unfolding and unescaping give back every text as written (line breaks
//! as `\n`, control characters other than tab left out), whatever it holds.

use crate::cells;
use crate::harness;
use proptest::prelude::*;
use spona_reports::ical::{Calendar, Event, IcalWriter, When};
use time::{Date, Duration, UtcDateTime};

/// What a TEXT value reads back as: CRLF, CR and LF as one line break, other control
/// characters but tab gone.
fn expected(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}

/// The logical lines: unfolded (RFC 5545 §3.1), split at CRLF, checking the physical lines.
fn logical_lines(text: &str) -> Result<Vec<String>, TestCaseError> {
    prop_assert!(text.ends_with("\r\n"), "the file ends with CRLF");
    let mut lines: Vec<String> = Vec::new();
    for physical in text[..text.len() - 2].split("\r\n") {
        prop_assert!(
            physical.len() <= 75,
            "{} octets: {:?}",
            physical.len(),
            physical
        );
        prop_assert!(
            !physical.contains(['\r', '\n']),
            "a bare line break in {:?}",
            physical
        );
        match physical.strip_prefix(' ') {
            Some(continued) => {
                let last = lines.last_mut();
                prop_assert!(last.is_some(), "a continuation first");
                if let Some(last) = last {
                    last.push_str(continued);
                }
            }
            None => lines.push(physical.to_owned()),
        }
    }
    Ok(lines)
}

/// Unescapes a TEXT list (§3.3.11): items split at unescaped commas.
fn unescape_list(value: &str) -> Result<Vec<String>, TestCaseError> {
    let mut items = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n' | 'N') => items.last_mut().map(|s| s.push('\n')).unwrap_or(()),
                Some(e @ ('\\' | ';' | ',')) => items.last_mut().map(|s| s.push(e)).unwrap_or(()),
                other => prop_assert!(false, "bad escape \\{:?} in {:?}", other, value),
            },
            ',' => items.push(String::new()),
            ';' => prop_assert!(false, "unescaped ; in {:?}", value),
            c => {
                prop_assert!(
                    !c.is_control() || c == '\t',
                    "control character in {:?}",
                    value
                );
                items.last_mut().map(|s| s.push(c)).unwrap_or(());
            }
        }
    }
    Ok(items)
}

fn unescape(value: &str) -> Result<String, TestCaseError> {
    let items = unescape_list(value)?;
    prop_assert_eq!(items.len(), 1, "unescaped , in {:?}", value);
    Ok(items.concat())
}

/// The value of the first property `name` after `from`.
fn property<'a>(lines: &'a [String], from: usize, name: &str) -> Option<(usize, &'a str)> {
    lines[from..].iter().enumerate().find_map(|(i, l)| {
        l.strip_prefix(name)
            .and_then(|rest| rest.strip_prefix(':'))
            .map(|v| (from + i, v))
    })
}

fn when() -> BoxedStrategy<When> {
    let day = (Date::MIN.to_julian_day()..=Date::MAX.to_julian_day())
        .prop_map(|d| Date::from_julian_day(d).unwrap_or(Date::MIN));
    let near =
        (2_400_000i32..2_500_000).prop_map(|d| Date::from_julian_day(d).unwrap_or(Date::MIN));
    let day = prop_oneof![3 => near, 1 => day, 1 => Just(Date::MAX), 1 => Just(Date::MIN)];
    prop_oneof![
        (day.clone(), day.clone()).prop_map(|(first, last)| When::AllDay { first, last }),
        (day, any::<u32>(), -100_000i64..100_000).prop_map(|(d, s, len)| {
            let start = UtcDateTime::new(d, time::Time::MIDNIGHT)
                .saturating_add(Duration::seconds(i64::from(s % 86_400)));
            When::Timed {
                start,
                end: start.saturating_add(Duration::minutes(len)),
            }
        }),
    ]
    .boxed()
}

fn event() -> BoxedStrategy<Event> {
    let text = cells::text;
    (
        (text(), when(), text()),
        (
            proptest::option::of(text()),
            proptest::option::of(text()),
            proptest::option::of(text()),
            proptest::collection::vec(text(), 0..4),
        ),
    )
        .prop_map(
            |((uid, when, summary), (location, description, url, categories))| Event {
                location,
                description,
                url,
                categories,
                ..Event::new(
                    uid,
                    UtcDateTime::new(Date::MIN, time::Time::MIDNIGHT),
                    when,
                    summary,
                )
            },
        )
        .boxed()
}

fn check_calendar(name: &str, events: &[Event]) -> Result<(), TestCaseError> {
    let mut writer = IcalWriter::new(Vec::new(), &Calendar::new(name)).expect("calendar");
    for e in events {
        writer.event(e).expect("event");
    }
    let bytes = writer.finish().expect("finish");
    let text = String::from_utf8(bytes).expect("UTF-8");
    let lines = logical_lines(&text)?;
    prop_assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    prop_assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    let (_, calname) = property(&lines, 0, "X-WR-CALNAME").expect("X-WR-CALNAME");
    prop_assert_eq!(unescape(calname)?, expected(name));
    let mut at = 1;
    for e in events {
        let (begin, _) = property(&lines, at, "BEGIN").expect("BEGIN");
        prop_assert_eq!(&lines[begin], "BEGIN:VEVENT");
        let (end, _) = property(&lines, begin, "END").expect("END");
        let own = &lines[begin..=end];
        let get = |name: &str| property(own, 0, name).map(|(_, v)| v);
        prop_assert_eq!(unescape(get("UID").unwrap_or_default())?, expected(&e.uid));
        prop_assert_eq!(
            unescape(get("SUMMARY").unwrap_or_default())?,
            expected(&e.summary)
        );
        for (name, value) in [("LOCATION", &e.location), ("DESCRIPTION", &e.description)] {
            match value.as_deref().filter(|v| !expected(v).is_empty()) {
                Some(v) => prop_assert_eq!(unescape(get(name).unwrap_or_default())?, expected(v)),
                None => prop_assert!(get(name).is_none(), "an empty {}", name),
            }
        }
        let url: Option<String> = e
            .url
            .as_deref()
            .map(|u| u.chars().filter(|c| !c.is_control()).collect::<String>())
            .filter(|u| !u.is_empty());
        prop_assert_eq!(get("URL").map(str::to_owned), url);
        let categories: Vec<String> = e
            .categories
            .iter()
            .map(|c| expected(c))
            .filter(|c| !c.is_empty())
            .collect();
        match get("CATEGORIES") {
            Some(v) => prop_assert_eq!(unescape_list(v)?, categories),
            None => prop_assert!(categories.is_empty()),
        }
        let start = own
            .iter()
            .find(|l| l.starts_with("DTSTART"))
            .expect("DTSTART");
        let digits = start.rsplit(':').next().unwrap_or_default();
        prop_assert!(digits.len() == 8 || digits.len() == 16, "{:?}", start);
        at = end + 1;
    }
    Ok(())
}

#[test]
fn corpus_texts_fold_and_read_back() {
    let seeds = harness::corpus("cells");
    harness::replay(&seeds, |seed| {
        let text = seed.text().to_owned();
        let event = Event {
            location: Some(text.clone()),
            description: Some(text.clone()),
            url: Some(text.clone()),
            categories: vec![text.clone(), String::new(), text.clone()],
            ..Event::new(
                text.clone(),
                UtcDateTime::new(Date::MIN, time::Time::MIDNIGHT),
                When::AllDay {
                    first: Date::MAX,
                    last: Date::MAX,
                },
                text.clone(),
            )
        };
        check_calendar(&text, &[event])
    });
}

#[test]
fn any_calendar_folds_and_reads_back() {
    let calendar = (cells::text(), proptest::collection::vec(event(), 0..4));
    harness::check("ical/read-back", 400, calendar, |(name, events)| {
        check_calendar(&name, &events)
    });
}

/// Found by `ical/read-back`: a location, description or category of only control
/// characters was written as an empty property (`LOCATION:`, `CATEGORIES:,Обука`) although
/// empty ones are left out. Fixed in `IcalWriter::event`.
#[test]
fn a_text_of_only_control_characters_is_left_out_like_an_empty_one() {
    let event = Event {
        location: Some("\u{1}\u{7}".into()),
        description: Some("\u{1b}".into()),
        categories: vec!["\u{0}".into(), "Обука".into()],
        ..Event::new(
            "e@spona",
            UtcDateTime::new(Date::MIN, time::Time::MIDNIGHT),
            When::AllDay {
                first: Date::MIN,
                last: Date::MIN,
            },
            "Трибина",
        )
    };
    let mut writer = IcalWriter::new(Vec::new(), &Calendar::new("т")).expect("calendar");
    writer.event(&event).expect("event");
    let text = String::from_utf8(writer.finish().expect("finish")).expect("UTF-8");
    assert!(!text.contains("LOCATION"), "{text}");
    assert!(!text.contains("DESCRIPTION"), "{text}");
    assert!(text.contains("\r\nCATEGORIES:Обука\r\n"), "{text}");
    check_calendar("т", &[event]).expect("reads back");
}
