//! A design's genotype checked against its edits: each perturbation's gene is touched by its edits,
//! a region deletion lists exactly the genes its edits overlap, every edit realises a perturbation
//! or a background allele, and no haploid design — nor a diploid on both copies (homozygous) —
//! deletes a gene the deletion project found essential (Giaever et al. 2002,
//! [`crate::core::genetics::essential::SOURCE`]; essential: no viable haploid deletion mutant, so
//! the homozygous diploid deletion is not viable either). What `validate` reports; nothing here
//! refuses a design.

use crate::core::coord::Span;
use crate::core::design::Design;
use crate::core::design::genotype::{GeneDamage, Perturbation, PerturbationType};
use crate::core::edit::Edit;
use crate::core::edit::helpers::resolve_gene;
use crate::core::genetics::essential::{EssentialityTable, SOURCE};
use crate::core::genetics::region::damaged_genes;
use crate::core::genome::Genome;

/// What a finding is about.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FindingKind {
    /// A perturbation names a gene none of its edits overlaps or abuts.
    GeneNotTouched,
    /// A perturbation names a gene the loaded genome does not have.
    UnknownGene,
    /// A perturbation names an edit the design does not have.
    MissingEdit,
    /// A region deletion's edits overlap a gene it does not list, or it lists one they miss.
    RegionGenesDiffer,
    /// An edit no perturbation or background allele names.
    EditWithoutPerturbation,
    /// A haploid design, or a diploid on both copies, deletes (wholly or in part) a gene flagged
    /// essential.
    EssentialGeneDeleted,
}

/// One finding: its kind and a sentence naming the perturbation, edit or gene.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// What it is about.
    pub kind: FindingKind,
    /// The sentence.
    pub message: String,
}

/// Whether `edit` overlaps or abuts `extent` (a promoter swap ends at the start codon; an
/// insertion may sit at a gene's end).
fn touches(edit: &Edit, contig: crate::core::genome::contig::ContigId, extent: Span) -> bool {
    edit.contig == contig && edit.span.start() <= extent.end() && edit.span.end() >= extent.start()
}

/// The perturbation's edits, and a finding for each id the design lacks.
fn edits_of<'d>(design: &'d Design, p: &Perturbation, out: &mut Vec<Finding>) -> Vec<&'d Edit> {
    let mut edits = Vec::new();
    for &id in &p.edit_ids {
        match design.edit(id) {
            Some(e) => edits.push(e),
            None => out.push(Finding {
                kind: FindingKind::MissingEdit,
                message: format!(
                    "perturbation {} names edit {id}, which the design does not have",
                    p.designation
                ),
            }),
        }
    }
    edits
}

