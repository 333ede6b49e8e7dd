//! The genome map's geometry: what the overview and the linear track draw, in pixels, derived from
//! (genome, design, lifted features, window). Pure and tested natively; `ui::map` only turns these
//! values into SVG and HTML.
//!
//! The track is drawn in the frame of a [`scale::Scale`]: a contig at one zoom, with x measured
//! from a fixed origin. Gene and edit shapes are computed once per scale for the whole contig
//! ([`scene`]); panning only translates the drawing and changes which shapes are in view, so a pan
//! frame costs a binary search, not a re-layout.

pub mod arrow;
pub mod axis;
pub mod edited;
pub mod edited_window;
pub mod insert_shape;
pub mod overview;
pub mod scale;
pub mod scene;
