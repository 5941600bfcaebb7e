//! User data in the reader's script: Latin and English pages, exports, sign-in, search.

mod crawl;
mod exports;
mod forms;
mod history;
mod search;
mod sign_in;
pub(crate) mod visible;