/// Everything wrong between the design's genotype and its edits, in the design's order.
pub fn check(genome: &Genome, design: &Design, essential: &EssentialityTable) -> Vec<Finding> {
    let g = design.genotype();
    let mut out = Vec::new();
    let haploid = g.background.as_ref().is_none_or(|b| b.ploidy == 1);
    for p in &g.perturbations {
        let edits = edits_of(design, p, &mut out);
        let applied = edits.iter().any(|e| design.is_enabled(e.id));
        // Every copy lacks the gene: a haploid, or a homozygous perturbation of a diploid.
        let every_copy =
            haploid || p.zygosity == crate::core::design::genotype::Zygosity::Homozygous;
        match p.perturbation_type {
            PerturbationType::GeneAddition => {}
            PerturbationType::RegionDeletion => {
                let mut found: Vec<(String, String, GeneDamage)> = Vec::new();
                for e in &edits {
                    for d in damaged_genes(genome, e.contig, e.span) {
                        found.push((d.systematic_gene_name, d.perturbed_gene_name, d.damage));
                    }
                }
                let listed: Vec<&str> = p
                    .genes
                    .iter()
                    .map(|d| d.systematic_gene_name.as_str())
                    .collect();
                let unlisted: Vec<String> = found
                    .iter()
                    .filter(|f| !listed.iter().any(|l| l.eq_ignore_ascii_case(&f.0)))
                    .map(|f| name(&f.1, &f.0))
                    .collect();
                let missed: Vec<String> = p
                    .genes
                    .iter()
                    .filter(|d| {
                        !found
                            .iter()
                            .any(|f| f.0.eq_ignore_ascii_case(&d.systematic_gene_name))
                    })
                    .map(|d| name(&d.perturbed_gene_name, &d.systematic_gene_name))
                    .collect();
                if !unlisted.is_empty() {
                    out.push(Finding {
                        kind: FindingKind::RegionGenesDiffer,
                        message: format!(
                            "region deletion {} damages {} but does not list {}",
                            p.designation,
                            unlisted.join(", "),
                            if unlisted.len() == 1 { "it" } else { "them" }
                        ),
                    });
                }
                if !missed.is_empty() {
                    out.push(Finding {
                        kind: FindingKind::RegionGenesDiffer,
                        message: format!(
                            "region deletion {} lists {}, which its edits do not reach",
                            p.designation,
                            missed.join(", ")
                        ),
                    });
                }
                if every_copy && applied {
                    for f in found.iter().filter(|f| essential.is_essential(&f.0)) {
                        out.push(essential_finding(&p.designation, &name(&f.1, &f.0), f.2));
                    }
                }
            }
            _ => {
                let Ok(gene) = resolve_gene(genome, &p.systematic_gene_name) else {
                    out.push(Finding {
                        kind: FindingKind::UnknownGene,
                        message: format!(
                            "perturbation {} names {}, which this genome does not have",
                            p.designation, p.systematic_gene_name
                        ),
                    });
                    continue;
                };
                let contig = genome.feature(gene).contig;
                let extent = genome.extent(gene);
                if !edits.iter().any(|e| touches(e, contig, extent)) {
                    let (s, e) = extent.one_based();
                    out.push(Finding {
                        kind: FindingKind::GeneNotTouched,
                        message: format!(
                            "perturbation {} names {} ({}:{s}–{e}), but none of its edits ({}) touches it",
                            p.designation,
                            name(&p.perturbed_gene_name, &p.systematic_gene_name),
                            genome.contig(contig).name,
                            if p.edit_ids.is_empty() {
                                "none".to_owned()
                            } else {
                                p.edit_ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(", ")
                            }
                        ),
                    });
                }
                let deletes = matches!(
                    p.perturbation_type,
                    PerturbationType::Deletion
                        | PerturbationType::KanmxDeletion
                        | PerturbationType::NatmxDeletion
                        | PerturbationType::HphmxDeletion
                );
                if every_copy
                    && applied
                    && deletes
                    && essential.is_essential(&p.systematic_gene_name)
                {
                    out.push(essential_finding(
                        &p.designation,
                        &name(&p.perturbed_gene_name, &p.systematic_gene_name),
                        GeneDamage::Deleted,
                    ));
                }
            }
        }
    }
    let named = |id| {
        g.perturbations.iter().any(|p| p.edit_ids.contains(&id))
            || g.background
                .as_ref()
                .is_some_and(|b| b.alleles.iter().any(|a| a.edit_ids.contains(&id)))
    };
    for e in design.edits().iter().filter(|e| !named(e.id)) {
        let (s, t) = e.span.one_based();
        out.push(Finding {
            kind: FindingKind::EditWithoutPerturbation,
            message: format!(
                "edit {} ({} {}:{s}–{t}{}) realises no perturbation or background allele",
                e.id,
                e.op,
                genome.contig(e.contig).name,
                e.label
                    .as_deref()
                    .map_or(String::new(), |l| format!(", {l}"))
            ),
        });
    }
    out
}

/// `TRM8 (YDL201W)`, or the systematic name alone when it is the standard one.
fn name(standard: &str, systematic: &str) -> String {
    if standard.eq_ignore_ascii_case(systematic) {
        systematic.to_owned()
    } else {
        format!("{standard} ({systematic})")
    }
}

fn essential_finding(designation: &str, gene: &str, damage: GeneDamage) -> Finding {
    let how = match damage {
        GeneDamage::Deleted => "deletes",
        GeneDamage::PartiallyDeleted => "deletes part of",
    };
    Finding {
        kind: FindingKind::EssentialGeneDeleted,
        message: format!(
            "{designation} {how} {gene} on every copy, essential in the {SOURCE}: its haploid deletion was not viable"
        ),
    }
}
