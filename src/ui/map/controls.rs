//! The map's controls (locus box, zoom and pan buttons, axis coordinates, the window shown) and
//! its legend.

use leptos::prelude::*;

use super::{MapState, PAN_STEP, ZOOM_STEP};
use crate::ui::state::Axis;
use crate::view::map::axis::length_words;
use crate::view::map::edited_window::{edited_window, go_to};
use crate::view::map::insert_shape::InsertKind;
use crate::view::track::{GeneClass, classes_present};
use crate::view::viewport::Viewport;

/// Locus box, buttons, axis toggle and the window label.
#[component]
pub(super) fn Controls(map: MapState) -> impl IntoView {
    let app = map.app;
    // What the user is typing; while not typing, the box shows the window.
    let text = RwSignal::new(String::new());
    let editing = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    // The window in the axis' coordinates: the edited genome's when the axis shows them, so that
    // the box, the label and the ruler agree.
    let window_label = Memo::new(move |_| {
        let v = app.view.get()?;
        let edited = app.axis.get() == Axis::Edited;
        app.genome.with(|g| {
            g.as_ref().map(|r| {
                if edited {
                    app.design
                        .with(|d| edited_window(r.genome(), d, &v).label(r.genome()))
                } else {
                    v.label(r.genome())
                }
            })
        })
    });
    let window_width = move || app.view.get().map(|v| length_words(v.width()));
    let go = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let Some(ready) = app.genome.get_untracked() else {
            return;
        };
        let typed = if editing.get_untracked() {
            text.get_untracked()
        } else {
            window_label.get_untracked().unwrap_or_default()
        };
        let g = ready.genome();
        // A region typed in the axis' coordinates; one past the sequence's end is moved inside,
        // and said.
        let edited = app.axis.get_untracked() == Axis::Edited;
        match app.design.with_untracked(|d| go_to(g, d, &typed, edited)) {
            Ok((v, past)) => {
                app.view.set(Some(v));
                error.set(None);
                editing.set(false);
                if let Some(said) = past {
                    app.notify(false, said);
                }
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let axis_button = move |axis: Axis, id: &'static str, words: &'static str| {
        view! {
            <button
                type="button"
                id=id
                aria-pressed=move || (app.axis.get() == axis).to_string()
                on:click=move |_| app.axis.set(axis)
            >
                {words}
            </button>
        }
    };
    view! {
        <div class="map-controls">
            <form class="locus-form" on:submit=go>
                <label for="locus-input">"Go to"</label>
                <input
                    id="locus-input"
                    type="text"
                    spellcheck="false"
                    autocomplete="off"
                    placeholder="IV:100,000-120,000 or TFC3"
                    aria-describedby="locus-error"
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    prop:value=move || {
                        if editing.get() { text.get() } else { window_label.get().unwrap_or_default() }
                    }
                    on:input=move |ev| {
                        text.set(event_target_value(&ev));
                        editing.set(true);
                    }
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Escape" {
                            editing.set(false);
                            error.set(None);
                        }
                    }
                />
                <button type="submit">"Go"</button>
            </form>
            <div class="view-buttons" role="group" aria-label="Move the window">
                <button
                    type="button"
                    id="pan-left"
                    aria-label="Pan left"
                    title="Pan left (←)"
                    on:click=move |_| map.pan_by(-PAN_STEP)
                >
                    "◀"
                </button>
                <button
                    type="button"
                    id="zoom-out"
                    aria-label="Zoom out"
                    title="Zoom out (−)"
                    on:click=move |_| map.zoom(1.0 / ZOOM_STEP, 0.5)
                >
                    "−"
                </button>
                <button
                    type="button"
                    id="zoom-in"
                    aria-label="Zoom in"
                    title="Zoom in (+)"
                    on:click=move |_| map.zoom(ZOOM_STEP, 0.5)
                >
                    "+"
                </button>
                <button
                    type="button"
                    id="pan-right"
                    aria-label="Pan right"
                    title="Pan right (→)"
                    on:click=move |_| map.pan_by(PAN_STEP)
                >
                    "▶"
                </button>
                <button
                    type="button"
                    id="zoom-whole"
                    title="Show the whole sequence"
                    on:click=move |_| map.change_view(|g, v| Viewport::whole(g, v.contig))
                >
                    "Whole"
                </button>
            </div>
            <div class="axis-toggle" role="group" aria-label="Axis coordinates">
                {axis_button(Axis::Reference, "axis-reference", "Reference")}
                {axis_button(Axis::Edited, "axis-edited", "Edited")}
            </div>
            <p class="map-window">
                <span id="map-window">{move || window_label.get()}</span>
                " "
                <span class="map-window-width">{window_width}</span>
            </p>
        </div>
        <p id="locus-error" class="locus-error" role="alert">
            {move || error.get()}
        </p>
    }
}

/// What the colours and marks mean (the gene classes this genome has; the marks of the axis
/// shown), and how to move.
#[component]
pub(super) fn Legend() -> impl IntoView {
    let app = crate::ui::state::use_app();
    let classes = Memo::new(move |_| {
        app.genome.with(|g| {
            g.as_ref()
                .map(|r| classes_present(r.genome()))
                .unwrap_or_default()
        })
    });
    let edited = move || app.axis.get() == Axis::Edited;
    view! {
        <div class="map-legend">
            <ul aria-label="Gene colours">
                {move || classes.get().into_iter().map(|c: GeneClass| view! {
                    <li>
                        <span class=format!("swatch gene-swatch {}", c.css()) aria-hidden="true"></span>
                        {c.label()}
                    </li>
                }).collect_view()}
            </ul>
            <Show when=edited>
                <ul aria-label="Edited genome">
                    <li><span class="swatch insert-swatch whole" aria-hidden="true"></span>"inserted sequence"</li>
                    <li><span class="swatch insert-swatch substitution" aria-hidden="true"></span>"substituted bases (in place)"</li>
                    {InsertKind::PARTS.into_iter().map(|k| view! {
                        <li><span class=format!("swatch insert-swatch {}", k.css()) aria-hidden="true"></span>{k.label()}</li>
                    }).collect_view()}
                    <li><span class="swatch junction-swatch" aria-hidden="true"></span>"junction (bases deleted)"</li>
                </ul>
            </Show>
            <ul aria-label="Edits" hidden=edited>
                <li>
                    <span class="swatch band-swatch deletion" aria-hidden="true"></span>
                    "deleted"
                </li>
                <li>
                    <span class="swatch band-swatch replacement" aria-hidden="true"></span>
                    "replaced"
                </li>
                <li>
                    <span class="swatch ins-swatch" aria-hidden="true"></span>
                    "inserted"
                </li>
                <li>
                    <span class="swatch affected-swatch" aria-hidden="true"></span>
                    "gene trimmed or disrupted"
                </li>
                <li>
                    <span class="swatch gone-swatch" aria-hidden="true"></span>
                    "gene dropped"
                </li>
            </ul>
            <p id="track-help" class="map-help">
                "Track: drag or ← → to pan, wheel or + − to zoom; ↓ ↑ step through its genes and inserts, Enter selects one; shift-drag selects a region (to delete it or view it)."
            </p>
        </div>
    }
}
