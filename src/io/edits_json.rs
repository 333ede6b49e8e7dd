//! The edits file: `{"edits": [{"op": "delete", "seqid": "XV", "start": 722251, "end": 722440}, …]}`.
//! The JSON shape is [`crate::core::edit::json`]; this module reads it from bytes, with positions
//! and the field's path in errors (`edits[0].feature.children[0].p: unknown field`), and applies
//! it all or none. `"enabled": false` keeps an edit in the design without applying it.

use crate::core::design::{Design, NewEdit};
use crate::core::edit::EditError;
use crate::core::genome::Genome;

pub use crate::core::edit::json::{EditJson, EditsFile, FeatureJson};

/// Why an edits file was refused. Nothing of it was applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditsJsonError {
    /// Not valid JSON, or not the expected shape (an unknown key, a value of the wrong type).
    #[error("line {line}, column {column}: {path}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// Where in the document: `edits[0].feature.children[0].p` (`.` for the top).
        path: String,
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
    super::spec_json::parse_with_path(text).map_err(|(line, column, path, message)| {
        EditsJsonError::Syntax {
            line,
            column,
            path,
            message,
        }
    })
}

/// Applies every edit of the file to `design`, all or none.
pub fn apply(file: &EditsFile, genome: &Genome, design: &mut Design) -> Result<(), EditsJsonError> {
    let total = file.edits.len();
    let mut new = Vec::with_capacity(total);
    for (i, e) in file.edits.iter().enumerate() {
        let request = e.to_request(genome).map_err(|error| EditsJsonError::Edit {
            number: i + 1,
            total,
            error,
        })?;
        new.push(NewEdit {
            id: e.id,
            request,
            enabled: e.enabled,
        });
    }
    design
        .add_many(genome, new)
        .map(|_| ())
        .map_err(|(i, error)| EditsJsonError::Edit {
            number: i + 1,
            total,
            error,
        })
}
