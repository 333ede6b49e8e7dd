//! Deleting a region given by coordinates (typed, or dragged on the map), not only whole genes.
//! Designation `Δ(III:1001-2000)` (1-based, inclusive; written and read in `region_name.rs`); the perturbation names every gene the region
//! overlaps (systematic and standard name), deleted whole or in part.

use crate::core::coord::Span;
use crate::core::design::genotype::{
    DamagedGene, GeneDamage, Perturbation, PerturbationType, Zygosity,
};
use crate::core::edit::{EditOp, EditRequest};
use crate::core::genetics::finding::gene_label;
use crate::core::genetics::orf::Orf;
use crate::core::genetics::plan::Plan;
use crate::core::genetics::refusal::Refusal;
use crate::core::genetics::region_name::region_designation;
use crate::core::genome::Genome;
use crate::core::genome::contig::ContigId;
use crate::core::genome::feature::FeatureIdx;
use crate::core::strand::Strand;

/// The top-level genes `span` (0-based, half-open) of `contig` overlaps, in genome order.
pub(crate) fn genes_reached(genome: &Genome, contig: ContigId, span: Span) -> Vec<FeatureIdx> {
    let mut genes: Vec<_> = genome
        .overlapping(contig, span)
        .into_iter()
        .filter(|&f| genome.feature(f).kind.is_gene_like() && genome.feature(f).parents.is_empty())
        .collect();
    crate::core::sort::sort_by_key(&mut genes, |&g| (genome.extent(g).start(), g));
    genes.dedup();
    genes
}

/// What deleting `span` (0-based, half-open) of `contig` does to each gene it reaches, in genome
/// order, as sentences for a preview and the CLI: `deletes TRM8 (YDL201W) whole`, `removes the
/// 3′ end of MGT1 (YDL200C), its stop codon with it`, `removes bases inside …, its start codon
/// with it`. The end is named in the gene's orientation; a codon is named when its bases are
/// among those removed (from the gene's one CDS; none named for a gene without a readable ORF).
pub fn region_gene_effects(genome: &Genome, contig: ContigId, span: Span) -> Vec<String> {
    genes_reached(genome, contig, span)
        .into_iter()
        .map(|g| gene_effect(genome, g, span))
        .collect()
}

/// What deleting `span` (0-based, half-open, on the gene's contig) does to the gene `g`, in the
/// words of [`region_gene_effects`].
pub(crate) fn gene_effect(genome: &Genome, g: FeatureIdx, span: Span) -> String {
    let extent = genome.extent(g);
    let (systematic, standard) = genome.gene_names(g);
    let name = gene_label(&standard, &systematic);
    let reverse = genome.feature(g).strand == Strand::Reverse;
    let codons = Orf::of(genome, g).ok().map_or_else(Vec::new, |o| {
        let last = o.coding.len().saturating_sub(1) as u64;
        [("start", o.ref_pos(0)), ("stop", o.ref_pos(last))]
            .into_iter()
            .filter(|(_, at)| at.is_some_and(|p| span.contains(p)))
            .map(|(w, _)| w)
            .collect()
    });
    let with = match codons.as_slice() {
        [] => String::new(),
        [one] => format!(", its {one} codon with it"),
        _ => ", its start and stop codons with it".to_owned(),
    };
    match GeneDamage::of(extent, span) {
        GeneDamage::Deleted => format!("deletes {name} whole"),
        GeneDamage::Trimmed => {
            // The low-coordinate end is the 5′ end on the forward strand.
            let low = span.start() <= extent.start();
            let end = if low != reverse { "5′" } else { "3′" };
            format!("removes the {end} end of {name}{with}")
        }
        GeneDamage::Disrupted => format!("removes bases inside {name}{with}"),
    }
}

/// The genes `span` (0-based, half-open) of `contig` overlaps, in genome order: `deleted` when the
/// gene's whole extent lies inside, `trimmed` when the region covers one of its ends, `disrupted`
/// when it lies strictly inside the gene (the lift-over's words for the gene line).
pub fn damaged_genes(genome: &Genome, contig: ContigId, span: Span) -> Vec<DamagedGene> {
    genes_reached(genome, contig, span)
        .into_iter()
        .map(|g| {
            let extent = genome.extent(g);
            let (systematic, standard) = genome.gene_names(g);
            DamagedGene {
                systematic_gene_name: systematic,
                perturbed_gene_name: standard,
                damage: GeneDamage::of(extent, span),
            }
        })
        .collect()
}

/// Plans deleting `span` (0-based, half-open) of `contig`. Refused when empty or outside it.
pub fn plan_region_deletion(
    genome: &Genome,
    contig: ContigId,
    span: Span,
) -> Result<Plan, Refusal> {
    let Some(c) = genome.contigs().get(contig.get()) else {
        return Err(Refusal::Region("no such sequence".to_owned()));
    };
    if span.is_empty() {
        return Err(Refusal::Region("the region is empty".to_owned()));
    }
    if span.end().get() > c.length {
        let (s, e) = span.one_based();
        return Err(Refusal::Region(format!(
            "{}:{s}-{e} runs past the end of {} ({} bp)",
            c.name,
            c.name,
            crate::core::coord::thousands(c.length)
        )));
    }
    let designation = region_designation(genome, contig, span);
    let (s, e) = span.one_based();
    Ok(Plan {
        context: Vec::new(),
        warnings: Vec::new(),
        requests: vec![EditRequest {
            contig,
            span,
            sequence: Vec::new(),
            op: EditOp::Delete,
            label: Some(designation.clone()),
            feature: None,
        }],
        perturbation: Perturbation {
            genes: damaged_genes(genome, contig, span),
            perturbation_type: PerturbationType::RegionDeletion,
            systematic_gene_name: format!("{}:{s}-{e}", c.name),
            perturbed_gene_name: format!("{}:{s}-{e}", c.name),
            designation,
            edit_ids: Vec::new(),
            zygosity: Zygosity::Haploid,
        },
    })
}
