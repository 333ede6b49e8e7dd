//! One embedded instance: the shadow root with the adopted stylesheet, the components mounted in
//! it over their own [`AppState`], the genome (shared), the design, and the events.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

use super::config::{DesignSource, EmbedConfig};
use super::events::{ErrorDetail, ErrorPhase, EventName, emit};
use super::genome_cache;
use crate::core::design::Design;
use crate::core::design::dataset_selection::DatasetSelection;
use crate::io::spec_json;
use crate::ui::app::Editor;
use crate::ui::browser::fetch_bytes;
use crate::ui::host::{Embedded, Mode};
use crate::ui::persist::{now_iso, window_locus};
use crate::ui::state::{AppState, LoadState, Shared};
use crate::ui::tabs::Tabs;
use crate::view::viewport::Viewport;

/// The version the `genoforge-ready` event reports.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// How long the design must rest before `genoforge-change` fires.
const CHANGE_DEBOUNCE: Duration = Duration::from_millis(200);

/// The app's stylesheets, as shipped for the page.
const APP_CSS: [&str; 4] = [
    include_str!("../../../styles/main.css"),
    include_str!("../../../styles/map.css"),
    include_str!("../../../styles/panels.css"),
    include_str!("../../../styles/datasets.css"),
];

thread_local! {
    /// One constructed stylesheet for every element of the page (adopted, never copied).
    static SHEET: RefCell<Option<web_sys::CssStyleSheet>> = const { RefCell::new(None) };
}

/// The page's one stylesheet for embedded elements, built on first use.
fn sheet() -> Result<web_sys::CssStyleSheet, String> {
    SHEET.with(|s| {
        if let Some(sheet) = s.borrow().as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = web_sys::CssStyleSheet::new().map_err(js_message)?;
        let css = crate::view::embed_css::for_shadow_root(&APP_CSS.join("\n"));
        sheet.replace_sync(&css).map_err(js_message)?;
        *s.borrow_mut() = Some(sheet.clone());
        Ok(sheet)
    })
}

/// A JavaScript error's message.
pub fn js_message(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| format!("{e:?}"))
}

/// What the instance's timers and effects share with it.
#[derive(Default)]
struct Live {
    /// `destroy` was called: nothing may touch the state any more.
    destroyed: Cell<bool>,
    /// The initial design is applied: changes from now on are the reader's.
    armed: Cell<bool>,
    /// An initial design (the element's own, or the one restored from storage) was put in place:
    /// the next run of the change effect is that, not a change.
    quiet: Cell<bool>,
    /// The latest design change (for the debounce).
    change: Cell<u64>,
    /// The window last reported.
    locus: RefCell<Option<String>>,
}

/// An embedded instance.
pub struct Instance {
    host: web_sys::HtmlElement,
    app: AppState,
    embedded: Embedded,
    container: web_sys::Element,
    unmount: RefCell<Option<Box<dyn Any>>>,
    live: Rc<Live>,
    settle: RefCell<Option<(js_sys::Function, js_sys::Function)>>,
    ready: js_sys::Promise,
}

