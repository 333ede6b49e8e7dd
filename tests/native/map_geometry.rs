//! The genome map's geometry (core::map): scales, gene and edit scenes, arrows, axis labels in
//! reference and edited coordinates, the overview. On the real S288C genome.

use crate::common;

use genoforge::core::coord::{Pos, Span};
use genoforge::core::design::Design;
use genoforge::core::edit::{EditOp, EditRequest};
use genoforge::core::genome::Genome;
use genoforge::core::genome::names::Lookup;
use genoforge::core::lift::{FeatureStatus, Lifted};
use genoforge::core::strand::Strand;
use genoforge::view::map::arrow::{MIN_PX, outline, path};
use genoforge::view::map::axis::ticks;
use genoforge::view::map::edited_window::edited_window;
use genoforge::view::map::overview;
use genoforge::view::map::scale::{MAX_DRIFT_PX, Scale, wheel_pixels, wheel_zoom};
use genoforge::view::map::scene::{
    EditKind, EditScene, GeneScene, TILE_PX, TrackStyle, is_affected, tile_of,
};
use genoforge::view::track::layout;
use genoforge::view::viewport::Viewport;

/// A track as wide as the map at 1280×800.
const WIDTH: f64 = 830.0;

fn genome() -> &'static Genome {
    &common::default_genome().genome
}

fn gene(g: &Genome, name: &str) -> genoforge::core::genome::feature::FeatureIdx {
    match g.lookup(name) {
        Lookup::Found(hit) => hit.feature,
        other => panic!("{name}: {other:?}"),
    }
}

fn delete(g: &Genome, contig: &str, start: u64, end: u64) -> EditRequest {
    EditRequest {
        contig: g.contig_by_name(contig).unwrap(),
        span: Span::from_one_based(start, end).unwrap(),
        sequence: Vec::new(),
        op: EditOp::Delete,
        label: None,
        feature: None,
    }
}

fn insert(g: &Genome, contig: &str, after: u64, bases: &[u8]) -> EditRequest {
    EditRequest {
        contig: g.contig_by_name(contig).unwrap(),
        span: Span::empty_at(Pos(after)),
        sequence: bases.to_vec(),
        op: EditOp::Insert,
        label: Some("tag".into()),
        feature: None,
    }
}

#[test]
fn arrows_point_along_the_strand_and_tiny_genes_stay_visible() {
    let fwd = outline(10.0, 110.0, 20.0, 10.0, Strand::Forward, 8.0);
    assert_eq!(fwd.len(), 5);
    assert!(
        fwd.contains(&(110.0, 20.0)),
        "the tip is at the 3′ end: {fwd:?}"
    );
    assert!(fwd.iter().all(|&(x, _)| (10.0..=110.0).contains(&x)));
    let rev = outline(10.0, 110.0, 20.0, 10.0, Strand::Reverse, 8.0);
    assert!(rev.contains(&(10.0, 20.0)), "{rev:?}");
    // A head never outgrows its gene; unstranded genes and tiny ones are boxes.
    let short = outline(0.0, 5.0, 0.0, 10.0, Strand::Forward, 8.0);
    assert!(
        short.iter().all(|&(x, _)| (0.0..=5.0).contains(&x)),
        "{short:?}"
    );
    assert_eq!(outline(0.0, 50.0, 0.0, 10.0, Strand::None, 8.0).len(), 4);
    assert_eq!(outline(0.0, 3.0, 0.0, 10.0, Strand::Reverse, 8.0).len(), 4);
    let tiny = outline(100.0, 100.2, 0.0, 10.0, Strand::Forward, 8.0);
    let w = tiny.iter().map(|p| p.0).fold(f64::MIN, f64::max)
        - tiny.iter().map(|p| p.0).fold(f64::MAX, f64::min);
    assert!((w - MIN_PX).abs() < 1e-9, "{tiny:?}");
    assert_eq!(
        path(&[(0.0, 0.0), (1.25, 2.0), (3.0, 4.0)]),
        "M0.0 0.0L1.2 2.0L3.0 4.0Z"
    );
}

#[test]
fn a_scale_survives_panning_and_is_renewed_by_zooming() {
    let g = genome();
    let v = Viewport::parse(g, "IV:100,001-120,000").unwrap();
    assert!(
        Scale::for_view(None, &v, 0.0).is_none(),
        "no width, no scale"
    );
    let s = Scale::for_view(None, &v, 800.0).unwrap();
    assert_eq!((s.origin, s.bp_per_px, s.generation), (100_000, 25.0, 0));
    assert_eq!(s.offset(&v), 0.0);
    let panned = v.pan(g, 5_000);
    assert_eq!(Scale::for_view(Some(&s), &panned, 800.0), Some(s));
    assert_eq!(s.offset(&panned), 200.0);
    let zoomed = Scale::for_view(Some(&s), &v.zoom(g, 2.0, 0.5), 800.0).unwrap();
    assert_eq!((zoomed.bp_per_px, zoomed.generation), (12.5, 1));
    assert_eq!(
        Scale::for_view(Some(&s), &v, 640.0).unwrap().generation,
        1,
        "a resize redraws"
    );
    // Far from the origin, the drawing is redrawn around a new one.
    let far = v.pan(g, (MAX_DRIFT_PX * 25.0) as i64 + 100);
    let renewed = Scale::for_view(Some(&s), &far, 800.0).unwrap();
    assert_eq!(renewed.origin, far.span.start().get());
    assert_eq!(s.pos(123.5), 103_087.5);
    assert_eq!(s.x(103_100), 124.0);
}

