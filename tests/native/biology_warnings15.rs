//! A yeast geneticist's third review (issue 13), on the real S288C genome with SGD's feature
//! table: centromeres, replication origins, telomeres and Ty LTRs are carried from the table and an
//! edit removing or doubling one is warned of; a deletion trimming an essential neighbour's CDS
//! and a point mutation nulling an essential gene (start codon lost, nonsense) are warned of too —
//! in the core's warnings, the spec's perturbation warnings, the view's list and the CLI.

use crate::common;

use genoforge::core::coord::Span;
use genoforge::core::design::Design;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::compose::{apply, delete_gene};
use genoforge::core::genetics::consistency::warnings;
use genoforge::core::genetics::essential::EssentialityTable;
use genoforge::core::genetics::finding::{Concern, Finding, FindingKind};
use genoforge::core::genetics::point::{parse_change, plan_point_mutation};
use genoforge::core::genetics::promoter::{Upstream, plan_promoter_swap, promoter_of_gene};
use genoforge::core::genetics::region::plan_region_deletion;
use genoforge::core::genome::Genome;
use genoforge::core::genome::elements::ElementKind;
use genoforge::core::spec::{ReferenceSpec, export};
use genoforge::view::design_warnings::design_warnings;

fn essential() -> EssentialityTable {
    common::essentiality()
}

fn found(g: &Genome, d: &Design) -> Vec<Finding> {
    warnings(g, d, &essential(), None)
}

fn of_kind(f: &[Finding], kind: FindingKind) -> Vec<&str> {
    f.iter()
        .filter(|f| f.kind == kind)
        .map(|f| f.message.as_str())
        .collect()
}

