//! The message catalogue: every interface text in every locale, checked once at start-up.

use std::collections::BTreeSet;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};

use crate::format::decimal_parts;
use crate::{format_decimal, format_number, sources, Locale};

type Bundle = FluentBundle<FluentResource>;

/// The message sources of one locale: (file name, Fluent source) pairs.
type Sources<'a> = &'a [(&'a str, &'a str)];

/// Why the catalogue could not be built; each names the locale and the message at fault.
#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    /// A file is not valid Fluent.
    #[error("{locale}/{file}, line {line} (in or after message `{id}`): {detail}")]
    Syntax {
        locale: &'static str,
        file: String,
        line: usize,
        id: String,
        detail: String,
    },
    /// A message or term is defined twice within one locale.
    #[error("{locale}/{file}: `{id}` is defined more than once")]
    Duplicate {
        locale: &'static str,
        file: String,
        id: String,
    },
    /// A message exists in one locale but not in another.
    #[error("message `{id}` is missing in {locale}")]
    Missing { id: String, locale: &'static str },
    /// Fluent refused a resource for another reason.
    #[error("{locale}/{file}: {detail}")]
    Resource {
        locale: &'static str,
        file: String,
        detail: String,
    },
}

/// A value passed into a message's placeable, such as `{ $name }` or `{ $count }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Text, shown as given.
    Str(String),
    /// A number: selects plural forms and is shown grouped the locale's way.
    Num(i64),
    /// A decimal number, `units` of 10^-`scale` (150 and 2 for 1.5): shown with the locale's
    /// decimal sign and no trailing zeros, and selecting plural forms by CLDR's rules for
    /// fractions ("1,5 сати", "21 сат").
    Dec { units: i64, scale: u32 },
}

impl Arg {
    /// A decimal number of `units` of 10^-`scale`.
    pub fn decimal(units: i64, scale: u32) -> Arg {
        Arg::Dec { units, scale }
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Num(n)
    }
}

/// All messages of all locales, parsed and cross-checked; shared by every request.
pub struct Catalog {
    /// One bundle per locale, in the order of [`Locale::ALL`].
    bundles: [Bundle; 3],
    /// Message ids of the source locale, in file and definition order.
    ids: Vec<String>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog")
            .field("messages", &self.ids.len())
            .finish_non_exhaustive()
    }
}

impl Catalog {
    /// Builds the catalogue from the messages embedded at compile time.
    ///
    /// Fails on any Fluent syntax error, any id defined twice, and any message that is
    /// present in one locale and missing in another, so a bad translation stops start-up
    /// instead of showing a raw id to a user.
    pub fn load() -> Result<Catalog, I18nError> {
        Self::from_sources([sources::SR_CYRL, sources::SR_LATN, sources::EN])
    }

    /// Builds the catalogue from sources given in the order of [`Locale::ALL`].
    fn from_sources(sources: [Sources<'_>; 3]) -> Result<Catalog, I18nError> {
        let mut bundles = Locale::ALL.map(new_bundle);
        let mut ids: [Vec<String>; 3] = Default::default();
        for (i, locale) in Locale::ALL.into_iter().enumerate() {
            for (file, source) in sources[i] {
                add_source(&mut bundles[i], locale, file, source)?;
                ids[i].extend(message_ids(source).map(|(_, id)| id.to_string()));
            }
        }

        let source_ids: BTreeSet<&str> = ids[0].iter().map(String::as_str).collect();
        for (i, locale) in Locale::ALL.into_iter().enumerate().skip(1) {
            let these: BTreeSet<&str> = ids[i].iter().map(String::as_str).collect();
            if let Some(id) = source_ids.difference(&these).next() {
                return Err(I18nError::Missing {
                    id: id.to_string(),
                    locale: locale.code(),
                });
            }
            if let Some(id) = these.difference(&source_ids).next() {
                return Err(I18nError::Missing {
                    id: id.to_string(),
                    locale: Locale::SrCyrl.code(),
                });
            }
        }

        let [source, _, _] = ids;
        Ok(Catalog {
            bundles,
            ids: source,
        })
    }

    /// The text of a message; a missing id comes back as itself, visible but not fatal.
    pub fn text(&self, locale: Locale, id: &str) -> String {
        self.text_with(locale, id, &[])
    }

    /// The text of a message with its placeables filled from `args`.
    pub fn text_with(&self, locale: Locale, id: &str, args: &[(&str, Arg)]) -> String {
        let bundle = &self.bundles[index(locale)];
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let fluent_args = (!args.is_empty()).then(|| {
            let mut fluent_args = FluentArgs::with_capacity(args.len());
            for (name, value) in args {
                match value {
                    Arg::Str(s) => fluent_args.set(*name, FluentValue::from(s.as_str())),
                    Arg::Num(n) => fluent_args.set(*name, FluentValue::from(*n)),
                    Arg::Dec { units, scale } => {
                        fluent_args.set(*name, decimal_value(*units, *scale))
                    }
                }
            }
            fluent_args
        });
        // A missing argument shows as `{$name}` in the text; tests check every message's
        // arguments, so at run time the text is still the best thing to show.
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, fluent_args.as_ref(), &mut errors)
            .into_owned()
    }

