//! The HTTP server loop: connections accepted up to a bound, each with a deadline for its
//! request headers, served by the router, and closed at shutdown as soon as they carry no
//! request. `axum::serve` has neither a header deadline nor a bound, so a client that never
//! finished its headers held a connection, and the shutdown, for as long as it liked.

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, Response};
use axum::Router;
use http_body_util::BodyExt;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, OwnedSemaphorePermit, Semaphore};
use tower::ServiceExt;

/// Limits on what one client may hold.
#[derive(Clone, Copy, Debug)]
pub struct ConnectionLimits {
    /// Connections served at once; more wait in the listening socket's queue.
    pub max_connections: usize,
    /// Time a client has to send a request's headers (also the idle time allowed between
    /// requests on a kept-alive connection).
    pub header_timeout: Duration,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        ConnectionLimits {
            max_connections: 512,
            header_timeout: Duration::from_secs(10),
        }
    }
}

/// Serves `router` on `listener` until `shutdown` completes, then lets the requests under
/// way finish, including their response bodies; connections that are idle or still
/// sending headers are closed at once.
pub async fn serve_router(
    listener: TcpListener,
    router: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let (stopping, stop_seen) = watch::channel(false);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            () = &mut shutdown => break,
            accepted = accept(&listener, &slots) => accepted,
        };
        if let Some((slot, stream, peer)) = accepted {
            tokio::spawn(serve_connection(
                router.clone(),
                limits,
                stream,
                peer,
                slot,
                stop_seen.clone(),
            ));
        }
    }
    drop(listener);
    drop(stop_seen);
    let _ = stopping.send(true);
    // Every connection task holds a receiver; all are gone once every connection closed.
    stopping.closed().await;
    Ok(())
}

/// Serves one connection until it ends, or until shutdown finds it carrying no request.
async fn serve_connection(
    router: Router,
    limits: ConnectionLimits,
    stream: TcpStream,
    peer: SocketAddr,
    _slot: OwnedSemaphorePermit,
    mut stop: watch::Receiver<bool>,
) {
    let busy = Arc::new(AtomicUsize::new(0));
    let counted = busy.clone();
    let service = router
        .map_request(move |req: Request<Incoming>| {
            let mut req = req.map(Body::new);
            req.extensions_mut().insert(ConnectInfo(peer));
            req
        })
        .map_response(move |res: Response<Body>| track(res, &counted));
    let service = CountRequests {
        inner: service,
        busy: busy.clone(),
    };
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(true);
    let connection =
        builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
    let mut connection = std::pin::pin!(connection);
    tokio::select! {
        ended = connection.as_mut() => {
            log_end(ended);
            return;
        }
        _ = stop.wait_for(|stopping| *stopping) => {}
    }
    connection.as_mut().graceful_shutdown();
    loop {
        tokio::select! {
            ended = connection.as_mut() => {
                log_end(ended);
                return;
            }
            () = tokio::time::sleep(Duration::from_millis(50)) => {
                if busy.load(Ordering::Acquire) == 0 {
                    // Idle, or a request still arriving: nothing is lost by closing it.
                    return;
                }
            }
        }
    }
}

fn log_end(ended: Result<(), hyper::Error>) {
    if let Err(e) = ended {
        tracing::debug!(error = %e, "connection ended with an error");
    }
}

/// Counts a request as busy from the moment it is handed to the router.
#[derive(Clone)]
struct CountRequests<S> {
    inner: S,
    busy: Arc<AtomicUsize>,
}

impl<S, R> tower::Service<R> for CountRequests<S>
where
    S: tower::Service<R>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = S::Future;

    fn poll_ready(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: R) -> Self::Future {
        self.busy.fetch_add(1, Ordering::AcqRel);
        self.inner.call(req)
    }
}

/// Keeps the request counted as busy until its response body has been sent (or dropped).
fn track(res: Response<Body>, busy: &Arc<AtomicUsize>) -> Response<Body> {
    let done = Done(busy.clone());
    res.map(move |body| {
        Body::new(body.map_frame(move |frame| {
            let _ = &done;
            frame
        }))
    })
}

/// Decrements the busy count when the response body it rides with is dropped.
struct Done(Arc<AtomicUsize>);

impl Drop for Done {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Waits for a free slot, then for a connection. Accept errors (too many open files, a
/// connection reset before it was taken) are logged and the loop goes on after a pause.
async fn accept(
    listener: &TcpListener,
    slots: &Arc<Semaphore>,
) -> Option<(OwnedSemaphorePermit, TcpStream, SocketAddr)> {
    let slot = slots.clone().acquire_owned().await.ok()?;
    match listener.accept().await {
        Ok((stream, peer)) => {
            let _ = stream.set_nodelay(true);
            Some((slot, stream, peer))
        }
        Err(e) => {
            tracing::warn!(error = %e, "a connection could not be accepted");
            tokio::time::sleep(Duration::from_millis(100)).await;
            None
        }
    }
}
