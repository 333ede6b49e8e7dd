//! A worker reply's keys added to the catalog: the interner's tail appended, the dataset's data
//! merged (union, replacement, or nothing when the file is already held), its keys derived, then
//! one change of the catalog.

use leptos::prelude::*;

use super::protocol::{field, keys_from_js};
use super::state::DatasetsState;
use crate::core::datasets::catalog::GeneFilter;
use crate::core::datasets::data::{DataStatus, DatasetData};
use crate::core::datasets::info::DatasetInfo;
use crate::core::datasets::keyset::KeySet;
use crate::core::datasets::mirror::Tail;
use crate::ui::browser::yield_now;

/// Appends a reply's interner tail (a failed or empty reply still carries one); false, with a
/// message, when it does not fit.
pub(super) fn append(state: DatasetsState, tail: &Tail) -> bool {
    let mut problem = None;
    state.catalog.update(|c| {
        if let Err(e) = c.interner.append(tail) {
            problem = Some(e.to_string());
        }
    });
    if let Some(e) = problem {
        state.app.notify(
            true,
            format!("A dataset could not be added: {e}. Reload the page and import it again."),
        );
        return false;
    }
    true
}

/// The keys a reply carries, copied in steps (each its own task).
pub(super) async fn keys_of(data: &wasm_bindgen::JsValue) -> Option<KeySet> {
    KeySet::from_sorted(keys_from_js(&field(data, "keys"), yield_now).await?)
}

/// Adds a reply's keys to a dataset, each step a task of its own: its genes join the interner
/// (nothing shown changes); the dataset's new data is made (the union with what it had, unless
/// replacing; imported data replaces a bundled list; a file it already holds, by SHA-256, is not
/// added twice); its keys are derived for the current key kind and gene set; then the catalog
/// changes once (overlaps, matrix). Returns whether the keys were added.
pub(super) async fn add(
    state: DatasetsState,
    tail: &Tail,
    info: &DatasetInfo,
    data: DatasetData,
    replace: bool,
) -> bool {
    let appended = state
        .catalog
        .try_update_untracked(|c| c.interner.append(tail).map_err(|e| e.to_string()));
    if let Some(Err(e)) = appended {
        state.app.notify(
            true,
            format!(
                "{} could not be added: {e}. Reload the page and import it again.",
                info.id
            ),
        );
        return false;
    }
    yield_now().await;
    // What the dataset will hold: the new keys, or the union with what it has (a task of its own).
    let merged = state.catalog.with_untracked(|c| {
        let entry = c.index(&info.id).map(|i| &c.entries[i]);
        let old = entry
            .filter(|e| !replace && e.status() == DataStatus::Imported)
            .and_then(|e| e.data.as_ref());
        match old {
            Some(old)
                if data
                    .sources
                    .iter()
                    .all(|s| old.sources.iter().any(|h| h.sha256 == s.sha256)) =>
            {
                None
            }
            Some(old) => Some(DatasetData {
                status: DataStatus::Imported,
                keys: old.keys.union(&data.keys),
                records: old.records + data.records,
                sources: old.sources.iter().cloned().chain(data.sources).collect(),
            }),
            None => Some(data),
        }
    });
    let Some(data) = merged else {
        return false;
    };
    yield_now().await;
    let kind = state.record.with_untracked(|r| r.key);
    let filter = state.filter.with_untracked(|f| f.filter.clone());
    state.catalog.with_untracked(|c| {
        // The gene set as it will be once the catalog changes (over the new genes too).
        let filter = filter.map(|f| GeneFilter::new(&f.names, f.label.clone(), &c.interner));
        state
            .derived
            .update_value(|d| d.prepare(&data, &c.interner, kind, filter.as_ref()));
    });
    yield_now().await;
    state.catalog.update(|c| {
        let i = c.add(info.clone());
        c.entries[i].data = Some(data);
    });
    true
}
