//! The languages and scripts of the interface, and choosing one from a browser's wishes.

/// A language and script the interface is shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// Serbian in Cyrillic, the official script and the source of all Serbian text.
    #[default]
    SrCyrl,
    /// Serbian in Latin, generated from the Cyrillic text.
    SrLatn,
    /// English, for partners and international reporting.
    En,
}

impl Locale {
    /// Every locale, in the order offered to the user.
    pub const ALL: [Locale; 3] = [Locale::SrCyrl, Locale::SrLatn, Locale::En];

    /// The BCP 47 code used in URLs, cookies and settings.
    pub fn code(self) -> &'static str {
        match self {
            Locale::SrCyrl => "sr-Cyrl",
            Locale::SrLatn => "sr-Latn",
            Locale::En => "en",
        }
    }

    /// Parses a code as written by [`Locale::code`], in any case; plain "sr" means Cyrillic.
    pub fn from_code(s: &str) -> Option<Locale> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("sr") {
            return Some(Locale::SrCyrl);
        }
        Locale::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(s))
    }

    /// The value of the HTML `lang` attribute, which also tells screen readers the script.
    pub fn html_lang(self) -> &'static str {
        self.code()
    }

    /// The locale's name written in itself, as shown in the language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::SrCyrl => "Ћирилица",
            Locale::SrLatn => "Latinica",
            Locale::En => "English",
        }
    }

    /// The Unicode language identifier the Fluent bundle uses to pick plural rules.
    pub(crate) fn language_id(self) -> unic_langid::LanguageIdentifier {
        match self {
            Locale::SrCyrl => unic_langid::langid!("sr-Cyrl"),
            Locale::SrLatn => unic_langid::langid!("sr-Latn"),
            Locale::En => unic_langid::langid!("en"),
        }
    }
}

/// Most language ranges of an `Accept-Language` header that are looked at; the header comes
/// from the client, so its size must not decide how much work is done.
const MAX_RANGES: usize = 32;

/// Chooses the locale for an `Accept-Language` header, Serbian Cyrillic when nothing fits.
///
/// Ranges are tried by descending q-value (ties keep header order). Serbian follows its
/// script subtag, and defaults to Latin only for Montenegro, as CLDR does; Croatian, Bosnian,
/// Montenegrin and Serbo-Croatian readers get Serbian Latin, which they read natively.
pub fn negotiate(accept_language: Option<&str>) -> Locale {
    let Some(header) = accept_language else {
        return Locale::default();
    };
    let mut ranges: Vec<(&str, f32)> = header
        .split(',')
        .take(MAX_RANGES)
        .filter_map(parse_range)
        .filter(|(_, q)| *q > 0.0)
        .collect();
    ranges.sort_by(|a, b| b.1.total_cmp(&a.1));
    ranges
        .into_iter()
        .find_map(|(tag, _)| locale_for_tag(tag))
        .unwrap_or_default()
}

/// One `tag;q=0.8` item; a missing q means 1, a malformed one drops the item.
fn parse_range(item: &str) -> Option<(&str, f32)> {
    let mut parts = item.split(';');
    let tag = parts.next()?.trim();
    if tag.is_empty() {
        return None;
    }
    let mut q = 1.0;
    for param in parts {
        let (name, value) = param.split_once('=')?;
        if name.trim().eq_ignore_ascii_case("q") {
            q = value.trim().parse::<f32>().ok()?;
            if !(0.0..=1.0).contains(&q) {
                return None;
            }
        }
    }
    Some((tag, q))
}

