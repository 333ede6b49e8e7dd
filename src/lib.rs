//! Genoforge: a genome editor that runs in the browser.
//!
//! Layers (see ARCHITECTURE.md): [`core`] is the pure domain, [`io`] turns bytes into domain values
//! and back, [`ui`] is the Leptos front end, and `cli` is the native command-line tool.

pub mod core;
pub mod io;
pub mod ui;
pub mod view;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
