//! Indicator catalogues: versioned screening checklists per sector, in three scripts, kept as
//! data and imported from a plain text file by an administrator.
//!
//! Indicators suggest; they never prove or exclude. A catalogue has no weights and nothing
//! here adds up a score: the presence of indicators informs a referral, it labels nobody.
//!
//! # File format
//!
//! UTF-8 text, one record a line, fields separated by one TAB. Blank lines and lines starting
//! with `#` are ignored; spaces around a field are trimmed.
//!
//! ```text
//! sector     <TAB> education
//! version    <TAB> 2021
//! domain     <TAB> <code> <TAB> <sr-Cyrl label> <TAB> <en label> [<TAB> <sr-Latn label>]
//! indicator  <TAB> <code> <TAB> <domain code> <TAB> <sr-Cyrl text> <TAB> <en text> [<TAB> <sr-Latn text>]
//! ```
//!
//! `sector` and `version` appear once each. A domain is declared before the indicators that
//! use it. The sr-Latn column may be left out (or empty): it is then made from the Cyrillic by
//! transliteration. Codes are lower-case ASCII letters, digits, `-`, `_` and `.`; a code is
//! used once in the file, domains and indicators alike. Errors name their line, and all of a
//! file's errors are reported at once (up to [`IndicatorCatalogue::MAX_ERRORS`]).

use crate::script::to_latin;
use std::collections::HashMap;
use std::fmt;

coded_enum! {
    /// The sector whose first responders use a catalogue.
    pub enum Sector {
        /// Police.
        Police => "police",
        /// Social protection (Centres for Social Work).
        SocialProtection => "social-protection",
        /// Health care.
        Health => "health",
        /// Education (schools).
        Education => "education",
        /// General indicators for adults (UNODC list).
        GeneralAdult => "general-adult",
        /// The ILO indicators of forced labour.
        IloForcedLabour => "ilo-forced-labour",
        /// Labour inspection.
        LabourInspection => "labour-inspection",
        /// Non-governmental organisations (outreach, hotlines, shelters).
        Ngo => "ngo",
        /// Children: anyone who is, or may be, under 18, whoever reports.
        Child => "child",
        /// Labour exploitation, for any sector.
        LabourExploitation => "labour-exploitation",
    }
}

/// A text in the three scripts and languages of the interface.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalisedText {
    /// Serbian, Cyrillic (the source).
    pub sr_cyrl: String,
    /// Serbian, Latin.
    pub sr_latn: String,
    /// English.
    pub en: String,
}

/// A group of indicators (for example "pupil's behaviour at school").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorDomain {
    pub code: String,
    pub label: LocalisedText,
}

/// One indicator of a catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Indicator {
    pub code: String,
    /// The code of the indicator's domain.
    pub domain: String,
    pub texts: LocalisedText,
}

/// A versioned catalogue of indicators for one sector.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorCatalogue {
    pub sector: Sector,
    pub version: String,
    pub domains: Vec<IndicatorDomain>,
    pub items: Vec<Indicator>,
}

/// What is wrong with a line (or with the file as a whole).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CatalogueProblem {
    #[error("unknown record `{0}`; a line starts with sector, version, domain or indicator")]
    UnknownRecord(String),
    #[error("`{record}` takes {expected} fields separated by TAB, found {found}")]
    FieldCount {
        record: &'static str,
        expected: &'static str,
        found: usize,
    },
    #[error("`{0}` is given twice")]
    Repeated(&'static str),
    #[error("unknown sector `{0}`")]
    UnknownSector(String),
    #[error("invalid version `{0}`: 1 to 40 ASCII letters, digits, `-`, `_`, `.`")]
    InvalidVersion(String),
    #[error("invalid code `{0}`: 1 to 40 lower-case ASCII letters, digits, `-`, `_`, `.`")]
    InvalidCode(String),
    #[error("code `{code}` is already used on line {first_line}")]
    DuplicateCode { code: String, first_line: usize },
    #[error("domain `{0}` is not declared above this line")]
    UnknownDomain(String),
    #[error("the {0} text is empty")]
    EmptyText(&'static str),
    #[error("the {column} text is longer than {max} characters")]
    TextTooLong { column: &'static str, max: usize },
    #[error("the {0} text contains control characters")]
    ControlCharacters(&'static str),
    #[error("the file has no `sector` line")]
    MissingSector,
    #[error("the file has no `version` line")]
    MissingVersion,
    #[error("the file has no indicators")]
    NoIndicators,
    #[error("too many errors; the rest of the file was not checked")]
    TooManyErrors,
}

/// A problem and the line it is on (none for the file as a whole).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct CatalogueError {
    /// The 1-based line number.
    pub line: Option<usize>,
    pub problem: CatalogueProblem,
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.problem),
            None => write!(f, "{}", self.problem),
        }
    }
}

