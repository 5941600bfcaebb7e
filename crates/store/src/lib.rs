//! Persistence over SQLite or PostgreSQL, chosen by URL at run time.
//!
//! Queries are written once with `$1` placeholders and run through sqlx's `Any` driver on
//! both engines; values are kept to the types both share (integers and text):
//! instants as Unix seconds, dates as ISO text, flags as 0/1. A repository never checks permissions:
//! that is the app layer's job.
#![forbid(unsafe_code)]

pub mod activities;
pub mod alerts;
pub mod assignments;
pub mod attachments;
pub mod audit;
pub mod audit_pruning;
pub mod backup;
pub mod cases;
pub mod catalogues;
pub mod challenges;
pub mod consents;
pub mod data_requests;
mod dates;
mod db;
pub mod deployment;
pub mod duplicates;
mod error;
pub mod exports;
pub mod files;
pub mod framework;
pub mod guidelines;
pub mod health;
pub mod history;
pub mod holds;
pub mod institutions;
pub mod integrity;
pub mod leases;
mod listing;
pub mod mail;
pub mod materials;
pub mod meetings;
pub mod members;
pub mod official_files;
pub mod outreach;
pub mod passkeys;
pub mod plans;
pub mod practices;
#[cfg(test)]
mod query_plans;
pub mod referral_messages;
pub mod referrals;
pub mod reports;
pub mod retention;
pub mod rotation;
pub mod second_factors;
pub mod services;
pub mod sessions;
mod start_lock;
pub mod statistics;
pub mod tasks;
pub mod teams;
pub mod throttle;
pub mod tokens;
pub mod trail;
pub mod trainings;
pub mod transfers;
pub mod upcoming;
pub mod url;
pub mod users;
pub mod venues;
pub mod volume;

pub use db::{Backend, Conn, Db, PoolSettings, Tx};
pub use start_lock::StartLock;
/// A connection of either engine; repositories take it, so they run inside or outside a transaction.
pub type Connection = sqlx::AnyConnection;
pub use error::StoreError;
pub use url::DatabaseUrl;

/// A page of results and the total they were taken from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
}
