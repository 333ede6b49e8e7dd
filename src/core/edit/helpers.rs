//! Gene-level helpers: build edit requests from gene names.
//!
//! "Before" and "after" are in the gene's own orientation (5′ and 3′ of it), and sequences given
//! "in the gene's orientation" are reverse-complemented for genes on the − strand, so a cassette
//! always reads the way the gene did.

use crate::core::coord::Span;
use crate::core::edit::{EditError, EditOp, EditRequest, InsertedFeature};
use crate::core::genome::Genome;
use crate::core::genome::feature::FeatureIdx;
use crate::core::genome::names::Lookup;
use crate::core::seq::revcomp;
use crate::core::strand::Strand;

/// Resolves a gene name (systematic, standard or alias) to its gene-level feature.
pub fn resolve_gene(genome: &Genome, name: &str) -> Result<FeatureIdx, EditError> {
    match genome.lookup(name) {
        Lookup::Found(hit) => Ok(hit.feature),
        Lookup::NotFound => Err(EditError::Gene(match genome.unannotated_sentence(name) {
            Some(why) => format!("no gene is named '{name}': {why}"),
            None => format!("no gene is named '{name}'"),
        })),
        Lookup::Ambiguous(hits) => Err(EditError::Gene(format!(
            "'{name}' names {} genes; give one of their systematic names: {}",
            hits.len(),
            hits.iter()
                .map(|h| describe_gene(genome, h.feature))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// A gene for a list of candidates: `YAL001C (TFC3, I:147,594–151,166)`.
pub fn describe_gene(genome: &Genome, gene: FeatureIdx) -> String {
    let f = genome.feature(gene);
    let (systematic, standard) = genome.gene_names(gene);
    let name = if standard == systematic {
        String::new()
    } else {
        format!("{standard}, ")
    };
    format!(
        "{systematic} ({name}{}:{})",
        genome.contig(f.contig).name,
        genome.extent(gene)
    )
}

/// Deletes a gene's full extent (every line sharing its ID).
pub fn delete_gene(genome: &Genome, gene: FeatureIdx, label: Option<String>) -> EditRequest {
    EditRequest {
        contig: genome.feature(gene).contig,
        span: genome.extent(gene),
        sequence: Vec::new(),
        op: EditOp::Delete,
        label,
        feature: None,
    }
}

/// The strand a sequence placed "in the gene's orientation" reads on.
fn orientation(genome: &Genome, gene: FeatureIdx) -> Strand {
    match genome.feature(gene).strand {
        Strand::Reverse => Strand::Reverse,
        _ => Strand::Forward,
    }
}

fn oriented(seq: &[u8], strand: Strand) -> Vec<u8> {
    if strand == Strand::Reverse {
        revcomp(seq)
    } else {
        seq.to_vec()
    }
}

/// Replaces a gene's full extent by `sequence` read in the gene's orientation; the optional
/// feature is placed on the gene's strand.
pub fn replace_gene(
    genome: &Genome,
    gene: FeatureIdx,
    sequence: &[u8],
    feature: Option<InsertedFeature>,
    label: Option<String>,
) -> EditRequest {
    let strand = orientation(genome, gene);
    EditRequest {
        contig: genome.feature(gene).contig,
        span: genome.extent(gene),
        sequence: oriented(sequence, strand),
        op: EditOp::Replace,
        label,
        feature: feature.map(|f| InsertedFeature { strand, ..f }),
    }
}

/// 5′ or 3′ of a gene, in the gene's orientation.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Side {
    /// Upstream (5′).
    Before,
    /// Downstream (3′).
    After,
}

/// Inserts `sequence` (read in the gene's orientation) right before or after a gene.
pub fn insert_next_to_gene(
    genome: &Genome,
    gene: FeatureIdx,
    side: Side,
    sequence: &[u8],
    feature: Option<InsertedFeature>,
    label: Option<String>,
) -> EditRequest {
    let strand = orientation(genome, gene);
    let extent = genome.extent(gene);
    let gap = match (side, strand) {
        (Side::After, Strand::Reverse) | (Side::Before, Strand::Forward) => extent.start(),
        _ => extent.end(),
    };
    EditRequest {
        contig: genome.feature(gene).contig,
        span: Span::empty_at(gap),
        sequence: oriented(sequence, strand),
        op: EditOp::Insert,
        label,
        feature: feature.map(|f| InsertedFeature { strand, ..f }),
    }
}
