//! The genome map: an overview of all contigs to scale and a linear track of the current window.
//!
//! The view state is the genomic window `app.view` (reference coordinates); everything drawn is
//! derived from it with memos over `view::map`. With the axis in edited coordinates the track
//! draws the edited genome: the window is lifted into edited coordinates (`window`), genes sit at
//! their lifted positions, inserted sequences are features of their own and deletions junctions.
//!
//! ```text
//! view, axis, design ──▶ window ──▶ scale (kept while panning) ──▶ genes, edits or inserts
//!                          │                                            │
//!                          └──────────▶ offset, in-view items ◀─────────┘      ticks ◀── window
//! ```
//!
//! A pan changes only the translation of the drawing and the set of shapes in view; a zoom draws
//! the contig afresh at the new scale. Input (wheel, drag, keys, buttons, locus box, overview)
//! only ever sets `app.view` or `app.selected`.

mod axis;
mod controls;
mod dims;
mod input;
mod markup;
mod overview;
mod resize;
mod track;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use leptos::prelude::*;

use super::state::{AppState, Axis, use_app};
use crate::view::map::edited::{self, InsertScene};
use crate::view::map::edited_window;
use crate::view::map::scale::Scale;
use crate::view::map::scene::{EditScene, GeneScene, TrackStyle};
use crate::view::viewport::Viewport;

/// Zoom factor of the buttons and the `+`/`-` keys.
pub const ZOOM_STEP: f64 = 2.0;
/// A wheel gesture ends when the wheel has rested this long (ms); the track is then redrawn.
pub const WHEEL_REST_MS: u64 = 150;
/// Share of the window the arrow keys and pan buttons move by.
pub const PAN_STEP: f64 = 0.2;

/// A scene as drawn: its shapes and an id that changes whenever it is rebuilt (the key of what
/// was rendered from it). Compared by id.
#[derive(Debug)]
pub(crate) struct Drawn<T> {
    /// Unique per build.
    pub id: u64,
    /// The shapes.
    pub scene: Arc<T>,
}

impl<T> Drawn<T> {
    fn new(scene: T) -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        Self {
            id: NEXT.fetch_add(1, Ordering::Relaxed),
            scene: Arc::new(scene),
        }
    }
}

impl<T> Clone for Drawn<T> {
    fn clone(&self) -> Self {
        Self {
            id: self.id,
            scene: Arc::clone(&self.scene),
        }
    }
}

impl<T> PartialEq for Drawn<T> {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

/// The map's derived state, shared by its parts.
#[derive(Clone, Copy)]
pub(crate) struct MapState {
    /// The app.
    pub app: AppState,
    /// The track's width (CSS px), measured.
    pub width: RwSignal<f64>,
    /// A wheel gesture is under way: the drawing is kept and stretched, and redrawn at the new
    /// zoom once the wheel rests ([`WHEEL_REST_MS`]).
    pub gesture: RwSignal<bool>,
    /// Counts wheel zooms, so that only the last one's timer ends the gesture.
    gesture_step: StoredValue<u64>,
    /// The window in the coordinates the track shows: `app.view`, or it lifted into the edited
    /// genome when the axis is in edited coordinates.
    pub window: Memo<Option<Viewport>>,
    /// The frame the track is drawn in.
    pub scale: Memo<Option<Scale>>,
    /// Genes of the window's contig at the current scale.
    pub genes: Memo<Option<Drawn<GeneScene>>>,
    /// Edits of the window's contig at the current scale, overlaid in reference coordinates.
    pub edits: Memo<Option<Drawn<EditScene>>>,
    /// Inserted sequences and junctions in edited coordinates (`None` in reference coordinates).
    pub inserts: Memo<Option<Drawn<InsertScene>>>,
}

impl MapState {
    fn new(app: AppState) -> Self {
        let width = RwSignal::new(0.0);
        let gesture = RwSignal::new(false);
        let window = Memo::new(move |_| {
            let view = app.view.get()?;
            match app.axis.get() {
                Axis::Reference => Some(view),
                Axis::Edited => {
                    let ready = app.genome.get()?;
                    app.design
                        .with(|d| Some(edited_window::edited_window(ready.genome(), d, &view)))
                }
            }
        });
        let scale = Memo::new(move |prev: Option<&Option<Scale>>| {
            let view = window.get()?;
            let prev = prev.and_then(Option::as_ref);
            if gesture.get() {
                Scale::kept_for(prev, &view, width.get())
            } else {
                Scale::for_view(prev, &view, width.get())
            }
        });
        // In edited coordinates genes and inserted shapes are laid out together.
        let edited_scenes = Memo::new(move |_| {
            if app.axis.get() != Axis::Edited {
                return None;
            }
            let scale = scale.get()?;
            let ready = app.genome.get()?;
            let lifted = app.lifted.get()?;
            let (genes, inserts) = app.design.with(|d| {
                edited::build(ready.genome(), &lifted, d, &scale, &TrackStyle::default())
            });
            Some((Drawn::new(genes), Drawn::new(inserts)))
        });
        let genes = Memo::new(move |_| {
            if app.axis.get() == Axis::Edited {
                return edited_scenes.with(|s| s.as_ref().map(|s| s.0.clone()));
            }
            let scale = scale.get()?;
            let ready = app.genome.get()?;
            let lifted = app.lifted.get();
            Some(Drawn::new(GeneScene::build(
                ready.genome(),
                lifted.as_deref(),
                &scale,
                &TrackStyle::default(),
            )))
        });
        let inserts = Memo::new(move |_| edited_scenes.with(|s| s.as_ref().map(|s| s.1.clone())));
        let edits = Memo::new(move |_| {
            if app.axis.get() == Axis::Edited {
                return None;
            }
            let scale = scale.get()?;
            let ready = app.genome.get()?;
            app.design.with(|d| {
                Some(Drawn::new(EditScene::build(
                    ready.genome(),
                    d,
                    &scale,
                    &TrackStyle::default(),
                )))
            })
        });
        Self {
            app,
            width,
            gesture,
            gesture_step: StoredValue::new(0),
            window,
            scale,
            genes,
            edits,
            inserts,
        }
    }

