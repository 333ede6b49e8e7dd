//! The Datasets tab (issues 10 and 11 in the browser): the registry table, the selection matrix,
//! the result line, exports, importing files in a worker, keeping them in IndexedDB, and the design
//! meeting the data. One concern per file; the state is per app instance ([`state`]).
//!
//! The tab is a wasm of its own, `genoforge-datasets` (`src/bin/genoforge_datasets.rs`), which the
//! page loads when the tab first opens or a design with a dataset selection is open
//! (`crate::ui::datasets_loader`): its code stays out of the page's wasm (README, "Download
//! size"). It reads the design and reaches the page only through [`host`].

pub mod bundled;
pub mod derived;
pub mod exports;
pub mod host;
pub mod import;
pub mod jobs;
pub mod matrix;
pub mod measured;
pub mod merge;
pub mod panel;
pub mod protocol;
pub mod queue;
pub mod reconcile;
pub mod state;
pub mod store;
pub mod tasks;
pub mod worker;

/// Sets up the Datasets tab's state over the page's app `host`: the registry now, the datasets kept
/// in this browser read back in the worker, the bundled lists fetched once a design selects
/// datasets (or the tab opens: [`panel::DatasetsPanel`]), and the design's selection reconciled
/// with them. Call it inside the reactive owner that is to keep the state.
pub fn install(host: host::Host) -> state::DatasetsState {
    use leptos::prelude::*;
    let s = state::DatasetsState::new(host);
    tasks::restore_stored(s);
    Effect::new(move |_| {
        if s.record.with(|r| !r.datasets.is_empty()) {
            bundled::want(s);
        }
    });
    reconcile::install(s);
    s
}
