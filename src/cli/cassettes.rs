//! `genoforge cassettes --from DIR --out FILE`: the cassette library JSON from the plasmids'
//! GenBank files.

use std::io::Write;

use crate::cli::args::CassettesArgs;
use crate::cli::output::Outputs;

pub(crate) fn run(a: &CassettesArgs) -> Result<(), String> {
    let lib = crate::io::cassette::shipped_library(|name| std::fs::read(a.from.join(name)).ok())?;
    let mut json = serde_json::to_string_pretty(&lib).map_err(|e| e.to_string())?;
    json.push('\n');
    let mut out = Outputs::new();
    out.write(&a.out, |w| w.write_all(json.as_bytes()))?;
    out.commit()
}
