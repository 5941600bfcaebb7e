//! The Fluent sources of each locale, embedded at compile time by `build.rs`.

include!(concat!(env!("OUT_DIR"), "/sources.rs"));
