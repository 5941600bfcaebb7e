//! The report of a potential victim, as typed on a phone, parsed into a draft or field errors.
//!
//! Only what is needed to act is required: who reports, the detection date, and a name or a
//! description of the person. Everything else may be added later. The form's checkboxes
//! (may be a child, deprived of legal capacity, immediate danger) drive the child protocol,
//! together with the age that the dates and the estimate suggest ([`ReportDraft::protection_need`]).

use super::catalogues::{ExploitationForm, ReferralSource, ReporterKind, Sex};
use super::child_protocol::{age_band, child_protocol, consent_needed_from};
use super::child_protocol::{AgeBand, ConsentGiver, ProtectionNeed};
use super::indicators::IndicatorCatalogue;
use super::screening::Screening;
use crate::registry::InstitutionKind;
use crate::text;
use crate::validation::{FieldError, FieldErrors};
use time::Date;

/// Longest name (each of given name, family name, other names).
pub const NAME_MAX: usize = 200;
/// Longest narrative.
pub const NARRATIVE_MAX: usize = 4000;
/// Longest short description (of the person, of how they were detected).
pub const DESCRIPTION_MAX: usize = 1000;
/// Longest place, contact or reporter detail.
pub const SHORT_MAX: usize = 200;
/// Longest whereabouts.
pub const WHEREABOUTS_MAX: usize = 500;
/// Highest estimated age.
pub const AGE_MAX: u8 = 120;
/// Most languages recorded.
pub const LANGUAGES_MAX: usize = 10;

/// A report as typed: every field a string, checkboxes present when ticked. Lists
/// (exploitation forms, indicators) come from repeated form fields.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct ReportForm {
    /// Code of a [`ReporterKind`].
    pub reporter_kind: String,
    /// Who the external reporter is (organisation, role); optional.
    pub reporter_detail: String,
    pub detected_on: String,
    pub detected_place: String,
    pub detected_how: String,
    pub given_name: String,
    pub family_name: String,
    /// Nicknames, aliases, names in other documents.
    pub other_names: String,
    /// What the person looks like, when no name is known.
    pub description: String,
    /// Code of a [`Sex`]; empty means other or unknown.
    pub sex: String,
    pub birth_date: String,
    pub estimated_age: String,
    /// ISO 3166-1 alpha-2 code; empty when unknown.
    pub citizenship: String,
    /// ISO 639 codes separated by commas or spaces.
    pub languages: String,
    pub whereabouts: String,
    pub contact: String,
    pub may_be_child: Option<String>,
    pub lacks_legal_capacity: Option<String>,
    pub immediate_danger: Option<String>,
    /// Codes of [`ExploitationForm`]s suspected.
    pub exploitation_forms: Vec<String>,
    /// Codes of the indicators observed.
    pub indicators: Vec<String>,
    pub narrative: String,
    /// The indicator list the form showed, as `sector/version`; empty when the form showed
    /// none, or the client does not say (then the default list for what was typed is used).
    pub catalogue: String,
    /// Present when the reporter picked the list (then it is kept whatever was typed).
    pub catalogue_chosen: Option<String>,
    /// The sector code of the list the reporter asks to switch to.
    pub switch_to: String,
}

/// Who reported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reporter {
    pub kind: ReporterKind,
    /// Who the external reporter is; empty for the team's own official.
    pub detail: String,
}

/// When, where and how the person was detected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detection {
    pub on: Date,
    pub place: String,
    pub how: String,
}

/// What is known of the person. Empty strings mean not known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonDraft {
    pub given_name: String,
    pub family_name: String,
    pub other_names: String,
    pub description: String,
    pub sex: Sex,
    pub birth_date: Option<Date>,
    pub estimated_age: Option<u8>,
    /// ISO 3166-1 alpha-2, upper case.
    pub citizenship: Option<String>,
    /// ISO 639 codes, lower case, once each.
    pub languages: Vec<String>,
    pub whereabouts: String,
    pub contact: String,
}

/// A valid report, ready to be saved as a new case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportDraft {
    pub reporter: Reporter,
    pub detection: Detection,
    pub person: PersonDraft,
    /// Ticked when the person is, or may be, a child.
    pub may_be_child: bool,
    pub lacks_legal_capacity: bool,
    pub immediate_danger: bool,
    /// Suspected forms, once each, in catalogue order.
    pub exploitation_forms: Vec<ExploitationForm>,
    /// The screening, when the report was screened with a catalogue.
    pub screening: Option<Screening>,
    pub narrative: String,
}

