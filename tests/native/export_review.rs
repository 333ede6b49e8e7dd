//! A geneticist's review of the CLI exports (issue 13, p13h), on the real S288C genome: a promoter
//! swap and the neighbour whose promoter it took are in the report, the GFF3 and the gene nodes
//! (`promoter_replaced`, `promoter_lost`); a gene damaged as a side effect lists what damaged it in
//! its gene node's `perturbations`, as its GFF3 line's `edit=` does; the report has one row per
//! (edit, reference line) in the exports' words.

use crate::common;

use genoforge::core::coord::{Pos, Span};
use genoforge::core::design::Design;
use genoforge::core::edit::Terminus;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::compose::{apply, set_background};
use genoforge::core::genetics::promoter::{Upstream, plan_promoter_swap, promoter_of_gene};
use genoforge::core::genetics::region::plan_region_deletion;
use genoforge::core::genetics::strain::strain;
use genoforge::core::genetics::tag::plan_tag;
use genoforge::core::genome::Genome;
use genoforge::core::lift::Lifted;
use genoforge::core::ml::gene_nodes::{GeneNode, gene_nodes};
use genoforge::io::{gff3, report};

fn gff(g: &Genome, d: &Design) -> String {
    let mut out = Vec::new();
    gff3::writer::write(&mut out, g, d, &Lifted::new(g, d)).unwrap();
    String::from_utf8(out).unwrap()
}

fn report_rows(g: &Genome, d: &Design) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    report::write_tsv(&mut out, g, d, &Lifted::new(g, d)).unwrap();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}

/// The GFF3 gene line of `sys`.
fn gene_line<'a>(text: &'a str, sys: &str) -> &'a str {
    let key = format!("ID=gene:{sys};");
    text.lines()
        .find(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            c.len() == 9 && c[2] == "gene" && c[8].starts_with(&key)
        })
        .unwrap_or_else(|| panic!("no gene line {sys}"))
}

fn node(g: &Genome, d: &Design, id: &str) -> GeneNode {
    gene_nodes(g, d, &Lifted::new(g, d))
        .into_iter()
        .find(|n| n.id == id)
        .unwrap()
}

/// BY4741 with PHO5's promoter swapped for GAL1's up to the previous feature: the whole region
/// II:430,952–432,035 between PHO5 (YBR093C, −) and PBY1 (YBR094W, +, divergent) replaced.
fn pho5_swap() -> Design {
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4741").unwrap()).unwrap();
    let pgal1 = promoter_of_gene(
        g,
        resolve_gene(g, "GAL1").unwrap(),
        Upstream::ToPreviousFeature,
    )
    .unwrap();
    let pho5 = resolve_gene(g, "PHO5").unwrap();
    let (p, _) = plan_promoter_swap(g, pho5, &pgal1, Upstream::ToPreviousFeature).unwrap();
    apply(g, &mut d, p).unwrap();
    d
}

#[test]
fn a_promoter_swap_and_the_neighbour_whose_promoter_it_took_are_in_every_export() {
    let g = &common::default_genome().genome;
    let d = pho5_swap();
    // The report: one row for PHO5's gene line, one for PBY1's.
    let rows = report_rows(g, &d);
    let of = |id: &str| -> Vec<&Vec<String>> { rows.iter().filter(|r| r[5] == id).collect() };
    let pho5 = of("gene:YBR093C");
    assert_eq!(pho5.len(), 1, "{rows:?}");
    assert_eq!(pho5[0][10], "promoter_replaced");
    assert!(pho5[0][1].contains("pGAL1-PHO5"), "{:?}", pho5[0]);
    let pby1 = of("gene:YBR094W");
    assert_eq!(pby1.len(), 1, "{rows:?}");
    assert_eq!(pby1[0][10], "promoter_lost");
    assert_eq!(pby1[0][0], pho5[0][0], "the same edit");
    // PBY1's own bases are untouched: its reference span, lifted by the length change.
    assert_eq!(pby1[0][8..10], ["432036", "434297"]);
    // The GFF3 and the gene nodes say the same words.
    let text = gff(g, &d);
    let l = gene_line(&text, "YBR094W");
    assert!(
        l.ends_with("edit_status=promoter_lost;edit=pGAL1-PHO5"),
        "{l}"
    );
    assert!(gene_line(&text, "YBR093C").contains("edit_status=promoter_replaced;edit=pGAL1-PHO5"),);
    let n = node(g, &d, "YBR094W");
    assert_eq!(n.status.label(), "promoter_lost");
    assert_eq!(n.perturbations, ["pGAL1-PHO5"]);
    assert_eq!(node(g, &d, "YBR093C").status.label(), "promoter_replaced");
    // Neither side of the untouched intergenic region 3′ of PBY1 is flagged.
    assert_eq!(node(g, &d, "YBR095C").status.label(), "shifted");
    // A default swap (500 bp 5′ of the ATG) leaves PBY1's promoter alone.
    let mut d = Design::new();
    let pgal1 =
        promoter_of_gene(g, resolve_gene(g, "GAL1").unwrap(), Upstream::Bases(500)).unwrap();
    let (p, _) = plan_promoter_swap(
        g,
        resolve_gene(g, "PHO5").unwrap(),
        &pgal1,
        Upstream::Bases(500),
    )
    .unwrap();
    apply(g, &mut d, p).unwrap();
    assert_eq!(node(g, &d, "YBR094W").status.label(), "native");
    assert!(!gff(g, &d).contains("promoter_lost"));
}

