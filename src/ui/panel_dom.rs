//! Small DOM helpers the editing panels share: the file an input picked, whether keyboard focus is
//! in a text field, copying text to the clipboard.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::state::AppState;

/// The first file of an `<input type="file">` change event.
pub fn picked_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    input.files()?.get(0)
}

/// Clears an `<input type="file">` so picking the same file again fires `change`.
pub fn reset_file_input(ev: &leptos::ev::Event) {
    if let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.set_value("");
    }
}

/// Whether an event target is somewhere people type text (where Ctrl+Z belongs to the field).
pub fn is_text_field(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    match el.tag_name().to_ascii_lowercase().as_str() {
        "textarea" | "select" => true,
        "input" => {
            let kind = el
                .get_attribute("type")
                .unwrap_or_default()
                .to_ascii_lowercase();
            !matches!(
                kind.as_str(),
                "checkbox" | "radio" | "button" | "submit" | "reset" | "file" | "range" | "color"
            )
        }
        _ => el
            .dyn_into::<web_sys::HtmlElement>()
            .is_ok_and(|h| h.is_content_editable()),
    }
}

/// Copies `text` to the clipboard and says so (or why not) with a notice.
pub fn copy_text(app: AppState, text: String, what: String) {
    leptos::task::spawn_local(async move {
        let Some(window) = web_sys::window() else {
            return;
        };
        let promise = window.navigator().clipboard().write_text(&text);
        match JsFuture::from(promise).await {
            Ok(_) => app.notify(false, format!("Copied {what} to the clipboard.")),
            Err(e) => app.notify(
                true,
                format!(
                    "Could not copy {what} to the clipboard ({}); select the text and copy it by hand.",
                    e.as_string()
                        .or_else(|| js_sys::Reflect::get(&e, &"message".into())
                            .ok()
                            .and_then(|m| m.as_string()))
                        .unwrap_or_else(|| "the browser refused".to_owned())
                ),
            ),
        }
    });
}
