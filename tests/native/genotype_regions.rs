//! Region deletions read back from a genotype string (issue 13): the writer's `Δ(III:1001-2000)`
//! parses to the same perturbation and edit span, haploid and in a diploid, and a malformed one is
//! refused with a typed reason (and listed, never dropped).

use crate::common;

use genoforge::core::coord::{Pos, Span, SpanError};
use genoforge::core::design::Design;
use genoforge::core::design::genotype::{PerturbationType, Zygosity};
use genoforge::core::genetics::cassette::Library;
use genoforge::core::genetics::compose::{apply, apply_sketch, set_background};
use genoforge::core::genetics::nomenclature::{format, parse};
use genoforge::core::genetics::region::plan_region_deletion;
use genoforge::core::genetics::region_name::{RegionNameError, parse_region_designation};
use genoforge::core::genetics::strain::strain;
use genoforge::core::genome::Genome;

/// III:100,001-104,000 (1-based): YCR016W and its neighbours, whole or in part.
fn region() -> Span {
    Span::new(Pos(100_000), Pos(104_000)).unwrap()
}

fn with_region(g: &Genome, background: &str) -> Design {
    let mut d = Design::new();
    set_background(g, &mut d, strain(background).unwrap()).unwrap();
    let iii = g.contig_by_name("III").unwrap();
    apply(g, &mut d, plan_region_deletion(g, iii, region()).unwrap()).unwrap();
    d
}

#[test]
fn a_region_deletion_written_in_a_genotype_string_reads_back_to_the_same_edit() {
    let g = &common::default_genome().genome;
    let d = with_region(g, "BY4741");
    let text = format(d.genotype());
    assert!(text.ends_with(" Δ(III:100001-104000)"), "{text}");
    let sketch = parse(g, &text);
    assert!(sketch.unknown.is_empty(), "{:?}", sketch.unknown);
    assert_eq!(sketch.strain, Some("BY4741"));
    let [p] = &sketch.perturbations[..] else {
        panic!("{:?}", sketch.perturbations)
    };
    assert_eq!(p.perturbation_type, PerturbationType::RegionDeletion);
    assert_eq!(p.designation, "Δ(III:100001-104000)");
    assert_eq!(p.region, Some(("III".to_owned(), region())));
    // Applied to a fresh design, the string makes the same perturbation and the same edit.
    let mut again = Design::new();
    apply_sketch(g, &mut again, &sketch, &Library::default()).unwrap();
    let want = d.genotype().perturbations.last().unwrap();
    let got = again.genotype().perturbations.last().unwrap();
    assert_eq!(got.designation, want.designation);
    assert_eq!(got.genes, want.genes);
    assert!(!got.genes.is_empty(), "the region damages genes");
    let span = |d: &Design, id| d.edit(id).unwrap().span;
    assert_eq!(span(&again, got.edit_ids[0]), region());
    assert_eq!(span(&again, got.edit_ids[0]), span(&d, want.edit_ids[0]));
    assert_eq!(format(again.genotype()), text);
    // `delta` for Δ, as elsewhere.
    let spelt = parse(g, "delta(III:100001-104000)");
    assert_eq!(
        spelt.perturbations[0].region,
        Some(("III".to_owned(), region()))
    );
}

#[test]
fn in_a_diploid_a_region_deletion_reads_back_with_its_copies() {
    let g = &common::default_genome().genome;
    let d = with_region(g, "BY4743");
    let text = format(d.genotype());
    assert!(text.ends_with(" Δ(III:100001-104000)/+"), "{text}");
    let sketch = parse(g, &text);
    assert!(sketch.unknown.is_empty(), "{:?}", sketch.unknown);
    assert_eq!(sketch.strain, Some("BY4743"));
    assert_eq!(sketch.perturbations[0].zygosity, Zygosity::Heterozygous);
    let mut again = Design::new();
    apply_sketch(g, &mut again, &sketch, &Library::default()).unwrap();
    assert_eq!(format(again.genotype()), text);
    let homozygous = parse(g, "Δ(III:100001-104000)/Δ(III:100001-104000)");
    assert_eq!(homozygous.perturbations[0].zygosity, Zygosity::Homozygous);
}

