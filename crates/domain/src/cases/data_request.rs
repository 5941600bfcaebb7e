//! Requests of a person about their data in a case (Law on Personal Data Protection, ZZPL):
//! rectification, restriction of processing, erasure. The case's owner records each with the
//! date it came in, answers it within [`ANSWER_DAYS`] and records the outcome. The law's text
//! stays out of the code: the kinds carry only the articles their labels name.

use crate::validation::FieldError;
use time::{Date, Duration};

/// Days the controller has to answer a request, counted from the day it came in (ZZPL
/// art. 21: "without delay, and at the latest within 30 days").
pub const ANSWER_DAYS: i64 = 30;

coded_enum! {
    /// What the person asks for.
    pub enum RequestKind {
        /// Correct or complete their data (ZZPL art. 29).
        Rectification => "rectification",
        /// Restrict the processing of their data (art. 31).
        Restriction => "restriction",
        /// Erase their data (art. 30); granted, the case's personal data is destroyed.
        Erasure => "erasure",
    }
}

coded_enum! {
    /// How a request was answered.
    pub enum RequestOutcome {
        Granted => "granted",
        PartlyGranted => "partly-granted",
        Refused => "refused",
    }
}

/// The last day to answer a request received on `received`.
pub fn answer_deadline(received: Date) -> Date {
    received.saturating_add(Duration::days(ANSWER_DAYS))
}

/// An open request is overdue once its deadline has passed.
pub fn request_overdue(received: Date, today: Date) -> bool {
    today > answer_deadline(received)
}

/// The day a request came in: a date, not in the future.
pub fn received_on(raw: &str, today: Date) -> Result<Date, FieldError> {
    let date = crate::text::date(raw)?;
    if date > today {
        return Err(FieldError::DateInFuture);
    }
    Ok(date)
}

/// The day a request was decided: not before it came in, not in the future.
pub fn decided_on(raw: &str, received: Date, today: Date) -> Result<Date, FieldError> {
    let date = received_on(raw, today)?;
    if date < received {
        return Err(FieldError::DateOrder);
    }
    Ok(date)
}

/// A refusal, whole or in part, says why; a grant may.
pub fn reason_required(outcome: RequestOutcome) -> bool {
    outcome != RequestOutcome::Granted
}

/// The outcome a form may record directly: a granted erasure is recorded only together with
/// the erasure itself, on its own confirmed page.
pub fn outcome_by_form(kind: RequestKind, outcome: RequestOutcome) -> Result<(), FieldError> {
    if kind == RequestKind::Erasure && outcome == RequestOutcome::Granted {
        return Err(FieldError::Invalid);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_deadline_is_thirty_days_after_receipt_and_overdue_the_day_after() {
        let received = date!(2026 - 12 - 05);
        assert_eq!(answer_deadline(received), date!(2027 - 01 - 04));
        assert!(!request_overdue(received, date!(2027 - 01 - 04)));
        assert!(request_overdue(received, date!(2027 - 01 - 05)));
    }

    #[test]
    fn a_receipt_date_in_the_future_is_refused() {
        let today = date!(2026 - 12 - 05);
        assert_eq!(received_on("2026-12-05", today), Ok(today));
        assert_eq!(
            received_on("2026-12-06", today),
            Err(FieldError::DateInFuture)
        );
        assert_eq!(received_on("", today), Err(FieldError::Required));
        let received = date!(2026 - 12 - 01);
        assert_eq!(
            decided_on("2026-11-30", received, today),
            Err(FieldError::DateOrder)
        );
        assert_eq!(decided_on("2026-12-01", received, today), Ok(received));
    }

    #[test]
    fn only_the_erasure_page_grants_an_erasure() {
        assert!(outcome_by_form(RequestKind::Erasure, RequestOutcome::Granted).is_err());
        assert!(outcome_by_form(RequestKind::Erasure, RequestOutcome::Refused).is_ok());
        assert!(outcome_by_form(RequestKind::Rectification, RequestOutcome::Granted).is_ok());
    }
}
