//! One status vocabulary in every export (issue 13's review): the spec's region genes, the GFF3's
//! `edit_status` and the gene node view say the same word for the same gene — `deleted`,
//! `trimmed` (an end removed; a lost start codon at the gene's 5′ end), `disrupted` (the inside
//! removed), `promoter_replaced` — on the real S288C genome.

use crate::common;

use genoforge::core::coord::{Pos, Span};
use genoforge::core::design::Design;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::compose::apply;
use genoforge::core::genetics::region::plan_region_deletion;
use genoforge::core::genome::Genome;
use genoforge::core::lift::Lifted;
use genoforge::core::ml::gene_nodes::gene_nodes;
use genoforge::core::spec::{ReferenceSpec, export, restore};
use genoforge::io::{gff3, spec_json};

fn gff(g: &Genome, d: &Design) -> String {
    let mut out = Vec::new();
    gff3::writer::write(&mut out, g, d, &Lifted::new(g, d)).unwrap();
    String::from_utf8(out).unwrap()
}

/// The GFF3 line of `kind` whose ID is `id` (`gene:YDL201W`).
fn line<'a>(text: &'a str, kind: &str, id: &str) -> &'a str {
    let key = format!("ID={id};");
    text.lines()
        .find(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            c.len() == 9 && c[2] == kind && c[8].starts_with(&key)
        })
        .unwrap_or_else(|| panic!("no {kind} line {id}"))
}

fn node_status(g: &Genome, d: &Design, id: &str) -> &'static str {
    let nodes = gene_nodes(g, d, &Lifted::new(g, d));
    nodes.iter().find(|n| n.id == id).unwrap().status.label()
}

fn spec_text(g: &Genome, d: &Design) -> String {
    spec_json::to_string(&export(
        g,
        d,
        &ReferenceSpec::of(g),
        "2026-12-01T00:00:00Z",
        &genoforge::core::genetics::essential::EssentialityTable::default(),
    ))
}

/// A design deleting `span` (offsets from TRM8's first base, YDL201W on the + strand).
fn trm8_region(g: &Genome, from: u64, to: u64) -> Design {
    let trm8 = resolve_gene(g, "TRM8").unwrap();
    let start = g.extent(trm8).start().get();
    let span = Span::new(Pos(start + from), Pos(start + to)).unwrap();
    let mut d = Design::new();
    apply(
        g,
        &mut d,
        plan_region_deletion(g, g.feature(trm8).contig, span).unwrap(),
    )
    .unwrap();
    d
}

#[test]
fn a_region_inside_a_gene_disrupts_it_in_the_spec_the_gff3_and_the_gene_nodes() {
    let g = &common::default_genome().genome;
    let d = trm8_region(g, 100, 200);
    let spec = spec_text(g, &d);
    assert!(
        spec.contains(
            r#""systematic_gene_name":"YDL201W","perturbed_gene_name":"TRM8","damage":"disrupted""#
        ) || spec.contains("\"damage\": \"disrupted\""),
        "{spec}"
    );
    assert!(!spec.contains("partially_deleted"), "{spec}");
    let text = gff(g, &d);
    assert!(
        line(&text, "gene", "gene:YDL201W").contains("edit_status=disrupted;"),
        "{}",
        line(&text, "gene", "gene:YDL201W")
    );
    assert_eq!(node_status(g, &d, "YDL201W"), "disrupted");
}

#[test]
fn a_lost_start_codon_trims_the_gene_everywhere_and_the_cds_is_no_valid_orf() {
    let g = &common::default_genome().genome;
    // The first 30 bp of TRM8 (+ strand): its start codon and nine codons after it.
    let d = trm8_region(g, 0, 30);
    let spec = spec_text(g, &d);
    assert!(spec.contains("trimmed"), "{spec}");
    assert!(!spec.contains("partially_deleted") && !spec.contains("disrupted"));
    let text = gff(g, &d);
    let gene = line(&text, "gene", "gene:YDL201W");
    assert!(gene.contains("edit_status=trimmed;"), "{gene}");
    let cds = line(&text, "CDS", "CDS:YDL201W");
    assert!(
        cds.contains("edit_status=trimmed;") && cds.contains("missing_start_codon=True"),
        "{cds}"
    );
    assert_eq!(node_status(g, &d, "YDL201W"), "trimmed");
}