fn checked(v: &Option<String>) -> bool {
    matches!(v.as_deref(), Some("on" | "true" | "1" | "yes"))
}

impl ReportForm {
    /// Parses the form. `today` is the reporter's date; `catalogue` is the catalogue the
    /// screening section was filled with (none when the report was made without screening;
    /// then no indicators may be sent).
    pub fn parse(
        &self,
        today: Date,
        catalogue: Option<&IndicatorCatalogue>,
    ) -> Result<ReportDraft, FieldErrors> {
        let mut e = FieldErrors::new();
        let reporter_kind = e.check(
            "reporter_kind",
            ReporterKind::from_code(self.reporter_kind.trim()).ok_or(FieldError::Unknown),
        );
        let reporter_detail = e.check(
            "reporter_detail",
            text::optional(&self.reporter_detail, SHORT_MAX),
        );
        let detected_on = e.check(
            "detected_on",
            not_future(text::date(&self.detected_on), today),
        );
        let detected_place = e.check(
            "detected_place",
            text::optional(&self.detected_place, SHORT_MAX),
        );
        let detected_how = e.check(
            "detected_how",
            text::optional(&self.detected_how, DESCRIPTION_MAX),
        );
        let given_name = e.check("given_name", text::optional(&self.given_name, NAME_MAX));
        let family_name = e.check("family_name", text::optional(&self.family_name, NAME_MAX));
        let other_names = e.check("other_names", text::optional(&self.other_names, NAME_MAX));
        let description = e.check(
            "description",
            text::optional(&self.description, DESCRIPTION_MAX),
        );
        let sex = e.check("sex", parse_sex(&self.sex));
        let birth_date = e.check(
            "birth_date",
            text::optional_date(&self.birth_date).and_then(|d| match d {
                Some(d) => not_future(Ok(d), today).map(Some),
                None => Ok(None),
            }),
        );
        let estimated_age = e.check("estimated_age", parse_age(&self.estimated_age));
        let citizenship = e.check("citizenship", parse_citizenship(&self.citizenship));
        let languages = e.check("languages", parse_languages(&self.languages));
        let whereabouts = e.check(
            "whereabouts",
            text::optional(&self.whereabouts, WHEREABOUTS_MAX),
        );
        let contact = e.check("contact", text::optional(&self.contact, SHORT_MAX));
        let exploitation_forms =
            e.check("exploitation_forms", parse_forms(&self.exploitation_forms));
        let screening = e.check("indicators", self.screening(catalogue));
        let narrative = e.check("narrative", text::optional(&self.narrative, NARRATIVE_MAX));

        if let (Some(on), Some(Some(birth))) = (detected_on, birth_date) {
            if on < birth {
                e.add("detected_on", FieldError::DateOrder);
            }
        }
        let nameless = [&given_name, &family_name, &other_names, &description]
            .into_iter()
            .all(|v| v.as_deref().is_some_and(str::is_empty));
        if nameless {
            // Shown at the person's fieldset: a name or a description is needed.
            e.add("person", FieldError::Required);
        }

        match (
            reporter_kind,
            reporter_detail,
            detected_on,
            detected_place,
            detected_how,
            (given_name, family_name, other_names, description),
            (sex, birth_date, estimated_age, citizenship, languages),
            (
                whereabouts,
                contact,
                exploitation_forms,
                screening,
                narrative,
            ),
        ) {
            (
                Some(kind),
                Some(detail),
                Some(on),
                Some(place),
                Some(how),
                (Some(given_name), Some(family_name), Some(other_names), Some(description)),
                (
                    Some(sex),
                    Some(birth_date),
                    Some(estimated_age),
                    Some(citizenship),
                    Some(languages),
                ),
                (
                    Some(whereabouts),
                    Some(contact),
                    Some(exploitation_forms),
                    Some(screening),
                    Some(narrative),
                ),
            ) if e.is_empty() => Ok(ReportDraft {
                reporter: Reporter { kind, detail },
                detection: Detection { on, place, how },
                person: PersonDraft {
                    given_name,
                    family_name,
                    other_names,
                    description,
                    sex,
                    birth_date,
                    estimated_age,
                    citizenship,
                    languages,
                    whereabouts,
                    contact,
                },
                may_be_child: checked(&self.may_be_child),
                lacks_legal_capacity: checked(&self.lacks_legal_capacity),
                immediate_danger: checked(&self.immediate_danger),
                exploitation_forms,
                screening,
                narrative,
            }),
            _ => Err(e),
        }
    }