#[test]
fn a_malformed_region_deletion_is_refused_with_its_reason() {
    let g = &common::default_genome().genome;
    let err = |t: &str| parse_region_designation(g, t).unwrap_err();
    assert!(matches!(err("Δ(III)"), RegionNameError::Shape(_)));
    assert!(matches!(err("Δ(III:1-2"), RegionNameError::Shape(_)));
    assert!(matches!(err("Δ(:1-2)"), RegionNameError::Shape(_)));
    assert!(matches!(err("Δ(III:1001)"), RegionNameError::Shape(_)));
    assert!(matches!(
        err("Δ(III:1,001-2000)"),
        RegionNameError::NotAPosition { bound, .. } if bound == "1,001"
    ));
    assert!(matches!(
        err("Δ(III:+5-9)"),
        RegionNameError::NotAPosition { .. }
    ));
    assert!(matches!(
        err("Δ(chrXVII:1-5)"),
        RegionNameError::UnknownSequence { seqid, .. } if seqid == "chrXVII"
    ));
    assert!(matches!(
        err("Δ(III:0-5)"),
        RegionNameError::Range {
            reason: SpanError::ZeroStart,
            ..
        }
    ));
    assert!(matches!(
        err("Δ(III:2000-1001)"),
        RegionNameError::Range {
            reason: SpanError::StartAfterEnd {
                start: 2000,
                end: 1001
            },
            ..
        }
    ));
    let iii = g.contig(g.contig_by_name("III").unwrap()).length;
    assert!(matches!(
        err(&format!("Δ(III:1-{})", iii + 1)),
        RegionNameError::PastEnd { length, .. } if length == iii
    ));
    // In a genotype string the malformed token is listed with why, next to what was understood.
    let sketch = parse(g, "MATa his3Δ1 Δ(III:2000-1001) pho5Δ");
    assert_eq!(sketch.perturbations.len(), 1);
    assert_eq!(sketch.unknown.len(), 1);
    assert!(
        sketch.unknown[0].1.contains("start 2000 is after end 1001"),
        "{:?}",
        sketch.unknown
    );
    assert!(apply_sketch(g, &mut Design::new(), &sketch, &Library::default()).is_err());
}

#[test]
fn a_region_deletion_names_each_gene_it_reaches_with_the_end_and_codons_it_takes() {
    let g = &common::default_genome().genome;
    let iv = g.contig_by_name("IV").unwrap();
    // IV:100,001-101,000: TRM8 (YDL201W, + strand) loses its 3′ end, MGT1 (YDL200C, − strand) its
    // 3′ end too — the low-coordinate end of a reverse-strand gene — each with its stop codon.
    let span = Span::new(Pos(100_000), Pos(101_000)).unwrap();
    let effects = genoforge::core::genetics::region::region_gene_effects(g, iv, span);
    assert_eq!(
        effects,
        [
            "removes the 3′ end of TRM8 (YDL201W), its stop codon with it",
            "removes the 3′ end of MGT1 (YDL200C), its stop codon with it",
        ],
        "{effects:?}"
    );
    // A span taking a + strand gene's first bases names its 5′ end and start codon; one inside a
    // gene, bases inside it; one over a gene, the whole gene.
    let ura3 = g.contig_by_name("V").unwrap();
    let (s, e) = (116_167u64, 116_970u64); // URA3 (YEL021W), V:116,167–116,970 (1-based)
    let five = genoforge::core::genetics::region::region_gene_effects(
        g,
        ura3,
        Span::new(Pos(s - 101), Pos(s + 9)).unwrap(),
    );
    assert!(
        five.contains(&"removes the 5′ end of URA3 (YEL021W), its start codon with it".to_owned()),
        "{five:?}"
    );
    let inside = genoforge::core::genetics::region::region_gene_effects(
        g,
        ura3,
        Span::new(Pos(s + 99), Pos(s + 200)).unwrap(),
    );
    assert_eq!(inside, ["removes bases inside URA3 (YEL021W)"]);
    let whole = genoforge::core::genetics::region::region_gene_effects(
        g,
        ura3,
        Span::new(Pos(s - 1), Pos(e)).unwrap(),
    );
    assert!(
        whole.contains(&"deletes URA3 (YEL021W) whole".to_owned()),
        "{whole:?}"
    );
}
