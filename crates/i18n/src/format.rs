//! Dates, times and numbers written the way each locale's readers expect.

use time::{Date, Month, OffsetDateTime};

use crate::Locale;

/// A calendar date: "05.03.2013." in Serbian (day and month padded, as on Serbian forms and as
/// the date fields accept it back), "5 Mar 2013" in English (unambiguous for any reader).
pub fn format_date(locale: Locale, date: Date) -> String {
    match locale {
        Locale::SrCyrl | Locale::SrLatn => format!(
            "{:02}.{:02}.{}.",
            date.day(),
            u8::from(date.month()),
            date.year()
        ),
        Locale::En => format!(
            "{} {} {}",
            date.day(),
            english_month(date.month()),
            date.year()
        ),
    }
}

/// A moment to the minute in the offset it carries (convert to local time first):
/// "05.03.2013. 14:05" in Serbian, "5 Mar 2013, 14:05" in English.
pub fn format_datetime(locale: Locale, dt: OffsetDateTime) -> String {
    let date = format_date(locale, dt.date());
    let separator = match locale {
        Locale::SrCyrl | Locale::SrLatn => " ",
        Locale::En => ", ",
    };
    format!("{date}{separator}{:02}:{:02}", dt.hour(), dt.minute())
}

/// An integer with thousands grouped: "1.234.567" in Serbian, "1,234,567" in English.
pub fn format_number(locale: Locale, n: i64) -> String {
    let separator = match locale {
        Locale::SrCyrl | Locale::SrLatn => '.',
        Locale::En => ',',
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    // The first group holds 1 to 3 digits, every later one exactly 3.
    let mut left_in_group = match digits.len() % 3 {
        0 => 3,
        r => r,
    };
    for digit in digits.chars() {
        if left_in_group == 0 {
            out.push(separator);
            left_in_group = 3;
        }
        out.push(digit);
        left_in_group -= 1;
    }
    out
}

/// A decimal number given as `units` of 10^-`scale` (150 and 2 for 1.5), written with the
/// locale's decimal sign and grouping and without trailing zeros: "1.234,5" and "6" in
/// Serbian, "1,234.5" in English. Whole amounts carry no ",0", as Serbian forms write them.
pub fn format_decimal(locale: Locale, units: i64, scale: u32) -> String {
    let (whole, fraction) = decimal_parts(units, scale);
    let mut out = String::new();
    if units < 0 && whole == 0 {
        out.push('-');
    }
    out.push_str(&format_number(locale, whole));
    if !fraction.is_empty() {
        out.push(match locale {
            Locale::SrCyrl | Locale::SrLatn => ',',
            Locale::En => '.',
        });
        out.push_str(&fraction);
    }
    out
}

/// The whole part (with its sign) and the fraction digits without trailing zeros.
pub(crate) fn decimal_parts(units: i64, scale: u32) -> (i64, String) {
    let Some(divisor) = 10_i64.checked_pow(scale) else {
        return (units, String::new());
    };
    let whole = units / divisor;
    let fraction = (units % divisor).unsigned_abs();
    let digits = format!("{fraction:0width$}", width = scale as usize);
    (whole, digits.trim_end_matches('0').to_string())
}

fn english_month(month: Month) -> &'static str {
    match month {
        Month::January => "Jan",
        Month::February => "Feb",
        Month::March => "Mar",
        Month::April => "Apr",
        Month::May => "May",
        Month::June => "Jun",
        Month::July => "Jul",
        Month::August => "Aug",
        Month::September => "Sep",
        Month::October => "Oct",
        Month::November => "Nov",
        Month::December => "Dec",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn dates_per_locale() {
        let d = date!(2013 - 11 - 30);
        assert_eq!(format_date(Locale::SrCyrl, d), "30.11.2013.");
        assert_eq!(format_date(Locale::SrLatn, d), "30.11.2013.");
        assert_eq!(format_date(Locale::En, d), "30 Nov 2013");
        let early = date!(2024 - 03 - 05);
        assert_eq!(format_date(Locale::SrCyrl, early), "05.03.2024.");
        assert_eq!(format_date(Locale::En, early), "5 Mar 2024");
    }

    #[test]
    fn date_times_per_locale_keep_their_offset() {
        let dt = datetime!(2013-11-30 14:05:59 +01:00);
        assert_eq!(format_datetime(Locale::SrCyrl, dt), "30.11.2013. 14:05");
        assert_eq!(format_datetime(Locale::SrLatn, dt), "30.11.2013. 14:05");
        assert_eq!(format_datetime(Locale::En, dt), "30 Nov 2013, 14:05");
        let morning = datetime!(2024-01-02 07:09 UTC);
        assert_eq!(
            format_datetime(Locale::SrCyrl, morning),
            "02.01.2024. 07:09"
        );
    }

    #[test]
    fn decimals_per_locale_without_needless_zeros() {
        assert_eq!(format_decimal(Locale::SrCyrl, 250, 2), "2,5");
        assert_eq!(format_decimal(Locale::SrLatn, 250, 2), "2,5");
        assert_eq!(format_decimal(Locale::En, 250, 2), "2.5");
        assert_eq!(format_decimal(Locale::SrCyrl, 600, 2), "6");
        assert_eq!(format_decimal(Locale::SrCyrl, 0, 1), "0");
        assert_eq!(format_decimal(Locale::SrCyrl, 125, 2), "1,25");
        assert_eq!(format_decimal(Locale::SrCyrl, 5, 2), "0,05");
        assert_eq!(format_decimal(Locale::SrCyrl, 1_234_567, 1), "123.456,7");
        assert_eq!(format_decimal(Locale::En, 1_234_567, 1), "123,456.7");
        assert_eq!(format_decimal(Locale::SrCyrl, -25, 1), "-2,5");
        assert_eq!(format_decimal(Locale::SrCyrl, -5, 1), "-0,5");
        assert_eq!(format_decimal(Locale::En, 42, 0), "42");
    }

    #[test]
    fn numbers_per_locale() {
        assert_eq!(format_number(Locale::SrCyrl, 1_234_567), "1.234.567");
        assert_eq!(format_number(Locale::SrLatn, 1_234_567), "1.234.567");
        assert_eq!(format_number(Locale::En, 1_234_567), "1,234,567");
        assert_eq!(format_number(Locale::SrCyrl, 0), "0");
        assert_eq!(format_number(Locale::SrCyrl, 999), "999");
        assert_eq!(format_number(Locale::SrCyrl, 1000), "1.000");
        assert_eq!(format_number(Locale::En, 100_000), "100,000");
        assert_eq!(format_number(Locale::SrCyrl, -1_234), "-1.234");
        assert_eq!(format_number(Locale::En, -999), "-999");
        assert_eq!(
            format_number(Locale::En, i64::MIN),
            "-9,223,372,036,854,775,808"
        );
    }
}
