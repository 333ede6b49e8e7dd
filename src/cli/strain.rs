//! `genoforge strain NAME`: the genotype spec of a strain background, on stdout.

use crate::cli::args::StrainArgs;
use crate::cli::clock::now_rfc3339;
use crate::cli::input::load_genome;
use crate::core::design::Design;
use crate::core::genetics::compose::set_background;
use crate::core::genetics::strain::{STRAINS, strain as strain_def};
use crate::core::spec::{ReferenceSpec, export};
use crate::io::spec_json;

pub(crate) fn run(a: &StrainArgs) -> Result<(), String> {
    let def = strain_def(&a.name).ok_or_else(|| {
        let known: Vec<&str> = STRAINS.iter().map(|s| s.name).collect();
        format!("unknown strain '{}'; known: {}", a.name, known.join(", "))
    })?;
    let loaded = load_genome(&a.genome)?;
    let g = &loaded.genome;
    let mut design = Design::new();
    set_background(g, &mut design, def).map_err(|e| e.to_string())?;
    let spec = export(
        g,
        &design,
        &ReferenceSpec::of(g),
        &now_rfc3339(),
        &crate::cli::validate::essentiality()?,
    );
    print!("{}", spec_json::to_string(&spec));
    Ok(())
}
