//! The edited GFF3's structure as a reader expects it (issue 13's review), on the real S288C
//! genome: the body follows the `##sequence-region` lines' (karyotype) order, an exon an edit
//! resized loses Ensembl's `ensembl_phase`/`ensembl_end_phase` (which no longer hold), and a
//! marker cassette's CDS hangs from a gene → mRNA, checked by `gt gff3validator` when installed.

use std::process::Command;

use crate::common;

use genoforge::core::coord::{Pos, Span};
use genoforge::core::design::Design;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::cassette::Library;
use genoforge::core::genetics::compose::{apply, delete_gene};
use genoforge::core::genetics::region::plan_region_deletion;
use genoforge::core::genome::Genome;
use genoforge::core::lift::Lifted;
use genoforge::io::gff3;

fn gff(g: &Genome, d: &Design) -> String {
    let mut out = Vec::new();
    gff3::writer::write(&mut out, g, d, &Lifted::new(g, d)).unwrap();
    String::from_utf8(out).unwrap()
}

fn library() -> Library {
    serde_json::from_slice(&std::fs::read(common::root().join("public/cassettes.json")).unwrap())
        .unwrap()
}

/// Column 9 of the first line of `kind` whose column 9 contains `key`.
fn attrs<'a>(text: &'a str, kind: &str, key: &str) -> &'a str {
    text.lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .find(|c| c.len() == 9 && c[2] == kind && c[8].contains(key))
        .map(|c| c[8])
        .unwrap_or_else(|| panic!("no {kind} line with {key}"))
}

#[test]
fn the_body_follows_the_sequence_region_order() {
    let g = &common::default_genome().genome;
    let text = gff(g, &crate::exports_biology::lab_design());
    let regions: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("##sequence-region"))
        .map(|l| l.split_whitespace().nth(1).unwrap())
        .collect();
    let mut body: Vec<&str> = Vec::new();
    for l in text.lines().filter(|l| !l.starts_with('#')) {
        let c = l.split('\t').next().unwrap();
        if body.last() != Some(&c) {
            assert!(!body.contains(&c), "{c} comes back after other contigs");
            body.push(c);
        }
    }
    assert_eq!(body, regions, "Ensembl's file lists IX and Mito before V");
}

#[test]
fn a_resized_exon_drops_ensembl_phase_and_an_untouched_one_keeps_it() {
    let g = &common::default_genome().genome;
    // 10 bp (not a whole number of codons) out of TRM8's only exon.
    let trm8 = resolve_gene(g, "TRM8").unwrap();
    let s = g.extent(trm8).start().get();
    let mut d = Design::new();
    let plan = plan_region_deletion(
        g,
        g.feature(trm8).contig,
        Span::new(Pos(s + 100), Pos(s + 110)).unwrap(),
    )
    .unwrap();
    apply(g, &mut d, plan).unwrap();
    let text = gff(g, &d);
    let exon = attrs(&text, "exon", "Parent=transcript:YDL201W_mRNA");
    assert!(exon.contains("edit_status=disrupted"), "{exon}");
    assert!(
        !exon.contains("ensembl_phase") && !exon.contains("ensembl_end_phase"),
        "{exon}"
    );
    let other = attrs(&text, "exon", "Parent=transcript:YAL069W_mRNA");
    assert!(
        other.contains("ensembl_end_phase=0;ensembl_phase=0"),
        "{other}"
    );
}

#[test]
fn a_marker_cassettes_cds_has_a_gene_and_mrna_and_gt_accepts_it() {
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    delete_gene(
        g,
        &mut d,
        resolve_gene(g, "PDR5").unwrap(),
        library().get("kanMX4"),
    )
    .unwrap();
    let text = gff(g, &d);
    let cds = attrs(&text, "CDS", "Name=kan");
    let mrna_id = cds
        .split(';')
        .find_map(|a| a.strip_prefix("Parent="))
        .unwrap();
    let mrna = attrs(&text, "mRNA", &format!("ID={mrna_id}"));
    let gene_id = mrna
        .split(';')
        .find_map(|a| a.strip_prefix("Parent="))
        .unwrap();
    let gene = attrs(&text, "gene", &format!("ID={gene_id}"));
    assert!(!gene.contains("Parent="), "a top-level gene: {gene}");
    // The three lines cover the same bases.
    let span = |kind: &str, key: &str| -> (String, String) {
        let c: Vec<&str> = text
            .lines()
            .map(|l| l.split('\t').collect::<Vec<_>>())
            .find(|c| c.len() == 9 && c[2] == kind && c[8].contains(key))
            .unwrap();
        (c[3].to_owned(), c[4].to_owned())
    };
    assert_eq!(
        span("CDS", "Name=kan"),
        span("gene", &format!("ID={gene_id}"))
    );
    assert_eq!(
        span("CDS", "Name=kan"),
        span("mRNA", &format!("ID={mrna_id}"))
    );
    assert_eq!(
        span("CDS", "Name=kan"),
        span("exon", &format!("Parent={mrna_id}"))
    );
    let Ok(_) = Command::new("gt").arg("--version").output() else {
        eprintln!("skipped: genometools (gt) is not installed");
        return;
    };
    let dir = std::env::temp_dir().join(format!("genoforge-gt-marker-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("marker.gff3");
    std::fs::write(&path, &text).unwrap();
    let v = Command::new("gt")
        .args(["gff3validator"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        v.status.success(),
        "{}{}",
        String::from_utf8_lossy(&v.stdout),
        String::from_utf8_lossy(&v.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
