//! The linear track: axis, edits and genes of the window as SVG, and the input that moves it
//! (wheel, drag, keys) or selects a gene (click, Enter).
//!
//! Shapes are drawn in the frame of the current scale and translated by the window's offset, so a
//! pan frame moves one `<g>` and adds or removes only the tiles entering or leaving view. During a
//! wheel gesture the drawing is kept and stretched (`Scale::stretch`), and redrawn at the new zoom
//! when the wheel rests; buttons and keys redraw at once. Clicks and keys are handled once on the track and routed by the target's `data-gene`.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::axis::AxisView;
use super::dims::{ARROW_H, AXIS_H, BOTTOM_PAD, LANE_H, ROW_H, row_y};
use super::markup;
use super::resize::observe_width;
use super::{Drawn, MapState, PAN_STEP, ZOOM_STEP};
use crate::ui::state::Axis;
use crate::view::map::scale::{wheel_pixels, wheel_zoom};
use crate::view::map::scene::EditItem;
use crate::view::viewport::Viewport;

/// A click or the pointer this close (px) to a gene drawn with others means that gene.
const HIT_SLOP_PX: f64 = 3.0;
/// A pointer must move this far (px) before a press becomes a drag.
const DRAG_THRESHOLD_PX: f64 = 4.0;

/// A coordinate for an SVG attribute.
fn px(v: f64) -> String {
    format!("{v:.1}")
}

/// A press that may become a drag.
#[derive(Copy, Clone, Debug)]
struct Drag {
    pointer: i32,
    x: f64,
    start: Viewport,
    /// Bases per pixel of the drawing when the press began.
    bases_per_px: f64,
    moved: bool,
}

/// What is under the pointer or chosen: a gene item or an inserted item of the scenes.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Target {
    /// Index into the gene scene.
    Gene(usize),
    /// Index into the insert scene.
    Insert(usize),
}

