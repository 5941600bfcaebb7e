//! A person at a browser: signing in as the demo users do (password, then the authenticator's
//! code), and reading the pages for what a person would click: links, pagers, forms.

pub mod form;
pub mod html;
mod session;
pub mod totp;

pub use session::{said, Browser, Page, DEMO_PASSWORD};
