//! The tabular model shared by the table formats (XLSX, CSV): columns with a header, and rows
//! of typed values. The caller has already gathered and translated everything; the formats
//! only decide how each kind of value is written.

use std::fmt;

use time::Date;

/// One cell of a row.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Text, written as text even when it looks like a number or a formula.
    Text(String),
    /// A whole number.
    Integer(i64),
    /// An exact decimal number (amounts, percentages), see [`Decimal`].
    Decimal(Decimal),
    /// A calendar date without a time of day.
    Date(Date),
    /// No value: an empty cell.
    Empty,
}

/// An exact decimal number: `units` × 10^(−`scale`), so 12.50 is `{ units: 1250, scale: 2 }`.
///
/// A scaled integer rather than `f64` so that what the caller computed is what the file says,
/// digit for digit ("0.1" never becomes "0.1000000000000000055"), and so that the number of
/// decimals shown is the caller's choice (12.50, not 12.5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    /// The number without its decimal point.
    pub units: i64,
    /// How many of the digits of `units` come after the decimal point.
    pub scale: u8,
}

impl Decimal {
    /// `units` × 10^(−`scale`).
    pub const fn new(units: i64, scale: u8) -> Self {
        Self { units, scale }
    }
}

impl fmt::Display for Decimal {
    /// Plain decimal notation with a point and exactly `scale` decimals: `-0.05`, `12.50`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.units.unsigned_abs().to_string();
        let scale = usize::from(self.scale);
        // At least one digit before the point: 5 with scale 2 is 0.05.
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (whole, fraction) = padded.split_at(padded.len() - scale);
        if self.units < 0 {
            f.write_str("-")?;
        }
        f.write_str(whole)?;
        if scale > 0 {
            write!(f, ".{fraction}")?;
        }
        Ok(())
    }
}

/// A column of a table.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The header, already in the reader's language and script.
    pub header: String,
    /// How wide the column should be, in characters of the default font; `None` lets the
    /// format choose (the XLSX writer fits the header). Formats without widths ignore it.
    pub width: Option<f64>,
}

impl Column {
    /// A column with this header and no width hint.
    pub fn new(header: impl Into<String>) -> Self {
        Self {
            header: header.into(),
            width: None,
        }
    }

    /// The same column, `width` characters wide.
    pub fn width(mut self, width: f64) -> Self {
        self.width = Some(width);
        self
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Self {
        Value::Text(text.to_owned())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Self {
        Value::Text(text)
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Self {
        Value::Integer(n)
    }
}

impl From<Decimal> for Value {
    fn from(d: Decimal) -> Self {
        Value::Decimal(d)
    }
}

impl From<Date> for Value {
    fn from(d: Date) -> Self {
        Value::Date(d)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    /// `None` is an empty cell.
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Empty, Into::into)
    }
}

/// The date in ISO 8601 extended form, `2026-03-12`; years before 1 get a sign (`-0044-03-15`)
/// as ISO 8601 writes them, rather than the misleading `-044` of plain padding.
pub(crate) fn iso_date(d: Date) -> String {
    let year = d.year();
    let sign = if year < 0 { "-" } else { "" };
    format!(
        "{sign}{:04}-{:02}-{:02}",
        year.unsigned_abs(),
        u8::from(d.month()),
        d.day()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn decimals_keep_their_scale_and_sign() {
        assert_eq!(Decimal::new(1250, 2).to_string(), "12.50");
        assert_eq!(Decimal::new(-5, 2).to_string(), "-0.05");
        assert_eq!(Decimal::new(5, 0).to_string(), "5");
        assert_eq!(Decimal::new(0, 3).to_string(), "0.000");
        assert_eq!(
            Decimal::new(i64::MIN, 4).to_string(),
            "-922337203685477.5808"
        );
    }

    #[test]
    fn iso_dates_pad_and_sign_the_year() {
        assert_eq!(iso_date(date!(2026 - 03 - 09)), "2026-03-09");
        assert_eq!(iso_date(date!(0012 - 01 - 01)), "0012-01-01");
        assert_eq!(iso_date(date!(-0044 - 03 - 15)), "-0044-03-15");
    }

    #[test]
    fn none_is_empty() {
        assert_eq!(Value::from(None::<i64>), Value::Empty);
        assert_eq!(Value::from(Some("а")), Value::Text("а".into()));
    }
}
