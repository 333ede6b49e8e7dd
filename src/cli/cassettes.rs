//! `genoforge cassettes --from DIR --out FILE`: the cassette library JSON from the plasmids'
//! GenBank files.

use std::io::Write;

use crate::cli::Failure;
use crate::cli::args::CassettesArgs;
use crate::cli::output::{Outputs, check_paths};

pub(crate) fn run(a: &CassettesArgs) -> Result<(), Failure> {
    let inputs: Vec<std::path::PathBuf> = crate::io::cassette::marker::PLASMID_FILES
        .iter()
        .map(|f| a.from.join(f))
        .collect();
    let inputs: Vec<&std::path::Path> = inputs.iter().map(|p| p.as_path()).collect();
    check_paths(&inputs, &[("--out", &a.out)]).map_err(Failure::Usage)?;
    let lib = crate::io::cassette::shipped_library(|name| std::fs::read(a.from.join(name)).ok())?;
    let mut json = serde_json::to_string_pretty(&lib).map_err(|e| e.to_string())?;
    json.push('\n');
    let mut out = Outputs::new();
    out.write(&a.out, |w| w.write_all(json.as_bytes()))?;
    Ok(out.commit()?)
}
