//! The track's input: wheel (pan or zoom), drag (pan), shift-drag (a region for the gene-edit
//! panel), click and keys (select a gene or inserted shape, move, zoom), and the shape under the
//! pointer (its tooltip). Clicks and keys are handled once on the track and routed by the
//! target's `data-k`/`data-ik`, or by hit-testing the scenes where shapes are drawn together.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dims::{AXIS_H, LANE_H, ROW_H};
use super::{MapState, PAN_STEP, ZOOM_STEP};
use crate::view::map::scale::{wheel_pixels, wheel_zoom};
use crate::view::viewport::Viewport;

/// A click or the pointer this close (px) to a gene drawn with others means that gene.
const HIT_SLOP_PX: f64 = 3.0;
/// A pointer must move this far (px) before a press becomes a drag.
const DRAG_THRESHOLD_PX: f64 = 4.0;

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
pub(super) enum Target {
    /// Index into the gene scene.
    Gene(usize),
    /// Index into the insert scene.
    Insert(usize),
}

/// The track's input state and handlers (`on:*` of the track's element call these).
#[derive(Copy, Clone)]
pub(super) struct TrackInput {
    map: MapState,
    /// The track's element (for focus moves).
    node: NodeRef<Div>,
    /// The drawing's stretch and offset (`Scale::stretch`), to map a pointer into the drawing.
    stretch: Memo<(f64, f64)>,
    drag: StoredValue<Option<Drag>>,
    /// Set when a drag ends: the click that follows it is not a click on a gene.
    dragged: StoredValue<bool>,
    /// A shift-drag under way: (pointer, client x where it began).
    region_drag: StoredValue<Option<(i32, f64)>>,
    /// A drag is panning the track.
    pub dragging: RwSignal<bool>,
    /// What is under the pointer: (scene id, item, x, y in the track's box).
    pub hover: RwSignal<Option<(u64, Target, f64, f64)>>,
}

impl TrackInput {
    /// Input for the track of `map` whose element is `node`, drawn with `stretch`.
    pub(super) fn new(map: MapState, node: NodeRef<Div>, stretch: Memo<(f64, f64)>) -> Self {
        Self {
            map,
            node,
            stretch,
            drag: StoredValue::new(None),
            dragged: StoredValue::new(false),
            region_drag: StoredValue::new(None),
            dragging: RwSignal::new(false),
            hover: RwSignal::new(None),
        }
    }

    /// The tooltip of the shape under the pointer: (text, x, y in the track's box).
    pub(super) fn tooltip(self) -> Memo<Option<(String, f64, f64)>> {
        let (map, hover) = (self.map, self.hover);
        Memo::new(move |_| {
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
        })
    }

    /// An inserted shape chosen: selected like a gene (a cluster zooms in).
    fn activate_insert(self, k: usize) -> bool {
        let Some((what, merged)) = self.map.inserts.with_untracked(|s| {
            s.as_ref()
                .and_then(|s| s.scene.items.get(k))
                .map(|it| (it.what, it.is_merged()))
        }) else {
            return false;
        };
        if merged {
            self.map.zoom(4.0, 0.5);
        } else {
            self.map.app.selected.set(None);
            self.map.app.selected_insert.set(Some(what));
        }
        true
    }

    /// A gene (or cluster of tiny genes) chosen by click or key: a cluster zooms to its genes, a
    /// gene is selected.
    fn activate_item(self, k: usize) -> bool {
        let Some((gene, merged, span)) = self.map.genes.with_untracked(|g| {
            g.as_ref()
                .and_then(|g| g.scene.items.get(k))
                .map(|it| (it.gene, it.is_merged(), it.span))
        }) else {
            return false;
        };
        if merged {
            let pad = (span.len() / 10).max(200) as i128;
            self.map.change_view(|g, v| {
                Viewport::clamped(
                    g,
                    v.contig,
                    span.start().get() as i128 - pad,
                    span.end().get() as i128 + pad,
                )
            });
        } else {
            self.map.app.selected_insert.set(None);
            self.map.app.selected.set(Some(gene));
        }
        true
    }

    fn activate_target(self, t: Target) -> bool {
        match t {
            Target::Gene(k) => self.activate_item(k),
            Target::Insert(k) => self.activate_insert(k),
        }
    }

    fn activate(self, target: Option<web_sys::EventTarget>) -> bool {
        item_of(target).is_some_and(|t| self.activate_target(t))
    }

