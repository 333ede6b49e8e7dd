//! The application root: a one-row header (its less used buttons in a More menu when narrow: see
//! [`super::more_menu`]), notices at the top right, the genome being loaded or
//! edited — the map, a side column (composing, or the edit list) and the lower tabs.
//!
//! Key handling that is the app's own (Escape closing menus and panels) listens on the app's root
//! element, not the document, so that several instances can share a page.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::composer::Composer;
use super::coords::CoordinatesTable;
use super::designs::DesignLibrary;
use super::edit_list::EditList;
use super::exports::ExportMenu;
use super::gene_list::GeneListPanel;
use super::help::HelpButtons;
use super::loading::load_default;
use super::map::GenomeMap;
use super::notices::Notices;
use super::open::OpenGenome;
use super::search::GeneSearch;
use super::sequence_view::SequenceView;
use super::state::{AppState, LoadState};
use super::strain::StrainPicker;
use super::summary::Summary;
use super::tabs::{LowerTab, SideTab, Tabs};
use crate::core::coord::thousands;
use crate::view::edit_rows::counted;

/// The application root, mounted on `<body>` by the `genoforge-web` binary.
#[component]
pub fn App() -> impl IntoView {
    let app = AppState::new();
    provide_context(app);
    provide_context(Tabs::new());
    provide_context(super::host::PagePanels {
        datasets: || view! { <super::datasets_loader::DatasetsTab /> }.into_any(),
        library: || view! { <DesignLibrary /> }.into_any(),
    });
    super::persist::install(app);
    // Datasets: the tab's own wasm, imported when the tab opens or a design selects datasets.
    super::datasets_loader::install(app);
    leptos::task::spawn_local(load_default(app, String::new()));
    leptos::task::spawn_local(super::loading::load_resources(app, String::new()));
    view! { <Editor /> }
}

