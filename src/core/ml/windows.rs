//! The sequence view: per-gene windows around the CDS, read from the edited genome in the gene's
//! orientation.

use serde::Serialize;

use crate::core::coord::Span;
use crate::core::design::Design;
use crate::core::genome::Genome;
use crate::core::genome::feature::{FeatureIdx, FeatureKind};
use crate::core::lift::Lifted;
use crate::core::lift::edited::EditedGenome;
use crate::core::seq::revcomp;

use crate::core::ml::gene_nodes::{GeneStatus, gene_nodes};

/// Flank sizes of the sequence view (bases upstream and downstream of the CDS, in the gene's
/// orientation). The default, 1,000 and 297, makes torchcell's two nucleotide-transformer inputs
/// exact slices of every window (`torchcell/sequence/genome/scerevisiae/fungal_up_down_transformer`:
/// `window_five_prime(1003, include_start_codon=True)` is the first 1,003 bases — 1,000 upstream plus
/// the ATG — and `window_three_prime(300, include_stop_codon=True)` the last 300 — the stop codon
/// plus 297 downstream).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Flanks {
    /// Bases 5′ of the CDS.
    pub upstream: u64,
    /// Bases 3′ of the CDS.
    pub downstream: u64,
}

impl Default for Flanks {
    fn default() -> Self {
        Self {
            upstream: 1000,
            downstream: 297,
        }
    }
}

/// One gene's window, read from the edited genome in the gene's orientation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SequenceWindow {
    /// Systematic name (or the inserted feature's ID).
    pub id: String,
    /// Standard name.
    pub name: String,
    /// Contig.
    pub contig: String,
    /// `+` or `-` (a window on `-` is reverse-complemented).
    pub strand: char,
    /// Window start on the edited contig, 1-based.
    pub start: u64,
    /// Window end, 1-based inclusive.
    pub end: u64,
    /// CDS (or gene, without a CDS) start on the edited contig, 1-based.
    pub cds_start: u64,
    /// CDS end.
    pub cds_end: u64,
    /// Upstream bases actually in the window (fewer at a contig end).
    pub upstream: u64,
    /// Downstream bases actually in the window.
    pub downstream: u64,
    /// The gene's state.
    pub status: GeneStatus,
    /// The bases, 5′ → 3′ in the gene's orientation.
    pub sequence: String,
}

/// Per-gene windows of every gene still present (deleted genes have none), then of inserted genes.
pub fn sequence_windows(
    genome: &Genome,
    design: &Design,
    lifted: &Lifted,
    flanks: Flanks,
) -> Vec<SequenceWindow> {
    // Each gene's CDS extent in edited coordinates: the union of its surviving CDS lines.
    let mut cds: rustc_hash::FxHashMap<FeatureIdx, (u64, u64)> = Default::default();
    for (i, f) in genome.features().iter().enumerate() {
        let idx = FeatureIdx(i as u32);
        let l = lifted.feature(idx);
        if f.kind != FeatureKind::Cds || l.status.is_gone() {
            continue;
        }
        let Some(s) = l.span else { continue };
        let e = cds
            .entry(genome.top_ancestor(idx))
            .or_insert((s.start().get(), s.end().get()));
        e.0 = e.0.min(s.start().get());
        e.1 = e.1.max(s.end().get());
    }
    let edited = EditedGenome::new(genome, design);
    let mut out = Vec::new();
    for node in gene_nodes(genome, design, lifted) {
        let g = node.feature;
        if node.status == GeneStatus::Deleted {
            continue;
        }
        let (Some(start), Some(end)) = (node.start, node.end) else {
            continue;
        };
        let (cs, ce) = g
            .and_then(|g| cds.get(&g).copied())
            .unwrap_or((start - 1, end));
        let Some(contig) = genome.contig_by_name(&node.contig) else {
            continue;
        };
        let len = edited.contig_len(contig);
        let reverse = node.strand == '-';
        let (left, right) = if reverse {
            (flanks.downstream, flanks.upstream)
        } else {
            (flanks.upstream, flanks.downstream)
        };
        let ws = cs.saturating_sub(left);
        let we = ce.saturating_add(right).min(len);
        let Some(bases) = edited.sequence(contig, Span::from_raw(ws, we)) else {
            continue;
        };
        let (up, down) = if reverse {
            (we - ce, cs - ws)
        } else {
            (cs - ws, we - ce)
        };
        let seq = if reverse { revcomp(&bases) } else { bases };
        out.push(SequenceWindow {
            id: node.id,
            name: node.name,
            contig: node.contig,
            strand: if reverse { '-' } else { '+' },
            start: ws + 1,
            end: we,
            cds_start: cs + 1,
            cds_end: ce,
            upstream: up,
            downstream: down,
            status: node.status,
            sequence: String::from_utf8_lossy(&seq).into_owned(),
        });
    }
    out
}
