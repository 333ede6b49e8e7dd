//! Live coordinates: the features in view with reference and edited coordinates and status, and
//! a position box that lifts any coordinate both ways.

use leptos::prelude::*;

/// The coordinate table.
#[component]
pub fn CoordinatesTable() -> impl IntoView {
    view! { <section class="panel coords" id="coordinates" aria-label="Coordinates"></section> }
}
