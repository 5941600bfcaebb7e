//! `spona user …`: accounts, administered from the server's console.

use crate::settings::Settings;
use crate::{database, links, problems, table};
use anyhow::{anyhow, bail, Context, Result};
use clap::builder::PossibleValuesParser;
use clap::{Args, Subcommand};
use spona_app::accounts::{operator, User, UserQuery};
use spona_app::forms::{PasswordForm, UserForm};
use spona_app::{App, AppError};
use spona_domain::accounts::Role;
use std::io::{BufRead, IsTerminal};

/// Account commands.
#[derive(Subcommand)]
pub enum UserCommand {
    /// Create an account. Its password is read from the first line of standard input
    /// (never from the command line); with --link a one-time link is printed instead
    Create(CreateArgs),
    /// Print the accounts: username, name, role, team, institution, active
    List {
        /// Only the accounts of this team
        #[arg(long, value_name = "TEAM")]
        team: Option<String>,
    },
    /// Disable an account and end its sessions
    Disable(Account),
    /// Enable a disabled account
    Enable(Account),
    /// Clear an account's password, end its sessions and print a one-time link to set a
    /// new one
    ResetPassword(Account),
}

/// The account a command is about.
#[derive(Args)]
pub struct Account {
    /// The account's username
    #[arg(long, value_name = "NAME")]
    username: String,
}

/// A new account.
#[derive(Args)]
pub struct CreateArgs {
    /// Sign-in name: 3 to 40 of a-z, 0-9, '.', '-', '_'
    #[arg(long, value_name = "NAME")]
    username: String,
    /// The name shown in the application [default: the username]
    #[arg(long, value_name = "TEXT")]
    display_name: Option<String>,
    /// What the account may do
    #[arg(long, value_name = "ROLE", value_parser = PossibleValuesParser::new(role_codes()),
          required_unless_present = "admin")]
    role: Option<String>,
    /// Shortcut for --role admin
    #[arg(long, conflicts_with = "role")]
    admin: bool,
    /// The team's code; required for coordinator, case-worker and member
    #[arg(long, value_name = "TEAM")]
    team: Option<String>,
    /// The institution's code within the team; required with --team
    #[arg(long, value_name = "INSTITUTION")]
    institution: Option<String>,
    /// Print a one-time link for the account's owner to set the password, instead of
    /// reading a password from standard input
    #[arg(long)]
    link: bool,
}

fn role_codes() -> Vec<&'static str> {
    Role::ALL.iter().map(|r| r.code()).collect()
}

/// Runs an account command.
pub async fn run(command: UserCommand, settings: &Settings) -> Result<()> {
    // The password is read before anything else, so that a refusal to read leaves no trace.
    let password = match &command {
        UserCommand::Create(args) if !args.link => {
            let username = args.username.clone();
            Some(
                tokio::task::spawn_blocking(move || read_password(&username))
                    .await
                    .context("cannot read the password")??,
            )
        }
        _ => None,
    };
    let app = database::open_app(settings).await?;
    let done = match command {
        UserCommand::Create(args) => create(&app, settings, args, password).await,
        UserCommand::List { team } => list(&app, team).await,
        UserCommand::Disable(account) => set_active(&app, &account.username, false).await,
        UserCommand::Enable(account) => set_active(&app, &account.username, true).await,
        UserCommand::ResetPassword(account) => {
            reset_password(&app, settings, &account.username).await
        }
    };
    app.db().close().await;
    done
}

async fn create(
    app: &App,
    settings: &Settings,
    args: CreateArgs,
    password: Option<String>,
) -> Result<()> {
    let role = match (args.admin, args.role) {
        (true, _) => Role::Admin.code().to_string(),
        (false, Some(role)) => role,
        (false, None) => bail!("give --role or --admin"),
    };
    let form = UserForm {
        display_name: args
            .display_name
            .unwrap_or_else(|| args.username.trim().to_string()),
        username: args.username,
        role,
        team: args.team.unwrap_or_default(),
        institution: args.institution.unwrap_or_default(),
    };
    let password = password.map(|p| PasswordForm {
        password_repeat: p.clone(),
        password: p,
    });
    let (id, token) = app
        .create_user(&operator(), &form, password.as_ref())
        .await
        .map_err(problems::app)?;
    let user = app.user(&operator(), id).await.map_err(problems::app)?;
    println!(
        "Created the account {} ({}).",
        user.username,
        describe(&user)
    );
    if let Some(token) = token {
        print_link(app, settings, &user, &token);
    }
    Ok(())
}

