//! The `genoforge` command-line tool: core + io for pipelines. Reads files; everything else is
//! the same code the browser runs.

mod apply;
mod args;
mod datasets;
mod liftover;
mod select;
mod spec;
mod summary;

use std::path::Path;

use clap::Parser;

use crate::io::load::InputFile;

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
        Command::Strain(a) => spec::strain(&a),
        Command::Validate(a) => spec::validate(&a),
        Command::Views(a) => spec::views(&a),
        Command::Cassettes(a) => spec::cassettes(&a),
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

/// Reads a file into an [`InputFile`] named by its path.
pub(crate) fn read_input(path: &Path) -> Result<InputFile, String> {
    std::fs::read(path)
        .map(|bytes| InputFile::new(path.display().to_string(), bytes))
        .map_err(|e| format!("{}: {e}", path.display()))
}
