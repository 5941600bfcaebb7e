//! One virtual user: a keep-alive HTTP/1.1 connection that sends its next request as soon as
//! the last answer is read in full, reconnecting when the server closes it.

use super::tally::Tally;
use super::workload::{Request, Workload};
use anyhow::Result;
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::{self, SendRequest};
use hyper::header;
use hyper::Method;
use hyper_util::rt::TokioIo;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::net::TcpStream;

/// An answer slower than this counts as none.
const ANSWER_LIMIT: Duration = Duration::from_secs(30);

/// When answers start to count, and when no more requests are sent.
#[derive(Clone, Copy, Debug)]
pub(super) struct Window {
    pub counted_from: Instant,
    pub until: Instant,
}

/// What every connection of a load shares.
#[derive(Clone)]
pub(super) struct Target {
    pub addr: SocketAddr,
    pub workload: Workload,
    /// Numbers the forms' bodies across all connections.
    pub sequence: Arc<AtomicU64>,
}

/// Sends the workload's requests from position `start` on until the window closes; only
/// requests sent within the window are counted.
pub(super) async fn drive(target: Target, start: usize, window: Window) -> Result<Tally> {
    let mut tally = Tally::new()?;
    let host = target.addr.to_string();
    let mut next = start;
    let mut open: Option<SendRequest<Full<Bytes>>> = None;
    while Instant::now() < window.until {
        let Some(request) = target.workload.at(next) else {
            break;
        };
        let mut sender = match open.take() {
            Some(s) if !s.is_closed() => s,
            _ => match connect(target.addr).await {
                Ok(s) => s,
                Err(e) => {
                    if Instant::now() >= window.counted_from {
                        tally.failure(&format!("cannot connect: {e}"), &request.path);
                    }
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            },
        };
        // A connection the server closed since its last answer is not this request's fault.
        if sender.ready().await.is_err() {
            continue;
        }
        next += 1;
        let n = target.sequence.fetch_add(1, Ordering::Relaxed);
        let sent = Instant::now();
        let answer = tokio::time::timeout(ANSWER_LIMIT, exchange(&mut sender, request, &host, n));
        let outcome = answer.await;
        let counted = sent >= window.counted_from;
        match outcome {
            Ok(Ok(status)) => {
                if counted {
                    tally.answer(status, sent.elapsed(), &request.path);
                }
                open = Some(sender);
            }
            Ok(Err(e)) if counted => tally.failure(&e.to_string(), &request.path),
            Err(_) if counted => tally.failure("timed out", &request.path),
            _ => {}
        }
    }
    Ok(tally)
}

/// A new connection, its protocol driven by a task of its own.
async fn connect(addr: SocketAddr) -> Result<SendRequest<Full<Bytes>>> {
    let stream = TcpStream::connect(addr).await?;
    stream.set_nodelay(true)?;
    let (sender, connection) = http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(async move {
        // Ends when either side closes; a broken connection shows in the next request.
        let _ = connection.await;
    });
    Ok(sender)
}

/// Sends one request and reads its answer in full; its status.
async fn exchange(
    sender: &mut SendRequest<Full<Bytes>>,
    request: &Request,
    host: &str,
    n: u64,
) -> Result<u16> {
    let answer = sender.send_request(http_request(request, host, n)?).await?;
    let status = answer.status().as_u16();
    answer.into_body().collect().await?;
    Ok(status)
}

/// The request as a browser sends it: compressed answers accepted, the session's cookie,
/// and for a form the headers that show it comes from one of the site's own pages.
pub(super) fn http_request(
    request: &Request,
    host: &str,
    n: u64,
) -> Result<hyper::Request<Full<Bytes>>> {
    let mut builder = hyper::Request::builder()
        .uri(request.path.as_str())
        .header(header::HOST, host)
        .header(header::USER_AGENT, "spona-bench")
        .header(header::ACCEPT, "text/html")
        .header(header::ACCEPT_ENCODING, "gzip");
    if let Some(cookie) = &request.cookie {
        builder = builder.header(header::COOKIE, cookie.as_str());
    }
    let request = match &request.form {
        None => builder.method(Method::GET).body(Full::new(Bytes::new()))?,
        Some(body) => builder
            .method(Method::POST)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ORIGIN, format!("http://{host}"))
            .header("sec-fetch-site", "same-origin")
            .body(Full::new(Bytes::from(body.text(n))))?,
    };
    Ok(request)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Body;

    #[test]
    fn a_form_is_posted_with_its_origin_and_a_page_is_got_with_the_cookie() {
        let get = Request::get("/cases?page=2", Some("spona_session=t"));
        let r = http_request(&get, "127.0.0.1:9", 0).unwrap();
        assert_eq!(r.method(), Method::GET);
        assert_eq!(r.uri(), "/cases?page=2");
        assert_eq!(r.headers()[header::COOKIE], "spona_session=t");
        assert_eq!(r.headers()[header::HOST], "127.0.0.1:9");
        assert!(r.headers().get(header::ORIGIN).is_none());

        let form = Body::Numbered {
            form: "csrf=x&name=N".into(),
            mark: "N".into(),
        };
        let post = Request::post("/cases", Some("spona_session=t"), form);
        let r = http_request(&post, "127.0.0.1:9", 1).unwrap();
        assert_eq!(r.method(), Method::POST);
        assert_eq!(r.headers()[header::ORIGIN], "http://127.0.0.1:9");
        assert_eq!(
            r.headers()[header::CONTENT_TYPE],
            "application/x-www-form-urlencoded"
        );
    }
}
