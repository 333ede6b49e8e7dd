//! The map's genomic window: locus parsing, zoom, pan, pixels, ticks.

use crate::common;

use genoforge::core::coord::Pos;
use genoforge::view::viewport::{LocusError, MIN_WIDTH, Viewport};

#[test]
fn loci_parse_every_way_people_write_them() {
    let g = &common::default_genome().genome;
    let iv = g.contig_by_name("IV").unwrap();
    for text in [
        "chrIV:100,000-120,000",
        "IV:100000-120000",
        "IV:100000..120000",
        "NC_001136:100,000–120,000",
        " iv:100k-120k ",
    ] {
        let v = Viewport::parse(g, text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(
            (v.contig, v.span.one_based()),
            (iv, (100_000, 120_000)),
            "{text}"
        );
    }
    let whole = Viewport::parse(g, "Mito").unwrap();
    assert_eq!(whole.width(), 85_779);
    let tfc3 = Viewport::parse(g, "tfc3").unwrap();
    assert_eq!(g.contig(tfc3.contig).name.as_ref(), "I");
    assert!(tfc3.span.start().get() < 147_593 && tfc3.span.end().get() > 151_166);
    assert_eq!(Viewport::parse(g, "IV:150k").unwrap().width(), 10_000);
    assert_eq!(
        Viewport::parse(g, "nope"),
        Err(LocusError::Unknown("nope".into()))
    );
    assert!(matches!(
        Viewport::parse(g, "IV:200-100"),
        Err(LocusError::BadRange(_))
    ));
    assert_eq!(Viewport::parse(g, ""), Err(LocusError::Empty));
}

#[test]
fn zoom_and_pan_stay_on_the_contig() {
    let g = &common::default_genome().genome;
    let v = Viewport::parse(g, "I:1-230218").unwrap();
    let z = v.zoom(g, 4.0, 0.5);
    assert!(z.width().abs_diff(230_218 / 4) <= 1, "{}", z.width());
    // The anchored base stays put.
    let anchored = v.zoom(g, 2.0, 0.25);
    assert!((anchored.x_of(57_554, 1000.0) - 250.0).abs() < 1.0);
    // Never past the ends, never narrower than MIN_WIDTH.
    assert_eq!(v.pan(g, -1_000_000).span.start(), Pos(0));
    assert_eq!(v.zoom(g, 1e9, 0.5).width(), MIN_WIDTH);
    assert_eq!(z.pan(g, 10_000_000).span.end().get(), 230_218);
    assert_eq!(v.zoom(g, 0.001, 0.5), Viewport::whole(g, v.contig));
    // Pixels map back to bases.
    let p = z.pos_at(z.x_of(100_000, 800.0), 800.0);
    assert!(p.get().abs_diff(100_000) <= 1);
    let ticks = z.ticks(8);
    assert!(ticks.len() >= 5 && ticks.len() <= 12, "{ticks:?}");
    assert!(ticks.windows(2).all(|w| w[1] - w[0] == ticks[1] - ticks[0]));
}
