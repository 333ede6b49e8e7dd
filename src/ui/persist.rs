//! Keeping designs in the browser: a library of named designs per reference (`view::library`),
//! autosave of the open one, its undo history and the map's window across a reload, share links,
//! and never overwriting a design another tab saved meanwhile.
//!
//! Storage, per reference fingerprint `<fp>` (`io::spec_json::reference_fingerprint`):
//! - local storage `genoforge.library.v1:<fp>`: the library's index (JSON);
//! - local storage `genoforge.design.v1:<fp>:<id>`: each design, a packed spec (`io::packed`);
//!   the single design of earlier versions (`genoforge.design.v1:<fp>`) is adopted on first use;
//! - session storage `genoforge.session.v1:<fp>` (this tab only): the open design's id and the
//!   revision this tab last read or wrote, its undo history (bounded), the map's window and axis.
//!
//! Every save re-reads the index first: if another tab saved the open design since this tab read
//! it, nothing is written and the user chooses (load theirs, or keep this one as a copy). Another
//! tab's save is also noticed at once through the `storage` event.

use std::sync::Arc;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::core::design::Design;
use crate::core::spec::export;
use crate::io::packed::{pack, pack_fast};
use crate::io::spec_json::{self, reference_fingerprint, restore_packed};
use crate::ui::state::{AppState, Axis, History, NoticeAction};
use crate::view::library::{DesignLibrary, LibraryError, SyncState, check};
use crate::view::viewport::Viewport;

const DESIGN_KEY: &str = "genoforge.design.v1";
const LIBRARY_KEY: &str = "genoforge.library.v1";
const SESSION_KEY: &str = "genoforge.session.v1";
const FRAGMENT: &str = "#design=";
/// Separates the map's window from the design in a share link: `#design=…&at=II:10001-30000`.
const AT: &str = "&at=";
/// Undo steps kept across a reload at most…
pub const HISTORY_STEPS: usize = 20;
/// …and bytes of packed designs at most (session storage holds about 5 MB).
pub const HISTORY_BYTES: usize = 2 << 20;

fn local() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten())
}

/// Now, as the browser says it (RFC 3339).
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// What this app instance keeps about the library: provided as context by [`install`].
#[derive(Clone, Copy)]
pub struct Persist {
    /// The library as last read or written.
    pub library: RwSignal<DesignLibrary>,
    /// The open design's entry (`None`: not saved yet).
    pub current: RwSignal<Option<String>>,
    /// The revision of the open design this tab last read or wrote.
    known: StoredValue<u64>,
    /// Another tab saved or deleted the open design since: nothing is written until the user
    /// chooses.
    pub conflict: RwSignal<bool>,
    /// The latest requested save and the latest written (older pending saves are skipped).
    requested: StoredValue<u64>,
    written: StoredValue<u64>,
}

/// The library state from context.
pub fn use_persist() -> Persist {
    use_context::<Persist>().expect("Persist is provided by persist::install")
}

/// The keys of the loaded reference: (fingerprint).
fn fingerprint(app: &AppState) -> Option<String> {
    let reference = app.reference_spec()?;
    Some(reference_fingerprint(&reference))
}

fn design_key(fp: &str, id: &str) -> String {
    format!("{DESIGN_KEY}:{fp}:{id}")
}

/// The design's spec JSON.
fn spec_text(app: &AppState, design: &Design) -> Option<String> {
    let ready = app.genome.get_untracked()?;
    let reference = app.reference_spec()?;
    let spec = export(ready.genome(), design, &reference, &now_iso());
    Some(spec_json::to_string(&spec))
}

/// The design packed as a spec, as small as possible (for links).
pub fn packed_design(app: &AppState) -> Option<String> {
    let d = app.design.get_untracked();
    spec_text(app, &d).map(|t| pack(t.as_bytes()))
}

/// Reads the library index from local storage (an unreadable one is set aside and reported).
fn read_library(app: &AppState, fp: &str) -> DesignLibrary {
    let key = format!("{LIBRARY_KEY}:{fp}");
    let Some(text) = local().and_then(|s| s.get_item(&key).ok().flatten()) else {
        return DesignLibrary::default();
    };
    match DesignLibrary::parse(&text) {
        Ok(l) => l,
        Err(e) => {
            set_aside(&key, &text);
            app.notify(
                true,
                format!("{e}. It was set aside; starting a new library."),
            );
            DesignLibrary::default()
        }
    }
}

