//! Saving the open design: autosave after each change (coalesced, after the browser painted),
//! never over another tab's newer save. That tab's save is noticed (storage event or on saving):
//! a tab with nothing of its own unsaved follows it (shows it, says so); a tab with changes of its
//! own is asked — load the other tab's version or save its own as a copy — once, and every notice
//! of that conflict goes when it is resolved.

use leptos::prelude::*;

use super::context::Persist;
use super::store::{
    LIBRARY_KEY, design_key, fingerprint, local, now_iso, read_design, read_library, spec_text,
    storage_full, write_library,
};
use crate::core::design::Design;
use crate::io::packed::pack_fast;
use crate::ui::state::{AppState, Notice, NoticeAction};
use crate::view::library::{DesignLibrary, SyncState, UNTITLED, check};

/// Saves the design after the browser has painted the change, coalescing quick successions of
/// changes into one save: an edit is shown first, and saving a large design never delays it.
pub(super) fn autosave(app: &AppState, persist: Persist) {
    let generation = persist.requested.get_value() + 1;
    persist.requested.set_value(generation);
    let app = *app;
    leptos::task::spawn_local(async move {
        crate::ui::browser::next_frame().await;
        if persist.requested.try_get_value() == Some(generation) {
            save_now(&app, persist);
        }
    });
}

/// Whether a design is worth a library entry (a fresh page's empty design is not).
fn is_blank(d: &Design) -> bool {
    d.is_blank()
}

/// Saves the open design now, unless another tab saved it meanwhile (then the user is asked).
pub fn save_now(app: &AppState, persist: Persist) {
    persist.written.set_value(persist.requested.get_value());
    if persist.conflict.get_untracked() {
        return;
    }
    let Some(fp) = fingerprint(app) else {
        return;
    };
    let design = app.design.get_untracked();
    let mut library = read_library(app, &fp);
    let id = match persist.current.get_untracked() {
        Some(id) => match check(&library, &id, persist.known.get_value()) {
            // Already stored as it is (a design loaded from the library, another tab's followed):
            // writing it again would only raise its revision for the other tabs.
            SyncState::InStep if persist.unchanged(&design) => return,
            SyncState::InStep => id,
            other => {
                persist.library.set(library);
                report_conflict(app, persist, other);
                return;
            }
        },
        None if is_blank(&design) => return,
        None => {
            // A design that came with a name (a share link, a spec) is saved under it.
            let name = design
                .genotype()
                .name
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .unwrap_or(UNTITLED);
            let id = library.add(name, &now_iso(), design.edits().len());
            persist.current.set(Some(id.clone()));
            id
        }
    };
    let Some(packed) = spec_text(app, &design).map(|t| pack_fast(t.as_bytes())) else {
        return;
    };
    let Some(store) = local() else { return };
    if store.set_item(&design_key(&fp, &id), &packed).is_err() {
        storage_full(app);
        return;
    }
    if let Ok(rev) = library.saved(&id, &now_iso(), design.edits().len()) {
        persist.mark_stored(&id, rev, design);
    }
    write_library(app, &fp, &library);
    persist.library.set(library);
}

/// Tells the user that another tab saved or deleted the open design; stops saving over it.
fn report_conflict(app: &AppState, persist: Persist, state: SyncState) {
    if persist.conflict.get_untracked() {
        return;
    }
    match state {
        SyncState::InStep => {}
        SyncState::ChangedElsewhere(e) => {
            persist.conflict.set(true);
            app.notify_with(
                true,
                format!(
                    "“{}” was changed in another tab ({} there). This tab's design stays on screen and is not saved over it.",
                    e.name,
                    crate::view::edit_rows::counted(e.edits, "edit", "edits")
                ),
                vec![NoticeAction::LoadOtherTab, NoticeAction::SaveCopy],
            );
        }
        SyncState::DeletedElsewhere => {
            persist.conflict.set(true);
            app.notify_with(
                true,
                "This design was deleted in another tab. It stays on screen, unsaved.",
                vec![NoticeAction::SaveCopy],
            );
        }
    }
}

