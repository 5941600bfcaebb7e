//! The period a report covers: a calendar quarter or a whole year.

use time::{Date, Month};

/// A calendar quarter (1–4) or a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReportPeriod {
    Quarter { year: i32, quarter: u8 },
    Year { year: i32 },
}

/// Why a typed period was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error("not a period: expected 2026-Q3 or 2026")]
    Malformed,
    #[error("the year is out of range")]
    YearOutOfRange,
}

/// The letters that may mark a quarter: Latin Q, Serbian К (Cyrillic) and K (Latin).
const QUARTER_LETTERS: [char; 6] = ['Q', 'q', 'К', 'к', 'K', 'k'];

/// Reports start with the teams (Leskovac: 2013) and cannot be about a far future.
const FIRST_YEAR: i32 = 2000;
const LAST_YEAR: i32 = 2100;

impl ReportPeriod {
    /// Parses `2026-Q3` or `2026`; the quarter's letter may also be the Serbian one, Cyrillic
    /// `К` or its Latin `K` (for "квартал"), in either case.
    pub fn parse(raw: &str) -> Result<ReportPeriod, PeriodError> {
        let raw = raw.trim();
        let (year, quarter) = match raw.split_once(['-', ' ']) {
            Some((y, q)) => {
                let q = q.strip_prefix(QUARTER_LETTERS).unwrap_or(q);
                let q: u8 = q.parse().map_err(|_| PeriodError::Malformed)?;
                if !(1..=4).contains(&q) {
                    return Err(PeriodError::Malformed);
                }
                (y, Some(q))
            }
            None => (raw, None),
        };
        if year.len() != 4 || !year.chars().all(|c| c.is_ascii_digit()) {
            return Err(PeriodError::Malformed);
        }
        let year: i32 = year.parse().map_err(|_| PeriodError::Malformed)?;
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            return Err(PeriodError::YearOutOfRange);
        }
        Ok(match quarter {
            Some(quarter) => ReportPeriod::Quarter { year, quarter },
            None => ReportPeriod::Year { year },
        })
    }

    /// The code used in storage and URLs: `2026-Q3` or `2026`.
    pub fn code(self) -> String {
        match self {
            ReportPeriod::Quarter { year, quarter } => format!("{year}-Q{quarter}"),
            ReportPeriod::Year { year } => year.to_string(),
        }
    }

    /// The year the period is in.
    pub fn year(self) -> i32 {
        match self {
            ReportPeriod::Quarter { year, .. } | ReportPeriod::Year { year } => year,
        }
    }

    /// The quarter, for a quarterly period.
    pub fn quarter(self) -> Option<u8> {
        match self {
            ReportPeriod::Quarter { quarter, .. } => Some(quarter),
            ReportPeriod::Year { .. } => None,
        }
    }

    /// The first day of the period.
    pub fn first_day(self) -> Date {
        let (year, month) = match self {
            ReportPeriod::Quarter { year, quarter } => (year, 3 * (quarter - 1) + 1),
            ReportPeriod::Year { year } => (year, 1),
        };
        first_of(year, month)
    }

    /// The last day of the period.
    pub fn last_day(self) -> Date {
        let (year, next_month) = match self {
            ReportPeriod::Quarter { year, quarter: 4 } | ReportPeriod::Year { year } => {
                (year + 1, 1)
            }
            ReportPeriod::Quarter { year, quarter } => (year, 3 * quarter + 1),
        };
        first_of(year, next_month)
            .previous_day()
            .unwrap_or(Date::MIN)
    }

    /// Whether a day falls within the period.
    pub fn contains(self, day: Date) -> bool {
        self.first_day() <= day && day <= self.last_day()
    }

    /// Whether the period is over on `today` (only then can its report be submitted).
    pub fn ended_by(self, today: Date) -> bool {
        self.last_day() < today
    }

    /// The quarters of the period (itself for a quarter; the four for a year): the periods
    /// whose published figures add up to this one's.
    pub fn quarters(self) -> Vec<ReportPeriod> {
        match self {
            ReportPeriod::Quarter { .. } => vec![self],
            ReportPeriod::Year { year } => (1..=4)
                .map(|quarter| ReportPeriod::Quarter { year, quarter })
                .collect(),
        }
    }

    /// The quarter that holds `day`.
    pub fn quarter_of(day: Date) -> ReportPeriod {
        ReportPeriod::Quarter {
            year: day.year(),
            quarter: (u8::from(day.month()) - 1) / 3 + 1,
        }
    }
}

fn first_of(year: i32, month: u8) -> Date {
    let month = Month::try_from(month).unwrap_or(Month::January);
    Date::from_calendar_date(year, month, 1).unwrap_or(Date::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn quarters_and_years_have_their_days() {
        let q3 = ReportPeriod::parse("2026-Q3").unwrap();
        assert_eq!(q3.first_day(), date!(2026 - 07 - 01));
        assert_eq!(q3.last_day(), date!(2026 - 09 - 30));
        let q4 = ReportPeriod::parse("2026-q4").unwrap();
        assert_eq!(q4.last_day(), date!(2026 - 12 - 31));
        let y = ReportPeriod::parse("2024").unwrap();
        assert_eq!(
            (y.first_day(), y.last_day()),
            (date!(2024 - 01 - 01), date!(2024 - 12 - 31))
        );
        assert!(y.contains(date!(2024 - 02 - 29)));
        assert!(!q3.contains(date!(2026 - 10 - 01)));
        assert_eq!(y.quarters().len(), 4);
    }

    #[test]
    fn a_quarter_may_be_written_with_the_serbian_letter() {
        let q3 = ReportPeriod::Quarter {
            year: 2026,
            quarter: 3,
        };
        for written in ["2026-К3", "2026-к3", "2026-K3", "2026 к3", " 2026-Q3 "] {
            assert_eq!(ReportPeriod::parse(written), Ok(q3), "{written}");
        }
        assert_eq!(q3.code(), "2026-Q3", "stored and linked in one form");
    }

    #[test]
    fn malformed_periods_are_refused() {
        for bad in [
            "", "2026-Q5", "2026-Q0", "26-Q1", "2026-", "Q1-2026", "2026-Q1x", "2026-QQ3",
            "2026-Г3",
        ] {
            assert_eq!(
                ReportPeriod::parse(bad),
                Err(PeriodError::Malformed),
                "{bad}"
            );
        }
        assert_eq!(
            ReportPeriod::parse("1999"),
            Err(PeriodError::YearOutOfRange)
        );
    }

    #[test]
    fn a_period_ends_the_day_after_its_last_day() {
        let q1 = ReportPeriod::parse("2026-Q1").unwrap();
        assert!(!q1.ended_by(date!(2026 - 03 - 31)));
        assert!(q1.ended_by(date!(2026 - 04 - 01)));
    }

    proptest! {
        #[test]
        fn every_day_is_in_exactly_one_quarter_and_codes_parse_back(
            year in 2000i32..2100, ordinal in 1u16..=365
        ) {
            let day = Date::from_ordinal_date(year, ordinal).unwrap();
            let q = ReportPeriod::quarter_of(day);
            prop_assert!(q.contains(day));
            let containing = ReportPeriod::Year { year }
                .quarters()
                .into_iter()
                .filter(|p| p.contains(day))
                .count();
            prop_assert_eq!(containing, 1);
            prop_assert_eq!(ReportPeriod::parse(&q.code()), Ok(q));
        }
    }
}
