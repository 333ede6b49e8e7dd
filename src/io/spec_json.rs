//! Genotype spec files: pretty JSON with a trailing newline (stable, so export → import → export is
//! byte-identical), and reading with the schema version checked first.

use crate::core::spec::{GenotypeSpec, SCHEMA_VERSION};

/// Why a spec file cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SpecJsonError {
    /// Not a JSON object at all (a share link, a file name, plain text): `found` is what the text
    /// starts with, at most 40 characters.
    #[error(
        "this is not a genotype spec: a spec is a JSON object ({{ … }}), this text starts with \"{found}\""
    )]
    NotAnObject {
        /// The start of the text (up to 40 characters).
        found: String,
    },
    /// Broken JSON (a missing comma, a cut file): where serde_json stopped and why.
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    NotJson {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong (`trailing comma`, `EOF while parsing an object`).
        message: String,
    },
    /// JSON, but not a spec (an unknown key, a value of the wrong type).
    #[error("line {line}, column {column}: {path}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// Where in the document: `edits[2].feature.type` (`.` for the top).
        path: String,
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

/// serde_json's message without its " at line L column C" tail (the position is reported apart).
pub(crate) fn json_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    text.split(" at line ")
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// The error for text serde_json could not read as JSON: not an object at all, or broken JSON.
fn not_json(bytes: &[u8], e: &serde_json::Error) -> SpecJsonError {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if !text.starts_with('{') {
        return SpecJsonError::NotAnObject {
            found: text.lines().next().unwrap_or("").chars().take(40).collect(),
        };
    }
    SpecJsonError::NotJson {
        line: e.line(),
        column: e.column(),
        message: json_message(e),
    }
}

/// Deserializes JSON, naming the path of the field an error is about: (line, column, path,
/// message). The path is found only when deserializing fails ([`super::json_path`]).
pub(crate) fn parse_with_path<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
) -> Result<T, (usize, usize, String, String)> {
    serde_json::from_slice(bytes).map_err(|e: serde_json::Error| {
        let path = if e.is_syntax() || e.is_eof() {
            ".".to_owned()
        } else {
            super::json_path::path_at(bytes, e.line(), e.column())
        };
        (e.line(), e.column(), path, json_message(&e))
    })
}

/// Reads a spec. The schema version is checked before anything else, so a newer spec gets a
/// message about its version rather than about a field this build does not know.
pub fn parse(bytes: &[u8]) -> Result<GenotypeSpec, SpecJsonError> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| not_json(bytes, &e))?;
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
    // Parse again from the bytes so errors carry line, column and the field's path.
    parse_with_path(bytes).map_err(|(line, column, path, message)| SpecJsonError::Syntax {
        line,
        column,
        path,
        message,
    })
}

/// Largest spec accepted from a link or local storage once unpacked (64 MiB).
pub const PACKED_LIMIT: usize = 64 << 20;

/// Restores a design from packed spec text (a share link, local storage): unpack, parse, check it
/// against the loaded genome. Every failure says what went wrong.
pub fn restore_packed(
    genome: &crate::core::genome::Genome,
    reference: &crate::core::spec::ReferenceSpec,
    packed: &str,
) -> Result<(crate::core::design::Design, crate::core::spec::Warnings), String> {
    let bytes = super::packed::unpack(packed, PACKED_LIMIT).map_err(|e| e.to_string())?;
    let spec = parse(&bytes).map_err(|e| e.to_string())?;
    crate::core::spec::restore(genome, reference, &spec).map_err(|e| e.to_string())
}

/// A short fingerprint of a reference (its contigs' names, lengths and MD5s), for keying saved
/// designs per genome.
pub fn reference_fingerprint(reference: &crate::core::spec::ReferenceSpec) -> String {
    let parts: Vec<String> = reference
        .contigs
        .iter()
        .map(|c| {
            format!(
                "{}:{}:{}",
                c.name,
                c.length,
                c.md5.as_deref().unwrap_or("-")
            )
        })
        .collect();
    crate::core::spec::checksum::md5_hex(&[parts.join(";").as_bytes()])[..12].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_is_not_an_object_says_so_with_its_start() {
        let e = parse(b"  nonsense, not a spec").unwrap_err();
        assert_eq!(
            e,
            SpecJsonError::NotAnObject {
                found: "nonsense, not a spec".to_owned()
            }
        );
        assert_eq!(
            e.to_string(),
            "this is not a genotype spec: a spec is a JSON object ({ … }), this text starts with \"nonsense, not a spec\""
        );
    }

    #[test]
    fn broken_json_names_line_and_column_without_a_path() {
        let e = parse(b"{\n  \"schema_version\": 1,\n}").unwrap_err();
        assert!(matches!(e, SpecJsonError::NotJson { line: 3, .. }), "{e:?}");
        assert!(
            e.to_string()
                .starts_with("not valid JSON at line 3, column 1: trailing comma"),
            "{e}"
        );
    }
}