#[test]
fn wheel_deltas_become_bounded_zoom_factors() {
    assert!(
        (wheel_zoom(-100.0) - 2f64.powf(0.25)).abs() < 1e-12,
        "wheel up zooms in"
    );
    assert!(wheel_zoom(100.0) < 1.0);
    assert_eq!(wheel_zoom(1e6), 0.25);
    assert_eq!(wheel_zoom(f64::NAN), 1.0);
    assert_eq!(wheel_pixels(3.0, 1, 800.0), 48.0);
    assert_eq!(wheel_pixels(1.0, 2, 800.0), 800.0);
    assert_eq!(wheel_pixels(-7.5, 0, 800.0), -7.5);
}

#[test]
fn a_whole_chromosome_is_a_bounded_number_of_shapes_with_every_gene_drawn_once() {
    let g = genome();
    let iv = g.contig_by_name("IV").unwrap();
    let view = Viewport::whole(g, iv);
    let scale = Scale::for_view(None, &view, WIDTH).unwrap();
    let style = TrackStyle::default();
    let scene = GeneScene::build(g, None, &scale, &style);
    let genes = layout(g, &view, 0).len();
    assert!(genes > 700, "IV has ~800 top-level genes, got {genes}");
    let drawn: usize = scene.items.iter().map(|i| i.count as usize).sum();
    assert_eq!(drawn, genes, "every gene is drawn exactly once");
    let mut all: Vec<_> = scene
        .items
        .iter()
        .flat_map(|i| std::iter::once(i.gene).chain(i.members.iter().copied()))
        .collect();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), genes);
    eprintln!(
        "IV at {WIDTH} px: {genes} genes, {} shapes in {} rows",
        scene.items.len(),
        scene.rows
    );
    assert!(
        scene.items.len() < genes * 3 / 4,
        "tiny genes merge: {} shapes for {genes} genes",
        scene.items.len()
    );
    assert!(scene.rows >= 1 && scene.rows <= style.max_rows);
    assert!(scene.items.windows(2).all(|w| w[0].x0 <= w[1].x0));
    assert!(
        scene.items.iter().all(|i| !i.labelled),
        "no label fits a whole chromosome"
    );
    assert!(
        scene
            .items
            .iter()
            .all(|i| i.x0 >= -0.01 && i.x1 <= WIDTH + 0.01)
    );
    // Merged items are of one class and say how many genes they hold.
    for m in scene.items.iter().filter(|i| i.is_merged()) {
        assert_eq!(m.name, format!("{} genes", m.count));
        assert!(m.description.contains("zoom in"), "{}", m.description);
    }
    // The whole window is in range; a narrow range is a few items, found like a linear scan.
    assert_eq!(scene.in_range(0.0, WIDTH).len(), scene.items.len());
    let (lo, hi) = (400.0, 420.0);
    let brute: Vec<usize> = (0..scene.items.len())
        .filter(|&k| scene.items[k].x0 < hi && scene.items[k].x1 >= lo)
        .collect();
    assert_eq!(scene.in_range(lo, hi), brute);
    assert!(!brute.is_empty());
}

#[test]
fn a_gene_window_labels_genes_that_fit_and_keeps_rows_apart() {
    let g = genome();
    let view = Viewport::parse(g, "I:140,001-160,000").unwrap();
    let scale = Scale::for_view(None, &view, WIDTH).unwrap();
    let style = TrackStyle::default();
    let scene = GeneScene::build(g, None, &scale, &style);
    let tfc3 = gene(g, "TFC3");
    let item = scene.find(tfc3).expect("TFC3 is drawn");
    assert!(!item.is_merged() && item.labelled, "{item:?}");
    assert_eq!(item.name, "TFC3");
    assert_eq!(item.strand, Strand::Reverse);
    assert!(
        item.description
            .starts_with("TFC3 (YAL001C), verified ORF, reverse strand, I:147,594–151,166"),
        "{}",
        item.description
    );
    let x0 = (147_593.0 - 140_000.0) / scale.bp_per_px;
    assert!((item.x0 - x0).abs() < 1e-6);
    // Within a row, genes (with their label room) never overlap.
    let gap_px = (style.label_gap_px * scale.bp_per_px)
        .round()
        .min(style.max_gap_bp as f64)
        / scale.bp_per_px;
    for row in 0..scene.rows {
        let xs: Vec<_> = scene.items.iter().filter(|i| i.row == row).collect();
        for w in xs.windows(2) {
            assert!(
                w[0].x1 + gap_px <= w[1].x0 + 1e-6,
                "{:?} / {:?}",
                w[0].name,
                w[1].name
            );
        }
    }
    // A label that fits is no wider than its gene plus the room kept after it.
    for i in scene.items.iter().filter(|i| i.labelled) {
        assert!(i.name.chars().count() as f64 * style.char_px <= i.x1 - i.x0 + gap_px);
    }
    let in_view = scene.in_range(0.0, WIDTH);
    assert!(in_view.iter().any(|&k| scene.items[k].gene == tfc3));
    assert!(
        in_view.len() < scene.items.len(),
        "genes outside the window are not in range"
    );
}

