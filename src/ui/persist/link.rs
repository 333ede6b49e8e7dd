//! Share links: the design packed into the URL's fragment with the map's window and, when the
//! axis shows edited coordinates, that choice (`#design=…&at=II:10001-30000&axis=edited`: the
//! window is always given in reference coordinates, as the map keeps it), opened at start-up and
//! on `hashchange` as a new, unsaved design.

use leptos::prelude::*;

use super::context::Persist;
use super::save::save_now;
use super::store::{packed_design, window_locus};
use crate::io::spec_json::restore_packed;
use crate::ui::state::AppState;
use crate::view::viewport::Viewport;

const FRAGMENT: &str = "#design=";
/// Separates the map's window from the design in a share link: `#design=…&at=II:10001-30000`.
const AT: &str = "&at=";
/// Ends a share link whose map showed edited coordinates.
const EDITED_AXIS: &str = "&axis=edited";

/// A link that reproduces the design (under the name it has here) and the map's window: on this page, or — given `page`, an
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
    let axis = if app.axis.get_untracked() == crate::ui::state::Axis::Edited {
        EDITED_AXIS
    } else {
        ""
    };
    let given = super::context::given_name();
    Some(format!(
        "{base}{FRAGMENT}{}{at}{axis}",
        packed_design(app, given.as_deref())?
    ))
}

/// Opens the design a share link carries (`#design=…`, optionally `&at=<window>`) as a new,
/// unsaved design, if the URL carries one and a genome is loaded; then clears the fragment.
/// Returns whether there was a link.
pub(super) fn open_link(app: &AppState, persist: Persist) -> bool {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let Some(rest) = hash.strip_prefix(FRAGMENT) else {
        return false;
    };
    let (rest, edited_axis) = match rest.strip_suffix(EDITED_AXIS) {
        Some(r) => (r, true),
        None => (rest, false),
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
            if persist.pending() {
                save_now(app, persist);
            }
            persist.current.set(None);
            persist.conflict.set(false);
            let name = design.genotype().name.clone();
            app.replace_design(design, false);
            app.notify(
                false,
                match name {
                    Some(n) => format!("Opened the design “{n}” from the link."),
                    None => "Opened the design from the link.".to_owned(),
                },
            );
            for w in warnings {
                app.notify(false, w);
            }
            let at = at.map(|a| js_sys::decode_uri_component(a).map_or(a.to_owned(), String::from));
            if let Some(v) = at.and_then(|a| Viewport::parse(ready.genome(), &a).ok()) {
                app.view.set(Some(v));
            }
            app.axis.set(if edited_axis {
                crate::ui::state::Axis::Edited
            } else {
                crate::ui::state::Axis::Reference
            });
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
pub(super) fn open_links_on_hashchange(app: AppState, persist: Persist) {
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