impl Instance {
    /// Mounts an instance in `host`'s shadow root (made, or reused when the element was mounted
    /// before) and starts loading; fails only when the DOM refuses (a message says why).
    pub fn mount(host: web_sys::HtmlElement, config: EmbedConfig) -> Result<Rc<Self>, String> {
        let (mode, bad_mode) = match config.mode() {
            Ok(m) => (m, None),
            Err(e) => (Mode::View, Some(e)),
        };
        let base = config
            .asset_base
            .clone()
            .map(|b| if b.ends_with('/') { b } else { format!("{b}/") })
            .unwrap_or_default();
        let root = match host.shadow_root() {
            Some(r) => r,
            None => host
                .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
                .map_err(js_message)?,
        };
        let sheet: JsValue = sheet()?.into();
        root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        // What an earlier mount or the loader's error box left.
        root.set_inner_html("");
        let document = host.owner_document().ok_or("the element has no document")?;
        let container = document.create_element("div").map_err(js_message)?;
        container.set_class_name("genoforge-embed");
        root.append_child(&container).map_err(js_message)?;

        let live = Rc::new(Live::default());
        let made: Rc<Cell<Option<(AppState, Embedded)>>> = Rc::new(Cell::new(None));
        let unmount = {
            let (made, live, host) = (Rc::clone(&made), Rc::clone(&live), host.clone());
            let parent: web_sys::HtmlElement = container.clone().unchecked_into();
            leptos::mount::mount_to(parent, move || {
                let app = AppState::new();
                provide_context(app);
                provide_context(Tabs::new());
                let embedded = Embedded {
                    mode: RwSignal::new(mode),
                    asset_base: StoredValue::new(base),
                };
                provide_context(embedded);
                made.set(Some((app, embedded)));
                watch(app, host, live);
                view! { <Editor /> }
            })
        };
        let (app, embedded) = made.take().ok_or("the element's app did not start")?;
        let settle = Rc::new(RefCell::new(None));
        let ready = {
            let settle = Rc::clone(&settle);
            js_sys::Promise::new(&mut |resolve, reject| {
                *settle.borrow_mut() = Some((resolve, reject));
            })
        };
        let inst = Rc::new(Self {
            host,
            app,
            embedded,
            container,
            unmount: RefCell::new(Some(Box::new(unmount))),
            live,
            settle: RefCell::new(settle.borrow_mut().take()),
            ready,
        });
        if let Some(e) = bad_mode {
            app.notify(true, format!("{e}; showing the design in view mode."));
        }
        if let Some(s) = config.storage.as_deref().filter(|s| *s != "none") {
            app.notify(
                false,
                format!("storage=\"{s}\" is kept by the loader (genoforge-embed.js); mounted without it, this element keeps its design only while the page is open."),
            );
        }
        leptos::task::spawn_local(Rc::clone(&inst).start(config));
        Ok(inst)
    }

    /// Resolves when the genome is shown and the design applied; rejects with the message of the
    /// first failure.
    pub fn ready(&self) -> js_sys::Promise {
        self.ready.clone()
    }

    fn alive(&self) -> bool {
        !self.live.destroyed.get()
    }

    async fn start(self: Rc<Self>, config: EmbedConfig) {
        let base = self.embedded.asset_base.get_value();
        leptos::task::spawn_local(crate::ui::loading::load_resources(self.app, base.clone()));
        let app = self.app;
        let label = match config.genome_source() {
            super::config::GenomeSource::Default => crate::ui::loading::DEFAULT_LABEL.to_owned(),
            super::config::GenomeSource::Manifest(u) => u,
        };
        app.load.set(LoadState::Loading {
            label: label.clone(),
            progress: None,
        });
        let progress = Box::new(move |p| {
            if matches!(
                app.load.try_get_untracked(),
                Some(LoadState::Loading { .. })
            ) {
                app.load.try_set(LoadState::Loading {
                    label: label.clone(),
                    progress: Some(p),
                });
            }
        });
        // The design's file is fetched while the genome loads; it is applied once the genome is in.
        let design = config.design_source();
        let fetched = async {
            match &design {
                Some(DesignSource::Url(u)) => Some(fetch_design(u).await),
                _ => None,
            }
        };
        let (loaded, fetched) = futures::join!(
            genome_cache::genome(&config.genome_source(), &base, progress),
            fetched
        );
        if !self.alive() {
            return;
        }
        let ready = match loaded {
            Ok(r) => r,
            Err(e) => {
                app.load.set(LoadState::Failed(e.clone()));
                self.fail(ErrorPhase::Genome, e);
                return;
            }
        };
        crate::ui::loading::install(app, ready.clone()).await;
        if !self.alive() {
            return;
        }
        if let Some(locus) = config.locus.as_deref()
            && let Err(e) = self.set_locus(locus)
        {
            // The phases are wasm, genome and design: a locus is part of what is shown.
            self.fail(ErrorPhase::Design, e);
        }
        let applied = match (design, fetched) {
            (_, Some(text)) => text.and_then(|t| self.apply_text(&t, true)),
            (Some(source), None) => self.load_design(source, true).await,
            (None, None) => Ok(()),
        };
        if !self.alive() {
            return;
        }
        if let Err(e) = applied {
            // The genome is shown: the element is usable, the failure is its event and notice.
            self.fail(ErrorPhase::Design, e);
        }
        self.live.armed.set(true);
        self.report_locus();
        #[derive(Serialize)]
        struct ReadyDetail<'a> {
            version: &'a str,
            genome: &'a str,
        }
        emit(
            &self.host,
            EventName::Ready,
            &ReadyDetail {
                version: VERSION,
                genome: &ready.label,
            },
        );
        if let Some((resolve, _)) = self.settle.borrow_mut().take() {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    }

