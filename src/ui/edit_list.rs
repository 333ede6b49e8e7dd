//! The edit list: every edit with designation, reference and edited coordinates and length change;
//! select (the sequence view shows it, the map goes to it), disable/enable, remove; undo and redo
//! with buttons and Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y; the design's genotype string.
//!
//! The list is virtualised: only the rows in the scrolled window are in the DOM, so a design of
//! thousands of edits costs the same to update as one of ten.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::panel_dom::is_text_field;
use super::state::{AppState, use_app};
use super::virtual_rows::window;
use crate::core::coord::thousands;
use crate::core::edit::EditId;
use crate::core::genetics::nomenclature;
use crate::view::edit_rows::{EditRow, edit_rows, row_of, signed, spec_id_words, view_of_edit};

/// Row height in CSS pixels (`.edit-row` in panels.css has the same height): the name line, then
/// the reference and edited coordinates on a line each, so neither is cut short.
const ROW_PX: f64 = 68.0;
/// Height of the list's scroll box before it is first measured.
const VIEW_PX: f64 = 340.0;
/// The scroll box's least height (three rows), when the window has less room below its top (at
/// 1024×700 with a collapsed warnings box there are 222 px).
const MIN_PX: f64 = 3.0 * ROW_PX;
/// Room left under the scroll box at the window's bottom (CSS px).
const BOTTOM_PX: f64 = 16.0;
/// Rows rendered beyond the window each side.
const OVERSCAN: usize = 4;

fn undo(app: AppState) {
    if !app.undo() {
        app.notify(false, "Nothing to undo.");
    }
}

fn redo(app: AppState) {
    if !app.redo() {
        app.notify(false, "Nothing to redo.");
    }
}

/// Ctrl/Cmd-Z undoes, Ctrl/Cmd-Shift-Z and Ctrl/Cmd-Y redo; text fields keep their own undo.
pub fn undo_keys(app: AppState, ev: &web_sys::KeyboardEvent) {
    if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() || is_text_field(ev.target()) {
        return;
    }
    let key = ev.key().to_ascii_lowercase();
    if key == "z" && !ev.shift_key() {
        ev.prevent_default();
        undo(app);
    } else if (key == "z" && ev.shift_key()) || (key == "y" && !ev.shift_key()) {
        ev.prevent_default();
        redo(app);
    }
}