    /// Whether the person is, or may be, a child by what was typed so far, with the
    /// presumption of childhood; values that do not parse are ignored (the parse reports them).
    pub fn presumed_child(&self, today: Date) -> bool {
        let birth = text::optional_date(&self.birth_date).ok().flatten();
        let estimated = parse_age(&self.estimated_age).ok().flatten();
        age_band(birth, estimated, today, checked(&self.may_be_child)) == AgeBand::Child
    }

    /// The list the form showed, when it names one: its sector and version.
    pub fn shown_catalogue(&self) -> Option<(super::indicators::Sector, &str)> {
        let (sector, version) = self.catalogue.trim().split_once('/')?;
        let sector = super::indicators::Sector::from_code(sector)?;
        (!version.is_empty()).then_some((sector, version))
    }

    /// Whether the reporter picked the list shown.
    pub fn catalogue_was_chosen(&self) -> bool {
        checked(&self.catalogue_chosen)
    }

    /// Whether any indicator was ticked.
    pub fn has_indicators(&self) -> bool {
        self.indicators.iter().any(|c| !c.trim().is_empty())
    }

    fn screening(
        &self,
        catalogue: Option<&IndicatorCatalogue>,
    ) -> Result<Option<Screening>, FieldError> {
        let codes: Vec<&str> = self
            .indicators
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        match catalogue {
            Some(catalogue) => Screening::new(catalogue, &codes)
                .map(Some)
                .map_err(|_| FieldError::Unknown),
            None if codes.is_empty() => Ok(None),
            None => Err(FieldError::Unknown),
        }
    }
}

impl ReportDraft {
    /// The person's age band on a day, with the presumption of childhood.
    pub fn age_band(&self, on: Date) -> AgeBand {
        age_band(
            self.person.birth_date,
            self.person.estimated_age,
            on,
            self.may_be_child,
        )
    }

    /// What the child protocol requires for this report, if anything: it fires when the box
    /// is ticked and also when the birth date or the estimated age says the person is a child.
    pub fn protection_need(&self, today: Date) -> Option<ProtectionNeed> {
        child_protocol(
            self.age_band(today) == AgeBand::Child,
            self.lacks_legal_capacity,
        )
    }

    /// Who gives consent for this person.
    pub fn consent_needed_from(&self, today: Date) -> ConsentGiver {
        consent_needed_from(self.age_band(today), self.lacks_legal_capacity)
    }

    /// The national referral-source category of this report; `institution` is the kind of
    /// the reporting official's institution.
    pub fn referral_source(&self, institution: Option<InstitutionKind>) -> ReferralSource {
        ReferralSource::of(self.reporter.kind, institution)
    }
}

fn not_future(date: Result<Date, FieldError>, today: Date) -> Result<Date, FieldError> {
    match date {
        Ok(d) if d > today => Err(FieldError::DateInFuture),
        other => other,
    }
}

fn parse_sex(raw: &str) -> Result<Sex, FieldError> {
    match raw.trim() {
        "" => Ok(Sex::OtherOrUnknown),
        code => Sex::from_code(code).ok_or(FieldError::Unknown),
    }
}

/// An estimated age in whole years, 0 to [`AGE_MAX`]; empty means not estimated.
fn parse_age(raw: &str) -> Result<Option<u8>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    if !raw.bytes().all(|b| b.is_ascii_digit()) {
        return Err(FieldError::Invalid);
    }
    match raw.parse::<u8>() {
        Ok(age) if age <= AGE_MAX => Ok(Some(age)),
        _ => Err(FieldError::Invalid),
    }
}

/// Two ASCII letters (ISO 3166-1 alpha-2), upper-cased; empty means unknown.
fn parse_citizenship(raw: &str) -> Result<Option<String>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    if raw.len() == 2 && raw.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(Some(raw.to_ascii_uppercase()))
    } else {
        Err(FieldError::Invalid)
    }
}

