//! The linear track: axis, edits, genes and inserted shapes of the window as SVG tiles, the
//! selection box, the shift-dragged region and the tooltip; its input is `input.rs`.
//!
//! Shapes are drawn in the frame of the current scale and translated by the window's offset, so a
//! pan frame moves one `<g>` and adds or removes only the tiles entering or leaving view. During a
//! wheel gesture the drawing is kept and stretched (`Scale::stretch`), and redrawn at the new zoom
//! when the wheel rests; buttons and keys redraw at once.

use leptos::html::Div;
use leptos::prelude::*;

use super::axis::AxisView;
use super::dims::{ARROW_H, AXIS_H, BOTTOM_PAD, LANE_H, ROW_H, row_y};
use super::input::TrackInput;
use super::markup;
use super::resize::observe_width;
use super::{Drawn, MapState};
use crate::ui::state::Axis;
use crate::view::map::scene::EditItem;
use crate::view::viewport::Viewport;

/// A coordinate for an SVG attribute.
fn px(v: f64) -> String {
    format!("{v:.1}")
}

/// The track of the current window.
#[component]
pub(super) fn Track(map: MapState) -> impl IntoView {
    let app = map.app;
    let node = NodeRef::<Div>::new();
    observe_width(node, map.width);

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

    let input = TrackInput::new(map, node, stretch);
    let tooltip = input.tooltip();
    let w_half = move || map.width.get_untracked() / 2.0;

    view! {
        <div
            class="track"
            class:dragging=move || input.dragging.get()
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
            on:wheel=move |ev| input.on_wheel(ev)
            on:pointerdown=move |ev| input.on_pointerdown(ev)
            on:pointermove=move |ev| input.on_pointermove(ev)
            on:pointerup=move |ev| input.end_drag(ev)
            on:pointercancel=move |ev| input.end_drag(ev)
            on:click=move |ev| input.on_click(ev)
            on:pointerleave=move |_| input.hover.set(None)
            on:keydown=move |ev| input.on_keydown(ev)
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
