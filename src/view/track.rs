//! What the gene track draws: genes in the window, packed into rows, with a colour class each.
//! Coordinates only; the UI turns them into pixels.

use crate::core::genome::Genome;
use crate::core::genome::feature::{FeatureIdx, FeatureKind};
use crate::core::genome::gene_info::OrfClass;
use crate::view::viewport::Viewport;

/// The kind of gene, for colour.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum GeneClass {
    /// Verified ORF.
    Verified,
    /// Uncharacterized ORF.
    Uncharacterized,
    /// Dubious ORF.
    Dubious,
    /// A protein-coding gene SGD does not classify here.
    ProteinCoding,
    /// tRNA gene.
    Trna,
    /// Other non-coding RNA gene (rRNA, snRNA, snoRNA, ncRNA).
    NcRna,
    /// Transposable element gene.
    TransposableElement,
    /// Pseudogene.
    Pseudogene,
    /// Anything else.
    Other,
}

impl GeneClass {
    /// A CSS class name.
    pub fn css(self) -> &'static str {
        match self {
            Self::Verified => "verified",
            Self::Uncharacterized => "uncharacterized",
            Self::Dubious => "dubious",
            Self::ProteinCoding => "coding",
            Self::Trna => "trna",
            Self::NcRna => "ncrna",
            Self::TransposableElement => "te",
            Self::Pseudogene => "pseudogene",
            Self::Other => "other",
        }
    }

    /// A word for the legend.
    pub fn label(self) -> &'static str {
        match self {
            Self::Verified => "verified ORF",
            Self::Uncharacterized => "uncharacterized ORF",
            Self::Dubious => "dubious ORF",
            Self::ProteinCoding => "protein-coding",
            Self::Trna => "tRNA",
            Self::NcRna => "ncRNA",
            Self::TransposableElement => "transposon",
            Self::Pseudogene => "pseudogene",
            Self::Other => "other",
        }
    }
}

impl GeneClass {
    /// Every class, in the legend's order.
    pub const ALL: [GeneClass; 9] = [
        Self::Verified,
        Self::Uncharacterized,
        Self::Dubious,
        Self::ProteinCoding,
        Self::Trna,
        Self::NcRna,
        Self::TransposableElement,
        Self::Pseudogene,
        Self::Other,
    ];
}

/// The classes the genome's top-level genes fall in, in the legend's order: what a legend for
/// this genome lists (SGD's ORF classes only when its feature table was loaded).
pub fn classes_present(genome: &Genome) -> Vec<GeneClass> {
    let mut seen = [false; GeneClass::ALL.len()];
    for g in genome.genes() {
        let c = gene_class(genome, g);
        if let Some(i) = GeneClass::ALL.iter().position(|&x| x == c) {
            seen[i] = true;
        }
    }
    GeneClass::ALL
        .iter()
        .zip(seen)
        .filter_map(|(&c, s)| s.then_some(c))
        .collect()
}

/// The class of a gene-level feature: SGD's ORF class when known, else its type and biotype.
pub fn gene_class(genome: &Genome, gene: FeatureIdx) -> GeneClass {
    if let Some(info) = genome.gene_info(gene) {
        match info.orf_class {
            Some(OrfClass::Verified | OrfClass::VerifiedSilenced) => return GeneClass::Verified,
            Some(OrfClass::Uncharacterized) => return GeneClass::Uncharacterized,
            Some(OrfClass::Dubious) => return GeneClass::Dubious,
            None => {}
        }
        if info.feature_type.as_ref() == "tRNA_gene" {
            return GeneClass::Trna;
        }
    }
    let f = genome.feature(gene);
    let biotype = f.attributes().first("biotype");
    match (&f.kind, biotype.as_deref()) {
        (FeatureKind::Pseudogene, _) => GeneClass::Pseudogene,
        (FeatureKind::TransposableElementGene, _) => GeneClass::TransposableElement,
        // SGD's GFF3 types tRNA genes `tRNA_gene`, with no biotype.
        (FeatureKind::TrnaGene, _) | (_, Some("tRNA")) => GeneClass::Trna,
        (FeatureKind::NcRnaGene, _) | (_, Some("ncRNA" | "rRNA" | "snRNA" | "snoRNA")) => {
            GeneClass::NcRna
        }
        (FeatureKind::Gene, _) => GeneClass::ProteinCoding,
        _ => GeneClass::Other,
    }
}

/// A gene placed on the track.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    /// The gene.
    pub gene: FeatureIdx,
    /// Row (0 = top).
    pub row: u32,
}

/// Whether a feature lies within its contig. One running past the contig's end (a broken file,
/// reported by the load) is not drawn, rather than drawn across the chromosome.
pub fn within_contig(genome: &Genome, feature: FeatureIdx) -> bool {
    let f = genome.feature(feature);
    f.span.end().get() <= genome.contig(f.contig).length
}

/// Rows for shapes sorted by start, packed greedily so that none overlap in a row, with `gap`
/// bases kept free after each: `spans` are `(start, end)` in any one coordinate system.
pub fn pack_rows(spans: impl IntoIterator<Item = (u64, u64)>, gap: u64) -> Vec<u32> {
    let mut row_end: Vec<u64> = Vec::new();
    spans
        .into_iter()
        .map(|(start, end)| {
            let row = match row_end.iter().position(|&e| e <= start) {
                Some(r) => r,
                None => {
                    row_end.push(0);
                    row_end.len() - 1
                }
            };
            row_end[row] = end + gap;
            row as u32
        })
        .collect()
}

/// Top-level genes overlapping the window (and within their contig), packed greedily into rows
/// so none overlap (with a margin of `gap` bases, room for a label).
pub fn layout(genome: &Genome, view: &Viewport, gap: u64) -> Vec<Placed> {
    let mut genes: Vec<FeatureIdx> = genome
        .overlapping(view.contig, view.span)
        .into_iter()
        .filter(|&i| {
            let f = genome.feature(i);
            f.parents.is_empty() && !f.kind.is_sequence_level() && within_contig(genome, i)
        })
        .collect();
    crate::core::sort::sort_by_key(&mut genes, |&i| (genome.feature(i).span.start(), i));
    let rows = pack_rows(
        genes.iter().map(|&g| {
            let s = genome.feature(g).span;
            (s.start().get(), s.end().get())
        }),
        gap,
    );
    genes
        .into_iter()
        .zip(rows)
        .map(|(gene, row)| Placed { gene, row })
        .collect()
}
