//! A screening: which indicators of which catalogue version were observed for a person.
//!
//! A report keeps the sector and version it was screened with, so that later catalogue
//! versions never change what was recorded. A screening lists observations; it has no score,
//! and nothing in the system derives a label from it.

use super::indicators::{Indicator, IndicatorCatalogue, Sector};

/// The indicators observed, against one version of one sector's catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Screening {
    pub catalogue_sector: Sector,
    pub catalogue_version: String,
    /// Codes of the indicators present, once each, in catalogue order.
    pub present: Vec<String>,
}

/// Why a screening does not fit a catalogue.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScreeningError {
    /// A code that the catalogue does not have.
    #[error("indicator `{0}` is not in the catalogue")]
    UnknownIndicator(String),
    /// The screening was made with another catalogue or version.
    #[error("the screening was made with `{sector}` version `{version}`, not this catalogue")]
    OtherCatalogue { sector: Sector, version: String },
}

impl Screening {
    /// A screening with the observed indicators; unknown codes are refused. Repeated codes
    /// count once; the order is the catalogue's.
    pub fn new<S: AsRef<str>>(
        catalogue: &IndicatorCatalogue,
        present: &[S],
    ) -> Result<Screening, ScreeningError> {
        if let Some(unknown) = present
            .iter()
            .map(AsRef::as_ref)
            .find(|code| catalogue.get(code).is_none())
        {
            return Err(ScreeningError::UnknownIndicator(unknown.to_string()));
        }
        let present = catalogue
            .items
            .iter()
            .filter(|i| present.iter().any(|p| p.as_ref() == i.code))
            .map(|i| i.code.clone())
            .collect();
        Ok(Screening {
            catalogue_sector: catalogue.sector,
            catalogue_version: catalogue.version.clone(),
            present,
        })
    }

    /// Checks a stored screening against the catalogue it names.
    pub fn check_against(&self, catalogue: &IndicatorCatalogue) -> Result<(), ScreeningError> {
        if catalogue.sector != self.catalogue_sector || catalogue.version != self.catalogue_version
        {
            return Err(ScreeningError::OtherCatalogue {
                sector: self.catalogue_sector,
                version: self.catalogue_version.clone(),
            });
        }
        match self.present.iter().find(|c| catalogue.get(c).is_none()) {
            Some(unknown) => Err(ScreeningError::UnknownIndicator(unknown.clone())),
            None => Ok(()),
        }
    }

    /// The indicators present, with their texts, in catalogue order.
    pub fn indicators<'a>(&self, catalogue: &'a IndicatorCatalogue) -> Vec<&'a Indicator> {
        catalogue
            .items
            .iter()
            .filter(|i| self.present.contains(&i.code))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn catalogue() -> IndicatorCatalogue {
        IndicatorCatalogue::parse(
            "sector\tgeneral-adult\nversion\t2024\n\
domain\twork\tРад\tWork\n\
indicator\tga-01\twork\tНе може да напусти радно место\tCannot leave the workplace\n\
indicator\tga-02\twork\tДокументе држи неко други\tDocuments held by someone else\n\
indicator\tga-03\twork\tНе зна адресу\tDoes not know the address\n",
        )
        .unwrap()
    }

    #[test]
    fn a_screening_keeps_its_catalogue_version_and_catalogue_order() {
        let c = catalogue();
        let s = Screening::new(&c, &["ga-03", "ga-01", "ga-03"]).unwrap();
        assert_eq!(s.catalogue_sector, Sector::GeneralAdult);
        assert_eq!(s.catalogue_version, "2024");
        assert_eq!(s.present, vec!["ga-01", "ga-03"]);
        let texts: Vec<_> = s
            .indicators(&c)
            .iter()
            .map(|i| i.texts.en.as_str())
            .collect();
        assert_eq!(
            texts,
            vec!["Cannot leave the workplace", "Does not know the address"]
        );
        assert_eq!(s.check_against(&c), Ok(()));
    }

    #[test]
    fn a_screening_with_nothing_observed_is_still_a_screening() {
        let s = Screening::new::<&str>(&catalogue(), &[]).unwrap();
        assert!(s.present.is_empty());
    }

    #[test]
    fn unknown_indicators_are_refused() {
        assert_eq!(
            Screening::new(&catalogue(), &["ga-01", "ga-99"]),
            Err(ScreeningError::UnknownIndicator("ga-99".into()))
        );
    }

    #[test]
    fn a_screening_fits_only_its_own_catalogue_version() {
        let c = catalogue();
        let s = Screening::new(&c, &["ga-02"]).unwrap();
        let mut newer = c.clone();
        newer.version = "2025".into();
        assert_eq!(
            s.check_against(&newer),
            Err(ScreeningError::OtherCatalogue {
                sector: Sector::GeneralAdult,
                version: "2024".into()
            })
        );
        let mut tampered = s.clone();
        tampered.present.push("ga-42".into());
        assert_eq!(
            tampered.check_against(&c),
            Err(ScreeningError::UnknownIndicator("ga-42".into()))
        );
    }

    proptest! {
        #[test]
        fn a_screening_holds_exactly_the_known_codes_given(
            picks in proptest::collection::vec(prop_oneof![
                Just("ga-01"), Just("ga-02"), Just("ga-03"), Just("ga-04"), Just("")
            ], 0..8)
        ) {
            let c = catalogue();
            match Screening::new(&c, &picks) {
                Ok(s) => {
                    prop_assert!(picks.iter().all(|p| c.get(p).is_some()));
                    prop_assert!(s.present.iter().all(|p| picks.contains(&p.as_str())));
                    prop_assert!(picks.iter().all(|p| s.present.iter().any(|q| q == p)));
                    prop_assert_eq!(s.check_against(&c), Ok(()));
                }
                Err(ScreeningError::UnknownIndicator(code)) => {
                    prop_assert!(c.get(&code).is_none());
                }
                Err(e) => prop_assert!(false, "unexpected {e}"),
            }
        }
    }
}