#[test]
fn edits_are_bands_and_markers_and_affected_genes_are_never_merged() {
    let g = genome();
    let i = g.contig_by_name("I").unwrap();
    let mut d = Design::new();
    let tfc3 = gene(g, "TFC3");
    let ext = g.extent(tfc3);
    // Delete all of TFC3; trim the start of the next gene; insert a tag; replace a few bases.
    let (s, e) = ext.one_based();
    d.add(g, delete(g, "I", s, e)).unwrap();
    let vps1 = gene(g, "VPS8");
    let v = g.extent(vps1);
    d.add(
        g,
        delete(g, "I", v.start().get() - 50, v.start().get() + 100),
    )
    .unwrap();
    d.add(g, insert(g, "I", 160_000, b"ACGTACGTAC")).unwrap();
    d.add(
        g,
        EditRequest {
            contig: i,
            span: Span::from_one_based(170_001, 170_400).unwrap(),
            sequence: b"GGGG".to_vec(),
            op: EditOp::Replace,
            label: None,
            feature: None,
        },
    )
    .unwrap();
    let lifted = Lifted::new(g, &d);
    let view = Viewport::parse(g, "I:140,001-180,000").unwrap();
    let scale = Scale::for_view(None, &view, WIDTH).unwrap();
    let style = TrackStyle::default();
    let genes = GeneScene::build(g, Some(&lifted), &scale, &style);
    let t = genes.find(tfc3).unwrap();
    assert_eq!(t.status, FeatureStatus::Dropped);
    assert!(
        t.description.ends_with("deleted by the design"),
        "{}",
        t.description
    );
    assert_eq!(genes.find(vps1).unwrap().status, FeatureStatus::Trimmed);

    let edits = EditScene::build(g, &d, &scale, &style);
    let kinds: Vec<EditKind> = edits.items.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            EditKind::Deletion,
            EditKind::Deletion,
            EditKind::Insertion,
            EditKind::Replacement
        ],
        "sorted by x"
    );
    let ins = &edits.items[2];
    assert_eq!(ins.x0, ins.x1);
    assert_eq!(ins.x0, scale.x(160_000));
    assert_eq!(ins.inserted, 10);
    let words = |it: &genoforge::view::map::scene::EditItem| it.describe(g, &d);
    assert!(
        words(ins).contains("insert after I:160,000 (tag): 10 bp inserted"),
        "{}",
        words(ins)
    );
    // VPS8 (YAL002W) comes first: its start was trimmed, then TFC3 went.
    assert!(
        words(&edits.items[0]).contains("151 bp removed"),
        "{}",
        words(&edits.items[0])
    );
    assert!(
        words(&edits.items[1]).contains("3,573 bp removed"),
        "{}",
        words(&edits.items[1])
    );

    // Zoomed out to the whole chromosome, an affected gene never merges with unaffected ones:
    // every merged shape is all affected (and highlighted) or all unaffected.
    let whole = Viewport::whole(g, i);
    let s2 = Scale::for_view(None, &whole, 200.0).unwrap();
    let genes = GeneScene::build(g, Some(&lifted), &s2, &style);
    for it in genes.items.iter().filter(|it| it.is_merged()) {
        let affected = is_affected(it.status);
        for m in std::iter::once(it.gene).chain(it.members.iter().copied()) {
            assert_eq!(
                is_affected(lifted.feature(m).status),
                affected,
                "{}",
                it.description
            );
        }
    }
    assert!(genes.find(tfc3).is_some_and(|t| is_affected(t.status)));
}

#[test]
fn a_thousand_edits_on_a_chromosome_merge_into_what_the_track_can_show() {
    let g = genome();
    let iv = g.contig_by_name("IV").unwrap();
    let len = g.contig(iv).length;
    let mut d = Design::new();
    let reqs: Vec<EditRequest> = (0..1_000u64)
        .map(|k| {
            let at = 1_000 + k * (len - 2_000) / 1_000;
            if k % 3 == 0 {
                insert(g, "IV", at, b"ACGT")
            } else {
                delete(g, "IV", at + 1, at + 30)
            }
        })
        .collect();
    d.add_all(g, reqs).unwrap();
    let view = Viewport::whole(g, iv);
    let scale = Scale::for_view(None, &view, WIDTH).unwrap();
    let edits = EditScene::build(g, &d, &scale, &TrackStyle::default());
    let total: u32 = edits.items.iter().map(|e| e.count).sum();
    assert_eq!(total, 1_000);
    eprintln!(
        "1,000 edits on IV at {WIDTH} px: {} shapes",
        edits.items.len()
    );
    assert!(
        edits.items.len() <= 2 * WIDTH as usize,
        "{}",
        edits.items.len()
    );
    assert!(edits.items.len() < 700, "{} shapes", edits.items.len());
    let merged = edits.items.iter().find(|e| e.count > 1).unwrap();
    assert!(
        merged.description.contains("edits in IV:"),
        "{}",
        merged.description
    );
    // Zoomed in, they are single again.
    let v = Viewport::parse(g, "IV:700,001-720,000").unwrap();
    let s = Scale::for_view(None, &v, WIDTH).unwrap();
    let near = EditScene::build(g, &d, &s, &TrackStyle::default());
    let shown = near.in_range(0.0, WIDTH);
    assert!(!shown.is_empty() && shown.iter().all(|&k| near.items[k].count == 1));
}

