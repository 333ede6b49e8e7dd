//! `genoforge validate SPEC`: the spec fits the genome and every edit applies.

use crate::cli::args::ValidateArgs;
use crate::cli::input::{load_genome, load_spec};

pub(crate) fn run(a: &ValidateArgs) -> Result<(), String> {
    let loaded = load_genome(&a.genome)?;
    let design = load_spec(&loaded.genome, &a.spec)?;
    let g = design.genotype();
    println!(
        "{}: valid — {} edit(s), {} perturbation(s){}",
        a.spec.display(),
        design.edits().len(),
        g.perturbations.len(),
        g.background
            .as_ref()
            .map_or(String::new(), |b| format!(", background {}", b.name))
    );
    Ok(())
}
