//! Tags, point mutations and promoter swaps read back from a genotype string (issue 13): what the
//! writer writes for each parses into a perturbation that `apply_sketch` plans with the composer's
//! parts, giving the same genotype string, the same edits and the same edited genome — haploid
//! BY4741 and a heterozygous tag in BY4743. What the string cannot carry (a hand-chosen codon, the
//! replaced promoter length) is said, not picked silently; malformed tokens are refused with a
//! typed reason.

use crate::common;

use genoforge::core::design::Design;
use genoforge::core::design::genotype::{PerturbationType, Zygosity};
use genoforge::core::edit::Terminus;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::cassette::Library;
use genoforge::core::genetics::compose::{apply, apply_sketch, plan_delete_gene, set_background};
use genoforge::core::genetics::nomenclature::{format, parse};
use genoforge::core::genetics::orf::Orf;
use genoforge::core::genetics::point::{Change, parse_change, plan_point_mutation};
use genoforge::core::genetics::point_name::{PointNameError, parse_point_designation};
use genoforge::core::genetics::promoter::{Upstream, plan_promoter_swap, promoter_by_name};
use genoforge::core::genetics::promoter_name::{PromoterNameError, parse_promoter_designation};
use genoforge::core::genetics::region::plan_region_deletion;
use genoforge::core::genetics::strain::strain;
use genoforge::core::genetics::tag::plan_tag;
use genoforge::core::genetics::tag_name::{TagNameError, parse_tag_designation};
use genoforge::core::genome::Genome;

fn library() -> Library {
    serde_json::from_slice(&std::fs::read(common::root().join("public/cassettes.json")).unwrap())
        .unwrap()
}

/// Every edit as (kind, sequence, span, inserted bases, enabled).
fn edits(d: &Design) -> Vec<String> {
    d.edits()
        .iter()
        .map(|e| {
            format!(
                "{:?} {:?} {:?} {} {}",
                e.op,
                e.contig,
                e.span,
                String::from_utf8_lossy(&e.sequence),
                d.is_enabled(e.id)
            )
        })
        .collect()
}

/// One coding base of `gene` changed to another base: `c.{pos}X>Y`.
fn base_change(g: &Genome, gene: &str, pos: u64) -> Change {
    let orf = Orf::of(g, resolve_gene(g, gene).unwrap()).unwrap();
    let found = orf.coding[pos as usize - 1];
    let to = if found == b'A' { "G" } else { "A" };
    Change::Bases {
        pos,
        from: None,
        to: to.to_owned(),
    }
}

/// BY4741 with a deletion by marker, a C-terminal tag with marker, an N-terminal tag, point
/// mutations by amino acid and by base, a promoter swap and a region deletion, added as the
/// composer adds them.
fn by4741_design(g: &Genome, lib: &Library) -> Design {
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4741").unwrap()).unwrap();
    let gene = |n: &str| resolve_gene(g, n).unwrap();
    let plans = vec![
        plan_delete_gene(g, gene("PHO5"), lib.get("kanMX4")),
        plan_tag(
            g,
            gene("PHO84"),
            lib.get("GFP(S65T)-kanMX6").unwrap(),
            Terminus::C,
        )
        .unwrap()
        .0,
        plan_tag(g, gene("CLN2"), lib.get("GFP(S65T)").unwrap(), Terminus::N)
            .unwrap()
            .0,
        plan_tag(g, gene("PHO85"), lib.get("GFP(S65T)").unwrap(), Terminus::C)
            .unwrap()
            .0,
        plan_point_mutation(g, gene("GAL4"), &parse_change("K23A").unwrap())
            .unwrap()
            .0,
        plan_point_mutation(g, gene("FAR1"), &base_change(g, "FAR1", 69))
            .unwrap()
            .0,
        plan_promoter_swap(
            g,
            gene("PHO4"),
            &promoter_by_name(g, lib, "GAL1").unwrap(),
            // 63 bp to YFR034W-A: the 500 bp default would be refused.
            Upstream::ToPreviousFeature,
        )
        .unwrap()
        .0,
        plan_region_deletion(g, g.contig_by_name("XV").unwrap(), {
            genoforge::core::coord::Span::from_one_based(100_001, 101_000).unwrap()
        })
        .unwrap(),
    ];
    for p in plans {
        apply(g, &mut d, p).unwrap();
    }
    d
}

