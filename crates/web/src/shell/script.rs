//! User data in the reader's script: the one place where a Latin or English page is made to
//! show no Cyrillic. Messages come from the catalog in the reader's script already; what is
//! left is what people typed (names, titles, minutes, notes), stored as typed, usually in
//! Cyrillic. Rather than remember a filter at every place a template prints such a value,
//! this layer rewrites the finished page: every text node, and the attributes a reader sees
//! or hears (`title`, `placeholder`, …), go through `to_latin`, which is lossless.
//!
//! What stays as typed: the content of `<textarea>` and every value attribute (so an edit
//! form holds the stored value and saving it unchanged changes nothing), scripts and styles,
//! and elements marked `lang="sr-Cyrl"` (the language switcher's "Српски (ћирилица)"). A
//! marked element must be closed explicitly; templates always do.
//!
//! The page is rewritten whole: askama renders it into one string anyway, so nothing streams
//! that buffering would hold back. It happens before compression (this layer sits inside the
//! compression layer) and the new body carries its own length.

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use lol_html::html_content::{Element, TextChunk, TextType};
use lol_html::{doc_text, element, end_tag, HandlerResult, RewriteStrSettings};
use spona_domain::script::to_latin;
use spona_i18n::Locale;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// The reader's locale, put on the response by the middleware that resolved the viewer.
#[derive(Clone, Copy, Debug)]
pub struct ReaderLocale(pub Locale);

/// The largest page rewritten; pages are tens of kilobytes, so this is only a bound.
const PAGE_LIMIT: usize = 16 * 1024 * 1024;

/// Attributes whose value is shown or read out to the reader (`data-label` is drawn by the
/// style sheet in narrow tables). Values that are sent back (`value`) are not among them.
const VISIBLE_ATTRIBUTES: [&str; 7] = [
    "title",
    "alt",
    "placeholder",
    "aria-label",
    "aria-description",
    "label",
    "data-label",
];

/// What is kept as typed: text areas (their content is the stored value) and elements marked
/// as Cyrillic.
const KEPT: &str = r#"textarea, [lang|="sr-Cyrl"]"#;

/// Whether a reader of `locale` is shown user data in Latin.
pub fn reads_latin(locale: Locale) -> bool {
    match locale {
        Locale::SrCyrl => false,
        Locale::SrLatn | Locale::En => true,
    }
}