#[test]
fn axis_ticks_are_even_in_the_windows_own_coordinates() {
    let g = genome();
    let view = Viewport::parse(g, "I:100,001-120,000").unwrap();
    let reference = ticks(&view, WIDTH);
    assert!(reference.len() >= 4, "{reference:?}");
    assert_eq!(reference[0].label, "100,000");
    assert_eq!(reference[0].x(), 0.0);
    // No edits: the edited window is the reference window, and so are its ticks.
    let empty = Design::new();
    assert_eq!(edited_window(g, &empty, &view), view);
    // 1,000 bases deleted upstream and 20 inside: the edited window starts 1,000 earlier and is
    // 20 narrower; its ticks are round edited positions, evenly spaced, never "deleted".
    let mut d = Design::new();
    d.add(g, delete(g, "I", 50_001, 51_000)).unwrap();
    let t = reference[2].pos;
    d.add(g, delete(g, "I", t - 9, t + 10)).unwrap();
    let e = edited_window(g, &d, &view);
    assert_eq!(e.span.start().get(), 99_000);
    assert_eq!(
        e.width(),
        view.width(),
        "as wide as the reference window: pans keep the scale"
    );
    // Panned by 5 kb over the 20-bp deletion, the window keeps its width (so its scale).
    let panned = edited_window(g, &d, &view.pan(g, 5_000));
    assert_eq!(panned.width(), e.width());
    assert_eq!(panned.span.start().get(), 104_000);
    // The whole contig is the whole edited contig.
    let whole = edited_window(g, &d, &Viewport::whole(g, view.contig));
    let edited_len =
        genoforge::core::lift::edited::EditedGenome::new(g, &d).contig_len(view.contig);
    assert_eq!(
        (whole.span.start().get(), whole.span.end().get()),
        (0, edited_len)
    );
    let edited = ticks(&e, WIDTH);
    let steps: Vec<u64> = edited.windows(2).map(|w| w[1].pos - w[0].pos).collect();
    let gaps: Vec<i64> = edited
        .windows(2)
        .map(|w| w[1].x_tenths - w[0].x_tenths)
        .collect();
    assert!(steps.iter().all(|&s| s == steps[0]), "{edited:?}");
    assert!(gaps.iter().all(|&x| (x - gaps[0]).abs() <= 1), "{edited:?}");
    // The first tick is the first round position in the edited window (not a lifted reference one).
    assert_eq!(edited[0].pos, 99_000_u64.div_ceil(steps[0]) * steps[0]);
    assert_eq!(
        edited[0].label,
        genoforge::core::coord::thousands(edited[0].pos)
    );
}

#[test]
fn the_overview_draws_contigs_to_scale_with_edit_marks_and_jumps() {
    let g = genome();
    let mut d = Design::new();
    d.add(g, delete(g, "IV", 100_001, 100_100)).unwrap();
    d.add(g, delete(g, "IV", 100_201, 100_300)).unwrap();
    d.add(g, insert(g, "IV", 1_000_000, b"AC")).unwrap();
    let all = overview::contigs(g, &d, 100.0);
    assert_eq!(all.len(), 17);
    let iv = all.iter().find(|c| c.name == "IV").unwrap();
    assert_eq!(iv.scale, 1.0, "IV is the longest");
    assert_eq!(iv.edits, 3);
    assert_eq!(
        iv.marks.len(),
        2,
        "neighbouring edits share a mark: {:?}",
        iv.marks
    );
    assert!(
        iv.marks
            .iter()
            .all(|(a, b)| a < b && (b - a) >= 0.01 - 1e-12)
    );
    let mito = all.iter().find(|c| c.name == "Mito").unwrap();
    assert!(mito.scale < 0.06 && mito.marks.is_empty());

    let ivc = iv.contig;
    let v = Viewport::parse(g, "I:1-20,000").unwrap();
    let j = overview::jump(g, ivc, 0.5, Some(&v));
    assert_eq!(j.contig, ivc);
    assert_eq!(j.width(), 20_000);
    assert!(j.span.start().get().abs_diff(1_531_933 / 2 - 10_000) <= 1);
    let end = overview::jump(g, ivc, 1.0, None);
    assert_eq!(end.span.end().get(), 1_531_933);
    assert_eq!(end.width(), overview::DEFAULT_WIDTH);
    let (from, to) = overview::window(g, &j);
    assert!((from - 0.4935).abs() < 0.001 && to > from);
}

#[test]
fn lengths_read_like_people_write_them_and_markers_point_at_the_gap() {
    use genoforge::view::map::arrow::insertion_marker;
    use genoforge::view::map::axis::length_words;
    assert_eq!(length_words(850), "850 bp");
    assert_eq!(length_words(20_000), "20.0 kb");
    assert_eq!(length_words(1_531_933), "1.53 Mb");
    let m = insertion_marker(50.0, 40.0, 8.0);
    assert_eq!(m, [(46.0, 32.0), (54.0, 32.0), (50.0, 40.0)]);
}

#[test]
fn tiles_hold_each_shape_once_and_cover_every_shape_in_range() {
    let g = genome();
    let iv = g.contig_by_name("IV").unwrap();
    let scale = Scale::for_view(None, &Viewport::whole(g, iv), WIDTH * 8.0).unwrap();
    let scene = GeneScene::build(g, None, &scale, &TrackStyle::default());
    let n = scene.items.len();
    // Every item sits in exactly one tile: the tile of its start.
    let last = tile_of(scene.items[n - 1].x0);
    let mut seen = vec![0u32; n];
    for t in tile_of(scene.items[0].x0)..=last {
        for k in scene.tile(t) {
            assert_eq!(tile_of(scene.items[k].x0), t);
            seen[k] += 1;
        }
    }
    assert!(seen.iter().all(|&c| c == 1), "each shape in one tile");
    // The tiles of a range hold every shape overlapping it, and only a few tiles more.
    let (lo, hi) = (WIDTH * 3.0, WIDTH * 4.5);
    let tiles = scene.tiles_in_range(lo, hi);
    assert!(tiles.windows(2).all(|w| w[0] < w[1]), "ascending, distinct");
    let drawn: Vec<usize> = tiles.iter().flat_map(|&t| scene.tile(t)).collect();
    for k in scene.in_range(lo, hi) {
        assert!(
            drawn.contains(&k),
            "shape {k} overlapping the range is drawn"
        );
    }
    assert!(tiles.len() as f64 <= (hi - lo) / TILE_PX + 3.0, "{tiles:?}");
    assert!(drawn.len() < n / 4, "{} of {n} shapes drawn", drawn.len());
}

