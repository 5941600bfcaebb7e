//! The one decoder of form bodies and query strings. Unlike the usual decoders, which turn
//! bytes that are not UTF-8 into replacement characters and keep control characters, it
//! refuses: what a form sends is either kept exactly as typed, or not at all.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

use super::errors::{Failure, WebError};

/// The longest value any field may have, in bytes: four bytes for each character of the
/// longest text a form takes (10 000), and below the body limit, so that an over-long field
/// is named rather than the whole body refused. Each form keeps its own smaller limits.
pub const FIELD_MAX_BYTES: usize = 48 * 1024;

/// The longest field name: names are ours, and short.
const NAME_MAX_BYTES: usize = 256;

/// Why a body or a value is not kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not text (bytes that are not UTF-8), or a name no form of ours has: 400.
    Malformed,
    /// The value of the field holds a control character (other than a tab or a line end): 422.
    Character { field: String },
    /// The value of the field is longer than any field may be: 422.
    TooLong { field: String },
}

/// The name and value pairs of a body (`application/x-www-form-urlencoded`) or of a query
/// string, in order, repeated names included.
pub fn pairs(body: &[u8]) -> Result<Vec<(String, String)>, Refusal> {
    let mut pairs = Vec::new();
    for segment in body.split(|b| *b == b'&').filter(|s| !s.is_empty()) {
        let (name, value) = match segment.iter().position(|b| *b == b'=') {
            Some(i) => (&segment[..i], &segment[i + 1..]),
            None => (segment, &[][..]),
        };
        let name = String::from_utf8(percent_decode(name)).map_err(|_| Refusal::Malformed)?;
        if name.len() > NAME_MAX_BYTES || name.chars().any(char::is_control) {
            return Err(Refusal::Malformed);
        }
        let value = text(&name, percent_decode(value))?;
        pairs.push((name, value));
    }
    Ok(pairs)
}

/// The value of the first field called `name`, if there is one and it is text; the other
/// pairs are not looked at (the CSRF layer reads its token this way, and leaves the rest of
/// the body to the form's own decoding).
pub fn value_of(body: &[u8], name: &str) -> Option<String> {
    body.split(|b| *b == b'&').find_map(|segment| {
        let (n, v) = match segment.iter().position(|b| *b == b'=') {
            Some(i) => (&segment[..i], &segment[i + 1..]),
            None => (segment, &[][..]),
        };
        if percent_decode(n) != name.as_bytes() {
            return None;
        }
        String::from_utf8(percent_decode(v)).ok()
    })
}

/// The body decoded into the form `T`; repeated fields (a group of checkboxes) into a `Vec`.
pub fn form<T: DeserializeOwned>(body: &[u8]) -> Result<T, Refusal> {
    let pairs = pairs(body)?;
    // The checked pairs, written again as a body: encoding text and decoding it back is exact,
    // and serde_html_form is the decoder that knows how to fill a `Vec`.
    let clean = serde_urlencoded::to_string(&pairs).map_err(|_| Refusal::Malformed)?;
    serde_html_form::from_str(&clean).map_err(|_| Refusal::Malformed)
}

/// The value of the field `field` as text, if it may be kept.
pub fn text(field: &str, bytes: Vec<u8>) -> Result<String, Refusal> {
    let value = String::from_utf8(bytes).map_err(|_| Refusal::Malformed)?;
    check(field, &value)?;
    Ok(value)
}

/// Whether a value that is already text may be kept as the field `field`.
pub fn check(field: &str, value: &str) -> Result<(), Refusal> {
    if value.len() > FIELD_MAX_BYTES {
        return Err(Refusal::TooLong {
            field: field.to_string(),
        });
    }
    if has_control(value) {
        return Err(Refusal::Character {
            field: field.to_string(),
        });
    }
    Ok(())
}

/// A control character other than a tab, a line feed, or a carriage return that ends a line
/// (browsers send a text area's line ends as CR LF).
fn has_control(value: &str) -> bool {
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        let allowed = match c {
            '\t' | '\n' => true,
            '\r' => chars.peek() == Some(&'\n'),
            c => !c.is_control(),
        };
        if !allowed {
            return true;
        }
    }
    false
}

