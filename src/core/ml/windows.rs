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
    /// Window end, 1-based inclusive. A window across the origin of a circular contig (the
    /// mitochondrial genome) has `end < start`: it reads `start`..the contig's end, then 1..`end`.
    pub end: u64,
    /// What `cds_start`–`cds_end` spans: `cds` for a protein-coding gene (its CDS lines), else the
    /// gene's own kind word — the reference's `biotype` (`tRNA`, `snoRNA`, `ncRNA`, `rRNA`,
    /// `snRNA`, `pseudogene`, …) or the feature type — and the span is the whole feature.
    pub body: String,
    /// Start of the CDS (or, without one, of the feature) on the edited contig, 1-based.
    pub cds_start: u64,
    /// Its end, 1-based inclusive.
    pub cds_end: u64,
    /// Upstream bases actually in the window (fewer at a linear contig's end; none for an inserted
    /// feature that is not a gene — a cassette, promoter or tag — whose window is its own bases).
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

/// The window around `body` (0-based, half-open) on a contig of `len` bases, in the contig's
/// unrolled coordinates: on a circular contig (the mitochondrial genome) it may start before 0 or
/// end after `len`, reading across the origin, as long as it is shorter than the molecule; on a
/// linear one it stops at the ends.
fn window(body: (u64, u64), reverse: bool, flanks: Flanks, len: u64, circular: bool) -> (i64, i64) {
    let (left, right) = if reverse {
        (flanks.downstream, flanks.upstream)
    } else {
        (flanks.upstream, flanks.downstream)
    };
    // Flanks longer than any molecule are the molecule (no overflow).
    let (left, right) = (left.min(len) as i64, right.min(len) as i64);
    let (start, end) = (body.0 as i64 - left, body.1 as i64 + right);
    if circular && end - start < len as i64 {
        (start, end)
    } else {
        (start.max(0), end.min(len as i64))
    }
}

/// The bases of an unrolled window `(start, end)` ([`window`]) on a contig of `len` bases, read
/// by `read` in at most two pieces (the part before the origin first).
fn unrolled<T: AsRef<[u8]>>(
    (start, end): (i64, i64),
    len: u64,
    read: impl Fn(Span) -> Option<T>,
) -> Option<Vec<u8>> {
    let len = len as i64;
    let pieces = if start < 0 {
        vec![(len + start, len), (0, end)]
    } else if end > len {
        vec![(start, len), (0, end - len)]
    } else {
        vec![(start, end)]
    };
    let mut out = Vec::new();
    for (a, b) in pieces {
        out.extend_from_slice(read(Span::from_raw(a as u64, b as u64))?.as_ref());
    }
    Some(out)
}

/// Whether a gene node's window has flanks: every gene, and an inserted feature (or part) that is
/// a gene; a cassette, promoter or tag that is not (its window is its own bases, `body` its kind:
/// a marker cassette's window is not its ORF's again, nor a tag's a gene's).
fn flanked(design: &Design, node: &crate::core::ml::gene_nodes::GeneNode) -> bool {
    let Some(r) = &node.inserted else {
        return true;
    };
    design
        .edit(r.edit)
        .and_then(|e| e.feature.as_ref())
        // A part has a row only when it is a gene or an ORF the GFF3 writes as one (`kan`).
        .is_some_and(|feat| r.part.is_some() || feat.kind.is_gene_like())
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
        let circular = genome.contig(contig).is_circular();
        let node_flanks = if flanked(design, &node) {
            flanks
        } else {
            Flanks {
                upstream: 0,
                downstream: 0,
            }
        };
        // The body (CDS or whole feature) and its word; the reference window's bases.
        let (body, word, reference) = match (node.feature, node.inserted.as_ref()) {
            (Some(g), _) => {
                let (body, word) = cds
                    .get(&g)
                    .map_or_else(|| (whole, kind_word(genome, g)), |&c| (c, "cds".to_owned()));
                let f = genome.feature(g);
                let ref_body = ref_cds
                    .get(&g)
                    .copied()
                    .unwrap_or((f.span.start().get(), f.span.end().get()));
                let ref_len = genome.contig(contig).length;
                let w = window(ref_body, reverse, node_flanks, ref_len, circular);
                (
                    body,
                    word,
                    unrolled(w, ref_len, |s| genome.sequence(contig, s)),
                )
            }
            (None, Some(r)) if node_flanks.upstream + node_flanks.downstream > 0 => {
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
        let (ws, we) = window(body, reverse, node_flanks, len, circular);
        let Some(bases) = unrolled((ws, we), len, |s| edited.sequence(contig, s)) else {
            continue;
        };
        let (cs, ce) = (body.0 as i64, body.1 as i64);
        let (up, down) = if reverse {
            (we - ce, cs - ws)
        } else {
            (cs - ws, we - ce)
        };
        let window_changed = reference.is_none_or(|r| !r.eq_ignore_ascii_case(&bases));
        let seq = if reverse { revcomp(&bases) } else { bases };
        // 1-based on the contig; across the origin of a circular one, start > end.
        let on_contig = |x: i64| x.rem_euclid(len as i64) as u64;
        out.push(SequenceWindow {
            id: node.id,
            name: node.name,
            contig: node.contig,
            strand: if reverse { '-' } else { '+' },
            start: on_contig(ws) + 1,
            end: on_contig(we - 1) + 1,
            body: word,
            cds_start: body.0 + 1,
            cds_end: body.1,
            upstream: up as u64,
            downstream: down as u64,
            status: node.status,
            window_changed,
            sequence: String::from_utf8_lossy(&seq).into_owned(),
        });
    }
    out
}
