//! A geneticist's fifth review of the exports, on the real S288C genome: mitochondrial genes read
//! with the yeast mitochondrial code and edits there said; an essential neighbour that a gene
//! deletion trims, where the deletion project's own deletion of the gene was viable, said as a
//! caution with what that allele did; an insertion into an essential gene worded as such; two
//! heterozygous changes of one gene said to lack their phase (cis or trans); a marker deletion's
//! extent said against the deletion collection's alleles.

use crate::common;
use genoforge::core::design::Design;
use genoforge::core::design::genotype::Zygosity;
use genoforge::core::edit::Terminus;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::compose::{apply, plan_delete_gene, set_background};
use genoforge::core::genetics::consistency::warnings;
use genoforge::core::genetics::finding::{Concern, FindingKind};
use genoforge::core::genetics::orf::Orf;
use genoforge::core::genetics::point::{parse_change, plan_point_mutation};
use genoforge::core::genetics::strain::strain;
use genoforge::core::genetics::tag::plan_tag;
use genoforge::core::seq::{GeneticCode, translate};

#[test]
fn mitochondrial_genes_are_read_with_the_yeast_mitochondrial_code() {
    let g = &common::default_genome().genome;
    let cox2 = resolve_gene(g, "COX2").unwrap();
    let orf = Orf::of(g, cox2).unwrap();
    assert_eq!(orf.code, GeneticCode::YeastMitochondrial);
    // NCBI table 3: COX2 (Q0250) has no internal stop; the standard code reads five.
    let protein = orf.protein();
    assert!(orf.has_clean_stop() && !protein.contains('*'), "{protein}");
    assert_eq!(
        translate(&orf.coding)
            .trim_end_matches('*')
            .matches('*')
            .count(),
        5
    );
    // Residue 56 is W (TGA), residue 63 M (ATA): a change by residue is checked against them.
    assert_eq!(protein.chars().nth(55), Some('W'));
    assert_eq!(protein.chars().nth(62), Some('M'));
    let name = |change: &str| {
        plan_point_mutation(g, cox2, &parse_change(change).unwrap())
            .map(|(p, _)| p.perturbation.designation)
            .map_err(|e| e.to_string())
    };
    assert_eq!(name("W56A").as_deref(), Ok("cox2-W56A"));
    assert_eq!(name("M63A").as_deref(), Ok("cox2-M63A"));
    assert!(
        name("I63A").unwrap_err().contains("M"),
        "{:?}",
        name("I63A")
    );
    // TGA → TGG keeps the tryptophan: synonymous, not a stop lost.
    assert_eq!(name("c.168A>G").as_deref(), Ok("cox2-c.168A>G(W56=)"));
    // A nuclear gene keeps the standard code.
    let pho5 = Orf::of(g, resolve_gene(g, "PHO5").unwrap()).unwrap();
    assert_eq!(pho5.code, GeneticCode::Standard);
    // An edit of the mitochondrial genome is said, with why (transformation, the code).
    let table = common::essentiality();
    let lib = common::library();
    let mut d = Design::new();
    apply(g, &mut d, plan_delete_gene(g, cox2, lib.get("kanMX4"))).unwrap();
    let w = warnings(g, &d, &table, None);
    let mito: Vec<_> = w
        .iter()
        .filter(|f| f.kind == FindingKind::MitochondrialGenomeEdited)
        .collect();
    assert_eq!(mito.len(), 1, "{w:?}");
    assert_eq!(mito[0].perturbation, Some(0));
    assert_eq!(mito[0].kind.concern(), Concern::Caution);
    assert!(
        mito[0]
            .message
            .starts_with("cox2Δ::kanMX4 edits the mitochondrial genome (Mito)")
            && mito[0].message.contains("NCBI table 3"),
        "{}",
        mito[0].message
    );
    let mut nuclear = Design::new();
    let pho5 = resolve_gene(g, "PHO5").unwrap();
    apply(
        g,
        &mut nuclear,
        plan_delete_gene(g, pho5, lib.get("kanMX4")),
    )
    .unwrap();
    assert!(
        warnings(g, &nuclear, &table, None)
            .iter()
            .all(|f| f.kind != FindingKind::MitochondrialGenomeEdited)
    );
}

