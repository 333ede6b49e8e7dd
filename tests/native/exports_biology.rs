//! The exports of a design a yeast lab would make — BY4741 (MATa modelled, his3Δ1 …),
//! PHO5-GFP(S65T)::kanMX6, gal4-K23A, pGAL1-FAR1, a region deletion on IV —
//! read as a geneticist reads them, and validated by genometools and samtools.

use std::process::Command;

use crate::common;

use genoforge::core::coord::{Pos, Span};
use genoforge::core::design::Design;
use genoforge::core::edit::Terminus;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::compose::{apply, set_background};
use genoforge::core::genetics::point::{parse_change, plan_point_mutation};
use genoforge::core::genetics::promoter::{Upstream, plan_promoter_swap, promoter_of_gene};
use genoforge::core::genetics::region::plan_region_deletion;
use genoforge::core::genetics::strain::strain;
use genoforge::core::genetics::tag::plan_tag;
use genoforge::core::lift::Lifted;
use genoforge::io::gff3;

pub(crate) fn lab_design() -> Design {
    let g = &common::default_genome().genome;
    let lib = common::library();
    let mut d = Design::new();
    d.genotype_mut().name = Some("BY4741 PHO5-GFP gal4-K23A".to_owned());
    set_background(g, &mut d, strain("BY4741").unwrap()).unwrap();
    let pho5 = resolve_gene(g, "PHO5").unwrap();
    let (p, _) = plan_tag(g, pho5, lib.get("GFP(S65T)-kanMX6").unwrap(), Terminus::C).unwrap();
    apply(g, &mut d, p).unwrap();
    let gal4 = resolve_gene(g, "GAL4").unwrap();
    let (p, _) = plan_point_mutation(g, gal4, &parse_change("K23A").unwrap()).unwrap();
    apply(g, &mut d, p).unwrap();
    let pgal1 = promoter_of_gene(
        g,
        resolve_gene(g, "GAL1").unwrap(),
        Upstream::ToPreviousFeature,
    )
    .unwrap();
    let far1 = resolve_gene(g, "FAR1").unwrap();
    let (p, _) = plan_promoter_swap(g, far1, &pgal1, Upstream::ToPreviousFeature).unwrap();
    apply(g, &mut d, p).unwrap();
    let iv = g.contig_by_name("IV").unwrap();
    let p = plan_region_deletion(g, iv, Span::new(Pos(100_000), Pos(101_000)).unwrap()).unwrap();
    apply(g, &mut d, p).unwrap();
    d
}

fn gff(d: &Design) -> String {
    let g = &common::default_genome().genome;
    let mut out = Vec::new();
    gff3::writer::write(&mut out, g, d, &Lifted::new(g, d)).unwrap();
    String::from_utf8(out).unwrap()
}

fn fasta(d: &Design) -> String {
    common::edited_fasta(d)
}

fn line_of<'a>(text: &'a str, kind: &str, id: &str) -> &'a str {
    text.lines()
        .find(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            c.len() == 9 && c[2] == kind && c[8].contains(id)
        })
        .unwrap_or_else(|| panic!("no {kind} line with {id}"))
}

