//! The track's axis: ticks at round reference positions, labelled in reference coordinates or
//! with where each position is in the edited genome (or that an edit deleted it).

use crate::core::coord::{Pos, thousands};
use crate::core::lift::edited::{EditedGenome, LiftedPos};
use crate::view::viewport::Viewport;

/// Ticks are about this far apart (px).
pub const TICK_SPACING_PX: f64 = 110.0;

/// One tick of the axis.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Tick {
    /// Reference position (1-based base number; the tick sits at the end of that base).
    pub pos: u64,
    /// x in the track (px, 0 at the window's left edge), rounded to a tenth.
    pub x_tenths: i64,
    /// The label.
    pub label: String,
    /// In edited coordinates: the base was removed by an edit.
    pub deleted: bool,
}

impl Tick {
    /// x in the track (px).
    pub fn x(&self) -> f64 {
        self.x_tenths as f64 / 10.0
    }
}

/// The ticks of `view` in a track `width_px` wide. With `edited`, each tick is labelled with the
/// position of its base in the edited genome, or "deleted" when an edit removed it.
pub fn ticks(view: &Viewport, width_px: f64, edited: Option<&EditedGenome<'_>>) -> Vec<Tick> {
    let target = (width_px / TICK_SPACING_PX).floor().max(2.0) as u32;
    view.ticks(target)
        .into_iter()
        .map(|pos| {
            let x = view.x_of(pos, width_px);
            let (label, deleted) = match edited {
                None => (thousands(pos), false),
                Some(e) => match pos.checked_sub(1).and_then(|b| e.lift(view.contig, Pos(b))) {
                    Some(LiftedPos::At(q)) => (thousands(q.get() + 1), false),
                    Some(LiftedPos::Deleted { .. }) => ("deleted".to_owned(), true),
                    // Position 0 (before the first base) stays 0.
                    None => (thousands(pos), false),
                },
            };
            Tick {
                pos,
                x_tenths: (x * 10.0).round() as i64,
                label,
                deleted,
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
