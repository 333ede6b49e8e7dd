//! The strain background picker and the gene-list paster.

use leptos::prelude::*;

/// Pick a strain background by name.
#[component]
pub fn StrainPicker() -> impl IntoView {
    view! { <section class="panel strain" id="strain" aria-label="Strain background"></section> }
}

/// Paste a gene list: resolve it, then delete all or set the gene set.
#[component]
pub fn GeneListPanel() -> impl IntoView {
    view! { <section class="panel gene-list" id="gene-list" aria-label="Gene list"></section> }
}
