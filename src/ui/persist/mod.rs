//! Keeping designs in the browser: a library of named designs per reference (`view::library`),
//! autosave of the open one, its undo history and the map's window across a reload, share links,
//! and never overwriting a design another tab saved meanwhile.
//!
//! Storage, per reference fingerprint `<fp>` (`io::spec_json::reference_fingerprint`):
//! - local storage `genoforge.library.v1:<fp>`: the library's index (JSON);
//! - local storage `genoforge.design.v1:<fp>:<id>`: each design, a packed spec (`io::packed`);
//!   the single design of earlier versions (`genoforge.design.v1:<fp>`) is adopted on first use;
//! - session storage `genoforge.session.v1:<fp>` (this tab only, written on leaving the page or
//!   the genome): the open design's id and the revision this tab last read or wrote, its undo
//!   history (bounded), the map's window and axis — so a reload or coming back from another
//!   genome reopens this tab's design, not the library's most recent (maybe another tab's).
//!
//! Every save re-reads the index first: if another tab saved the open design since this tab read
//! it, nothing is written and the user chooses (load the other tab's version, or save this one as
//! a copy). Another tab's save is also noticed at once through the `storage` event: a tab with
//! nothing of its own unsaved simply follows it.
//!
//! Files: `context.rs` ([`Persist`]), `store.rs` (keys, reading and writing), `save.rs`
//! (autosave, other tabs), `banner.rs` (the lasting "not saved" banner and the prompt on leaving
//! during a conflict), `session.rs` (what a reload or coming back brings back), `entries.rs` (open, rename,
//! duplicate, delete), `link.rs` (share links); this file installs them and restores after a load.

mod banner;
mod context;
mod entries;
mod link;
mod save;
mod session;
mod store;

use std::sync::Arc;

use leptos::prelude::*;

pub use banner::ConflictBanner;
pub use context::{Persist, given_name, use_persist};
pub use entries::{delete_entry, duplicate_entry, new_design, open_entry, rename_entry};
pub use link::share_link;
pub use save::{load_other_tab, save_copy, save_now};
pub use session::{HISTORY_BYTES, HISTORY_STEPS};
pub use store::{named_design, now_iso, packed_design, window_locus};

use crate::ui::state::AppState;
use link::{open_link, open_links_on_hashchange};
use save::{autosave, on_storage};
use session::{read_session, restore_session, save_session};
use store::{adopt_legacy, fingerprint, read_design, read_library, write_library};

/// Installs autosave, restoring after a load, share links (at start-up and on `hashchange`), the
/// other-tab watch and the save on leaving; provides [`Persist`].
pub fn install(app: AppState) -> Persist {
    let persist = Persist::new();
    provide_context(persist);
    app.on_change
        .set_value(Some(Arc::new(move |app: &AppState| autosave(app, persist))));
    app.on_load
        .set_value(Some(Arc::new(move |app: &AppState| restore(app, persist))));
    app.on_unload
        .set_value(Some(Arc::new(move |app: &AppState| {
            before_switch(app, persist)
        })));
    open_links_on_hashchange(app, persist);
    if let Some(window) = web_sys::window() {
        // Another tab's save: the `storage` event only ever fires on the window.
        let storage = gloo_events::EventListener::new(&window, "storage", move |ev| {
            use wasm_bindgen::JsCast;
            if let Some(ev) = ev.dyn_ref::<web_sys::StorageEvent>() {
                on_storage(&app, persist, ev.key(), ev.new_value());
            }
        });
        // Leaving or reloading: write a pending save and this tab's session.
        let hide = gloo_events::EventListener::new(&window, "pagehide", move |_| {
            if persist.pending() {
                save_now(&app, persist);
            }
            save_session(&app, persist);
        });
        let leave = banner::guard_leaving(&window, persist);
        let listeners = StoredValue::new_local(Some((storage, hide, leave)));
        on_cleanup(move || listeners.set_value(None));
    }
    persist
}

/// Before another genome replaces this one: a pending save is written; a design another tab
/// changed meanwhile (autosave stopped) is kept as a copy in this genome's library, and the user
/// told (the notice stays with the next genome), so switching genomes never loses it. Which
/// design this tab had open (with its history and window) is written to this tab's session, so
/// coming back to this genome reopens it — not the library's most recently saved design, which
/// may be another tab's.
fn before_switch(app: &AppState, persist: Persist) {
    if persist.conflict.get_untracked() {
        if let Some(name) = save::copy_of_design(app, persist) {
            app.notify_app(
                false,
                format!(
                    "Your design, changed in another tab meanwhile, was saved as “{name}” in the previous genome's designs before the genome was switched."
                ),
            );
        }
    } else if persist.pending() {
        save_now(app, persist);
    }
    save_session(app, persist);
}

/// Restores after a genome loaded: a share link in the URL wins (opened as a new design), else
/// this tab's open design (after a reload or coming back from another genome, with its undo
/// history and window; said when another tab saved it meanwhile), else the library's most
/// recently saved design. A stored design that cannot be read is set aside and reported.
pub fn restore(app: &AppState, persist: Persist) {
    let Some(fp) = fingerprint(app) else { return };
    let mut library = read_library(app, &fp);
    adopt_legacy(app, &fp, &mut library);
    persist.library.set(library.clone());
    persist.conflict.set(false);
    if open_link(app, persist) {
        return;
    }
    let session_state = read_session(&fp);
    let id = session_state
        .current
        .clone()
        .filter(|id| library.get(id).is_some())
        .or_else(|| library.most_recent().map(|e| e.id.clone()));
    let Some(id) = id else {
        persist.current.set(None);
        return;
    };
    let revision = library.get(&id).map_or(0, |e| e.revision);
    match read_design(app, &fp, &id) {
        Ok(design) => {
            let n = design.edits().len();
            persist.mark_stored(&id, revision, design.clone());
            app.design.set(design);
            persist.current.set(Some(id.clone()));
            let name = library.get(&id).map(|e| e.name.clone()).unwrap_or_default();
            let this_tabs = session_state.current.as_deref() == Some(id.as_str());
            if this_tabs && session_state.known < revision {
                // Another tab saved it since this tab last had it open (before a reload or a
                // genome switch): what is open is that tab's version, said.
                app.notify(
                    false,
                    format!(
                        "Restored “{name}” as another tab saved it since this tab left it ({}).",
                        crate::view::edit_rows::counted(n, "edit", "edits")
                    ),
                );
            } else if n > 0 {
                app.notify(
                    false,
                    format!(
                        "Restored “{name}” ({}).",
                        crate::view::edit_rows::counted(n, "edit", "edits")
                    ),
                );
            }
            // A reload of this tab: its history and window, if the design is still the one it led to.
            if this_tabs && session_state.known == revision {
                restore_session(app, &session_state);
            }
        }
        Err(e) => {
            library = read_library(app, &fp);
            let _ = library.remove(&id);
            write_library(app, &fp, &library);
            persist.library.set(library);
            persist.current.set(None);
            app.notify(true, e);
        }
    }
}