/// The edit list panel.
#[component]
pub fn EditList() -> impl IntoView {
    let app = use_app();
    // Every edit as a row, in id order (rows are found by binary search on the id).
    let rows = Memo::new(move |_| {
        app.genome.with(|g| {
            g.as_ref()
                .map(|r| app.design.with(|d| edit_rows(r.genome(), d)))
                .unwrap_or_default()
        })
    });
    let count = Memo::new(move |_| rows.with(Vec::len));
    let scroll_top = RwSignal::new(0.0_f64);
    let view_px = RwSignal::new(VIEW_PX);
    // Newest first: display index i is rows[n − 1 − i].
    let visible = Memo::new(move |_| {
        let range = window(
            scroll_top.get(),
            view_px.get(),
            ROW_PX,
            OVERSCAN,
            count.get(),
        );
        rows.with(|r| {
            let n = r.len();
            let ids: Vec<EditId> = range.clone().map(|i| r[n - 1 - i].id).collect();
            (range.start, ids)
        })
    });
    let genotype = Memo::new(move |_| {
        app.design
            .with(|d| nomenclature::format(&d.genotype_in_effect()))
    });
    // The design's biology warnings (`view::design_warnings`): an essential gene deleted, a
    // promoter swap reaching a neighbour, a selectable marker used twice (the lab cannot select
    // for the second), an N-terminal tag before a likely signal peptide.
    let warnings = Memo::new(move |_| {
        let essential = app.essential.get();
        let lifted = app.lifted.get();
        app.genome.with(|g| {
            g.as_ref().map_or_else(Vec::new, |r| {
                app.design.with(|d| {
                    crate::view::design_warnings::design_warnings(
                        r.genome(),
                        d,
                        &essential.0,
                        lifted.as_ref().map(|l| &*l.0),
                    )
                })
            })
        })
    });
    let net = Memo::new(move |_| {
        rows.with(|r| {
            r.iter()
                .filter(|x| x.enabled)
                .map(|x| x.length_change)
                .sum::<i64>()
        })
    });
    // An embedded element in view mode lists the design read-only.
    let can_edit = super::host::can_edit();
    let can_undo = move || app.history.with(|h| !h.past.is_empty());
    let can_redo = move || app.history.with(|h| !h.future.is_empty());

    // Keyboard: registered once, on the window for the whole page; an embedded element listens on
    // its own root instead (see `app::Editor`), so instances on one page do not share keys.
    if super::host::use_embedded().is_none() {
        let handle =
            window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
                undo_keys(app, &ev);
            });
        on_cleanup(move || handle.remove());
    }

    // The scroll box grows to the window's height below its top (the page at its top), four rows
    // at least: measured when shown, when the genotype above it changes and when the window is
    // resized. The virtual window follows.
    let scroll_ref = NodeRef::<leptos::html::Div>::new();
    let fit_px = RwSignal::new(VIEW_PX);
    let fit = move || {
        request_animation_frame(move || {
            let (Some(el), Some(w)) = (scroll_ref.get_untracked(), web_sys::window()) else {
                return;
            };
            if el.client_width() == 0 {
                return; // hidden (the other side tab)
            }
            let top = el.get_bounding_client_rect().top() + w.scroll_y().unwrap_or(0.0);
            let height = w
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
            let px = (height - top - BOTTOM_PX).max(MIN_PX).round();
            fit_px.set(px);
            view_px.set(px);
        });
    };
    let tabs = super::tabs::use_tabs();
    Effect::new(move |_| {
        tabs.side.track();
        genotype.track();
        warnings.track();
        fit();
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| fit());
    on_cleanup(move || resize.remove());

    let on_scroll = move |ev: leptos::ev::Event| {
        if let Some(el) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            scroll_top.set(f64::from(el.scroll_top()));
            view_px.set(f64::from(el.client_height()).max(ROW_PX));
        }
    };

    view! {
        <section class="panel edit-list" id="edit-list" aria-labelledby="edit-list-title" data-edits=move || count.get()>
            <div class="panel-head">
                <h2 id="edit-list-title">
                    "Edits "
                    <span class="count" id="edit-count" data-count=move || count.get()>{move || format!("({})", thousands(count.get() as u64))}</span>
                </h2>
                <Show when=move || can_edit.get()>
                    <div class="history-buttons">
                        <button id="edit-undo" on:click=move |_| undo(app) disabled=move || !can_undo()
                            title="Undo (Ctrl+Z)" aria-keyshortcuts="Control+Z">"Undo"</button>
                        <button id="edit-redo" on:click=move |_| redo(app) disabled=move || !can_redo()
                            title="Redo (Ctrl+Shift+Z or Ctrl+Y)" aria-keyshortcuts="Control+Shift+Z Control+Y">"Redo"</button>
                    </div>
                </Show>
            </div>
            <p class="genotype" id="genotype" aria-label="Genotype">
                {move || {
                    let g = genotype.get();
                    if g.is_empty() { "wild type (reference, no background)".to_owned() } else { g }
                }}
            </p>
            <button id="genotype-copy" class="small" disabled=move || genotype.with(String::is_empty)
                on:click=move |_| super::panel_dom::copy_text(app, genotype.get_untracked(), "the genotype".to_owned())>
                "Copy genotype"
            </button>
            {move || {
                let all = warnings.get();
                if all.is_empty() {
                    return ().into_any();
                }
                let line = |w: crate::view::design_warnings::DesignWarning| {
                    let class = class_of(&w);
                    view! { <p class=class><strong>{w.title}". "</strong>{w.message}</p> }
                };
                // Closed, every heading with its count, so the edit rows stay in reach (a
                // 4,000-gene design has hundreds of warnings) and no kind is hidden behind the
                // first; opened, every warning whole.
                let groups = crate::view::design_warnings::groups(&all);
                view! {
                    <details class="design-warnings" role="alert">
                        <summary class="warning small warning-groups">
                            {groups.into_iter().map(|g| view! {
                                <span class=if g.concern == crate::core::genetics::finding::Concern::Severe { "warning-group severe" } else { "warning-group" }>
                                    {g.label()}
                                </span>
                            }).collect_view()}
                        </summary>
                        {all.into_iter().map(line).collect_view()}
                    </details>
                }
                .into_any()
            }}
            <p class="muted small" id="edit-net">
                {move || if count.get() == 0 && !can_edit.get() {
                    "No edits: the reference genome as published.".to_owned()
                } else if count.get() == 0 {
                    "No edits yet: compose one, pick a background or paste a gene list.".to_owned()
                } else {
                    format!("Net length change of the enabled edits: {} bp. Newest first.", signed(net.get()))
                }}
            </p>
            <div class="edit-scroll" on:scroll=on_scroll tabindex="-1" node_ref=scroll_ref
                style:max-height=move || format!("{}px", fit_px.get())>
                <ol
                    class="edit-rows"
                    style:height=move || format!("{}px", count.get() as f64 * ROW_PX)
                    style:padding-top=move || format!("{}px", visible.with(|v| v.0) as f64 * ROW_PX)
                >
                    <For each=move || visible.get().1 key=|id| *id let(id)>
                        <EditRowView id rows can_edit />
                    </For>
                </ol>
            </div>
        </section>
    }
}

