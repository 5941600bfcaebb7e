//! Pure types and rules of Spona. No IO, no async, no clock: time comes in as parameters.
#![forbid(unsafe_code)]

#[macro_use]
mod coded;

pub mod access;
pub mod accounts;
pub mod activities;
pub mod cases;
pub mod disclosure;
pub mod exchange;
pub mod ids;
pub mod local_time;
pub mod official_file;
pub mod outreach;
pub mod oversight;
pub mod plan;
pub mod practices;
pub mod registry;
pub mod reports;
pub mod retention;
pub mod script;
pub mod second_factor;
pub mod text;
pub mod trainings;
pub mod validation;
