//! The CLI's inputs: files read into memory, the genome, and a design from an edits JSON or a
//! genotype spec. Every error names the file it comes from.

use std::path::Path;

use crate::cli::args::GenomeArgs;
use crate::core::design::Design;
use crate::core::genome::Genome;
use crate::core::genome::diagnostics::{InputKind, Severity};
use crate::core::spec::{ReferenceSpec, restore};
use crate::io::edits_json;
use crate::io::load::{InputFile, LoadRequest, Loaded, load};
use crate::io::spec_json;

/// Reads a file into an [`InputFile`] named by its path.
pub(crate) fn read_input(path: &Path) -> Result<InputFile, String> {
    std::fs::read(path)
        .map(|bytes| InputFile::new(path.display().to_string(), bytes))
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// Loads the genome the arguments name and prints every load diagnostic on stderr, naming its
/// file and line. With `--strict`, any error diagnostic fails the command.
pub(crate) fn load_genome(g: &GenomeArgs) -> Result<Loaded, String> {
    let loaded = load_quietly(g)?;
    for d in &loaded.diagnostics {
        eprintln!("genoforge: {}", describe_diagnostic(g, d));
    }
    strict_check(g, &loaded)?;
    Ok(loaded)
}

/// Loads the genome without printing its diagnostics (`summary` reports them in its output).
pub(crate) fn load_quietly(g: &GenomeArgs) -> Result<Loaded, String> {
    let req = LoadRequest {
        gff: g.gff.as_deref().map(read_input).transpose()?,
        fasta: g.fasta.as_deref().map(read_input).transpose()?,
        feature_table: g.features.as_deref().map(read_input).transpose()?,
    };
    load(req).map_err(|e| e.to_string())
}

/// Under `--strict`, an error naming how many error diagnostics the load had.
pub(crate) fn strict_check(g: &GenomeArgs, loaded: &Loaded) -> Result<(), String> {
    let errors = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if g.strict && errors > 0 {
        return Err(format!(
            "--strict: loading reported {errors} error diagnostic(s); nothing was written"
        ));
    }
    Ok(())
}

/// `warning: genes.gff3: line 13: …`: a diagnostic with the file it concerns.
fn describe_diagnostic(g: &GenomeArgs, d: &crate::core::genome::diagnostics::Diagnostic) -> String {
    let file = match d.input {
        InputKind::Gff3 => g.gff.as_deref(),
        InputKind::Fasta => g.fasta.as_deref(),
        InputKind::FeatureTable => g.features.as_deref(),
        InputKind::Reconciliation => None,
    };
    let place = match (file, d.line) {
        (Some(f), Some(l)) => format!("{}: line {l}: ", f.display()),
        (Some(f), None) => format!("{}: ", f.display()),
        (None, _) => format!("{}: ", d.input),
    };
    format!("{}: {place}{}", d.severity, d.message)
}

/// Loads an edits JSON (`{"edits": [...]}`) into a design over `genome`. A genotype spec (a
/// JSON object with `schema_version`) given as edits is read as a spec ([`load_spec`]).
pub(crate) fn load_edits(genome: &Genome, path: &Path) -> Result<Design, String> {
    let input = read_input(path)?;
    if is_spec(&input.bytes) {
        return load_spec(genome, path);
    }
    let file = edits_json::parse(&input.bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut design = Design::new();
    edits_json::apply(&file, genome, &mut design)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(design)
}

/// Whether JSON bytes are a genotype spec: an object with a `schema_version` key.
fn is_spec(bytes: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(bytes)
        .is_ok_and(|m| m.contains_key("schema_version"))
}

/// The design of `--edits FILE` or `--spec FILE` (exactly one is given; clap enforces it).
pub(crate) fn load_design(
    genome: &Genome,
    edits: Option<&Path>,
    spec: Option<&Path>,
) -> Result<Design, String> {
    match (edits, spec) {
        (Some(e), _) => load_edits(genome, e),
        (None, Some(s)) => load_spec(genome, s),
        (None, None) => Err("give --edits or --spec".to_owned()),
    }
}

/// Reads a genotype spec and restores its design on `genome` (warnings go to stderr).
pub(crate) fn load_spec(genome: &Genome, path: &Path) -> Result<Design, String> {
    let input = read_input(path)?;
    let spec = spec_json::parse(&input.bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let reference = ReferenceSpec::of(genome);
    let (design, warnings) =
        restore(genome, &reference, &spec).map_err(|e| format!("{}: {e}", path.display()))?;
    for w in warnings {
        eprintln!("genoforge: warning: {}: {w}", path.display());
    }
    Ok(design)
}
