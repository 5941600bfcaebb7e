//! Fuzz and property targets of the web layer: the strict decoder of form bodies and query
//! strings. Bounded in `cargo test`; see the README for longer runs.

#[path = "../../../../fuzz/harness.rs"]
mod harness;

mod strict;