    /// Whether a message with this id exists (in every locale, as [`Catalog::load`] checked).
    pub fn has(&self, id: &str) -> bool {
        self.bundles[index(Locale::SrCyrl)].has_message(id)
    }

    /// Every message id of the source locale, in file and definition order.
    pub fn ids(&self) -> Vec<String> {
        self.ids.clone()
    }
}

fn index(locale: Locale) -> usize {
    match locale {
        Locale::SrCyrl => 0,
        Locale::SrLatn => 1,
        Locale::En => 2,
    }
}

/// A bundle whose plural rules and number grouping are those of the locale.
fn new_bundle(locale: Locale) -> Bundle {
    let mut bundle = Bundle::new_concurrent(vec![locale.language_id()]);
    // Isolation marks (U+2068/U+2069) would end up inside `<title>`, e-mails and CSV files;
    // all our text runs left to right, so they buy nothing.
    bundle.set_use_isolating(false);
    match locale {
        Locale::SrCyrl | Locale::SrLatn => bundle.set_formatter(Some(serbian_number)),
        Locale::En => bundle.set_formatter(Some(english_number)),
    }
    bundle
}

fn serbian_number<M>(value: &FluentValue, _: &M) -> Option<String> {
    locale_number(Locale::SrCyrl, value)
}

fn english_number<M>(value: &FluentValue, _: &M) -> Option<String> {
    locale_number(Locale::En, value)
}

/// A decimal as Fluent carries it: the value, and its fraction digits as the minimum to show,
/// which also makes the plural rules see "1,5" as a fraction (CLDR's operands v and f).
fn decimal_value(units: i64, scale: u32) -> FluentValue<'static> {
    let (_, fraction) = decimal_parts(units, scale);
    if fraction.is_empty() {
        let whole = 10_i64.checked_pow(scale).map_or(units, |d| units / d);
        return FluentValue::from(whole);
    }
    let digits = fraction.len();
    let value = units as f64 / 10_f64.powi(scale as i32);
    FluentValue::Number(FluentNumber::new(
        value,
        FluentNumberOptions {
            minimum_fraction_digits: Some(digits),
            ..FluentNumberOptions::default()
        },
    ))
}

/// Integers get the locale's grouping, decimals from [`decimal_value`] also its decimal sign;
/// anything else keeps Fluent's own formatting.
fn locale_number(locale: Locale, value: &FluentValue) -> Option<String> {
    /// Largest magnitude an `f64` holds exactly as an integer (2^53).
    const EXACT: f64 = 9_007_199_254_740_992.0;
    let FluentValue::Number(n) = value else {
        return None;
    };
    if n.value.abs() > EXACT || !n.value.is_finite() {
        return None;
    }
    let digits = n.options.minimum_fraction_digits.unwrap_or(0);
    let plain = FluentNumberOptions {
        minimum_fraction_digits: n.options.minimum_fraction_digits,
        ..FluentNumberOptions::default()
    };
    if n.options != plain || digits > 6 {
        return None;
    }
    if digits == 0 {
        return (n.value.fract() == 0.0).then(|| format_number(locale, n.value as i64));
    }
    let units = (n.value * 10_f64.powi(digits as i32)).round() as i64;
    Some(format_decimal(locale, units, digits as u32))
}