    /// Applies `change` to the window (when there is a genome and a window).
    pub fn change_view(
        &self,
        change: impl FnOnce(&crate::core::genome::Genome, &Viewport) -> Viewport,
    ) {
        let Some(ready) = self.app.genome.get_untracked() else {
            return;
        };
        let Some(view) = self.app.view.get_untracked() else {
            return;
        };
        let next = change(ready.genome(), &view);
        if next != view {
            self.app.view.set(Some(next));
        }
    }

    /// Zooms by `factor` (> 1: in) keeping the base at `anchor` (0 left edge, 1 right of the
    /// track) in place.
    pub fn zoom(&self, factor: f64, anchor: f64) {
        let edited = self.app.axis.get_untracked() == Axis::Edited;
        let design = self.app.design;
        self.change_view(|g, v| {
            let anchor = if edited {
                design.with_untracked(|d| edited_window::reference_fraction(g, d, v, anchor))
            } else {
                anchor
            };
            v.zoom(g, factor, anchor)
        });
    }

    /// Reference bases per pixel of the track as drawn (edited bases in edited coordinates, which
    /// pan the reference window one for one).
    pub fn bases_per_px(&self) -> f64 {
        let w = self.width.get_untracked().max(1.0);
        self.window
            .get_untracked()
            .map_or(1.0, |v| v.width() as f64 / w)
    }

    /// Zooms as one step of a wheel gesture: drawn by stretching what is drawn, redrawn once
    /// the wheel has rested for [`WHEEL_REST_MS`].
    pub fn wheel_zoom(&self, factor: f64, anchor: f64) {
        let step = self.gesture_step.get_value() + 1;
        self.gesture_step.set_value(step);
        if !self.gesture.get_untracked() {
            self.gesture.set(true);
        }
        self.zoom(factor, anchor);
        let (gesture, steps) = (self.gesture, self.gesture_step);
        set_timeout(
            move || {
                if steps.try_get_value() == Some(step) {
                    gesture.set(false);
                }
            },
            std::time::Duration::from_millis(WHEEL_REST_MS),
        );
    }

    /// Pans by a share of the window as drawn (negative: left).
    pub fn pan_by(&self, share: f64) {
        let bases = (self.bases_per_px() * self.width.get_untracked() * share).round() as i64;
        self.change_view(|g, v| v.pan(g, bases));
    }
}

/// The map area: overview, controls (locus box, zoom, axis), the track and its legend.
#[component]
pub fn GenomeMap() -> impl IntoView {
    let app = use_app();
    let map = MapState::new(app);
    view! {
        <div class="map" id="genome-map">
            <overview::Overview map />
            <controls::Controls map />
            <track::Track map />
            <controls::Legend />
        </div>
    }
}
