//! Every GFF3 fixture goes through the loader: valid ones load cleanly, invalid ones are refused or
//! diagnosed with a message naming the problem, and nothing panics. Plus hand-made bad inputs.

use crate::common;

use std::path::{Path, PathBuf};

use genoforge::core::genome::diagnostics::Severity;
use genoforge::io::gff3::Gff3Error;
use genoforge::io::load::{InputFile, LoadError, LoadRequest, Loaded, load, load_stepwise};

fn fixtures() -> PathBuf {
    common::data("fixtures")
}

fn all_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            all_files(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// Annotation-like fixtures (GFF3, GFF2, GTF, compressed).
fn annotation_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    all_files(&fixtures(), &mut files);
    files.retain(|p| {
        let name = p.file_name().unwrap().to_string_lossy();
        [
            ".gff3",
            ".gff",
            ".gtf",
            ".gff3.gz",
            "_gff.txt",
            "_gff2.txt",
            "_gtf.txt",
            "gff3.txt",
            "_gff2_alt.txt",
        ]
        .iter()
        .any(|ext| name.ends_with(ext))
            || name == "nonascii"
    });
    files.sort();
    files
}

/// Loads a GFF3 fixture, with its companion FASTA (`.fas`) when there is one; panics are caught and
/// reported with the file name.
fn load_fixture(gff: &Path) -> Result<Loaded, LoadError> {
    let fas = gff.with_extension("fas");
    let req = LoadRequest {
        gff: Some(common::input(gff)),
        fasta: fas.exists().then(|| common::input(&fas)),
        feature_table: None,
    };
    let name = gff.display().to_string();
    std::panic::catch_unwind(|| load(req)).unwrap_or_else(|_| panic!("loading {name} panicked"))
}

#[test]
fn every_fixture_loads_or_is_refused_without_panic() {
    let files = annotation_files();
    assert!(files.len() > 100, "found only {} fixtures", files.len());
    let mut loaded = 0;
    for f in &files {
        match load_fixture(f) {
            Ok(l) => {
                loaded += 1;
                // Every diagnostic says where: a line, or it is about the input as a whole.
                for d in &l.diagnostics {
                    assert!(!d.message.is_empty(), "{}: empty diagnostic", f.display());
                }
            }
            Err(e) => {
                let msg = e.to_string();
                assert!(
                    msg.contains(&*f.file_name().unwrap().to_string_lossy()),
                    "{msg}"
                );
            }
        }
    }
    assert!(
        loaded > 90,
        "only {loaded} of {} fixtures loaded",
        files.len()
    );
}

/// gt's expected messages, where ours are worded differently but name the same problem.
const OVERRIDES: [(&str, &str); 2] = [
    // gt's test only checks the exit status; the problem is the strand 'X'.
    ("corrupt.gff3", "strand 'X' is not one of"),
    // gt says "Parent ... on line 3 ... was not defined"; ours names the Parent, the line is checked below.
    (
        "multi_feature_undefined_parent.gff3",
        "Parent 'gene1' .* was not defined",
    ),
];

/// Whether `text` contains the pieces of a `.*`-separated pattern, in order.
fn matches_pattern(text: &str, pattern: &str) -> bool {
    let mut rest = text;
    for piece in pattern.split(".*").map(str::trim) {
        match rest.find(piece) {
            Some(i) => rest = &rest[i + piece.len()..],
            None => return false,
        }
    }
    true
}

#[test]
fn genometools_expectations_hold() {
    let dir = fixtures().join("genometools");
    let table = std::fs::read_to_string(dir.join("EXPECTATIONS.tsv")).unwrap();
    let mut checked = 0;
    for line in table.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (file, outcome) = (cols[0], cols[1]);
        // The note is gt's message, sometimes followed by a remark in parentheses.
        let note = cols
            .get(2)
            .map_or("", |n| n.split(" (").next().unwrap_or(n));
        if !file.ends_with(".gff3") {
            continue;
        }
        let path = dir.join(file);
        if !path.exists() {
            continue;
        }
        checked += 1;
        let result = load_fixture(&path);
        if outcome == "fail" {
            let pattern = OVERRIDES
                .iter()
                .find(|(f, _)| *f == file)
                .map_or(note, |(_, p)| p);
            let named = match &result {
                Err(e) => matches_pattern(&e.to_string(), pattern),
                Ok(l) => l.diagnostics.iter().any(|d| {
                    d.severity >= Severity::Warning && matches_pattern(&d.message, pattern)
                }),
            };
            let shown = match &result {
                Err(e) => e.to_string(),
                Ok(l) => format!("{:#?}", l.diagnostics),
            };
            assert!(
                named,
                "{file}: expected a problem matching '{pattern}', got {shown}"
            );
            if file == "multi_feature_undefined_parent.gff3" {
                let l = result.unwrap();
                assert!(
                    l.diagnostics
                        .iter()
                        .any(|d| d.line == Some(3) && d.message.contains("gene1"))
                );
            }
        } else {
            let l = result.unwrap_or_else(|e| panic!("{file} should load: {e}"));
            // gt does not compare a feature's end with the ##FASTA sequence; we do (a feature
            // ending beyond its sequence is skipped with an error), so that one error is expected.
            let errors: Vec<_> = l
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .filter(|d| !d.message.contains("beyond the end of"))
                .collect();
            assert!(errors.is_empty(), "{file} is valid but got {errors:#?}");
        }
    }
    assert!(checked >= 50, "checked only {checked}");
}

