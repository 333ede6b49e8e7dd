//! The application root: header, the genome being loaded or edited, and the panels.

use leptos::prelude::*;

use super::composer::Composer;
use super::coords::CoordinatesTable;
use super::edit_list::EditList;
use super::exports::ExportMenu;
use super::loading::load_default;
use super::map::GenomeMap;
use super::notices::Notices;
use super::open::OpenGenome;
use super::search::GeneSearch;
use super::sequence_view::SequenceView;
use super::state::{AppState, LoadState};
use super::strain::{GeneListPanel, StrainPicker};
use super::summary::Summary;
use crate::core::coord::thousands;

/// The lower panel's tabs.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Tab {
    Coordinates,
    Sequence,
    Genome,
}

/// The application root, mounted on `<body>` by the `genoforge-web` binary.
#[component]
pub fn App() -> impl IntoView {
    let app = AppState::new();
    provide_context(app);
    leptos::task::spawn_local(load_default(app));
    leptos::task::spawn_local(super::loading::load_resources(app));
    super::persist::install(app);
    super::persist::flush_on_hide(app);
    super::persist::open_links_on_hashchange(app);
    let tab = RwSignal::new(Tab::Genome);
    let tab_button = move |t: Tab, label: &'static str, id: &'static str| {
        view! {
            <button
                role="tab"
                id=id
                aria-selected=move || (tab.get() == t).to_string()
                class:active=move || tab.get() == t
                on:click=move |_| tab.set(t)
            >
                {label}
            </button>
        }
    };
    view! {
        <header class="topbar">
            <h1 class="brand">"Genoforge"</h1>
            <GenomeLabel />
            <DesignLabel />
            <div class="topbar-actions">
                <ExportMenu />
                <OpenGenome />
            </div>
        </header>
        <Notices />
        <main
            class="app"
            id="app-ready"
            on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
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
                        <section class="panel search-panel" aria-label="Gene search">
                            <GeneSearch />
                        </section>
                        <Composer />
                        <super::gene_edits::GeneEdits />
                        <StrainPicker />
                        <GeneListPanel />
                        <EditList />
                    </aside>
                    <section class="lower">
                        <div class="tabs" role="tablist" aria-label="Views">
                            {tab_button(Tab::Coordinates, "Coordinates", "tab-coordinates")}
                            {tab_button(Tab::Sequence, "Sequence", "tab-sequence")}
                            {tab_button(Tab::Genome, "Genome", "tab-genome")}
                        </div>
                        <div class="tab-body" role="tabpanel">
                            {move || match tab.get() {
                                Tab::Coordinates => view! { <CoordinatesTable /> }.into_any(),
                                Tab::Sequence => view! { <SequenceView /> }.into_any(),
                                Tab::Genome => view! { <Summary /> }.into_any(),
                            }}
                        </div>
                    </section>
                </div>
            </Show>
        </main>
    }
}

/// What genome is open.
#[component]
fn GenomeLabel() -> impl IntoView {
    let app = super::state::use_app();
    view! {
        <p class="genome-label">
            {move || {
                app.genome.with(|g| match g {
                    Some(r) => format!("{} · {} bp", r.label, thousands(r.summary.total_length)),
                    None => "no genome loaded".to_owned(),
                })
            }}
        </p>
    }
}

/// The design at a glance: number of edits and the genotype string.
#[component]
fn DesignLabel() -> impl IntoView {
    let app = super::state::use_app();
    let text = Memo::new(move |_| {
        app.design.with(|d| {
            let n = d.edits().len();
            let genotype = crate::core::genetics::nomenclature::format(d.genotype());
            match (n, genotype.is_empty()) {
                (0, true) => "no edits".to_owned(),
                (n, true) => format!("{n} edit(s)"),
                (n, false) => format!("{n} edit(s) · {genotype}"),
            }
        })
    });
    view! {
        <p class="design-label" id="design-label" data-edits=move || app.design.with(|d| d.edits().len().to_string())>
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
