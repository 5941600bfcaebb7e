//! Fuzz and property targets of the writers of lists and calendars: CSV, XLSX and
//! iCalendar, each read back by an independent reader. Bounded in `cargo test`; see the
//! README for longer runs.

#[path = "../../../../fuzz/harness.rs"]
mod harness;

mod cells;
mod csv;
mod ical;
mod xlsx;
