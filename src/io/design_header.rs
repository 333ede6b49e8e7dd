//! What an edited genome's exports say about the design that made them: the GFF3 header lines
//! (that the annotation was edited, by which design — name and checksum — and its genotype) and
//! the FASTA description of each edited contig (the design's strain and genotype in place of the
//! reference's `[strain=S288C]`), and what of the genotype the one sequence does not carry (a
//! diploid's heterozygous alleles and edits).

use crate::core::design::Design;
use crate::core::genetics::nomenclature;
use crate::core::genome::Genome;
use crate::core::spec::genotype_spec::design_md5;

/// The comment and `#!` lines a GFF3 of `design` starts with (after `##gff-version`): what was
/// edited, `#!genoforge-design`, `-design-md5`, `-genotype` and, when some of the genotype is
/// recorded but not in the one sequence, `#!genoforge-not-in-sequence`; none for an empty design,
/// whose annotation is the reference's.
pub fn gff3_lines(genome: &Genome, design: &Design) -> Vec<String> {
    if design.is_empty() {
        return Vec::new();
    }
    let g = design.genotype();
    let genotype = nomenclature::format(g);
    let md5 = design_md5(genome, design);
    let name = g.display_name();
    let mut lines = vec![
        format!(
            "# Edited annotation: the reference's features lifted through the {} edit(s) of design \"{name}\" by genoforge {}. Lines an edit changed carry edit_status, edit and (CDS, transcript) valid_ORF; inserted features have source genoforge.",
            design
                .edits()
                .iter()
                .filter(|e| design.is_enabled(e.id))
                .count(),
            env!("CARGO_PKG_VERSION")
        ),
        format!("#!genoforge-design {name}"),
        format!("#!genoforge-design-md5 {md5}"),
        format!(
            "#!genoforge-genotype {}",
            if genotype.is_empty() {
                "(no gene-level perturbation recorded)"
            } else {
                genotype.as_str()
            }
        ),
    ];
    let missing = not_in_sequence(design);
    if !missing.is_empty() {
        lines.push(format!("#!genoforge-not-in-sequence {missing}"));
    }
    lines
}

/// The genotype's alleles and perturbations the one edited sequence does not carry, as the
/// genotype string writes them (`MATa/MATα LYS2/lys2Δ0 met15Δ0/MET15 tfc3Δ::kanMX4/TFC3` for
/// BY4743 with a heterozygous deletion): those none of whose edits is enabled — heterozygous
/// ones (recorded, not applied: the sequence is the copy without them), MATa where MAT could not
/// be modelled, edits the user disabled. Empty when the sequence carries the whole genotype.
fn not_in_sequence(design: &Design) -> String {
    let g = design.genotype();
    let absent = |ids: &[crate::core::edit::EditId]| !ids.iter().any(|&id| design.is_enabled(id));
    let mut out: Vec<String> = Vec::new();
    if let Some(b) = &g.background {
        for a in b.alleles.iter().filter(|a| absent(&a.edit_ids)) {
            out.push(if a.locus == "MAT" {
                b.mating_type.genotype_token().to_owned()
            } else {
                nomenclature::allele_token(&a.name, b.ploidy, a.zygosity, a.copy)
            });
        }
    }
    out.extend(
        g.perturbations
            .iter()
            .filter(|p| absent(&p.edit_ids))
            .map(nomenclature::perturbation_token),
    );
    out.join(" ")
}

/// A contig's FASTA description under `design`: the reference's header with `[strain=…]` naming
/// the design's strain, and `[genotype=…]`, `[not_in_sequence=…]` (when some of the genotype is
/// recorded, not applied), `[design=…]` added. Unchanged for an empty design.
pub fn fasta_description(reference_header: &str, design: &Design) -> String {
    if design.is_empty() {
        return reference_header.to_owned();
    }
    let g = design.genotype();
    let strain = g
        .background
        .as_ref()
        .map_or_else(|| "S288C-derived design".to_owned(), |b| b.name.clone());
    let genotype = nomenclature::format(g);
    let mut out = String::new();
    let mut replaced = false;
    let mut rest = reference_header;
    while let Some(i) = rest.find("[strain=") {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(']').map_or(rest.len(), |j| i + j + 1);
        out.push_str(&format!("[strain={strain}]"));
        replaced = true;
        rest = &rest[end..];
    }
    out.push_str(rest);
    if !replaced {
        out.push_str(&format!(" [strain={strain}]"));
    }
    if !genotype.is_empty() {
        out.push_str(&format!(" [genotype={genotype}]"));
    }
    let missing = not_in_sequence(design);
    if !missing.is_empty() {
        out.push_str(&format!(" [not_in_sequence={missing}]"));
    }
    out.push_str(&format!(" [design={}]", g.display_name()));
    out.trim().to_owned()
}