/// The layer: HTML answers to a Latin or English reader are rewritten into Latin.
pub async fn latin_pages(req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    let latin = res
        .extensions()
        .get::<ReaderLocale>()
        .is_some_and(|l| reads_latin(l.0));
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !latin || !html {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let bytes = match to_bytes(body, PAGE_LIMIT).await {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "page too large or unreadable for the Latin rewrite");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let page = match std::str::from_utf8(&bytes) {
        Ok(p) => p,
        // Not text: nothing to transliterate.
        Err(_) => return Response::from_parts(parts, Body::from(bytes)),
    };
    match latin_html(page) {
        Ok(rewritten) => {
            parts.headers.remove(header::CONTENT_LENGTH);
            Response::from_parts(parts, Body::from(rewritten))
        }
        Err(e) => {
            // Never show the page half-rewritten, nor in the wrong script silently.
            tracing::error!(error = %e, "Latin rewrite of a page failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The page with its text and visible attributes in Latin, but for what is kept as typed.
pub fn latin_html(page: &str) -> Result<String, lol_html::errors::RewritingError> {
    // How many kept elements the current text lies in, and the text node read so far (a node
    // may come in several chunks, and a capital digraph's spelling depends on its neighbours).
    let kept = Rc::new(Cell::new(0usize));
    let pending = RefCell::new(String::new());
    let entering = kept.clone();
    lol_html::rewrite_str(
        page,
        RewriteStrSettings::new()
            // Before the kept element is entered, so a text area's own label is rewritten.
            .append_element_content_handler(element!("*", |el: &mut Element| {
                visible_attributes(el, &kept)
            }))
            .append_element_content_handler(element!(KEPT, move |el: &mut Element| {
                if el.can_have_content() {
                    entering.set(entering.get() + 1);
                    let leaving = entering.clone();
                    el.on_end_tag(end_tag!(move |_| {
                        leaving.set(leaving.get().saturating_sub(1));
                        Ok(())
                    }))?;
                }
                Ok(())
            }))
            .append_document_content_handler(doc_text!(|t: &mut TextChunk| text(
                t, &kept, &pending
            ))),
    )
}

/// Rewrites the visible attributes of an element outside the kept ones (reading the
/// attributes once: asking for each name in turn costs twice the whole rewrite).
fn visible_attributes(el: &mut Element, kept: &Cell<usize>) -> HandlerResult {
    if kept.get() > 0 {
        return Ok(());
    }
    let mut latin = Vec::new();
    for a in el.attributes() {
        let name = a.name();
        if name == "lang" && is_kept_lang(Some(a.value())) {
            return Ok(());
        }
        if VISIBLE_ATTRIBUTES.contains(&name.as_str()) {
            let value = a.value();
            if has_cyrillic(&value) {
                latin.push((name, to_latin(&value)));
            }
        }
    }
    for (name, value) in latin {
        el.set_attribute(&name, &value)?;
    }
    Ok(())
}

fn is_kept_lang(lang: Option<String>) -> bool {
    lang.is_some_and(|l| l == "sr-Cyrl" || l.starts_with("sr-Cyrl-"))
}

/// Rewrites one chunk of text: held back until its node is complete, then written in Latin.
fn text(t: &mut TextChunk, kept: &Cell<usize>, pending: &RefCell<String>) -> HandlerResult {
    let as_typed = kept.get() > 0
        || matches!(
            t.text_type(),
            TextType::RawText | TextType::ScriptData | TextType::PlainText
        );
    if as_typed {
        return Ok(());
    }
    let mut node = pending.borrow_mut();
    node.push_str(t.as_str());
    if t.last_in_text_node() {
        let whole = std::mem::take(&mut *node);
        t.set_str(if has_cyrillic(&whole) {
            to_latin(&whole)
        } else {
            whole
        });
    } else {
        t.set_str(String::new());
    }
    Ok(())
}

/// Whether a text holds a Cyrillic letter (the block U+0400–U+04FF).
pub fn has_cyrillic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_visible_attributes_become_latin() {
        let page = r#"<p title="Весна">Пријављени сте као Весна Јовановић</p><img alt="Љиљана">"#;
        assert_eq!(
            latin_html(page).unwrap(),
            r#"<p title="Vesna">Prijavljeni ste kao Vesna Jovanović</p><img alt="Ljiljana">"#
        );
    }

    #[test]
    fn values_text_areas_and_marked_elements_stay_as_typed() {
        let page = concat!(
            r#"<input name="n" value="Весна"><textarea>Записник</textarea>"#,
            r#"<button lang="sr-Cyrl" title="Ћирилица">Српски (ћирилица)</button>"#,
            r#"<option value="Ниш">Ниш</option><script>var a="ш";</script>"#,
        );
        assert_eq!(
            latin_html(page).unwrap(),
            concat!(
                r#"<input name="n" value="Весна"><textarea>Записник</textarea>"#,
                r#"<button lang="sr-Cyrl" title="Ћирилица">Српски (ћирилица)</button>"#,
                r#"<option value="Ниш">Niš</option><script>var a="ш";</script>"#,
            )
        );
    }

    #[test]
    fn text_after_a_kept_element_is_rewritten_again() {
        let page = "<div><span lang=\"sr-Cyrl\">Ћ<b>Ђ</b></span>Ђ</div><textarea>Ж</textarea>Ж";
        assert_eq!(
            latin_html(page).unwrap(),
            "<div><span lang=\"sr-Cyrl\">Ћ<b>Ђ</b></span>Đ</div><textarea>Ж</textarea>Ž"
        );
    }

    #[test]
    fn capital_digraphs_follow_the_whole_word_and_entities_survive() {
        assert_eq!(
            latin_html("<h1>ЉУБАВ &amp; Љубав &lt;Џ&gt;</h1>").unwrap(),
            "<h1>LJUBAV &amp; Ljubav &lt;Dž&gt;</h1>"
        );
    }

    #[test]
    fn quotes_in_attributes_stay_escaped() {
        assert_eq!(
            latin_html(r#"<a title="&#34;Ђ&#34; и &quot;x&quot;">x</a>"#).unwrap(),
            r#"<a title="&#34;Đ&#34; i &quot;x&quot;">x</a>"#
        );
    }
}
