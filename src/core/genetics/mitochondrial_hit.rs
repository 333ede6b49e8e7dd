//! Edits on the mitochondrial genome: said, because the nuclear toolkit does not reach it. A PCR
//! cassette is not taken up into mtDNA by the lithium-acetate transformation nuclear edits use
//! (mitochondria are transformed biolistically: Bonnefoy & Fox 2001, Methods Cell Biol 65:381,
//! doi:10.1016/S0091-679X(01)65022-2), and mitochondrial genes are read with the yeast
//! mitochondrial code (NCBI table 3: TGA Trp, ATA Met, CTN Thr), so a nuclear marker or tag put
//! there does not make the protein it makes in the nucleus. Which contig is the mitochondrial
//! genome: [`crate::core::genome::contig::is_mitochondrial`].

use crate::core::design::genotype::Perturbation;
use crate::core::edit::Edit;
use crate::core::genetics::finding::{Finding, FindingKind};
use crate::core::genome::Genome;
use crate::core::genome::contig::is_mitochondrial;

/// The finding for a perturbation whose edits lie on the mitochondrial genome, if any do.
pub(crate) fn mitochondrial_finding(
    genome: &Genome,
    p: &Perturbation,
    edits: &[&Edit],
) -> Option<Finding> {
    let contig = edits
        .iter()
        .map(|e| &*genome.contig(e.contig).name)
        .find(|name| is_mitochondrial(name))?;
    // A change in place (a point mutation) carries no cassette: what is said is how it gets there
    // and how its codons are read, not what a nuclear marker would do.
    let in_place =
        p.perturbation_type == crate::core::design::genotype::PerturbationType::PointMutation;
    let reach = if in_place {
        "mtDNA is not reached by lithium-acetate transformation (mitochondria are transformed biolistically, Bonnefoy & Fox 2001), and its genes are read with the yeast mitochondrial code (NCBI table 3: TGA Trp, ATA Met, CTN Thr), with which the change's codons are named"
    } else {
        "a PCR cassette is not taken up into mtDNA by lithium-acetate transformation (mitochondria are transformed biolistically, Bonnefoy & Fox 2001), and mitochondrial genes are read with the yeast mitochondrial code (NCBI table 3: TGA Trp, ATA Met, CTN Thr), so a nuclear marker or tag placed there does not make its protein"
    };
    Some(Finding {
        kind: FindingKind::MitochondrialGenomeEdited,
        perturbation: None,
        message: format!(
            "{} edits the mitochondrial genome ({contig}): {reach}",
            p.designation
        ),
    })
}
