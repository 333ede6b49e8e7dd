//! Browser (wasm32) tests, run in headless Chromium by wasm-bindgen-test (see `.ci/test`).
//!
//! Every `tests/wasm_*.rs` file is a browser test target: `.ci/test` runs
//! `cargo test --target wasm32-unknown-unknown --test wasm_<name> ...` for each of them. A new file
//! needs the same two lines as this one: `#![cfg(target_arch = "wasm32")]` (so native `cargo test`
//! compiles it to nothing) and `wasm_bindgen_test_configure!(run_in_browser)`.
#![cfg(target_arch = "wasm32")]

use genoforge::core::coord::Span;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn runs_in_a_browser_with_the_core_compiled_to_wasm() {
    // A browser, not Node: there is a window with a document.
    let window = web_sys::window().expect("a window: this test must run in a browser");
    assert!(window.document().is_some(), "the window has a document");

    // The domain core runs in wasm32: GFF3 1-based inclusive 147594..=151166 is 3573 bases.
    let span = Span::from_one_based(147_594, 151_166).expect("a valid span");
    assert_eq!(span.len(), 3573);
    assert_eq!(span.one_based(), (147_594, 151_166));
}
