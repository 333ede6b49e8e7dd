//! What the datasets panel asks of the worker: restore the datasets kept in this browser, forget
//! one, import files (with the genome's name table, which the page builds once per genome).

use leptos::prelude::*;
use web_sys::File;

use super::jobs::submit;
use super::protocol::{Task, WireOptions};
use super::state::DatasetsState;
use crate::core::datasets::data::DataStatus;
use crate::core::datasets::info::DatasetInfo;

/// Reads the datasets kept in this browser back (at start-up).
pub fn restore_stored(state: DatasetsState) {
    submit(state, Task::Restore, Vec::new(), None);
}

/// Forgets a dataset's imported data here and in the browser's storage.
pub fn forget(state: DatasetsState, index: usize) {
    let Some(id) = state.catalog.with_untracked(|c| {
        c.entries
            .get(index)
            .filter(|e| e.status() == DataStatus::Imported)
            .map(|e| e.info.id.clone())
    }) else {
        return;
    };
    state.catalog.update(|c| {
        c.entries[index].data = None;
    });
    // A registry entry with a bundled list gets it back.
    super::bundled::reload(state);
    state.refresh_sources(Some(&id));
    submit(
        state,
        Task::Forget {
            dataset: id.clone(),
        },
        Vec::new(),
        None,
    );
    state.app.notify(
        false,
        format!("Removed the imported data of {id} (from this browser's storage too)."),
    );
}

/// Starts an import of `files` into `target`.
pub async fn import(
    state: DatasetsState,
    target: DatasetInfo,
    options: WireOptions,
    replace: bool,
    files: Vec<File>,
) {
    let Some(names) = state.app.names().await else {
        state
            .app
            .notify(true, "Load a genome first: names are resolved through it.");
        return;
    };
    submit(
        state,
        Task::Import {
            target: Box::new(target),
            options,
            replace,
        },
        files,
        Some(names),
    );
}
