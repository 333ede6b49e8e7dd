//! Building a design from many edits is O(E log E): an edits file of 200,000 edits (spread over
//! the default genome, shuffled) applies in about the time of four of 50,000, not sixteen.
//! The release-build figure (issue 9: 200,000 edits in one `apply` ≤ 2 s) is measured by
//! `cargo bench --bench edits` (`apply_200k_edits_json`) and by the CLI on the file this test
//! leaves in `target/test-output/edits_200k.json`.

use crate::common;

use std::time::{Duration, Instant};

use genoforge::core::design::Design;
use genoforge::core::lift::Lifted;
use genoforge::io::edits_json;

/// Parses, applies and lifts an edits JSON; returns the design's size and the time taken.
fn apply(json: &str) -> (usize, Duration) {
    let g = &common::default_genome().genome;
    let t = Instant::now();
    let file = edits_json::parse(json.as_bytes()).unwrap();
    let mut design = Design::new();
    edits_json::apply(&file, g, &mut design).unwrap();
    let lifted = Lifted::new(g, &design);
    assert!(!lifted.effects().is_empty());
    (design.edits().len(), t.elapsed())
}

#[test]
fn two_hundred_thousand_edits_build_in_near_linear_time() {
    let g = &common::default_genome().genome;
    let small = common::many_edits_json(g, 50_000, 9);
    let large = common::many_edits_json(g, 200_000, 9);
    let dir = common::root().join("target/test-output");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("edits_200k.json"), &large).unwrap();
    // Best of two runs each, so a busy machine does not decide the ratio.
    let best = |json: &str| (0..2).map(|_| apply(json)).min_by_key(|r| r.1).unwrap();
    let (n_small, t_small) = best(&small);
    let (n_large, t_large) = best(&large);
    assert_eq!((n_small, n_large), (50_000, 200_000));
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64();
    eprintln!("50,000 edits: {t_small:?}; 200,000 edits: {t_large:?} (×{ratio:.1})");
    // Linear is ×4, E log E a little more; quadratic would be ×16.
    assert!(ratio < 8.0, "×{ratio:.1}: {t_small:?} → {t_large:?}");
}
