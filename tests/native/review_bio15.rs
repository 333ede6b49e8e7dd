//! A yeast geneticist's review of the exports, names and the CLI (issue 13, findings 5–9), on
//! the real S288C genome: each edit kind's Sequence Ontology term; MATα1/α2 `superseded` in a
//! MATa design, MATA2 `shifted` in BY4741; the CLI's examples run; edits cited by number and spec
//! id; tags typed so `gt gff3validator -typecheck so` accepts them; pTEF; a C-terminal GFP fused
//! from Ser2; a marker's ORF among the gene nodes; `--zygosity` refused on a haploid.

use crate::common;

use std::process::Command;

use genoforge::core::design::Design;
use genoforge::core::design::genotype::PerturbationType;
use genoforge::core::edit::Terminus;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::cassette::Library;
use genoforge::core::genetics::compose::{apply, plan_delete_gene, set_background};
use genoforge::core::genetics::orf::Orf;
use genoforge::core::genetics::point::plan_point_mutation;
use genoforge::core::genetics::point_name::parse_change;
use genoforge::core::genetics::promoter::{
    Upstream, plan_promoter_swap, promoter_by_name, promoter_part_name,
};
use genoforge::core::genetics::strain::strain;
use genoforge::core::genetics::tag::plan_tag;
use genoforge::core::genome::Genome;
use genoforge::core::lift::{FeatureStatus, Lifted};
use genoforge::core::ml::{GeneStatus, gene_nodes};
use genoforge::core::spec::{ReferenceSpec, export};
use genoforge::io::gff3;

use crate::common::genoforge;

fn library() -> Library {
    serde_json::from_slice(&std::fs::read(common::root().join("public/cassettes.json")).unwrap())
        .unwrap()
}

fn gene(g: &Genome, name: &str) -> genoforge::core::genome::feature::FeatureIdx {
    resolve_gene(g, name).unwrap()
}

fn tag(g: &Genome, d: &mut Design, name: &str, cassette: &str, t: Terminus) {
    let lib = library();
    let (plan, _) = plan_tag(g, gene(g, name), lib.get(cassette).unwrap(), t).unwrap();
    apply(g, d, plan).unwrap();
}

fn spec_json(g: &Genome, d: &Design) -> serde_json::Value {
    let essential = genoforge::io::gene_sets::read_essentiality(
        &std::fs::read(common::root().join("public/data/deletion_essentiality.tsv")).unwrap(),
    )
    .unwrap();
    let spec = export(
        g,
        d,
        &ReferenceSpec::of(g),
        "2026-12-02T00:00:00Z",
        &essential,
    );
    serde_json::from_str(&genoforge::io::spec_json::to_string(&spec)).unwrap()
}

fn gff(g: &Genome, d: &Design) -> String {
    let mut out = Vec::new();
    gff3::writer::write(&mut out, g, d, &Lifted::new(g, d)).unwrap();
    String::from_utf8(out).unwrap()
}