#[test]
fn a_gene_damaged_as_a_side_effect_lists_what_damaged_it_in_its_gene_node() {
    let g = &common::default_genome().genome;
    // met15Δ0 in BY4741 trims the dubious YLR302C.
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4741").unwrap()).unwrap();
    let n = node(g, &d, "YLR302C");
    assert_eq!(n.status.label(), "trimmed");
    assert_eq!(n.perturbations, ["met15Δ0"]);
    let text = gff(g, &d);
    assert!(
        gene_line(&text, "YLR302C").contains("edit=met15%CE%940")
            || gene_line(&text, "YLR302C").contains("edit=met15Δ0"),
        "{}",
        gene_line(&text, "YLR302C")
    );
    // A C-tag on CNE1 disrupts the dubious YAL056C-A over its 3′ end.
    let lib = common::library();
    let mut d = Design::new();
    let (p, _) = plan_tag(
        g,
        resolve_gene(g, "CNE1").unwrap(),
        lib.get("GFP(S65T)-kanMX6").unwrap(),
        Terminus::C,
    )
    .unwrap();
    apply(g, &mut d, p).unwrap();
    let n = node(g, &d, "YAL056C-A");
    assert_eq!(n.status.label(), "disrupted");
    assert_eq!(n.perturbations, ["CNE1-GFP(S65T)::kanMX6"]);
    assert_eq!(
        node(g, &d, "YAL058W").perturbations,
        ["CNE1-GFP(S65T)::kanMX6"]
    );
}

#[test]
fn the_report_has_one_row_per_edit_and_line_in_the_exports_words() {
    let g = &common::default_genome().genome;
    // A deletion of REG1's (YDR028C, −) first 10 coding bases: its CDS trimmed, its phase changed.
    let reg1 = resolve_gene(g, "REG1").unwrap();
    let end = g.extent(reg1).end().get();
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4741").unwrap()).unwrap();
    let p = plan_region_deletion(
        g,
        g.feature(reg1).contig,
        Span::new(Pos(end - 10), Pos(end)).unwrap(),
    )
    .unwrap();
    apply(g, &mut d, p).unwrap();
    let rows = report_rows(g, &d);
    let mut seen = std::collections::HashSet::new();
    for r in &rows {
        assert!(
            seen.insert((r[0].clone(), r[3].clone())),
            "edit {} line {} twice",
            r[0],
            r[3]
        );
    }
    let cds: Vec<&Vec<String>> = rows.iter().filter(|r| r[5] == "CDS:YDR028C").collect();
    assert_eq!(cds.len(), 1, "{rows:?}");
    assert_eq!(cds[0][10], "trimmed");
    assert_ne!(cds[0][13], ".", "the new phase is in its column");
    let words = [
        "deleted",
        "superseded",
        "trimmed",
        "disrupted",
        "fused",
        "substituted",
        "phase_changed",
        "promoter_replaced",
        "promoter_lost",
    ];
    for r in &rows {
        assert!(words.contains(&r[10].as_str()), "{r:?}");
    }
}

