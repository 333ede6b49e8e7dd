//! Gene arrows: the outline of a gene on the track as a polygon, pointing along its strand.

use std::fmt::Write as _;

use crate::core::strand::Strand;

/// Genes narrower than this (px) are widened about their centre so they stay visible.
pub const MIN_PX: f64 = 1.0;

/// Below this width (px) a gene is a plain box: an arrowhead would not be seen.
pub const MIN_HEAD_BODY_PX: f64 = 4.0;

/// The outline of a gene from `x0` to `x1` (px), centred on `y`, `h` high: a box whose end in the
/// direction of the strand is pointed, the point at most `head` px long (and never longer than the
/// gene). Unstranded genes and genes narrower than [`MIN_HEAD_BODY_PX`] are boxes; genes narrower
/// than [`MIN_PX`] are widened to it about their centre. Points go clockwise from the top left.
pub fn outline(x0: f64, x1: f64, y: f64, h: f64, strand: Strand, head: f64) -> Vec<(f64, f64)> {
    let (mut x0, mut x1) = (x0.min(x1), x0.max(x1));
    if x1 - x0 < MIN_PX {
        let mid = (x0 + x1) / 2.0;
        (x0, x1) = (mid - MIN_PX / 2.0, mid + MIN_PX / 2.0);
    }
    let (top, bottom) = (y - h / 2.0, y + h / 2.0);
    let width = x1 - x0;
    let head = if width < MIN_HEAD_BODY_PX {
        0.0
    } else {
        head.clamp(0.0, width)
    };
    match strand {
        Strand::Forward if head > 0.0 => {
            let neck = x1 - head;
            vec![
                (x0, top),
                (neck, top),
                (x1, y),
                (neck, bottom),
                (x0, bottom),
            ]
        }
        Strand::Reverse if head > 0.0 => {
            let neck = x0 + head;
            vec![
                (neck, top),
                (x1, top),
                (x1, bottom),
                (neck, bottom),
                (x0, y),
            ]
        }
        _ => vec![(x0, top), (x1, top), (x1, bottom), (x0, bottom)],
    }
}

/// An SVG path (`M x y L … Z`) through `points`, to a tenth of a pixel.
pub fn path(points: &[(f64, f64)]) -> String {
    let mut d = String::with_capacity(points.len() * 14);
    for (i, (x, y)) in points.iter().enumerate() {
        let _ = write!(d, "{}{:.1} {:.1}", if i == 0 { 'M' } else { 'L' }, x, y);
    }
    d.push('Z');
    d
}

/// The triangle marking an insertion at `x`: pointing down at the gap, its tip at `y`, `size` px
/// wide and high.
pub fn insertion_marker(x: f64, y: f64, size: f64) -> Vec<(f64, f64)> {
    let half = size / 2.0;
    vec![(x - half, y - size), (x + half, y - size), (x, y)]
}