fn report(g: &Genome, d: &Design) -> String {
    let mut out = Vec::new();
    genoforge::io::report::write_tsv(&mut out, g, d, &Lifted::new(g, d)).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn each_edit_kind_has_the_sequence_ontology_term_of_what_it_does_to_the_bases() {
    let g = &common::default_genome().genome;
    let lib = library();
    let mut d = Design::new();
    // PHO5's ORF replaced by GFP: a deletion–insertion, not a deletion.
    apply(
        g,
        &mut d,
        plan_delete_gene(g, gene(g, "PHO5"), lib.get("GFP(S65T)")),
    )
    .unwrap();
    apply(
        g,
        &mut d,
        plan_delete_gene(g, gene(g, "FAR1"), lib.get("kanMX4")),
    )
    .unwrap();
    apply(g, &mut d, plan_delete_gene(g, gene(g, "CAN1"), None)).unwrap();
    apply(
        g,
        &mut d,
        plan_point_mutation(g, gene(g, "GAL4"), &parse_change("K23A").unwrap())
            .unwrap()
            .0,
    )
    .unwrap();
    tag(g, &mut d, "CLN2", "GFP(S65T)", Terminus::N);
    tag(g, &mut d, "PHO84", "GFP(S65T)-kanMX6", Terminus::C);
    let v = spec_json(g, &d);
    let terms: Vec<(String, String, String, String)> = v["perturbations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let s = |k: &str| p[k].as_str().unwrap().to_owned();
            (
                s("designation"),
                s("perturbation_type"),
                s("mechanism_so_id"),
                s("mechanism_so_name"),
            )
        })
        .collect();
    let row = |a: &str, b: &str, c: &str, e: &str| (a.into(), b.into(), c.into(), e.into());
    assert_eq!(
        terms,
        vec![
            row(
                "pho5Δ::GFP(S65T)",
                "gene_replacement",
                "SO:1000032",
                "delins"
            ),
            row("far1Δ::kanMX4", "kanmx_deletion", "SO:0000159", "deletion"),
            row("can1Δ", "deletion", "SO:0000159", "deletion"),
            row("gal4-K23A", "point_mutation", "SO:1000002", "substitution"),
            row(
                "GFP(S65T)-CLN2",
                "n_terminal_tag",
                "SO:0000667",
                "insertion"
            ),
            row(
                "PHO84-GFP(S65T)::kanMX6",
                "c_terminal_tag",
                "SO:1000032",
                "delins"
            ),
        ]
    );
    // The schema knows the new kind; a replaced essential gene is warned of as a deleted one.
    let schema: serde_json::Value = serde_json::from_slice(
        &std::fs::read(common::root().join("public/genotype-spec.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(PerturbationType::GeneReplacement.removes_gene());
    let mut e = Design::new();
    apply(
        g,
        &mut e,
        plan_delete_gene(g, gene(g, "TFC3"), lib.get("GFP(S65T)")),
    )
    .unwrap();
    assert_eq!(
        spec_json(g, &e)["perturbations"][0]["warnings"][0]["kind"],
        "essential_gene_deleted"
    );
}

#[test]
fn in_by4741_mat_alpha1_and_alpha2_are_superseded_and_mata2_is_shifted_by_leu2_delta0() {
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4741").unwrap()).unwrap();
    let lifted = Lifted::new(g, &d);
    let nodes = gene_nodes(g, &d, &lifted);
    let node = |id: &str| nodes.iter().find(|n| n.id == id).unwrap();
    for alpha in ["YCR040W", "YCR039C"] {
        assert_eq!(node(alpha).status, GeneStatus::Superseded, "{alpha}");
        assert_eq!(node(alpha).status.label(), "superseded");
        assert_eq!(
            node(alpha).start,
            None,
            "{alpha} has no line in the edited genome"
        );
        // Its lines too: superseded with it, none deleted.
        let top = gene(g, alpha);
        assert_eq!(lifted.feature(top).status, FeatureStatus::Superseded);
        let id = g.feature(top).id.clone().unwrap();
        for &c in g.children(&id) {
            assert_eq!(lifted.feature(c).status, FeatureStatus::Superseded);
        }
    }
    // MATA2 annotates unchanged X bases, but leu2Δ0 (III:91 kb) shortened III before it.
    let a2 = node("MATA2");
    assert_eq!(a2.status, GeneStatus::Shifted);
    assert_eq!((a2.ref_start, a2.ref_end), (Some(199_546), Some(199_905)));
    assert!(a2.start.unwrap() < 199_546, "{a2:?}");
    // The report says superseded for MATα1/α2's lines, never deleted.
    let text = report(g, &d);
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("YCR040W") || l.contains("YCR039C"))
        .collect();
    assert!(!rows.is_empty());
    for r in rows {
        assert_eq!(r.split('\t').nth(10), Some("superseded"), "{r}");
    }
}

/// The examples `GENE=VALUE` in `genoforge design --help`, by flag.
fn help_examples(help: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut flag = String::new();
    for line in help.lines() {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix("--") {
            flag = format!("--{}", rest.split([' ', '<']).next().unwrap_or(""));
        }
        let Some(open) = t.find('(') else { continue };
        let inside = &t[open + 1..];
        for word in inside.split([',', ' ']) {
            let Some((gene, _)) = word.split_once('=') else {
                continue;
            };
            let gene = gene.trim_start_matches('(');
            let word = word.trim_start_matches('(');
            if gene.is_empty() || gene == "GENE" || !gene.chars().all(|c| c.is_ascii_alphanumeric())
            {
                continue;
            }
            // Trim the closing parenthesis of the list and a trailing colon, keeping balanced
            // parentheses of the value (GFP(S65T)).
            let mut w = word.trim_end_matches(':').to_owned();
            while w.matches(')').count() > w.matches('(').count() {
                w.pop();
            }
            let w = w.trim_end_matches(':').to_owned();
            out.push((flag.clone(), w));
        }
    }
    out
}

#[test]
fn every_example_in_the_design_help_runs() {
    let help = genoforge(&["design", "--help"]);
    assert!(help.status.success());
    let help = String::from_utf8_lossy(&help.stdout).into_owned();
    let examples = help_examples(&help);
    let got: Vec<String> = examples.iter().map(|(f, e)| format!("{f} {e}")).collect();
    for want in [
        "--delete TFC3=kanMX4",
        "--c-tag PHO5=GFP(S65T)-kanMX6",
        "--mutate GAL4=K23A",
        "--mutate GAL4=K23A:GCC",
        "--mutate PHO5=c.70A>G",
        "--promoter PHO5=GAL1",
    ] {
        assert!(got.iter().any(|g| g == want), "{want} in {got:?}");
    }
    // PHO5's coding base 70 is the A (c.69 is a C): what the example names is there.
    let g = &common::default_genome().genome;
    let orf = Orf::of(g, gene(g, "PHO5")).unwrap();
    assert_eq!((orf.coding[68], orf.coding[69]), (b'C', b'A'));
    let failures: Vec<String> = std::thread::scope(|s| {
        let runs: Vec<_> = examples
            .iter()
            .map(|(flag, example)| {
                s.spawn(move || {
                    let out = common::on_default_genome(
                        "design",
                        &["--library", "public/cassettes.json", flag, example],
                    );
                    (!out.status.success()).then(|| {
                        format!("{flag} {example}: {}", String::from_utf8_lossy(&out.stderr))
                    })
                })
            })
            .collect();
        runs.into_iter().filter_map(|r| r.join().unwrap()).collect()
    });
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn messages_cite_an_edit_by_the_lists_number_and_the_specs_id() {
    let g = &common::default_genome().genome;
    let lib = library();
    let mut d = Design::new();
    for name in ["FAR1", "CAN1", "TFC3"] {
        apply(g, &mut d, plan_delete_gene(g, gene(g, name), None)).unwrap();
    }
    // A fourth change over TFC3 (spec id 2, the edit list's #3).
    let err = apply(
        g,
        &mut d,
        plan_delete_gene(g, gene(g, "TFC3"), lib.get("kanMX4")),
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("edit #3 (id 2)"), "{err}");
    assert_eq!(spec_json(g, &d)["edits"][2]["id"], 2);
    // The edit list numbers from 1, as the message's first number.
    assert_eq!(genoforge::core::edit::EditId(2).to_string(), "#3");
    assert_eq!(
        genoforge::core::edit::EditId(2).cited().to_string(),
        "#3 (id 2)"
    );
}

/// The lines of `text` about `names` (their genes' lines name them) and every line genoforge
/// wrote, with the header: a GFF3 of the tagged genes alone (the Ensembl annotation itself has
/// types gt's SO check refuses, a transposable_element under a transposable_element_gene).
fn about(text: &str, names: &[&str]) -> String {
    text.lines()
        .filter(|l| {
            l.starts_with("##gff-version") || {
                let c: Vec<&str> = l.split('\t').collect();
                c.len() == 9 && (c[1] == "genoforge" || names.iter().any(|n| c[8].contains(n)))
            }
        })
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn n_and_c_tags_export_gff3_that_gt_typechecks_against_the_sequence_ontology() {
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    // CLN2 YPL256C (N), PHO85 YPL031C (C, no marker), PHO84 YML123C (C, kanMX6).
    tag(g, &mut d, "CLN2", "GFP(S65T)", Terminus::N);
    tag(g, &mut d, "PHO85", "GFP(S65T)", Terminus::C);
    tag(g, &mut d, "PHO84", "GFP(S65T)-kanMX6", Terminus::C);
    let text = gff(g, &d);
    // Each tag's coding part is a CDS_region, never the child of an `insertion`.
    let regions: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("\tCDS_region\t"))
        .collect();
    // (The tag proper of each, and pFA6a's linker before PHO84's: the amplicon begins with it.)
    assert_eq!(
        regions
            .iter()
            .filter(|l| l.contains("Name=GFP(S65T)"))
            .count(),
        3,
        "{regions:?}"
    );
    assert_eq!(regions.len(), 4, "{regions:?}");
    let insertions: Vec<&str> = text
        .lines()
        .filter(|l| l.split('\t').nth(2) == Some("insertion"))
        .filter_map(|l| l.split("ID=").nth(1))
        .map(|rest| rest.split(';').next().unwrap_or(rest))
        .collect();
    for r in &regions {
        let parents = r
            .split("Parent=")
            .nth(1)
            .map_or("", |rest| rest.split(';').next().unwrap_or(rest));
        assert!(
            parents.split(',').all(|p| !insertions.contains(&p)),
            "{r} (insertions {insertions:?})"
        );
    }
    // Every CDS_region's Parent is the fused CDS itself, with a marker after the tag or not
    // (CLN2's N-terminal, PHO85's C-terminal, PHO84's C-terminal with kanMX6 and its linker:
    // one place for the tag's coding parts), written within that CDS's `###`-closed block (gt
    // checks below).
    for r in &regions {
        let parent = r
            .split("Parent=")
            .nth(1)
            .map_or("", |rest| rest.split(';').next().unwrap_or(rest));
        assert!(
            ["CDS:YPL256C", "CDS:YPL031C", "CDS:YML123C"].contains(&parent),
            "{r}"
        );
    }
    for cds in ["Parent=CDS:YPL256C", "Parent=CDS:YPL031C"] {
        assert_eq!(
            regions.iter().filter(|l| l.contains(cds)).count(),
            1,
            "{cds} in {regions:?}"
        );
    }
    assert_eq!(
        regions
            .iter()
            .filter(|l| l.contains("Parent=CDS:YML123C"))
            .count(),
        2,
        "{regions:?}"
    );
    let Ok(v) = Command::new("gt").arg("--version").output() else {
        eprintln!("skipped: genometools (gt) is not installed");
        return;
    };
    assert!(v.status.success());
    let dir = common::scratch("review-bio15-gt");
    let path = dir.join("tags.gff3");
    std::fs::write(&path, about(&text, &["YPL256C", "YPL031C", "YML123C"])).unwrap();
    let out = Command::new("gt")
        .args(["gff3validator", "-typecheck", "so"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "gt gff3validator -typecheck so: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // And the whole edited annotation stays valid GFF3.
    let whole = dir.join("all.gff3");
    std::fs::write(&whole, &text).unwrap();
    assert_eq!(common::gt_validate(&whole), Some(Ok(())));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_marker_cassettes_promoter_is_ptef_not_pkanmx4() {
    let g = &common::default_genome().genome;
    let lib = library();
    assert_eq!(
        promoter_part_name("TEF promoter (A. gossypii)").as_deref(),
        Some("TEF")
    );
    for name in ["kanMX4", "TEF"] {
        let p = promoter_by_name(g, &lib, name).unwrap();
        assert_eq!(p.name, "TEF", "{name}");
        assert!(p.source.contains("TEF promoter"), "{}", p.source);
        let (plan, _) = plan_promoter_swap(g, gene(g, "PHO5"), &p, Upstream::Bases(500)).unwrap();
        assert_eq!(plan.perturbation.designation, "pTEF-PHO5");
    }
}

#[test]
fn a_c_terminal_gfp_without_a_marker_is_fused_from_ser2_and_says_so() {
    let g = &common::default_genome().genome;
    let lib = library();
    let pho85 = gene(g, "PHO85");
    let own = Orf::of(g, pho85).unwrap().protein();
    let own = own.trim_end_matches('*');
    let (plan, fused) = plan_tag(g, pho85, lib.get("GFP(S65T)").unwrap(), Terminus::C).unwrap();
    assert!(fused.protein.starts_with(own));
    assert!(
        fused.protein[own.len()..].starts_with("SKGEEL"),
        "{}",
        &fused.protein[own.len()..own.len() + 10]
    );
    assert_eq!(plan.requests[0].sequence.len(), 717 - 3);
    assert!(
        plan.warnings
            .iter()
            .any(|w| w.contains("start codon is left out") && w.contains("AJ002682")),
        "{:?}",
        plan.warnings
    );
    // The pFA6a amplicon has no Met to drop: RIPGLIN, then GFP from Ser2.
    let (plan, fused) =
        plan_tag(g, pho85, lib.get("GFP(S65T)-kanMX6").unwrap(), Terminus::C).unwrap();
    assert!(fused.protein[own.len()..].starts_with("RIPGLINSKGEEL"));
    assert!(plan.warnings.is_empty(), "{:?}", plan.warnings);
}

#[test]
fn an_inserted_markers_orf_is_a_gene_node_as_the_gff3_writes_it() {
    let g = &common::default_genome().genome;
    let lib = library();
    let mut d = Design::new();
    apply(
        g,
        &mut d,
        plan_delete_gene(g, gene(g, "FAR1"), lib.get("kanMX4")),
    )
    .unwrap();
    tag(g, &mut d, "PHO84", "GFP(S65T)-kanMX6", Terminus::C);
    let nodes = gene_nodes(g, &d, &Lifted::new(g, &d));
    let text = gff(g, &d);
    for (id, name, designation) in [
        ("kanMX4_YJL157C_kan", "kan", "far1Δ::kanMX4"),
        (
            "PHO84-GFP(S65T)::kanMX6_YML123C_kan",
            "kan",
            "PHO84-GFP(S65T)::kanMX6",
        ),
    ] {
        let n = nodes.iter().find(|n| n.id == id).unwrap_or_else(|| {
            panic!(
                "{id} among {:?}",
                nodes.iter().rev().take(8).collect::<Vec<_>>()
            )
        });
        assert_eq!(n.status, GeneStatus::Inserted);
        assert_eq!((n.kind.as_str(), n.name.as_str()), ("gene", name));
        assert_eq!(n.perturbations, vec![designation.to_owned()]);
        // The GFF3's gene line for that ORF, at the same place.
        let line = text
            .lines()
            .find(|l| {
                let c: Vec<&str> = l.split('\t').collect();
                c.len() == 9
                    && c[2] == "gene"
                    && c[1] == "genoforge"
                    && c[8].contains(&format!(
                        "ID={}",
                        genoforge::core::genome::attributes::percent_encode(id)
                    ))
            })
            .unwrap_or_else(|| panic!("a gene line for {id}"));
        let c: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            (c[3].parse::<u64>().ok(), c[4].parse::<u64>().ok()),
            (n.start, n.end),
            "{line}"
        );
    }
}

#[test]
fn zygosity_on_a_haploid_background_is_refused_with_the_reason() {
    let out = common::on_default_genome(
        "design",
        &[
            "--strain",
            "BY4741",
            "--zygosity",
            "homozygous",
            "--delete",
            "FAR1",
        ],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("zygosity applies to diploid backgrounds")
            && err.contains("BY4741 is haploid"),
        "{err}"
    );
}
