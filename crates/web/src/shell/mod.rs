//! The frame around every page: middleware, layout, errors, assets, the home page.

pub mod assets;
pub mod chrome;
pub mod confirmed;
pub mod cookies;
pub mod csrf;
pub mod download;
pub mod errors;
pub mod form;
pub mod headers;
pub mod health;
pub mod home;
pub mod middleware;
pub mod pager;
pub mod render;
pub mod script;
pub mod sections;
pub mod strict;
pub mod tr;
pub mod upload;
pub mod viewer;
