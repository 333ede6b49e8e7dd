//! The design's dataset selection against the data this browser holds: a selected dataset outside
//! the registry that is not here yet (a share link, an imported spec) joins the matrix as an entry
//! without data, and the files the selection was made with but this browser lacks are said once
//! (matched by SHA-256) — after the stored datasets have been read back, so nothing is reported
//! that is merely still loading.

use leptos::prelude::*;

use super::state::DatasetsState;
use crate::view::datasets_import::missing_lines;

/// Installs the reconciliation (an effect over the record, the catalog and the restore).
pub fn install(state: DatasetsState) {
    let said = StoredValue::new(Vec::<String>::new());
    Effect::new(move |_| {
        // Not before the stored datasets are read back and the bundled lists are here (when the
        // selection names datasets, they were asked for: `super::install`).
        let record_empty = state.record.with(|r| r.datasets.is_empty());
        if !state.restored.get()
            || (!record_empty && state.bundled.get() != super::state::BundledStatus::Settled)
        {
            return;
        }
        let record = state.record.get();
        // Placeholders for user datasets the record describes and the catalog lacks.
        let absent: Vec<_> = state.catalog.with_untracked(|c| {
            record
                .datasets
                .iter()
                .filter(|d| c.index(&d.id).is_none())
                .filter_map(|d| d.user.as_ref().map(|u| u.info(&d.id)))
                .collect()
        });
        if !absent.is_empty() {
            state.catalog.update(|c| {
                for info in absent {
                    c.add(info);
                }
            });
        }
        let missing = state.catalog.with(|c| record.missing_files(c));
        let lines = missing_lines(&missing);
        if !lines.is_empty() && said.with_value(|s| *s != lines) {
            state.app.notify(
                true,
                format!(
                    "This design's dataset selection was made with data this browser does not hold; import these files again (Datasets tab) to reproduce it: {}.",
                    lines.join("; ")
                ),
            );
        }
        said.set_value(lines);
    });
}
