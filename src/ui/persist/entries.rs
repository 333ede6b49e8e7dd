//! The library's entries: open, start new, rename and describe, duplicate, delete.

use leptos::prelude::*;

use super::context::Persist;
use super::save::save_now;
use super::store::{
    design_key, fingerprint, local, now_iso, read_design, read_library, write_library,
};
use crate::core::design::Design;
use crate::ui::state::{AppState, History};
use crate::view::library::LibraryError;

/// Opens another entry of the library (the open one is saved first).
pub fn open_entry(app: &AppState, persist: Persist, id: &str) {
    if persist.current.get_untracked().as_deref() == Some(id) {
        return;
    }
    let Some(fp) = fingerprint(app) else { return };
    if persist.pending() {
        save_now(app, persist);
    }
    let library = read_library(app, &fp);
    let Some(entry) = library.get(id).cloned() else {
        app.notify(true, LibraryError::Unknown(id.to_owned()).to_string());
        return;
    };
    match read_design(app, &fp, id) {
        Ok(design) => {
            persist.current.set(Some(id.to_owned()));
            persist.mark_stored(id, entry.revision, design.clone());
            app.design.set(design);
            app.history.set(History::default());
            app.selected_edit.set(None);
            app.clear_info();
            persist.conflict.set(false);
            persist.library.set(library);
            app.notify(false, format!("Opened “{}”.", entry.name));
        }
        Err(e) => app.notify(true, e),
    }
}

/// Starts a new, empty design (the open one stays in the library).
pub fn new_design(app: &AppState, persist: Persist) {
    if persist.pending() {
        save_now(app, persist);
    }
    app.design.set(Design::new());
    app.history.set(History::default());
    app.selected_edit.set(None);
    app.clear_info();
    persist.current.set(None);
    persist.known.set_value(0);
    persist.conflict.set(false);
}

/// Renames and describes an entry.
pub fn rename_entry(
    app: &AppState,
    persist: Persist,
    id: &str,
    name: &str,
    description: &str,
) -> Result<(), String> {
    let fp = fingerprint(app).ok_or("no genome is loaded")?;
    let mut library = read_library(app, &fp);
    library
        .rename(id, name, description)
        .map_err(|e| e.to_string())?;
    write_library(app, &fp, &library);
    persist.library.set(library);
    Ok(())
}

/// Copies an entry and opens the copy.
pub fn duplicate_entry(app: &AppState, persist: Persist, id: &str) -> Result<(), String> {
    let fp = fingerprint(app).ok_or("no genome is loaded")?;
    if persist.current.get_untracked().as_deref() == Some(id) && persist.pending() {
        save_now(app, persist);
    }
    let mut library = read_library(app, &fp);
    let new = library
        .duplicate(id, &now_iso())
        .map_err(|e| e.to_string())?;
    let store = local().ok_or("no local storage")?;
    if let Ok(Some(v)) = store.get_item(&design_key(&fp, id)) {
        store
            .set_item(&design_key(&fp, &new), &v)
            .map_err(|_| "the browser's storage is full")?;
    }
    let (from, to) = (
        library.get(id).map(|e| e.name.clone()).unwrap_or_default(),
        library
            .get(&new)
            .map(|e| e.name.clone())
            .unwrap_or_default(),
    );
    write_library(app, &fp, &library);
    persist.library.set(library);
    open_entry(app, persist, &new);
    // Said, since the copy (not the original) is now the design on screen.
    app.notify(
        false,
        format!("Duplicated “{from}” as “{to}”, now open; “{from}” stays as it was."),
    );
    Ok(())
}

/// Deletes an entry (and its stored design). Deleting the open one starts a new design.
pub fn delete_entry(app: &AppState, persist: Persist, id: &str) -> Result<(), String> {
    let fp = fingerprint(app).ok_or("no genome is loaded")?;
    let mut library = read_library(app, &fp);
    let gone = library.remove(id).map_err(|e| e.to_string())?;
    if let Some(store) = local() {
        let _ = store.remove_item(&design_key(&fp, id));
    }
    write_library(app, &fp, &library);
    persist.library.set(library);
    if persist.current.get_untracked().as_deref() == Some(id) {
        persist.requested.set_value(persist.written.get_value());
        new_design(app, persist);
    }
    app.notify(false, format!("Deleted “{}”.", gone.name));
    Ok(())
}