/// The spec's perturbation warnings' kinds, per perturbation.
fn spec_kinds(g: &Genome, d: &Design) -> Vec<Vec<String>> {
    let spec = export(
        g,
        d,
        &ReferenceSpec::of(g),
        "2026-12-02T00:00:00Z",
        &essential(),
    );
    let v = serde_json::to_value(&spec).unwrap();
    v["perturbations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p["warnings"]
                .as_array()
                .map(|w| {
                    w.iter()
                        .map(|w| w["kind"].as_str().unwrap().to_owned())
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect()
}

fn swap(g: &Genome, d: &mut Design, gene: &str, from: &str, upstream: Upstream) {
    let p = promoter_of_gene(g, resolve_gene(g, from).unwrap(), upstream).unwrap();
    let (plan, _) = plan_promoter_swap(g, resolve_gene(g, gene).unwrap(), &p, upstream).unwrap();
    apply(g, d, plan).unwrap();
}

fn delete_region(g: &Genome, d: &mut Design, contig: &str, from: u64, to: u64) {
    let c = g.contig_by_name(contig).unwrap();
    let plan = plan_region_deletion(g, c, Span::from_one_based(from, to).unwrap()).unwrap();
    apply(g, d, plan).unwrap();
}

#[test]
fn the_feature_table_brings_centromeres_origins_telomeres_and_ltrs() {
    let g = &common::default_genome().genome;
    let count = |k| g.elements().all().filter(|e| e.kind == k).count();
    // SGD_features.tab's rows of each type, all on the nuclear chromosomes.
    assert_eq!(count(ElementKind::Centromere), 16);
    assert_eq!(count(ElementKind::Telomere), 32);
    assert_eq!(count(ElementKind::Ars), 352);
    assert_eq!(count(ElementKind::Ltr), 383);
    let cen1 = g.elements().all().find(|e| &*e.name == "CEN1").unwrap();
    assert_eq!(g.contig(cen1.contig).name.as_ref() as &str, "I");
    assert_eq!(cen1.span.one_based(), (151_465, 151_582));
    // TEL01L is written 801..1 (− strand): held as I:1–801.
    let tel = g.elements().all().find(|e| &*e.name == "TEL01L").unwrap();
    assert_eq!(tel.span.one_based(), (1, 801));
    // Each of CEN1's 118 bases is found by what overlaps it, and not past its ends.
    let i = g.contig_by_name("I").unwrap();
    let hit = |a, b| {
        g.elements()
            .hit_by(i, Span::from_one_based(a, b).unwrap())
            .map(|e| e.name.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(hit(151_582, 151_600), ["CEN1"]);
    assert!(hit(151_583, 151_600).is_empty());
}

#[test]
fn a_promoter_swap_or_a_region_deletion_over_cen1_makes_chromosome_i_acentric() {
    let g = &common::default_genome().genome;
    // TFC3 (YAL001C, −) ends at I:151,166; its 500 bp 5′ reach over CEN1 (151,465–151,582).
    let mut d = Design::new();
    swap(g, &mut d, "TFC3", "GAL1", Upstream::Bases(500));
    let f = found(g, &d);
    let cen = of_kind(&f, FindingKind::CentromereRemoved);
    assert_eq!(cen.len(), 1, "{f:?}");
    assert!(
        cen[0].starts_with("pGAL1-TFC3 removes centromere CEN1 (I:151,465–151,582)")
            && cen[0].contains("chromosome I would lose CEN1 — acentric")
            && cen[0].contains("doi:10.1038/287504a0"),
        "{}",
        cen[0]
    );
    assert_eq!(FindingKind::CentromereRemoved.concern(), Concern::Severe);
    assert!(spec_kinds(g, &d)[0].contains(&"centromere_removed".to_owned()));
    let view = design_warnings(g, &d, &essential(), None);
    let v = view
        .iter()
        .find(|w| w.kind == FindingKind::CentromereRemoved)
        .unwrap();
    assert_eq!(
        (v.heading, v.concern, v.designation.as_deref()),
        ("Centromere lost", Concern::Severe, Some("pGAL1-TFC3"))
    );
    // A region deletion cutting into CEN1's CDEIII end; one beside it is silent.
    let mut d = Design::new();
    delete_region(g, &mut d, "I", 151_560, 151_700);
    let f = found(g, &d);
    let cen = of_kind(&f, FindingKind::CentromereRemoved);
    assert_eq!(cen.len(), 1);
    assert!(cen[0].contains("cuts into centromere CEN1"), "{}", cen[0]);
    let mut d = Design::new();
    delete_region(g, &mut d, "I", 151_583, 151_700);
    assert!(of_kind(&found(g, &d), FindingKind::CentromereRemoved).is_empty());
}

#[test]
fn a_promoter_copied_with_cen1_onto_another_chromosome_makes_it_dicentric() {
    let g = &common::default_genome().genome;
    // pTFC3's 500 bp hold CEN1; put in front of PHO5 (chromosome II, which keeps CEN2).
    let mut d = Design::new();
    swap(g, &mut d, "PHO5", "TFC3", Upstream::Bases(500));
    let f = found(g, &d);
    let di = of_kind(&f, FindingKind::CentromereInserted);
    assert_eq!(di.len(), 1, "{f:?}");
    assert!(
        di[0].starts_with(
            "pTFC3-PHO5 inserts the sequence of centromere CEN1 (I:151,465–151,582) at II:"
        ) && di[0].contains("dicentric"),
        "{}",
        di[0]
    );
    // CEN1 itself is untouched.
    assert!(of_kind(&f, FindingKind::CentromereRemoved).is_empty());
    assert!(spec_kinds(g, &d)[0].contains(&"centromere_inserted".to_owned()));
    // pGAL1 holds no centromere.
    let mut d = Design::new();
    swap(g, &mut d, "PHO5", "GAL1", Upstream::Bases(500));
    assert!(of_kind(&found(g, &d), FindingKind::CentromereInserted).is_empty());
}

#[test]
fn origins_telomeres_and_ltrs_removed_are_said_with_their_weight() {
    let g = &common::default_genome().genome;
    // I:1–801 is TEL01L, ARS102 (707–776) inside it.
    let mut d = Design::new();
    delete_region(g, &mut d, "I", 1, 801);
    let f = found(g, &d);
    let tel = of_kind(&f, FindingKind::TelomereRemoved);
    let ars = of_kind(&f, FindingKind::OriginRemoved);
    assert!(
        tel.len() == 1 && tel[0].contains("removes telomere TEL01L (I:1–801)"),
        "{f:?}"
    );
    assert!(
        ars.len() == 1 && ars[0].contains("removes replication origin ARS102 (I:707–776)"),
        "{f:?}"
    );
    assert_eq!(FindingKind::OriginRemoved.concern(), Concern::Caution);
    assert_eq!(FindingKind::TelomereRemoved.concern(), Concern::Caution);
    assert_eq!(
        spec_kinds(g, &d)[0],
        ["telomere_removed", "replication_origin_removed"]
    );
    // YALWdelta1 (I:22,230–22,552), a solo Ty1 LTR: a note.
    let mut d = Design::new();
    delete_region(g, &mut d, "I", 22_200, 22_600);
    let f = found(g, &d);
    let ltr = of_kind(&f, FindingKind::LtrRemoved);
    assert!(ltr.len() == 1 && ltr[0].contains("YALWdelta1"), "{f:?}");
    assert_eq!(FindingKind::LtrRemoved.concern(), Concern::Note);
}

#[test]
fn a_deletion_trimming_an_essential_neighbour_warns_of_it() {
    let g = &common::default_genome().genome;
    let table = essential();
    assert!(table.is_essential("YDL150W") && !table.is_essential("YDL151C"));
    // BUD30 (YDL151C, dubious) overlaps RPC53's (YDL150W) start: bud30Δ::kanMX4 takes it.
    let mut d = Design::new();
    delete_gene(
        g,
        &mut d,
        resolve_gene(g, "BUD30").unwrap(),
        Some(&common::kanmx4()),
    )
    .unwrap();
    // The project's own bud30Δ (viable) reaches RPC53 too: a caution, not a lethal claim
    // (review_bio17 has the rest).
    let f = found(g, &d);
    assert!(
        of_kind(&f, FindingKind::EssentialGeneDeleted).is_empty(),
        "{f:?}"
    );
    let e = of_kind(&f, FindingKind::EssentialNeighbourTrimmed);
    assert_eq!(e.len(), 1, "{f:?}");
    assert!(
        e[0].starts_with("bud30Δ::kanMX4 deletes the start codon of RPC53 (YDL150W) on every copy")
            && e[0].contains("Giaever et al. 2002"),
        "{}",
        e[0]
    );
    assert_eq!(spec_kinds(g, &d)[0], ["essential_neighbour_trimmed"]);
    // Deleting a gene whose neighbours are not essential says nothing of them.
    let mut d = Design::new();
    delete_gene(
        g,
        &mut d,
        resolve_gene(g, "PHO5").unwrap(),
        Some(&common::kanmx4()),
    )
    .unwrap();
    assert!(of_kind(&found(g, &d), FindingKind::EssentialGeneDeleted).is_empty());
}

fn mutate(g: &Genome, d: &mut Design, gene: &str, change: &str) {
    let (plan, _) = plan_point_mutation(
        g,
        resolve_gene(g, gene).unwrap(),
        &parse_change(change).unwrap(),
    )
    .unwrap();
    apply(g, d, plan).unwrap();
}

#[test]
fn point_mutations_nulling_an_essential_gene_warn_of_a_likely_lethal_haploid() {
    let g = &common::default_genome().genome;
    let null = |gene: &str, change: &str| {
        let mut d = Design::new();
        mutate(g, &mut d, gene, change);
        let f = found(g, &d);
        (
            of_kind(&f, FindingKind::EssentialNullAllele)
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>(),
            spec_kinds(g, &d)[0].clone(),
        )
    };
    let (m1, kinds) = null("TFC3", "M1A");
    assert!(
        m1.len() == 1
            // An amino-acid change of the start codon is named by its bases and `M1?`.
            && m1[0].starts_with("tfc3-c.1_3delinsGCT(M1?) loses the start codon")
            && m1[0].contains("TFC3 (YAL001C)")
            && m1[0].contains("not viable in a haploid"),
        "{m1:?}"
    );
    assert_eq!(kinds, ["essential_null_allele"]);
    let (t4, _) = null("TFC3", "T4*");
    let length = genoforge::core::genetics::orf::Orf::of(g, resolve_gene(g, "TFC3").unwrap())
        .unwrap()
        .protein()
        .len();
    assert!(
        t4.len() == 1
            && t4[0].contains(&format!(
                "puts a premature stop codon at residue 4 of {length} (nonsense)"
            )),
        "{t4:?}"
    );
    // A missense change in TFC3, and a start lost in a gene that is not essential, are not.
    assert!(null("TFC3", "T4A").0.is_empty());
    assert!(null("PHO5", "M1A").0.is_empty());
}

fn genoforge(args: &[&str]) -> (bool, String) {
    let out = common::genoforge(args);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn design_and_validate_print_the_centromere_and_null_allele_warnings() {
    let dir = common::root().join("target/test-output/biology-warnings15");
    std::fs::create_dir_all(&dir).unwrap();
    let spec = dir.join("cen1.json");
    let genome = [
        "--fasta",
        "public/genome/S288C_reference_sequence_R64-2-1_20150113.fsa.gz",
        "--gff",
        "public/genome/Saccharomyces_cerevisiae.R64-1-1.99.gff3.gz",
        "--features",
        "public/genome/SGD_features.tab.gz",
    ];
    let mut args = vec!["design"];
    args.extend(genome);
    args.extend([
        "--library",
        "public/cassettes.json",
        "--promoter",
        "TFC3=GAL1",
        "--mutate",
        "SUP45=M1A",
        "--out-spec",
        spec.to_str().unwrap(),
    ]);
    let (ok, err) = genoforge(&args);
    assert!(ok, "{err}");
    let warned = |text: &str, what: &str| {
        text.lines()
            .any(|l| l.starts_with("genoforge: warning: ") && l.contains(what))
    };
    assert!(warned(&err, "pGAL1-TFC3 removes centromere CEN1"), "{err}");
    assert!(
        warned(&err, "sup45-c.1_3delinsGCT(M1?) loses the start codon"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&spec).unwrap()).unwrap();
    let kinds: Vec<&str> = v["perturbations"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["warnings"].as_array().unwrap().iter())
        .map(|w| w["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"centromere_removed") && kinds.contains(&"essential_null_allele"),
        "{kinds:?}"
    );
    let mut args = vec!["validate", spec.to_str().unwrap()];
    args.extend(genome);
    let (ok, err) = genoforge(&args);
    assert!(ok, "{err}");
    assert!(warned(&err, "acentric"), "{err}");
    assert!(
        warned(&err, "sup45-c.1_3delinsGCT(M1?) loses the start codon"),
        "{err}"
    );
}

#[test]
fn without_a_feature_table_the_cli_says_no_edit_was_checked_against_elements() {
    let dir = common::root().join("target/test-output/biology-warnings15-no-features");
    std::fs::create_dir_all(&dir).unwrap();
    let spec = dir.join("cen1.json");
    let spec_path = spec.to_str().unwrap();
    // The same centromere-removing swap as above, without --features: nothing to check against,
    // and the note says so instead of a silence that reads as "no element hit".
    let out = common::on_default_genome(
        "design",
        &[
            "--library",
            "public/cassettes.json",
            "--promoter",
            "TFC3=GAL1",
            "--out-spec",
            spec_path,
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let note = |text: &str| {
        text.lines().any(|l| {
            l.starts_with("genoforge: note: ")
                && l.contains("no edit was checked against centromeres")
        })
    };
    assert!(note(&err), "{err}");
    assert!(!err.contains("CEN1"), "{err}");
    let out = common::on_default_genome("validate", &[spec_path]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && note(&err), "{err}");
    // With the table, the elements are checked and the note is gone.
    let out = common::on_default_genome(
        "validate",
        &[spec_path, "--features", "public/genome/SGD_features.tab.gz"],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && !note(&err) && err.contains("acentric"),
        "{err}"
    );
}
