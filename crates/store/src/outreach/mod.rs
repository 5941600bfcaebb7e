//! What a team shows beyond itself: calendar feeds behind secret links and its public page.

pub mod feeds;
pub mod pages;
