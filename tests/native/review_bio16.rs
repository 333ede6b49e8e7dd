//! A geneticist's review of the exports, on the real S288C genome: what a heterozygous change does
//! on its copy is said; a substitution given by coding bases names its protein consequence; a
//! C-terminal tag's parts are named exactly (pFA6a's linker, the tag without the stop codon).

use crate::common;
use genoforge::core::design::Design;
use genoforge::core::design::genotype::Zygosity;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::edit::{EditOp, Terminus};
use genoforge::core::genetics::compose::{apply, plan_delete_gene, set_background};
use genoforge::core::genetics::consistency::{check, warnings};
use genoforge::core::genetics::finding::FindingKind;
use genoforge::core::genetics::nomenclature::parse;
use genoforge::core::genetics::orf::Orf;
use genoforge::core::genetics::point::{parse_change, plan_point_mutation};
use genoforge::core::genetics::strain::strain;
use genoforge::core::genetics::tag::{LINKER_NAME, plan_tag};
use genoforge::core::seq::{revcomp, translate};
use genoforge::core::strand::Strand;

#[test]
fn what_a_heterozygous_change_does_on_its_copy_is_said() {
    let g = &common::default_genome().genome;
    let table = common::essentiality();
    // met15Δ0 (heterozygous in BY4743, no edit) removes the 5′ end of YLR302C, a dubious ORF
    // overlapping MET17, on its copy — as BY4741's applied met15Δ0 trims it.
    let mut dip = Design::new();
    set_background(g, &mut dip, strain("BY4743").unwrap()).unwrap();
    let w = warnings(g, &dip, &table, None);
    let met15: Vec<_> = w
        .iter()
        .filter(|f| f.kind == FindingKind::OneCopyEffects)
        .collect();
    assert_eq!(met15.len(), 1, "{w:?}");
    assert!(
        met15[0]
            .message
            .starts_with("met15Δ0 is heterozygous (a background allele on one copy")
            && met15[0].message.contains("YLR302C")
            && met15[0].perturbation.is_none(),
        "{}",
        met15[0].message
    );
    // Haploid BY4741 applies met15Δ0: the lift-over itself trims YLR302C, no one-copy note.
    let mut hap = Design::new();
    set_background(g, &mut hap, strain("BY4741").unwrap()).unwrap();
    assert!(
        check(g, &hap, &table)
            .iter()
            .all(|f| f.kind != FindingKind::OneCopyEffects)
    );
    // A heterozygous tfc3Δ::kanMX4 removes ARS108 on its copy (said on the perturbation); the
    // homozygous one is an origin removed from the edited sequence, not a one-copy note.
    let tfc3 = resolve_gene(g, "TFC3").unwrap();
    let lib = common::library();
    let mut het = dip.clone();
    apply(g, &mut het, plan_delete_gene(g, tfc3, lib.get("kanMX4"))).unwrap();
    let f: Vec<_> = check(g, &het, &table)
        .into_iter()
        .filter(|f| f.perturbation == Some(0))
        .collect();
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].kind, FindingKind::OneCopyEffects);
    assert!(
        f[0].message
            .contains("tfc3Δ::kanMX4 is heterozygous (on one copy")
            && f[0].message.contains("ARS108 (I:147,398–147,717)"),
        "{}",
        f[0].message
    );
    let mut hom = dip.clone();
    let mut plan = plan_delete_gene(g, tfc3, lib.get("kanMX4"));
    plan.perturbation.zygosity = Zygosity::Homozygous;
    apply(g, &mut hom, plan).unwrap();
    let kinds: Vec<FindingKind> = check(g, &hom, &table)
        .into_iter()
        .filter(|f| f.perturbation == Some(0))
        .map(|f| f.kind)
        .collect();
    assert!(kinds.contains(&FindingKind::OriginRemoved), "{kinds:?}");
    assert!(!kinds.contains(&FindingKind::OneCopyEffects), "{kinds:?}");
}

