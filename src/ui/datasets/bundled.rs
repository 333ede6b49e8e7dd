//! The gene lists shipped in `public/data/` (the registry's bundled universes), fetched when first
//! needed — the Datasets tab opened, or a design with a dataset selection — rather than compiled
//! into the app's wasm (93 kB; README, "Download size"). The fetched bytes are kept for the session,
//! so a forgotten import gets its bundled list back at once.

use std::rc::Rc;

use leptos::prelude::*;

use super::state::{BundledStatus, DatasetsState};
use crate::io::datasets::bundled::{load_bundled_with, wanted_paths};
use crate::ui::browser::fetch_bytes;

/// Starts fetching the bundled lists unless done or under way.
pub fn want(state: DatasetsState) {
    if state.bundled.get_untracked() != BundledStatus::Idle {
        return;
    }
    state.bundled.set(BundledStatus::Fetching);
    leptos::task::spawn_local(fetch(state));
}

/// Loads the fetched lists into the catalog's entries that lack them (after an import is
/// forgotten, too). While a worker job runs this waits for its end ([`reload_if_pending`]): the
/// job's replies are appended to the interner it was copied from.
pub fn reload(state: DatasetsState) {
    let Some(files) = state.bundled_files.get_value() else {
        return;
    };
    let wait = state.jobs.try_update_value(|j| {
        j.reload_pending = j.running.is_some();
        j.reload_pending
    });
    if wait == Some(true) {
        return;
    }
    let mut problem = None;
    state.catalog.update(|c| {
        if let Err(e) = load_bundled_with(c, |path| {
            files
                .iter()
                .find(|(p, _)| p == path)
                .map(|(_, b)| b.as_slice())
        }) {
            problem = Some(e.to_string());
        }
    });
    if let Some(e) = problem {
        state.app.notify(
            true,
            format!("The bundled gene lists could not be read: {e}"),
        );
    }
}

async fn fetch(state: DatasetsState) {
    let paths = state.catalog.with_untracked(wanted_paths);
    // All at once: the lists are small and independent.
    let fetched = futures::future::join_all(paths.into_iter().map(|path| async move {
        let got = fetch_bytes(&format!("public/{path}")).await;
        (path, got)
    }))
    .await;
    let mut files = Vec::with_capacity(fetched.len());
    let mut failed = Vec::new();
    for (path, got) in fetched {
        match got {
            Ok(bytes) => files.push((path, bytes)),
            Err(e) => failed.push(e),
        }
    }
    if !failed.is_empty() {
        state.app.notify(
            true,
            format!(
                "The bundled gene lists could not be fetched ({}); the datasets they belong to have no data in this session.",
                failed.join("; ")
            ),
        );
    }
    state.bundled_files.set_value(Some(Rc::new(files)));
    reload(state);
    state.bundled.set(BundledStatus::Settled);
}

/// Does a [`reload`] that waited for a job, now that no job runs.
pub(super) fn reload_if_pending(state: DatasetsState) {
    let pending = state
        .jobs
        .try_update_value(|j| std::mem::take(&mut j.reload_pending));
    if pending == Some(true) {
        reload(state);
    }
}
