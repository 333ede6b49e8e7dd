//! Deleting a region given by coordinates (typed, or dragged on the map), not only whole genes.
//! Designation `Δ(III:1001-2000)` (1-based, inclusive; written and read in `region_name.rs`); the perturbation names every gene the region
//! overlaps (systematic and standard name), deleted whole or in part.

use crate::core::coord::Span;
use crate::core::design::genotype::{
    DamagedGene, GeneDamage, Perturbation, PerturbationType, Zygosity,
};
use crate::core::edit::{EditOp, EditRequest};
use crate::core::genetics::plan::Plan;
use crate::core::genetics::refusal::Refusal;
use crate::core::genetics::region_name::region_designation;
use crate::core::genome::Genome;
use crate::core::genome::contig::ContigId;

/// The genes `span` (0-based, half-open) of `contig` overlaps, in genome order: `deleted` when the
/// gene's whole extent lies inside, `trimmed` when the region covers one of its ends, `disrupted`
/// when it lies strictly inside the gene (the lift-over's words for the gene line).
pub fn damaged_genes(genome: &Genome, contig: ContigId, span: Span) -> Vec<DamagedGene> {
    let mut genes: Vec<_> = genome
        .overlapping(contig, span)
        .into_iter()
        .filter(|&f| genome.feature(f).kind.is_gene_like() && genome.feature(f).parents.is_empty())
        .collect();
    crate::core::sort::sort_by_key(&mut genes, |&g| (genome.extent(g).start(), g));
    genes.dedup();
    genes
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
