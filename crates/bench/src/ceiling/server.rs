//! The ceiling's two routes, served on loopback from the ceiling's own runtime.

use super::database::{CeilingDb, Engine, ROWS};
use anyhow::{Context, Result};
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::runtime::Handle;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// `GET /read`: one row by a random key; `POST /insert`: one committed row.
pub fn router(db: Arc<CeilingDb>) -> Router {
    Router::new()
        .route("/read", get(read))
        .route("/insert", post(insert))
        .with_state(db)
}

async fn read(State(db): State<Arc<CeilingDb>>) -> Result<String, StatusCode> {
    db.read(fastrand::i64(1..=ROWS))
        .await
        .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)
}

async fn insert(State(db): State<Arc<CeilingDb>>) -> Result<&'static str, StatusCode> {
    db.insert("one committed row")
        .await
        .map(|()| "ok")
        .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)
}

/// A running ceiling server.
pub struct Ceiling {
    pub addr: SocketAddr,
    pub db: Arc<CeilingDb>,
    handle: Handle,
    stop: oneshot::Sender<()>,
    served: JoinHandle<std::io::Result<()>>,
}

impl Ceiling {
    /// Opens the database and serves it on a random loopback port, on the runtime of
    /// `handle` (database pool and server alike).
    pub async fn start(handle: &Handle, engine: Engine) -> Result<Ceiling> {
        let started = handle.spawn(async move {
            let db = CeilingDb::open(&engine).await?;
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
            let addr = listener.local_addr()?;
            let (stop, stopped) = oneshot::channel::<()>();
            let app = router(db.clone());
            let served = tokio::spawn(async move {
                axum::serve(listener, app)
                    .with_graceful_shutdown(async move {
                        let _ = stopped.await;
                    })
                    .await
            });
            anyhow::Ok((addr, db, stop, served))
        });
        let (addr, db, stop, served) = started.await.context("the ceiling did not start")??;
        Ok(Ceiling {
            addr,
            db,
            handle: handle.clone(),
            stop,
            served,
        })
    }

    /// Stops serving and closes the database (dropping a scratch one).
    pub async fn stop(self) -> Result<()> {
        let _ = self.stop.send(());
        // Connections the load left open would keep a graceful stop waiting.
        let _ = tokio::time::timeout(Duration::from_secs(2), self.served).await;
        let db = self.db;
        self.handle
            .spawn(async move { db.close().await })
            .await
            .context("the ceiling's database did not close")?
    }
}
