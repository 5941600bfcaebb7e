//! Fuzz and property targets of the app: the forms as the web layer decodes them. Bounded in
//! `cargo test`; see the README for longer runs.

#[path = "../../../../fuzz/harness.rs"]
mod harness;

mod fields;
mod forms;
