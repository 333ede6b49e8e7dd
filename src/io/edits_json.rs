//! The edits file: `{"edits": [{"op": "delete", "seqid": "XV", "start": 722251, "end": 722440}, …]}`.
//! The JSON shape is [`crate::core::edit::json`]; this module reads it from bytes, with positions
//! in errors, and applies it all or none. Other keys of the file are ignored.

use crate::core::design::Design;
use crate::core::edit::EditError;
use crate::core::genome::Genome;

pub use crate::core::edit::json::{EditJson, EditsFile, FeatureJson};

/// Why an edits file was refused. Nothing of it was applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditsJsonError {
    /// Not valid JSON, or not the expected shape.
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What serde said.
        message: String,
    },
    /// An edit the design refused.
    #[error("edit {number} (of {total}): {error}")]
    Edit {
        /// 1-based position of the edit in the file.
        number: usize,
        /// How many edits the file has.
        total: usize,
        /// Why.
        error: EditError,
    },
}

/// Parses the JSON text.
pub fn parse(text: &[u8]) -> Result<EditsFile, EditsJsonError> {
    serde_json::from_slice(text).map_err(|e| EditsJsonError::Syntax {
        line: e.line(),
        column: e.column(),
        message: super::spec_json::json_message(&e),
    })
}

/// Applies every edit of the file to `design`, all or none.
pub fn apply(file: &EditsFile, genome: &Genome, design: &mut Design) -> Result<(), EditsJsonError> {
    let total = file.edits.len();
    let mut reqs = Vec::with_capacity(total);
    for (i, e) in file.edits.iter().enumerate() {
        reqs.push(e.to_request(genome).map_err(|error| EditsJsonError::Edit {
            number: i + 1,
            total,
            error,
        })?);
    }
    design
        .add_all(genome, reqs)
        .map(|_| ())
        .map_err(|(i, error)| EditsJsonError::Edit {
            number: i + 1,
            total,
            error,
        })
}
