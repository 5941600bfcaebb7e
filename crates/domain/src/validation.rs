//! Field-level validation results, shown next to the field in the user's language.

/// Why one field was refused. The web layer turns it into a message in the user's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldError {
    Required,
    TooLong {
        max: usize,
    },
    TooShort {
        min: usize,
    },
    Length {
        min: usize,
        max: usize,
    },
    Invalid,
    InvalidDate,
    InvalidEmail,
    InvalidPhone,
    DateOrder,
    DateInFuture,
    Mismatch,
    Unknown,
    Taken,
    /// A file with nothing in it.
    FileEmpty,
    /// A file over the size limit.
    FileTooLarge,
    /// A file of a kind that is not accepted, or whose content does not match its name.
    FileKind,
    /// More than is in stock.
    BeyondStock,
    /// A date outside the period of the plan it belongs to.
    OutsidePlanPeriod,
    /// An objective that still has activities under it.
    ObjectiveHasActivities,
    /// A record that others link to (hand-outs of materials, a published good practice):
    /// deleting it would leave them pointing nowhere.
    StillLinked,
    /// A report whose period is not over yet cannot be submitted.
    PeriodNotOver,
    /// Well written, but naming no record (a case code of no case).
    NoSuchRecord,
}

impl FieldError {
    /// The message id that explains this error.
    pub fn message_id(self) -> &'static str {
        match self {
            FieldError::Required => "field-required",
            FieldError::TooLong { .. } => "field-too-long",
            FieldError::TooShort { .. } => "password-too-short",
            FieldError::Length { .. } => "field-length",
            FieldError::Invalid => "field-invalid",
            FieldError::InvalidDate => "field-invalid-date",
            FieldError::InvalidEmail => "field-invalid-email",
            FieldError::InvalidPhone => "field-invalid-phone",
            FieldError::DateOrder => "field-date-order",
            FieldError::DateInFuture => "field-date-future",
            FieldError::Mismatch => "password-mismatch",
            FieldError::Unknown => "field-unknown-choice",
            FieldError::NoSuchRecord => "field-no-such-record",
            FieldError::Taken => "field-taken",
            FieldError::FileEmpty => "field-file-empty",
            FieldError::FileTooLarge => "field-file-too-large",
            FieldError::FileKind => "field-file-kind",
            FieldError::BeyondStock => "field-beyond-stock",
            FieldError::OutsidePlanPeriod => "plan-deadline-outside-period",
            FieldError::ObjectiveHasActivities => "plan-objective-has-activities",
            FieldError::StillLinked => "field-still-linked",
            FieldError::PeriodNotOver => "periodic-period-not-over",
        }
    }

    /// The bounds its message names, by the message's variable names.
    pub fn message_args(self) -> Vec<(&'static str, i64)> {
        let n = |v: usize| i64::try_from(v).unwrap_or(i64::MAX);
        match self {
            FieldError::TooLong { max } => vec![("max", n(max))],
            FieldError::TooShort { min } => vec![("min", n(min))],
            FieldError::Length { min, max } => vec![("min", n(min)), ("max", n(max))],
            _ => Vec::new(),
        }
    }
}

/// The errors of a whole form, by field name, in the order found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldErrors(Vec<(&'static str, FieldError)>);

impl FieldErrors {
    /// No errors yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records an error for a field.
    pub fn add(&mut self, field: &'static str, error: FieldError) {
        self.0.push((field, error));
    }

    /// Records the error of a result, if any, and returns its value.
    pub fn check<T>(&mut self, field: &'static str, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.add(field, e);
                None
            }
        }
    }

    /// The first error of a field.
    pub fn get(&self, field: &str) -> Option<FieldError> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, e)| *e)
    }

    /// True when nothing was refused.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// All errors in order.
    pub fn iter(&self) -> impl Iterator<Item = &(&'static str, FieldError)> {
        self.0.iter()
    }

    /// Ok when empty, the errors otherwise.
    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}