#[test]
fn a_change_given_by_coding_bases_names_its_protein_consequence() {
    let g = &common::default_genome().genome;
    let pho5 = resolve_gene(g, "PHO5").unwrap();
    let orf = Orf::of(g, pho5).unwrap();
    // Codon 24 of PHO5 is a lysine codon beginning with A (c.70–72).
    let codon = &orf.coding[69..72];
    assert_eq!(translate(codon), "K", "{}", String::from_utf8_lossy(codon));
    let plan = |change: &str| {
        plan_point_mutation(g, pho5, &parse_change(change).unwrap())
            .unwrap()
            .0
            .perturbation
            .designation
    };
    // c.70A>G: AAx → GAx, lysine to glutamate.
    assert_eq!(plan("c.70A>G"), "pho5-c.70A>G(K24E)");
    // The third base to the other purine keeps the lysine (AAA ↔ AAG): synonymous.
    let third = orf.coding[71] as char;
    let other = if third == 'A' { 'G' } else { 'A' };
    assert_eq!(
        plan(&format!("c.72{third}>{other}")),
        format!("pho5-c.72{third}>{other}(K24=)")
    );
    // c.70A>T: AAx → TAx, a stop when the third base is A or G.
    assert_eq!(plan("c.70A>T"), "pho5-c.70A>T(K24*)");
    // Two codons at once.
    let two = plan("c.70_75delinsGCTGCT");
    assert!(two.starts_with("pho5-c.70_75delinsGCTGCT(K24A,"), "{two}");
    // Written back with its consequence, the change reads the same; a genotype string carrying it
    // is read back to the same designation.
    assert_eq!(
        parse_change("c.70A>G(K24E)").unwrap(),
        parse_change("c.70A>G").unwrap()
    );
    for written in ["pho5-c.70A>G", "pho5-c.70A>G(K24E)"] {
        let sketch = parse(g, written);
        assert_eq!(sketch.unknown, vec![], "{written}");
        assert_eq!(
            sketch.perturbations[0].designation, "pho5-c.70A>G(K24E)",
            "{written}"
        );
    }
    // The edit itself is the single base.
    let (p, _) = plan_point_mutation(g, pho5, &parse_change("c.70A>G").unwrap()).unwrap();
    assert_eq!(p.requests.len(), 1);
    assert_eq!(p.requests[0].op, EditOp::Replace);
    assert_eq!(p.requests[0].span.len(), 1);
}

#[test]
fn a_c_terminal_tags_parts_are_the_linker_and_the_tag_without_its_stop() {
    let g = &common::default_genome().genome;
    let lib = common::library();
    for (gene, cassette, linker) in [
        ("PHO84", "GFP(S65T)-kanMX6", true),
        ("PHO85", "GFP(S65T)", false),
    ] {
        let f = resolve_gene(g, gene).unwrap();
        let (plan, fused) = plan_tag(g, f, lib.get(cassette).unwrap(), Terminus::C).unwrap();
        let req = &plan.requests[0];
        let feature = req.feature.as_ref().unwrap();
        // The inserted bases in the gene's orientation (the parts' offsets are in it).
        let seq = if feature.strand == Strand::Reverse {
            revcomp(&req.sequence)
        } else {
            req.sequence.clone()
        };
        let regions: Vec<_> = feature
            .children
            .iter()
            .filter(|c| c.kind.as_str() == "CDS_region")
            .collect();
        let protein = |c: &&genoforge::core::edit::SubFeature| {
            translate(&seq[c.offset.start().get() as usize..c.offset.end().get() as usize])
        };
        let gfp = regions
            .iter()
            .find(|c| c.name.as_deref() == Some("GFP(S65T)"))
            .unwrap();
        // GFP(S65T) from Ser2 to Lys238, no stop: 237 residues, T at 65 − 1 (the Met is not there).
        let p = protein(gfp);
        assert_eq!(p.len(), 237, "{gene}: {p}");
        assert!(p.starts_with("SKGEELFTG") && p.ends_with("GMDELYK"), "{p}");
        assert_eq!(&p[63..64], "T", "S65T: {p}");
        let l = regions
            .iter()
            .find(|c| c.name.as_deref() == Some(LINKER_NAME));
        assert_eq!(l.is_some(), linker, "{gene}: {regions:?}");
        if let Some(l) = l {
            assert_eq!(protein(l), "RIPGLIN");
            assert_eq!(l.offset.end(), gfp.offset.start());
        }
        // The fusion runs on through the linker and the tag to the tag's stop.
        assert!(
            fused
                .protein
                .ends_with(&format!("{}{p}", if linker { "RIPGLIN" } else { "" })),
            "{gene}"
        );
    }
}