fn locale_for_tag(tag: &str) -> Option<Locale> {
    let mut subtags = tag.split(['-', '_']);
    let language = subtags.next()?.to_ascii_lowercase();
    let rest: Vec<String> = subtags.map(str::to_ascii_lowercase).collect();
    let has = |s: &str| rest.iter().any(|r| r == s);
    match language.as_str() {
        "sr" | "bs" | "cnr" if has("cyrl") => Some(Locale::SrCyrl),
        "sr" | "bs" | "cnr" | "hr" | "sh" if has("latn") => Some(Locale::SrLatn),
        "sr" if has("me") => Some(Locale::SrLatn),
        "sr" => Some(Locale::SrCyrl),
        "hr" | "bs" | "cnr" | "sh" => Some(Locale::SrLatn),
        "en" => Some(Locale::En),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for locale in Locale::ALL {
            assert_eq!(Locale::from_code(locale.code()), Some(locale));
            assert_eq!(
                Locale::from_code(&locale.code().to_uppercase()),
                Some(locale)
            );
        }
        assert_eq!(Locale::from_code("sr"), Some(Locale::SrCyrl));
        assert_eq!(Locale::from_code("sr-latn"), Some(Locale::SrLatn));
        assert_eq!(Locale::from_code("de"), None);
        assert_eq!(Locale::from_code("sr-Latn-RS"), None);
        assert_eq!(Locale::default(), Locale::SrCyrl);
    }

    #[test]
    fn names_for_the_switcher_and_html() {
        assert_eq!(Locale::SrCyrl.native_name(), "Ћирилица");
        assert_eq!(Locale::SrLatn.native_name(), "Latinica");
        assert_eq!(Locale::En.native_name(), "English");
        assert_eq!(Locale::SrLatn.html_lang(), "sr-Latn");
    }

    #[test]
    fn serbian_follows_its_script() {
        assert_eq!(negotiate(Some("sr")), Locale::SrCyrl);
        assert_eq!(negotiate(Some("sr-RS")), Locale::SrCyrl);
        assert_eq!(negotiate(Some("sr-Cyrl-RS")), Locale::SrCyrl);
        assert_eq!(negotiate(Some("sr-Latn")), Locale::SrLatn);
        assert_eq!(negotiate(Some("sr-Latn-RS")), Locale::SrLatn);
        assert_eq!(negotiate(Some("sr_latn_rs")), Locale::SrLatn);
        assert_eq!(negotiate(Some("sr-ME")), Locale::SrLatn);
    }

    #[test]
    fn neighbouring_languages_read_latin() {
        assert_eq!(negotiate(Some("hr-HR,hr;q=0.9")), Locale::SrLatn);
        assert_eq!(negotiate(Some("bs")), Locale::SrLatn);
        assert_eq!(negotiate(Some("bs-Cyrl")), Locale::SrCyrl);
        assert_eq!(negotiate(Some("sh")), Locale::SrLatn);
        assert_eq!(negotiate(Some("cnr")), Locale::SrLatn);
    }

    #[test]
    fn english_and_defaults() {
        assert_eq!(negotiate(Some("en-US,en;q=0.9")), Locale::En);
        assert_eq!(negotiate(Some("en-GB")), Locale::En);
        assert_eq!(negotiate(None), Locale::SrCyrl);
        assert_eq!(negotiate(Some("")), Locale::SrCyrl);
        assert_eq!(negotiate(Some("de-DE,fr;q=0.5")), Locale::SrCyrl);
        assert_eq!(negotiate(Some("*")), Locale::SrCyrl);
        assert_eq!(negotiate(Some("garbage;;;,,=")), Locale::SrCyrl);
    }

    #[test]
    fn q_values_decide_the_order() {
        assert_eq!(negotiate(Some("en;q=0.5, sr-Latn;q=0.8")), Locale::SrLatn);
        assert_eq!(negotiate(Some("sr;q=0.3, de, en;q=0.7")), Locale::En);
        assert_eq!(negotiate(Some("en, sr")), Locale::En);
        assert_eq!(negotiate(Some("en;q=0, sr-Latn;q=0.1")), Locale::SrLatn);
        assert_eq!(negotiate(Some("en;q=abc, sr-Latn;q=0.1")), Locale::SrLatn);
        assert_eq!(negotiate(Some("de, fr, en;q=0.1")), Locale::En);
    }
}