#[test]
fn changed_cds_lines_say_what_was_done_in_the_manner_of_liftoff() {
    let d = lab_design();
    let text = gff(&d);
    // his3Δ1: 190 bp out of HIS3 — a frameshift, no longer a valid ORF.
    let his3 = line_of(&text, "CDS", "ID=CDS:YOR202W");
    assert!(
        his3.ends_with(
            "edit_status=disrupted;edit=his3Δ1;valid_ORF=False;frameshift=True;missing_stop_codon=True"
        ) || his3.contains("valid_ORF=False;frameshift=True"),
        "{his3}"
    );
    assert!(his3.contains("edit_status=disrupted;edit=his3Δ1"), "{his3}");
    // PHO5-GFP: fused in frame, a valid ORF 3 bp shorter than PHO5 + the tag's 735 bp.
    let pho5 = line_of(&text, "CDS", "ID=CDS:YBR093C");
    assert!(pho5.contains("edit_status=fused"), "{pho5}");
    assert!(pho5.contains("edit=PHO5-GFP(S65T)::kanMX6"), "{pho5}");
    assert!(pho5.contains("valid_ORF=True"), "{pho5}");
    let c: Vec<&str> = pho5.split('\t').collect();
    let len = c[4].parse::<u64>().unwrap() - c[3].parse::<u64>().unwrap() + 1;
    assert_eq!(len, 1404 - 3 + 735);
    let gene = line_of(&text, "gene", "ID=gene:YBR093C");
    assert!(gene.contains("edit_status=fused"), "{gene}");
    // gal4-K23A: a substitution inside the CDS (same length), still a valid ORF.
    let gal4 = line_of(&text, "CDS", "ID=CDS:YPL248C");
    assert!(
        gal4.contains("edit_status=substituted;edit=gal4-K23A") && gal4.contains("valid_ORF=True"),
        "{gal4}"
    );
    // MATa: the α genes are superseded (no line names them: their start codons were in Yα and
    // their leftover bases encode no α protein); a1 and a2 come as whole genes.
    assert!(!text.contains("ID=CDS:YCR040W") && !text.contains("ID=gene:YCR039C"));
    assert!(text.contains("ID=gene:MATA1;Name=MATA1") && text.contains("ID=gene:MATA2;Name=MATA2"));
    assert!(
        !line_of(&text, "gene", "ID=gene:YCR038C").contains("edit_status"),
        "BUD5 untouched"
    );
    // Header: edited, by which design, its checksum and genotype.
    let head: Vec<&str> = text.lines().take(6).collect();
    assert_eq!(head[0], "##gff-version 3");
    assert!(head[1].starts_with("# Edited annotation"), "{head:?}");
    assert_eq!(head[2], "#!genoforge-design BY4741 PHO5-GFP gal4-K23A");
    assert!(head[3].starts_with("#!genoforge-design-md5 ") && head[3].len() == 23 + 32);
    assert!(head[4].starts_with("#!genoforge-genotype MATa his3Δ1 leu2Δ0 met15Δ0 ura3Δ0 PHO5-GFP(S65T)::kanMX6 gal4-K23A pGAL1-FAR1 Δ(IV:100001-101000)"), "{}", head[4]);
    // ##sequence-region in karyotype order.
    let regions: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("##sequence-region"))
        .map(|l| l.split_whitespace().nth(1).unwrap())
        .collect();
    assert_eq!(
        regions,
        [
            "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
            "XIV", "XV", "XVI", "Mito"
        ]
    );
    // Inserted features sit in coordinate order: the tag cassette on II between its neighbours.
    let rows: Vec<(String, u64)> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c.len() == 9 && !c[8].contains("Parent=") && c[2] != "chromosome")
                .then(|| (c[0].to_owned(), c[3].parse().unwrap()))
        })
        .collect();
    for w in rows.windows(2) {
        if w[0].0 == w[1].0 {
            assert!(w[0].1 <= w[1].1, "{:?} before {:?}", w[0], w[1]);
        }
    }
    // Each contig's features form one block: an inserted feature is not written among another
    // contig's (the pGAL1 promoter on X sits with X's features).
    let mut seen: Vec<&str> = Vec::new();
    for (c, _) in &rows {
        if seen.last() != Some(&c.as_str()) {
            assert!(
                !seen.contains(&c.as_str()),
                "{c} comes back after other contigs"
            );
            seen.push(c);
        }
    }
}

