//! What reconciliation found: per seqid its record and how ([`MatchedBy`]), ambiguities and
//! diagnostics ([`Reconciliation`]).

use crate::core::genome::aliases::ChromosomeAliases;
use crate::core::genome::contig::Topology;
use crate::core::genome::diagnostics::Diagnostic;
use crate::core::genome::reconcile::evidence::RecordInfo;

/// How a seqid was matched to its sequence.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum MatchedBy {
    /// The same name.
    Name,
    /// The same name after normalising case, `chr` prefix and version.
    NormalisedName,
    /// The alias table, confirmed by length.
    AliasTable,
    /// The same organelle or plasmid, the only one of its kind on each side.
    Organelle,
    /// Only the length agreed.
    Length,
}

/// The outcome of reconciliation.
#[derive(Clone, Debug, Default)]
pub struct Reconciliation {
    /// For each seqid (same order as the input), the matched record and how.
    pub matches: Vec<Option<(usize, MatchedBy)>>,
    /// Records no seqid matched, in input order (duplicates left out: see `ambiguity`).
    pub unmatched_records: Vec<usize>,
    /// For each record, why its sequence is ambiguous (it names the same sequence as later
    /// records, which are not loaded), when it is.
    pub record_ambiguity: Vec<Option<String>>,
    /// For each seqid, why it is ambiguous (it could name several records), when it is.
    pub seqid_ambiguity: Vec<Option<String>>,
    /// For each record, the alias-table chromosome it was identified as (length-confirmed).
    pub known_chromosome: Vec<Option<&'static ChromosomeAliases>>,
    /// What was noticed.
    pub diagnostics: Vec<Diagnostic>,
}

impl Reconciliation {
    /// The names a record's contig should also answer to: its own names and, when the alias table
    /// identified it, the table's names.
    pub fn aliases_of(&self, record: usize, info: &RecordInfo) -> Vec<String> {
        let mut names = info.names();
        if let Some(row) = self.known_chromosome.get(record).copied().flatten() {
            names.extend(row.names.iter().map(|n| (*n).to_owned()));
        }
        names
    }

    /// Topology by the alias table (when it identified the record).
    pub fn table_topology(&self, record: usize) -> Option<Topology> {
        self.known_chromosome
            .get(record)
            .copied()
            .flatten()
            .map(|r| r.topology)
    }
}
