//! The page's side of the Datasets tab, which is a wasm of its own (`genoforge-datasets`,
//! `src/bin/genoforge_datasets.rs`): its code is not in the page's wasm (README, "Download size").
//! The page imports it when the tab first opens, or as soon as the open design has a dataset
//! selection (its files are reconciled with the data this browser holds, and said when missing),
//! then sends it the part of the design it reads after every change of it; the tab asks the page,
//! through the object given to its `start`, to change the design's dataset selection, to show a
//! notice and for the genome's name table. Nothing of `ui::datasets` is linked here but the
//! [`DesignPart`] it is sent.

use std::rc::Rc;

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::core::datasets::name_map::NameMap;
use crate::core::design::dataset_selection::DatasetSelection;
use crate::ui::browser::yield_now;
use crate::ui::datasets::host::DesignPart;
use crate::ui::state::{AppState, Ready, Shared};

/// `import(url)`, through the page's `window.genoforgeImport` (`index.html`): a promise of the
/// module's namespace.
fn import_module(url: &str) -> Result<js_sys::Promise, String> {
    let window = web_sys::window().ok_or("no window")?;
    let f: js_sys::Function = js_sys::Reflect::get(&window, &JsValue::from_str("genoforgeImport"))
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or("the page has no genoforgeImport (index.html)")?;
    f.call1(&JsValue::NULL, &JsValue::from_str(url))
        .map_err(|e| js_text(&e))?
        .dyn_into()
        .map_err(|_| "import() gave no promise".to_owned())
}

/// The module's files, beside the page (Trunk does not hash a `data-type="worker"` target's names:
/// both are fetched under the version query, [`crate::ui::asset_version`]).
const MODULE_JS: &str = "genoforge-datasets.js";
/// The module's wasm, which its glue would otherwise fetch by its stable name.
const MODULE_WASM: &str = "genoforge-datasets_bg.wasm";

/// A genome's name table as JSON, with the genome it was built for.
type NameTable = (Shared<Ready>, Rc<String>);

/// Where the tab's module stands.
#[derive(Clone, Debug, Default)]
enum Status {
    /// Not asked for.
    #[default]
    Idle,
    /// Being imported.
    Loading,
    /// Started: its namespace (`set_design`, `mount`, `unmount`).
    Ready(js_sys::Object),
    /// Could not be imported (the page said so).
    Failed,
}

/// The page's handle on the tab's module, provided as context by the app.
#[derive(Clone, Copy)]
pub struct DatasetsModule {
    app: AppState,
    status: RwSignal<Status, LocalStorage>,
    /// The genome's name table as JSON, with the genome it was built for.
    names: StoredValue<Option<NameTable>, LocalStorage>,
    /// The element the tab is shown in, while it is shown.
    shown: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
}

/// Sets up the module's handle: the module is imported once the design has a dataset selection
/// or the tab is opened ([`DatasetsTab`]), and is sent the design part after each change.
pub fn install(app: AppState) -> DatasetsModule {
    let m = DatasetsModule {
        app,
        status: RwSignal::new_local(Status::Idle),
        names: StoredValue::new_local(None),
        shown: StoredValue::new_local(None),
    };
    provide_context(m);
    let part = Memo::new(move |_| {
        app.design.with(|d| DesignPart {
            selection: d.dataset_selection().clone(),
            genotype: d.genotype_in_effect(),
        })
    });
    Effect::new(move |_| {
        if part.with(|p| !p.selection.datasets.is_empty()) {
            m.load();
        }
    });
    Effect::new(move |_| {
        let json = part.with(|p| serde_json::to_string(p).unwrap_or_default());
        m.status.with(|s| {
            if let Status::Ready(ns) = s {
                let _ = call(ns, "set_design", &[JsValue::from_str(&json)]);
            }
        });
    });
    m
}

/// Calls the module's exported function `name` with `args`.
fn call(ns: &js_sys::Object, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(ns, &JsValue::from_str(name))?.dyn_into()?;
    f.apply(&JsValue::NULL, &args.iter().collect::<js_sys::Array>())
}

impl DatasetsModule {
    /// Imports and starts the module unless done or under way.
    fn load(self) {
        if !matches!(self.status.get_untracked(), Status::Idle) {
            return;
        }
        self.status.set(Status::Loading);
        leptos::task::spawn_local(async move {
            match self.import().await {
                Ok(ns) => {
                    self.status.set(Status::Ready(ns.clone()));
                    if let Some(el) = self.shown.get_value() {
                        let _ = call(&ns, "mount", &[el.into()]);
                    }
                }
                Err(e) => {
                    self.status.set(Status::Failed);
                    self.app.notify(
                        true,
                        format!("The Datasets tab could not be loaded ({e}); reload the page to try again."),
                    );
                }
            }
        });
    }

