//! The `genoforge` command-line tool: core + io for pipelines.

/// Runs the command line; returns the process exit code.
pub fn main() -> i32 {
    0
}
