//! Gene names → systematic names, through any [`GeneResolver`] (a loaded genome's name index, or
//! the systematic-name pattern alone), and the report of names that did not resolve.
//!
//! An unknown or ambiguous name is never dropped: it is kept as written (upper-cased), counted and
//! listed (the first [`NameReport::LIMIT`] with the line they were first seen on).

use serde::Serialize;

/// What a name resolved to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolved {
    /// One gene: its systematic name.
    Found(String),
    /// Several genes share the name: their systematic names.
    Ambiguous(Vec<String>),
    /// No gene has the name.
    Unknown,
}

/// Resolves gene names (systematic, standard, alias) to systematic names.
pub trait GeneResolver {
    /// Resolves one name (case-insensitive).
    fn resolve(&self, name: &str) -> Resolved;
}

/// Whether `name` has the shape of a yeast systematic name (the patterns torchcell validates:
/// `Y[A-P][LR]\d{3}[WC](-[A-Z])?`, `Q\d{4}`, `YNC[A-Q]\d{4}[WC]`), case-insensitive.
///
/// ```
/// use genoforge::core::datasets::resolve::is_systematic;
/// assert!(is_systematic("YAL001C") && is_systematic("ydr363w-a") && is_systematic("Q0010"));
/// assert!(!is_systematic("TFC3") && !is_systematic("YAL001"));
/// ```
pub fn is_systematic(name: &str) -> bool {
    let b: Vec<u8> = name.bytes().map(|c| c.to_ascii_uppercase()).collect();
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    match b.as_slice() {
        [b'Q', rest @ ..] => rest.len() == 4 && digits(rest),
        [b'Y', b'N', b'C', chr, d @ .., strand] if d.len() == 4 => {
            (b'A'..=b'Q').contains(chr) && digits(d) && matches!(strand, b'W' | b'C')
        }
        [b'Y', chr, arm, d0, d1, d2, strand, tail @ ..] => {
            (b'A'..=b'P').contains(chr)
                && matches!(arm, b'L' | b'R')
                && digits(&[*d0, *d1, *d2])
                && matches!(strand, b'W' | b'C')
                && (tail.is_empty()
                    || (tail.len() == 2 && tail[0] == b'-' && tail[1].is_ascii_uppercase()))
        }
        _ => false,
    }
}

/// The resolver used without a genome: a name shaped like a systematic name is taken as one;
/// anything else is unknown (and so kept as written and reported).
#[derive(Copy, Clone, Debug, Default)]
pub struct SystematicNames;

impl GeneResolver for SystematicNames {
    fn resolve(&self, name: &str) -> Resolved {
        if is_systematic(name) {
            Resolved::Found(name.to_ascii_uppercase())
        } else {
            Resolved::Unknown
        }
    }
}

/// Why a name is reported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "problem")]
pub enum NameProblem {
    /// No gene has it.
    Unknown,
    /// Several genes share it; the candidates' systematic names.
    Ambiguous {
        /// Systematic names of the candidates.
        candidates: Vec<String>,
    },
}

/// One reported name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReportedName {
    /// The name as written.
    pub name: String,
    /// 1-based line where it was first seen.
    pub line: u64,
    /// What is wrong with it.
    #[serde(flatten)]
    pub problem: NameProblem,
}

/// Names that did not resolve to exactly one gene.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct NameReport {
    /// Distinct unknown names.
    pub unknown: u64,
    /// Distinct ambiguous names.
    pub ambiguous: u64,
    /// Occurrences (cells) of unknown or ambiguous names.
    pub occurrences: u64,
    /// The first [`NameReport::LIMIT`] distinct names, in the order first seen.
    pub first: Vec<ReportedName>,
}

impl NameReport {
    /// How many names are listed.
    pub const LIMIT: usize = 20;

    /// Records a newly seen problem name.
    pub fn record(&mut self, name: &str, line: u64, problem: NameProblem) {
        match problem {
            NameProblem::Unknown => self.unknown += 1,
            NameProblem::Ambiguous { .. } => self.ambiguous += 1,
        }
        if self.first.len() < Self::LIMIT {
            self.first.push(ReportedName {
                name: name.to_owned(),
                line,
                problem,
            });
        }
    }

    /// Whether every name resolved.
    pub fn is_clean(&self) -> bool {
        self.unknown == 0 && self.ambiguous == 0
    }

    /// Adds another report (several files of one dataset); lines stay per file.
    pub fn merge(&mut self, other: &NameReport) {
        self.unknown += other.unknown;
        self.ambiguous += other.ambiguous;
        self.occurrences += other.occurrences;
        for r in &other.first {
            if self.first.len() < Self::LIMIT {
                self.first.push(r.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn systematic_shapes() {
        for ok in ["YAL001C", "YBL091C-A", "ynca0001w", "Q0255", "YPR204W"] {
            assert!(is_systematic(ok), "{ok}");
        }
        for bad in ["TFC3", "YAL01C", "YZL001C", "YAL001C-", "Q01", "HO", ""] {
            assert!(!is_systematic(bad), "{bad}");
        }
    }
}