    async fn import(self) -> Result<js_sys::Object, String> {
        use crate::ui::asset_version::versioned;
        let beside = |file: &str| {
            web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.base_uri().ok().flatten())
                .and_then(|base| web_sys::Url::new_with_base(file, &base).ok())
                .map_or_else(|| file.to_owned(), |u| u.href())
        };
        let url = versioned(&beside(MODULE_JS));
        let ns = wasm_bindgen_futures::JsFuture::from(import_module(&url)?)
            .await
            .map_err(|e| format!("{url}: {}", js_text(&e)))?;
        // A module namespace has no prototype: `instanceof Object` (what `dyn_into` checks) is false.
        if !ns.is_object() {
            return Err("not a module".to_owned());
        }
        let ns: js_sys::Object = ns.unchecked_into();
        // wasm-bindgen's `--target web` glue: the default export fetches and instantiates the wasm
        // it is given (beside the script, under the version query too).
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &options,
            &JsValue::from_str("module_or_path"),
            &JsValue::from_str(&versioned(&beside(MODULE_WASM))),
        );
        let init = call(&ns, "default", &[options.into()]).map_err(|e| js_text(&e))?;
        let init: js_sys::Promise = init.dyn_into().map_err(|_| "no init".to_owned())?;
        wasm_bindgen_futures::JsFuture::from(init)
            .await
            .map_err(|e| js_text(&e))?;
        let design = self.app.design.with_untracked(|d| {
            serde_json::to_string(&DesignPart {
                selection: d.dataset_selection().clone(),
                genotype: d.genotype_in_effect(),
            })
            .unwrap_or_default()
        });
        call(
            &ns,
            "start",
            &[self.page().into(), JsValue::from_str(&design)],
        )
        .map_err(|e| js_text(&e))?;
        Ok(ns)
    }

    /// The object the module reaches the page through (`ui::datasets::host::Page`).
    fn page(self) -> js_sys::Object {
        let page = js_sys::Object::new();
        let app = self.app;
        let commit = Closure::<dyn Fn(String, bool) -> JsValue>::new(move |json: String, undo| {
            let selection: DatasetSelection = match serde_json::from_str(&json) {
                Ok(s) => s,
                Err(e) => return JsValue::from_str(&e.to_string()),
            };
            if undo {
                match app.commit(|_, d| {
                    *d.dataset_selection_mut() = selection;
                    Ok(())
                }) {
                    Ok(()) => JsValue::UNDEFINED,
                    Err(e) => JsValue::from_str(&e.to_string()),
                }
            } else {
                let mut next = app.design.get_untracked();
                *next.dataset_selection_mut() = selection;
                app.replace_design(next, false);
                JsValue::UNDEFINED
            }
        });
        let notify = Closure::<dyn Fn(bool, String)>::new(move |error, text: String| {
            app.notify(error, text);
        });
        let names = Closure::<dyn Fn() -> js_sys::Promise>::new(move || {
            wasm_bindgen_futures::future_to_promise(async move {
                Ok(match self.names().await {
                    Some(json) => JsValue::from_str(&json),
                    None => JsValue::NULL,
                })
            })
        });
        for (name, f) in [
            ("commit", commit.into_js_value()),
            ("notify", notify.into_js_value()),
            ("names", names.into_js_value()),
        ] {
            let _ = js_sys::Reflect::set(&page, &JsValue::from_str(name), &f);
        }
        page
    }

    /// The loaded genome's name table as JSON, built in steps (yielding between) once per genome.
    async fn names(self) -> Option<Rc<String>> {
        let ready = self.app.genome.get_untracked()?;
        if let Some(Some((r, json))) = self.names.try_with_value(|n| n.clone())
            && std::sync::Arc::ptr_eq(&r.0, &ready.0)
        {
            return Some(json);
        }
        let genome = ready.genome();
        let all: Vec<&str> = genome.names().names().collect();
        let mut map = NameMap::default();
        for chunk in all.chunks(3_000) {
            map.extend(chunk.iter().copied(), genome);
            yield_now().await;
        }
        let json = Rc::new(serde_json::to_string(&map).unwrap_or_default());
        self.names
            .set_value(Some((ready.clone(), Rc::clone(&json))));
        Some(json)
    }

    /// Shows the tab's body in `el` (once the module is started).
    fn show(self, el: web_sys::HtmlElement) {
        self.shown.set_value(Some(el.clone()));
        if let Status::Ready(ns) = self.status.get_untracked() {
            let _ = call(&ns, "mount", &[el.into()]);
        } else {
            self.load();
        }
    }

    /// Removes the tab's body (the module keeps its state).
    fn hide(self) {
        self.shown.set_value(None);
        if let Status::Ready(ns) = self.status.get_untracked() {
            let _ = call(&ns, "unmount", &[]);
        }
    }
}

fn js_text(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

/// The Datasets tab's element: the module's body is mounted into it (after the module is
/// imported, with a line saying so meanwhile) and removed with it.
#[component]
pub fn DatasetsTab() -> impl IntoView {
    let Some(m) = use_context::<DatasetsModule>() else {
        return ().into_any();
    };
    let host = NodeRef::<Div>::new();
    host.on_load(move |el| {
        let el: &web_sys::HtmlElement = &el;
        m.show(el.clone());
    });
    on_cleanup(move || m.hide());
    let loading = move || matches!(m.status.get(), Status::Idle | Status::Loading);
    view! {
        <Show when=loading>
            <p class="hint" role="status" id="datasets-loading">"Loading the Datasets tab…"</p>
        </Show>
        <div class="datasets-host" node_ref=host></div>
    }
    .into_any()
}
