//! The events an embedded element fires: `CustomEvent`s that bubble and cross the shadow root
//! (`composed`), dispatched on the element (their target), with details made by
//! serde-wasm-bindgen's JSON-compatible serializer.

use serde::Serialize;
use wasm_bindgen::JsValue;

/// An event's name.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum EventName {
    /// The genome is shown and the design applied: `{version, genome}`.
    Ready,
    /// The design changed (debounced; not for the initial load): `{spec, edits}`.
    Change,
    /// A gene was selected: `{feature, locus}` (`feature` null when the selection is cleared).
    Select,
    /// The map's window moved: `{locus}`.
    Locus,
    /// Something failed: `{phase, message}`.
    Error,
}

impl EventName {
    /// The DOM event type.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ready => "genoforge-ready",
            Self::Change => "genoforge-change",
            Self::Select => "genoforge-select",
            Self::Locus => "genoforge-locus",
            Self::Error => "genoforge-error",
        }
    }
}

/// Where a failure happened.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ErrorPhase {
    /// Loading or compiling the wasm module (reported by the loader).
    Wasm,
    /// Fetching or reading the genome.
    Genome,
    /// Fetching, reading or applying the design.
    Design,
}

/// The detail of `genoforge-error`.
#[derive(Clone, Debug, Serialize)]
pub struct ErrorDetail {
    /// Where.
    pub phase: ErrorPhase,
    /// The message the element also shows.
    pub message: String,
}

/// Converts a value to a plain JSON-compatible JavaScript value.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(JsValue::from)
}

/// Fires `name` on `target` with `detail`.
pub fn emit<T: Serialize + ?Sized>(target: &web_sys::HtmlElement, name: EventName, detail: &T) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&to_js(detail).unwrap_or(JsValue::NULL));
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(name.as_str(), &init) {
        let _ = target.dispatch_event(&ev);
    }
}
