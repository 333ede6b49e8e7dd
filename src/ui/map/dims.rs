//! The track's vertical layout (px) and the CSS class of each feature status: shared by the track,
//! its axis and its markup.

use crate::core::lift::FeatureStatus;

/// Height of the axis band (px).
pub(super) const AXIS_H: f64 = 30.0;
/// Height of the lane under the axis where insertion markers sit.
pub(super) const LANE_H: f64 = 12.0;
/// Height of a gene row, arrow and label.
pub(super) const ROW_H: f64 = 32.0;
/// Height of a gene arrow.
pub(super) const ARROW_H: f64 = 12.0;
/// Length of an arrowhead at most.
pub(super) const HEAD_PX: f64 = 7.0;
/// Baseline of a label below its arrow's centre.
pub(super) const LABEL_DY: f64 = 18.0;
/// Space below the last row.
pub(super) const BOTTOM_PAD: f64 = 4.0;

/// The centre line of a gene row.
pub(super) fn row_y(row: u32) -> f64 {
    AXIS_H + LANE_H + ROW_H * f64::from(row) + ARROW_H / 2.0 + 2.0
}

/// The CSS class a feature of this status is drawn with.
pub(super) fn status_css(s: FeatureStatus) -> &'static str {
    match s {
        FeatureStatus::Unchanged => "unchanged",
        FeatureStatus::Shifted => "shifted",
        FeatureStatus::Resized => "resized",
        FeatureStatus::Disrupted => "disrupted",
        FeatureStatus::Trimmed => "trimmed",
        FeatureStatus::Dropped => "dropped",
        FeatureStatus::Orphaned => "orphaned",
        FeatureStatus::Superseded => "superseded",
        FeatureStatus::Fused => "fused",
        FeatureStatus::Substituted => "substituted",
    }
}
