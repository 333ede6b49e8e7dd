//! This tab's session in session storage, per genome: what a reload or coming back from another
//! genome brings back — the open entry, its undo history (bounded) and the map's window and axis.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::context::Persist;
use super::store::{SESSION_KEY, fingerprint, session, spec_text, window_locus};
use crate::core::design::Design;
use crate::io::packed::pack_fast;
use crate::io::spec_json::restore_packed;
use crate::ui::state::{AppState, Axis, History};
use crate::view::viewport::Viewport;

/// Undo steps kept across a reload at most…
pub const HISTORY_STEPS: usize = 20;
/// …and bytes of packed designs at most (session storage holds about 5 MB).
pub const HISTORY_BYTES: usize = 2 << 20;

/// This tab's session: what a reload brings back.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct Session {
    /// The open entry.
    pub(super) current: Option<String>,
    /// Its revision when this tab last read or wrote it.
    pub(super) known: u64,
    /// Undo history, oldest first, packed specs.
    past: Vec<String>,
    /// Redo history, oldest first, packed specs.
    future: Vec<String>,
    /// The map's window (`II:10001-30000`) and whether the axis was edited.
    window: Option<String>,
    #[serde(default)]
    edited_axis: bool,
}

/// Writes this tab's session (on leaving the page or the genome): the open entry, the undo history newest
/// first until [`HISTORY_STEPS`] or [`HISTORY_BYTES`], the window.
pub(super) fn save_session(app: &AppState, persist: Persist) {
    let Some(fp) = fingerprint(app) else { return };
    let History { past, future } = app.history.get_untracked();
    let mut budget = HISTORY_BYTES;
    let mut pack_some = |designs: &[Design]| -> Vec<String> {
        let mut out = Vec::new();
        for d in designs.iter().rev().take(HISTORY_STEPS) {
            let Some(p) = spec_text(app, d).map(|t| pack_fast(t.as_bytes())) else {
                break;
            };
            if p.len() > budget {
                break;
            }
            budget -= p.len();
            out.push(p);
        }
        out.reverse();
        out
    };
    let future = pack_some(&future);
    let past = pack_some(&past);
    let session_state = Session {
        current: persist.current.get_untracked(),
        known: persist.known.get_value(),
        past,
        future,
        window: app.view.get_untracked().and_then(|v| window_locus(app, &v)),
        edited_axis: app.axis.get_untracked() == Axis::Edited,
    };
    if let (Some(s), Ok(text)) = (session(), serde_json::to_string(&session_state)) {
        let _ = s.set_item(&format!("{SESSION_KEY}:{fp}"), &text);
    }
}

pub(super) fn read_session(fp: &str) -> Session {
    session()
        .and_then(|s| s.get_item(&format!("{SESSION_KEY}:{fp}")).ok().flatten())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// Brings back a session's undo history, window and axis.
pub(super) fn restore_session(app: &AppState, s: &Session) {
    let (Some(ready), Some(reference)) = (app.genome.get_untracked(), app.reference_spec()) else {
        return;
    };
    let unpack = |list: &[String]| -> Vec<Design> {
        list.iter()
            .filter_map(|p| {
                restore_packed(ready.genome(), &reference, p)
                    .ok()
                    .map(|d| d.0)
            })
            .collect()
    };
    app.history.set(History {
        past: unpack(&s.past),
        future: unpack(&s.future),
    });
    if let Some(v) = s
        .window
        .as_deref()
        .and_then(|w| Viewport::parse(ready.genome(), w).ok())
    {
        app.view.set(Some(v));
    }
    if s.edited_axis {
        app.axis.set(Axis::Edited);
    }
}