#[test]
fn tags_point_mutations_and_promoter_swaps_round_trip_through_the_genotype_string() {
    let g = &common::default_genome().genome;
    let lib = library();
    let d = by4741_design(g, &lib);
    let text = format(d.genotype());
    for token in [
        " pho5Δ::kanMX4 ",
        " PHO84-GFP(S65T)::kanMX6 ",
        " GFP(S65T)-CLN2 ",
        " PHO85-GFP(S65T) ",
        " gal4-K23A ",
        " pGAL1-PHO4 ",
        " Δ(XV:100001-101000)",
    ] {
        assert!(format!("{text} ").contains(token), "{token} in {text}");
    }
    assert!(text.contains(" far1-c.69"), "{text}");
    let sketch = parse(g, &text);
    assert!(sketch.unknown.is_empty(), "{:?}", sketch.unknown);
    assert_eq!(sketch.strain, Some("BY4741"));
    let kinds: Vec<PerturbationType> = sketch
        .perturbations
        .iter()
        .map(|p| p.perturbation_type)
        .collect();
    assert_eq!(
        kinds,
        d.genotype()
            .perturbations
            .iter()
            .map(|p| p.perturbation_type)
            .collect::<Vec<_>>()
    );
    let tag = &sketch.perturbations[1];
    assert_eq!(tag.perturbation_type, PerturbationType::CTerminalTag);
    assert_eq!(tag.insert.as_deref(), Some("GFP(S65T)"));
    assert_eq!(tag.marker.as_deref(), Some("kanMX6"));
    assert_eq!(tag.gene.as_deref(), Some("YML123C"));
    let mut again = Design::new();
    let assumed = apply_sketch(g, &mut again, &sketch, &lib).unwrap();
    assert_eq!(format(again.genotype()), text);
    assert_eq!(edits(&again), edits(&d));
    assert!(
        common::edited_fasta(&again) == common::edited_fasta(&d),
        "the edited genomes differ"
    );
    // What the string does not say is said: the codon of gal4-K23A, the promoter's length.
    assert!(
        assumed
            .iter()
            .any(|a| a.starts_with("gal4-K23A: codon: the most frequent yeast codon for A (GCT)")),
        "{assumed:?}"
    );
    assert!(
        assumed
            .iter()
            .any(|a| a.starts_with("pGAL1-PHO4: replaced region: the 500 bp")),
        "{assumed:?}"
    );
    assert!(
        assumed
            .iter()
            .any(|a| a.starts_with("pGAL1-PHO4: promoter: pGAL1 = ")
                && a.ends_with("replaces VI:225,959–226,021 (63 bp)")),
        "{assumed:?}"
    );
    // A nucleotide change and the tags are fully written: nothing assumed for them.
    assert!(
        !assumed
            .iter()
            .any(|a| a.starts_with("far1-") || a.contains("GFP")),
        "{assumed:?}"
    );
}

#[test]
fn a_hand_chosen_codon_is_not_in_the_string_and_reading_it_back_says_so() {
    let g = &common::default_genome().genome;
    let gal4 = resolve_gene(g, "GAL4").unwrap();
    let mut d = Design::new();
    let (plan, codons) = plan_point_mutation(g, gal4, &parse_change("K23A:GCC").unwrap()).unwrap();
    assert_eq!(codons[0].to.0, "GCC");
    apply(g, &mut d, plan).unwrap();
    let text = format(d.genotype());
    assert_eq!(text, "gal4-K23A");
    let mut again = Design::new();
    let assumed = apply_sketch(g, &mut again, &parse(g, &text), &library()).unwrap();
    assert_eq!(format(again.genotype()), text);
    // Same residue, the most frequent codon, not the hand-chosen one — and said.
    assert_ne!(edits(&again), edits(&d));
    assert_eq!(
        assumed,
        [
            "gal4-K23A: codon: the most frequent yeast codon for A (GCT); a genotype string names the residue, not a codon chosen by hand"
        ]
    );
}