#[test]
fn gtf_is_named_as_gtf() {
    let mut files = Vec::new();
    all_files(&fixtures(), &mut files);
    let gtf: Vec<_> = files
        .iter()
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.ends_with(".gtf") || n == "ensembl_gtf.txt" || n == "wormbase_gff2.txt"
        })
        .collect();
    assert!(gtf.len() >= 7);
    for f in gtf {
        match load_fixture(f) {
            Err(LoadError::Gff3 {
                error: Gff3Error::Gtf { line, .. },
                ..
            }) => assert!(line >= 1),
            other => panic!(
                "{}: expected a GTF error, got {:?}",
                f.display(),
                other.map(|l| l.diagnostics)
            ),
        }
    }
}

#[test]
fn embedded_fasta_and_real_yeast_fixtures() {
    // A real R64 chrI GFF3 with a ##FASTA section: the sequence comes from the GFF3 itself.
    let l = load_fixture(&fixtures().join("jbrowse1/NC_001133.gbk.gff")).unwrap();
    let c = &l.genome.contigs()[0];
    assert_eq!((c.name.as_ref(), c.length), ("NC_001133", 230_218));
    assert!(c.sequence.is_some());
    // The same chromosome from the shipped SGD FASTA: identical bases.
    let r64 = common::default_genome();
    let i = r64
        .genome
        .contig(r64.genome.contig_by_name("NC_001133").unwrap());
    assert!(
        c.sequence
            .as_ref()
            .unwrap()
            .eq_ignore_ascii_case(i.sequence.as_ref().unwrap())
    );

    // FASTA after the features without a ##FASTA line.
    let l = load_fixture(&fixtures().join("jbrowse1/embedded_sequence.gff3")).unwrap();
    assert!(l.genome.contigs().iter().all(|c| c.sequence.is_some()));
    assert!(
        l.diagnostics
            .iter()
            .any(|d| d.message.contains("without a '##FASTA' line"))
    );

    // Pre-R64 SGD chrI + chrII (UCSC names) with two gzip files concatenated into one FASTA input.
    let mut fasta = std::fs::read(fixtures().join("jbrowse1/yeast_scaffolds_chr1.fa.gz")).unwrap();
    fasta.extend(std::fs::read(fixtures().join("jbrowse1/yeast_scaffolds_chr2.fa.gzip")).unwrap());
    let l = load(LoadRequest {
        gff: Some(common::input(
            &fixtures().join("jbrowse1/yeast_chr1+2.gff3"),
        )),
        fasta: Some(InputFile::new("chr1+2.fa.gz", fasta)),
        feature_table: None,
    })
    .unwrap();
    let lens: Vec<_> = l
        .genome
        .contigs()
        .iter()
        .map(|c| (c.name.to_string(), c.length))
        .collect();
    assert_eq!(
        lens,
        vec![("chrI".into(), 230_208), ("chrII".into(), 813_178)]
    );

    // BGZF-compressed GFF3 with coordinates above 10⁹.
    let l = load_fixture(&fixtures().join("jbrowse1/fake_large_chromosome_test.gff3.gz")).unwrap();
    assert!(
        l.genome
            .features()
            .iter()
            .any(|f| f.span.end().get() > 1_000_000_000)
    );
    assert_eq!(
        l.inputs[0].compression,
        genoforge::io::compress::Compression::Bgzf
    );
}

