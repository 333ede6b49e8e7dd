//! Where designs are kept: the storage keys per reference fingerprint, reading and writing the
//! library's index and each design (an unreadable value is set aside, never dropped), and the
//! spec text a design is stored as.

use leptos::prelude::*;

use crate::core::design::Design;
use crate::core::spec::export;
use crate::io::packed::pack;
use crate::io::spec_json::{self, reference_fingerprint, restore_packed};
use crate::ui::state::AppState;
use crate::view::library::DesignLibrary;
use crate::view::viewport::Viewport;

const DESIGN_KEY: &str = "genoforge.design.v1";
pub(super) const LIBRARY_KEY: &str = "genoforge.library.v1";
pub(super) const SESSION_KEY: &str = "genoforge.session.v1";

pub(super) fn local() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

pub(super) fn session() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten())
}

/// Now, as the browser says it (RFC 3339).
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// The keys of the loaded reference: (fingerprint).
pub(super) fn fingerprint(app: &AppState) -> Option<String> {
    let reference = app.reference_spec()?;
    Some(reference_fingerprint(&reference))
}

pub(super) fn design_key(fp: &str, id: &str) -> String {
    format!("{DESIGN_KEY}:{fp}:{id}")
}

/// The design's spec JSON.
pub(super) fn spec_text(app: &AppState, design: &Design) -> Option<String> {
    let ready = app.genome.get_untracked()?;
    let reference = app.reference_spec()?;
    let spec = export(
        ready.genome(),
        design,
        &reference,
        &now_iso(),
        &app.essential.get_untracked().0,
    );
    Some(spec_json::to_string(&spec))
}

/// The current design carrying the name the user gave it in the library (`name`, else the
/// design's own): what a share link and a download write, so either opens under that name.
pub fn named_design(app: &AppState, name: Option<&str>) -> crate::core::design::Design {
    let mut d = app.design.get_untracked();
    if let Some(n) = name {
        d.genotype_mut().name = Some(n.to_owned());
    }
    d
}

/// The design packed as a spec, as small as possible (for links), under its library name
/// ([`named_design`]).
pub fn packed_design(app: &AppState, name: Option<&str>) -> Option<String> {
    spec_text(app, &named_design(app, name)).map(|t| pack(t.as_bytes()))
}

/// Reads the library index from local storage (an unreadable one is set aside and reported).
pub(super) fn read_library(app: &AppState, fp: &str) -> DesignLibrary {
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

pub(super) fn write_library(app: &AppState, fp: &str, library: &DesignLibrary) -> bool {
    let key = format!("{LIBRARY_KEY}:{fp}");
    let ok = local().is_some_and(|s| s.set_item(&key, &library.to_json()).is_ok());
    if !ok {
        storage_full(app);
    }
    ok
}

pub(super) fn storage_full(app: &AppState) {
    app.notify(
        true,
        "The design could not be saved in this browser's storage (it is full); download the spec to keep it.",
    );
}

/// Keeps an unreadable stored value under another key, so nothing is lost.
pub(super) fn set_aside(key: &str, value: &str) -> String {
    let aside = format!("{key}.unreadable-{}", now_iso());
    if let Some(s) = local() {
        let _ = s.set_item(&aside, value);
        let _ = s.remove_item(key);
    }
    aside
}

/// The stored design of an entry (an empty design when none is stored); one that cannot be
/// read is set aside and the error says where.
pub(super) fn read_design(app: &AppState, fp: &str, id: &str) -> Result<Design, String> {
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

/// Adopts the single saved design of earlier versions as an entry of the library.
pub(super) fn adopt_legacy(app: &AppState, fp: &str, library: &mut DesignLibrary) {
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
