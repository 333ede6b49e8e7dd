//! A mutation fuzz run (not in the default tests; see the README): mutated inputs through every
//! reader — GFF3, FASTA, feature table, GenBank and user inserts, edits and spec JSON, gzip,
//! packed links, file sniffing — and through `apply` (load, edits, every writer), asserting no
//! panic, no input taking a second or more, and that whatever loads exports outputs that read
//! back clean: the GFF3 and FASTA reload with no warning or error, chain headers carry the
//! reloaded sizes, report rows have the header's columns. A sample also goes through
//! `gt gff3validator`.
//!
//! `cargo test --test native fuzz:: -- --ignored --nocapture`; `GENOFORGE_FUZZ_N` inputs
//! (default 1,000,000), `GENOFORGE_FUZZ_SEED`. Every input is derived from the seed and its
//! number; the `apply` inputs that fail are written to `target/fuzz-failures/NUMBER/` and the
//! list of failures to `target/fuzz-failures/failures.txt`.

use crate::common::{self, Rng};

use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use genoforge::core::design::Design;
use genoforge::core::genome::diagnostics::Severity;
use genoforge::core::lift::Lifted;
use genoforge::core::lift::edited::EditedGenome;
use genoforge::core::spec::{ReferenceSpec, export, restore};
use genoforge::io::load::{InputFile, LoadRequest, load};
use genoforge::io::{chain, edits_json, fasta_writer, gff3, report, spec_json};

/// Seed inputs: coherent (GFF3, FASTA, edits) triples for `apply`, and seeds for each reader.
struct Seeds {
    triples: Vec<[Vec<u8>; 3]>,
    gff: Vec<Vec<u8>>,
    fasta: Vec<Vec<u8>>,
    edits: Vec<Vec<u8>>,
    specs: Vec<Vec<u8>>,
    genbank: Vec<Vec<u8>>,
    table: Vec<u8>,
}

fn seeds() -> Seeds {
    let case = |p: &str| std::fs::read(common::case(p)).unwrap();
    let fixture = |p: &str| std::fs::read(common::data("fixtures").join(p)).unwrap();
    let eden_edits = br#"{"edits":[{"op":"delete","seqid":"ctg123","start":1201,"end":1210},{"op":"insert","seqid":"ctg123","pos":3300,"sequence":"ACGTAC","feature":{"type":"gene","id":"ins1","strand":"-","children":[{"type":"CDS","offset":{"start":1,"end":6},"strand":"+"}]}},{"op":"replace","seqid":"ctg123","start":5001,"end":5003,"sequence":"TT"}]}"#.to_vec();
    let triples: Vec<[Vec<u8>; 3]> = vec![
        [
            case("chr1/genes.gff3"),
            case("chr1/ref.fa"),
            case("json/disabled.json"),
        ],
        [
            case("chr1/genes.gff3"),
            case("chr1/ref.fa"),
            case("json/cds_parts.json"),
        ],
        [
            case("sloppy/genes.gff3"),
            case("sloppy/ref.fa"),
            case("sloppy/edits.json"),
        ],
        [
            case("dropped_parent/genes.gff3"),
            case("dropped_parent/ref.fa"),
            case("dropped_parent/edits.json"),
        ],
        [
            case("regions/genes.gff3"),
            case("regions/ref.fa"),
            case("regions/edits.json"),
        ],
        [
            case("regions/genes.gff3"),
            case("regions/ref.fa"),
            case("regions/delete_contig.json"),
        ],
        [
            case("organelles/genes.sgd.gff3"),
            case("organelles/ref.fa"),
            case("organelles/edits.sgd.json"),
        ],
        [
            case("huge_coordinates/genes.gff3"),
            case("huge_coordinates/ref.fa"),
            case("huge_coordinates/edits.json"),
        ],
        [
            case("duplicates/genes_plain.gff3"),
            case("duplicates/dup_plain.fa"),
            case("duplicates/edits_other.json"),
        ],
        [
            fixture("genometools/eden.gff3"),
            Vec::new(),
            eden_edits.clone(),
        ],
        [
            fixture("genometools/cds_with_multiple_parents_1.gff3"),
            Vec::new(),
            eden_edits,
        ],
    ];
    // A spec seed: the chr1 design exported.
    let l = common::load_case("chr1");
    let mut d = Design::new();
    let f = edits_json::parse(&case("json/cds_parts.json")).unwrap();
    edits_json::apply(&f, &l.genome, &mut d).unwrap();
    let spec = spec_json::to_string(&export(
        &l.genome,
        &d,
        &ReferenceSpec::of(&l.genome),
        "now",
        &genoforge::core::genetics::essential::EssentialityTable::default(),
    ));
    Seeds {
        gff: triples.iter().map(|t| t[0].clone()).collect(),
        fasta: triples.iter().filter(|t| !t[1].is_empty()).map(|t| t[1].clone()).collect(),
        edits: std::fs::read_dir(common::case("json"))
            .unwrap()
            .map(|e| std::fs::read(e.unwrap().path()).unwrap())
            .collect(),
        specs: vec![spec.into_bytes()],
        triples,
        genbank: vec![
            std::fs::read(common::data("cassettes/pAG25_natMX4.gb")).unwrap(),
            std::fs::read(common::data("cassettes/pFA6a-kanMX4_AJ002680.gb")).unwrap(),
        ],
        table: b"S000002143\tORF\tDubious\tYAL069W\t\t\tchromosome 1\t\t1\t335\t649\tW\t\t1996-07-31\t1996-07-31\tDubious ORF\n".to_vec(),
    }
}

