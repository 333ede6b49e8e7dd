//! An edits file of 200,000 edits (spread over the default genome, shuffled) applies whole, as
//! does one of 50,000; the times of both are printed. How fast — and that it scales as E log E, not
//! E² — is a benchmark's question, not a timed test's: `cargo bench --bench edits`
//! (`apply_200k_edits_json`; issue 9: 200,000 edits in one `apply` ≤ 2 s) and the CLI on the file
//! this test leaves in `target/test-output/edits_200k.json`.

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
fn two_hundred_thousand_edits_apply_whole() {
    let g = &common::default_genome().genome;
    let small = common::many_edits_json(g, 50_000, 9);
    let large = common::many_edits_json(g, 200_000, 9);
    let dir = common::root().join("target/test-output");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("edits_200k.json"), &large).unwrap();
    let (n_small, t_small) = apply(&small);
    let (n_large, t_large) = apply(&large);
    assert_eq!((n_small, n_large), (50_000, 200_000));
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64();
    eprintln!(
        "50,000 edits: {t_small:?}; 200,000 edits: {t_large:?} (×{ratio:.1}, information only)"
    );
}