async fn list(app: &App, team: Option<String>) -> Result<()> {
    let team = team.map(|t| t.trim().to_ascii_lowercase());
    if let Some(code) = &team {
        let teams = app.teams(&operator()).await.map_err(problems::app)?;
        if !teams.iter().any(|t| &t.code == code) {
            bail!("there is no team with the code {code:?} (see `spona team list`)");
        }
    }
    let users = all_users(app).await?;
    let rows = users
        .into_iter()
        .filter(|u| team.is_none() || u.team_code == team)
        .map(|u| {
            vec![
                u.username,
                u.display_name,
                u.role.code().into(),
                u.team_code.unwrap_or_default(),
                u.institution_short.unwrap_or_default(),
                table::yes_no(u.active),
            ]
        });
    table::print(
        &["username", "name", "role", "team", "institution", "active"],
        rows,
    )
}

/// Every account, page by page (the app layer pages its lists).
async fn all_users(app: &App) -> Result<Vec<User>> {
    /// The app layer's highest page; a guard against asking for the same page forever.
    const LAST_PAGE: i64 = 100_000;
    let mut users = Vec::new();
    for page in 1..=LAST_PAGE {
        let query = UserQuery {
            q: String::new(),
            page: Some(page),
        };
        let found = app
            .users(&operator(), &query)
            .await
            .map_err(problems::app)?;
        let empty = found.items.is_empty();
        users.extend(found.items);
        if empty || users.len() as i64 >= found.total {
            break;
        }
    }
    Ok(users)
}

async fn set_active(app: &App, username: &str, active: bool) -> Result<()> {
    let user = find(app, username).await?;
    app.set_user_active(&operator(), user.id, active)
        .await
        .map_err(problems::app)?;
    let done = if active { "Enabled" } else { "Disabled" };
    println!("{done} the account {}.", user.username);
    Ok(())
}

async fn reset_password(app: &App, settings: &Settings, username: &str) -> Result<()> {
    let user = find(app, username).await?;
    let token = app
        .reset_password(&operator(), user.id)
        .await
        .map_err(problems::app)?;
    println!(
        "The password of {} was cleared and its sessions ended.",
        user.username
    );
    print_link(app, settings, &user, &token);
    Ok(())
}

async fn find(app: &App, username: &str) -> Result<User> {
    app.user_by_username(&operator(), username)
        .await
        .map_err(|e| match e {
            AppError::NotFound => anyhow!("there is no account with the username {username:?}"),
            other => problems::app(other),
        })
}

/// Role, team and institution, for confirming what was done.
fn describe(user: &User) -> String {
    match (&user.team_code, &user.institution_short) {
        (Some(team), Some(institution)) => {
            format!("{}, team {team}, {institution}", user.role.code())
        }
        (Some(team), None) => format!("{}, team {team}", user.role.code()),
        _ => user.role.code().to_string(),
    }
}

fn print_link(app: &App, settings: &Settings, user: &User, token: &str) {
    println!(
        "Give this one-time link to the account's owner to set the password of {} \
         (valid for {} hours, usable once):",
        user.username,
        app.one_time_link_hours()
    );
    println!("  {}", links::password_link(settings.listen, token));
}

/// The first line of standard input, without its line ending. A terminal gets a prompt;
/// what is typed is shown, so the command is best fed from a pipe or a file.
fn read_password(username: &str) -> Result<String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("Password for {username} (will be shown as you type): ");
    }
    let mut line = String::new();
    let read = stdin
        .lock()
        .read_line(&mut line)
        .context("cannot read the password from standard input")?;
    if read == 0 {
        bail!(
            "no password on standard input: give it as the first line, or use --link to \
             print a one-time link instead"
        );
    }
    Ok(strip_line_ending(line))
}

fn strip_line_ending(mut line: String) -> String {
    if line.ends_with('\n') {
        line.pop();
        if line.ends_with('\r') {
            line.pop();
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_line_ending_is_taken_from_a_password() {
        assert_eq!(strip_line_ending("a b \n".into()), "a b ");
        assert_eq!(strip_line_ending("secret\r\n".into()), "secret");
        assert_eq!(strip_line_ending("no-newline".into()), "no-newline");
    }

    #[test]
    fn every_role_is_offered_on_the_command_line() {
        let codes = role_codes();
        for code in [
            "admin",
            "coordinator",
            "case-worker",
            "member",
            "national",
            "auditor",
        ] {
            assert!(codes.contains(&code), "{code}");
        }
    }
}