const INTERESTING: [&str; 14] = [
    "0",
    "-1",
    "1",
    "65535",
    "65536",
    "2147483648",
    "4294967296",
    "9223372036854775807",
    "9223372036854775808",
    "18446744073709551615",
    "18446744073709551616",
    "1e9",
    " 5",
    "5 ",
];

const TOKENS: [&str; 16] = [
    "\t",
    "\n",
    ";",
    "=",
    ",",
    " ",
    "%",
    "%09",
    "\"",
    ".",
    "##",
    ">",
    "\r\n",
    "\u{0}",
    "é",
    "[chromosome=I]",
];

/// One random mutation of `data`.
fn mutate(rng: &mut Rng, data: &mut Vec<u8>) {
    let n = data.len() as u64;
    match rng.below(10) {
        0 if n > 0 => {
            let i = rng.below(n) as usize;
            data[i] ^= 1 << rng.below(8);
        }
        1 => {
            let i = rng.below(n + 1) as usize;
            let t = TOKENS[rng.below(TOKENS.len() as u64) as usize];
            data.splice(i..i, t.bytes());
        }
        2 if n > 0 => {
            let i = rng.below(n) as usize;
            let len = (rng.below(16) as usize).min(data.len() - i);
            data.drain(i..i + len);
        }
        3 | 4 => {
            // A number replaced by an interesting one.
            let digits: Vec<usize> = (0..data.len())
                .filter(|&i| data[i].is_ascii_digit())
                .collect();
            if let Some(&i) = digits.get(rng.below(digits.len().max(1) as u64) as usize) {
                let mut j = i;
                while j < data.len() && data[j].is_ascii_digit() {
                    j += 1;
                }
                let mut s = i;
                while s > 0 && data[s - 1].is_ascii_digit() {
                    s -= 1;
                }
                let v = INTERESTING[rng.below(INTERESTING.len() as u64) as usize];
                data.splice(s..j, v.bytes());
            }
        }
        5 | 6 => {
            // A line duplicated, dropped or swapped with another.
            let lines: Vec<Vec<u8>> = data.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
            if lines.len() > 1 {
                let mut lines = lines;
                let a = rng.below(lines.len() as u64) as usize;
                let b = rng.below(lines.len() as u64) as usize;
                match rng.below(3) {
                    0 => {
                        let l = lines[a].clone();
                        lines.insert(b, l);
                    }
                    1 => {
                        lines.remove(a);
                    }
                    _ => lines.swap(a, b),
                }
                *data = lines.join(&b'\n');
            }
        }
        7 => {
            // A tab-separated column (or a JSON string) replaced by a token.
            let seps: Vec<usize> = (0..data.len())
                .filter(|&i| matches!(data[i], b'\t' | b'"'))
                .collect();
            if seps.len() > 1 {
                let k = rng.below(seps.len() as u64 - 1) as usize;
                let (s, e) = (seps[k] + 1, seps[k + 1]);
                let t = match rng.below(4) {
                    0 => String::new(),
                    1 => INTERESTING[rng.below(INTERESTING.len() as u64) as usize].to_owned(),
                    2 => TOKENS[rng.below(TOKENS.len() as u64) as usize].to_owned(),
                    _ => "x".repeat(rng.below(70_000) as usize),
                };
                data.splice(s..e, t.bytes());
            }
        }
        8 if n > 0 => data.truncate(rng.below(n) as usize),
        _ => {
            let i = rng.below(n + 1) as usize;
            let b = rng.next() as u8;
            data.insert(i, b);
        }
    }
}

