//! `spona import`: records from a spreadsheet (XLSX or CSV), as on the import page: every
//! row judged by the record's form, each error printed with its row and column, and nothing
//! saved unless every row is sound; then all new rows in one transaction. The same file
//! twice adds nothing. A team's records name the team; the national framework and accounts
//! do not. Imported accounts' one-time links are printed once, on standard output.

use crate::settings::Settings;
use crate::{database, links, problems};
use anyhow::{anyhow, bail, Context, Result};
use clap::{Args, ValueEnum};
use spona_app::imports::{ImportKind, Preview, RowStatus, Saving};
use spona_app::AppError;
use spona_domain::validation::FieldError;
use spona_i18n::{Arg, Catalog, Locale};
use std::path::PathBuf;

/// What a file holds.
#[derive(Clone, Copy, ValueEnum)]
pub enum Kind {
    Activities,
    Members,
    Institutions,
    Trainings,
    Materials,
    Framework,
    Accounts,
}

impl Kind {
    fn import_kind(self) -> ImportKind {
        match self {
            Kind::Activities => ImportKind::Activities,
            Kind::Members => ImportKind::Members,
            Kind::Institutions => ImportKind::Institutions,
            Kind::Trainings => ImportKind::Trainings,
            Kind::Materials => ImportKind::Materials,
            Kind::Framework => ImportKind::Framework,
            Kind::Accounts => ImportKind::Accounts,
        }
    }
}

/// The arguments of `spona import`.
#[derive(Args)]
pub struct ImportArgs {
    /// The team's code (see `spona team list`); for a team's records
    #[arg(long, value_name = "CODE", default_value = "")]
    team: String,
    /// Import as this account, with its rights and into its team (instead of --team):
    /// needed for trainings and materials, which name the account that recorded them
    #[arg(long = "as", value_name = "USERNAME", default_value = "")]
    as_user: String,
    /// What the file holds
    #[arg(long, value_enum)]
    kind: Kind,
    /// Only check the file and print what would be saved
    #[arg(long)]
    dry_run: bool,
    /// The language of the messages: en, sr-Cyrl or sr-Latn
    #[arg(long, default_value = "en", value_name = "LANG")]
    lang: String,
    /// The XLSX or CSV file; its first row names the columns
    file: PathBuf,
}

/// Runs the import.
pub async fn run(args: ImportArgs, settings: &Settings) -> Result<()> {
    let locale = Locale::from_code(&args.lang)
        .ok_or_else(|| anyhow!("--lang must be en, sr-Cyrl or sr-Latn"))?;
    let kind = args.kind.import_kind();
    let content = std::fs::read(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let catalog = Catalog::load().map_err(|e| anyhow!("messages: {e}"))?;
    let code = args.team.trim().to_ascii_lowercase();
    let app = database::open_app(settings).await?;
    let actor = match args.as_user.trim() {
        "" => Ok(None),
        username => app
            .console_actor(username)
            .await
            .map(Some)
            .map_err(|e| match e {
                AppError::NotFound => anyhow!("there is no account {username:?}"),
                AppError::Forbidden => anyhow!("the account {username:?} is disabled"),
                other => problems::app(other),
            }),
    };
    let outcome = match actor {
        Ok(actor) => {
            let to = Target {
                code: &code,
                actor: actor.as_ref(),
            };
            import(
                &app,
                &catalog,
                locale,
                to,
                kind,
                &content,
                args.dry_run,
                settings.listen,
            )
            .await
        }
        Err(e) => Err(e),
    };
    app.db().close().await;
    outcome
}

/// Where an import goes: into the team with this code as the operator, or as an account.
struct Target<'a> {
    code: &'a str,
    actor: Option<&'a spona_domain::access::Actor>,
}

#[allow(clippy::too_many_arguments)]
async fn import(
    app: &spona_app::App,
    catalog: &Catalog,
    locale: Locale,
    to: Target<'_>,
    kind: ImportKind,
    content: &[u8],
    dry_run: bool,
    listen: std::net::SocketAddr,
) -> Result<()> {
    let code = to.code;
    let no_team = |e: AppError| {
        match e {
        AppError::NotFound | AppError::Forbidden if to.actor.is_some() => {
            anyhow!("the account may not import these records")
        }
        AppError::NotFound if code.is_empty() => {
            anyhow!("--team CODE is needed for a team's records (see `spona team list`)")
        }
        AppError::NotFound => {
            anyhow!("there is no team with the code {code:?} (see `spona team list`)")
        }
        AppError::Forbidden => anyhow!(
            "trainings and materials name the account that recorded them: name it with --as USERNAME"
        ),
        other => problems::app(other),
    }
    };
    let preview = match to.actor {
        Some(actor) => app.preview_import(actor, catalog, kind, content).await,
        None => {
            app.preview_import_at_console(code, catalog, kind, content)
                .await
        }
    }
    .map_err(no_team)?;
    print_problems(catalog, locale, &preview);
    if !preview.savable() {
        bail!(
            "nothing saved: {} row(s) with errors, {} file problem(s)",
            preview.invalid(),
            preview.problems.len()
        );
    }
    if dry_run {
        println!(
            "{} new row(s) would be saved, {} already there or repeated (nothing saved: --dry-run).",
            preview.new_rows(),
            preview.skipped()
        );
        return Ok(());
    }
    let saved = match to.actor {
        Some(actor) => {
            app.save_import(actor, catalog, kind, content, &preview.digest)
                .await
        }
        None => {
            app.save_import_at_console(code, catalog, kind, content, &preview.digest)
                .await
        }
    };
    match saved.map_err(no_team)? {
        Saving::Saved(done) => {
            println!(
                "Saved {} new row(s); {} already there or repeated.",
                done.added, done.skipped
            );
            // Shown once: the tokens are stored hashed and cannot be printed again.
            for link in &done.links {
                println!(
                    "{}\t{}",
                    link.username,
                    links::password_link(listen, &link.token)
                );
            }
            Ok(())
        }
        Saving::NotSaved(again) => {
            print_problems(catalog, locale, &again);
            bail!("nothing saved: the records changed while the file was read; run it again")
        }
    }
}

/// Every problem of the file and every error of a row, one a line, on standard error.
fn print_problems(catalog: &Catalog, locale: Locale, p: &Preview) {
    let t = |id: &str| catalog.text(locale, id);
    for problem in &p.problems {
        eprintln!(
            "{}",
            problem.text(|id, args| catalog.text_with(locale, id, args))
        );
    }
    for row in &p.rows {
        if let RowStatus::Invalid(errors) = &row.status {
            for e in errors {
                let message = field_message(catalog, locale, e.error);
                match e.column {
                    Some(column) => eprintln!("row {}, {}: {message}", row.number, t(column)),
                    None => eprintln!("row {}: {message}", row.number),
                }
            }
        }
    }
}

/// A field's error in words, with its bounds.
fn field_message(catalog: &Catalog, locale: Locale, e: FieldError) -> String {
    let args: Vec<(&str, Arg)> = e
        .message_args()
        .into_iter()
        .map(|(name, v)| (name, Arg::from(v)))
        .collect();
    catalog.text_with(locale, e.message_id(), &args)
}