#[test]
fn a_kept_drawing_shows_a_zoomed_view_by_stretching() {
    let g = genome();
    let iv = g.contig_by_name("IV").unwrap();
    let v = Viewport::clamped(g, iv, 400_000, 480_000);
    let s = Scale::for_view(None, &v, WIDTH).unwrap();
    assert_eq!(s.stretch(&v, WIDTH), (1.0, 0.0));
    // Zoomed in 2× about the centre: the kept drawing is stretched 2× and moved by a quarter.
    let z = v.zoom(g, 2.0, 0.5);
    let kept = Scale::kept_for(Some(&s), &z, WIDTH).unwrap();
    assert_eq!(kept, s, "the drawing is kept");
    let (k, off) = kept.stretch(&z, WIDTH);
    assert!((k - 2.0).abs() < 1e-3, "{k}");
    // Every base lands where a fresh drawing of the zoomed view puts it.
    let fresh = Scale::for_view(Some(&s), &z, WIDTH).unwrap();
    assert_ne!(
        fresh.generation, s.generation,
        "a redraw would make a new scale"
    );
    for pos in [420_000u64, 440_000, 459_999] {
        let stretched = k * (kept.x(pos) - off);
        let drawn = fresh.x(pos) - fresh.offset(&z);
        assert!(
            (stretched - drawn).abs() < 0.01,
            "{pos}: {stretched} vs {drawn}"
        );
    }
    // Another contig is drawn afresh.
    let xii = Viewport::whole(g, g.contig_by_name("XII").unwrap());
    assert_ne!(
        Scale::kept_for(Some(&s), &xii, WIDTH).unwrap().contig,
        s.contig
    );
}

#[test]
fn a_point_on_the_track_hits_the_gene_drawn_there() {
    let g = genome();
    let iv = g.contig_by_name("IV").unwrap();
    let v = Viewport::whole(g, iv);
    let s = Scale::for_view(None, &v, WIDTH).unwrap();
    let scene = GeneScene::build(g, None, &s, &TrackStyle::default());
    // Every item is hit at its centre, in its row; nothing is hit far from any gene in a row.
    for (k, it) in scene.items.iter().enumerate() {
        let got = scene.hit(it.centre(), it.row, 3.0).unwrap();
        let hit = &scene.items[got];
        assert_eq!(hit.row, it.row);
        assert!(
            hit.x0 <= it.centre() + 3.0 && hit.x1 >= it.centre() - 3.0,
            "item {k}: hit {got} at {}–{}",
            hit.x0,
            hit.x1
        );
    }
    assert_eq!(scene.hit(-100.0, 0, 3.0), None);
    assert_eq!(scene.hit(WIDTH + 100.0, 0, 3.0), None);
    assert_eq!(scene.hit(WIDTH / 2.0, 99, 3.0), None, "no such row");
}

/// kanMX4 for EFB1 (a replacement with parts), TFC3 deleted, a forward and a reverse 12-bp
/// insert with one part each, on chromosome I.
fn edited_design(g: &Genome) -> Design {
    use genoforge::core::edit::{InsertedFeature, SubFeature};
    use genoforge::core::genetics::compose;
    use genoforge::core::genome::feature::FeatureKind;
    let mut d = Design::new();
    compose::delete_gene(g, &mut d, gene(g, "EFB1"), Some(&common::kanmx4())).unwrap();
    compose::delete_gene(g, &mut d, gene(g, "TFC3"), None).unwrap();
    for (at, strand) in [(145_000, Strand::Forward), (155_000, Strand::Reverse)] {
        let mut req = insert(g, "I", at, b"ATGAAACCCGGG");
        req.feature = Some(InsertedFeature {
            supersedes: Vec::new(),
            kind: FeatureKind::Gene,
            id: Some(format!("tag{at}")),
            name: Some(format!("tag{at}")),
            strand,
            attributes: Vec::new(),
            children: vec![SubFeature {
                id: None,
                parent: None,
                kind: FeatureKind::Cds,
                name: Some("head".into()),
                offset: Span::new(Pos(0), Pos(3)).unwrap(),
                strand: Strand::Forward,
                phase: Some(0),
            }],
            fusion: None,
        });
        d.add(g, req).unwrap();
    }
    d
}