/// The editor's layout over the [`AppState`] and [`Tabs`] in context: the whole page's, and an
/// embedded element's (which hides what its mode does not allow, see [`super::host`]).
#[component]
pub fn Editor() -> impl IntoView {
    let app = super::state::use_app();
    let tabs = super::tabs::use_tabs();
    let can_edit = super::host::can_edit();
    let embedded = super::host::use_embedded().is_some();
    let page_panels = super::host::use_page_panels();
    let root = NodeRef::<Div>::new();
    // Escape closes the open menu (a <details>) or header panel within this app.
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if embedded && can_edit.get_untracked() {
            super::edit_list::undo_keys(app, &ev);
        }
        if ev.key() != "Escape" || ev.default_prevented() {
            return;
        }
        let mut closed = false;
        if let Some(root) = root.get_untracked()
            && let Ok(open) = root.query_selector_all("details[open]")
        {
            for i in 0..open.length() {
                if let Some(el) = open
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    let _ = el.remove_attribute("open");
                    closed = true;
                }
            }
        }
        if tabs.popover.get_untracked().is_some() {
            tabs.popover.set(None);
            closed = true;
        }
        if closed {
            ev.prevent_default();
        }
    };
    // The whole page is this app: Escape pressed with the focus on no element of it (the page's
    // body, after a click on an empty area or once the focused button was hidden by a narrower
    // layout) closes its menus and panels too. An embedded element listens on itself only.
    if !embedded && let Some(document) = web_sys::window().and_then(|w| w.document()) {
        let listener = gloo_events::EventListener::new(&document, "keydown", move |ev| {
            let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            let outside = root.get_untracked().is_none_or(|r| {
                ev.target()
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                    .is_none_or(|t| !r.contains(Some(&t)))
            });
            if outside {
                on_keydown(ev.clone());
            }
        });
        let keep = StoredValue::new_local(Some(listener));
        on_cleanup(move || keep.set_value(None));
    }
    // A press outside the open header panel (and outside the header's buttons) closes it.
    let on_pointerdown = move |ev: web_sys::PointerEvent| {
        if tabs.popover.get_untracked().is_none() {
            return;
        }
        let inside = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest(".popover, .topbar-actions").ok().flatten())
            .is_some();
        if !inside {
            tabs.popover.set(None);
        }
    };
    let lower_button = move |t: LowerTab| {
        view! {
            <button
                role="tab"
                id=t.id()
                aria-selected=move || (tabs.lower.get() == t).to_string()
                class:active=move || tabs.lower.get() == t
                on:click=move |_| tabs.lower.set(t)
            >
                {t.label()}
            </button>
        }
    };
    let side_button = move |t: SideTab, id: &'static str| {
        view! {
            <button
                role="tab"
                id=id
                aria-selected=move || (tabs.side.get() == t).to_string()
                class:active=move || tabs.side.get() == t
                on:click=move |_| tabs.side.set(t)
            >
                {move || match t {
                    SideTab::Compose => "Compose".to_owned(),
                    SideTab::Edits => format!(
                        "Edits ({})",
                        thousands(app.design.with(|d| d.edits().len()) as u64)
                    ),
                }}
            </button>
        }
    };
    view! {
        <div class="genoforge-app" node_ref=root on:keydown=on_keydown on:pointerdown=on_pointerdown>
            <header class="topbar">
                <h1 class="brand">"Genoforge"</h1>
                <GenomeLabel />
                <DesignLabel />
                <div class="topbar-actions">
                    {page_panels.map(|p| {
                        view! {
                            <Show when=move || app.genome.with(Option::is_some)>
                                {(p.library)()}
                            </Show>
                        }
                    })}
                    <ExportMenu />
                    <Show when=move || can_edit.get()>
                        <OpenGenome />
                    </Show>
                    <HelpButtons />
                    <super::more_menu::MoreMenu />
                </div>
            </header>
            <super::persist::ConflictBanner />
            <Notices />
            <main
                class="app"
                id="app-ready"
                on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
                on:drop=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    if !can_edit.get_untracked() {
                        return;
                    }
                    let files: Vec<web_sys::File> = ev
                        .data_transfer()
                        .and_then(|d| d.files())
                        .map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
                        .unwrap_or_default();
                    leptos::task::spawn_local(super::open::dropped_on_page(app, files));
                }
            >
                <LoadStatus />
                <Show when=move || app.genome.with(Option::is_some)>
                    <div class="editor">
                        <section class="map-area" aria-label="Genome map">
                            <GenomeMap />
                        </section>
                        <aside class="side">
                            <Show when=move || can_edit.get()>
                                <div class="tabs side-tabs" role="tablist" aria-label="Side panels">
                                    {side_button(SideTab::Compose, "side-tab-compose")}
                                    {side_button(SideTab::Edits, "side-tab-edits")}
                                </div>
                            </Show>
                            // Both stay mounted (the edit list keeps its scroll and its keys).
                            <div class="side-body" role="tabpanel" hidden=move || tabs.side.get() != SideTab::Compose>
                                <section class="panel search-panel" aria-label="Gene search">
                                    <GeneSearch />
                                </section>
                                // View mode lists the design read-only below the search.
                                <Show when=move || !can_edit.get()>
                                    <EditList />
                                </Show>
                                <Show when=move || can_edit.get()>
                                    <Composer />
                                    <super::gene_edits::GeneEdits />
                                    <StrainPicker />
                                    <GeneListPanel />
                                </Show>
                            </div>
                            <Show when=move || can_edit.get()>
                                <div class="side-body" role="tabpanel" hidden=move || tabs.side.get() != SideTab::Edits>
                                    <EditList />
                                </div>
                            </Show>
                        </aside>
                        <section class="lower">
                            <div class="tabs" role="tablist" aria-label="Views">
                                {LowerTab::ALL
                                    .into_iter()
                                    // The Datasets tab (its worker, IndexedDB) belongs to the whole page.
                                    .filter(|t| page_panels.is_some() || *t != LowerTab::Datasets)
                                    .map(lower_button)
                                    .collect_view()}
                            </div>
                            <div class="tab-body" role="tabpanel">
                                {move || match tabs.lower.get() {
                                    LowerTab::Coordinates => view! { <CoordinatesTable /> }.into_any(),
                                    LowerTab::Sequence => view! { <SequenceView /> }.into_any(),
                                    LowerTab::Genome => view! { <Summary /> }.into_any(),
                                    LowerTab::Datasets => {
                                        page_panels.map_or_else(|| ().into_any(), |p| (p.datasets)())
                                    }
                                }}
                            </div>
                        </section>
                    </div>
                </Show>
            </main>
        </div>
    }
}

