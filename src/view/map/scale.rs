//! The frame the track is drawn in: a contig at one zoom, with x measured from a fixed origin.

use crate::core::genome::contig::ContigId;
use crate::view::viewport::Viewport;

/// How far (px) a drawing may be panned from its origin before it is redrawn around a new one,
/// keeping coordinates small enough for the browser's single-precision geometry.
pub const MAX_DRIFT_PX: f64 = 50_000.0;

/// A contig drawn at one zoom: reference position `p` is at `x = (p − origin) / bp_per_px`.
///
/// A new scale (with a new `generation`) is made when the zoom, the contig or the track width
/// changes; a pan keeps the scale and only moves the drawing by [`Scale::offset`].
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct Scale {
    /// The contig drawn.
    pub contig: ContigId,
    /// Reference position at x = 0.
    pub origin: u64,
    /// Bases per pixel.
    pub bp_per_px: f64,
    /// Increases with every new scale: a key for what was drawn in it.
    pub generation: u64,
}

impl Scale {
    /// The scale to draw `view` in a track `width_px` wide. `prev` is kept when the view is only
    /// panned (same contig and bases per pixel, origin not too far). `None` for a track without
    /// width (not laid out yet).
    pub fn for_view(prev: Option<&Scale>, view: &Viewport, width_px: f64) -> Option<Scale> {
        if !(width_px.is_finite() && width_px >= 1.0) {
            return None;
        }
        let bp_per_px = view.width() as f64 / width_px;
        if let Some(p) = prev
            && p.contig == view.contig
            && p.bp_per_px == bp_per_px
            && p.offset(view).abs() <= MAX_DRIFT_PX
        {
            return Some(*p);
        }
        Some(Scale {
            contig: view.contig,
            origin: view.span.start().get(),
            bp_per_px,
            generation: prev.map_or(0, |p| p.generation + 1),
        })
    }

    /// The scale to show `view` in while a drawing is kept (during a wheel gesture): `prev` for
    /// as long as the contig is the same and the origin not too far, else a new one. Show it
    /// with [`Scale::stretch`].
    pub fn kept_for(prev: Option<&Scale>, view: &Viewport, width_px: f64) -> Option<Scale> {
        match prev {
            Some(p) if p.contig == view.contig && p.offset(view).abs() <= MAX_DRIFT_PX => Some(*p),
            _ => Self::for_view(prev, view, width_px),
        }
    }

    /// How a drawing made in this scale shows `view` in a track `width_px` wide: stretched
    /// horizontally by `k` after moving by minus `offset` (its x at the view's left edge), i.e.
    /// screen x = k · (x − offset). `k` is 1 when the view is at this scale's zoom.
    pub fn stretch(&self, view: &Viewport, width_px: f64) -> (f64, f64) {
        let bp_per_px = view.width() as f64 / width_px.max(1.0);
        let k = if bp_per_px > 0.0 {
            self.bp_per_px / bp_per_px
        } else {
            1.0
        };
        (k, self.offset(view))
    }

    /// The x of reference position (gap) `pos`.
    pub fn x(&self, pos: u64) -> f64 {
        (pos as f64 - self.origin as f64) / self.bp_per_px
    }

    /// The reference position (fractional) at x.
    pub fn pos(&self, x: f64) -> f64 {
        self.origin as f64 + x * self.bp_per_px
    }

    /// The x of the view's left edge: the drawing is translated by minus this.
    pub fn offset(&self, view: &Viewport) -> f64 {
        self.x(view.span.start().get())
    }

    /// Bases covering `px` pixels, rounded, at least 0.
    pub fn bases(&self, px: f64) -> u64 {
        (px * self.bp_per_px).round().max(0.0) as u64
    }
}

/// The zoom factor of one wheel event moving `delta_px` pixels (wheel up, negative: zoom in).
/// A mouse notch (100 px) zooms by 2^¼ ≈ 1.19; one event never zooms more than 4×.
pub fn wheel_zoom(delta_px: f64) -> f64 {
    if !delta_px.is_finite() {
        return 1.0;
    }
    2f64.powf(-delta_px / 400.0).clamp(0.25, 4.0)
}

/// A wheel delta in pixels, from the DOM's `deltaMode` (0 pixels, 1 lines, 2 pages).
pub fn wheel_pixels(delta: f64, mode: u32, page_px: f64) -> f64 {
    match mode {
        1 => delta * 16.0,
        2 => delta * page_px,
        _ => delta,
    }
}