#[test]
fn a_neighbour_the_collections_own_viable_deletion_reaches_is_a_caution_not_a_lethal_claim() {
    let g = &common::default_genome().genome;
    let table = common::essentiality();
    let lib = common::library();
    // bud30Δ::kanMX4 takes RPC53's start codon; the project's bud30Δ (YDL151C) was viable, and
    // its allele (codon 2 to the last sense codon) reaches RPC53's CDS too.
    let bud30 = resolve_gene(g, "BUD30").unwrap();
    let plan = plan_delete_gene(g, bud30, lib.get("kanMX4"));
    let pv = genoforge::view::preview::preview(g, &Design::new(), &plan, &table).unwrap();
    assert_eq!(pv.essential().count(), 0, "no lethal claim in the preview");
    let rpc53 = pv.genes.iter().find(|x| x.systematic == "YDL150W").unwrap();
    assert!(
        rpc53
            .collection_viable
            .as_deref()
            .is_some_and(|w| w.contains("reaches RPC53 (YDL150W)'s coding sequence too")),
        "{rpc53:?}"
    );
    assert_eq!(pv.notes.len(), 1, "{:?}", pv.notes);
    assert!(
        pv.notes[0].starts_with(
            "Modelled as the ORF from its start codon to its stop codon replaced by kanMX4"
        ) && pv.notes[0].contains("UPTAG/DNTAG"),
        "{}",
        pv.notes[0]
    );
    let mut d = Design::new();
    apply(g, &mut d, plan).unwrap();
    let w = warnings(g, &d, &table, None);
    let f = w
        .iter()
        .find(|f| f.message.contains("RPC53"))
        .expect("RPC53 named");
    assert_eq!(f.kind, FindingKind::EssentialNeighbourTrimmed);
    assert_eq!(f.kind.concern(), Concern::Caution);
    assert!(
        f.message
            .starts_with("bud30Δ::kanMX4 deletes the start codon of RPC53 (YDL150W) on every copy")
            && f.message
                .contains("yet the project's own haploid deletion of BUD30 (YDL151C) was viable")
            && !f.message.contains("not viable"),
        "{}",
        f.message
    );
    // A deletion of an essential gene keeps the lethal claim, and a clean deletion no extent note.
    let tfc3 = resolve_gene(g, "TFC3").unwrap();
    let mut e = Design::new();
    apply(g, &mut e, plan_delete_gene(g, tfc3, lib.get("kanMX4"))).unwrap();
    assert!(
        warnings(g, &e, &table, None)
            .iter()
            .any(|f| f.kind == FindingKind::EssentialGeneDeleted)
    );
    let clean = plan_delete_gene(g, tfc3, None);
    let pv = genoforge::view::preview::preview(g, &Design::new(), &clean, &table).unwrap();
    assert!(pv.notes.is_empty(), "{:?}", pv.notes);
}

