//! Autosave and share links. The design (never the genome) is saved to local storage on every
//! change, packed (`io::packed`), under a key per reference; it is restored when that genome
//! loads. A design in the URL fragment (`#design=…`, a share link) wins over the saved one.

use leptos::prelude::*;

use crate::core::spec::export;
use crate::ui::state::AppState;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::io::packed::{pack, pack_fast};
use crate::io::spec_json::{self, reference_fingerprint, restore_packed};

const KEY: &str = "genoforge.design.v1";
const FRAGMENT: &str = "#design=";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Now, as the browser says it (RFC 3339).
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

fn key(app: &AppState) -> Option<String> {
    let reference = app.reference_spec()?;
    Some(format!("{KEY}:{}", reference_fingerprint(&reference)))
}

/// The design's spec JSON.
fn spec_text(app: &AppState) -> Option<String> {
    let ready = app.genome.get_untracked()?;
    let reference = app.reference_spec()?;
    let spec = app
        .design
        .with_untracked(|d| export(ready.genome(), d, &reference, &now_iso()));
    Some(spec_json::to_string(&spec))
}

/// The design packed as a spec, as small as possible (for links).
pub fn packed_design(app: &AppState) -> Option<String> {
    spec_text(app).map(|t| pack(t.as_bytes()))
}

/// The latest requested save; older pending saves are skipped.
static SAVE_GENERATION: AtomicU64 = AtomicU64::new(0);
/// The latest save written.
static SAVED_GENERATION: AtomicU64 = AtomicU64::new(0);

/// Saves the design after the browser has painted the change, coalescing quick successions of
/// changes into one save: an edit is shown first, and saving a large design never delays it.
pub fn autosave(app: &AppState) {
    let generation = SAVE_GENERATION.fetch_add(1, Ordering::SeqCst) + 1;
    let app = *app;
    leptos::task::spawn_local(async move {
        super::browser::next_frame().await;
        if SAVE_GENERATION.load(Ordering::SeqCst) == generation {
            save_now(&app);
            SAVED_GENERATION.store(generation, Ordering::SeqCst);
        }
    });
}

/// Saves the design after every change from now on (see [`autosave`]).
pub fn install(app: AppState) {
    app.on_change.set_value(Some(autosave));
}

/// Writes a pending save when the page is hidden or closed, so a change made just before leaving
/// is not lost. Installed once by the app.
pub fn flush_on_hide(app: AppState) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let Some(window) = web_sys::window() else {
        return;
    };
    let handler = Closure::<dyn Fn()>::new(move || {
        let pending = SAVE_GENERATION.load(Ordering::SeqCst);
        if pending != SAVED_GENERATION.load(Ordering::SeqCst) {
            save_now(&app);
            SAVED_GENERATION.store(pending, Ordering::SeqCst);
        }
    });
    let _ = window.add_event_listener_with_callback("pagehide", handler.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    handler.forget();
}

/// Saves the design now (or forgets it when empty). A full storage is reported, not fatal.
pub fn save_now(app: &AppState) {
    let (Some(store), Some(key)) = (storage(), key(app)) else {
        return;
    };
    if app.design.with_untracked(|d| d.is_blank()) {
        let _ = store.remove_item(&key);
        return;
    }
    let Some(packed) = spec_text(app).map(|t| pack_fast(t.as_bytes())) else {
        return;
    };
    if store.set_item(&key, &packed).is_err() {
        app.notify(
            true,
            "The design could not be saved in this browser's storage (it is full); download the spec to keep it.",
        );
    }
}

/// A link that reproduces the design.
pub fn share_link(app: &AppState) -> Option<String> {
    let location = web_sys::window()?.location();
    let base = format!(
        "{}{}{}",
        location.origin().ok()?,
        location.pathname().ok()?,
        location.search().ok()?
    );
    Some(format!("{base}{FRAGMENT}{}", packed_design(app)?))
}

/// Restores the design after a genome loaded: from the URL fragment if it carries one, else from
/// local storage. A saved design that cannot be restored is moved aside (kept under another key),
/// reported, and the app starts clean.
pub fn restore(app: &AppState) {
    let Some(ready) = app.genome.get_untracked() else {
        return;
    };
    let Some(reference) = app.reference_spec() else {
        return;
    };
    let genome = ready.genome();
    if open_link(app) {
        return;
    }
    let (Some(store), Some(key)) = (storage(), key(app)) else {
        return;
    };
    let Ok(Some(saved)) = store.get_item(&key) else {
        return;
    };
    match restore_packed(genome, &reference, &saved) {
        Ok((design, warnings)) => {
            for w in warnings {
                app.notify(false, w);
            }
            let n = design.edits().len();
            app.design.set(design);
            if n > 0 {
                app.notify(false, format!("Restored your saved design ({n} edit(s))."));
            }
        }
        Err(e) => {
            let aside = format!("{key}.unreadable-{}", now_iso());
            let _ = store.set_item(&aside, &saved);
            let _ = store.remove_item(&key);
            app.notify(
                true,
                format!("Your saved design could not be restored ({e}). It was set aside in local storage as “{aside}”; starting with an empty design."),
            );
        }
    }
}

/// Opens the design a share link carries (`#design=…` in the URL fragment), if it carries one and a
/// genome is loaded; then clears the fragment. Returns whether there was a link.
fn open_link(app: &AppState) -> bool {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let Some(packed) = hash.strip_prefix(FRAGMENT) else {
        return false;
    };
    let (Some(ready), Some(reference)) = (app.genome.get_untracked(), app.reference_spec()) else {
        return false;
    };
    match restore_packed(ready.genome(), &reference, packed) {
        Ok((design, warnings)) => {
            for w in warnings {
                app.notify(false, w);
            }
            app.replace_design(design, false);
            app.notify(false, "Opened the design from the link.");
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
pub fn open_links_on_hashchange(app: AppState) {
    let Some(window) = web_sys::window() else {
        return;
    };
    gloo_events::EventListener::new(&window, "hashchange", move |_| {
        open_link(&app);
    })
    .forget();
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
