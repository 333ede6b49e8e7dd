//! A genome at a glance: contigs, lengths, topology, feature counts, diagnostics.
//!
//! The same value feeds the CLI's `summary --json` and the app's summary panel.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::genome::Genome;
use crate::core::genome::contig::Topology;
use crate::core::genome::diagnostics::{Diagnostic, Severity};

/// One contig's line of the summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContigSummary {
    /// Canonical name (the GFF3 seqid).
    pub name: String,
    /// Other names it answered to.
    pub aliases: Vec<String>,
    /// Length in bases.
    pub length: u64,
    /// Whether it is circular.
    pub circular: bool,
    /// Whether a sequence was loaded for it.
    pub has_sequence: bool,
    /// Number of features on it.
    pub features: usize,
}

/// One diagnostic, flattened for JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiagnosticSummary {
    /// `info`, `warning` or `error`.
    pub severity: Severity,
    /// Which input.
    pub input: String,
    /// 1-based line, when about one line.
    pub line: Option<u64>,
    /// What was noticed.
    pub message: String,
}

/// The summary of a loaded genome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenomeSummary {
    /// Contigs in genome order.
    pub contigs: Vec<ContigSummary>,
    /// Sum of the lengths of the contigs that have a sequence — of every contig when none has
    /// (an annotation opened alone). A seqid without a sequence while others have one has only
    /// the extent of its features for a length, which is no genome's length: see `unsequenced`.
    pub total_length: u64,
    /// The contigs without a sequence while others have one (a GFF3 seqid the FASTA lacks),
    /// left out of `total_length`, in genome order.
    #[serde(default)]
    pub unsequenced: Vec<String>,
    /// Number of feature lines.
    pub total_features: usize,
    /// Feature lines per type.
    pub feature_types: BTreeMap<String, usize>,
    /// Everything the import noticed.
    pub diagnostics: Vec<DiagnosticSummary>,
}

impl GenomeSummary {
    /// Summarises `genome`, with the diagnostics its import produced.
    pub fn new(genome: &Genome, diagnostics: &[Diagnostic]) -> Self {
        let mut per_contig = vec![0usize; genome.contigs().len()];
        let mut feature_types: BTreeMap<String, usize> = BTreeMap::new();
        for f in genome.features() {
            per_contig[f.contig.get()] += 1;
            *feature_types.entry(f.kind.as_str().to_owned()).or_default() += 1;
        }
        let any_sequence = genome.contigs().iter().any(|c| c.sequence.is_some());
        let unsequenced: Vec<String> = genome
            .contigs()
            .iter()
            .filter(|c| any_sequence && c.sequence.is_none())
            .map(|c| c.name.to_string())
            .collect();
        // Problems in the order of their files and lines.
        let mut diagnostics: Vec<&Diagnostic> = diagnostics.iter().collect();
        crate::core::sort::sort_by_key(&mut diagnostics, |d| (d.input.to_string(), d.line));
        Self {
            contigs: genome
                .contigs()
                .iter()
                .zip(per_contig)
                .map(|(c, n)| ContigSummary {
                    name: c.name.to_string(),
                    aliases: c.aliases.iter().map(|a| a.to_string()).collect(),
                    length: c.length,
                    circular: c.topology == Topology::Circular,
                    has_sequence: c.sequence.is_some(),
                    features: n,
                })
                .collect(),
            total_length: if unsequenced.is_empty() {
                genome.total_length()
            } else {
                genome
                    .contigs()
                    .iter()
                    .filter(|c| c.sequence.is_some())
                    .map(|c| c.length)
                    .sum()
            },
            unsequenced,
            total_features: genome.features().len(),
            feature_types,
            diagnostics: diagnostics
                .iter()
                .map(|d| DiagnosticSummary {
                    severity: d.severity,
                    input: d.input.to_string(),
                    line: d.line,
                    message: d.message.clone(),
                })
                .collect(),
        }
    }

    /// Number of diagnostics of at least `severity`.
    pub fn count_at_least(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity >= severity)
            .count()
    }
}