fn add_source(
    bundle: &mut Bundle,
    locale: Locale,
    file: &str,
    source: &str,
) -> Result<(), I18nError> {
    let resource = FluentResource::try_new(source.to_string()).map_err(|(_, errors)| {
        let first = errors.first();
        let at = first.map_or(0, |e| e.pos.start).min(source.len());
        // The broken entry starts where the parser's recovery slice starts, which may be
        // lines before the point where it gave up.
        let entry = first
            .and_then(|e| e.slice.as_ref())
            .map_or(at, |slice| slice.start.min(at));
        I18nError::Syntax {
            locale: locale.code(),
            file: file.to_string(),
            line: source.get(..at).map_or(1, |s| s.matches('\n').count() + 1),
            id: message_ids(source)
                .take_while(|(offset, _)| *offset <= entry)
                .last()
                .map_or_else(|| "(none)".to_string(), |(_, id)| id.to_string()),
            detail: first.map_or_else(|| "syntax error".to_string(), ToString::to_string),
        }
    })?;
    bundle.add_resource(resource).map_err(|errors| {
        let file = file.to_string();
        let locale = locale.code();
        match errors.into_iter().next() {
            Some(FluentError::Overriding { id, .. }) => I18nError::Duplicate { locale, file, id },
            other => I18nError::Resource {
                locale,
                file,
                detail: other.map_or_else(String::new, |e| e.to_string()),
            },
        }
    })
}