/// Every error found in a catalogue file, in line order.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct CatalogueErrors(pub Vec<CatalogueError>);

impl fmt::Display for CatalogueErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl IndicatorCatalogue {
    /// Longest code or version, in characters.
    pub const CODE_MAX: usize = 40;
    /// Longest indicator text or domain label, in characters.
    pub const TEXT_MAX: usize = 1000;
    /// Errors reported before parsing stops.
    pub const MAX_ERRORS: usize = 50;

    /// Parses a catalogue file (format in the module documentation).
    pub fn parse(text: &str) -> Result<IndicatorCatalogue, CatalogueErrors> {
        let mut parser = Parser::default();
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        for (i, line) in text.lines().enumerate() {
            if parser.errors.len() >= Self::MAX_ERRORS {
                parser.errors.push(CatalogueError {
                    line: Some(i + 1),
                    problem: CatalogueProblem::TooManyErrors,
                });
                return Err(CatalogueErrors(parser.errors));
            }
            parser.line(i + 1, line);
        }
        parser.finish()
    }

    /// Writes the catalogue in the file format; parsing the result gives the catalogue back.
    /// The sr-Latn column is written only where it differs from the transliteration.
    pub fn to_text(&self) -> String {
        let mut out = format!("sector\t{}\nversion\t{}\n", self.sector, self.version);
        let latin_column = |t: &LocalisedText| {
            if t.sr_latn == to_latin(&t.sr_cyrl) {
                String::new()
            } else {
                format!("\t{}", t.sr_latn)
            }
        };
        for d in &self.domains {
            out.push_str(&format!(
                "domain\t{}\t{}\t{}{}\n",
                d.code,
                d.label.sr_cyrl,
                d.label.en,
                latin_column(&d.label)
            ));
        }
        for i in &self.items {
            out.push_str(&format!(
                "indicator\t{}\t{}\t{}\t{}{}\n",
                i.code,
                i.domain,
                i.texts.sr_cyrl,
                i.texts.en,
                latin_column(&i.texts)
            ));
        }
        out
    }

    /// The indicator with the code.
    pub fn get(&self, code: &str) -> Option<&Indicator> {
        self.items.iter().find(|i| i.code == code)
    }

    /// The domain with the code.
    pub fn domain(&self, code: &str) -> Option<&IndicatorDomain> {
        self.domains.iter().find(|d| d.code == code)
    }

    /// The indicators of a domain, in file order.
    pub fn items_in<'a>(&'a self, domain: &'a str) -> impl Iterator<Item = &'a Indicator> + 'a {
        self.items.iter().filter(move |i| i.domain == domain)
    }
}

/// The state of a parse in progress.
#[derive(Default)]
struct Parser {
    sector: Option<(usize, Sector)>,
    version: Option<(usize, String)>,
    domains: Vec<IndicatorDomain>,
    items: Vec<Indicator>,
    /// Every code used so far, with the line it was first used on.
    codes: HashMap<String, usize>,
    errors: Vec<CatalogueError>,
}

impl Parser {
    fn error(&mut self, line: usize, problem: CatalogueProblem) {
        self.errors.push(CatalogueError {
            line: Some(line),
            problem,
        });
    }

    fn line(&mut self, n: usize, line: &str) {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let result = match fields.as_slice() {
            ["sector", rest @ ..] => self.sector(n, rest),
            ["version", rest @ ..] => self.version(n, rest),
            ["domain", rest @ ..] => self.domain(n, rest),
            ["indicator", rest @ ..] => self.indicator(n, rest),
            [other, ..] => Err(CatalogueProblem::UnknownRecord(other.to_string())),
            [] => Ok(()),
        };
        if let Err(problem) = result {
            self.error(n, problem);
        }
    }

    fn sector(&mut self, n: usize, fields: &[&str]) -> Result<(), CatalogueProblem> {
        let [code] = fields else {
            return Err(field_count("sector", "1", fields));
        };
        let sector = Sector::from_code(code)
            .ok_or_else(|| CatalogueProblem::UnknownSector(code.to_string()))?;
        if self.sector.is_some() {
            return Err(CatalogueProblem::Repeated("sector"));
        }
        self.sector = Some((n, sector));
        Ok(())
    }