    /// Reports a failure: a notice in the element, `genoforge-error`, the ready promise rejected.
    fn fail(&self, phase: ErrorPhase, message: String) {
        if phase != ErrorPhase::Genome {
            // The genome's failure is shown in place of the map already.
            self.app.notify(true, message.clone());
        }
        emit(
            &self.host,
            EventName::Error,
            &ErrorDetail {
                phase,
                message: message.clone(),
            },
        );
        // Only a genome that cannot be shown fails the mount; a design or locus problem leaves a
        // usable element, so the host gets its handle.
        if phase == ErrorPhase::Genome
            && let Some((_, reject)) = self.settle.borrow_mut().take()
        {
            let _ = reject.call1(&JsValue::UNDEFINED, &js_sys::Error::new(&message));
        }
    }

    /// Fires `genoforge-locus` for the map's window, unless it was the last one reported.
    fn report_locus(&self) {
        if let Some(v) = self.app.view.get_untracked() {
            emit_locus(&self.app, &self.host, &self.live, &v);
        }
    }

    /// Shows a design's failure and fires `genoforge-error` (after start-up).
    pub fn report_design_error(&self, message: &str) {
        if self.alive() {
            self.fail(ErrorPhase::Design, message.to_owned());
        }
    }

    /// Fetches or unpacks a design and makes it the design (not undoable). `initial`: the
    /// element's own design, put in place without `genoforge-change`; otherwise the host's change.
    pub async fn load_design(&self, source: DesignSource, initial: bool) -> Result<(), String> {
        let text = match source {
            DesignSource::Inline(t) => t.into_bytes(),
            DesignSource::Url(u) => fetch_design(&u).await?,
            DesignSource::Packed(p) => {
                let (ready, reference) = self.reference()?;
                let (design, warnings) = spec_json::restore_packed(ready.genome(), &reference, &p)
                    .map_err(|e| format!("The design in the link cannot be opened: {e}"))?;
                self.replace(design, warnings, false, initial);
                return Ok(());
            }
        };
        self.apply_text(&text, initial)
    }

    /// Makes a spec's JSON text the design (not undoable; `initial` as for [`Self::load_design`]).
    fn apply_text(&self, text: &[u8], initial: bool) -> Result<(), String> {
        if !self.alive() {
            return Err("the element was removed".to_owned());
        }
        let (design, warnings) = self.restore(text)?;
        self.replace(design, warnings, false, initial);
        Ok(())
    }

    fn reference(
        &self,
    ) -> Result<
        (
            Shared<crate::ui::state::Ready>,
            Shared<crate::core::spec::ReferenceSpec>,
        ),
        String,
    > {
        match (self.app.genome.get_untracked(), self.app.reference_spec()) {
            (Some(g), Some(r)) => Ok((g, r)),
            _ => Err("no genome is loaded yet".to_owned()),
        }
    }

