//! The deletion collection's allele of a gene, against the whole-ORF deletion this engine makes:
//! the Saccharomyces Genome Deletion Project's `yfgΔ::kanMX4` replaced codon 2 to the last sense
//! codon (the start and stop codons stay, as the project's UP45/DN45 primers in
//! `Deletion_primers_PCR_sizes.txt` show) and carries UPTAG/DNTAG barcodes (Winzeler et al. 1999,
//! Science 285:901, doi:10.1126/science.285.5429.901). What a marker deletion's preview says of
//! that difference, and what the collection's viable deletion tells of an essential neighbour a
//! deletion trims.

use crate::core::coord::Span;
use crate::core::design::genotype::{Perturbation, PerturbationType};
use crate::core::edit::helpers::resolve_gene;
use crate::core::genetics::essential::{Essentiality, EssentialityTable};
use crate::core::genetics::orf::Orf;
use crate::core::genome::Genome;

/// Whether `kind` deletes its gene, cleanly or by a marker (not a replacement by another sequence).
fn deletes_gene(kind: PerturbationType) -> bool {
    kind.removes_gene() && kind != PerturbationType::GeneReplacement
}

/// The reference bases the collection's allele of `orf` replaces: codon 2 to the last sense codon
/// (0-based, half-open). `None` for an ORF of fewer than three codons.
pub fn replaced_span(orf: &Orf) -> Option<Span> {
    let n = orf.coding.len() as u64;
    let (a, b) = (orf.ref_pos(3)?, orf.ref_pos(n.checked_sub(4)?)?);
    Some(Span::from_raw(
        a.get().min(b.get()),
        a.get().max(b.get()) + 1,
    ))
}

/// What a gene deletion by a marker cassette models, for its preview and the CLI: the ORF from its
/// start codon to its stop codon replaced by the cassette — and, for kanMX4, that the collection's
/// strains keep both codons and carry barcodes, which the model leaves out. `None` for other
/// perturbations.
pub fn deletion_extent_note(p: &Perturbation) -> Option<String> {
    if !deletes_gene(p.perturbation_type) || p.perturbation_type == PerturbationType::Deletion {
        return None;
    }
    let marker = p.designation.split("::").nth(1).unwrap_or("the marker");
    let model =
        format!("Modelled as the ORF from its start codon to its stop codon replaced by {marker}");
    // The deletion collection's alleles are kanMX4's; a natMX or hphMX deletion is the lab's own.
    Some(if p.perturbation_type == PerturbationType::KanmxDeletion {
        format!(
            "{model}; the deletion collection's yfgΔ::kanMX4 strains keep both codons and carry UPTAG/DNTAG barcodes (Winzeler et al. 1999), which are not modelled."
        )
    } else {
        format!("{model}.")
    })
}

/// When `p` deletes a gene the deletion project found viable, what its own allele
/// ([`replaced_span`]) did to the essential `neighbour` (systematic name; `label` as written): it
/// either removed the same part of the neighbour — which then keeps its function (a later
/// in-frame start, say) — or spared it, and this design's whole-ORF deletion takes more than the
/// collection's allele. `None` for other perturbations, or a gene essential or not tested.
pub fn collection_viable(
    genome: &Genome,
    essential: &EssentialityTable,
    p: &Perturbation,
    neighbour: &str,
    label: &str,
) -> Option<String> {
    if !deletes_gene(p.perturbation_type)
        || essential.of(&p.systematic_gene_name) != Essentiality::Viable
    {
        return None;
    }
    let orf = |name: &str| {
        resolve_gene(genome, name)
            .ok()
            .and_then(|g| Orf::of(genome, g).ok())
    };
    let own = orf(&p.systematic_gene_name)?;
    let kept = replaced_span(&own)?;
    let other = orf(neighbour)?;
    let reached = other.contig == own.contig && other.parts.iter().any(|part| part.overlaps(&kept));
    Some(if reached {
        format!(
            "that allele (codon 2 to the last sense codon replaced) reaches {label}'s coding sequence too, so the essential gene likely keeps its function"
        )
    } else {
        format!(
            "that allele keeps the start and stop codons (codon 2 to the last sense codon replaced) and does not reach {label}'s coding sequence; this design deletes the whole ORF, more than the collection's allele"
        )
    })
}
