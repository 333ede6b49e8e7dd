//! Diagnostics: what a lenient import noticed, with where it noticed it.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How serious a diagnostic is.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; nothing was lost.
    Info,
    /// Data was kept but may not mean what the file intended.
    Warning,
    /// Part of the input could not be used (for example a line was skipped).
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        })
    }
}

/// Which input a diagnostic is about.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    /// The GFF3 annotation.
    Gff3,
    /// The FASTA sequence (a separate file, or the `##FASTA` section of the GFF3).
    Fasta,
    /// SGD's `SGD_features.tab`.
    FeatureTable,
    /// Matching sequence names across inputs.
    Reconciliation,
}

impl fmt::Display for InputKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Gff3 => "GFF3",
            Self::Fasta => "FASTA",
            Self::FeatureTable => "feature table",
            Self::Reconciliation => "names",
        })
    }
}

/// One thing an import noticed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// Which input it concerns.
    pub input: InputKind,
    /// 1-based line number in that input, when it concerns one line.
    pub line: Option<u64>,
    /// What was noticed, in words a user can act on.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic about one line of an input.
    pub fn at_line(
        severity: Severity,
        input: InputKind,
        line: u64,
        message: impl Into<String>,
    ) -> Self {
        Self {
            severity,
            input,
            line: Some(line),
            message: message.into(),
        }
    }

    /// A diagnostic about an input as a whole.
    pub fn general(severity: Severity, input: InputKind, message: impl Into<String>) -> Self {
        Self {
            severity,
            input,
            line: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(
                f,
                "{} {} line {}: {}",
                self.severity, self.input, line, self.message
            ),
            None => write!(f, "{} {}: {}", self.severity, self.input, self.message),
        }
    }
}
