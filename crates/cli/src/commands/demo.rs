//! `spona demo`: the demonstration teams and accounts.

use crate::database;
use crate::problems;
use crate::settings::Settings;
use anyhow::Result;
use spona_app::demo::{DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET};
use spona_domain::second_factor::SecondFactorPolicy;

/// Seeds the demo (migrating first) and prints the sign-ins.
pub async fn run(settings: &Settings) -> Result<()> {
    let app = database::open_app(settings).await?;
    let seeded = app.seed_demo().await.map_err(problems::app)?;
    app.seed_demo_cases().await.map_err(problems::app)?;
    app.seed_demo_meetings().await.map_err(problems::app)?;
    if seeded {
        println!("The demo teams and accounts were added.");
    } else {
        println!("The demo was already there; nothing changed.");
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
