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

/// A file or folder under `tests/data/cases` (small inputs, one kind of fault each).
pub fn case(rel: &str) -> PathBuf {
    data("cases").join(rel)
}

/// Loads `genes.gff3` and `ref.fa` of a folder under `tests/data/cases` (either may be absent).
pub fn load_case(dir: &str) -> Loaded {
    let d = case(dir);
    let file = |n: &str| {
        let p = d.join(n);
        p.exists().then(|| input(&p))
    };
    load(LoadRequest {
        gff: file("genes.gff3"),
        fasta: file("ref.fa"),
        feature_table: None,
    })
    .unwrap_or_else(|e| panic!("{dir}: {e}"))
}

/// Runs the `genoforge` binary in `dir`.
pub fn genoforge_in(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_genoforge"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1795392000")
        .current_dir(dir)
        .output()
        .expect("run genoforge")
}

/// A fresh, empty directory for one test's outputs (unique per call: tests run in parallel).
pub fn scratch(name: &str) -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("genoforge-{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `gt gff3validator` on a file: `Ok` when valid, else gt's message. `None` without gt.
pub fn gt_validate(path: &Path) -> Option<Result<(), String>> {
    let out = std::process::Command::new("gt")
        .args(["gff3validator"])
        .arg(path)
        .output()
        .ok()?;
    Some(if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    })
}

/// FASTA text as (id, bases) per record.
pub fn fasta_records(text: &str) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = Vec::new();
    for l in text.lines() {
        match l.strip_prefix('>') {
            Some(h) => v.push((h.split(' ').next().unwrap_or("").to_owned(), String::new())),
            None => {
                if let Some(last) = v.last_mut() {
                    last.1.push_str(l);
                }
            }
        }
    }
    v
}