    /// The item under a point of the track (client px), among the shapes drawn together: the
    /// point in the drawing's frame, then its row; genes first, then inserted shapes.
    fn hit(self, el: &web_sys::Element, client_x: f64, client_y: f64) -> Option<Target> {
        let r = el.get_bounding_client_rect();
        let (k, off) = self.stretch.get_untracked();
        let x = off + (client_x - r.left()) / if k > 0.0 { k } else { 1.0 };
        let y = client_y - r.top() - AXIS_H - LANE_H;
        if y < 0.0 {
            return None;
        }
        let row = (y / ROW_H).floor() as u32;
        self.map
            .genes
            .with_untracked(|g| g.as_ref().and_then(|g| g.scene.hit(x, row, HIT_SLOP_PX)))
            .map(Target::Gene)
            .or_else(|| {
                self.map
                    .inserts
                    .with_untracked(|s| s.as_ref().and_then(|s| s.scene.hit(x, row, HIT_SLOP_PX)))
                    .map(Target::Insert)
            })
    }

    pub(super) fn on_wheel(self, ev: web_sys::WheelEvent) {
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
            let bases =
                (dx * self.map.bases_per_px() * self.map.width.get_untracked() / w).round() as i64;
            self.map.change_view(|g, v| v.pan(g, bases));
        } else {
            let anchor = (f64::from(ev.client_x()) - rect.left()) / w;
            self.map.wheel_zoom(wheel_zoom(dy), anchor);
        }
    }

    pub(super) fn on_pointerdown(self, ev: web_sys::PointerEvent) {
        if ev.button() != 0 || !ev.is_primary() {
            return;
        }
        if ev.shift_key() {
            self.region_drag
                .set_value(Some((ev.pointer_id(), f64::from(ev.client_x()))));
            return;
        }
        self.dragged.set_value(false);
        self.drag
            .set_value(self.map.app.view.get_untracked().map(|start| Drag {
                pointer: ev.pointer_id(),
                x: f64::from(ev.client_x()),
                start,
                bases_per_px: self.map.bases_per_px(),
                moved: false,
            }));
    }

    pub(super) fn on_pointermove(self, ev: web_sys::PointerEvent) {
        if self.region_drag.get_value().is_some() {
            return;
        }
        let Some(mut d) = self.drag.get_value() else {
            // Not dragging: the gene under the pointer gets the tooltip.
            let Some(el) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            let (cx, cy) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
            let next = item_of(ev.target())
                .or_else(|| self.hit(&el, cx, cy))
                .and_then(|t| {
                    let id = match t {
                        Target::Gene(_) => {
                            self.map.genes.with_untracked(|g| g.as_ref().map(|g| g.id))
                        }
                        Target::Insert(_) => self
                            .map
                            .inserts
                            .with_untracked(|s| s.as_ref().map(|s| s.id)),
                    }?;
                    let r = el.get_bounding_client_rect();
                    Some((id, t, cx - r.left(), cy - r.top()))
                });
            if self.hover.get_untracked() != next {
                self.hover.set(next);
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
            self.drag.set_value(Some(d));
            self.dragging.set(true);
            if let Some(el) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                // Synthetic events have no capturable pointer; the drag works without capture.
                let _ = el.set_pointer_capture(d.pointer);
            }
        }
        self.map
            .change_view(|g, _| d.start.pan(g, (-dx * d.bases_per_px).round() as i64));
    }

    pub(super) fn end_drag(self, ev: web_sys::PointerEvent) {
        if let Some((pointer, x0)) = self.region_drag.get_value()
            && pointer == ev.pointer_id()
        {
            self.region_drag.set_value(None);
            self.dragged.set_value(true);
            let el = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            if let (Some(el), Some(view)) = (el, self.map.app.view.get_untracked()) {
                let r = el.get_bounding_client_rect();
                let w = r.width().max(1.0);
                let frac = |x: f64| (x - r.left()) / w;
                let x1 = f64::from(ev.client_x());
                let region = crate::view::gene_edit_form::dragged_region(&view, frac(x0), frac(x1));
                // The region is the latest selection: a gene or insert selected before is not
                // what the panels act on any more.
                if region.is_some() {
                    self.map.app.selected.set(None);
                    self.map.app.selected_insert.set(None);
                }
                self.map.app.region.set(region);
            }
            return;
        }
        if let Some(d) = self.drag.get_value()
            && d.pointer == ev.pointer_id()
        {
            self.drag.set_value(None);
            if d.moved {
                self.dragged.set_value(true);
                self.dragging.set(false);
            }
        }
    }

    pub(super) fn on_click(self, ev: web_sys::MouseEvent) {
        if self.dragged.get_value() {
            self.dragged.set_value(false);
            return;
        }
        if self.activate(ev.target()) {
            return;
        }
        // Genes drawn together: the one under the pointer.
        if let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            && let Some(t) = self.hit(&el, f64::from(ev.client_x()), f64::from(ev.client_y()))
        {
            self.activate_target(t);
        }
    }

    pub(super) fn on_keydown(self, ev: web_sys::KeyboardEvent) {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let step = if ev.shift_key() { 0.5 } else { PAN_STEP };
        let handled = match ev.key().as_str() {
            "+" | "=" => {
                self.map.zoom(ZOOM_STEP, 0.5);
                true
            }
            "-" | "_" => {
                self.map.zoom(1.0 / ZOOM_STEP, 0.5);
                true
            }
            "ArrowLeft" => {
                self.map.pan_by(-step);
                true
            }
            "ArrowRight" => {
                self.map.pan_by(step);
                true
            }
            "Home" => {
                self.map
                    .change_view(|g, v| v.pan(g, -(v.span.start().get() as i64)));
                true
            }
            "End" => {
                self.map.change_view(|g, v| v.pan(g, i64::from(u32::MAX)));
                true
            }
            "ArrowDown" | "ArrowUp" => {
                if let Some(track) = self.node.get_untracked() {
                    step_focus(&track.into(), ev.target(), ev.key() == "ArrowDown");
                }
                true
            }
            "Enter" | " " => self.activate(ev.target()),
            _ => false,
        };
        if handled {
            ev.prevent_default();
            if let Some(track) = self.node.get_untracked() {
                keep_focus(track.into(), ev.target());
            }
        }
    }
}

