//! The track's axis: evenly spaced ticks in the coordinates the track shows (reference or edited).

use leptos::prelude::*;

use super::MapState;
use super::dims::AXIS_H;
use crate::view::map::axis::{Tick, ticks};

/// Labels closer than this to an edge (px) are aligned to it instead of centred.
const EDGE_PX: f64 = 36.0;

/// The axis line, ticks and labels (drawn in window pixels, not translated).
#[component]
pub(super) fn AxisView(map: MapState) -> impl IntoView {
    let all = Memo::new(move |_| {
        map.window
            .get()
            .map_or_else(Vec::new, |w| ticks(&w, map.width.get()))
    });
    view! {
        <g class="axis">
            <line class="axis-line" x1="0" x2="100%" y1=AXIS_H y2=AXIS_H></line>
            <For
                each=move || all.get()
                key=|t| t.clone()
                children=move |t| tick_view(t, map.width.get_untracked())
            />
        </g>
    }
}

fn tick_view(t: Tick, width: f64) -> impl IntoView {
    let x = t.x();
    let anchor = if x < EDGE_PX {
        "start"
    } else if x > width - EDGE_PX {
        "end"
    } else {
        "middle"
    };
    view! {
        <g class="tick">
            <line x1=x x2=x y1=AXIS_H - 6.0 y2=AXIS_H></line>
            <text x=x y=AXIS_H - 10.0 text-anchor=anchor>
                {t.label}
            </text>
        </g>
    }
}