    fn version(&mut self, n: usize, fields: &[&str]) -> Result<(), CatalogueProblem> {
        let [version] = fields else {
            return Err(field_count("version", "1", fields));
        };
        let valid = !version.is_empty()
            && version.len() <= IndicatorCatalogue::CODE_MAX
            && version
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if !valid {
            return Err(CatalogueProblem::InvalidVersion(version.to_string()));
        }
        if self.version.is_some() {
            return Err(CatalogueProblem::Repeated("version"));
        }
        self.version = Some((n, version.to_string()));
        Ok(())
    }

    fn domain(&mut self, n: usize, fields: &[&str]) -> Result<(), CatalogueProblem> {
        let (code, texts) = match fields {
            [code, texts @ ..] if (2..=3).contains(&texts.len()) => (*code, texts),
            _ => return Err(field_count("domain", "3 or 4", fields)),
        };
        let code = self.new_code(n, code)?;
        let label = localised(texts)?;
        self.domains.push(IndicatorDomain { code, label });
        Ok(())
    }

    fn indicator(&mut self, n: usize, fields: &[&str]) -> Result<(), CatalogueProblem> {
        let (code, domain, texts) = match fields {
            [code, domain, texts @ ..] if (2..=3).contains(&texts.len()) => (*code, *domain, texts),
            _ => return Err(field_count("indicator", "4 or 5", fields)),
        };
        if !self.domains.iter().any(|d| d.code == domain) {
            return Err(CatalogueProblem::UnknownDomain(domain.to_string()));
        }
        let texts = localised(texts)?;
        let code = self.new_code(n, code)?;
        self.items.push(Indicator {
            code,
            domain: domain.to_string(),
            texts,
        });
        Ok(())
    }

    /// Checks a code and claims it for line `n`.
    fn new_code(&mut self, n: usize, code: &str) -> Result<String, CatalogueProblem> {
        let valid = !code.is_empty()
            && code.len() <= IndicatorCatalogue::CODE_MAX
            && code.chars().all(|c| {
                c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.')
            });
        if !valid {
            return Err(CatalogueProblem::InvalidCode(code.to_string()));
        }
        if let Some(first_line) = self.codes.get(code) {
            return Err(CatalogueProblem::DuplicateCode {
                code: code.to_string(),
                first_line: *first_line,
            });
        }
        self.codes.insert(code.to_string(), n);
        Ok(code.to_string())
    }

    fn finish(self) -> Result<IndicatorCatalogue, CatalogueErrors> {
        let mut errors = self.errors;
        let whole_file = |problem| CatalogueError {
            line: None,
            problem,
        };
        if self.sector.is_none() {
            errors.push(whole_file(CatalogueProblem::MissingSector));
        }
        if self.version.is_none() {
            errors.push(whole_file(CatalogueProblem::MissingVersion));
        }
        if self.items.is_empty() {
            errors.push(whole_file(CatalogueProblem::NoIndicators));
        }
        match (self.sector, self.version) {
            (Some((_, sector)), Some((_, version))) if errors.is_empty() => {
                Ok(IndicatorCatalogue {
                    sector,
                    version,
                    domains: self.domains,
                    items: self.items,
                })
            }
            _ => Err(CatalogueErrors(errors)),
        }
    }
}

fn field_count(record: &'static str, expected: &'static str, fields: &[&str]) -> CatalogueProblem {
    CatalogueProblem::FieldCount {
        record,
        expected,
        found: fields.len(),
    }
}

/// The texts of a record: sr-Cyrl, en and an optional sr-Latn (made from the Cyrillic when
/// absent or empty).
fn localised(fields: &[&str]) -> Result<LocalisedText, CatalogueProblem> {
    let (sr_cyrl, en, sr_latn) = match fields {
        [c, e] => (*c, *e, ""),
        [c, e, l] => (*c, *e, *l),
        _ => return Err(field_count("text", "2 or 3", fields)),
    };
    let sr_cyrl = text_field("sr-Cyrl", sr_cyrl)?;
    let en = text_field("en", en)?;
    let sr_latn = if sr_latn.is_empty() {
        to_latin(&sr_cyrl)
    } else {
        text_field("sr-Latn", sr_latn)?
    };
    Ok(LocalisedText {
        sr_cyrl,
        sr_latn,
        en,
    })
}

