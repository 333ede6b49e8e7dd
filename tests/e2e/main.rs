//! End-to-end tests: the built app (`dist/`, from `trunk build --release`) driven in headless
//! Chromium through `support`. Every test is `#[ignore]`d for a plain `cargo test`; `.ci/test`
//! runs them with `cargo test --test e2e -- --ignored --test-threads=1` after the build.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../common/mod.rs"]
mod common;
mod support;

mod app;
mod editor;
mod gene_edits;
mod genome;
mod map;
mod panels;
mod persist;