/// The track of the current window.
#[component]
pub(super) fn Track(map: MapState) -> impl IntoView {
    let app = map.app;
    let node = NodeRef::<Div>::new();
    observe_width(node, map.width);
    let drag = StoredValue::new(None::<Drag>);
    // Set when a drag ends: the click that follows it is not a click on a gene.
    let dragged = StoredValue::new(false);
    let dragging = RwSignal::new(false);
    // What is under the pointer: (scene id, item, x, y in the track's box).
    let hover = RwSignal::new(None::<(u64, Target, f64, f64)>);

    let height = Memo::new(move |_| {
        let rows = map.genes.with(|g| g.as_ref().map_or(1, |g| g.scene.rows));
        AXIS_H + LANE_H + ROW_H * f64::from(rows) + BOTTOM_PAD
    });
    // The drawing's stretch and offset: (1, offset) except during a wheel gesture.
    let stretch = Memo::new(move |_| match (map.scale.get(), map.window.get()) {
        (Some(s), Some(v)) => s.stretch(&v, map.width.get()),
        _ => (1.0, 0.0),
    });
    // The drawing's x range on screen, with a quarter window either side.
    let in_view_px = move || {
        let ((k, off), w) = (stretch.get(), map.width.get());
        let k = if k > 0.0 { k } else { 1.0 };
        (off - w / 4.0 / k, off + 1.25 * w / k)
    };
    // Tiles of shapes within a quarter window either side: small pans change nothing at all,
    // larger ones add or remove whole tiles; a zoom (a new scene) redraws the tiles in view.
    let gene_tiles = Memo::new(move |_| {
        let drawn = map.genes.get()?;
        let (lo, hi) = in_view_px();
        let tiles = drawn.scene.tiles_in_range(lo, hi);
        Some((drawn, tiles))
    });
    let edit_tiles = Memo::new(move |_| {
        let drawn = map.edits.get()?;
        let (lo, hi) = in_view_px();
        let tiles = drawn.scene.tiles_in_range(lo, hi);
        Some((drawn, tiles))
    });
    let selected_box = Memo::new(move |_| {
        if let Some(what) = app.selected_insert.get() {
            return map.inserts.with(|s| {
                s.as_ref()?
                    .scene
                    .find(what)
                    .map(|it| (it.x0, it.x1.max(it.x0 + 1.0), it.row))
            });
        }
        let sel = app.selected.get()?;
        map.genes.with(|g| {
            g.as_ref()?
                .scene
                .find(sel)
                .map(|it| (it.x0, it.x1.max(it.x0 + 1.0), it.row))
        })
    });
    // Inserted shapes in view, in edited coordinates.
    let insert_markup = Memo::new(move |_| {
        let drawn = map.inserts.get()?;
        let (lo, hi) = in_view_px();
        let idx = drawn.scene.in_range(lo, hi);
        Some(markup::inserts(&drawn.scene, &idx, lo, hi))
    });
    let view_attr = move |f: fn(&Viewport) -> u64| move || app.view.get().map(|v| f(&v));
    let label = move || {
        let v = app.view.get()?;
        app.genome.with(|g| g.as_ref().map(|r| v.label(r.genome())))
    };

    // ---- input -------------------------------------------------------------------------------
    // An inserted shape chosen: selected like a gene (a cluster zooms in).
    let activate_insert = move |k: usize| -> bool {
        let Some((what, merged)) = map.inserts.with_untracked(|s| {
            s.as_ref()
                .and_then(|s| s.scene.items.get(k))
                .map(|it| (it.what, it.is_merged()))
        }) else {
            return false;
        };
        if merged {
            map.zoom(4.0, 0.5);
        } else {
            app.selected.set(None);
            app.selected_insert.set(Some(what));
        }
        true
    };
    // A gene (or cluster of tiny genes) chosen by click or key: a cluster zooms to its genes, a
    // gene is selected.
    let activate_item = move |k: usize| -> bool {
        let Some((gene, merged, span)) = map.genes.with_untracked(|g| {
            g.as_ref()
                .and_then(|g| g.scene.items.get(k))
                .map(|it| (it.gene, it.is_merged(), it.span))
        }) else {
            return false;
        };
        if merged {
            let pad = (span.len() / 10).max(200) as i128;
            map.change_view(|g, v| {
                Viewport::clamped(
                    g,
                    v.contig,
                    span.start().get() as i128 - pad,
                    span.end().get() as i128 + pad,
                )
            });
        } else {
            app.selected_insert.set(None);
            app.selected.set(Some(gene));
        }
        true
    };
    let activate_target = move |t: Target| match t {
        Target::Gene(k) => activate_item(k),
        Target::Insert(k) => activate_insert(k),
    };
    // The item a labelled gene's or inserted shape's element stands for.
    let item_of = |target: Option<web_sys::EventTarget>| -> Option<Target> {
        let el = target
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())?
            .closest("[data-k], [data-ik]")
            .ok()
            .flatten()?;
        let num = |a: &str| el.get_attribute(a).and_then(|k| k.parse::<usize>().ok());
        num("data-k")
            .map(Target::Gene)
            .or_else(|| num("data-ik").map(Target::Insert))
    };
    let activate = move |target: Option<web_sys::EventTarget>| -> bool {
        item_of(target).is_some_and(activate_target)
    };
    // The item under a point of the track (client px), among the shapes drawn together: the
    // point in the drawing's frame, then its row; genes first, then inserted shapes.
    let hit = move |el: &web_sys::Element, client_x: f64, client_y: f64| -> Option<Target> {
        let r = el.get_bounding_client_rect();
        let (k, off) = stretch.get_untracked();
        let x = off + (client_x - r.left()) / if k > 0.0 { k } else { 1.0 };
        let y = client_y - r.top() - AXIS_H - LANE_H;
        if y < 0.0 {
            return None;
        }
        let row = (y / ROW_H).floor() as u32;
        map.genes
            .with_untracked(|g| g.as_ref().and_then(|g| g.scene.hit(x, row, HIT_SLOP_PX)))
            .map(Target::Gene)
            .or_else(|| {
                map.inserts
                    .with_untracked(|s| s.as_ref().and_then(|s| s.scene.hit(x, row, HIT_SLOP_PX)))
                    .map(Target::Insert)
            })
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        ev.prevent_default();
        let rect = el.get_bounding_client_rect();
        let w = rect.width().max(1.0);
        let dy = wheel_pixels(ev.delta_y(), ev.delta_mode(), rect.height());
        let dx = wheel_pixels(ev.delta_x(), ev.delta_mode(), w);
        if dx.abs() > dy.abs() {
            let bases = (dx * map.bases_per_px() * map.width.get_untracked() / w).round() as i64;
            map.change_view(|g, v| v.pan(g, bases));
        } else {
            let anchor = (f64::from(ev.client_x()) - rect.left()) / w;
            map.wheel_zoom(wheel_zoom(dy), anchor);
        }
    };
    // Shift-drag selects a region (for the gene-edit panel's region deletion) instead of panning.
    let region_drag = StoredValue::new(None::<(i32, f64)>);
    let on_pointerdown = move |ev: web_sys::PointerEvent| {
        if ev.button() != 0 || !ev.is_primary() {
            return;
        }
        if ev.shift_key() {
            region_drag.set_value(Some((ev.pointer_id(), f64::from(ev.client_x()))));
            return;
        }
        dragged.set_value(false);
        drag.set_value(app.view.get_untracked().map(|start| Drag {
            pointer: ev.pointer_id(),
            x: f64::from(ev.client_x()),
            start,
            bases_per_px: map.bases_per_px(),
            moved: false,
        }));
    };
    let on_pointermove = move |ev: web_sys::PointerEvent| {
        if region_drag.get_value().is_some() {
            return;
        }
        let Some(mut d) = drag.get_value() else {
            // Not dragging: the gene under the pointer gets the tooltip.
            let Some(el) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            let (cx, cy) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
            let next = item_of(ev.target())
                .or_else(|| hit(&el, cx, cy))
                .and_then(|t| {
                    let id = match t {
                        Target::Gene(_) => map.genes.with_untracked(|g| g.as_ref().map(|g| g.id)),
                        Target::Insert(_) => {
                            map.inserts.with_untracked(|s| s.as_ref().map(|s| s.id))
                        }
                    }?;
                    let r = el.get_bounding_client_rect();
                    Some((id, t, cx - r.left(), cy - r.top()))
                });
            if hover.get_untracked() != next {
                hover.set(next);
            }
            return;
        };
        if ev.pointer_id() != d.pointer {
            return;
        }
        let dx = f64::from(ev.client_x()) - d.x;
        if !d.moved {
            if dx.abs() < DRAG_THRESHOLD_PX {
                return;
            }
            d.moved = true;
            drag.set_value(Some(d));
            dragging.set(true);
            if let Some(el) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                // Synthetic events have no capturable pointer; the drag works without capture.
                let _ = el.set_pointer_capture(d.pointer);
            }
        }
        map.change_view(|g, _| d.start.pan(g, (-dx * d.bases_per_px).round() as i64));
    };
    let end_drag = move |ev: web_sys::PointerEvent| {
        if let Some((pointer, x0)) = region_drag.get_value()
            && pointer == ev.pointer_id()
        {
            region_drag.set_value(None);
            dragged.set_value(true);
            let el = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            if let (Some(el), Some(view)) = (el, app.view.get_untracked()) {
                let r = el.get_bounding_client_rect();
                let w = r.width().max(1.0);
                let frac = |x: f64| (x - r.left()) / w;
                let x1 = f64::from(ev.client_x());
                app.region.set(crate::view::gene_edit_form::dragged_region(
                    &view,
                    frac(x0),
                    frac(x1),
                ));
            }
            return;
        }
        if let Some(d) = drag.get_value()
            && d.pointer == ev.pointer_id()
        {
            drag.set_value(None);
            if d.moved {
                dragged.set_value(true);
                dragging.set(false);
            }
        }
    };
    let tooltip = Memo::new(move |_| {
        let (id, t, x, y) = hover.get()?;
        let text = match t {
            Target::Gene(k) => map.genes.with(|g| {
                let g = g.as_ref().filter(|g| g.id == id)?;
                g.scene.items.get(k).map(|it| it.description.clone())
            }),
            Target::Insert(k) => map.inserts.with(|s| {
                let s = s.as_ref().filter(|s| s.id == id)?;
                s.scene.items.get(k).map(|it| it.description.clone())
            }),
        }?;
        Some((text, x, y))
    });
    let w_half = move || map.width.get_untracked() / 2.0;
    let on_click = move |ev: web_sys::MouseEvent| {
        if dragged.get_value() {
            dragged.set_value(false);
            return;
        }
        if activate(ev.target()) {
            return;
        }
        // Genes drawn together: the one under the pointer.
        if let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            && let Some(t) = hit(&el, f64::from(ev.client_x()), f64::from(ev.client_y()))
        {
            activate_target(t);
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let step = if ev.shift_key() { 0.5 } else { PAN_STEP };
        let handled = match ev.key().as_str() {
            "+" | "=" => {
                map.zoom(ZOOM_STEP, 0.5);
                true
            }
            "-" | "_" => {
                map.zoom(1.0 / ZOOM_STEP, 0.5);
                true
            }
            "ArrowLeft" => {
                map.pan_by(-step);
                true
            }
            "ArrowRight" => {
                map.pan_by(step);
                true
            }
            "Home" => {
                map.change_view(|g, v| v.pan(g, -(v.span.start().get() as i64)));
                true
            }
            "End" => {
                map.change_view(|g, v| v.pan(g, i64::from(u32::MAX)));
                true
            }
            "ArrowDown" | "ArrowUp" => {
                if let Some(track) = node.get_untracked() {
                    step_focus(&track.into(), ev.target(), ev.key() == "ArrowDown");
                }
                true
            }
            "Enter" | " " => activate(ev.target()),
            _ => false,
        };
        if handled {
            ev.prevent_default();
            if let Some(track) = node.get_untracked() {
                keep_focus(track.into(), ev.target());
            }
        }
    };

    view! {
        <div
            class="track"
            class:dragging=move || dragging.get()
            class:edited-axis=move || app.axis.get() == Axis::Edited
            id="map-track"
            node_ref=node
            tabindex="0"
            role="group"
            aria-roledescription="genome track"
            aria-label=move || format!("Gene track {}", label().unwrap_or_default())
            aria-describedby="track-help"
            data-contig=move || {
                let v = app.view.get()?;
                app.genome.with(|g| g.as_ref().map(|r| r.genome().contig(v.contig).name.to_string()))
            }
            data-start=view_attr(|v| v.span.start().get() + 1)
            data-end=view_attr(|v| v.span.end().get())
            data-scale=move || map.scale.get().map(|s| s.generation)
            data-region=move || app.region.get().map(|(_, s)| {
                let (a, b) = s.one_based();
                format!("{a}-{b}")
            })
            on:wheel=on_wheel
            on:pointerdown=on_pointerdown
            on:pointermove=on_pointermove
            on:pointerup=end_drag
            on:pointercancel=end_drag
            on:click=on_click
            on:pointerleave=move |_| hover.set(None)
            on:keydown=on_keydown
        >
            {move || {
                // The shift-dragged region, shaded where it lies in the window.
                let (c, r) = app.region.get()?;
                let v = app.view.get()?;
                if c != v.contig {
                    return None;
                }
                let w = v.span.len().max(1) as f64;
                let l = (r.start().get().saturating_sub(v.span.start().get())) as f64 / w;
                let e = (r.end().get().min(v.span.end().get()).saturating_sub(v.span.start().get())) as f64 / w;
                (e > l).then(|| view! {
                    // `style:` properties (set one by one) pass a CSP without 'unsafe-inline' styles.
                    <div class="region-shade" id="map-region"
                        style:left=format!("{:.3}%", l * 100.0)
                        style:width=format!("{:.3}%", (e - l) * 100.0)></div>
                })
            }}
            <svg
                class="track-svg"
                width=move || px(map.width.get())
                height=move || px(height.get())
            >
                <AxisView map />
                <g
                    class="scene"
                    class:stretched=move || stretch.get().0 != 1.0
                    transform=move || {
                        let (k, off) = stretch.get();
                        if k == 1.0 {
                            format!("translate({:.2} 0)", -off)
                        } else {
                            format!("scale({k:.6} 1) translate({:.2} 0)", -off)
                        }
                    }
                >
                    <g class="edit-bands">
                        <For
                            each=move || tiles(edit_tiles.get())
                            key=|(d, t)| (d.id, *t)
                            children=move |(d, t)| {
                                let describe = |it: &EditItem| {
                                    app.genome.with_untracked(|g| {
                                        g.as_ref().map_or_else(String::new, |r| {
                                            app.design.with_untracked(|d| it.describe(r.genome(), d))
                                        })
                                    })
                                };
                                view! { <g inner_html=markup::edits(&d.scene, d.scene.tile(t), describe)></g> }
                            }
                        />
                    </g>
                    <g class="inserts" inner_html=move || insert_markup.get().unwrap_or_default()></g>
                    <g class="genes">
                        <For
                            each=move || tiles(gene_tiles.get())
                            key=|(d, t)| (d.id, *t)
                            children=|(d, t)| {
                                view! { <g inner_html=markup::genes(&d.scene, d.scene.tile(t))></g> }
                            }
                        />
                    </g>
                    {move || {
                        selected_box
                            .get()
                            .map(|(x0, x1, row)| {
                                view! {
                                    <rect
                                        class="selected-box"
                                        x=px(x0 - 3.0)
                                        y=px(row_y(row) - ARROW_H / 2.0 - 3.0)
                                        width=px(x1 - x0 + 6.0)
                                        height=px(ARROW_H + 6.0)
                                        rx="3"
                                    ></rect>
                                }
                            })
                    }}
                </g>
            </svg>
            {move || {
                tooltip
                    .get()
                    .map(|(text, x, y)| {
                        view! {
                            <div
                                class="track-tip"
                                role="tooltip"
                                // Right of the pointer, or left of it in the right half.
                                style:left=(x < w_half()).then(|| format!("{:.0}px", x + 12.0))
                                style:right=(x >= w_half())
                                    .then(|| format!("{:.0}px", map.width.get_untracked() - x + 12.0))
                                style:top=format!("{:.0}px", y + 16.0)
                            >
                                {text}
                            </div>
                        }
                    })
            }}
        </div>
    }
}

