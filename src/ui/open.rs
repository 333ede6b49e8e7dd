//! Opening the user's own genome: file pickers and drag-and-drop for GFF3 + FASTA (+ SGD's
//! feature table), plain or gzipped. Roles are guessed from names and content (`io::sniff`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::browser::read_file;
use super::loading::run;
use super::state::use_app;
use super::tabs::{Popover, use_tabs};
use crate::io::load::{InputFile, LoadRequest};
use crate::io::sniff::{Role, guess};

/// A file read, with the role it will play.
#[derive(Clone, Debug, PartialEq)]
struct Picked {
    role: Role,
    name: String,
    bytes: std::sync::Arc<Vec<u8>>,
}

fn role_label(r: Role) -> &'static str {
    match r {
        Role::Gff3 => "annotation (GFF3)",
        Role::Fasta => "sequence (FASTA)",
        Role::FeatureTable => "feature table",
        Role::Spec => "genotype spec",
        Role::GenBank => "GenBank record",
    }
}

/// Reads files and files them by role (a later file of the same role replaces the earlier).
async fn add_files(
    files: Vec<web_sys::File>,
    picked: RwSignal<Vec<Picked>>,
    forced: Option<Role>,
    problems: RwSignal<Vec<String>>,
) {
    for f in files {
        let name = f.name();
        match read_file(&f).await {
            Ok(bytes) => match forced.or_else(|| guess(&name, &bytes)) {
                Some(role @ (Role::Gff3 | Role::Fasta | Role::FeatureTable)) => {
                    picked.update(|p| {
                        p.retain(|x| x.role != role);
                        p.push(Picked {
                            role,
                            name,
                            bytes: std::sync::Arc::new(bytes),
                        });
                    })
                }
                Some(other) => problems.update(|p| {
                    p.push(format!(
                        "{name}: this is a {}, not part of a genome",
                        role_label(other)
                    ))
                }),
                None => problems.update(|p| {
                    p.push(format!(
                        "{name}: not recognised as GFF3, FASTA or SGD_features.tab"
                    ))
                }),
            },
            Err(e) => problems.update(|p| p.push(e)),
        }
    }
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The "Open genome" button and its panel.
#[component]
pub fn OpenGenome() -> impl IntoView {
    let app = use_app();
    let tabs = use_tabs();
    let open = Signal::derive(move || tabs.is_open(Popover::OpenGenome));
    let picked: RwSignal<Vec<Picked>> = RwSignal::new(Vec::new());
    let problems: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let dragging = RwSignal::new(false);

    let on_pick = move |role: Role| {
        move |ev: leptos::ev::Event| {
            let input: Option<web_sys::HtmlInputElement> =
                ev.target().and_then(|t| t.dyn_into().ok());
            let files = files_of(input.as_ref().and_then(|i| i.files()));
            leptos::task::spawn_local(add_files(files, picked, Some(role), problems));
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let files = files_of(ev.data_transfer().and_then(|d| d.files()));
        problems.set(Vec::new());
        leptos::task::spawn_local(add_files(files, picked, None, problems));
    };
    let can_load =
        move || picked.with(|p| p.iter().any(|x| matches!(x.role, Role::Gff3 | Role::Fasta)));
    let load = move |_| {
        let files = picked.get_untracked();
        let take = |r: Role| {
            files
                .iter()
                .find(|x| x.role == r)
                .map(|x| InputFile::new(x.name.clone(), (*x.bytes).clone()))
        };
        let req = LoadRequest {
            gff: take(Role::Gff3),
            fasta: take(Role::Fasta),
            feature_table: take(Role::FeatureTable),
        };
        let label = files
            .iter()
            .map(|x| x.name.clone())
            .collect::<Vec<_>>()
            .join(" + ");
        tabs.popover.set(None);
        picked.set(Vec::new());
        leptos::task::spawn_local(run(app, req, label));
    };
    // The bundled reference, without reloading the page.
    let base = StoredValue::new(super::host::asset_base());
    let bundled = move |_| {
        tabs.popover.set(None);
        picked.set(Vec::new());
        leptos::task::spawn_local(super::loading::load_default(app, base.get_value()));
    };
    let is_bundled = move || {
        app.genome.with(|g| {
            g.as_ref()
                .is_some_and(|r| r.label == super::loading::DEFAULT_LABEL)
        })
    };
    view! {
        <button class="open-button overflowable" aria-expanded=move || open.get().to_string() on:click=move |_| tabs.toggle(Popover::OpenGenome)>
            "Open genome…"
        </button>
        <Show when=move || open.get()>
            <section class="panel popover open-panel" aria-label="Open a genome">
                <h2>"Open a genome"</h2>
                <Show when=move || !is_bundled()>
                    <p>
                        <button id="open-default" type="button" on:click=bundled>
                            "Back to the S288C reference (R64)"
                        </button>
                        <span class="muted small">" — the bundled genome; your designs for it are kept."</span>
                    </p>
                </Show>
                <p>"GFF3 and FASTA (a GFF3 with ##FASTA alone is enough), optionally SGD_features.tab; plain or gzipped."</p>
                <div class="pickers">
                    <label>"Annotation (GFF3) " <input id="open-gff" type="file" on:change=on_pick(Role::Gff3) /></label>
                    <label>"Sequence (FASTA) " <input id="open-fasta" type="file" on:change=on_pick(Role::Fasta) /></label>
                    <label>"Feature table (optional) " <input id="open-table" type="file" on:change=on_pick(Role::FeatureTable) /></label>
                </div>
                <div
                    class="dropzone"
                    class:dragging=move || dragging.get()
                    on:dragover=move |ev: leptos::ev::DragEvent| {
                        ev.prevent_default();
                        dragging.set(true);
                    }
                    on:dragleave=move |_| dragging.set(false)
                    on:drop=on_drop
                >
                    "…or drop the files here"
                </div>
                <ul class="picked">
                    <For each=move || picked.get() key=|p| (p.role as u8, p.name.clone()) let(p)>
                        <li>{format!("{}: {}", role_label(p.role), p.name)}</li>
                    </For>
                </ul>
                <ul class="problems" role="alert">
                    <For each=move || problems.get() key=|p| p.clone() let(p)>
                        <li>{p}</li>
                    </For>
                </ul>
                <button class="primary" disabled=move || !can_load() on:click=load>"Load"</button>
            </section>
        </Show>
    }
}

/// Files dropped anywhere on the page: a genotype spec is imported; GFF3/FASTA/feature-table files
/// are opened as a new genome.
pub async fn dropped_on_page(app: super::state::AppState, files: Vec<web_sys::File>) {
    let mut genome_files = Vec::new();
    for f in files {
        let name = f.name();
        let bytes = match read_file(&f).await {
            Ok(b) => b,
            Err(e) => {
                app.notify(true, e);
                continue;
            }
        };
        match guess(&name, &bytes) {
            Some(Role::Spec) => super::exports::import_spec(&app, &name, &bytes),
            Some(role @ (Role::Gff3 | Role::Fasta | Role::FeatureTable)) => {
                genome_files.push((role, InputFile::new(name, bytes)))
            }
            Some(Role::GenBank) => app.notify(
                true,
                format!("{name}: add GenBank cassettes in the composer"),
            ),
            None => app.notify(
                true,
                format!("{name}: not a genotype spec, GFF3, FASTA or SGD_features.tab"),
            ),
        }
    }
    if genome_files
        .iter()
        .any(|(r, _)| matches!(r, Role::Gff3 | Role::Fasta))
    {
        let label = genome_files
            .iter()
            .map(|(_, f)| f.name.clone())
            .collect::<Vec<_>>()
            .join(" + ");
        let mut take = |r: Role| {
            genome_files
                .iter()
                .position(|(x, _)| *x == r)
                .map(|i| genome_files.remove(i).1)
        };
        let req = LoadRequest {
            gff: take(Role::Gff3),
            fasta: take(Role::Fasta),
            feature_table: take(Role::FeatureTable),
        };
        run(app, req, label).await;
    }
}
