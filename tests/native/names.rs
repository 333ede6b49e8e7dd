//! Sequence names: organelles and plasmids matched across conventions, duplicate sequences an
//! error with edits on them refused, an exact name beating another contig's alias, an alias of
//! several contigs naming none, a gene name of several genes reported with every candidate.

use crate::common;

use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genome::diagnostics::Severity;
use genoforge::io::load::{LoadRequest, load};

fn run(dir: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let out = common::scratch(&format!(
        "names-{}",
        args.join("-").replace(['/', '.'], "_")
    ));
    let case = common::case(dir);
    let args: Vec<String> = args
        .iter()
        .map(|a| {
            let input = a.ends_with(".gff3") || a.ends_with(".fa") || a.ends_with(".json");
            if input && !a.starts_with("out.") {
                case.join(a).to_string_lossy().into_owned()
            } else {
                a.to_string()
            }
        })
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = common::genoforge_in(&out, &args);
    let fa = std::fs::read_to_string(out.join("out.fa")).unwrap_or_default();
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
        fa,
    )
}

fn records(fa: &str) -> Vec<(String, String)> {
    common::fasta_records(fa)
}

#[test]
fn every_naming_convention_finds_its_sequence_mitochondrion_included() {
    let expected =
        records(&std::fs::read_to_string(common::case("organelles/expected.fa")).unwrap());
    for style in ["sgd", "ensembl", "ucsc", "refseq", "mt", "mitochondrion"] {
        let gff = format!("genes.{style}.gff3");
        let edits = format!("edits.{style}.json");
        let (code, stderr, fa) = run(
            "organelles",
            &[
                "apply",
                "--gff",
                &gff,
                "--fasta",
                "ref.fa",
                "--edits",
                &edits,
                "--out-fasta",
                "out.fa",
            ],
        );
        assert_eq!(code, Some(0), "{style}: {stderr}");
        assert!(!stderr.contains("no sequence"), "{style}: {stderr}");
        let got = records(&fa);
        assert_eq!(got.len(), 3, "{style}: {fa}");
        for (g, e) in got.iter().zip(&expected) {
            assert_eq!(g.1, e.1, "{style}: {}", g.0);
        }
    }
    let (code, stderr, _) = run(
        "organelles",
        &["summary", "--gff", "genes.sgd.gff3", "--fasta", "ref.fa"],
    );
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn plastid_and_2_micron_are_matched_when_one_of_a_kind() {
    let d = common::case("organelles");
    let l = load(LoadRequest {
        gff: Some(common::input(&d.join("plastid_2micron.gff3"))),
        fasta: Some(common::input(&d.join("plastid_2micron.fa"))),
        feature_table: None,
    })
    .unwrap();
    let names: Vec<(&str, u64, bool)> = l
        .genome
        .contigs()
        .iter()
        .map(|c| (c.name.as_ref(), c.length, c.sequence.is_some()))
        .collect();
    assert_eq!(
        names,
        [("Pt", 40, true), ("2micron", 30, true)],
        "{:?}",
        l.diagnostics
    );
}

#[test]
fn duplicate_sequences_are_an_error_and_edits_on_them_are_refused() {
    for (fa, gff, edits, named) in [
        (
            "dup_plain.fa",
            "genes_plain.gff3",
            "edits_plain.json",
            "'chr1' (line 1) and 'chr1' (line 5)",
        ),
        (
            "dup_alias.fa",
            "genes_alias.gff3",
            "edits_alias.json",
            "'chrI' (line 1) and 'ref|NC_001133|' (line 3)",
        ),
    ] {
        let (code, stderr, _) = run("duplicates", &["summary", "--gff", gff, "--fasta", fa]);
        assert_eq!(code, Some(0), "{stderr}");
        let (code, stderr, _) = run(
            "duplicates",
            &["summary", "--gff", gff, "--fasta", fa, "--strict"],
        );
        assert_eq!(code, Some(1), "{stderr}");
        let (code, stderr, fa_out) = run(
            "duplicates",
            &[
                "apply",
                "--gff",
                gff,
                "--fasta",
                fa,
                "--edits",
                edits,
                "--out-fasta",
                "out.fa",
            ],
        );
        assert_eq!(code, Some(1), "{fa}: {stderr}");
        assert!(
            stderr.contains("duplicate sequence") && stderr.contains(named),
            "{stderr}"
        );
        assert!(stderr.contains("is ambiguous"), "{stderr}");
        assert!(fa_out.is_empty());
    }
    // An edit elsewhere applies; the duplicate is written once.
    let (code, stderr, fa) = run(
        "duplicates",
        &[
            "apply",
            "--gff",
            "genes_plain.gff3",
            "--fasta",
            "dup_plain.fa",
            "--edits",
            "edits_other.json",
            "--out-fasta",
            "out.fa",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    let names: Vec<String> = records(&fa).into_iter().map(|r| r.0).collect();
    assert_eq!(names, ["chr1", "chr2"]);
    // Two mitochondria are duplicates too.
    let l = load(LoadRequest {
        gff: None,
        fasta: Some(common::input(&common::case("duplicates/dup_mito.fa"))),
        feature_table: None,
    })
    .unwrap();
    assert!(
        l.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error
                && d.message.contains("'chrM' (line 1) and 'seq9'")),
        "{:?}",
        l.diagnostics
    );
    assert!(l.genome.contigs()[0].ambiguity.is_some());
}

#[test]
fn exact_names_win_aliases_of_several_contigs_name_none() {
    let l = common::load_case("names");
    let g = &l.genome;
    let name_of = |n: &str| g.contig_by_name(n).map(|c| g.contig(c).name.to_string());
    // '2' is chrII's alias (its chromosome feature says Alias=2) and another sequence's name.
    assert_eq!(name_of("2").as_deref(), Some("2"));
    assert_eq!(name_of("chrII").as_deref(), Some("chrII"));
    assert_eq!(name_of("shared"), None);
    assert!(
        l.diagnostics.iter().any(|d| d
            .message
            .contains("'shared' is an alias of several sequences ('scaf1', 'scaf2')")),
        "{:?}",
        l.diagnostics
    );
    // A gene name two genes carry: reported with both.
    let e = resolve_gene(g, "SAME").unwrap_err().to_string();
    assert!(
        e.contains("'SAME' names 2 genes")
            && e.contains("gA (SAME, chrII:5–10)")
            && e.contains("gB (SAME, scaf1:5–10)"),
        "{e}"
    );
}