/// Another tab wrote the library: a save of the open design is followed when this tab has
/// nothing of its own unsaved, else the user is asked ([`report_conflict`]).
pub(super) fn on_storage(
    app: &AppState,
    persist: Persist,
    key: Option<String>,
    value: Option<String>,
) {
    let Some(fp) = fingerprint(app) else { return };
    if key.as_deref() != Some(&format!("{LIBRARY_KEY}:{fp}")) {
        return;
    }
    let library = value
        .and_then(|v| DesignLibrary::parse(&v).ok())
        .unwrap_or_default();
    if let Some(id) = persist.current.get_untracked() {
        match check(&library, &id, persist.known.get_value()) {
            SyncState::ChangedElsewhere(entry)
                if !persist.conflict.get_untracked()
                    && app.design.with_untracked(|d| persist.unchanged(d)) =>
            {
                follow(app, persist, &fp, entry);
            }
            state => report_conflict(app, persist, state),
        }
    }
    persist.library.set(library);
}

/// Shows another tab's save of the open design in this tab, which had nothing of its own
/// unsaved: nothing can be lost, so nothing is asked (an undoable step, said in a note).
fn follow(app: &AppState, persist: Persist, fp: &str, entry: crate::view::library::Entry) {
    match read_design(app, fp, &entry.id) {
        Ok(design) => {
            persist.mark_stored(&entry.id, entry.revision, design.clone());
            app.replace_design(design, true);
            app.notify(
                false,
                format!(
                    "“{}” was changed in another tab; this tab now shows it ({}).",
                    entry.name,
                    crate::view::edit_rows::counted(entry.edits, "edit", "edits")
                ),
            );
        }
        Err(_) => report_conflict(app, persist, SyncState::ChangedElsewhere(entry)),
    }
}

/// Ends a conflict with another tab: autosave resumes, and every notice offering to resolve it
/// goes (a second choice could only make a second copy).
fn end_conflict(app: &AppState, persist: Persist) {
    persist.conflict.set(false);
    let resolves = |n: &Notice| {
        n.actions
            .iter()
            .any(|a| matches!(a, NoticeAction::LoadOtherTab | NoticeAction::SaveCopy))
    };
    if app.notices.with_untracked(|all| all.iter().any(resolves)) {
        app.notices.update(|all| all.retain(|n| !resolves(n)));
    }
}

/// Replaces the design on screen by the stored one of the open entry (another tab's), as an
/// undoable step, ending the conflict. Nothing once the conflict has ended.
pub fn load_other_tab(app: &AppState, persist: Persist) {
    if !persist.conflict.get_untracked() {
        return;
    }
    let (Some(fp), Some(id)) = (fingerprint(app), persist.current.get_untracked()) else {
        return;
    };
    let library = read_library(app, &fp);
    let Some(entry) = library.get(&id).cloned() else {
        app.notify(true, "That design no longer exists in the library.");
        return;
    };
    match read_design(app, &fp, &id) {
        Ok(design) => {
            persist.mark_stored(&id, entry.revision, design.clone());
            end_conflict(app, persist);
            persist.library.set(library);
            app.replace_design(design, true);
            app.notify_with(
                false,
                format!("Loaded “{}” as the other tab saved it.", entry.name),
                vec![NoticeAction::Undo],
            );
        }
        Err(e) => app.notify(true, e),
    }
}

/// Keeps the design on screen as a new entry (the other tab's version stays as it was), ending
/// the conflict. Nothing once the conflict has ended: a second copy is never made.
pub fn save_copy(app: &AppState, persist: Persist) {
    if !persist.conflict.get_untracked() {
        return;
    }
    if let Some(name) = copy_of_design(app, persist) {
        app.notify(
            false,
            format!("Saved your design as “{name}”; the other version stays as it was."),
        );
    }
}

/// Writes the design on screen as a new library entry ("<name> copy") and makes it the current
/// one; its name, or `None` without a genome.
pub(super) fn copy_of_design(app: &AppState, persist: Persist) -> Option<String> {
    let fp = fingerprint(app)?;
    let library = read_library(app, &fp);
    let base = persist
        .current
        .get_untracked()
        .and_then(|id| library.get(&id).map(|e| format!("{} copy", e.name)))
        .unwrap_or_else(|| UNTITLED.to_owned());
    let mut library = library;
    let id = library.add(
        &base,
        &now_iso(),
        app.design.with_untracked(|d| d.edits().len()),
    );
    let name = library.get(&id).map(|e| e.name.clone()).unwrap_or_default();
    write_library(app, &fp, &library);
    persist.current.set(Some(id));
    persist.known.set_value(0);
    end_conflict(app, persist);
    save_now(app, persist);
    Some(name)
}
