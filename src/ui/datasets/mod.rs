//! The Datasets tab (issues 10 and 11 in the browser): the registry table, the selection matrix,
//! the result line, exports, importing files in a worker, keeping them in IndexedDB, and the design
//! meeting the data. One concern per file; the state is per app instance ([`state`]).

pub mod derived;
pub mod exports;
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

/// Sets up the Datasets tab's state for an app instance: the registry and bundled lists now, the
/// datasets kept in this browser read back in the worker, and the design's selection reconciled
/// with them.
pub fn install(app: crate::ui::state::AppState) -> state::DatasetsState {
    let s = state::DatasetsState::new(app);
    tasks::restore_stored(s);
    reconcile::install(s);
    s
}
