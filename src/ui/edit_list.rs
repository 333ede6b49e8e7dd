//! The edit list: every edit with designation, coordinates and length change; remove, disable,
//! undo and redo.

use leptos::prelude::*;

/// The edit list panel.
#[component]
pub fn EditList() -> impl IntoView {
    view! { <section class="panel edit-list" id="edit-list" aria-label="Edits"></section> }
}
