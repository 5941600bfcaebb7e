//! `spona serve`: the web server.

use super::demo::print_sign_ins;
use crate::settings::Settings;
use crate::{checkpoints, database, housekeeping, key_watch, links, problems, shutdown};
use anyhow::{Context, Result};
use clap::Args;
use spona_app::auth::FirstAdmin;
use spona_i18n::Catalog;
use spona_web::WebState;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// How long requests under way may take to finish after a stop signal.
const GRACE: Duration = Duration::from_secs(30);

/// Options of `spona serve`.
#[derive(Args)]
pub struct ServeArgs {
    /// Seed the demonstration teams and accounts first (once) and print their sign-ins
    #[arg(long)]
    demo: bool,
}

/// Migrates, seeds the demo or prepares the first administrator, and serves until a stop
/// signal; then lets requests under way finish (for up to thirty seconds).
pub async fn run(args: ServeArgs, settings: &Settings) -> Result<()> {
    let stop = shutdown::signal()?;
    // Instances starting together take turns until the demo and the first administrator's
    // link are settled; the others then find them done.
    let (app, start) = database::open_app_to_start(settings).await?;
    if let Some(schedule) = &settings.backup.schedule {
        crate::folders::create_private(&schedule.dir, "backup_dir")?;
    }
    let catalog = Catalog::load().context("cannot load the messages")?;
    let listener = TcpListener::bind(settings.listen)
        .await
        .with_context(|| format!("cannot listen on {}", settings.listen))?;
    let addr = listener
        .local_addr()
        .context("cannot read the listening address")?;

    let first_admin = if args.demo {
        app.seed_demo().await.map_err(problems::app)?;
        app.seed_demo_cases().await.map_err(problems::app)?;
        app.seed_demo_meetings().await.map_err(problems::app)?;
        FirstAdmin::Settled
    } else {
        app.first_admin_link().await.map_err(problems::app)?
    };
    drop(start);
    println!("Spona is listening on {}", links::base_url(addr));
    if args.demo {
        print_sign_ins(&settings.second_factor);
    }
    // The link goes to standard output only, never into the log.
    match first_admin {
        FirstAdmin::Link(token) => {
            println!(
                "No administrator has a password yet. Open this one-time link (valid for {} \
                 hours) to set the password of the administrator `admin`:",
                app.one_time_link_hours()
            );
            println!("  {}", links::password_link(addr, &token));
        }
        FirstAdmin::Waiting => println!(
            "No administrator has a password yet, and the one-time link issued for `admin` is \
             still valid. If it is lost, `spona user reset-password --username admin` prints a \
             new one."
        ),
        FirstAdmin::Settled => {}
    }
    tracing::info!(
        address = %addr,
        database = %settings.database.redacted(),
        "serving"
    );

    let purge = housekeeping::spawn_session_purge(app.clone());
    let escalation = housekeeping::spawn_escalation(app.clone());
    let statistics = housekeeping::spawn_statistics_refresh(app.clone());
    let retention = housekeeping::spawn_retention(app.clone());
    let checkpointing = checkpoints::spawn(app.clone(), settings.audit_checkpoints.clone());
    let keys = key_watch::spawn_key_watch(app.clone());
    let mail = settings
        .mail
        .is_some()
        .then(|| housekeeping::spawn_mail(app.clone()));
    let backups = settings
        .backup
        .schedule
        .as_ref()
        .map(|schedule| housekeeping::spawn_backups(app.clone(), schedule.clone()));
    let state = WebState::new(app.clone(), Arc::new(catalog), settings.web());
    let served = serve_until(listener, state, stop).await;
    purge.abort();
    escalation.abort();
    statistics.abort();
    retention.abort();
    checkpointing.abort();
    // The trail's head as the server leaves it, outside the database.
    checkpoints::write_final(&app, &settings.audit_checkpoints).await;
    keys.abort();
    if let Some(mail) = mail {
        mail.abort();
    }
    if let Some(backups) = backups {
        backups.abort();
    }
    app.db().close().await;
    tracing::info!("stopped");
    served
}

/// Serves until `stop` completes, then waits for requests under way, but not forever.
async fn serve_until(
    listener: TcpListener,
    state: WebState,
    stop: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<()> {
    let (stopping, stopped) = oneshot::channel::<()>();
    let shutdown = async move {
        stop.await;
        let _ = stopping.send(());
    };
    let deadline = async move {
        if stopped.await.is_ok() {
            tokio::time::sleep(GRACE).await;
        } else {
            // The server ended by itself; the other branch reports how.
            std::future::pending::<()>().await;
        }
    };
    tokio::select! {
        served = spona_web::serve(listener, state, shutdown) => {
            served.context("the web server failed")
        }
        () = deadline => {
            tracing::warn!(
                seconds = GRACE.as_secs(),
                "requests still under way after the grace period; stopping anyway"
            );
            Ok(())
        }
    }
}