#[test]
fn the_edited_genome_draws_inserts_with_their_parts_genes_lifted_and_junctions() {
    use genoforge::view::map::edited::build;
    use genoforge::view::map::edited_window::reference_fraction;
    use genoforge::view::map::insert_shape::InsertKind;
    let g = genome();
    let d = edited_design(g);
    let lifted = Lifted::new(g, &d);
    let view = Viewport::parse(g, "I:138,001-156,000").unwrap();
    let e = edited_window(g, &d, &view);
    let kan = common::kanmx4().len() as u64;
    let tfc3 = g.extent(gene(g, "TFC3"));
    let efb1 = g.extent(gene(g, "EFB1"));
    assert_eq!(e.width(), view.width());
    let s = Scale::for_view(None, &e, WIDTH).unwrap();
    let (genes, inserts) = build(g, &lifted, &d, &s, &TrackStyle::default());
    // Genes: at their lifted positions; TFC3 and EFB1 are gone.
    for it in &genes.items {
        if it.is_merged() {
            continue;
        }
        let l = lifted.feature(it.gene);
        assert!(!l.status.is_gone(), "{} is drawn though gone", it.name);
        assert_eq!(it.span, l.span.unwrap(), "{}", it.name);
        assert_eq!(it.x0, s.x(l.span.unwrap().start().get()));
    }
    assert!(genes.find(gene(g, "TFC3")).is_none() && genes.find(gene(g, "EFB1")).is_none());
    // kanMX4: the whole cassette and its parts inside it, in the genes' rows but never overlapping
    // a gene or each other in a row.
    let whole = inserts
        .items
        .iter()
        .find(|i| i.name == "kanMX4" && i.kind == InsertKind::Whole)
        .expect("kanMX4 drawn");
    assert_eq!(whole.span.len(), kan);
    assert_eq!(
        whole.span.start().get(),
        lifted.feature(gene(g, "EFB1")).span.map_or_else(
            || {
                let layout = d.layout(g.contig_by_name("I").unwrap()).unwrap();
                layout.lift_gap(efb1.start(), false).get()
            },
            |s| s.start().get()
        )
    );
    let parts: Vec<_> = inserts
        .items
        .iter()
        .filter(|i| i.what.edit == whole.what.edit && i.what.part.is_some())
        .collect();
    let kinds: Vec<InsertKind> = parts.iter().map(|p| p.kind).collect();
    // kanMX4 replaces EFB1: its CDS is the marker's.
    assert!(
        kinds.contains(&InsertKind::Promoter)
            && kinds.contains(&InsertKind::Marker)
            && kinds.contains(&InsertKind::Terminator)
            && !kinds.contains(&InsertKind::Cds),
        "{kinds:?}"
    );
    for p in &parts {
        assert!(p.span.intersect(&whole.span) == Some(p.span), "{p:?}");
        assert!(p.row > whole.row, "parts below their cassette");
    }
    let shapes: Vec<(u32, f64, f64)> = genes
        .items
        .iter()
        .map(|i| (i.row, i.x0, i.x1))
        .chain(inserts.items.iter().map(|i| (i.row, i.x0, i.x1)))
        .collect();
    for (k, a) in shapes.iter().enumerate() {
        for b in &shapes[k + 1..] {
            assert!(
                a.0 != b.0 || a.2 <= b.1 || b.2 <= a.1,
                "overlap in row {}: {a:?} {b:?}",
                a.0
            );
        }
    }
    // The reverse insert's part counts from its end; the forward one's from its start.
    let part_of = |name: &str| {
        let w = inserts.items.iter().find(|i| i.name == name).unwrap();
        let p = inserts
            .items
            .iter()
            .find(|i| i.what.edit == w.what.edit && i.what.part == Some(0))
            .unwrap();
        (w.span, p.span, p.strand)
    };
    let (w, p, st) = part_of("tag145000");
    assert_eq!((p.start(), p.len(), st), (w.start(), 3, Strand::Forward));
    let (w, p, st) = part_of("tag155000");
    assert_eq!((p.end(), p.len(), st), (w.end(), 3, Strand::Reverse));
    // One junction, where TFC3 was; the replacement is drawn as its cassette, not a junction.
    assert_eq!(inserts.junctions.len(), 1);
    let j = &inserts.junctions[0];
    assert_eq!(j.removed, tfc3.len());
    assert_eq!(j.x, s.x(j.at));
    assert!(j.description.contains("tfc3"), "{}", j.description);
    // Hitting the cassette's middle finds it; a zoom anchored there stays near EFB1's old place.
    let k = inserts.hit(whole.centre(), whole.row, 3.0).unwrap();
    assert_eq!(inserts.items[k].what, whole.what);
    let f = reference_fraction(
        g,
        &d,
        &view,
        whole.centre() / WIDTH - s.x(e.span.start().get()) / WIDTH,
    );
    let p = view.span.start().get() as f64 + f * view.width() as f64;
    assert!(
        (p - efb1.start().get() as f64).abs() < 2.0,
        "{p} vs {}",
        efb1.start().get()
    );
}

#[test]
fn a_feature_past_its_contigs_end_is_not_drawn() {
    use genoforge::io::load::{InputFile, LoadRequest, load};
    let gff = "##gff-version 3\n##sequence-region chrA 1 5000\n\
chrA\tt\tgene\t101\t900\t.\t+\t.\tID=a;Name=A\n\
chrA\tt\tgene\t1001\t9000\t.\t+\t.\tID=long;Name=LONG\n";
    let fasta = format!(">chrA\n{}\n", "ACGT".repeat(1250));
    let loaded = load(LoadRequest {
        gff: Some(InputFile::new("x.gff3", gff.as_bytes().to_vec())),
        fasta: Some(InputFile::new("x.fa", fasta.into_bytes())),
        feature_table: None,
    })
    .unwrap();
    let g = &loaded.genome;
    let c = g.contig_by_name("chrA").unwrap();
    let s = Scale::for_view(None, &Viewport::whole(g, c), WIDTH).unwrap();
    let scene = GeneScene::build(g, None, &s, &TrackStyle::default());
    let names: Vec<&str> = scene.items.iter().map(|i| i.name.as_str()).collect();
    assert!(!names.contains(&"LONG"), "{names:?}");
    assert!(scene.items.iter().all(|i| i.x1 <= WIDTH + 0.01));
}

