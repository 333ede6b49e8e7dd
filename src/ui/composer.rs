//! The composer: acts on the selected gene (delete, replace, insert) with a preview before confirming.

use leptos::prelude::*;

/// The composer panel.
#[component]
pub fn Composer() -> impl IntoView {
    view! { <section class="panel composer" id="composer" aria-label="Compose an edit"></section> }
}
