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

/// Runs a parsed command line; returns the exit code (0 ok, 1 failed; clap uses 2 for usage errors).
pub fn run(cli: Cli) -> i32 {
    let result = match cli.command {
        Command::Summary(a) => summary::run(&a),
        Command::Apply(a) => apply::run(&a),
        Command::Liftover(a) => liftover::run(&a),
        Command::Strain(a) => strain::run(&a),
        Command::Design(a) => design::run(&a),
        Command::Validate(a) => validate::run(&a),
        Command::Views(a) => views::run(&a),
        Command::Cassettes(a) => cassettes::run(&a),
        Command::Datasets(a) => datasets::run(&a),
        Command::Select(a) => select::run(&a),
    };
    match result {
        Ok(()) => 0,
        Err(message) => {
            eprintln!("genoforge: {message}");
            1
        }
    }
}