#[test]
fn a_reused_marker_is_warned_of_once_and_the_edited_gff3_header_says_it_was_edited() {
    use genoforge::core::genetics::consistency::warnings;
    use genoforge::core::genetics::essential::EssentialityTable;
    use genoforge::core::genetics::finding::FindingKind;
    let g = &common::default_genome().genome;
    let lib = common::library();
    let mut d = Design::new();
    d.genotype_mut().name = Some("two tags".to_owned());
    for gene in ["CDC19", "PGK1"] {
        let (p, _) = plan_tag(
            g,
            resolve_gene(g, gene).unwrap(),
            lib.get("GFP(S65T)-kanMX6").unwrap(),
            Terminus::C,
        )
        .unwrap();
        apply(g, &mut d, p).unwrap();
    }
    let table = EssentialityTable::default();
    let w = warnings(g, &d, &table, Some(&Lifted::new(g, &d)));
    let reused: Vec<_> = w
        .iter()
        .filter(|f| f.kind == FindingKind::MarkerReused)
        .collect();
    assert_eq!(reused.len(), 1, "{w:?}");
    // The header keeps the build and says it was edited; every region line is spaced alike.
    let text = gff(g, &d);
    assert!(
        text.lines()
            .any(|l| l == "#!genome-build SGD R64-1-1 (edited: two tags)"),
        "{}",
        &text[..2000]
    );
    assert!(!text.lines().any(|l| l == "#!genome-build SGD R64-1-1"));
    let regions: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("##sequence-region"))
        .collect();
    assert_eq!(regions.len(), 17);
    for r in &regions {
        assert!(r.starts_with("##sequence-region   "), "{r}");
    }
    // gt accepts the header (when installed).
    if std::process::Command::new("gt")
        .arg("-version")
        .output()
        .is_ok()
    {
        let dir = common::scratch("export-review-gt");
        let path = dir.join("two_tags.gff3");
        std::fs::write(&path, &text).unwrap();
        let out = std::process::Command::new("gt")
            .args(["gff3validator", path.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// An unedited design writes the reference's `#!genome-build` as it is.
#[test]
fn an_unedited_design_keeps_the_genome_build_line() {
    let g = &common::default_genome().genome;
    let text = gff(g, &Design::new());
    assert!(text.lines().any(|l| l == "#!genome-build SGD R64-1-1"));
}

/// A region deletion names no gene in the spec (`null`), its genes in `genes`; an older spec that
/// wrote the region as its gene name is still read, and written anew with `null`.
#[test]
fn a_region_deletion_names_no_gene_in_the_spec_and_older_specs_are_read() {
    use genoforge::core::spec::{ReferenceSpec, export, restore};
    use genoforge::io::spec_json;
    let g = &common::default_genome().genome;
    let iv = g.contig_by_name("IV").unwrap();
    let mut d = Design::new();
    let p = plan_region_deletion(g, iv, Span::new(Pos(500_000), Pos(501_000)).unwrap()).unwrap();
    apply(g, &mut d, p).unwrap();
    let text = spec_json::to_string(&export(
        g,
        &d,
        &ReferenceSpec::of(g),
        "2026-12-01T00:00:00Z",
        &genoforge::core::genetics::essential::EssentialityTable::default(),
    ));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let p = &v["perturbations"][0];
    assert_eq!(p["perturbation_type"], "region_deletion");
    assert!(p["systematic_gene_name"].is_null(), "{p}");
    assert!(p["perturbed_gene_name"].is_null(), "{p}");
    assert_eq!(p["designation"], "Δ(IV:500001-501000)");
    assert!(!p["genes"].as_array().unwrap().is_empty(), "{p}");
    // The older shape: the region as a string.
    let mut old = v.clone();
    old["perturbations"][0]["systematic_gene_name"] = "IV:500001-501000".into();
    old["perturbations"][0]["perturbed_gene_name"] = "IV:500001-501000".into();
    let reference = ReferenceSpec::of(g);
    for spec in [old, v] {
        let (back, _) = restore(
            g,
            &reference,
            &spec_json::parse(spec.to_string().as_bytes()).unwrap(),
        )
        .unwrap();
        let p = &back.genotype().perturbations[0];
        assert_eq!(p.systematic_gene_name, "IV:500001-501000");
        let again = spec_json::to_string(&export(
            g,
            &back,
            &reference,
            "2026-12-01T00:00:00Z",
            &genoforge::core::genetics::essential::EssentialityTable::default(),
        ));
        assert!(
            again.contains("\"systematic_gene_name\":null")
                || again.contains("\"systematic_gene_name\": null"),
            "{again}"
        );
    }
}

/// `views` writes each gene's essentiality (Giaever et al. 2002): TFC3 (YAL001C) `true`, PHO5
/// (YBR093C) `false`; an inserted cassette's row is empty.
#[test]
fn the_gene_nodes_say_which_genes_are_essential() {
    const GFF: &str = "public/genome/Saccharomyces_cerevisiae.R64-1-1.99.gff3.gz";
    const FASTA: &str = "public/genome/S288C_reference_sequence_R64-2-1_20150113.fsa.gz";
    let dir = common::scratch("export-review-essential");
    let spec = dir.join("tfc3.json");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_genoforge"))
            .args(args)
            .env("SOURCE_DATE_EPOCH", "1795392000")
            .current_dir(common::root())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&[
        "design",
        "--gff",
        GFF,
        "--fasta",
        FASTA,
        "--library",
        "public/cassettes.json",
        "--delete",
        "TFC3=kanMX4",
        "--out-spec",
        spec.to_str().unwrap(),
    ]);
    let views = dir.join("views");
    run(&[
        "views",
        spec.to_str().unwrap(),
        "--gff",
        GFF,
        "--fasta",
        FASTA,
        "--out-dir",
        views.to_str().unwrap(),
    ]);
    let csv = std::fs::read_dir(&views)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with("gene_nodes.csv"))
        .unwrap();
    let csv = std::fs::read_to_string(csv).unwrap();
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().ends_with(",perturbations,essential"));
    let last = |id: &str| -> String {
        csv.lines()
            .find(|l| l.starts_with(&format!("{id},")))
            .unwrap_or_else(|| panic!("no row {id}"))
            .rsplit(',')
            .next()
            .unwrap()
            .to_owned()
    };
    assert_eq!(last("YAL001C"), "true");
    assert_eq!(last("YBR093C"), "false");
    let inserted = csv
        .lines()
        .find(|l| l.contains(",inserted,"))
        .expect("the kanMX4 cassette's row");
    assert!(inserted.ends_with(','), "{inserted}");
}