fn write_library(app: &AppState, fp: &str, library: &DesignLibrary) -> bool {
    let key = format!("{LIBRARY_KEY}:{fp}");
    let ok = local().is_some_and(|s| s.set_item(&key, &library.to_json()).is_ok());
    if !ok {
        storage_full(app);
    }
    ok
}

fn storage_full(app: &AppState) {
    app.notify(
        true,
        "The design could not be saved in this browser's storage (it is full); download the spec to keep it.",
    );
}

/// Keeps an unreadable stored value under another key, so nothing is lost.
fn set_aside(key: &str, value: &str) -> String {
    let aside = format!("{key}.unreadable-{}", now_iso());
    if let Some(s) = local() {
        let _ = s.set_item(&aside, value);
        let _ = s.remove_item(key);
    }
    aside
}

/// Installs autosave, restoring after a load, share links (at start-up and on `hashchange`), the
/// other-tab watch and the save on leaving; provides [`Persist`].
pub fn install(app: AppState) -> Persist {
    let persist = Persist {
        library: RwSignal::new(DesignLibrary::default()),
        current: RwSignal::new(None),
        known: StoredValue::new(0),
        conflict: RwSignal::new(false),
        requested: StoredValue::new(0),
        written: StoredValue::new(0),
    };
    provide_context(persist);
    app.on_change
        .set_value(Some(Arc::new(move |app: &AppState| autosave(app, persist))));
    app.on_load
        .set_value(Some(Arc::new(move |app: &AppState| restore(app, persist))));
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
            if persist.requested.get_value() != persist.written.get_value() {
                save_now(&app, persist);
            }
            save_session(&app, persist);
        });
        let listeners = StoredValue::new_local(Some((storage, hide)));
        on_cleanup(move || listeners.set_value(None));
    }
    persist
}