/// ISO 639 codes (two or three ASCII letters) separated by commas or spaces.
fn parse_languages(raw: &str) -> Result<Vec<String>, FieldError> {
    let mut languages: Vec<String> = Vec::new();
    for code in raw.split(|c: char| c == ',' || c == ';' || c.is_whitespace()) {
        if code.is_empty() {
            continue;
        }
        if !(2..=3).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(FieldError::Invalid);
        }
        let code = code.to_ascii_lowercase();
        if !languages.contains(&code) {
            languages.push(code);
        }
    }
    if languages.len() > LANGUAGES_MAX {
        return Err(FieldError::Invalid);
    }
    Ok(languages)
}

/// Exploitation-form codes, once each, in catalogue order; unknown codes are refused.
fn parse_forms(codes: &[String]) -> Result<Vec<ExploitationForm>, FieldError> {
    let mut forms = Vec::new();
    for code in codes.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        forms.push(ExploitationForm::from_code(code).ok_or(FieldError::Unknown)?);
    }
    forms.sort();
    forms.dedup();
    Ok(forms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 03 - 02);

    fn form() -> ReportForm {
        ReportForm {
            reporter_kind: "school".into(),
            reporter_detail: "ОШ „Вук Караџић“, педагог".into(),
            detected_on: "2026-03-01".into(),
            given_name: "Ана".into(),
            ..ReportForm::default()
        }
    }

    fn errors(f: &ReportForm) -> Vec<(&'static str, FieldError)> {
        f.parse(TODAY, None).unwrap_err().iter().copied().collect()
    }

    fn catalogue() -> IndicatorCatalogue {
        IndicatorCatalogue::parse(
            "sector\teducation\nversion\t2021\ndomain\tschool\tШкола\tSchool\n\
indicator\tedu-01\tschool\tЧесто изостаје\tOften absent\n\
indicator\tedu-02\tschool\tНема личне документе\tHas no identity documents\n",
        )
        .unwrap()
    }

    #[test]
    fn a_minimal_report_is_accepted() {
        let d = form().parse(TODAY, None).unwrap();
        assert_eq!(d.reporter.kind, ReporterKind::School);
        assert_eq!(d.detection.on, date!(2026 - 03 - 01));
        assert_eq!(d.person.given_name, "Ана");
        assert_eq!(d.person.sex, Sex::OtherOrUnknown);
        assert_eq!(d.person.birth_date, None);
        assert!(d.screening.is_none());
        assert!(!d.may_be_child && !d.lacks_legal_capacity && !d.immediate_danger);
        assert_eq!(d.referral_source(None), ReferralSource::OtherGovernment);
    }

    #[test]
    fn a_full_report_is_parsed_and_normalised() {
        let f = ReportForm {
            sex: "female".into(),
            birth_date: "15.05.2010.".into(),
            estimated_age: " 15 ".into(),
            citizenship: "rs".into(),
            languages: "sr, RO;rom sr".into(),
            may_be_child: Some("on".into()),
            immediate_danger: Some("true".into()),
            exploitation_forms: vec!["labour".into(), "forced-begging".into(), "labour".into()],
            indicators: vec!["edu-02".into(), "edu-01".into()],
            narrative: "  Примећена у парку.  ".into(),
            ..form()
        };
        let d = f.parse(TODAY, Some(&catalogue())).unwrap();
        assert_eq!(d.person.sex, Sex::Female);
        assert_eq!(d.person.birth_date, Some(date!(2010 - 05 - 15)));
        assert_eq!(d.person.estimated_age, Some(15));
        assert_eq!(d.person.citizenship.as_deref(), Some("RS"));
        assert_eq!(d.person.languages, vec!["sr", "ro", "rom"]);
        assert!(d.may_be_child && d.immediate_danger);
        assert_eq!(
            d.exploitation_forms,
            vec![ExploitationForm::Labour, ExploitationForm::ForcedBegging]
        );
        let s = d.screening.unwrap();
        assert_eq!(s.catalogue_version, "2021");
        assert_eq!(s.present, vec!["edu-01", "edu-02"]);
        assert_eq!(d.narrative, "Примећена у парку.");
    }

    #[test]
    fn detection_cannot_be_in_the_future_or_before_birth() {
        let f = ReportForm {
            detected_on: "2026-03-03".into(),
            ..form()
        };
        assert_eq!(errors(&f), vec![("detected_on", FieldError::DateInFuture)]);
        let f = ReportForm {
            detected_on: "2020-01-01".into(),
            birth_date: "2021-01-01".into(),
            ..form()
        };
        assert_eq!(errors(&f), vec![("detected_on", FieldError::DateOrder)]);
        let f = ReportForm {
            detected_on: "".into(),
            ..form()
        };
        assert_eq!(errors(&f), vec![("detected_on", FieldError::Required)]);
        let f = ReportForm {
            detected_on: "31.02.2026.".into(),
            ..form()
        };
        assert_eq!(errors(&f), vec![("detected_on", FieldError::InvalidDate)]);
        // Detected on the day of birth is possible.
        let f = ReportForm {
            birth_date: "2026-03-01".into(),
            ..form()
        };
        assert!(f.parse(TODAY, None).is_ok());
    }

    #[test]
    fn a_birth_date_cannot_be_in_the_future() {
        let f = ReportForm {
            birth_date: "2026-03-03".into(),
            ..form()
        };
        // Only the birth date is wrong; the detection is not also blamed for it.
        assert_eq!(errors(&f), vec![("birth_date", FieldError::DateInFuture)]);
    }

    #[test]
    fn the_estimated_age_is_a_whole_number_up_to_120() {
        for (raw, expected) in [("0", Some(0)), ("120", Some(120)), ("", None)] {
            let f = ReportForm {
                estimated_age: raw.into(),
                ..form()
            };
            assert_eq!(f.parse(TODAY, None).unwrap().person.estimated_age, expected);
        }
        for raw in ["121", "-1", "15.5", "петнаест", "300", "+5"] {
            let f = ReportForm {
                estimated_age: raw.into(),
                ..form()
            };
            assert_eq!(
                errors(&f),
                vec![("estimated_age", FieldError::Invalid)],
                "{raw}"
            );
        }
    }

    #[test]
    fn over_long_texts_are_refused_at_their_field() {
        let f = ReportForm {
            given_name: "ж".repeat(NAME_MAX + 1),
            family_name: "ж".repeat(NAME_MAX),
            narrative: "ж".repeat(NARRATIVE_MAX + 1),
            ..form()
        };
        assert_eq!(
            errors(&f),
            vec![
                ("given_name", FieldError::TooLong { max: NAME_MAX }),
                ("narrative", FieldError::TooLong { max: NARRATIVE_MAX }),
            ]
        );
        let f = ReportForm {
            narrative: "ж".repeat(NARRATIVE_MAX),
            ..form()
        };
        assert!(f.parse(TODAY, None).is_ok());
    }

    #[test]
    fn unknown_catalogue_codes_are_refused() {
        let f = ReportForm {
            reporter_kind: "journalist".into(),
            sex: "x".into(),
            exploitation_forms: vec!["sexual".into(), "smuggling".into()],
            indicators: vec!["edu-99".into()],
            ..form()
        };
        assert_eq!(
            f.parse(TODAY, Some(&catalogue()))
                .unwrap_err()
                .iter()
                .copied()
                .collect::<Vec<_>>(),
            vec![
                ("reporter_kind", FieldError::Unknown),
                ("sex", FieldError::Unknown),
                ("exploitation_forms", FieldError::Unknown),
                ("indicators", FieldError::Unknown),
            ]
        );
    }

    #[test]
    fn indicators_without_a_catalogue_are_refused() {
        let f = ReportForm {
            indicators: vec!["edu-01".into()],
            ..form()
        };
        assert_eq!(errors(&f), vec![("indicators", FieldError::Unknown)]);
        let screened_nothing = form().parse(TODAY, Some(&catalogue())).unwrap();
        assert_eq!(
            screened_nothing.screening.unwrap().present,
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_name_or_a_description_of_the_person_is_needed() {
        let f = ReportForm {
            given_name: "  ".into(),
            ..form()
        };
        assert_eq!(errors(&f), vec![("person", FieldError::Required)]);
        for f in [
            ReportForm {
                given_name: "".into(),
                description: "девојчица, око 14 година, црвена јакна".into(),
                ..form()
            },
            ReportForm {
                given_name: "".into(),
                other_names: "Маца".into(),
                ..form()
            },
            ReportForm {
                given_name: "".into(),
                family_name: "Петровић".into(),
                ..form()
            },
        ] {
            assert!(f.parse(TODAY, None).is_ok());
        }
    }

    #[test]
    fn citizenship_and_languages_are_codes() {
        let f = ReportForm {
            citizenship: "Serbia".into(),
            languages: "srpski".into(),
            ..form()
        };
        assert_eq!(
            errors(&f),
            vec![
                ("citizenship", FieldError::Invalid),
                ("languages", FieldError::Invalid)
            ]
        );
    }

    #[test]
    fn the_reporter_and_every_error_are_reported_together() {
        let f = ReportForm::default();
        let found = errors(&f);
        assert_eq!(
            found,
            vec![
                ("reporter_kind", FieldError::Unknown),
                ("detected_on", FieldError::Required),
                ("person", FieldError::Required),
            ]
        );
    }

    #[test]
    fn the_child_protocol_fires_for_the_box_and_for_the_dates() {
        let adult = form().parse(TODAY, None).unwrap();
        assert_eq!(adult.protection_need(TODAY), None);
        assert_eq!(adult.age_band(TODAY), AgeBand::Unknown);
        assert_eq!(adult.consent_needed_from(TODAY), ConsentGiver::Person);

        let ticked = ReportForm {
            may_be_child: Some("on".into()),
            birth_date: "1990-01-01".into(),
            ..form()
        };
        let d = ticked.parse(TODAY, None).unwrap();
        assert!(d.protection_need(TODAY).unwrap().is_child());
        assert_eq!(d.consent_needed_from(TODAY), ConsentGiver::Guardian);

        let by_birth = ReportForm {
            birth_date: "2012-06-01".into(),
            ..form()
        };
        let d = by_birth.parse(TODAY, None).unwrap();
        assert!(d.protection_need(TODAY).unwrap().is_child());

        let by_estimate = ReportForm {
            estimated_age: "16".into(),
            ..form()
        };
        let d = by_estimate.parse(TODAY, None).unwrap();
        assert!(d.protection_need(TODAY).is_some());

        let incapable = ReportForm {
            estimated_age: "40".into(),
            lacks_legal_capacity: Some("on".into()),
            ..form()
        };
        let d = incapable.parse(TODAY, None).unwrap();
        let need = d.protection_need(TODAY).unwrap();
        assert!(!need.is_child() && need.lacks_legal_capacity());
        assert_eq!(d.consent_needed_from(TODAY), ConsentGiver::Guardian);
    }

    #[test]
    fn control_characters_in_text_are_refused() {
        let f = ReportForm {
            narrative: "a\u{0}b".into(),
            ..form()
        };
        assert_eq!(errors(&f), vec![("narrative", FieldError::Invalid)]);
    }

    #[test]
    fn the_form_tells_a_child_before_it_is_valid() {
        assert!(!form().presumed_child(TODAY));
        let ticked = ReportForm {
            may_be_child: Some("on".into()),
            ..form()
        };
        assert!(ticked.presumed_child(TODAY));
        let young = ReportForm {
            birth_date: "2012-05-01".into(),
            ..form()
        };
        assert!(young.presumed_child(TODAY));
        let estimated = ReportForm {
            estimated_age: "15".into(),
            birth_date: "not a date".into(),
            ..form()
        };
        assert!(
            estimated.presumed_child(TODAY),
            "a bad date is ignored here"
        );
        let adult = ReportForm {
            estimated_age: "30".into(),
            ..form()
        };
        assert!(!adult.presumed_child(TODAY));
    }

    #[test]
    fn the_shown_list_is_read_from_its_sector_and_version() {
        let f = ReportForm {
            catalogue: "child/2026-1".into(),
            ..form()
        };
        assert_eq!(
            f.shown_catalogue(),
            Some((super::super::indicators::Sector::Child, "2026-1"))
        );
        for bad in ["", "child", "child/", "nowhere/1"] {
            let f = ReportForm {
                catalogue: bad.into(),
                ..form()
            };
            assert_eq!(f.shown_catalogue(), None, "{bad}");
        }
        assert!(!f.catalogue_was_chosen());
    }
}