    /// A spec's JSON text checked against the genome, with the app's messages.
    fn restore(&self, text: &[u8]) -> Result<(Design, crate::core::spec::Warnings), String> {
        let (ready, reference) = self.reference()?;
        spec_json::parse(text)
            .map_err(|e| e.to_string())
            .and_then(|spec| {
                crate::core::spec::restore(ready.genome(), &reference, &spec)
                    .map_err(|e| e.to_string())
            })
    }

    /// Puts `design` in place (`record`: undoable); `initial`: without `genoforge-change`.
    fn replace(
        &self,
        design: Design,
        warnings: crate::core::spec::Warnings,
        record: bool,
        initial: bool,
    ) {
        if initial {
            self.live.quiet.set(true);
        }
        self.app.replace_design(design, record);
        for w in warnings {
            self.app.notify(false, w);
        }
    }

    /// The design's genotype spec, as the app's spec download has it.
    pub fn spec(&self) -> Result<crate::core::spec::GenotypeSpec, String> {
        self.check()?;
        let (ready, reference) = self.reference()?;
        Ok(self.app.design.with_untracked(|d| {
            crate::core::spec::export(
                ready.genome(),
                d,
                &reference,
                &now_iso(),
                &self.app.essential.get_untracked().0,
            )
        }))
    }

    /// Replaces the design by a spec (JSON text); refused with the app's message, changing nothing.
    /// `initial`: the element's first design (the one the loader restores from the host's storage):
    /// not undoable, no `genoforge-change`.
    pub fn set_spec(&self, text: &[u8], initial: bool) -> Result<(), String> {
        self.check()?;
        let (design, warnings) = self.restore(text)?;
        self.replace(design, warnings, !initial, initial);
        Ok(())
    }

    /// The design's dataset selection.
    pub fn selection(&self) -> Result<DatasetSelection, String> {
        self.check()?;
        Ok(self
            .app
            .design
            .with_untracked(|d| d.dataset_selection().clone()))
    }

    /// Replaces the design's dataset selection (undoable).
    pub fn set_selection(&self, selection: DatasetSelection) -> Result<(), String> {
        self.check()?;
        let mut next = self.app.design.get_untracked();
        *next.dataset_selection_mut() = selection;
        self.app.replace_design(next, true);
        Ok(())
    }

    /// Moves the map to a locus (`IV:100000-120000`) or a gene.
    pub fn set_locus(&self, locus: &str) -> Result<(), String> {
        self.check()?;
        let (ready, _) = self.reference()?;
        let v = Viewport::parse(ready.genome(), locus)
            .map_err(|e| format!("locus \"{locus}\" cannot be shown: {e}"))?;
        self.app.view.set(Some(v));
        Ok(())
    }

    /// Switches between view and edit.
    pub fn set_mode(&self, mode: &str) -> Result<(), String> {
        self.check()?;
        let m = Mode::parse(mode).ok_or_else(|| format!("mode \"{mode}\": use view or edit"))?;
        self.embedded.mode.set(m);
        Ok(())
    }

    /// Sets the element's height, a CSS length the loader checked (`600px`, `50vh`; `None`: as
    /// tall as its contents). Set through CSSOM, which a CSP without `'unsafe-inline'` allows.
    pub fn set_height(&self, css: Option<String>) {
        let style = self.host.style();
        let _ = match css {
            Some(h) => style.set_property("height", &h),
            None => style.remove_property("height").map(|_| ()),
        };
    }

    fn check(&self) -> Result<(), String> {
        if self.alive() {
            Ok(())
        } else {
            Err("this Genoforge element was destroyed".to_owned())
        }
    }

    /// Unmounts: the components, their effects and timers go; the shadow root is emptied (its
    /// stylesheet stays adopted, for a later mount). Idempotent.
    pub fn destroy(&self) {
        if self.live.destroyed.replace(true) {
            return;
        }
        drop(self.unmount.borrow_mut().take());
        self.container.remove();
        if let Some((_, reject)) = self.settle.borrow_mut().take() {
            let _ = reject.call1(
                &JsValue::UNDEFINED,
                &js_sys::Error::new("the element was removed before it was ready"),
            );
        }
    }
}