/// Saves the design after the browser has painted the change, coalescing quick successions of
/// changes into one save: an edit is shown first, and saving a large design never delays it.
fn autosave(app: &AppState, persist: Persist) {
    let generation = persist.requested.get_value() + 1;
    persist.requested.set_value(generation);
    let app = *app;
    leptos::task::spawn_local(async move {
        super::browser::next_frame().await;
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
            SyncState::InStep => id,
            other => {
                persist.library.set(library);
                report_conflict(app, persist, other);
                return;
            }
        },
        None if is_blank(&design) => return,
        None => {
            let id = library.add("Untitled design", &now_iso(), design.edits().len());
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
        persist.known.set_value(rev);
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
                    "“{}” was changed in another tab ({} edit(s) there). This tab's design stays on screen and is not saved over it.",
                    e.name, e.edits
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

fn on_storage(app: &AppState, persist: Persist, key: Option<String>, value: Option<String>) {
    let Some(fp) = fingerprint(app) else { return };
    if key.as_deref() != Some(&format!("{LIBRARY_KEY}:{fp}")) {
        return;
    }
    let library = value
        .and_then(|v| DesignLibrary::parse(&v).ok())
        .unwrap_or_default();
    if let Some(id) = persist.current.get_untracked() {
        let state = check(&library, &id, persist.known.get_value());
        report_conflict(app, persist, state);
    }
    persist.library.set(library);
}

/// Replaces the design on screen by the stored one of the open entry (another tab's), as an
/// undoable step.
pub fn load_other_tab(app: &AppState, persist: Persist) {
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
            persist.known.set_value(entry.revision);
            persist.conflict.set(false);
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

/// Keeps the design on screen as a new entry (the other tab's version stays as it was).
pub fn save_copy(app: &AppState, persist: Persist) {
    let Some(fp) = fingerprint(app) else { return };
    let library = read_library(app, &fp);
    let base = persist
        .current
        .get_untracked()
        .and_then(|id| library.get(&id).map(|e| format!("{} copy", e.name)))
        .unwrap_or_else(|| "Untitled design".to_owned());
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
    persist.conflict.set(false);
    save_now(app, persist);
    app.notify(
        false,
        format!("Saved your design as “{name}”; the other version stays as it was."),
    );
}

fn read_design(app: &AppState, fp: &str, id: &str) -> Result<Design, String> {
    let (Some(ready), Some(reference)) = (app.genome.get_untracked(), app.reference_spec()) else {
        return Err("no genome is loaded".to_owned());
    };
    let key = design_key(fp, id);
    let Some(saved) = local().and_then(|s| s.get_item(&key).ok().flatten()) else {
        return Ok(Design::new());
    };
    match restore_packed(ready.genome(), &reference, &saved) {
        Ok((design, warnings)) => {
            for w in warnings {
                app.notify(false, w);
            }
            Ok(design)
        }
        Err(e) => {
            let aside = set_aside(&key, &saved);
            Err(format!(
                "Your saved design could not be restored ({e}). It was set aside in local storage as “{aside}”; starting with an empty design."
            ))
        }
    }
}

/// This tab's session: what a reload brings back.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Session {
    /// The open entry.
    current: Option<String>,
    /// Its revision when this tab last read or wrote it.
    known: u64,
    /// Undo history, oldest first, packed specs.
    past: Vec<String>,
    /// Redo history, oldest first, packed specs.
    future: Vec<String>,
    /// The map's window (`II:10001-30000`) and whether the axis was edited.
    window: Option<String>,
    #[serde(default)]
    edited_axis: bool,
}

/// A window as a locus the locus box reads back (1-based, no separators).
pub fn window_locus(app: &AppState, v: &Viewport) -> Option<String> {
    let ready = app.genome.get_untracked()?;
    Some(format!(
        "{}:{}-{}",
        ready.genome().contig(v.contig).name,
        v.span.start().get() + 1,
        v.span.end().get()
    ))
}

/// Writes this tab's session (on leaving the page): the open entry, the undo history newest
/// first until [`HISTORY_STEPS`] or [`HISTORY_BYTES`], the window.
fn save_session(app: &AppState, persist: Persist) {
    let Some(fp) = fingerprint(app) else { return };
    let History { past, future } = app.history.get_untracked();
    let mut budget = HISTORY_BYTES;
    let mut pack_some = |designs: &[Design]| -> Vec<String> {
        let mut out = Vec::new();
        for d in designs.iter().rev().take(HISTORY_STEPS) {
            let Some(p) = spec_text(app, d).map(|t| pack_fast(t.as_bytes())) else {
                break;
            };
            if p.len() > budget {
                break;
            }
            budget -= p.len();
            out.push(p);
        }
        out.reverse();
        out
    };
    let future = pack_some(&future);
    let past = pack_some(&past);
    let session_state = Session {
        current: persist.current.get_untracked(),
        known: persist.known.get_value(),
        past,
        future,
        window: app.view.get_untracked().and_then(|v| window_locus(app, &v)),
        edited_axis: app.axis.get_untracked() == Axis::Edited,
    };
    if let (Some(s), Ok(text)) = (session(), serde_json::to_string(&session_state)) {
        let _ = s.set_item(&format!("{SESSION_KEY}:{fp}"), &text);
    }
}

fn read_session(fp: &str) -> Session {
    session()
        .and_then(|s| s.get_item(&format!("{SESSION_KEY}:{fp}")).ok().flatten())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// Adopts the single saved design of earlier versions as an entry of the library.
fn adopt_legacy(app: &AppState, fp: &str, library: &mut DesignLibrary) {
    let legacy = format!("{DESIGN_KEY}:{fp}");
    let Some(store) = local() else { return };
    let Ok(Some(value)) = store.get_item(&legacy) else {
        return;
    };
    let id = library.add("Saved design", &now_iso(), 0);
    if store.set_item(&design_key(fp, &id), &value).is_ok() {
        let _ = store.remove_item(&legacy);
        write_library(app, fp, library);
    } else {
        let _ = library.remove(&id);
    }
}

/// Restores after a genome loaded: a share link in the URL wins (opened as a new design), else
/// this tab's open design (after a reload, with its undo history and window), else the library's
/// most recently saved design. A stored design that cannot be read is set aside and reported.
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
            app.design.set(design);
            persist.current.set(Some(id.clone()));
            persist.known.set_value(revision);
            if n > 0 {
                let name = library.get(&id).map(|e| e.name.clone()).unwrap_or_default();
                app.notify(false, format!("Restored “{name}” ({n} edit(s))."));
            }
            // A reload of this tab: its history and window, if the design is still the one it led to.
            if session_state.current.as_deref() == Some(id.as_str())
                && session_state.known == revision
            {
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

fn restore_session(app: &AppState, s: &Session) {
    let (Some(ready), Some(reference)) = (app.genome.get_untracked(), app.reference_spec()) else {
        return;
    };
    let unpack = |list: &[String]| -> Vec<Design> {
        list.iter()
            .filter_map(|p| {
                restore_packed(ready.genome(), &reference, p)
                    .ok()
                    .map(|d| d.0)
            })
            .collect()
    };
    app.history.set(History {
        past: unpack(&s.past),
        future: unpack(&s.future),
    });
    if let Some(v) = s
        .window
        .as_deref()
        .and_then(|w| Viewport::parse(ready.genome(), w).ok())
    {
        app.view.set(Some(v));
    }
    if s.edited_axis {
        app.axis.set(Axis::Edited);
    }
}

/// Opens another entry of the library (the open one is saved first).
pub fn open_entry(app: &AppState, persist: Persist, id: &str) {
    if persist.current.get_untracked().as_deref() == Some(id) {
        return;
    }
    let Some(fp) = fingerprint(app) else { return };
    if persist.requested.get_value() != persist.written.get_value() {
        save_now(app, persist);
    }
    let library = read_library(app, &fp);
    let Some(entry) = library.get(id).cloned() else {
        app.notify(true, LibraryError::Unknown(id.to_owned()).to_string());
        return;
    };
    match read_design(app, &fp, id) {
        Ok(design) => {
            app.design.set(design);
            app.history.set(History::default());
            app.selected_edit.set(None);
            app.clear_info();
            persist.current.set(Some(id.to_owned()));
            persist.known.set_value(entry.revision);
            persist.conflict.set(false);
            persist.library.set(library);
            app.notify(false, format!("Opened “{}”.", entry.name));
        }
        Err(e) => app.notify(true, e),
    }
}

/// Starts a new, empty design (the open one stays in the library).
pub fn new_design(app: &AppState, persist: Persist) {
    if persist.requested.get_value() != persist.written.get_value() {
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
    if persist.current.get_untracked().as_deref() == Some(id)
        && persist.requested.get_value() != persist.written.get_value()
    {
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
    write_library(app, &fp, &library);
    persist.library.set(library);
    open_entry(app, persist, &new);
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

/// A link that reproduces the design and the map's window: on this page, or — given `page`, an
/// embedded element's `embed.html` beside its assets — on that page (a host page would ignore it).
pub fn share_link(app: &AppState, page: Option<&str>) -> Option<String> {
    let base = match page {
        Some(p) => p.to_owned(),
        None => {
            let location = web_sys::window()?.location();
            format!(
                "{}{}{}",
                location.origin().ok()?,
                location.pathname().ok()?,
                location.search().ok()?
            )
        }
    };
    let at = app
        .view
        .get_untracked()
        .and_then(|v| window_locus(app, &v))
        .map(|w| format!("{AT}{w}"))
        .unwrap_or_default();
    Some(format!("{base}{FRAGMENT}{}{at}", packed_design(app)?))
}

/// Opens the design a share link carries (`#design=…`, optionally `&at=<window>`) as a new,
/// unsaved design, if the URL carries one and a genome is loaded; then clears the fragment.
/// Returns whether there was a link.
fn open_link(app: &AppState, persist: Persist) -> bool {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let Some(rest) = hash.strip_prefix(FRAGMENT) else {
        return false;
    };
    let (packed, at) = match rest.split_once(AT) {
        Some((p, a)) => (p, Some(a)),
        None => (rest, None),
    };
    let (Some(ready), Some(reference)) = (app.genome.get_untracked(), app.reference_spec()) else {
        return false;
    };
    match restore_packed(ready.genome(), &reference, packed) {
        Ok((design, warnings)) => {
            if persist.requested.get_value() != persist.written.get_value() {
                save_now(app, persist);
            }
            persist.current.set(None);
            persist.conflict.set(false);
            app.replace_design(design, false);
            app.notify(false, "Opened the design from the link.");
            for w in warnings {
                app.notify(false, w);
            }
            let at = at.map(|a| js_sys::decode_uri_component(a).map_or(a.to_owned(), String::from));
            if let Some(v) = at.and_then(|a| Viewport::parse(ready.genome(), &a).ok()) {
                app.view.set(Some(v));
            }
        }
        Err(e) => app.notify(
            true,
            format!("The design in the link cannot be opened: {e}"),
        ),
    }
    clear_fragment();
    true
}

/// Opens a share link pasted into the address bar of an open page: the browser changes only the
/// fragment (no reload), so the link is applied on `hashchange` as well as at start-up.
fn open_links_on_hashchange(app: AppState, persist: Persist) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = gloo_events::EventListener::new(&window, "hashchange", move |_| {
        open_link(&app, persist);
    });
    let keep = StoredValue::new_local(Some(listener));
    on_cleanup(move || keep.set_value(None));
}

fn clear_fragment() {
    let Some(w) = web_sys::window() else { return };
    let loc = w.location();
    let url = format!(
        "{}{}",
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default()
    );
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