/// The item a labelled gene's or inserted shape's element stands for.
fn item_of(target: Option<web_sys::EventTarget>) -> Option<Target> {
    let el = target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())?
        .closest("[data-k], [data-ik]")
        .ok()
        .flatten()?;
    let num = |a: &str| el.get_attribute(a).and_then(|k| k.parse::<usize>().ok());
    num("data-k")
        .map(Target::Gene)
        .or_else(|| num("data-ik").map(Target::Insert))
}

/// What ↓/↑ step through: labelled genes and inserted sequences or parts (a kanMX4, its TEF
/// promoter), which are selectable like genes.
const FOCUSABLE: &str = "[data-gene][role=button], [data-insert][role=button]";

/// Moves focus to the next (or previous) labelled gene or inserted shape of the track, left to
/// right on screen (genes and inserted shapes are drawn in separate layers, so document order is
/// not map order), from the focused one; from the track itself, to the first (or last).
fn step_focus(track: &web_sys::Element, target: Option<web_sys::EventTarget>, forward: bool) {
    let Ok(list) = track.query_selector_all(FOCUSABLE) else {
        return;
    };
    let mut items: Vec<(f64, web_sys::Element)> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .map(|e| (e.get_bounding_client_rect().left(), e))
        .collect();
    if items.is_empty() {
        return;
    }
    crate::core::sort::sort_by(&mut items, |a, b| a.0.total_cmp(&b.0));
    let current = target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest(FOCUSABLE).ok().flatten())
        .and_then(|e| items.iter().position(|(_, g)| *g == e));
    let next = match (current, forward) {
        (None, true) => 0,
        (None, false) => items.len() - 1,
        (Some(i), true) => (i + 1).min(items.len() - 1),
        (Some(i), false) => i.saturating_sub(1),
    };
    let _ = items[next]
        .1
        .clone()
        .unchecked_into::<web_sys::HtmlElement>()
        .focus();
}

/// After a key moved or zoomed the track, focus stays in it: on the same gene if it is still
/// drawn, else on the track.
fn keep_focus(track: web_sys::Element, target: Option<web_sys::EventTarget>) {
    // A selector for the focused gene or inserted part, to find it again once redrawn (an
    // insertion's parts share its `data-insert`; their names tell them apart).
    let again_css = target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| {
            let attr = |a: &str| e.get_attribute(a);
            match (attr("data-gene"), attr("data-insert"), attr("data-name")) {
                (Some(g), _, _) => Some(format!("[data-gene=\"{g}\"][tabindex]")),
                (None, Some(i), Some(n)) => Some(format!(
                    "[data-insert=\"{i}\"][data-name=\"{}\"][tabindex]",
                    n.replace('\\', "\\\\").replace('"', "\\\"")
                )),
                _ => None,
            }
        });
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
        let again = again_css.and_then(|css| track.query_selector(&css).ok().flatten());
        let el = again.unwrap_or(track);
        // SVG and HTML elements both have focus().
        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
    });
}
