//! Picking what goes into the genome from a plasmid: a primer-bounded PCR product or one feature,
//! not the whole plasmid (AmpR and ori stay behind).

use crate::common;

use genoforge::core::genome::feature::FeatureKind;
use genoforge::core::seq::revcomp;
use genoforge::io::cassette::amplicon::{
    LONGTINE_F2, LONGTINE_R1, PickError, amplicon, feature_insert, longtine_tag,
};
use genoforge::io::genbank::{GbRecord, read};

fn record(file: &str) -> GbRecord {
    read(&std::fs::read(common::data(&format!("cassettes/{file}"))).unwrap())
        .unwrap()
        .remove(0)
}

#[test]
fn longtine_f2_r1_product_of_pfa6a_kanmx6_is_the_module_not_the_plasmid() {
    let rec = record("pFA6a-kanMX6_snapgene.gb");
    assert_eq!(rec.sequence.len(), 3938);
    let c = amplicon(&rec, "kanMX6", LONGTINE_F2, LONGTINE_R1).unwrap();
    assert!(c.len() < 1600, "{} bp", c.len());
    assert!(c.sequence.starts_with(LONGTINE_F2));
    let r1rc = String::from_utf8(revcomp(LONGTINE_R1.as_bytes())).unwrap();
    assert!(c.sequence.ends_with(&r1rc));
    // The marker's CDS is a part; AmpR (bla) and the origin are not.
    let names: Vec<String> = c.parts.iter().filter_map(|p| p.name.clone()).collect();
    assert!(
        c.parts.iter().any(|p| p.kind == FeatureKind::Cds),
        "{names:?}"
    );
    assert!(
        !names
            .iter()
            .any(|n| n.contains("AmpR") || n.contains("bla")),
        "{names:?}"
    );
    // Primers with 40-nt genomic tails (as ordered for tagging) give the same product, up to tail
    // bases that happen to match the template next to the annealing part (here one, at R1).
    let tail = "ACGTACGTACGTACGTACGTACGTACGTACGTACGTACGT";
    let tailed = amplicon(
        &rec,
        "kanMX6",
        &format!("{tail}{LONGTINE_F2}"),
        &format!("{tail}{LONGTINE_R1}"),
    )
    .unwrap();
    assert!(tailed.sequence.starts_with(&c.sequence));
    assert!(tailed.len() - c.len() <= 2, "{}", tailed.len() - c.len());
}

#[test]
fn gfp_tagging_module_reads_in_frame_from_f2_through_gfp() {
    let rec = record("pFA6a-GFPS65T-kanMX6_AJ002682.gb");
    let c = longtine_tag(&rec, "GFP(S65T)-kanMX6", "GFP(S65T)", "kanMX6").unwrap();
    assert_eq!(c.len(), 2424);
    assert_eq!(c.marker.as_deref(), Some("kanMX6"));
    let tag = &c.parts[0];
    assert_eq!(
        (tag.kind.clone(), tag.offset.len()),
        (FeatureKind::Cds, 735)
    );
    assert_eq!(c.source, "AJ002682 42..2465 (amplicon)");
    // kan^r CDS (AJ002682 1403..2212) is inside, at its place in the product.
    let kan = c
        .parts
        .iter()
        .find(|p| p.kind == FeatureKind::Cds && p.offset.start().get() > 0)
        .unwrap();
    assert_eq!(
        (kan.offset.start().get(), kan.offset.end().get()),
        (1403 - 42, 2212 - 41)
    );
}

#[test]
fn primers_not_on_the_record_or_a_feature_out_of_range_are_errors() {
    let rec = record("pFA6a-kanMX4_AJ002680.gb");
    let e = amplicon(&rec, "x", "GGGGGGGGGGGGGGGGGGGG", LONGTINE_R1).unwrap_err();
    assert!(matches!(e, PickError::PrimerNotFound { .. }), "{e}");
    assert!(matches!(
        amplicon(&rec, "x", "ACGT", LONGTINE_R1),
        Err(PickError::BadPrimer { .. })
    ));
    let n = rec.features.len();
    assert!(matches!(
        feature_insert(&rec, n),
        Err(PickError::NoFeature { .. })
    ));
    // One feature: the kan^r CDS alone, 810 bp.
    let i = rec.features.iter().position(|f| f.key == "CDS").unwrap();
    let kan = feature_insert(&rec, i).unwrap();
    assert_eq!(kan.len(), 810);
    assert!(kan.sequence.starts_with("ATG"));
}

#[test]
fn a_genbank_file_offers_its_features_and_primers_not_only_the_whole_plasmid() {
    use genoforge::io::cassette::amplicon::{Pick, pick_from_genbank, pickable_features};
    let bytes = std::fs::read(common::data("cassettes/pFA6a-kanMX6_snapgene.gb")).unwrap();
    let features = pickable_features(&bytes);
    assert!(features.len() >= 10, "{features:?}");
    assert!(
        features.iter().any(|(_, l)| l.starts_with("CDS ")),
        "{features:?}"
    );
    let whole = pick_from_genbank(&bytes, &Pick::Whole, "").unwrap();
    assert_eq!(whole.len(), 3938);
    let module = pick_from_genbank(
        &bytes,
        &Pick::Primers {
            forward: LONGTINE_F2.to_owned(),
            reverse: LONGTINE_R1.to_owned(),
        },
        "kanMX6",
    )
    .unwrap();
    assert_eq!(module.name, "kanMX6");
    assert!(module.len() < 1600);
    let (i, _) = features
        .iter()
        .find(|(_, l)| l.starts_with("CDS "))
        .unwrap()
        .clone();
    let cds = pick_from_genbank(&bytes, &Pick::Feature(i), "").unwrap();
    assert!(
        cds.len() < 1200 && cds.len().is_multiple_of(3),
        "{}",
        cds.len()
    );
    assert!(pickable_features(b">x\nACGT\n").is_empty());
}
