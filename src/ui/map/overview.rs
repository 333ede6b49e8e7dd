//! The overview: every contig as a bar to scale, with marks where the design has edits and the
//! current window outlined. A contig's name shows all of it; a click on its bar goes there.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::MapState;
use crate::core::coord::thousands;
use crate::view::map::overview::{OverviewContig, contigs, jump, window};
use crate::view::viewport::Viewport;

/// Height of the longest contig's bar (px).
const BAR_PX: f64 = 96.0;

fn pct(f: f64) -> String {
    format!("{:.3}%", f * 100.0)
}

/// All contigs to scale.
#[component]
pub(super) fn Overview(map: MapState) -> impl IntoView {
    let app = map.app;
    let all = Memo::new(move |_| {
        let ready = app.genome.get()?;
        Some(app.design.with(|d| contigs(ready.genome(), d, BAR_PX)))
    });
    view! {
        <nav class="overview" aria-label="Chromosomes" id="map-overview">
            {move || {
                all.get()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|c| contig_view(map, c))
                    .collect_view()
            }}
        </nav>
    }
}

fn contig_view(map: MapState, c: OverviewContig) -> impl IntoView {
    let app = map.app;
    let id = c.contig;
    let current = move || app.view.with(|v| v.is_some_and(|v| v.contig == id));
    let shown = move || {
        let v = app.view.get().filter(|v| v.contig == id)?;
        app.genome
            .with_untracked(|g| g.as_ref().map(|r| window(r.genome(), &v)))
    };
    let whole = move |_| {
        if let Some(r) = app.genome.get_untracked() {
            app.view.set(Some(Viewport::whole(r.genome(), id)));
        }
    };
    let go = move |ev: web_sys::MouseEvent| {
        let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let rect = el.get_bounding_client_rect();
        let fraction = (f64::from(ev.client_y()) - rect.top()) / rect.height().max(1.0);
        if let Some(r) = app.genome.get_untracked() {
            let next = jump(r.genome(), id, fraction, app.view.get_untracked().as_ref());
            app.view.set(Some(next));
        }
    };
    let edits = match c.edits {
        0 => String::new(),
        1 => ", 1 edit".to_owned(),
        n => format!(", {n} edits"),
    };
    let marks = c
        .marks
        .iter()
        .map(|&(a, b)| view! { <span class="ov-mark" style:top=pct(a) style:height=pct(b - a)></span> })
        .collect_view();
    view! {
        <div class="ov-contig" class:current=current data-contig=c.name.clone()>
            <button
                type="button"
                class="ov-name"
                aria-label=format!("Show all of {} ({} bp{edits})", c.name, thousands(c.length))
                aria-current=move || current().then_some("true")
                on:click=whole
            >
                {c.name.clone()}
            </button>
            <div
                class="ov-bar"
                style:height=format!("{:.1}px", c.scale * BAR_PX)
                title=format!("{}: click to go to a position", c.name)
                on:click=go
            >
                {marks}
                <span
                    class="ov-window"
                    style:display=move || if shown().is_some() { "block" } else { "none" }
                    style:top=move || shown().map(|(a, _)| pct(a))
                    style:height=move || shown().map(|(a, b)| pct(b - a))
                ></span>
            </div>
        </div>
    }
}
