//! The Datasets tab as a wasm of its own (built by Trunk beside the app, `data-type="worker"` with
//! `data-bindgen-target="web"` in `index.html`: unhashed `genoforge-datasets.js` and `_bg.wasm`,
//! not started by the page's loader). The page imports it when the tab first opens or a design
//! with a dataset selection is open (`genoforge::ui::datasets_loader`), so the tab's code is not
//! part of the page's wasm. It exports:
//!
//! - `start(page, design)`: the page's services (`commit(selectionJson, undo)` returning an
//!   error text or nothing, `notify(error, text)`, `names()` a promise of the genome's name table
//!   as JSON or null) and the design part as JSON (`ui::datasets::host::DesignPart`); sets up the
//!   tab's state (the registry, the stored datasets read back, the selection reconciled).
//! - `set_design(json)`: the design part again, after each change of it on the page.
//! - `mount(element)` / `unmount()`: the tab's body rendered into the page's tab element, and
//!   removed when the page shows another tab (the state stays).

#[cfg(target_arch = "wasm32")]
mod module {
    use std::cell::RefCell;
    use std::rc::Rc;

    use genoforge::core::design::dataset_selection::DatasetSelection;
    use genoforge::ui::datasets::host::{DesignPart, Host, Page, PageFuture};
    use genoforge::ui::datasets::panel::DatasetsPanel;
    use genoforge::ui::datasets::state::DatasetsState;
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;

    /// The page's services, as the JS object `start` was given.
    struct JsPage(js_sys::Object);

    impl JsPage {
        fn method(&self, name: &str) -> Option<js_sys::Function> {
            js_sys::Reflect::get(&self.0, &JsValue::from_str(name))
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        }
    }

    impl Page for JsPage {
        fn commit(&self, selection: &DatasetSelection, undo: bool) -> Result<(), String> {
            let json = serde_json::to_string(selection).map_err(|e| e.to_string())?;
            let f = self
                .method("commit")
                .ok_or("the page cannot change the design")?;
            let out = f
                .call2(
                    &self.0,
                    &JsValue::from_str(&json),
                    &JsValue::from_bool(undo),
                )
                .map_err(|e| format!("{e:?}"))?;
            match out.as_string() {
                Some(e) => Err(e),
                None => Ok(()),
            }
        }

        fn notify(&self, error: bool, text: &str) {
            if let Some(f) = self.method("notify") {
                let _ = f.call2(
                    &self.0,
                    &JsValue::from_bool(error),
                    &JsValue::from_str(text),
                );
            }
        }

        fn names(&self) -> PageFuture<Option<Rc<String>>> {
            let promise = self
                .method("names")
                .and_then(|f| f.call0(&self.0).ok())
                .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
            Box::pin(async move {
                let p = promise?;
                let v = wasm_bindgen_futures::JsFuture::from(p).await.ok()?;
                v.as_string().map(Rc::new)
            })
        }
    }

    /// The tab's state, its owner and the mounted view.
    struct Module {
        _owner: Owner,
        state: DatasetsState,
        host: Host,
        mounted: Option<Box<dyn std::any::Any>>,
    }

    thread_local! {
        static MODULE: RefCell<Option<Module>> = const { RefCell::new(None) };
    }

    fn design_part(json: &str) -> DesignPart {
        serde_json::from_str(json).unwrap_or_default()
    }

    /// Sets up the tab's state (once).
    #[wasm_bindgen]
    pub fn start(page: js_sys::Object, design: &str) {
        if MODULE.with(|m| m.borrow().is_some()) {
            set_design(design);
            return;
        }
        console_error_panic_hook::set_once();
        let _ = any_spawner::Executor::init_wasm_bindgen();
        let owner = Owner::new();
        let design = design_part(design);
        let (state, host) = owner.with(|| {
            let host = Host::new(Rc::new(JsPage(page)), design);
            (genoforge::ui::datasets::install(host), host)
        });
        MODULE.with(|m| {
            *m.borrow_mut() = Some(Module {
                _owner: owner,
                state,
                host,
                mounted: None,
            });
        });
    }

    /// Takes the design part the page sends after each change of it.
    #[wasm_bindgen]
    pub fn set_design(json: &str) {
        let host = MODULE.with(|m| m.borrow().as_ref().map(|m| m.host));
        if let Some(host) = host {
            host.set_design(design_part(json));
        }
    }

    /// Renders the tab's body into `element` (replacing what it showed before).
    #[wasm_bindgen]
    pub fn mount(element: web_sys::HtmlElement) {
        unmount();
        let state = MODULE.with(|m| m.borrow().as_ref().map(|m| m.state));
        let Some(state) = state else { return };
        let handle = leptos::mount::mount_to(element, move || {
            provide_context(state);
            view! { <DatasetsPanel /> }
        });
        MODULE.with(|m| {
            if let Some(m) = m.borrow_mut().as_mut() {
                m.mounted = Some(Box::new(handle));
            }
        });
    }

    /// Removes the tab's body (the state stays for the next [`mount`]).
    #[wasm_bindgen]
    pub fn unmount() {
        let handle = MODULE.with(|m| m.borrow_mut().as_mut().and_then(|m| m.mounted.take()));
        drop(handle);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

/// Natively there is no page: the tab is only built for the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!(
        "genoforge-datasets is the browser app's Datasets tab, built by trunk; the native \
         command-line tool is the `genoforge` binary."
    );
}
