//! The track's width, kept up to date with a `ResizeObserver` (bound here directly: the web-sys
//! feature for it is not enabled in this crate).

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The browser's `ResizeObserver`.
    type ResizeObserver;

    #[wasm_bindgen(constructor, catch)]
    fn new(callback: &js_sys::Function) -> Result<ResizeObserver, JsValue>;

    #[wasm_bindgen(method)]
    fn observe(this: &ResizeObserver, target: &web_sys::Element);

    #[wasm_bindgen(method)]
    fn disconnect(this: &ResizeObserver);
}

/// Sets `width` to the element's width (CSS px) once it is mounted and whenever it changes size.
pub fn observe_width(node: NodeRef<Div>, width: RwSignal<f64>) {
    Effect::new(move |_| {
        let Some(el) = node.get() else {
            return;
        };
        let el: web_sys::Element = el.into();
        let measure = {
            let el = el.clone();
            move || {
                let w = f64::from(el.client_width());
                if width.try_get_untracked().is_some_and(|old| old != w) {
                    width.set(w);
                }
            }
        };
        measure();
        // Measured on the next frame, not inside the observer's callback: the new width resizes
        // the drawing, and a size change delivered in the same frame would be a layout loop
        // ("ResizeObserver loop completed with undelivered notifications").
        let callback = Closure::<dyn FnMut()>::new(move || {
            let measure = measure.clone();
            leptos::task::spawn_local(async move {
                crate::ui::browser::next_frame().await;
                measure();
            });
        });
        let Ok(observer) = ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
            // No ResizeObserver (very old browser): the first measure stands.
            return;
        };
        observer.observe(&el);
        // Kept (in this thread's arena) until the effect is cleaned up, then disconnected before
        // the callback is dropped.
        let keep = StoredValue::new_local((observer, callback));
        on_cleanup(move || {
            keep.try_with_value(|(observer, _)| observer.disconnect());
        });
    });
}
