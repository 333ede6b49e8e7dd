//! What a heterozygous change does beside its own gene, on the one copy it is on. A diploid
//! design's single edited sequence stands for both copies, so a heterozygous perturbation's edits
//! are recorded but not applied (`compose::apply`), and a heterozygous background allele
//! (BY4743's met15Δ0, on the MATa copy) has no edit at all: the lift-over, and every check read
//! from it, sees the wild-type copy only. Here the change is read against the reference instead,
//! and what it would also do on its copy is said: the other genes it deletes or cuts into
//! (`met15Δ0` removes the 5′ end of the dubious ORF YLR302C; `region.rs` words) and the
//! chromosomal elements it removes or cuts into (`tfc3Δ::kanMX4` removes ARS108; from SGD's
//! feature table, [`crate::core::genome::elements`]). A note: the other copy keeps them.

use crate::core::coord::Span;
use crate::core::design::Design;
use crate::core::design::genotype::{PerturbationType, Zygosity};
use crate::core::genetics::elements_hit::{holds, place};
use crate::core::genetics::finding::{Finding, FindingKind};
use crate::core::genetics::region::{gene_effect, genes_reached};
use crate::core::genetics::strain::{allele, allele_edit};
use crate::core::genome::Genome;
use crate::core::genome::contig::ContigId;
use crate::core::genome::elements::ElementKind;

/// One change's bases: where, and what goes in.
struct Change<'a> {
    contig: ContigId,
    span: Span,
    sequence: &'a [u8],
}

/// The sentences for what `changes` do besides to the gene `own` (systematic name; none for a
/// region deletion, whose genes are its own): other genes reached, then elements removed.
fn effects(genome: &Genome, changes: &[Change<'_>], own: Option<&str>) -> Vec<String> {
    let mut out = Vec::new();
    for c in changes {
        if let Some(own) = own {
            out.extend(
                genes_reached(genome, c.contig, c.span)
                    .into_iter()
                    .filter(|&g| !genome.gene_names(g).0.eq_ignore_ascii_case(own))
                    .map(|g| gene_effect(genome, g, c.span)),
            );
        }
        for el in genome.elements().hit_by(c.contig, c.span) {
            let kept = genome
                .sequence(el.contig, el.span)
                .is_some_and(|b| holds(c.sequence, b));
            if kept {
                continue;
            }
            let how = if c.span.contains_span(&el.span) {
                "removes"
            } else {
                "cuts into"
            };
            let kind = match el.kind {
                ElementKind::Centromere => "centromere",
                ElementKind::Ars => "replication origin",
                ElementKind::Telomere => "telomere",
                ElementKind::Ltr => "Ty long terminal repeat",
            };
            // A homolog without its centromere is lost: said, as the haploid finding says it.
            let consequence = if el.kind == ElementKind::Centromere {
                ": that homolog is lost at mitosis, leaving one copy of the chromosome (2n−1)"
            } else {
                ""
            };
            out.push(format!("{how} {kind} {}{consequence}", place(genome, el)));
        }
    }
    out
}

fn sentence(designation: &str, which: &str, effects: &[String]) -> String {
    let list = match effects {
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
        [] => String::new(),
    };
    format!(
        "{designation} is heterozygous ({which}, not applied to the edited sequence, which shows the other, wild-type copy): on its copy it also {list}"
    )
}

/// A [`FindingKind::OneCopyEffects`] note for each heterozygous perturbation (about it) and each
/// heterozygous background allele (about the design) of a diploid design whose change reaches
/// another gene or a chromosomal element.
pub(crate) fn one_copy_findings(genome: &Genome, design: &Design) -> Vec<Finding> {
    let g = design.genotype();
    let Some(background) = g.background.as_ref().filter(|b| b.ploidy == 2) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for a in background
        .alleles
        .iter()
        .filter(|a| a.zygosity == Zygosity::Heterozygous)
    {
        let Some((req, _)) = allele(&a.name).and_then(|def| allele_edit(genome, def).ok()) else {
            continue;
        };
        let change = Change {
            contig: req.contig,
            span: req.span,
            sequence: &req.sequence,
        };
        let found = effects(genome, &[change], Some(&a.systematic_gene_name));
        if !found.is_empty() {
            out.push(Finding {
                kind: FindingKind::OneCopyEffects,
                perturbation: None,
                message: sentence(&a.name, "a background allele on one copy", &found),
            });
        }
    }
    for (index, p) in g.perturbations.iter().enumerate() {
        if p.zygosity != Zygosity::Heterozygous {
            continue;
        }
        let changes: Vec<Change<'_>> = p
            .edit_ids
            .iter()
            .filter_map(|&id| design.edit(id))
            .filter(|e| !design.is_enabled(e.id))
            .map(|e| Change {
                contig: e.contig,
                span: e.span,
                sequence: &e.sequence,
            })
            .collect();
        // A region deletion's genes are its own; a promoter swap's neighbours are said already
        // (promoter_neighbours.rs, on any copy): their elements only.
        let own = match p.perturbation_type {
            PerturbationType::RegionDeletion | PerturbationType::PromoterReplacement => None,
            _ => Some(p.systematic_gene_name.as_str()),
        };
        let found = effects(genome, &changes, own);
        if !found.is_empty() {
            out.push(Finding {
                kind: FindingKind::OneCopyEffects,
                perturbation: Some(index),
                message: sentence(&p.designation, "on one copy", &found),
            });
        }
    }
    out
}