#[test]
fn a_heterozygous_tag_in_by4743_round_trips() {
    let g = &common::default_genome().genome;
    let lib = library();
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4743").unwrap()).unwrap();
    let pho84 = resolve_gene(g, "PHO84").unwrap();
    let (plan, _) = plan_tag(g, pho84, lib.get("GFP(S65T)-kanMX6").unwrap(), Terminus::C).unwrap();
    apply(g, &mut d, plan).unwrap();
    let text = format(d.genotype());
    assert!(text.ends_with(" PHO84-GFP(S65T)::kanMX6/PHO84"), "{text}");
    let sketch = parse(g, &text);
    assert!(sketch.unknown.is_empty(), "{:?}", sketch.unknown);
    assert_eq!(sketch.strain, Some("BY4743"));
    let [p] = &sketch.perturbations[..] else {
        panic!("{:?}", sketch.perturbations)
    };
    assert_eq!(p.zygosity, Zygosity::Heterozygous);
    assert_eq!(p.perturbation_type, PerturbationType::CTerminalTag);
    let mut again = Design::new();
    apply_sketch(g, &mut again, &sketch, &lib).unwrap();
    assert_eq!(format(again.genotype()), text);
    assert_eq!(edits(&again), edits(&d));
    let tag_edit = again.genotype().perturbations[0].edit_ids[0];
    assert!(
        !again.is_enabled(tag_edit),
        "heterozygous: recorded, not applied"
    );
    assert!(common::edited_fasta(&again) == common::edited_fasta(&d));
}

#[test]
fn malformed_tags_point_mutations_and_promoter_swaps_are_refused_with_a_reason() {
    let g = &common::default_genome().genome;
    assert_eq!(
        parse_tag_designation(g, "PHO84-", None),
        Err(TagNameError::Shape("PHO84-".to_owned()))
    );
    assert_eq!(
        parse_tag_designation(g, "GFP(S65T)-PHO84", Some("kanMX6")),
        Err(TagNameError::MarkerOnNTag(
            "GFP(S65T)-PHO84::kanMX6".to_owned()
        ))
    );
    assert_eq!(parse_tag_designation(g, "FOO-BAR", None), Ok(None));
    assert!(matches!(
        parse_point_designation(g, "gal4-K23"),
        Err(PointNameError::Change { .. })
    ));
    assert!(matches!(
        parse_promoter_designation(g, "pGAL1-NOTAGENE1", None),
        Err(PromoterNameError::UnknownGene { .. })
    ));
    assert_eq!(
        parse_promoter_designation(g, "pGAL1-PHO4", Some("kanMX6")),
        Err(PromoterNameError::Marker("pGAL1-PHO4::kanMX6".to_owned()))
    );
    // In a string, each is listed with its reason, never dropped or read as something else.
    let s = parse(
        g,
        "gal4-K23 gal4-R23A PHO84- GFP(S65T)-PHO84::kanMX6 pGAL1-NOTAGENE1 FOO-BAR",
    );
    let unknown: Vec<&str> = s.unknown.iter().map(|u| u.0.as_str()).collect();
    assert_eq!(
        unknown,
        [
            "gal4-K23",
            "PHO84-",
            "GFP(S65T)-PHO84::kanMX6",
            "pGAL1-NOTAGENE1",
            "FOO-BAR"
        ]
    );
    // A residue that is not the reference's parses (the string is well formed) and is refused
    // when planned, naming the token.
    let err = apply_sketch(g, &mut Design::new(), &s, &library()).unwrap_err();
    assert!(err.to_string().contains("gal4-K23"), "{err}");
    let only = parse(g, "gal4-R23A");
    let err = apply_sketch(g, &mut Design::new(), &only, &library()).unwrap_err();
    assert!(err.to_string().contains("residue"), "{err}");
    // A tag no library cassette carries.
    let none = parse(g, "PHO84-GFP(S65T)::hphMX6");
    assert!(none.unknown.is_empty(), "{:?}", none.unknown);
    let err = apply_sketch(g, &mut Design::new(), &none, &library()).unwrap_err();
    assert!(
        err.to_string()
            .contains("no library cassette carries the tag GFP(S65T) with the marker hphMX6"),
        "{err}"
    );
}
