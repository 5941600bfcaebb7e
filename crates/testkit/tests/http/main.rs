//! HTTP integration tests: the real app on a random port, a fresh database per test.

mod activities;
mod admin;
mod attachments;
mod cases;
mod damaged;
mod duplicates;
mod exports;
mod guidelines;
mod institutions;
mod language;
mod materials;
mod meetings;
mod outreach;
mod plan;
mod practices;
mod protection;
mod reports;
mod roles;
mod security;
mod sign_in;
mod team;
mod trainings;
mod unavailable;
