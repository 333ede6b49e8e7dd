//! ML views of the edited genome: the gene node view (one row per gene) and the sequence view
//! (per-gene windows around the CDS, strand-aware).

use serde::Serialize;

use super::coord::Span;
use super::design::Design;
use super::edited::EditedGenome;
use super::feature::{FeatureIdx, FeatureKind};
use super::genome::Genome;
use super::lift::{FeatureStatus, Lifted};
use super::seq::revcomp;

/// A gene's state in the edited genome.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GeneStatus {
    /// Where it was.
    Native,
    /// Moved by edits before it.
    Shifted,
    /// Trimmed or interrupted by an edit.
    Disrupted,
    /// Added by an edit.
    Inserted,
    /// Removed.
    Deleted,
}

impl GeneStatus {
    fn of(s: FeatureStatus) -> Self {
        match s {
            FeatureStatus::Unchanged => Self::Native,
            FeatureStatus::Shifted | FeatureStatus::Resized => Self::Shifted,
            FeatureStatus::Trimmed | FeatureStatus::Disrupted => Self::Disrupted,
            FeatureStatus::Dropped | FeatureStatus::Orphaned => Self::Deleted,
        }
    }

    /// The word used in the views.
    pub fn label(self) -> &'static str {
        match self {
            Self::Native => "native",
            Self::Shifted => "shifted",
            Self::Disrupted => "disrupted",
            Self::Inserted => "inserted",
            Self::Deleted => "deleted",
        }
    }
}

/// One row of the gene node view. Coordinates are 1-based, inclusive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GeneNode {
    /// Systematic name (an inserted feature's ID).
    pub id: String,
    /// Standard name (the systematic name when there is none).
    pub name: String,
    /// Feature type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Contig.
    pub contig: String,
    /// Edited start (`None` when deleted).
    pub start: Option<u64>,
    /// Edited end.
    pub end: Option<u64>,
    /// `+`, `-` or `.`.
    pub strand: char,
    /// State.
    pub status: GeneStatus,
    /// Reference start (`None` for an insertion).
    pub ref_start: Option<u64>,
    /// Reference end.
    pub ref_end: Option<u64>,
    /// Whether it is in the design's gene set (all genes are when there is none).
    pub in_gene_set: bool,
    /// The reference feature (`None` for an insertion).
    #[serde(skip)]
    pub feature: Option<FeatureIdx>,
}

/// The gene node view: every gene of the reference in genome order (deleted ones too, marked),
/// then every inserted gene or cassette.
pub fn gene_nodes(genome: &Genome, design: &Design, lifted: &Lifted) -> Vec<GeneNode> {
    let set = design.genotype().gene_set.as_ref();
    let in_set = |id: &str| set.is_none_or(|s| s.genes.iter().any(|g| g.eq_ignore_ascii_case(id)));
    let mut genes: Vec<FeatureIdx> = genome.genes().collect();
    genes.sort_by_key(|&g| {
        let f = genome.feature(g);
        (f.contig, f.span.start(), g)
    });
    let mut rows: Vec<GeneNode> = genes
        .into_iter()
        .map(|g| {
            let f = genome.feature(g);
            let l = lifted.feature(g);
            let (systematic, standard) = super::compose::gene_names(genome, g);
            let span = (!l.status.is_gone()).then_some(l.span).flatten();
            let (rs, re) = f.span.one_based();
            GeneNode {
                in_gene_set: in_set(&systematic),
                id: systematic,
                name: standard,
                kind: f.kind.to_string(),
                contig: genome.contig(f.contig).name.to_string(),
                start: span.map(|s| s.one_based().0),
                end: span.map(|s| s.one_based().1),
                strand: f.strand.symbol(),
                status: GeneStatus::of(l.status),
                ref_start: Some(rs),
                ref_end: Some(re),
                feature: Some(g),
            }
        })
        .collect();
    for (e, s, t) in inserted(design) {
        let Some(feat) = &e.feature else { continue };
        let id = feat
            .id
            .clone()
            .unwrap_or_else(|| format!("genoforge_edit_{}", e.id.0));
        rows.push(GeneNode {
            in_gene_set: in_set(&id),
            name: feat.name.clone().unwrap_or_else(|| id.clone()),
            id,
            kind: feat.kind.to_string(),
            contig: genome.contig(e.contig).name.to_string(),
            start: Some(s + 1),
            end: Some(t),
            strand: feat.strand.symbol(),
            status: GeneStatus::Inserted,
            ref_start: None,
            ref_end: None,
            feature: None,
        });
    }
    rows
}

/// Each enabled edit that adds bases, with the edited span of those bases (0-based, half-open).
fn inserted(design: &Design) -> Vec<(&super::edit::Edit, u64, u64)> {
    let mut out = Vec::new();
    for contig in design.edited_contigs() {
        let Some(layout) = design.layout(contig) else {
            continue;
        };
        for (i, op) in layout.ops().iter().enumerate() {
            if op.sequence.is_empty() {
                continue;
            }
            if let Some(e) = design.edit(op.edit) {
                let s = layout.op_edited_start(i);
                out.push((e, s, s + op.sequence.len() as u64));
            }
        }
    }
    out
}

/// Flank sizes of the sequence view (bases upstream and downstream of the CDS, in the gene's
/// orientation). The default is torchcell's nucleotide-transformer window: 1,003 and 300.
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
            upstream: 1003,
            downstream: 300,
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
        let we = (ce + right).min(len);
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
