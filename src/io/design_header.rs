//! What an edited genome's exports say about the design that made them: the GFF3 header lines
//! (that the annotation was edited, by which design — name and checksum — and its genotype) and
//! the FASTA description of each edited contig (the design's strain and genotype in place of the
//! reference's `[strain=S288C]`).

use crate::core::design::Design;
use crate::core::genetics::nomenclature;
use crate::core::genome::Genome;
use crate::core::spec::genotype_spec::design_md5;

/// The comment and `#!` lines a GFF3 of `design` starts with (after `##gff-version`); none for an
/// empty design, whose annotation is the reference's.
pub fn gff3_lines(genome: &Genome, design: &Design) -> Vec<String> {
    if design.is_empty() {
        return Vec::new();
    }
    let g = design.genotype();
    let genotype = nomenclature::format(g);
    let md5 = design_md5(genome, design);
    let name = g.display_name();
    vec![
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
    ]
}

/// A contig's FASTA description under `design`: the reference's header with `[strain=…]` naming
/// the design's strain, and `[genotype=…]`, `[design=…]` added. Unchanged for an empty design.
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
    out.push_str(&format!(" [design={}]", g.display_name()));
    out.trim().to_owned()
}
