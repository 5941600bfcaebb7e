//! The `spona-bench` command: `run` measures Spona against the machine's ceiling;
//! `sign-in` prints a demo user's session cookie for other tools (bench/pages.sh).

#![forbid(unsafe_code)]

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use spona_bench::browser::Browser;
use spona_bench::load::Generator;
use spona_bench::printout;
use spona_bench::run::{run, Options};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Parser)]
#[command(
    name = "spona-bench",
    about = "Spona's pages under load, against this machine's ceiling"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Measure the ceiling, then each page alone and all of them mixed; print the table
    /// and the targets met or missed. Exits 2 when a sign-in failed or a load had errors.
    Run(RunArgs),
    /// Sign a demo user in (password and second factor) and print the Cookie header.
    SignIn {
        /// The server, as http://127.0.0.1:PORT
        #[arg(long)]
        base: String,
        #[arg(long, default_value = "le-police")]
        user: String,
    },
}

#[derive(clap::Args)]
struct RunArgs {
    /// The spona binary to measure
    #[arg(long, value_name = "PATH")]
    spona: PathBuf,
    /// Its data folder, made beforehand (`spona --data-dir DIR demo`)
    #[arg(long, value_name = "DIR")]
    data_dir: PathBuf,
    /// Measure on PostgreSQL at this URL (the ceiling uses a scratch database there)
    #[arg(long, value_name = "URL")]
    postgres: Option<String>,
    /// Seconds measured per target, after the warm-up
    #[arg(long, default_value_t = 8)]
    seconds: u64,
    /// Seconds of warm-up per target, not counted
    #[arg(long, default_value_t = 1.0)]
    warm_up: f64,
    /// Keep-alive connections of the load
    #[arg(long, default_value_t = 32)]
    connections: usize,
    /// Only these pages (and `mix`), separated by commas
    #[arg(long, value_delimiter = ',', value_name = "NAME,...")]
    only: Option<Vec<String>>,
    /// Also write the results as JSON to this file
    #[arg(long, value_name = "PATH")]
    json: Option<PathBuf>,
}

fn main() -> ExitCode {
    match start(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("spona-bench: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn start(cli: Cli) -> Result<ExitCode> {
    // Three runtimes: the load's and the ceiling's, two worker threads each (as Spona's on
    // two cores), and this thread's for the rest, idle while a load runs. They are dropped
    // here, outside any asynchronous code.
    let load_runtime = Generator::runtime()?;
    let ceiling_runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("ceiling")
        .enable_all()
        .build()?;
    let main = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let load = Generator::new(load_runtime.handle().clone());
    let code = main.block_on(async {
        match cli.command {
            Command::SignIn { base, user } => {
                let b = Browser::sign_in(&base, &user).await?;
                println!("{}", b.cookie().unwrap_or_default());
                Ok(ExitCode::SUCCESS)
            }
            Command::Run(args) => run_command(args, &load, ceiling_runtime.handle()).await,
        }
    });
    ceiling_runtime.shutdown_timeout(Duration::from_secs(1));
    load_runtime.shutdown_timeout(Duration::from_secs(1));
    code
}

async fn run_command(
    args: RunArgs,
    load: &Generator,
    ceiling: &tokio::runtime::Handle,
) -> Result<ExitCode> {
    let options = Options {
        spona: args.spona,
        data_dir: args.data_dir,
        postgres: args.postgres,
        connections: args.connections,
        measured: Duration::from_secs(args.seconds),
        warm_up: Duration::from_secs_f64(args.warm_up.max(0.0)),
        only: args.only,
    };
    let results = run(&options, load, ceiling).await?;
    print!("{}", printout::table(&results));
    if let Some(path) = &args.json {
        let json = serde_json::to_string_pretty(&results)?;
        std::fs::write(path, json).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(if results.troubled() {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
