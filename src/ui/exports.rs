//! Exports (downloads) and imports of specs.

use leptos::prelude::*;

/// The export menu.
#[component]
pub fn ExportMenu() -> impl IntoView {
    view! { <div class="exports" id="exports"></div> }
}