/// The messages defined in a Fluent source, with the byte offset of each definition.
///
/// In a source that parses, a message starts at the beginning of a line with its identifier
/// and `=`; nothing else at column 0 has that shape (terms start with `-`, comments with `#`,
/// variant keys with `[` or `*`, selectors with `$` or an identifier followed by `(`).
pub(crate) fn message_ids(source: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    source.split_inclusive('\n').filter_map(move |line| {
        let start = offset;
        offset += line.len();
        if !line.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let end = line
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(line.len());
        let (id, rest) = line.split_at(end);
        rest.trim_start_matches(' ')
            .starts_with('=')
            .then_some((start, id))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        Catalog::load().expect("the embedded messages load")
    }

    fn has_serbian_cyrillic(s: &str) -> bool {
        s.chars().any(|c| ('\u{0400}'..='\u{045F}').contains(&c))
    }

    #[test]
    fn catalog_is_shared_between_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Catalog>();
    }

    #[test]
    fn embedded_messages_load_and_have_the_common_ids() {
        let catalog = catalog();
        for id in [
            "app-name",
            "nav-dashboard",
            "sign-in-failed",
            "error-server-body",
        ] {
            assert!(catalog.has(id), "{id}");
        }
        assert!(!catalog.has("no-such-message"));
        assert!(catalog.ids().len() >= 90, "{}", catalog.ids().len());
    }

    #[test]
    fn every_locale_has_every_message() {
        let catalog = catalog();
        for id in catalog.ids() {
            for locale in Locale::ALL {
                let bundle = &catalog.bundles[index(locale)];
                let message = bundle.get_message(&id);
                assert!(
                    message.is_some_and(|m| m.value().is_some()),
                    "{id} has no value in {}",
                    locale.code()
                );
            }
        }
        // and the other way round: nothing exists only in a translation
        for (locale, files) in [
            (Locale::SrLatn, sources::SR_LATN),
            (Locale::En, sources::EN),
        ] {
            for (_, source) in files {
                for (_, id) in message_ids(source) {
                    assert!(catalog.has(id), "{id} is only in {}", locale.code());
                }
            }
        }
    }

    #[test]
    fn id_scanner_agrees_with_fluent() {
        let catalog = catalog();
        let mut scanned = BTreeSet::new();
        for (_, source) in sources::SR_CYRL {
            scanned.extend(message_ids(source).map(|(_, id)| id.to_string()));
        }
        assert_eq!(scanned.len(), catalog.ids().len(), "no id counted twice");
        for id in &scanned {
            assert!(catalog.has(id), "{id}");
        }
        let ids: Vec<_> = message_ids("a = 1\n-term = 2\n  b = 3\nc= 4\nd\n    .x = 5\n{ e }\n")
            .map(|(_, id)| id)
            .collect();
        assert_eq!(ids, ["a", "c"]);
    }

    /// The `$variables` a message uses in one locale, from its source text.
    fn variables_by_message(files: Sources<'_>) -> Vec<(String, BTreeSet<String>)> {
        let mut out = Vec::new();
        for (_, source) in files {
            let starts: Vec<(usize, &str)> = message_ids(source).collect();
            for (n, (start, id)) in starts.iter().enumerate() {
                let end = starts.get(n + 1).map_or(source.len(), |(s, _)| *s);
                let body = &source[*start..end];
                let vars = body
                    .split('$')
                    .skip(1)
                    .map(|rest| {
                        rest.chars()
                            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                            .collect::<String>()
                    })
                    .collect();
                out.push((id.to_string(), vars));
            }
        }
        out.sort();
        out
    }

    #[test]
    fn translations_use_the_same_arguments() {
        let source = variables_by_message(sources::SR_CYRL);
        assert_eq!(variables_by_message(sources::SR_LATN), source);
        assert_eq!(variables_by_message(sources::EN), source);
    }

    #[test]
    fn every_message_formats_cleanly_in_every_locale() {
        let catalog = catalog();
        for (id, vars) in variables_by_message(sources::SR_CYRL) {
            let args: Vec<(&str, Arg)> = vars.iter().map(|v| (v.as_str(), Arg::Num(3))).collect();
            let mut fluent_args = FluentArgs::new();
            for (name, _) in &args {
                fluent_args.set(*name, FluentValue::from(3));
            }
            for locale in Locale::ALL {
                let bundle = &catalog.bundles[index(locale)];
                let pattern = bundle
                    .get_message(&id)
                    .and_then(|m| m.value())
                    .expect("checked by every_locale_has_every_message");
                let mut errors = Vec::new();
                bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
                assert!(errors.is_empty(), "{id} in {}: {errors:?}", locale.code());
                let text = catalog.text_with(locale, &id, &args);
                assert!(
                    !text.trim().is_empty(),
                    "{id} in {} is empty",
                    locale.code()
                );
                assert!(!text.contains('{'), "{id} in {}: {text}", locale.code());
            }
        }
    }

    #[test]
    fn latin_is_the_transliteration_of_cyrillic() {
        let catalog = catalog();
        let cyrillic = catalog.text(Locale::SrCyrl, "nav-team");
        let latin = catalog.text(Locale::SrLatn, "nav-team");
        assert!(has_serbian_cyrillic(&cyrillic), "{cyrillic}");
        assert_eq!(latin, spona_domain::script::to_latin(&cyrillic));
        assert!(!has_serbian_cyrillic(&latin), "{latin}");
        assert_eq!(catalog.text(Locale::SrLatn, "app-name"), "Spona");
        for id in catalog.ids() {
            let latin = catalog.text_with(Locale::SrLatn, &id, &[("name", "Ана".into())]);
            let latin_without_args = latin.replace("Ана", "");
            assert!(!has_serbian_cyrillic(&latin_without_args), "{id}: {latin}");
        }
    }

    #[test]
    fn english_is_a_translation() {
        let catalog = catalog();
        assert_eq!(catalog.text(Locale::En, "nav-team"), "Team");
        assert_eq!(catalog.text(Locale::En, "app-name"), "Spona");
        for id in catalog.ids() {
            let english = catalog.text_with(Locale::En, &id, &[]);
            assert!(!has_serbian_cyrillic(&english), "{id}: {english}");
        }
    }

    #[test]
    fn arguments_are_interpolated() {
        let catalog = catalog();
        let args = [("name", Arg::from("Марија Петровић"))];
        assert_eq!(
            catalog.text_with(Locale::SrCyrl, "dashboard-welcome", &args),
            "Добро дошли, Марија Петровић."
        );
        assert_eq!(
            catalog.text_with(Locale::En, "dashboard-welcome", &args),
            "Welcome, Марија Петровић."
        );
        let page = [("page", Arg::from(2)), ("pages", Arg::from(1234))];
        assert_eq!(
            catalog.text_with(Locale::SrLatn, "page-of", &page),
            "Strana 2 od 1.234"
        );
        assert_eq!(
            catalog.text_with(Locale::En, "page-of", &page),
            "Page 2 of 1,234"
        );
        let reference = [("reference", Arg::from("7F3A-19C2".to_string()))];
        assert!(catalog
            .text_with(Locale::SrCyrl, "error-server-body", &reference)
            .contains("7F3A-19C2"));
    }

    #[test]
    fn missing_ids_come_back_as_themselves() {
        let catalog = catalog();
        assert_eq!(
            catalog.text(Locale::En, "no-such-message"),
            "no-such-message"
        );
        assert_eq!(
            catalog.text_with(Locale::SrCyrl, "no-such-message", &[("x", Arg::Num(1))]),
            "no-such-message"
        );
    }

    #[test]
    fn serbian_plurals_have_three_forms() {
        let source = "m = { $count ->\n    [one] један\n    [few] неколико\n   *[other] много\n}\n";
        let catalog = Catalog::from_sources([
            &[("t.ftl", source)],
            &[("t.ftl", source)],
            &[("t.ftl", source)],
        ])
        .expect("valid test source");
        let form = |locale, n: i64| catalog.text_with(locale, "m", &[("count", Arg::Num(n))]);
        for locale in [Locale::SrCyrl, Locale::SrLatn] {
            assert_eq!(form(locale, 1), "један");
            assert_eq!(form(locale, 2), "неколико");
            assert_eq!(form(locale, 5), "много");
            assert_eq!(form(locale, 11), "много");
            assert_eq!(form(locale, 12), "много");
            assert_eq!(form(locale, 21), "један");
            assert_eq!(form(locale, 22), "неколико");
            assert_eq!(form(locale, 25), "много");
            assert_eq!(form(locale, 0), "много");
        }
        assert_eq!(form(Locale::En, 1), "један");
        assert_eq!(form(Locale::En, 2), "много");
        assert_eq!(form(Locale::En, 21), "много");
    }

    #[test]
    fn real_plural_messages_agree_with_their_numbers() {
        let catalog = catalog();
        let count =
            |locale, n: i64| catalog.text_with(locale, "results-count", &[("count", Arg::Num(n))]);
        assert_eq!(count(Locale::SrCyrl, 1), "1 резултат");
        assert_eq!(count(Locale::SrCyrl, 3), "3 резултата");
        assert_eq!(count(Locale::SrCyrl, 21), "21 резултат");
        assert_eq!(count(Locale::SrLatn, 25), "25 rezultata");
        assert_eq!(count(Locale::SrLatn, 1001), "1.001 rezultat");
        assert_eq!(count(Locale::En, 1), "1 result");
        assert_eq!(count(Locale::En, 21), "21 results");
        assert_eq!(count(Locale::En, 1234), "1,234 results");
        let minutes = |n: i64| {
            catalog.text_with(
                Locale::SrCyrl,
                "sign-in-throttled",
                &[("minutes", Arg::Num(n))],
            )
        };
        assert!(minutes(1).contains("1 минут."), "{}", minutes(1));
        assert!(minutes(15).contains("15 минута."), "{}", minutes(15));
    }

    #[test]
    fn syntax_errors_name_the_locale_file_line_and_message() {
        let good = "a = А\nb = Б\n";
        let bad = "a = А\nb = { $x\nc = Ц\n";
        let err =
            Catalog::from_sources([&[("x.ftl", good)], &[("x.ftl", good)], &[("x.ftl", bad)]])
                .expect_err("a syntax error is refused");
        let message = err.to_string();
        assert!(
            matches!(
                err,
                I18nError::Syntax {
                    locale: "en",
                    line: 3,
                    ..
                }
            ),
            "{message}"
        );
        assert!(
            message.contains("en/x.ftl") && message.contains("`b`"),
            "{message}"
        );
    }

    #[test]
    fn messages_missing_from_any_locale_are_refused() {
        let full = "a = А\nb = Б\n";
        let short = "a = А\n";
        let err =
            Catalog::from_sources([&[("x.ftl", full)], &[("x.ftl", full)], &[("x.ftl", short)]])
                .expect_err("a missing translation is refused");
        assert_eq!(err.to_string(), "message `b` is missing in en");
        let err =
            Catalog::from_sources([&[("x.ftl", short)], &[("x.ftl", short)], &[("x.ftl", full)]])
                .expect_err("an extra translation is refused");
        assert_eq!(err.to_string(), "message `b` is missing in sr-Cyrl");
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let twice = "a = А\na = Б\n";
        let err = Catalog::from_sources([
            &[("x.ftl", twice)],
            &[("x.ftl", twice)],
            &[("x.ftl", twice)],
        ])
        .expect_err("a duplicate is refused");
        assert!(matches!(err, I18nError::Duplicate { locale: "sr-Cyrl", ref id, .. } if id == "a"));
    }
}
