//! The overview: every contig as a bar to scale, with marks where the design has edits and the
//! current window outlined. A contig's name shows all of it; a click on its bar goes there. A name
//! is shown whole or not at all: one its column is too narrow for ("III" at a phone's width) is
//! left out rather than cut into another name ("I"); it stays in the tooltip and the accessible
//! name.

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
    let nav = NodeRef::<leptos::html::Nav>::new();
    // Whenever the contigs, the column widths (the track's width follows the same column) or the
    // current contig (its name is bold) change: measured after the browser laid them out.
    Effect::new(move |_| {
        all.track();
        map.width.track();
        app.view.with(|v| v.map(|v| v.contig));
        leptos::task::spawn_local(async move {
            crate::ui::browser::next_frame().await;
            if let Some(nav) = nav.get_untracked() {
                leave_out_cut_names(&nav);
            }
        });
    });
    view! {
        <nav class="overview" aria-label="Chromosomes" id="map-overview" node_ref=nav>
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

/// Marks each contig name wider than its button `data-left-out` (the stylesheet hides it): a
/// name shows whole or not at all. Hiding keeps the text's width, so a wider column shows it again.
fn leave_out_cut_names(nav: &web_sys::HtmlElement) {
    let Ok(names) = nav.query_selector_all(".ov-name") else {
        return;
    };
    for i in 0..names.length() {
        let Some(el) = names
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let _ = if el.scroll_width() > el.client_width() {
            el.set_attribute("data-left-out", "")
        } else {
            el.remove_attribute("data-left-out")
        };
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
                title=c.name.clone()
                aria-current=move || current().then_some("true")
                on:click=whole
            >
                <span class="ov-label">{c.name.clone()}</span>
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