#[test]
fn a_window_opened_in_edited_coordinates_grows_by_what_is_inserted_into_it() {
    use genoforge::view::map::edited_window::reference_view_showing;
    let g = genome();
    let view = Viewport::parse(g, "I:100,001-102,000").unwrap();
    // Nothing inserted: the same window.
    assert_eq!(reference_view_showing(g, &Design::new(), &view), view);
    let mut deleted = Design::new();
    deleted.add(g, delete(g, "I", 100_501, 100_700)).unwrap();
    assert_eq!(reference_view_showing(g, &deleted, &view), view);
    // 3,000 bases inserted inside it (a cassette in a gene): the edited window, which keeps the
    // reference window's width, now holds the whole edited stretch, insert included.
    let mut d = Design::new();
    d.add(g, insert(g, "I", 101_000, &b"ACGT".repeat(750)))
        .unwrap();
    let wider = reference_view_showing(g, &d, &view);
    assert_eq!(wider.span.start(), view.span.start());
    assert_eq!(wider.width(), view.width() + 3_000);
    let shown = edited_window(g, &d, &wider);
    let layout = d.layout(view.contig).unwrap();
    let (from, to) = (
        layout.lift_gap(view.span.start(), false),
        layout.lift_gap(view.span.end(), true),
    );
    assert!(
        shown.span.start() <= from && to <= shown.span.end(),
        "{shown:?} must hold {from:?}..{to:?}"
    );
    // Kept within the contig.
    let last = Viewport::parse(g, "I:228,001-230,218").unwrap();
    let mut at_end = Design::new();
    at_end
        .add(g, insert(g, "I", 229_000, &b"ACGT".repeat(2_000)))
        .unwrap();
    assert_eq!(
        reference_view_showing(g, &at_end, &last).span.end().get(),
        g.contig(last.contig).length
    );
}

#[test]
fn a_tags_parts_are_coloured_by_kind_the_tag_apart_from_its_marker() {
    use genoforge::core::edit::Terminus;
    use genoforge::core::genetics::cassette::Library;
    use genoforge::core::genetics::compose::apply;
    use genoforge::core::genetics::tag::plan_tag;
    use genoforge::view::map::edited::build;
    use genoforge::view::map::edited_window::reference_view_showing;
    use genoforge::view::map::insert_shape::InsertKind;
    let g = genome();
    let lib: Library = serde_json::from_slice(
        &std::fs::read(common::root().join("public/cassettes.json")).unwrap(),
    )
    .unwrap();
    let mut d = Design::new();
    let (plan, _) = plan_tag(
        g,
        gene(g, "PHO5"),
        lib.get("GFP(S65T)-kanMX6").unwrap(),
        Terminus::C,
    )
    .unwrap();
    apply(g, &mut d, plan).unwrap();
    let lifted = Lifted::new(g, &d);
    let view = reference_view_showing(g, &d, &Viewport::parse(g, "PHO5").unwrap());
    let s = Scale::for_view(None, &edited_window(g, &d, &view), WIDTH).unwrap();
    let (_, inserts) = build(g, &lifted, &d, &s, &TrackStyle::default());
    let kind_of = |name: &str| {
        inserts
            .items
            .iter()
            .find(|i| i.name == name && i.count == 1)
            .unwrap_or_else(|| panic!("{name} drawn: {:?}", inserts.items))
            .kind
    };
    // GFP (the tag's CDS_region of the fused CDS) is the insert's own coding part; kan, the
    // marker after it, is the marker's.
    assert_eq!(kind_of("GFP(S65T)"), InsertKind::Cds);
    assert_eq!(kind_of("kan"), InsertKind::Marker);
    assert_eq!(kind_of("ADH1 terminator"), InsertKind::Terminator);
    assert_eq!(kind_of("TEF promoter (A. gossypii)"), InsertKind::Promoter);
    // Each part kind has a colour of its own.
    let css: std::collections::HashSet<&str> = InsertKind::PARTS.iter().map(|k| k.css()).collect();
    assert_eq!(css.len(), InsertKind::PARTS.len());
    // The tagging module as a whole is an inserted sequence.
    assert!(
        inserts
            .items
            .iter()
            .any(|i| i.what.part.is_none() && i.kind == InsertKind::Whole)
    );
}

#[test]
fn a_point_mutation_is_drawn_as_bases_changed_in_place_not_as_an_insert() {
    use genoforge::core::genetics::compose::apply;
    use genoforge::core::genetics::point::{parse_change, plan_point_mutation};
    use genoforge::view::map::edited::build;
    use genoforge::view::map::insert_shape::InsertKind;
    let g = genome();
    let mut d = Design::new();
    let (plan, _) =
        plan_point_mutation(g, gene(g, "GAL4"), &parse_change("K23A").unwrap()).unwrap();
    let ids = apply(g, &mut d, plan).unwrap();
    let lifted = Lifted::new(g, &d);
    let view = Viewport::parse(g, "GAL4").unwrap();
    let s = Scale::for_view(None, &edited_window(g, &d, &view), WIDTH).unwrap();
    let (_, inserts) = build(g, &lifted, &d, &s, &TrackStyle::default());
    let drawn: Vec<_> = inserts
        .items
        .iter()
        .filter(|i| i.what.edit == ids[0])
        .collect();
    assert_eq!(drawn.len(), 1, "{drawn:?}");
    assert_eq!(drawn[0].kind, InsertKind::Substitution);
    assert_eq!(drawn[0].kind.css(), "substitution");
    assert_ne!(drawn[0].kind.css(), InsertKind::Whole.css());
}