#[test]
fn an_older_specs_partially_deleted_is_read_and_rewritten_in_todays_words() {
    let g = &common::default_genome().genome;
    let reference = ReferenceSpec::of(g);
    for (from, to, word) in [(100, 200, "disrupted"), (0, 30, "trimmed")] {
        let d = trm8_region(g, from, to);
        let new = spec_text(g, &d);
        let old = new.replace(&format!("\"{word}\""), "\"partially_deleted\"");
        assert_ne!(old, new, "the test rewrote nothing");
        let (back, _) = restore(g, &reference, &spec_json::parse(old.as_bytes()).unwrap()).unwrap();
        let again = spec_text(g, &back);
        assert!(
            again.contains(&format!("\"damage\":\"{word}\""))
                || again.contains(&format!("\"damage\": \"{word}\"")),
            "{again}"
        );
        assert!(!again.contains("partially_deleted"), "{again}");
    }
}

#[test]
fn a_promoter_swapped_gene_says_promoter_replaced_in_the_gff3_as_in_its_gene_node() {
    let g = &common::default_genome().genome;
    let d = crate::exports_biology::lab_design();
    let text = gff(g, &d);
    let gene = line(&text, "gene", "gene:YJL157C");
    assert!(
        gene.contains("edit_status=promoter_replaced;edit=pGAL1-FAR1"),
        "{gene}"
    );
    assert_eq!(node_status(g, &d, "YJL157C"), "promoter_replaced");
    // The ORF itself is native: its CDS carries no edit_status.
    let cds = line(&text, "CDS", "CDS:YJL157C");
    assert!(!cds.contains("edit_status"), "{cds}");
}

/// A dubious ORF over a tagged gene's 3′ end is split by the tag: `disrupted` in the GFF3 (its
/// gene, mRNA and CDS lines) and the gene nodes, its CDS no valid ORF — not lifted across the
/// tag as if intact. CNE1 (YAL058W, +, I:37,464–38,972) ends inside YAL056C-A (−, 38,696–39,046);
/// GIP4 (YAL031C, −, I:84,749–87,031) inside YAL031W-A (+, 84,669–84,977).
#[test]
fn a_dubious_orf_over_a_tagged_genes_3_prime_end_is_disrupted_by_the_tag() {
    use genoforge::core::edit::Terminus;
    use genoforge::core::genetics::cassette::Library;
    use genoforge::core::genetics::tag::plan_tag;
    let g = &common::default_genome().genome;
    let lib: Library = serde_json::from_slice(
        &std::fs::read(common::root().join("public/cassettes.json")).unwrap(),
    )
    .unwrap();
    for (tagged, sys, dubious) in [
        ("CNE1", "YAL058W", "YAL056C-A"),
        ("GIP4", "YAL031C", "YAL031W-A"),
    ] {
        let mut d = Design::new();
        let (p, _) = plan_tag(
            g,
            resolve_gene(g, tagged).unwrap(),
            lib.get("GFP(S65T)-kanMX6").unwrap(),
            Terminus::C,
        )
        .unwrap();
        apply(g, &mut d, p).unwrap();
        let text = gff(g, &d);
        for (kind, id) in [
            ("gene", format!("gene:{dubious}")),
            ("mRNA", format!("transcript:{dubious}_mRNA")),
            ("CDS", format!("CDS:{dubious}")),
        ] {
            let l = line(&text, kind, &id);
            assert!(l.contains("edit_status=disrupted;"), "{l}");
        }
        let cds = line(&text, "CDS", &format!("CDS:{dubious}"));
        assert!(cds.contains("valid_ORF=False"), "{cds}");
        let gene = line(&text, "gene", &format!("gene:{sys}"));
        assert!(gene.contains("edit_status=fused;"), "{gene}");
        assert_eq!(node_status(g, &d, dubious), "disrupted", "{dubious}");
    }
}
