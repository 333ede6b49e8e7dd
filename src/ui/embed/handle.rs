//! The JavaScript API: `mount(el, config)` and the handle it returns. The loader
//! (`embed/genoforge-embed.js`) wraps it (promises, `on`, the custom element); values cross with
//! serde-wasm-bindgen, as plain JSON-compatible objects.

use std::rc::Rc;

use wasm_bindgen::prelude::*;

use super::config::{DesignSource, EmbedConfig};
use super::events::to_js;
use super::shell::Instance;

/// An embedded instance, as JavaScript holds it.
#[wasm_bindgen(js_name = EmbedHandle)]
pub struct EmbedHandle {
    inst: Rc<Instance>,
}

/// Mounts an instance in `host` (its shadow root) with `config` (see
/// [`EmbedConfig`]); loading starts at once, [`EmbedHandle::ready`] says when it is done.
#[wasm_bindgen(js_name = mount)]
pub fn mount(host: web_sys::HtmlElement, config: JsValue) -> Result<EmbedHandle, JsError> {
    console_error_panic_hook::set_once();
    let config: EmbedConfig = if config.is_undefined() || config.is_null() {
        EmbedConfig::default()
    } else {
        serde_wasm_bindgen::from_value(config)
            .map_err(|e| JsError::new(&format!("the configuration cannot be read: {e}")))?
    };
    let inst = Instance::mount(host, config).map_err(|e| JsError::new(&e))?;
    Ok(EmbedHandle { inst })
}

/// The version of this build.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    super::shell::VERSION.to_owned()
}

#[wasm_bindgen(js_class = EmbedHandle)]
impl EmbedHandle {
    /// A promise: resolved when the genome is shown and the design applied, rejected with the
    /// first failure's message.
    pub fn ready(&self) -> js_sys::Promise {
        self.inst.ready()
    }

    /// The design's genotype spec (as the app's spec download).
    #[wasm_bindgen(js_name = getSpec)]
    pub fn get_spec(&self) -> Result<JsValue, JsError> {
        let spec = self.inst.spec().map_err(|e| JsError::new(&e))?;
        to_js(&spec).map_err(|e| JsError::new(&super::shell::js_message(e)))
    }

    /// Replaces the design by a spec (an object or JSON text); an error with the app's message
    /// when it is refused, and the design unchanged. `initial` (the loader's restore from storage):
    /// the element's first design, not undoable and without `genoforge-change`.
    #[wasm_bindgen(js_name = setSpec)]
    pub fn set_spec(&self, spec: JsValue, initial: Option<bool>) -> Result<(), JsError> {
        let text = match spec.as_string() {
            Some(t) => t.into_bytes(),
            None => {
                let value: serde_json::Value = serde_wasm_bindgen::from_value(spec)
                    .map_err(|e| JsError::new(&format!("not a genotype spec: {e}")))?;
                serde_json::to_vec(&value).map_err(|e| JsError::new(&e.to_string()))?
            }
        };
        self.inst
            .set_spec(&text, initial.unwrap_or(false))
            .map_err(|e| JsError::new(&e))
    }

    /// The design's dataset selection.
    #[wasm_bindgen(js_name = getSelection)]
    pub fn get_selection(&self) -> Result<JsValue, JsError> {
        let s = self.inst.selection().map_err(|e| JsError::new(&e))?;
        to_js(&s).map_err(|e| JsError::new(&super::shell::js_message(e)))
    }

    /// Replaces the design's dataset selection.
    #[wasm_bindgen(js_name = setSelection)]
    pub fn set_selection(&self, selection: JsValue) -> Result<(), JsError> {
        let s = serde_wasm_bindgen::from_value(selection)
            .map_err(|e| JsError::new(&format!("not a dataset selection: {e}")))?;
        self.inst.set_selection(s).map_err(|e| JsError::new(&e))
    }

    /// Moves the map (`IV:100000-120000`, or a gene name).
    #[wasm_bindgen(js_name = setLocus)]
    pub fn set_locus(&self, locus: &str) -> Result<(), JsError> {
        self.inst.set_locus(locus).map_err(|e| JsError::new(&e))
    }

    /// `view` or `edit`.
    #[wasm_bindgen(js_name = setMode)]
    pub fn set_mode(&self, mode: &str) -> Result<(), JsError> {
        self.inst.set_mode(mode).map_err(|e| JsError::new(&e))
    }

    /// The element's height as a CSS length the loader checked (`undefined`: its contents').
    #[wasm_bindgen(js_name = setHeight)]
    pub fn set_height(&self, css: Option<String>) {
        self.inst.set_height(css);
    }

    /// Loads a design from a `design` attribute's value (a spec URL or a packed share string);
    /// a promise, rejected with the message (also shown, and fired as `genoforge-error`).
    #[wasm_bindgen(js_name = setDesign)]
    pub fn set_design(&self, value: String) -> js_sys::Promise {
        let inst = Rc::clone(&self.inst);
        wasm_bindgen_futures::future_to_promise(async move {
            let Some(source) = DesignSource::from_attribute(&value) else {
                return Ok(JsValue::UNDEFINED);
            };
            match inst.load_design(source, false).await {
                Ok(()) => Ok(JsValue::UNDEFINED),
                Err(e) => {
                    inst.report_design_error(&e);
                    Err(js_sys::Error::new(&e).into())
                }
            }
        })
    }

    /// Unmounts the instance (idempotent).
    pub fn destroy(&self) {
        self.inst.destroy();
    }
}
