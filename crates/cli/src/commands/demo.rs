//! `spona demo`: the demonstration teams and accounts; with `--scale N`, a national-scale
//! deployment generated on top of them for measuring.

mod generation;

use crate::database;
use crate::problems;
use crate::settings::Settings;
use anyhow::Result;
use clap::Args;
use spona_app::demo::{DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET};
use spona_domain::second_factor::SecondFactorPolicy;

/// What `spona demo` makes.
#[derive(Args, Debug, Default)]
pub struct DemoArgs {
    /// Also generate a national-scale deployment of fictional data: 2N teams, 10,000 N
    /// cases with about three referrals each, 10,000 N activities and 200,000 N audit
    /// entries (scale 10 is the national size; about ten minutes). Needs a database
    /// without generated data
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100))]
    pub scale: Option<u32>,
}

/// Seeds the demo (migrating first), generates the scale asked for, and prints the
/// sign-ins.
pub async fn run(args: DemoArgs, settings: &Settings) -> Result<()> {
    let app = match args.scale {
        Some(_) => database::open_app_for_bulk_load(settings).await?,
        None => database::open_app(settings).await?,
    };
    let seeded = app.seed_demo().await.map_err(problems::app)?;
    app.seed_demo_cases().await.map_err(problems::app)?;
    app.seed_demo_meetings().await.map_err(problems::app)?;
    if seeded {
        println!("The demo teams and accounts were added.");
    } else {
        println!("The demo was already there; nothing changed.");
    }
    if let Some(scale) = args.scale {
        generation::run(&app, scale).await?;
    }
    print_sign_ins(&settings.second_factor);
    app.db().close().await;
    Ok(())
}

/// Prints the demo accounts with their roles and teams, their shared password, and the
/// authenticator key of those that sign in with a second factor.
pub fn print_sign_ins(policy: &SecondFactorPolicy) {
    println!("Demo sign-ins, each with the password {DEMO_PASSWORD}:");
    for account in &DEMO_ACCOUNTS {
        let marked = if policy.required_for(account.role) {
            "*"
        } else {
            " "
        };
        println!(
            "  {marked} {:<16} {:<12} {}",
            account.username,
            account.role.code(),
            account.team.unwrap_or("(all teams)")
        );
    }
    println!(
        "Accounts marked * then ask for a code from an authenticator app (FreeOTP, Aegis, \
         Google Authenticator) set up by hand with the time-based key {DEMO_TOTP_SECRET}."
    );
}