fn text_field(column: &'static str, value: &str) -> Result<String, CatalogueProblem> {
    if value.is_empty() {
        return Err(CatalogueProblem::EmptyText(column));
    }
    if value.chars().count() > IndicatorCatalogue::TEXT_MAX {
        return Err(CatalogueProblem::TextTooLong {
            column,
            max: IndicatorCatalogue::TEXT_MAX,
        });
    }
    if value.chars().any(char::is_control) {
        return Err(CatalogueProblem::ControlCharacters(column));
    }
    Ok(value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const ILO: &str = "\u{feff}# ILO indicators of forced labour\n\
sector\tilo-forced-labour\n\
version\t2012\n\
\n\
domain\tcoercion\tПринуда\tCoercion\n\
indicator\tilo-01\tcoercion\tЗлоупотреба рањивости\tAbuse of vulnerability\n\
indicator\tilo-07\tcoercion\tЗадржавање личних докумената\tRetention of identity documents\tZadržavanje ličnih dokumenata \r\n\
  # an indented comment\n\
indicator\tilo-09\tcoercion\tДужничко ропство\tDebt bondage\t\n";

    fn problems(text: &str) -> Vec<(Option<usize>, CatalogueProblem)> {
        IndicatorCatalogue::parse(text)
            .unwrap_err()
            .0
            .into_iter()
            .map(|e| (e.line, e.problem))
            .collect()
    }

    #[test]
    fn a_catalogue_file_is_read_with_generated_latin_text() {
        let c = IndicatorCatalogue::parse(ILO).unwrap();
        assert_eq!(c.sector, Sector::IloForcedLabour);
        assert_eq!(c.version, "2012");
        assert_eq!(c.domains.len(), 1);
        assert_eq!(c.domain("coercion").unwrap().label.sr_latn, "Prinuda");
        assert_eq!(c.items.len(), 3);
        let debt = c.get("ilo-09").unwrap();
        assert_eq!(debt.texts.sr_cyrl, "Дужничко ропство");
        assert_eq!(debt.texts.sr_latn, "Dužničko ropstvo");
        assert_eq!(debt.texts.en, "Debt bondage");
        // A given Latin text is kept (and trimmed, with a Windows line end).
        assert_eq!(
            c.get("ilo-07").unwrap().texts.sr_latn,
            "Zadržavanje ličnih dokumenata"
        );
        assert_eq!(c.items_in("coercion").count(), 3);
        assert!(c.get("ilo-02").is_none());
    }

    #[test]
    fn the_written_file_reads_back_the_same() {
        let c = IndicatorCatalogue::parse(ILO).unwrap();
        assert_eq!(IndicatorCatalogue::parse(&c.to_text()), Ok(c));
    }

    #[test]
    fn errors_name_their_lines_and_are_all_reported() {
        let text = "sector\tschool\n\
version\t2021\n\
domain\tbehaviour\tПонашање\n\
indicator\tedu-01\tfamily\tИзостаје\tAbsent\n\
domain\tfamily\tПородица\tFamily\n\
indicator\tEDU 02\tfamily\tИзостаје\tAbsent\n\
indicator\tedu-03\tfamily\t\tAbsent\n\
indicator\tfamily\tfamily\tИзостаје\tAbsent\n\
version\t2022\n\
hint\tx\n";
        assert_eq!(
            problems(text),
            vec![
                (Some(1), CatalogueProblem::UnknownSector("school".into())),
                (
                    Some(3),
                    CatalogueProblem::FieldCount {
                        record: "domain",
                        expected: "3 or 4",
                        found: 2
                    }
                ),
                (Some(4), CatalogueProblem::UnknownDomain("family".into())),
                (Some(6), CatalogueProblem::InvalidCode("EDU 02".into())),
                (Some(7), CatalogueProblem::EmptyText("sr-Cyrl")),
                (
                    Some(8),
                    CatalogueProblem::DuplicateCode {
                        code: "family".into(),
                        first_line: 5
                    }
                ),
                (Some(9), CatalogueProblem::Repeated("version")),
                (Some(10), CatalogueProblem::UnknownRecord("hint".into())),
                (None, CatalogueProblem::MissingSector),
                (None, CatalogueProblem::NoIndicators),
            ]
        );
    }

    #[test]
    fn error_messages_read_well() {
        let e = IndicatorCatalogue::parse("sector\tpolice\nversion\t1\nindicator\ta\tb\tц\tc\n")
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 3: domain `b` is not declared above this line\nthe file has no indicators"
        );
    }

    #[test]
    fn an_empty_file_says_what_is_missing() {
        assert_eq!(
            problems(""),
            vec![
                (None, CatalogueProblem::MissingSector),
                (None, CatalogueProblem::MissingVersion),
                (None, CatalogueProblem::NoIndicators),
            ]
        );
    }

    #[test]
    fn control_characters_and_overlong_texts_are_refused() {
        let long = "ж".repeat(IndicatorCatalogue::TEXT_MAX + 1);
        let text = format!(
            "sector\tpolice\nversion\t1\ndomain\td\tД\tD\nindicator\ta\td\tц\u{7}\tc\nindicator\tb\td\t{long}\tc\n"
        );
        let found = problems(&text);
        assert_eq!(
            found[0],
            (Some(4), CatalogueProblem::ControlCharacters("sr-Cyrl"))
        );
        assert_eq!(
            found[1],
            (
                Some(5),
                CatalogueProblem::TextTooLong {
                    column: "sr-Cyrl",
                    max: IndicatorCatalogue::TEXT_MAX
                }
            )
        );
    }

    #[test]
    fn a_garbage_file_stops_after_the_error_limit() {
        let text = "junk\n".repeat(500);
        let found = problems(&text);
        assert_eq!(found.len(), IndicatorCatalogue::MAX_ERRORS + 1);
        assert_eq!(found.last().unwrap().1, CatalogueProblem::TooManyErrors);
    }

    #[test]
    fn sector_codes_round_trip() {
        for s in Sector::ALL {
            assert_eq!(Sector::from_code(s.code()), Some(*s));
        }
        assert_eq!(Sector::ALL.len(), 10);
    }

    fn code() -> impl Strategy<Value = String> {
        "[a-z0-9][a-z0-9._-]{0,15}"
    }

    /// Texts as the parser leaves them: trimmed, non-empty, no TAB or control characters.
    fn text() -> impl Strategy<Value = String> {
        "[а-шА-Шa-zA-ZčćžšđЉЊЏљњџ ,.'()-]{1,40}"
            .prop_map(|s| s.trim().to_string())
            .prop_filter("non-empty", |s| !s.is_empty())
    }

    fn localised_text() -> impl Strategy<Value = LocalisedText> {
        (text(), text(), proptest::option::of(text())).prop_map(|(sr_cyrl, en, latn)| {
            let sr_latn = latn.unwrap_or_else(|| to_latin(&sr_cyrl));
            LocalisedText {
                sr_cyrl,
                sr_latn,
                en,
            }
        })
    }

    fn catalogue() -> impl Strategy<Value = IndicatorCatalogue> {
        (
            proptest::sample::select(Sector::ALL.to_vec()),
            "[0-9a-z.]{1,10}",
            proptest::collection::btree_set(code(), 2..20),
            proptest::collection::vec(localised_text(), 20),
            1usize..4,
        )
            .prop_map(|(sector, version, codes, texts, domain_count)| {
                let codes: Vec<String> = codes.into_iter().collect();
                let domain_count = domain_count.min(codes.len() - 1);
                let (domain_codes, item_codes) = codes.split_at(domain_count);
                let domains = domain_codes
                    .iter()
                    .zip(&texts)
                    .map(|(c, t)| IndicatorDomain {
                        code: c.clone(),
                        label: t.clone(),
                    })
                    .collect();
                let items = item_codes
                    .iter()
                    .enumerate()
                    .map(|(i, c)| Indicator {
                        code: c.clone(),
                        domain: domain_codes[i % domain_codes.len()].clone(),
                        texts: texts[i % texts.len()].clone(),
                    })
                    .collect();
                IndicatorCatalogue {
                    sector,
                    version,
                    domains,
                    items,
                }
            })
    }

    /// Lines that look like catalogue records, with and without mistakes.
    fn near_miss_file() -> impl Strategy<Value = String> {
        let line = prop_oneof![
            Just("sector\tpolice".to_string()),
            Just("version\t1".to_string()),
            Just("domain\td\tД\tD".to_string()),
            "(sector|version|domain|indicator|#|)(\t[a-zа-ш \u{7}\r-]{0,8}){0,7}",
            any::<String>(),
        ];
        proptest::collection::vec(line, 0..30).prop_map(|lines| lines.join("\n"))
    }

    proptest! {
        #[test]
        fn the_parser_never_panics(text in any::<String>()) {
            let _ = IndicatorCatalogue::parse(&text);
        }

        #[test]
        fn the_parser_never_panics_on_near_misses(text in near_miss_file()) {
            match IndicatorCatalogue::parse(&text) {
                Ok(c) => prop_assert!(!c.items.is_empty()),
                Err(e) => prop_assert!(!e.0.is_empty()),
            }
        }

        #[test]
        fn catalogues_round_trip_through_the_file_format(c in catalogue()) {
            prop_assert_eq!(IndicatorCatalogue::parse(&c.to_text()), Ok(c));
        }
    }
}
