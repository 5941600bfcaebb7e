//! Fuzz and property targets of the domain: transliteration and folding, and the indicator
//! catalogue parser. Bounded in `cargo test`; see the README for longer runs.

#[path = "../../../../fuzz/harness.rs"]
mod harness;

mod catalogue;
mod script;
