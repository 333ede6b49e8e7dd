//! Genotype spec files: pretty JSON with a trailing newline (stable, so export → import → export is
//! byte-identical), and reading with the schema version checked first.

use crate::core::spec::{GenotypeSpec, SCHEMA_VERSION};

/// Why a spec file cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SpecJsonError {
    /// Not JSON, or not a spec.
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// No `schema_version`, or one this build does not read.
    #[error("{0}")]
    Version(String),
}

/// The spec as pretty JSON, newline-terminated.
pub fn to_string(spec: &GenotypeSpec) -> String {
    let mut s = serde_json::to_string_pretty(spec).unwrap_or_default();
    s.push('\n');
    s
}

fn syntax(e: &serde_json::Error) -> SpecJsonError {
    SpecJsonError::Syntax {
        line: e.line(),
        column: e.column(),
        message: e
            .to_string()
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_owned(),
    }
}

/// Reads a spec. The schema version is checked before anything else, so a newer spec gets a
/// message about its version rather than about a field this build does not know.
pub fn parse(bytes: &[u8]) -> Result<GenotypeSpec, SpecJsonError> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| syntax(&e))?;
    match value.get("schema_version") {
        None => {
            return Err(SpecJsonError::Version(
                "this is not a genotype spec: it has no \"schema_version\"".to_owned(),
            ));
        }
        Some(v) if v.as_u64() != Some(u64::from(SCHEMA_VERSION)) => {
            return Err(SpecJsonError::Version(format!(
                "unknown schema_version {v}: this genoforge reads version {SCHEMA_VERSION}"
            )));
        }
        Some(_) => {}
    }
    // Parse again from the bytes so errors carry line and column.
    serde_json::from_slice(bytes).map_err(|e| syntax(&e))
}
