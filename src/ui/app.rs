//! The application root: header, the genome being loaded or edited, and the panels.

use leptos::prelude::*;

use super::loading::load_default;
use super::open::OpenGenome;
use super::search::GeneSearch;
use super::state::{AppState, LoadState};
use super::summary::Summary;
use crate::core::coord::thousands;

/// The application root, mounted on `<body>` by the `genoforge-web` binary.
#[component]
pub fn App() -> impl IntoView {
    let app = AppState::new();
    provide_context(app);
    leptos::task::spawn_local(load_default(app));
    view! {
        <header class="topbar">
            <h1 class="brand">"Genoforge"</h1>
            <GenomeLabel />
            <OpenGenome />
        </header>
        <main class="app" id="app-ready">
            <LoadStatus />
            <Show when=move || app.genome.with(Option::is_some)>
                <div class="workspace">
                    <section class="panel search-panel" aria-label="Gene search">
                        <GeneSearch />
                    </section>
                    <Summary />
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
