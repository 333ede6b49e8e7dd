//! The `genoforge` command-line tool: core + io for pipelines. Reads files; everything else is
//! the same code the browser runs. Each subcommand is a short sequence of steps from [`input`]
//! (genome, edits, spec → design) and [`output`] (files written as one atomic transaction).

mod apply;
mod args;
mod cassettes;
mod clock;
mod dataset_input;
mod datasets;
mod design;
mod input;
mod liftover;
mod output;
mod select;
mod strain;
mod summary;
mod validate;
mod views;

use clap::Parser;

pub use args::{Cli, Command};

/// Runs the command line with the process arguments; returns the exit code.
pub fn main() -> i32 {
    run(Cli::parse())
}

/// Why a command did not succeed.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The command line asks for something that cannot be done (exit 2, like clap's usage errors).
    Usage(String),
    /// The run failed (exit 1).
    Failed(String),
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Self::Failed(message)
    }
}

/// Runs a parsed command line; returns the exit code (0 ok, 1 failed, 2 usage error — clap's
/// code for the errors it finds, and ours for outputs that would overwrite inputs).
pub fn run(cli: Cli) -> i32 {
    let result = match cli.command {
        Command::Summary(a) => summary::run(&a).map_err(Failure::from),
        Command::Apply(a) => apply::run(&a),
        Command::Liftover(a) => liftover::run(&a).map_err(Failure::from),
        Command::Strain(a) => strain::run(&a).map_err(Failure::from),
        Command::Validate(a) => validate::run(&a).map_err(Failure::from),
        Command::Design(a) => design::run(&a).map_err(Failure::from),
        Command::Views(a) => views::run(&a),
        Command::Cassettes(a) => cassettes::run(&a),
        Command::Datasets(a) => datasets::run(&a).map_err(Failure::from),
        Command::Select(a) => select::run(&a),
    };
    match result {
        Ok(()) => 0,
        Err(Failure::Failed(message)) => {
            eprintln!("genoforge: {message}");
            1
        }
        Err(Failure::Usage(message)) => {
            eprintln!("genoforge: {message}");
            2
        }
    }
}
