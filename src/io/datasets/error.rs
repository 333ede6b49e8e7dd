//! Why an import failed. Every variant that concerns a line names it (1-based).

use super::format::SniffError;

/// An import that cannot go on. Problems of single names or rows are not errors: they are
/// counted in the import's report and warnings.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// No reader fits the header.
    #[error("{0}")]
    Format(#[from] SniffError),
    /// A row has a different number of fields than the header.
    #[error(
        "line {line}: {found} fields, expected {expected}{}",
        if *found < *expected { " (is the file truncated?)" } else { "" }
    )]
    FieldCount {
        /// 1-based line.
        line: u64,
        /// Fields found.
        found: usize,
        /// Fields the header has.
        expected: usize,
    },
    /// A DCell-style row whose gene count is not a number or names more genes than it has.
    #[error("line {line}: {message}")]
    BadRow {
        /// 1-based line.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// The first line is longer than any header (1 MiB) — probably not a text table.
    #[error(
        "no line break in the first {0} bytes: not a text table (a binary or compressed file of another kind?)"
    )]
    NoLineBreak(usize),
    /// The gzip stream is damaged or cut short.
    #[error(
        "the gzip data is {kind} after {at} decompressed bytes (was the download interrupted?)"
    )]
    Gzip {
        /// `truncated` or `corrupt`.
        kind: &'static str,
        /// Decompressed bytes before the problem.
        at: u64,
    },
    /// More environments than a key can hold.
    #[error(
        "line {line}: more than 32,767 distinct environments; is the environment column right?"
    )]
    TooManyEnvironments {
        /// 1-based line.
        line: u64,
    },
    /// Bytes were fed after [`super::import::Importer::finish`] or after an error.
    #[error("the import already ended")]
    Ended,
    /// Reading the source failed (the `BufRead` convenience only).
    #[error("reading failed after {at} bytes: {message}")]
    Read {
        /// Bytes read before the failure.
        at: u64,
        /// The reader's words.
        message: String,
    },
}
