//! The gene node view: one row per gene of the edited genome (and per inserted gene), with its
//! state and lifted coordinates.

use serde::Serialize;

use crate::core::design::Design;
use crate::core::genome::Genome;
use crate::core::genome::feature::FeatureIdx;
use crate::core::lift::{FeatureStatus, Lifted};

/// A gene's state in the edited genome.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GeneStatus {
    /// Where it was.
    Native,
    /// Moved by edits before it.
    Shifted,
    /// An edit lies strictly inside it.
    Disrupted,
    /// Part of it removed at one or both ends.
    Trimmed,
    /// A tag joined in frame.
    Fused,
    /// Bases inside it replaced by as many others (a point mutation).
    Substituted,
    /// Its own bases untouched, the promoter upstream of its start codon replaced (a promoter swap
    /// recorded as the gene's `promoter_replacement` perturbation, its edits enabled).
    PromoterReplaced,
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
            FeatureStatus::Trimmed => Self::Trimmed,
            FeatureStatus::Disrupted => Self::Disrupted,
            FeatureStatus::Fused => Self::Fused,
            FeatureStatus::Substituted => Self::Substituted,
            FeatureStatus::Dropped | FeatureStatus::Orphaned => Self::Deleted,
        }
    }

    /// The word used in the views.
    pub fn label(self) -> &'static str {
        match self {
            Self::Native => "native",
            Self::Shifted => "shifted",
            Self::Trimmed => "trimmed",
            Self::Disrupted => "disrupted",
            Self::Fused => "fused",
            Self::Substituted => "substituted",
            Self::PromoterReplaced => "promoter_replaced",
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
    // Genes whose promoter an enabled edit replaced (systematic names, upper case).
    let promoter_swapped: std::collections::BTreeSet<String> = design
        .genotype()
        .perturbations
        .iter()
        .filter(|p| {
            p.perturbation_type
                == crate::core::design::genotype::PerturbationType::PromoterReplacement
                && !p.edit_ids.is_empty()
                && p.edit_ids.iter().all(|&id| design.is_enabled(id))
        })
        .map(|p| p.systematic_gene_name.to_ascii_uppercase())
        .collect();
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
            let (systematic, standard) = genome.gene_names(g);
            let span = (!l.status.is_gone()).then_some(l.span).flatten();
            let (rs, re) = f.span.one_based();
            let status = match GeneStatus::of(l.status) {
                GeneStatus::Native | GeneStatus::Shifted
                    if promoter_swapped.contains(&systematic.to_ascii_uppercase()) =>
                {
                    GeneStatus::PromoterReplaced
                }
                s => s,
            };
            GeneNode {
                in_gene_set: in_set(&systematic),
                id: systematic,
                name: standard,
                kind: f.kind.to_string(),
                contig: genome.contig(f.contig).name.to_string(),
                start: span.map(|s| s.one_based().0),
                end: span.map(|s| s.one_based().1),
                strand: f.strand.symbol(),
                status,
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
fn inserted(design: &Design) -> Vec<(&crate::core::edit::Edit, u64, u64)> {
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
