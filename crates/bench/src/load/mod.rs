//! The load: a fixed number of keep-alive connections, each sending its next request as soon
//! as the last one is answered, on a runtime of its own with two worker threads, so that the
//! server under test and the load share the machine the same way for every target.

mod connection;
mod generator;
mod tally;
mod workload;

pub use generator::{Generator, Plan};
pub use tally::{Summary, Tally};
pub use workload::{Body, Request, Workload};
