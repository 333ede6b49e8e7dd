//! The genome map: an overview of all contigs to scale and a linear track of the current window.

use leptos::prelude::*;

/// The map area: overview, locus box, zoom controls, axis and gene track.
#[component]
pub fn GenomeMap() -> impl IntoView {
    view! { <div class="map" id="genome-map"></div> }
}