/// The (scene, tile) pairs to draw.
fn tiles<T>(v: Option<(Drawn<T>, Vec<i64>)>) -> Vec<(Drawn<T>, i64)> {
    v.map(|(d, tiles)| tiles.into_iter().map(|t| (d.clone(), t)).collect())
        .unwrap_or_default()
}

/// Moves focus to the next (or previous) labelled gene of the track, in drawing order (left to
/// right), from the focused one; from the track itself, to the first (or last).
fn step_focus(track: &web_sys::Element, target: Option<web_sys::EventTarget>, forward: bool) {
    let Ok(list) = track.query_selector_all("[data-gene][role=button]") else {
        return;
    };
    let genes: Vec<web_sys::Element> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .collect();
    if genes.is_empty() {
        return;
    }
    let current = target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| genes.iter().position(|g| *g == e));
    let next = match (current, forward) {
        (None, true) => 0,
        (None, false) => genes.len() - 1,
        (Some(i), true) => (i + 1).min(genes.len() - 1),
        (Some(i), false) => i.saturating_sub(1),
    };
    let _ = genes[next]
        .clone()
        .unchecked_into::<web_sys::HtmlElement>()
        .focus();
}

/// After a key moved or zoomed the track, focus stays in it: on the same gene if it is still
/// drawn, else on the track.
fn keep_focus(track: web_sys::Element, target: Option<web_sys::EventTarget>) {
    let gene = target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.get_attribute("data-gene"));
    request_animation_frame(move || {
        // Inside a shadow root (an embedded element) the document only sees the host element.
        let active = match track.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
            Ok(shadow) => shadow.active_element(),
            Err(_) => web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element()),
        };
        if active.is_some_and(|a| track.contains(Some(&a))) {
            return;
        }
        let again = gene.and_then(|g| {
            track
                .query_selector(&format!("[data-gene=\"{g}\"][tabindex]"))
                .ok()
                .flatten()
        });
        let el = again.unwrap_or(track);
        // SVG and HTML elements both have focus().
        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
    });
}