/// One edit. Its content follows the edit's row, so the row (and keyboard focus in it) survives
/// changes to other edits and to itself.
#[component]
fn EditRowView(id: EditId, rows: Memo<Vec<EditRow>>, can_edit: Signal<bool>) -> impl IntoView {
    let app = use_app();
    let row = Memo::new(move |_| rows.with(|r| row_of(r, id).cloned()));
    let selected = move || app.selected_edit.get() == Some(id);
    let select = move |_| {
        app.selected_edit.set(Some(id));
        let Some(ready) = app.genome.get_untracked() else {
            return;
        };
        if let Some(v) = app
            .design
            .with_untracked(|d| d.edit(id).map(|e| view_of_edit(ready.genome(), e)))
        {
            app.view.set(Some(v));
        }
    };
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        if let Err(e) = app.commit(|g, d| d.set_enabled(g, id, on)) {
            let name =
                row.with_untracked(|r| r.as_ref().map(|r| r.name.clone()).unwrap_or_default());
            app.notify(
                true,
                format!("Edit {id} ({name}) cannot be re-enabled: {e}"),
            );
            // The checkbox shows the design, which did not change.
            if let Some(input) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                input.set_checked(!on);
            }
        }
    };
    let remove = move |_| match app.commit(|_, d| d.remove(id).map(|_| ())) {
        Ok(()) => {
            if app.selected_edit.get_untracked() == Some(id) {
                app.selected_edit.set(None);
            }
        }
        Err(e) => app.notify(true, format!("Edit {id} could not be removed: {e}")),
    };
    let name = move || row.with(|r| r.as_ref().map(|r| r.name.clone()).unwrap_or_default());
    let check_id = format!("edit-enabled-{}", id.0);
    view! {
        <li
            class="edit-row"
            class:selected=selected
            class:disabled=move || row.with(|r| r.as_ref().is_some_and(|r| !r.enabled))
            data-edit-id=id.0
            data-name=name
        >
            <div class="edit-line">
                <input type="checkbox" id=check_id.clone() disabled=move || !can_edit.get()
                    prop:checked=move || row.with(|r| r.as_ref().is_some_and(|r| r.enabled))
                    on:change=toggle />
                <label for=check_id class="visually-hidden">{move || format!("Edit {id} enabled")}</label>
                <button class="edit-name" on:click=select aria-pressed=move || selected().to_string()
                    title=move || format!("Show edit {id} in the map and the sequence view")>
                    {name}
                </button>
                <span class="num delta" title="Length change (bp)">
                    {move || row.with(|r| r.as_ref().map(|r| signed(r.length_change)).unwrap_or_default())}
                </span>
                <button class="remove" hidden=move || !can_edit.get() on:click=remove aria-label=move || format!("Remove edit {id} ({})", name())>"×"</button>
            </div>
            <div class="edit-coords small">
                <span class="mono ref" title=format!("Edit {id} is {} in the spec, the edits JSON and the report", spec_id_words(id))>{move || row.with(|r| r.as_ref().map(|r| format!("{id} {}", r.reference)).unwrap_or_default())}</span>
                <span class="mono edited">
                    {move || row.with(|r| r.as_ref().map(|r| match &r.edited {
                        Some(e) => format!("→ {e}"),
                        None => "→ disabled".to_owned(),
                    }).unwrap_or_default())}
                </span>
            </div>
        </li>
    }
}

/// The classes of a design warning's line (`marker-reused` for a selectable marker used twice).
fn class_of(w: &crate::view::design_warnings::DesignWarning) -> &'static str {
    use crate::core::genetics::finding::{Concern, FindingKind};
    match (w.kind, w.concern) {
        (FindingKind::MarkerReused, _) => "warning small marker-reused",
        (_, Concern::Severe) => "warning small design-warning severe",
        _ => "warning small design-warning",
    }
}
