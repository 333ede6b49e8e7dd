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
use rustc_hash::FxHashMap;

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
    /// What `cds_start`–`cds_end` spans: `cds` for a protein-coding gene (its CDS lines), else the
    /// gene's own kind word — the reference's `biotype` (`tRNA`, `snoRNA`, `ncRNA`, `rRNA`,
    /// `snRNA`, `pseudogene`, …) or the feature type — and the span is the whole feature.
    pub body: String,
    /// Start of the CDS (or, without one, of the feature) on the edited contig, 1-based.
    pub cds_start: u64,
    /// Its end, 1-based inclusive.
    pub cds_end: u64,
    /// Upstream bases actually in the window (fewer at a contig end).
    pub upstream: u64,
    /// Downstream bases actually in the window.
    pub downstream: u64,
    /// The gene's state (of its own lines: `native` or `shifted` when no edit touched them).
    pub status: GeneStatus,
    /// Whether the window's bases differ from the same gene's window on the reference (same
    /// flanks, read the same way): true for a native gene whose flank an edit reached (PHO3 beside
    /// a PHO5 promoter swap), and for every inserted feature (no reference window).
    pub window_changed: bool,
    /// The bases, 5′ → 3′ in the gene's orientation.
    pub sequence: String,
}

/// The CDS extent of every gene: the union of its CDS lines, 0-based half-open, on the reference
/// (`lifted` `None`) or, over the lines that survive, on the edited genome.
fn cds_extents(genome: &Genome, lifted: Option<&Lifted>) -> FxHashMap<FeatureIdx, (u64, u64)> {
    let mut cds: FxHashMap<FeatureIdx, (u64, u64)> = Default::default();
    for (i, f) in genome.features().iter().enumerate() {
        let idx = FeatureIdx(i as u32);
        if f.kind != FeatureKind::Cds {
            continue;
        }
        let span = match lifted {
            None => Some(f.span),
            Some(l) if l.feature(idx).status.is_gone() => None,
            Some(l) => l.feature(idx).span,
        };
        let Some(s) = span else { continue };
        let e = cds
            .entry(genome.top_ancestor(idx))
            .or_insert((s.start().get(), s.end().get()));
        e.0 = e.0.min(s.start().get());
        e.1 = e.1.max(s.end().get());
    }
    cds
}

/// The window around `body` (0-based, half-open) on a contig of `len` bases: (start, end).
fn window(body: (u64, u64), reverse: bool, flanks: Flanks, len: u64) -> (u64, u64) {
    let (left, right) = if reverse {
        (flanks.downstream, flanks.upstream)
    } else {
        (flanks.upstream, flanks.downstream)
    };
    (
        body.0.saturating_sub(left),
        body.1.saturating_add(right).min(len),
    )
}

/// An inserted gene's CDS extent (edited, 0-based half-open): the CDS parts below it (through its
/// mRNA), placed as the insert lies at edited `s..t`. `gene` is the part's index, or `None` for
/// the inserted feature itself.
fn inserted_cds(
    feat: &crate::core::edit::InsertedFeature,
    gene: Option<usize>,
    s: u64,
    t: u64,
) -> Option<(u64, u64)> {
    let parts = &feat.children;
    let below = |mut i: usize| {
        for _ in 0..8 {
            if Some(i) == gene {
                return true;
            }
            let Some(p) = parts[i].parent.as_deref() else {
                // A part without a parent belongs to the inserted feature (genes stand alone).
                return gene.is_none() && !parts[i].kind.is_gene_like();
            };
            match parts.iter().position(|c| c.id.as_deref() == Some(p)) {
                Some(j) => i = j,
                None => return false,
            }
        }
        false
    };
    (0..parts.len())
        .filter(|&i| parts[i].kind == FeatureKind::Cds && below(i))
        .map(|i| feat.part_span(&parts[i], s, t))
        .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)))
}

/// The kind word of a gene without CDS: its `biotype`, else its type.
fn kind_word(genome: &Genome, g: FeatureIdx) -> String {
    let f = genome.feature(g);
    f.attributes()
        .first("biotype")
        .map_or_else(|| f.kind.to_string(), |b| b.into_owned())
}

/// Per-gene windows of every gene still present (deleted genes have none), then of inserted
/// features and the genes among their parts.
pub fn sequence_windows(
    genome: &Genome,
    design: &Design,
    lifted: &Lifted,
    flanks: Flanks,
) -> Vec<SequenceWindow> {
    let cds = cds_extents(genome, Some(lifted));
    let ref_cds = cds_extents(genome, None);
    let edited = EditedGenome::new(genome, design);
    let mut out = Vec::new();
    for node in gene_nodes(genome, design, lifted) {
        if matches!(node.status, GeneStatus::Deleted | GeneStatus::Superseded) {
            continue;
        }
        let (Some(start), Some(end)) = (node.start, node.end) else {
            continue;
        };
        let Some(contig) = genome.contig_by_name(&node.contig) else {
            continue;
        };
        let reverse = node.strand == '-';
        let whole = (start - 1, end);
        // The body (CDS or whole feature) and its word; the reference window's bases.
        let (body, word, reference) = match (node.feature, node.inserted) {
            (Some(g), _) => {
                let (body, word) = cds
                    .get(&g)
                    .map_or_else(|| (whole, kind_word(genome, g)), |&c| (c, "cds".to_owned()));
                let f = genome.feature(g);
                let ref_body = ref_cds
                    .get(&g)
                    .copied()
                    .unwrap_or((f.span.start().get(), f.span.end().get()));
                let (rs, re) = window(ref_body, reverse, flanks, genome.contig(contig).length);
                (body, word, genome.sequence(contig, Span::from_raw(rs, re)))
            }
            (None, Some(r)) => {
                let coding = design
                    .edit(r.edit)
                    .and_then(|e| e.feature.as_ref())
                    .and_then(|feat| inserted_cds(feat, r.part, r.span.0, r.span.1));
                match coding {
                    Some(c) => (c, "cds".to_owned(), None),
                    None => (whole, node.kind.clone(), None),
                }
            }
            _ => (whole, node.kind.clone(), None),
        };
        let len = edited.contig_len(contig);
        let (ws, we) = window(body, reverse, flanks, len);
        let Some(bases) = edited.sequence(contig, Span::from_raw(ws, we)) else {
            continue;
        };
        let (cs, ce) = body;
        let (up, down) = if reverse {
            (we - ce, cs - ws)
        } else {
            (cs - ws, we - ce)
        };
        let window_changed = reference.is_none_or(|r| !r.eq_ignore_ascii_case(&bases));
        let seq = if reverse { revcomp(&bases) } else { bases };
        out.push(SequenceWindow {
            id: node.id,
            name: node.name,
            contig: node.contig,
            strand: if reverse { '-' } else { '+' },
            start: ws + 1,
            end: we,
            body: word,
            cds_start: cs + 1,
            cds_end: ce,
            upstream: up,
            downstream: down,
            status: node.status,
            window_changed,
            sequence: String::from_utf8_lossy(&seq).into_owned(),
        });
    }
    out
}