#[test]
fn gt_gff3validator_accepts_the_edited_annotation() {
    let Ok(out) = Command::new("gt").arg("--version").output() else {
        eprintln!("skipped: genometools (gt) is not installed");
        return;
    };
    assert!(out.status.success());
    let d = lab_design();
    let dir = std::env::temp_dir().join(format!("genoforge-gt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("lab.gff3");
    std::fs::write(&path, gff(&d)).unwrap();
    let v = Command::new("gt")
        .arg("gff3validator")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        v.status.success(),
        "gt gff3validator: {}{}",
        String::from_utf8_lossy(&v.stdout),
        String::from_utf8_lossy(&v.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fasta_headers_name_the_design_and_samtools_indexes_it() {
    let g = &common::default_genome().genome;
    let d = lab_design();
    let text = fasta(&d);
    let first = text.lines().next().unwrap();
    assert!(first.starts_with(">I "), "{first}");
    assert!(first.contains("[strain=BY4741]"), "{first}");
    assert!(!first.contains("[strain=S288C]"), "{first}");
    assert!(first.contains("[genotype=MATa his3Δ1"), "{first}");
    assert!(
        first.contains("[design=BY4741 PHO5-GFP gal4-K23A]"),
        "{first}"
    );
    let Ok(_) = Command::new("samtools").arg("--version").output() else {
        eprintln!("skipped: samtools is not installed");
        return;
    };
    let dir = std::env::temp_dir().join(format!("genoforge-faidx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("lab.fa");
    std::fs::write(&path, &text).unwrap();
    let v = Command::new("samtools")
        .arg("faidx")
        .arg(&path)
        .output()
        .unwrap();
    assert!(v.status.success(), "{}", String::from_utf8_lossy(&v.stderr));
    let fai = std::fs::read_to_string(dir.join("lab.fa.fai")).unwrap();
    let iv = fai.lines().find(|l| l.starts_with("IV\t")).unwrap();
    let len: u64 = iv.split('\t').nth(1).unwrap().parse().unwrap();
    assert_eq!(len, g.contig(g.contig_by_name("IV").unwrap()).length - 1000);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Writes the lab design's GFF3 and FASTA to `GENOFORGE_DUMP` (a directory) for reading by eye:
/// a tool, not a check (`GENOFORGE_DUMP=dir cargo test --test native dump_for_review -- --ignored`).
#[test]
#[ignore = "writes files for review; run with GENOFORGE_DUMP=<dir> and --ignored"]
fn dump_for_review() {
    let dir = std::env::var("GENOFORGE_DUMP").expect("GENOFORGE_DUMP=<dir>");
    let d = lab_design();
    std::fs::write(format!("{dir}/lab.gff3"), gff(&d)).unwrap();
    std::fs::write(format!("{dir}/lab.fa"), fasta(&d)).unwrap();
}

#[test]
fn the_lab_specs_validate_against_the_schema_and_round_trip() {
    use genoforge::core::spec::{ReferenceSpec, export, restore};
    use genoforge::io::spec_json;
    let g = &common::default_genome().genome;
    let validator = common::spec_validator();
    let reference = ReferenceSpec::of(g);
    // The haploid lab strain, and a diploid with a heterozygous tag (recorded, disabled).
    let mut diploid = Design::new();
    set_background(g, &mut diploid, strain("BY4743").unwrap()).unwrap();
    let (p, _) = plan_tag(
        g,
        resolve_gene(g, "PHO5").unwrap(),
        common::library().get("GFP(S65T)-kanMX6").unwrap(),
        Terminus::C,
    )
    .unwrap();
    apply(g, &mut diploid, p).unwrap();
    for d in [lab_design(), diploid] {
        let text = spec_json::to_string(&export(
            g,
            &d,
            &reference,
            "2026-11-30T00:00:00Z",
            &genoforge::core::genetics::essential::EssentialityTable::default(),
        ));
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let errors = common::spec_errors(&validator, &value);
        assert!(errors.is_empty(), "{errors:#?}");
        let (back, _) =
            restore(g, &reference, &spec_json::parse(text.as_bytes()).unwrap()).unwrap();
        assert_eq!(back, {
            let mut d = d.clone();
            d.genotype_mut().provenance = back.genotype().provenance.clone();
            d
        });
    }
}

/// A promoter swap leaves the gene's own bases alone, yet the gene node view says what happened
/// to it (a geneticist's review found FAR1 listed as `native` after pGAL1-FAR1).
#[test]
fn a_promoter_swapped_gene_is_promoter_replaced_in_the_gene_nodes() {
    let g = &common::default_genome().genome;
    let d = lab_design();
    let lifted = Lifted::new(g, &d);
    let nodes = genoforge::core::ml::gene_nodes::gene_nodes(g, &d, &lifted);
    let status = |id: &str| nodes.iter().find(|n| n.id == id).unwrap().status.label();
    assert_eq!(status("YJL157C"), "promoter_replaced", "FAR1");
    assert_eq!(status("YBR093C"), "fused", "PHO5");
    assert_eq!(status("YAL001C"), "native", "TFC3, untouched");
}
