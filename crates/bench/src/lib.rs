//! spona-bench: Spona's pages under load on loopback, each measured against the ceiling of
//! the same machine and database engine (one indexed read, one fsync'd insert, served by a
//! minimal axum server), so that a number says how far the application is from what the
//! hardware allows rather than only how fast it is.

#![forbid(unsafe_code)]

pub mod browser;
pub mod ceiling;
pub mod checks;
pub mod load;
pub mod pages;
pub mod printout;
pub mod results;
pub mod run;
pub mod share;
pub mod spona;
