//! The pages measured: each as the person who uses it opens it, its address found the way
//! that person would find it (a link on a list, the pager, a form), never an id written in
//! advance; a page this data does not have is skipped, and says why.

mod catalogue;
mod forms;
mod people;
pub mod script;
mod unmeasured;

pub use catalogue::{discover, names, users_of, Target};
pub use people::People;
pub use unmeasured::Unmeasured;
