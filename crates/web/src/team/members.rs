//! (being written)
use crate::shell::errors::{Failure, WebError};
pub async fn list() -> WebError { WebError::Page(Failure::NotFound) }
pub async fn create() -> WebError { WebError::Page(Failure::NotFound) }
pub async fn new() -> WebError { WebError::Page(Failure::NotFound) }
pub async fn show() -> WebError { WebError::Page(Failure::NotFound) }
pub async fn update() -> WebError { WebError::Page(Failure::NotFound) }
pub async fn edit() -> WebError { WebError::Page(Failure::NotFound) }
pub async fn confirm_deactivate() -> WebError { WebError::Page(Failure::NotFound) }
pub async fn set_active() -> WebError { WebError::Page(Failure::NotFound) }
