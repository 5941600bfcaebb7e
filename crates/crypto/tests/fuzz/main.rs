//! Fuzz and property targets of the crypto crate: the sealed-field codec and the audit chain's
//! links. Bounded in `cargo test`; see the README for longer runs.

#[path = "../../../../fuzz/harness.rs"]
mod harness;

mod audit_chain;
mod sealed_field;
