//! How the app is hosted: the whole page (the `genoforge-web` binary) or an embedded
//! `<genoforge-editor>` element ([`Embedded`], provided as context by the embed's shell).
//!
//! Components ask [`can_edit`] whether composing, editing keys, file drops and storage are on, and
//! [`use_embedded`] whether page-wide things (window listeners, the URL) are theirs to use.

use leptos::prelude::*;

/// What an embedded element lets its reader do.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// The map, search, coordinates, sequence view and downloads; no composing or editing.
    #[default]
    View,
    /// The full editor inside the element.
    Edit,
}

impl Mode {
    /// Reads the `mode` attribute's value (`view` or `edit`).
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "view" => Some(Self::View),
            "edit" => Some(Self::Edit),
            _ => None,
        }
    }
}

/// The context an embedded instance provides: its mode (changeable after mount) and where its
/// assets are.
#[derive(Copy, Clone, Debug)]
pub struct Embedded {
    /// View or edit.
    pub mode: RwSignal<Mode>,
    /// The URL the shipped files (`public/…`) are resolved against, ending in `/`.
    pub asset_base: StoredValue<String>,
}

/// The embedding context, if this instance is an embedded element.
pub fn use_embedded() -> Option<Embedded> {
    use_context::<Embedded>()
}

/// Whether editing is on: always for the whole-page app, in `edit` mode for an embedded element.
pub fn can_edit() -> Signal<bool> {
    match use_embedded() {
        None => Signal::stored(true),
        Some(e) => Signal::derive(move || e.mode.get() == Mode::Edit),
    }
}

/// The prefix of the shipped files' paths: empty for the page (they are beside it), the asset base
/// for an embedded element.
pub fn asset_base() -> String {
    use_embedded().map_or_else(String::new, |e| e.asset_base.get_value())
}

/// The whole page's own panels, which an embedded element does not carry: the Datasets tab (its
/// worker, IndexedDB, imports) and the design library (over the page's local storage). The app
/// provides them as context; the [`Editor`](super::app::Editor) shows what it is given. Reaching
/// them only through these function pointers keeps their code out of the embed's wasm (0.23 MB
/// gzipped, see README "Download size").
#[derive(Copy, Clone, Debug)]
pub struct PagePanels {
    /// The Datasets tab's body.
    pub datasets: fn() -> AnyView,
    /// The header's design library.
    pub library: fn() -> AnyView,
}

/// The page's own panels, if this instance is the whole-page app.
pub fn use_page_panels() -> Option<PagePanels> {
    use_context::<PagePanels>()
}