#[test]
fn ucsc_fasta_reconciles_with_ensembl_gff() {
    let g = common::root().join("public/genome");
    let l = load(LoadRequest {
        gff: Some(common::input(
            &g.join("Saccharomyces_cerevisiae.R64-1-1.99.gff3.gz"),
        )),
        fasta: Some(common::input(&common::data("ucsc/sacCer3.fa.gz"))),
        feature_table: None,
    })
    .unwrap();
    assert_eq!(l.genome.contigs().len(), 17);
    assert!(l.genome.contigs().iter().all(|c| c.sequence.is_some()));
    let problems: Vec<_> = l
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(
        l.genome
            .contig(l.genome.contig_by_name("chrM").unwrap())
            .is_circular()
    );
}

#[test]
fn stepwise_and_parallel_loads_agree() {
    let a = load(common::default_request()).unwrap();
    let b = load_stepwise(common::default_request()).unwrap();
    assert_eq!(a.diagnostics, b.diagnostics);
    assert_eq!(a.inputs, b.inputs);
    assert_eq!(a.genome.contigs(), b.genome.contigs());
    assert_eq!(a.genome.features(), b.genome.features());
    assert_eq!(a.genome.document(), b.genome.document());
}

fn gff_only(name: &str, bytes: Vec<u8>) -> Result<Loaded, LoadError> {
    load(LoadRequest {
        gff: Some(InputFile::new(name, bytes)),
        fasta: None,
        feature_table: None,
    })
}

#[test]
fn bad_inputs_are_refused_with_where_and_what() {
    // Empty.
    let e = gff_only("empty.gff3", Vec::new()).unwrap_err();
    assert_eq!(e.to_string(), "empty.gff3: the GFF3 file is empty");
    // Random bytes (a fixed seed, so the test is repeatable).
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for round in 0..20 {
        let bytes: Vec<u8> = (0..4096)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect();
        let e = gff_only("random.bin", bytes).unwrap_err();
        assert!(
            e.to_string().starts_with("random.bin: line "),
            "round {round}: {e}"
        );
    }
    // Truncated gzip.
    let gz = std::fs::read(common::root().join("public/genome/SGD_features.tab.gz")).unwrap();
    let e = load(LoadRequest {
        gff: Some(common::input(&fixtures().join("genometools/eden.gff3"))),
        fasta: None,
        feature_table: Some(InputFile::new(
            "SGD_features.tab.gz",
            gz[..gz.len() / 2].to_vec(),
        )),
    })
    .unwrap_err();
    assert!(matches!(e, LoadError::Decompress { .. }), "{e}");
    assert!(e.to_string().contains("truncated"), "{e}");
    // FASTA given as GFF3, and GFF3 given as FASTA.
    let e = gff_only("seq.fa", b">chrI\nACGT\n".to_vec()).unwrap_err();
    assert!(e.to_string().contains("FASTA file, not GFF3"), "{e}");
    let e = load(LoadRequest {
        gff: Some(common::input(&fixtures().join("genometools/eden.gff3"))),
        fasta: Some(common::input(&fixtures().join("genometools/eden.gff3"))),
        feature_table: None,
    })
    .unwrap_err();
    assert!(e.to_string().contains("GFF3 annotation, not FASTA"), "{e}");
}

#[test]
fn bad_data_inside_usable_files_is_diagnosed_and_kept() {
    let gff = b"##gff-version 3\n##sequence-region ctg 1 12\nctg\t.\tgene\t1\t12\t.\t+\t.\tID=g1\nctg\t.\tgene\t5\t20\t.\t+\t.\tID=g2\n".to_vec();
    let fasta = b">ctg\nACGTAC\nGT*AXN\n".to_vec();
    let l = load(LoadRequest {
        gff: Some(InputFile::new("bad.gff3", gff)),
        fasta: Some(InputFile::new("bad.fa", fasta)),
        feature_table: None,
    })
    .unwrap();
    // Non-IUPAC letters: replaced by N, reported at their line and column.
    let d = l
        .diagnostics
        .iter()
        .find(|d| d.message.contains("IUPAC"))
        .expect("IUPAC diagnostic");
    assert_eq!((d.severity, d.line), (Severity::Error, Some(3)));
    assert!(
        d.message.contains("2 character(s)") && d.message.contains("'*' at column 3"),
        "{}",
        d.message
    );
    assert_eq!(
        l.genome.contigs()[0].sequence.as_deref(),
        Some(&b"ACGTACGTNANN"[..])
    );
    // A feature beyond its sequence end: dropped, with an error at its line.
    assert_eq!(l.genome.features().len(), 1);
    let d = l
        .diagnostics
        .iter()
        .find(|d| d.message.contains("beyond the end"))
        .expect("bounds diagnostic");
    assert_eq!((d.severity, d.line), (Severity::Error, Some(4)));
    assert!(d.message.contains("line skipped"), "{}", d.message);
}
