//! The track's axis: ticks at round positions of the window's own coordinates (reference, or
//! edited when the map shows the edited genome), evenly spaced.

use crate::core::coord::thousands;
use crate::view::viewport::Viewport;

/// Ticks are about this far apart (px).
pub const TICK_SPACING_PX: f64 = 110.0;

/// One tick of the axis.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Tick {
    /// Position in the window's coordinates (1-based base number; the tick sits at the end of
    /// that base).
    pub pos: u64,
    /// x in the track (px, 0 at the window's left edge), rounded to a tenth.
    pub x_tenths: i64,
    /// The label.
    pub label: String,
}

impl Tick {
    /// x in the track (px).
    pub fn x(&self) -> f64 {
        self.x_tenths as f64 / 10.0
    }
}

/// The ticks of `view` in a track `width_px` wide, labelled with their positions. `view` is in
/// whichever coordinates the track shows (an edited window from
/// [`crate::view::map::edited_window::edited_window`] gives edited positions, evenly spaced).
pub fn ticks(view: &Viewport, width_px: f64) -> Vec<Tick> {
    let target = (width_px / TICK_SPACING_PX).floor().max(2.0) as u32;
    view.ticks(target)
        .into_iter()
        .map(|pos| {
            let x = view.x_of(pos, width_px);
            Tick {
                pos,
                x_tenths: (x * 10.0).round() as i64,
                label: thousands(pos),
            }
        })
        .collect()
}

/// A length for people: `850 bp`, `20.0 kb`, `1.53 Mb`.
pub fn length_words(bp: u64) -> String {
    match bp {
        0..1_000 => format!("{bp} bp"),
        1_000..1_000_000 => format!("{:.1} kb", bp as f64 / 1e3),
        _ => format!("{:.2} Mb", bp as f64 / 1e6),
    }
}
