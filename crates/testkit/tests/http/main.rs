//! HTTP integration tests: the real app on a random port, a fresh database per test.

mod activities;
mod admin;
mod attachments;
mod cases;
mod csrf_layer;
mod damaged;
mod duplicates;
mod exports;
mod guidelines;
mod institutions;
mod language;
mod materials;
mod matrix;
mod meetings;
mod outreach;
mod plan;
mod practices;
mod protection;
mod reports;
mod roles;
mod security;
mod sign_in;
mod strict_input;
mod team;
mod trainings;
mod unavailable;