/// What genome is open.
#[component]
fn GenomeLabel() -> impl IntoView {
    let app = super::state::use_app();
    let text = move || {
        app.genome.with(|g| match g {
            Some(r) => format!("{} · {} bp", r.label, thousands(r.summary.total_length)),
            None => "no genome loaded".to_owned(),
        })
    };
    view! { <p class="genome-label" title=text>{text}</p> }
}

/// The design at a glance: number of edits and the genotype string (cut short to one line; the
/// whole string on hover and in the edit list).
#[component]
fn DesignLabel() -> impl IntoView {
    let app = super::state::use_app();
    let text = Memo::new(move |_| {
        app.design.with(|d| {
            let n = d.edits().len();
            let genotype = crate::core::genetics::nomenclature::format(&d.genotype_in_effect());
            // Disabled by the user (a heterozygous perturbation's or background allele's edits are
            // disabled on purpose — recorded, not applied: not counted).
            use crate::core::design::genotype::Zygosity::Heterozygous;
            let g = d.genotype();
            let on_purpose = |id: &crate::core::edit::EditId| {
                g.perturbations
                    .iter()
                    .any(|p| p.zygosity == Heterozygous && p.edit_ids.contains(id))
                    || g.background.as_ref().is_some_and(|b| {
                        b.alleles
                            .iter()
                            .any(|a| a.zygosity == Heterozygous && a.edit_ids.contains(id))
                    })
            };
            let off = (d.edits().iter())
                .filter(|e| !d.is_enabled(e.id) && !on_purpose(&e.id))
                .count();
            let edits = match off {
                0 => counted(n, "edit", "edits"),
                off => format!("{} ({off} disabled)", counted(n, "edit", "edits")),
            };
            match (n, genotype.is_empty()) {
                (0, true) => "no edits".to_owned(),
                (_, true) => edits,
                (_, false) => format!("{edits} · {genotype}"),
            }
        })
    });
    view! {
        <p class="design-label" id="design-label" title=text data-edits=move || app.design.with(|d| d.edits().len().to_string())>
            {text}
        </p>
    }
}

/// The progress bar while loading, the error when loading failed.
#[component]
fn LoadStatus() -> impl IntoView {
    let app = super::state::use_app();
    move || match app.load.get() {
        LoadState::Loading { label, progress } => {
            let fraction = progress.map_or(0.0, |p| p.fraction);
            let stage = progress.map_or("Fetching files", |p| p.stage.label());
            view! {
                <div class="loading" role="status" aria-live="polite">
                    <p>{format!("Loading {label}: {stage}…")}</p>
                    <progress max="1" value=fraction aria-label="Loading progress"></progress>
                </div>
            }
            .into_any()
        }
        LoadState::Failed(message) => view! {
            <div class="error" role="alert">
                <p><strong>"Could not load the genome. "</strong>{message}</p>
                <Show when=move || app.genome.with(Option::is_some)>
                    <p>"The genome you had open is still loaded."</p>
                </Show>
            </div>
        }
        .into_any(),
        LoadState::Ready(_) => ().into_any(),
    }
}
