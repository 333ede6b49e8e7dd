//! `genoforge validate SPEC`: the spec fits the genome and every edit applies; then its
//! perturbations are checked against its edits and, in a haploid, against the genes the deletion
//! project found essential ([`crate::core::genetics::consistency`]) — each finding a warning on
//! stderr.

use crate::cli::args::ValidateArgs;
use crate::cli::input::{load_genome, load_spec};
use crate::core::genetics::consistency::check;
use crate::io::gene_sets::read_essentiality;

/// The deletion project's essentiality table the app ships (`public/data/deletion_essentiality.tsv`).
const ESSENTIALITY: &[u8] = include_bytes!("../../public/data/deletion_essentiality.tsv");

pub(crate) fn run(a: &ValidateArgs) -> Result<(), String> {
    let loaded = load_genome(&a.genome)?;
    let design = load_spec(&loaded.genome, &a.spec)?;
    let essential = read_essentiality(ESSENTIALITY)
        .map_err(|e| format!("the shipped essentiality table: {e}"))?;
    let findings = check(&loaded.genome, &design, &essential);
    for f in &findings {
        eprintln!("genoforge: warning: {}: {}", a.spec.display(), f.message);
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
