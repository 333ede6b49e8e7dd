//! End-to-end tests: the built app (`dist/`, from `trunk build --release`) driven in headless
//! Chromium through `support`. Every test is `#[ignore]`d for a plain `cargo test`; `.ci/test`
//! runs them with `cargo test --test e2e -- --ignored --test-threads=1` after the build.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../common/mod.rs"]
mod common;
#[path = "../native/datasets_support.rs"]
mod datasets_support;
mod support;

mod app;
mod datasets;
mod editor;
mod embed;
mod embed_layout;
mod embed_teardown;
mod gene_edit_messages;
mod gene_edits;
mod genome;
mod map;
mod panels;
mod persist;

// Issue 12: the editor as users found it.
mod design_safety;
mod edit_numbers;
mod edited_map;
mod from_scratch;
mod gene_lists;
mod help;
mod load_problems;
mod menus_layout;
mod new_user;
mod tryout;
mod walkthrough;