#[test]
fn the_locus_box_reads_the_axis_coordinates_and_says_a_window_past_the_end() {
    use genoforge::view::map::edited_window::go_to;
    let g = &common::default_genome().genome;
    // TFC3 deleted (3,573 bp) on I: edited I:160,001–170,000 is reference 163,574–173,573.
    let mut d = Design::new();
    genoforge::core::genetics::compose::delete_gene(g, &mut d, common::gene(g, "TFC3"), None)
        .unwrap();
    let (v, said) = go_to(g, &d, "I:160,001-170,000", true).unwrap();
    assert_eq!(said, None);
    assert_eq!(v.span, common::span0(163_573, 173_573));
    assert_eq!(
        edited_window(g, &d, &v).span,
        common::span0(160_000, 170_000)
    );
    // In reference coordinates the same text is the reference window.
    let (r, _) = go_to(g, &d, "I:160,001-170,000", false).unwrap();
    assert_eq!(r.span, common::span0(160_000, 170_000));
    // Past the end: moved inside, and said in the axis' terms.
    let (_, said) = go_to(g, &d, "I:300,000-400,000", true).unwrap();
    assert_eq!(
        said.as_deref(),
        Some(
            "I has 226,645 edited bases: “I:300,000-400,000” ends past it, so the window shows its end."
        )
    );
    let (_, said) = go_to(g, &d, "I:300,000-400,000", false).unwrap();
    assert!(said.unwrap().starts_with("I has 230,218 bases"));
    // A gene name is a name on either axis.
    assert!(go_to(g, &d, "PHO5", true).unwrap().1.is_none());
    // In edited coordinates a gene's window takes in what the design inserted into it: PHO5's
    // C-terminal tag (2.4 kb at its stop, its left end on −) does not push its body out of view.
    let lib = common::library();
    let pho5 = common::gene(g, "PHO5");
    let (plan, _) = genoforge::core::genetics::tag::plan_tag(
        g,
        pho5,
        lib.get("GFP(S65T)-kanMX6").unwrap(),
        genoforge::core::edit::Terminus::C,
    )
    .unwrap();
    genoforge::core::genetics::compose::apply(g, &mut d, plan).unwrap();
    let (v, _) = go_to(g, &d, "PHO5", true).unwrap();
    let shown = edited_window(g, &d, &v).span;
    let reference = g.feature(pho5).span;
    let inserted: u64 = d
        .edits()
        .iter()
        .filter(|e| e.contig == g.feature(pho5).contig)
        .map(|e| e.sequence.len() as u64)
        .sum::<u64>()
        - 3;
    assert!(
        shown.len() >= reference.len() + inserted,
        "{shown:?} does not hold PHO5 ({reference:?}) and its {inserted} inserted bases"
    );
}

#[test]
fn the_coordinate_tables_window_is_said_in_the_map_axiss_coordinates() {
    use genoforge::view::coord_rows::view_scope;
    let g = genome();
    let mut d = Design::new();
    // tfc3Δ::kanMX4 before the window: edited coordinates there are shifted.
    genoforge::core::genetics::compose::delete_gene(
        g,
        &mut d,
        gene(g, "TFC3"),
        Some(&common::kanmx4()),
    )
    .unwrap();
    let view = Viewport::parse(g, "I:160,001-170,000").unwrap();
    let edited = edited_window(g, &d, &view);
    assert_ne!(
        edited.span, view.span,
        "the window is shifted on the Edited axis"
    );
    assert_eq!(
        view_scope(g, &d, &view, false),
        "in view, reference I:160,001–170,000"
    );
    assert_eq!(
        view_scope(g, &d, &view, true),
        format!(
            "in view, edited {} (reference I:160,001–170,000)",
            edited.label(g)
        )
    );
}

/// On the Edited axis the Coordinates tab lists what the edited window shows: PHO5-GFP(S65T)'s
/// 714 inserted bases inside a window push as many reference bases out of it, so a gene just past
/// the window's edited end is not listed, and the caption's reference range ends earlier.
#[test]
fn the_coordinate_table_on_the_edited_axis_lists_what_the_edited_window_shows() {
    use genoforge::core::edit::Terminus;
    use genoforge::view::coord_rows::{in_view, view_scope};
    use genoforge::view::map::edited_window::reference_covered;
    let g = genome();
    let lib = common::library();
    let (plan, _) = genoforge::core::genetics::tag::plan_tag(
        g,
        gene(g, "PHO5"),
        lib.get("GFP(S65T)").unwrap(),
        Terminus::C,
    )
    .unwrap();
    let mut d = Design::new();
    genoforge::core::genetics::compose::apply(g, &mut d, plan).unwrap();
    // VPS15 (YBR097W) begins at II:436,951, in the window's last 714 reference bases.
    let view = Viewport::parse(g, "II:428,988-437,500").unwrap();
    let inserted = d.edits()[0].sequence.len() as u64 - d.edits()[0].span.len();
    let covered = reference_covered(g, &d, &view);
    assert_eq!(covered.span.start(), view.span.start());
    assert_eq!(covered.width(), view.width() - inserted);
    let scope = view_scope(g, &d, &view, true);
    assert!(
        scope.ends_with(&format!("(reference {})", covered.label(g))),
        "{scope}"
    );
    assert!(
        !scope.ends_with(&format!("(reference {})", view.label(g))),
        "{scope}"
    );
    // A gene that ends inside the reference window but past what the edited window shows.
    let lifted = genoforge::core::lift::Lifted::new(g, &d);
    let names = |v: &Viewport| -> Vec<String> {
        in_view(g, &d, &lifted, v, false, 1000)
            .rows
            .into_iter()
            .map(|r| r.systematic)
            .collect()
    };
    let all = names(&view);
    let shown = names(&covered);
    assert!(all.iter().any(|n| n == "YBR097W"), "{all:?}");
    assert!(!shown.iter().any(|n| n == "YBR097W"), "{shown:?}");
    assert!(shown.iter().any(|n| n == "YBR093C"), "{shown:?}");
}
