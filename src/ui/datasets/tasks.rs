//! What the datasets panel asks of the worker: restore the datasets kept in this browser, forget
//! one, import files (with the genome's name table, built once per genome).

use std::rc::Rc;

use leptos::prelude::*;
use web_sys::File;

use super::jobs::submit;
use super::protocol::{Task, WireOptions};
use super::state::DatasetsState;
use crate::core::datasets::data::DataStatus;
use crate::core::datasets::info::DatasetInfo;
use crate::core::datasets::name_map::NameMap;
use crate::ui::browser::yield_now;
use crate::ui::state::{Ready, Shared};

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

/// The genome's name table as JSON, built in steps (yielding between) once per genome.
pub async fn name_table(state: DatasetsState, ready: Shared<Ready>) -> Rc<String> {
    if let Some(Some((r, json))) = state.names.try_with_value(|n| n.clone())
        && std::sync::Arc::ptr_eq(&r.0, &ready.0)
    {
        return json;
    }
    let genome = ready.genome();
    let all: Vec<&str> = genome.names().names().collect();
    let mut map = NameMap::default();
    for chunk in all.chunks(3_000) {
        map.extend(chunk.iter().copied(), genome);
        yield_now().await;
    }
    let json = Rc::new(serde_json::to_string(&map).unwrap_or_default());
    state
        .names
        .set_value(Some((ready.clone(), Rc::clone(&json))));
    json
}

/// Starts an import of `files` into `target`.
pub async fn import(
    state: DatasetsState,
    target: DatasetInfo,
    options: WireOptions,
    replace: bool,
    files: Vec<File>,
) {
    let Some(ready) = state.app.genome.get_untracked() else {
        state
            .app
            .notify(true, "Load a genome first: names are resolved through it.");
        return;
    };
    let names = name_table(state, ready).await;
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