/// `+` as a space and `%XX` as its byte; a `%` not followed by two hex digits stays itself,
/// as browsers and the usual decoders have it.
fn percent_decode(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        match input[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let high = input.get(i + 1).and_then(|b| hex(*b));
                let low = input.get(i + 2).and_then(|b| hex(*b));
                match (high, low) {
                    (Some(h), Some(l)) => {
                        out.push(h << 4 | l);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    out
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// The layer that holds every query string (search boxes, filters, pages) to the same rules:
/// one that is not clean text is answered 400 before any handler reads it.
pub async fn clean_query(req: Request, next: Next) -> Response {
    if let Some(query) = req.uri().query() {
        if pairs(query.as_bytes()).is_err() {
            return WebError::Page(Failure::BadRequest).into_response();
        }
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    fn pair(n: &str, v: &str) -> (String, String) {
        (n.to_string(), v.to_string())
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused_not_replaced() {
        assert_eq!(pairs(b"given_name=%FF%FE"), Err(Refusal::Malformed));
        assert_eq!(pairs(b"given_name=\xff"), Err(Refusal::Malformed));
        assert_eq!(pairs(b"%C3=x"), Err(Refusal::Malformed));
        // A truncated character at the end of a value.
        assert_eq!(pairs(b"a=%D0%98%D0"), Err(Refusal::Malformed));
    }

    #[test]
    fn control_characters_are_refused_naming_the_field() {
        for body in [
            "note=a%01b",
            "note=%00",
            "note=%7F",
            "note=%C2%85",
            "note=a%1Bb",
            "note=line%0Dend",
        ] {
            assert_eq!(
                pairs(body.as_bytes()),
                Err(Refusal::Character {
                    field: "note".into()
                }),
                "{body}"
            );
        }
        assert_eq!(pairs(b"na%01me=x"), Err(Refusal::Malformed));
    }

    #[test]
    fn tabs_line_ends_and_serbian_text_are_kept() {
        let body = "given_name=%D0%88%D0%BE%D0%B2%D0%B0%D0%BD%D0%B0&note=a%0D%0Ab%0Ac%09d+e&x=%25&y=100%&z";
        assert_eq!(
            pairs(body.as_bytes()),
            Ok(vec![
                pair("given_name", "Јована"),
                pair("note", "a\r\nb\nc\td e"),
                pair("x", "%"),
                pair("y", "100%"),
                pair("z", ""),
            ])
        );
        assert_eq!(pairs(b"&&a=1&&"), Ok(vec![pair("a", "1")]));
        assert_eq!(
            pairs("a=Ђурђевак".as_bytes()),
            Ok(vec![pair("a", "Ђурђевак")])
        );
    }

    #[test]
    fn an_over_long_value_is_refused_naming_the_field() {
        let ok = format!("t={}", "a".repeat(FIELD_MAX_BYTES));
        assert!(pairs(ok.as_bytes()).is_ok());
        let long = format!("t={}", "a".repeat(FIELD_MAX_BYTES + 1));
        assert_eq!(
            pairs(long.as_bytes()),
            Err(Refusal::TooLong { field: "t".into() })
        );
        let name = format!("{}=1", "n".repeat(NAME_MAX_BYTES + 1));
        assert_eq!(pairs(name.as_bytes()), Err(Refusal::Malformed));
    }

    #[test]
    fn one_value_is_read_without_the_others() {
        assert_eq!(
            value_of(b"a=%FF&csrf=tok-en_1&csrf=x", "csrf"),
            Some("tok-en_1".into())
        );
        assert_eq!(value_of(b"a=1&csrff=x&xcsrf=y", "csrf"), None);
        assert_eq!(value_of(b"csrf", "csrf"), Some(String::new()));
    }

    #[derive(Deserialize, Debug, PartialEq)]
    struct Checks {
        #[serde(default)]
        title: String,
        #[serde(default)]
        audience: Vec<i64>,
        #[serde(default)]
        names: Vec<String>,
    }

    #[test]
    fn repeated_fields_still_fill_a_list() {
        let f: Checks =
            form(b"csrf=t&title=a+%26+b%3D&audience=3&audience=7&names=%D0%90&names=").unwrap();
        assert_eq!(
            f,
            Checks {
                title: "a & b=".into(),
                audience: vec![3, 7],
                names: vec!["А".into(), String::new()],
            }
        );
        assert_eq!(form::<Checks>(b"audience=x"), Err(Refusal::Malformed));
        assert_eq!(form::<Checks>(b"title=%FF"), Err(Refusal::Malformed));
    }
}
