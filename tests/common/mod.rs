//! Shared helpers for native integration tests: paths to repo data and the default genome.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use genoforge::io::load::{InputFile, LoadRequest, Loaded, load};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file under `tests/data`.
pub fn data(rel: &str) -> PathBuf {
    root().join("tests/data").join(rel)
}

/// Reads a file into an [`InputFile`] named after it.
pub fn input(path: &Path) -> InputFile {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    InputFile::new(path.file_name().unwrap().to_string_lossy(), bytes)
}

/// The shipped default genome's request (the same files the app loads).
pub fn default_request() -> LoadRequest {
    let g = root().join("public/genome");
    LoadRequest {
        gff: Some(input(
            &g.join("Saccharomyces_cerevisiae.R64-1-1.99.gff3.gz"),
        )),
        fasta: Some(input(
            &g.join("S288C_reference_sequence_R64-2-1_20150113.fsa.gz"),
        )),
        feature_table: Some(input(&g.join("SGD_features.tab.gz"))),
    }
}

/// The default genome, loaded once per test binary.
pub fn default_genome() -> &'static Loaded {
    static CELL: OnceLock<Loaded> = OnceLock::new();
    CELL.get_or_init(|| load(default_request()).expect("the default genome loads"))
}

/// The kanMX4 cassette, built from the pFA6a-kanMX4 GenBank record.
pub fn kanmx4() -> genoforge::core::genetics::cassette::Cassette {
    let gb = std::fs::read(data("cassettes/pFA6a-kanMX4_AJ002680.gb")).unwrap();
    let rec = &genoforge::io::genbank::read(&gb).unwrap()[0];
    genoforge::io::cassette::marker_cassette(rec, "kanMX4", "kan", "G418 resistance").unwrap()
}

/// The shipped essentiality table (the deletion project's flag, `public/data/deletion_essentiality.tsv`).
pub fn essentiality() -> genoforge::core::genetics::essential::EssentialityTable {
    let path = root()
        .join("public")
        .join(genoforge::core::genetics::essential::PATH);
    genoforge::io::gene_sets::read_essentiality(&std::fs::read(path).unwrap()).unwrap()
}

/// The shipped genotype-spec JSON Schema's validator.
pub fn spec_validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_slice(
        &std::fs::read(root().join("public/genotype-spec.schema.json")).unwrap(),
    )
    .unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

/// What the schema finds wrong with a spec (empty when it validates).
pub fn spec_errors(validator: &jsonschema::Validator, spec: &serde_json::Value) -> Vec<String> {
    validator
        .iter_errors(spec)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect()
}
