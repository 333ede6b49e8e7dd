//! MATa in a BY4741 design: Yα at MAT replaced by HMR's Ya, both located from the R64 sequence.

use crate::common;

use genoforge::core::coord::{Pos, Span};
use genoforge::core::design::Design;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::compose::set_background;
use genoforge::core::genetics::mating::locate;
use genoforge::core::genetics::strain::strain;
use genoforge::core::lift::edited::{EditedGenome, LiftedPos};
use genoforge::core::lift::{FeatureStatus, Lifted};

fn span(a: u64, b: u64) -> Span {
    Span::from_one_based(a, b).unwrap()
}

#[test]
fn y_regions_located_from_the_sequence_at_their_r64_coordinates() {
    let g = &common::default_genome().genome;
    let loci = locate(g).unwrap();
    assert_eq!(g.contig(loci.contig).name.as_ref(), "III");
    // The literature's Y: Yα 747 bp, Ya 642 bp (Astell et al. 1981; Haber 2012).
    assert_eq!(loci.y_alpha, span(200_104, 200_850));
    assert_eq!(loci.y_a, span(293_737, 294_378));
    assert_eq!((loci.y_alpha.len(), loci.y_a.len()), (747, 642));
    // Only Y is swapped.
    assert_eq!((loci.replaced, loci.donor), (loci.y_alpha, loci.y_a));
    // What flanks Y is shared: the 20 bases before it, and Z1's first 10 after it; Z1's 11th base
    // is the one where HMR differs from MAT (T at MAT, A at HMR), then 20 more are shared.
    let seq = |s: Span| g.sequence(loci.contig, s).unwrap().to_ascii_uppercase();
    let at = |y: Span, from: i64, to: i64| {
        seq(common::span0(
            (y.end().get() as i64 + from) as u64,
            (y.end().get() as i64 + to) as u64,
        ))
    };
    assert_eq!(
        seq(Span::new(Pos(loci.y_alpha.start().get() - 20), loci.y_alpha.start()).unwrap()),
        seq(Span::new(Pos(loci.y_a.start().get() - 20), loci.y_a.start()).unwrap())
    );
    assert_eq!(at(loci.y_alpha, 0, 10), b"CGCAACAGTA".to_vec());
    assert_eq!(at(loci.y_a, 0, 10), b"CGCAACAGTA".to_vec());
    assert_eq!(at(loci.y_alpha, 11, 31), at(loci.y_a, 11, 31));
    let d = &loci.flank_differences;
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(
        (
            d[0].at_mat.get() + 1,
            d[0].mat,
            d[0].at_hmr.get() + 1,
            d[0].hmr
        ),
        (200_861, b'T', 294_389, b'A')
    );
}

#[test]
fn by4741_carries_mata_mat_after_the_swap_equals_hmr_ya() {
    let g = &common::default_genome().genome;
    let loci = locate(g).unwrap();
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4741").unwrap()).unwrap();
    let b = d.genotype().background.as_ref().unwrap();
    let mat = b.alleles.iter().find(|a| a.name == "MATa").unwrap();
    // Y, and a2 annotated on its (unchanged) X bases.
    assert_eq!(mat.edit_ids.len(), 2);
    assert!(mat.lesion.contains("III:200,104–200,850"), "{}", mat.lesion);
    assert!(mat.lesion.contains("III:293,737–294,378"), "{}", mat.lesion);
    assert_eq!(
        genoforge::core::genetics::nomenclature::format(d.genotype()),
        "MATa his3Δ1 leu2Δ0 met15Δ0 ura3Δ0"
    );
    let edited = EditedGenome::new(g, &d);
    // The base before the swap is kept; the donor follows it, Ya at its offset in the donor.
    let before = Pos(loci.replaced.start().get() - 1);
    let Some(LiftedPos::At(q)) = edited.lift(loci.contig, before) else {
        panic!("the base before MAT's swap is kept");
    };
    let y_start = Pos(q.get() + 1 + (loci.y_a.start().get() - loci.donor.start().get()));
    let y = edited
        .sequence(
            loci.contig,
            Span::new(y_start, Pos(y_start.get() + loci.y_a.len())).unwrap(),
        )
        .unwrap();
    assert_eq!(
        y.to_ascii_uppercase(),
        g.sequence(loci.contig, loci.y_a)
            .unwrap()
            .to_ascii_uppercase(),
        "MAT's Y is HMR's Ya"
    );
    // MATα1 and MATα2 are superseded (their start codons were in Yα; what is left of them in X and
    // Z1 encodes no α protein — it was `trimmed` before the review of issue 13); BUD5 and YCR041W
    // (ends in X, Z1, BUD5's start codon overlapping a2's stop) are untouched; HMR is untouched.
    let lifted = Lifted::new(g, &d);
    for n in ["MATALPHA1", "MATALPHA2"] {
        let f = resolve_gene(g, n).unwrap();
        assert_eq!(lifted.feature(f).status, FeatureStatus::Superseded, "{n}");
    }
    for n in ["BUD5", "YCR041W"] {
        let f = resolve_gene(g, n).unwrap();
        assert!(
            matches!(
                lifted.feature(f).status,
                FeatureStatus::Shifted | FeatureStatus::Unchanged
            ),
            "{n}"
        );
        assert!(lifted.effects().iter().all(|e| e.feature != f), "{n}");
    }
    let hmra1 = resolve_gene(g, "HMRA1").unwrap();
    assert!(!lifted.feature(hmra1).status.is_gone());
    // The inserted region names a1's lines as MAT's: gene, mRNA, three exons, three CDS parts;
    // a2 is the second edit's feature (its gene), with its mRNA, exon and CDS.
    let e = d.edit(mat.edit_ids[0]).unwrap();
    let kinds: Vec<String> = e
        .feature
        .as_ref()
        .unwrap()
        .children
        .iter()
        .filter(|c| c.name.as_deref() == Some("MATA1"))
        .map(|c| c.kind.to_string())
        .collect();
    assert_eq!(
        kinds,
        ["gene", "mRNA", "exon", "CDS", "exon", "CDS", "exon", "CDS"]
    );
    let a2 = d.edit(mat.edit_ids[1]).unwrap();
    let f = a2.feature.as_ref().unwrap();
    assert_eq!(
        (
            f.id.as_deref(),
            f.kind.to_string().as_str(),
            f.children.len()
        ),
        (Some("gene:MATA2"), "gene", 3)
    );
}

#[test]
fn by4743_records_mata_on_one_copy_and_keeps_mat_alpha() {
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4743").unwrap()).unwrap();
    let b = d.genotype().background.as_ref().unwrap();
    let mat = b.alleles.iter().find(|a| a.name == "MATa").unwrap();
    assert!(mat.edit_ids.is_empty());
    assert!(
        mat.lesion.starts_with("on one copy only, not applied"),
        "{}",
        mat.lesion
    );
    let lifted = Lifted::new(g, &d);
    let a2 = resolve_gene(g, "MATALPHA2").unwrap();
    // Only moved by leu2Δ0, further left on III.
    assert_eq!(lifted.feature(a2).status, FeatureStatus::Shifted);
}
