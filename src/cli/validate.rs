//! `genoforge validate SPEC`: the spec fits the genome and every edit applies; then its
//! perturbations are checked against its edits and, in a haploid, against the genes the deletion
//! project found essential ([`crate::core::genetics::consistency`]) — each finding a warning on
//! stderr.

use crate::cli::args::ValidateArgs;
use crate::cli::input::{load_genome, load_spec};
use crate::core::genetics::consistency::check;
use crate::core::genetics::finding::FindingKind;
use crate::io::gene_sets::read_essentiality;

/// The deletion project's essentiality table the app ships (`public/data/deletion_essentiality.tsv`).
const ESSENTIALITY: &[u8] = include_bytes!("../../public/data/deletion_essentiality.tsv");

/// The shipped essentiality table (Giaever et al. 2002), read.
pub(crate) fn essentiality() -> Result<crate::core::genetics::essential::EssentialityTable, String>
{
    read_essentiality(ESSENTIALITY).map_err(|e| format!("the shipped essentiality table: {e}"))
}

/// Prints the design's biology warnings (`consistency::warnings`: essential genes deleted or
/// damaged, a marker used twice, a promoter swap reaching another feature) to stderr, but those
/// `skip` says were already printed.
pub(crate) fn print_warnings(
    genome: &crate::core::genome::Genome,
    design: &crate::core::design::Design,
    lifted: &crate::core::lift::Lifted,
    skip: &dyn Fn(FindingKind) -> bool,
) -> Result<(), String> {
    let table = essentiality()?;
    for f in crate::core::genetics::consistency::warnings(genome, design, &table, Some(lifted)) {
        if !skip(f.kind) {
            eprintln!("genoforge: {}: {}", level(f.kind), f.message);
        }
    }
    Ok(())
}

/// How stderr heads a finding: `note` for what checked nothing ([`FindingKind::ElementsUnchecked`]:
/// give `--features SGD_features.tab`), `warning` for the rest.
fn level(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::ElementsUnchecked => "note",
        _ => "warning",
    }
}

pub(crate) fn run(a: &ValidateArgs) -> Result<(), String> {
    let loaded = load_genome(&a.genome)?;
    let design = load_spec(&loaded.genome, &a.spec)?;
    let essential = essentiality()?;
    let findings = check(&loaded.genome, &design, &essential);
    for f in &findings {
        eprintln!(
            "genoforge: {}: {}: {}",
            level(f.kind),
            a.spec.display(),
            f.message
        );
    }
    let g = design.genotype();
    println!(
        "{}: valid — {} edit(s), {} perturbation(s){}{}",
        a.spec.display(),
        design.edits().len(),
        g.perturbations.len(),
        g.background
            .as_ref()
            .map_or(String::new(), |b| format!(", background {}", b.name)),
        match findings.len() {
            0 => String::new(),
            n => format!("; {n} warning(s)"),
        }
    );
    Ok(())
}
