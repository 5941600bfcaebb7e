//! Reading a multipart form with one file: the file (its name and content) and the text
//! parts, the text parts and the file's name held to the rules of every form
//! (`shell::strict`). The token, the first part, was checked by the CSRF layer.

use super::strict::{self, Refusal};
use axum::extract::Multipart;
use std::collections::HashMap;

/// A multipart form as received.
#[derive(Default)]
pub struct Upload {
    /// The name the file had on the sender's machine.
    pub file_name: String,
    pub content: Vec<u8>,
    /// The text parts, by name.
    pub fields: HashMap<String, String>,
    /// The body could not be read whole (over the limit, or cut off).
    pub unreadable: bool,
}

impl Upload {
    /// A text part, or nothing.
    pub fn field(&self, name: &str) -> &str {
        self.fields
            .get(name)
            .map(String::as_str)
            .unwrap_or_default()
    }
}

/// Reads every part; the file is the part named `file`.
pub async fn read(mut multipart: Multipart) -> Result<Upload, Refusal> {
    let mut u = Upload::default();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(_) => {
                u.unreadable = true;
                break;
            }
        };
        let name = field.name().unwrap_or_default().to_string();
        if field.file_name().is_some() {
            if name == "file" {
                u.file_name = field.file_name().unwrap_or_default().to_string();
                strict::check("file", &u.file_name)?;
                match field.bytes().await {
                    Ok(b) => u.content = b.to_vec(),
                    Err(_) => u.unreadable = true,
                }
            }
            continue;
        }
        match field.bytes().await {
            Ok(b) => {
                let value = strict::text(&name, b.to_vec())?;
                u.fields.insert(name, value);
            }
            Err(_) => {
                u.unreadable = true;
                break;
            }
        }
    }
    Ok(u)
}