fn mutated(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut d = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        mutate(rng, &mut d);
    }
    d
}

fn pick<'a>(rng: &mut Rng, v: &'a [Vec<u8>]) -> &'a [u8] {
    &v[rng.below(v.len() as u64) as usize]
}

fn mutate_pick(rng: &mut Rng, v: &[Vec<u8>]) -> Vec<u8> {
    let seed = pick(rng, v);
    mutated(rng, seed)
}

/// What one input did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    /// Read, applied and written; the outputs read back clean.
    Accepted,
    /// Refused with an error (the input is not usable as given).
    Refused,
}

/// The three inputs of one `apply`: a seed triple with one of them mutated (an absent FASTA
/// stays absent).
fn apply_inputs(rng: &mut Rng, s: &Seeds) -> [Vec<u8>; 3] {
    let mut t = s.triples[rng.below(s.triples.len() as u64) as usize].clone();
    let which = rng.below(3) as usize;
    if !t[which].is_empty() {
        t[which] = mutated(rng, &t[which]);
    }
    t
}

/// `apply` on mutated inputs: load, edits, every writer, and the read-back checks.
fn apply_once(inputs: &[Vec<u8>; 3], gt_sample: bool) -> Result<Outcome, String> {
    let [gff, fasta, edits] = inputs.clone();
    let Ok(l) = load(LoadRequest {
        gff: Some(InputFile::new("in.gff3", gff)),
        fasta: (!fasta.is_empty()).then(|| InputFile::new("in.fa", fasta)),
        feature_table: None,
    }) else {
        return Ok(Outcome::Refused);
    };
    let g = &l.genome;
    let Ok(file) = edits_json::parse(&edits) else {
        return Ok(Outcome::Refused);
    };
    let mut design = Design::new();
    if edits_json::apply(&file, g, &mut design).is_err() {
        return Ok(Outcome::Refused);
    }
    let lifted = Lifted::new(g, &design);
    let edited = EditedGenome::new(g, &design);
    let mut out_gff = Vec::new();
    gff3::writer::write(&mut out_gff, g, &design, &lifted).map_err(|e| e.to_string())?;
    let mut out_fa = Vec::new();
    fasta_writer::write(&mut out_fa, &edited, fasta_writer::Width::Sixty)
        .map_err(|e| e.to_string())?;
    let mut out_chain = Vec::new();
    chain::write(&mut out_chain, &edited).map_err(|e| e.to_string())?;
    let mut out_tsv = Vec::new();
    report::write_tsv(&mut out_tsv, g, &design, &lifted).map_err(|e| e.to_string())?;
    let reference = ReferenceSpec::of(g);
    let spec = spec_json::to_string(&export(
        g,
        &design,
        &reference,
        "2026-01-01T00:00:00Z",
        &genoforge::core::genetics::essential::EssentialityTable::default(),
    ));

    // Read back: the GFF3 and FASTA reload with nothing to repair or report.
    let problems = read_back(&out_gff, &out_fa, &out_chain, &out_tsv, g)?;
    // The spec restores the same design.
    let parsed = spec_json::parse(spec.as_bytes()).map_err(|e| format!("spec: {e}"))?;
    let (again, _) = restore(g, &reference, &parsed).map_err(|e| format!("spec restore: {e}"))?;
    if again.edits() != design.edits() {
        return Err("spec restore gives another design".into());
    }
    if let Some(p) = problems {
        return Err(p);
    }
    if gt_sample {
        let dir = std::env::temp_dir().join(format!("genoforge-fuzz-gt-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join(format!("{:?}.gff3", std::thread::current().id()));
        std::fs::write(&f, &out_gff).unwrap();
        if let Some(Err(e)) = common::gt_validate(&f) {
            return Err(format!(
                "gt: {}",
                e.lines().find(|l| l.contains("error")).unwrap_or(&e)
            ));
        }
    }
    Ok(Outcome::Accepted)
}

/// The read-back checks; `Some(problem)` when an output is not clean.
fn read_back(
    gff: &[u8],
    fa: &[u8],
    chain_text: &[u8],
    tsv: &[u8],
    g: &genoforge::core::genome::Genome,
) -> Result<Option<String>, String> {
    let fasta = (!fa.is_empty()).then(|| InputFile::new("out.fa", fa.to_vec()));
    let reloaded = match load(LoadRequest {
        gff: Some(InputFile::new("out.gff3", gff.to_vec())),
        fasta,
        feature_table: None,
    }) {
        Ok(r) => r,
        Err(e) if e.to_string().contains("no feature lines") => return Ok(None),
        Err(e) => return Ok(Some(format!("output GFF3 does not load: {e}"))),
    };
    for d in &reloaded.diagnostics {
        // Sequence-less contigs (no FASTA record written for them) are expected to say so.
        let expected = d.message.contains("has no sequence")
            || d.message.contains("matches no seqid")
            || d.message.contains("has no bases")
            || d.message.contains("the file has no feature lines")
            || d.message.contains("unknown meta-directive")
            // An alias two input sequences share stays shared (the input's Alias= attributes).
            || d.message.contains("is an alias of several sequences")
            || d.message.contains("differ only in case");
        if d.severity >= Severity::Warning && !expected {
            return Ok(Some(format!("output reloads with: {d}")));
        }
    }
    let lengths: BTreeMap<String, u64> = common::fasta_records(&String::from_utf8_lossy(fa))
        .into_iter()
        .map(|(n, s)| (n, s.len() as u64))
        .collect();
    for h in String::from_utf8_lossy(chain_text)
        .lines()
        .filter(|l| l.starts_with("chain"))
    {
        let f: Vec<&str> = h.split(' ').collect();
        if f.len() != 13 {
            return Ok(Some(format!("chain header with {} fields: {h}", f.len())));
        }
        let ref_len = g.contig_by_name(f[2]).map(|c| g.contig(c).length);
        if ref_len != f[3].parse().ok() || lengths.get(f[7]).copied() != f[8].parse().ok() {
            return Ok(Some(format!(
                "chain header sizes differ from the sequences: {h}"
            )));
        }
    }
    let tsv = String::from_utf8_lossy(tsv);
    let cols = tsv.lines().next().map_or(0, |h| h.split('\t').count());
    if let Some(row) = tsv.lines().find(|r| r.split('\t').count() != cols) {
        return Ok(Some(format!(
            "report row with another column count: {row:?}"
        )));
    }
    Ok(None)
}

/// One mutated input through one reader. Readers may refuse; they may not panic or hang.
fn read_once(rng: &mut Rng, s: &Seeds, target: u64) -> Outcome {
    let ok = |b: bool| {
        if b {
            Outcome::Accepted
        } else {
            Outcome::Refused
        }
    };
    match target {
        0 => ok(gff3::read(&mutate_pick(rng, &s.gff)).is_ok()),
        1 => ok(genoforge::io::fasta::read(&mutate_pick(rng, &s.fasta), 1).is_ok()),
        2 => ok(genoforge::io::feature_table::read(&mutated(rng, &s.table)).is_ok()),
        3 => {
            let gb = mutate_pick(rng, &s.genbank);
            let recs = genoforge::io::genbank::read(&gb);
            if let Ok(recs) = &recs {
                for r in recs {
                    if let Ok(c) = genoforge::io::cassette::cassette_from_genbank(r, "x") {
                        assert!(
                            genoforge::core::seq::first_non_iupac(c.sequence.as_bytes()).is_none()
                        );
                    }
                    let _ = genoforge::io::cassette::marker_cassette(r, "m", "nat", "d");
                }
            }
            ok(recs.is_ok())
        }
        4 => ok(edits_json::parse(&mutate_pick(rng, &s.edits)).is_ok()),
        5 => {
            let text = mutate_pick(rng, &s.specs);
            let l = common::load_case("chr1");
            let parsed = spec_json::parse(&text);
            if let Ok(spec) = &parsed {
                let _ = restore(&l.genome, &ReferenceSpec::of(&l.genome), spec);
            }
            ok(parsed.is_ok())
        }
        6 => {
            // gzip and packed links: compress a seed, mutate the compressed bytes.
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            std::io::Write::write_all(&mut enc, pick(rng, &s.gff)).unwrap();
            let gz = mutated(rng, &enc.finish().unwrap());
            let a = genoforge::io::compress::decompress(gz).is_ok();
            let packed = genoforge::io::packed::pack(pick(rng, &s.edits));
            let p = mutated(rng, packed.as_bytes());
            let b = genoforge::io::packed::unpack(&String::from_utf8_lossy(&p), 1 << 20).is_ok();
            ok(a && b)
        }
        _ => {
            let bytes = mutate_pick(rng, &s.fasta);
            let _ = genoforge::io::sniff::guess("x", &bytes);
            let text = String::from_utf8_lossy(&bytes);
            ok(genoforge::io::cassette::parse_text(&text, "x", "pasted").is_ok())
        }
    }
}

#[derive(Default)]
struct Tally {
    by_target: BTreeMap<&'static str, BTreeMap<String, u64>>,
    failures: Vec<String>,
    slowest: Duration,
}

#[test]
#[ignore = "a long fuzz run: cargo test --test native fuzz:: -- --ignored --nocapture"]
fn mutated_inputs_never_panic_hang_or_export_invalid_files() {
    let n: u64 = std::env::var("GENOFORGE_FUZZ_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let seed: u64 = std::env::var("GENOFORGE_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(9);
    let threads = std::thread::available_parallelism()
        .map_or(1, |p| p.get())
        .min(2) as u64;
    let seeds = Arc::new(seeds());
    let tally = Arc::new(Mutex::new(Tally::default()));
    let fail_dir = common::root().join("target/fuzz-failures");
    std::fs::create_dir_all(&fail_dir).unwrap();
    // A hang watchdog: an input still running after 10 s aborts the run, naming it.
    let started: Arc<Vec<AtomicU64>> = Arc::new((0..threads).map(|_| AtomicU64::new(0)).collect());
    let current: Arc<Vec<AtomicU64>> = Arc::new((0..threads).map(|_| AtomicU64::new(0)).collect());
    let t0 = Instant::now();
    {
        let (started, current) = (started.clone(), current.clone());
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(Duration::from_secs(1));
                let now = t0.elapsed().as_millis() as u64;
                for (s, c) in started.iter().zip(current.iter()) {
                    let at = s.load(Ordering::Relaxed);
                    if at != 0 && now.saturating_sub(at) > 10_000 {
                        eprintln!(
                            "input {} has run for more than 10 s (seed {seed})",
                            c.load(Ordering::Relaxed)
                        );
                        std::process::abort();
                    }
                }
            }
        });
    }
    let names = [
        "gff3",
        "fasta",
        "feature_table",
        "genbank",
        "edits_json",
        "spec_json",
        "gzip+packed",
        "sniff+paste",
    ];
    let workers: Vec<_> = (0..threads)
        .map(|t| {
            let (seeds, tally, fail_dir) = (seeds.clone(), tally.clone(), fail_dir.clone());
            let (started, current) = (started.clone(), current.clone());
            std::thread::spawn(move || {
                let mut local = Tally::default();
                for i in (t..n).step_by(threads as usize) {
                    let mut rng = Rng(seed.wrapping_mul(1_000_003).wrapping_add(i));
                    let target = rng.below(2);
                    let begin = Instant::now();
                    started[t as usize]
                        .store(t0.elapsed().as_millis() as u64 + 1, Ordering::Relaxed);
                    current[t as usize].store(i, Ordering::Relaxed);
                    let inputs = (target == 0).then(|| apply_inputs(&mut rng, &seeds));
                    let result = std::panic::catch_unwind(AssertUnwindSafe(|| match &inputs {
                        Some(inputs) => ("apply", apply_once(inputs, i % 2000 == 0)),
                        None => {
                            let r = rng.below(8);
                            (names[r as usize], Ok(read_once(&mut rng, &seeds, r)))
                        }
                    }));
                    if let (Some(inputs), Ok((_, Err(_))) | Err(_)) = (&inputs, &result) {
                        let d = fail_dir.join(i.to_string());
                        std::fs::create_dir_all(&d).unwrap();
                        for (name, bytes) in ["in.gff3", "in.fa", "edits.json"].iter().zip(inputs) {
                            std::fs::write(d.join(name), bytes).unwrap();
                        }
                    }
                    started[t as usize].store(0, Ordering::Relaxed);
                    let took = begin.elapsed();
                    local.slowest = local.slowest.max(took);
                    let (name, outcome) = match result {
                        Ok((name, Ok(o))) => (name, format!("{o:?}")),
                        Ok((name, Err(problem))) => {
                            local
                                .failures
                                .push(format!("input {i} ({name}): {problem}"));
                            (name, "InvalidOutput".to_owned())
                        }
                        Err(_) => {
                            local.failures.push(format!("input {i}: panic"));
                            ("panic", "Panic".to_owned())
                        }
                    };
                    if took >= Duration::from_secs(1) {
                        local
                            .failures
                            .push(format!("input {i} ({name}): took {took:?}"));
                    }
                    *local
                        .by_target
                        .entry(name)
                        .or_default()
                        .entry(outcome)
                        .or_default() += 1;
                }
                let mut all = tally.lock().unwrap();
                for (k, v) in local.by_target {
                    for (o, c) in v {
                        *all.by_target.entry(k).or_default().entry(o).or_default() += c;
                    }
                }
                all.failures.extend(local.failures);
                all.slowest = all.slowest.max(local.slowest);
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let tally = tally.lock().unwrap();
    let total: u64 = tally.by_target.values().flat_map(|v| v.values()).sum();
    eprintln!(
        "fuzz: {total} mutated inputs in {:?} (seed {seed}); slowest {:?}",
        t0.elapsed(),
        tally.slowest
    );
    for (target, outcomes) in &tally.by_target {
        eprintln!("  {target:14} {outcomes:?}");
    }
    let report = tally.failures.join("\n");
    std::fs::write(fail_dir.join("failures.txt"), &report).unwrap();
    for f in tally.failures.iter().take(20) {
        eprintln!("  FAIL {f}");
    }
    assert_eq!(total, n);
    assert!(
        tally.failures.is_empty(),
        "{} failures (target/fuzz-failures/failures.txt)",
        tally.failures.len()
    );
}
