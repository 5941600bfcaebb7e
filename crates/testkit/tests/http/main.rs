//! HTTP integration tests: the real app on a random port, a fresh database per test.

mod admin;
mod attachments;
mod cases;
mod duplicates;
mod institutions;
mod language;
mod protection;
mod roles;
mod security;
mod sign_in;
mod team;
mod trainings;
