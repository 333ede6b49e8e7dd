//! Pasted gene lists: split on newlines, commas, semicolons, tabs or spaces; resolve each name;
//! report what did not resolve. Nothing is dropped silently.

use crate::core::genome::Genome;
use crate::core::genome::feature::FeatureIdx;
use crate::core::genome::names::{Lookup, NameKind};

/// A resolved list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GeneList {
    /// Names that resolved to one gene, in input order, with how they matched.
    pub resolved: Vec<(String, FeatureIdx, NameKind)>,
    /// Names no gene has.
    pub unknown: Vec<String>,
    /// Names several genes share, with the candidates.
    pub ambiguous: Vec<(String, Vec<FeatureIdx>)>,
    /// Names that repeat a gene already listed (by this or another name).
    pub duplicates: Vec<String>,
}

impl GeneList {
    /// The resolved genes, without repeats, in input order.
    pub fn genes(&self) -> Vec<FeatureIdx> {
        self.resolved.iter().map(|r| r.1).collect()
    }

    /// Whether every name resolved.
    pub fn is_clean(&self) -> bool {
        self.unknown.is_empty() && self.ambiguous.is_empty()
    }
}

/// Splits pasted text into names.
///
/// ```
/// let names = genoforge::core::genetics::gene_list::split("TFC3, YAL002W\nmet15;  cdc28\t");
/// assert_eq!(names, ["TFC3", "YAL002W", "met15", "cdc28"]);
/// ```
pub fn split(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .map(|t| t.trim_matches(|c: char| c == '"' || c == '\''))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Resolves pasted names against the genome's name index.
pub fn resolve(genome: &Genome, text: &str) -> GeneList {
    let mut out = GeneList::default();
    for name in split(text) {
        match genome.lookup(name) {
            Lookup::Found(hit) => {
                if out.resolved.iter().any(|r| r.1 == hit.feature) {
                    out.duplicates.push(name.to_owned());
                } else {
                    out.resolved.push((name.to_owned(), hit.feature, hit.kind));
                }
            }
            Lookup::NotFound => out.unknown.push(name.to_owned()),
            Lookup::Ambiguous(hits) => out
                .ambiguous
                .push((name.to_owned(), hits.iter().map(|h| h.feature).collect())),
        }
    }
    out
}