#[test]
fn a_tag_changing_only_an_essential_neighbours_last_codon_is_a_caution_not_a_lethal_claim() {
    let g = &common::default_genome().genome;
    let table = common::essentiality();
    let lib = common::library();
    // VPS75's C-terminal tag replaces its stop codon, which lies inside essential CWC25's CDS.
    let vps75 = resolve_gene(g, "VPS75").unwrap();
    let (plan, _) = plan_tag(g, vps75, lib.get("GFP(S65T)-kanMX6").unwrap(), Terminus::C).unwrap();
    let mut d = Design::new();
    apply(g, &mut d, plan).unwrap();
    let w = warnings(g, &d, &table, None);
    let f = w
        .iter()
        .find(|f| f.message.contains("CWC25"))
        .unwrap_or_else(|| panic!("CWC25 named: {w:?}"));
    // Only CWC25's Tyr179 and stop codon are changed (a new stop follows from the inserted
    // bases): a caution that says so, not a lethal claim.
    assert_eq!(
        f.kind,
        FindingKind::EssentialNeighbourTrimmed,
        "{}",
        f.message
    );
    assert!(
        f.message.contains("replaces 3 of the last 4 coding bases")
            && f.message.contains(
                "a stop codon follows at once from the bases put there (residue 179, Y, is lost)"
            )
            && f.message
                .contains("coding bases of CWC25 (YNL245C), its stop codon among them")
            && f.message.contains("its first 178 of 179 residues are kept")
            && !f.message.contains("not viable"),
        "{}",
        f.message
    );
    // An insertion reaching further into an essential gene than its end "disrupts" it.
    assert_eq!(
        genoforge::core::genetics::finding::essential_finding_words(
            genoforge::core::design::genotype::GeneDamage::Disrupted
        ),
        "disrupts"
    );
}

#[test]
fn the_cli_names_the_other_genes_a_gene_deletion_reaches() {
    // YCR041W's deletion trims MATα1 and TAF2's 3′ end; the CLI says so, as the preview does.
    let out = common::on_default_genome(
        "design",
        &[
            "--library",
            "public/cassettes.json",
            "--delete",
            "YCR041W=kanMX4",
            "--delete",
            "PDR5=natMX4",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    let also: Vec<&str> = err
        .lines()
        .filter(|l| l.trim_start().starts_with("also "))
        .collect();
    assert!(
        also.iter().any(|l| l.contains("TAF2"))
            && also
                .iter()
                .any(|l| l.contains("MATALPHA1") || l.contains("MATα1") || l.contains("YCR040W")),
        "{err}"
    );
    // The collection's alleles are kanMX4's: a natMX4 deletion's note does not cite them.
    let notes: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("note: Modelled as"))
        .collect();
    assert_eq!(notes.len(), 2, "{err}");
    assert!(
        notes[0].contains("yfgΔ::kanMX4") && !notes[1].contains("yfgΔ::kanMX4"),
        "{err}"
    );
}

#[test]
fn two_heterozygous_changes_of_one_gene_say_their_phase_is_not_recorded() {
    let g = &common::default_genome().genome;
    let table = common::essentiality();
    let pho5 = resolve_gene(g, "PHO5").unwrap();
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4743").unwrap()).unwrap();
    let mutate = |d: &mut Design, change: &str, z: Zygosity| {
        let (mut plan, _) = plan_point_mutation(g, pho5, &parse_change(change).unwrap()).unwrap();
        plan.perturbation.zygosity = z;
        apply(g, d, plan).unwrap();
    };
    // A second change, at residue 100 (whatever it is, to A or, if A, to G).
    let r100 = Orf::of(g, pho5).unwrap().protein().chars().nth(99).unwrap();
    let second = format!("{r100}100{}", if r100 == 'A' { 'G' } else { 'A' });
    mutate(&mut d, "K24E", Zygosity::Heterozygous);
    let same = |d: &Design| {
        warnings(g, d, &table, None)
            .into_iter()
            .filter(|f| f.kind == FindingKind::HeterozygousSameGene)
            .collect::<Vec<_>>()
    };
    assert!(same(&d).is_empty(), "one change has no phase to lack");
    let mut homo = d.clone();
    mutate(&mut homo, &second, Zygosity::Homozygous);
    assert!(
        same(&homo).is_empty(),
        "a homozygous change is on both copies"
    );
    mutate(&mut d, &second, Zygosity::Heterozygous);
    let f = same(&d);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].kind.concern(), Concern::Note);
    assert!(
        f[0].message.starts_with(&format!(
            "pho5-K24E and pho5-{second} are each heterozygous at PHO5 (YBR093C)"
        )) && f[0].message.contains("in cis")
            && f[0].message.contains("in trans"),
        "{}",
        f[0].message
    );
}
