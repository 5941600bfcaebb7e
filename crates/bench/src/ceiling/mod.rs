//! The ceiling: what this machine and database engine allow at best, measured by the same
//! load as Spona's pages against a minimal axum server with two routes, `GET /read` (one
//! indexed read) and `POST /insert` (one insert, committed and synced to disk). It runs in
//! this process on a runtime of two worker threads, as Spona's server does on two cores.

mod database;
mod server;

pub use database::{CeilingDb, Engine, ROWS, SCRATCH};
pub use server::{router, Ceiling};
