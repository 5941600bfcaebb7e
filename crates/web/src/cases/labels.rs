//! Catalogue codes in words: every state, step, form of exploitation and the like has a
//! message named after its code, so the pages never show a code to a person.

use crate::shell::tr::Tr;
use spona_domain::cases::{
    CaseState, CaseTransition, IdentificationOutcome, LocalisedText, Part, Sector,
};
use spona_i18n::{Arg, Locale};

/// The message id of a catalogue value: `{prefix}-{code}`.
pub fn id(prefix: &str, code: &str) -> String {
    format!("{prefix}-{code}")
}

/// The value in words; an unknown code is shown as it is rather than hidden.
pub fn label(tr: &Tr, prefix: &str, code: &str) -> String {
    tr.t(&id(prefix, code))
}

/// A case's state in words.
pub fn state(tr: &Tr, s: CaseState) -> String {
    label(tr, "state", s.code())
}

/// A case's state in words, a closed case with the outcome it reached ("Closed: formally
/// identified"), so that closing does not hide how the case ended.
pub fn state_with_outcome(tr: &Tr, s: CaseState, outcome: Option<IdentificationOutcome>) -> String {
    match outcome {
        Some(o) if s.is_closed() => tr.with(
            "state-closed-with-outcome",
            &[("outcome", Arg::from(label(tr, "outcome", o.code())))],
        ),
        _ => state(tr, s),
    }
}

/// A step in words.
pub fn transition(tr: &Tr, t: CaseTransition) -> String {
    label(tr, "transition", t.code())
}

/// Parts of a record in words, joined.
pub fn parts(tr: &Tr, parts: &[Part]) -> String {
    parts
        .iter()
        .map(|p| label(tr, "part", p.code()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// System text kept in Cyrillic (case codes, institutions' short names) in the viewer's
/// script. Personal data is never transliterated: it is shown as it was typed.
pub fn in_script(tr: &Tr, cyrillic: &str) -> String {
    match tr.locale {
        Locale::SrCyrl => cyrillic.to_string(),
        _ => spona_domain::script::to_latin(cyrillic),
    }
}

/// A catalogue text (indicator, domain) in the viewer's language and script.
pub fn localised<'a>(tr: &Tr, text: &'a LocalisedText) -> &'a str {
    match tr.locale {
        Locale::SrCyrl => &text.sr_cyrl,
        Locale::SrLatn => &text.sr_latn,
        Locale::En => &text.en,
    }
}

/// A catalogue as a case keeps it (`sector/version`) in words: the sector's name and the
/// version; anything else as stored.
pub fn catalogue(tr: &Tr, kept: &str) -> String {
    match kept.split_once('/') {
        Some((sector, version)) if Sector::from_code(sector).is_some() => tr.with(
            "catalogue-named",
            &[
                ("sector", Arg::from(label(tr, "sector", sector))),
                ("version", Arg::from(version)),
            ],
        ),
        _ => kept.to_string(),
    }
}

/// A case code in the viewer's script, from its two stored forms.
pub fn code<'a>(tr: &Tr, cyrillic: &'a str, latin: &'a str) -> &'a str {
    match tr.locale {
        Locale::SrCyrl => cyrillic,
        _ if latin.is_empty() => cyrillic,
        _ => latin,
    }
}

#[cfg(test)]
mod tests {
    use super::id;
    use spona_domain::cases::{
        AgeBand, CaseState, CaseTransition, ExploitationForm, GuardianTask, Part, ReferralStatus,
        ReferralUrgency, ReporterKind, Sex,
    };
    use spona_i18n::Catalog;

    #[test]
    fn every_catalogue_value_of_a_case_has_a_name() {
        let catalog = Catalog::load().unwrap();
        let mut ids: Vec<String> = CaseState::ALL
            .iter()
            .map(|s| id("state", s.code()))
            .collect();
        ids.extend(
            CaseTransition::ALL
                .iter()
                .map(|t| id("transition", t.code())),
        );
        ids.extend(
            ExploitationForm::ALL
                .iter()
                .map(|f| id("exploitation", f.code())),
        );
        ids.extend(Sex::ALL.iter().map(|s| id("sex", s.code())));
        ids.extend(AgeBand::ALL.iter().map(|a| id("age-band", a.code())));
        ids.extend(
            ReporterKind::ALL
                .iter()
                .map(|k| id("reporter-kind", k.code())),
        );
        ids.extend(Part::ALL.iter().map(|p| id("part", p.code())));
        ids.extend(ReferralUrgency::ALL.iter().map(|u| id("urgency", u.code())));
        ids.extend(
            ReferralStatus::ALL
                .iter()
                .map(|s| id("referral-status", s.code())),
        );
        ids.extend(GuardianTask::ALL.iter().map(|t| id("task", t.code())));
        for id in ids {
            assert!(catalog.has(&id), "{id}");
        }
    }

    #[test]
    fn no_case_message_labels_a_person_a_victim() {
        let catalog = Catalog::load().unwrap();
        for id in catalog.ids() {
            for locale in spona_i18n::Locale::ALL {
                let text = catalog.text(locale, &id);
                if id.starts_with("state-")
                    || id.starts_with("transition-")
                    || id.starts_with("case-")
                    || id.starts_with("report-")
                    || id.starts_with("referral")
                    || id.starts_with("inbox-")
                {
                    assert!(
                        !spona_domain::cases::is_stigmatising(&text),
                        "{id} in {locale:?}: {text}"
                    );
                }
            }
        }
    }
}
