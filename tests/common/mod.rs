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

/// The shipped cassette library (`public/cassettes.json`).
pub fn library() -> genoforge::core::genetics::cassette::Library {
    serde_json::from_slice(&std::fs::read(root().join("public/cassettes.json")).unwrap()).unwrap()
}

/// The bundled S288C R64 GFF3, relative to the crate root (as the CLI's `--gff` takes it).
pub const GFF: &str = "public/genome/Saccharomyces_cerevisiae.R64-1-1.99.gff3.gz";
/// The bundled S288C R64-2-1 FASTA, relative to the crate root (the CLI's `--fasta`).
pub const FASTA: &str = "public/genome/S288C_reference_sequence_R64-2-1_20150113.fsa.gz";

/// Runs the `genoforge` binary at the crate root.
pub fn genoforge(args: &[&str]) -> std::process::Output {
    genoforge_in(&root(), args)
}

/// `genoforge COMMAND --fasta FASTA --gff GFF REST…` on the bundled genome, at the crate root.
pub fn on_default_genome(command: &str, rest: &[&str]) -> std::process::Output {
    let mut args = vec![command, "--fasta", FASTA, "--gff", GFF];
    args.extend_from_slice(rest);
    genoforge(&args)
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

/// SplitMix64: a small seeded generator (tests must not depend on a random source).
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// `n` random bases.
    pub fn bases(&mut self, n: u64) -> Vec<u8> {
        (0..n).map(|_| b"ACGT"[self.below(4) as usize]).collect()
    }
}

/// `n` edits on `genome` that never conflict, in shuffled order, as an edits JSON: deletions of
/// 1–2 bases, insertions of 1–3 bases and replacements of 1–2 bases by 1–3, each at its own
/// position, positions at least 3 bases apart and spread over every contig with a sequence.
pub fn many_edits_json(genome: &genoforge::core::genome::Genome, n: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let contigs: Vec<(&str, u64)> = genome
        .contigs()
        .iter()
        .filter(|c| c.sequence.is_some() && c.length >= 6)
        .map(|c| (c.name.as_ref(), c.length))
        .collect();
    let slots: u64 = contigs.iter().map(|c| c.1 / 3 - 1).sum();
    let stride = (slots / n as u64).max(1);
    let mut edits: Vec<String> = Vec::with_capacity(n);
    for i in 0..n as u64 {
        let mut slot = (i * stride + rng.below(stride)).min(slots - 1);
        let (name, _) = contigs
            .iter()
            .find(|c| {
                let k = c.1 / 3 - 1;
                if slot < k {
                    true
                } else {
                    slot -= k;
                    false
                }
            })
            .expect("slot within the genome");
        let pos = slot * 3 + 1;
        let extra = rng.below(2);
        let len = 1 + rng.below(3);
        let seq = String::from_utf8(rng.bases(len)).unwrap();
        edits.push(match rng.below(3) {
            0 => format!(
                r#"{{"op":"delete","seqid":"{name}","start":{pos},"end":{}}}"#,
                pos + extra
            ),
            1 => format!(r#"{{"op":"insert","seqid":"{name}","pos":{pos},"sequence":"{seq}"}}"#),
            _ => format!(
                r#"{{"op":"replace","seqid":"{name}","start":{pos},"end":{},"sequence":"{seq}"}}"#,
                pos + extra
            ),
        });
    }
    for i in (1..edits.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        edits.swap(i, j);
    }
    format!("{{\"edits\":[\n{}\n]}}\n", edits.join(",\n"))
}
/// The gene a name resolves to in `genome`; panics naming the name when it does not resolve to one.
pub fn gene(
    genome: &genoforge::core::genome::Genome,
    name: &str,
) -> genoforge::core::genome::feature::FeatureIdx {
    match genome.lookup(name) {
        genoforge::core::genome::names::Lookup::Found(hit) => hit.feature,
        other => panic!("{name}: {other:?}"),
    }
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

/// A chain's query name and its blocks (tStart, qStart, size).
pub type Chain = (String, Vec<(u64, u64, u64)>);

/// Each chain of a UCSC chain file by target name, parsed independently of the writer.
pub fn parse_chains(text: &str) -> std::collections::HashMap<String, Chain> {
    let mut out = std::collections::HashMap::new();
    let mut lines = text.lines();
    while let Some(header) = lines.next() {
        if header.trim().is_empty() {
            continue;
        }
        let h: Vec<&str> = header.split_whitespace().collect();
        assert_eq!(h[0], "chain", "{header}");
        let (mut t, mut q): (u64, u64) = (h[5].parse().unwrap(), h[10].parse().unwrap());
        let mut blocks = Vec::new();
        for l in lines.by_ref() {
            let n: Vec<u64> = l.split_whitespace().map(|x| x.parse().unwrap()).collect();
            blocks.push((t, q, n[0]));
            if n.len() == 1 {
                break;
            }
            t += n[0] + n[1];
            q += n[0] + n[2];
        }
        out.insert(h[2].to_owned(), (h[7].to_owned(), blocks));
    }
    out
}

/// Where reference base `p` (0-based) goes through a chain's blocks, as `liftOver` maps a base.
pub fn lift_with_chain(blocks: &[(u64, u64, u64)], p: u64) -> Option<u64> {
    blocks
        .iter()
        .find(|(t, _, n)| *t <= p && p < t + n)
        .map(|(t, q, _)| q + (p - t))
}

/// The edited genome of `d` over the default genome as FASTA (60 columns), as the export writes it.
pub fn edited_fasta(d: &genoforge::core::design::Design) -> String {
    let g = &default_genome().genome;
    let mut fa = Vec::new();
    genoforge::io::fasta_writer::write(
        &mut fa,
        &genoforge::core::lift::edited::EditedGenome::new(g, d),
        genoforge::io::fasta_writer::Width::Sixty,
    )
    .unwrap();
    String::from_utf8(fa).unwrap()
}

/// A 0-based, half-open span `[a, b)` (the engine's convention; panics when `b < a`).
pub fn span0(a: u64, b: u64) -> genoforge::core::coord::Span {
    genoforge::core::coord::Span::new(
        genoforge::core::coord::Pos(a),
        genoforge::core::coord::Pos(b),
    )
    .unwrap()
}

/// The spec of a design on `g` (created 2026-01-01, no essentiality claims), and its JSON as
/// written.
pub fn exported_spec(
    g: &genoforge::core::genome::Genome,
    d: &genoforge::core::design::Design,
) -> (genoforge::core::spec::GenotypeSpec, serde_json::Value) {
    let spec = genoforge::core::spec::export(
        g,
        d,
        &genoforge::core::spec::ReferenceSpec::of(g),
        "2026-01-01T00:00:00Z",
        &genoforge::core::genetics::essential::EssentialityTable::default(),
    );
    let json = serde_json::from_str(&genoforge::io::spec_json::to_string(&spec)).unwrap();
    (spec, json)
}
