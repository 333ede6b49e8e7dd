//! The sequence view: edited bases around a junction or region, inserted bases highlighted, the
//! reference alongside; copy to clipboard.

use leptos::prelude::*;

/// The sequence view.
#[component]
pub fn SequenceView() -> impl IntoView {
    view! { <section class="panel sequence-view" id="sequence-view" aria-label="Sequence"></section> }
}