/// The effects that fire `genoforge-change`, `-select` and `-locus` (created in the instance's
/// owner, so they end with it).
fn watch(app: AppState, host: web_sys::HtmlElement, live: Rc<Live>) {
    {
        let (host, live) = (host.clone(), Rc::clone(&live));
        Effect::new(move |_| {
            app.design.track();
            let initial = live.quiet.replace(false);
            if initial || !live.armed.get() || live.destroyed.get() {
                return;
            }
            let generation = live.change.get() + 1;
            live.change.set(generation);
            let (host, live) = (host.clone(), Rc::clone(&live));
            set_timeout(
                move || {
                    if live.destroyed.get() || live.change.get() != generation {
                        return;
                    }
                    let (Some(ready), Some(reference)) =
                        (app.genome.get_untracked(), app.reference_spec())
                    else {
                        return;
                    };
                    #[derive(Serialize)]
                    struct ChangeDetail {
                        spec: crate::core::spec::GenotypeSpec,
                        edits: usize,
                    }
                    let detail = app.design.with_untracked(|d| ChangeDetail {
                        spec: crate::core::spec::export(
                            ready.genome(),
                            d,
                            &reference,
                            &now_iso(),
                            &app.essential.get_untracked().0,
                        ),
                        edits: d.edits().len(),
                    });
                    emit(&host, EventName::Change, &detail);
                },
                CHANGE_DEBOUNCE,
            );
        });
    }
    {
        let (host, live) = (host.clone(), Rc::clone(&live));
        Effect::new(move |_| {
            let selected = app.selected.get();
            if !live.armed.get() || live.destroyed.get() {
                return;
            }
            #[derive(Serialize)]
            struct SelectDetail {
                feature: Option<String>,
                locus: Option<String>,
            }
            let detail = app.genome.with_untracked(|g| {
                let (g, idx) = match (g, selected) {
                    (Some(g), Some(i)) => (g, i),
                    _ => {
                        return SelectDetail {
                            feature: None,
                            locus: None,
                        };
                    }
                };
                let f = g.genome().feature(idx);
                SelectDetail {
                    feature: Some(f.display_name().into_owned()),
                    locus: Some(format!(
                        "{}:{}-{}",
                        g.genome().contig(f.contig).name,
                        f.span.start().get() + 1,
                        f.span.end().get()
                    )),
                }
            });
            emit(&host, EventName::Select, &detail);
        });
    }
    Effect::new(move |_| {
        let Some(v) = app.view.get() else { return };
        // Before ready the window is still being set (the default one, then the `locus` asked
        // for): the start reports the one it ends on.
        if !live.armed.get() || live.destroyed.get() {
            return;
        }
        emit_locus(&app, &host, &live, &v);
    });
}

/// Fires `genoforge-locus` for the window `v`, unless it is the one last reported.
fn emit_locus(app: &AppState, host: &web_sys::HtmlElement, live: &Live, v: &Viewport) {
    let Some(locus) = window_locus(app, v) else {
        return;
    };
    if live.locus.borrow().as_deref() == Some(locus.as_str()) {
        return;
    }
    *live.locus.borrow_mut() = Some(locus.clone());
    #[derive(Serialize)]
    struct LocusDetail {
        locus: String,
    }
    emit(host, EventName::Locus, &LocusDetail { locus });
}

/// A design file's bytes; relative URLs are resolved against the host page. The error says which
/// URL and why (`HTTP 404`, or refused: network, CORS or the page's CSP `connect-src`).
async fn fetch_design(url: &str) -> Result<Vec<u8>, String> {
    let url = genome_cache::absolute(url, None);
    fetch_bytes(&url)
        .await
        .map_err(|e| format!("the design could not be fetched from {e}"))
}
