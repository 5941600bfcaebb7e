//! (being written)
use crate::shell::errors::{Failure, WebError};
pub async fn list() -> WebError { WebError::Page(Failure::NotFound) }
pub async fn show() -> WebError { WebError::Page(Failure::NotFound) }
pub async fn edit_founding() -> WebError { WebError::Page(Failure::NotFound) }
pub async fn save_founding() -> WebError { WebError::Page(Failure::NotFound) }
