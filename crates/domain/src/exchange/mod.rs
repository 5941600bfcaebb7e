//! Exchange of de-identified case data with national and international aggregation, in the
//! vocabulary of IOM's Human Trafficking Case Data Standard (HTCDS 2.0).

mod htcds;

pub use htcds::{anonymise, Anonymised, HtcdsRecord, HTCDS_FIELDS};
