//! The Datasets tab: the key switch and gene-set restriction, the result line, files a selection
//! needs imported again, the matrix and its exports, importing, the design meeting the data, and
//! the registry as a table with a checkbox per dataset.

use leptos::prelude::*;

use super::exports::DatasetExports;
use super::import::ImportSection;
use super::matrix::Matrix;
use super::measured::Measured;
use super::state::use_datasets;
use crate::core::datasets::data::DataStatus;
use crate::core::datasets::evaluation::result_line;
use crate::core::datasets::key::KeyKind;
use crate::core::design::dataset_selection::GeneSetChoice;
use crate::view::datasets::registry_rows;
use crate::view::datasets_import::missing_lines;

/// The Datasets tab.
#[component]
pub fn DatasetsPanel() -> impl IntoView {
    let ds = use_datasets();
    super::bundled::want(ds);
    let fetching = move || ds.bundled.get() == super::state::BundledStatus::Fetching;
    view! {
        <section class="panel datasets" id="datasets" aria-label="Datasets">
            <Toolbar />
            <Show when=fetching>
                <p class="hint" role="status">"Fetching the bundled gene lists…"</p>
            </Show>
            <ResultLine />
            <MissingFiles />
            <div class="datasets-matrix-row">
                <Matrix />
                <DatasetExports />
            </div>
            <ImportSection />
            <Measured />
            <RegistryTable />
        </section>
    }
}

/// Key kind and gene-set restriction.
#[component]
fn Toolbar() -> impl IntoView {
    let ds = use_datasets();
    let key = Memo::new(move |_| ds.record.with(|r| r.key));
    let key_button = move |k: KeyKind, label: &'static str| {
        view! {
            <button
                type="button"
                class="seg"
                id=format!("dataset-key-{}", k.as_str())
                aria-pressed=move || (key.get() == k).to_string()
                on:click=move |_| {
                    if key.get_untracked() != k {
                        ds.change(|r| r.key = k);
                    }
                }
            >
                {label}
            </button>
        }
    };
    // The gene-set choices: none, the design's set, the genes of any dataset with data.
    let choices = Memo::new(move |_| {
        ds.catalog.with(|c| {
            c.entries
                .iter()
                .filter(|e| e.data.is_some())
                .map(|e| (e.info.id.clone(), e.info.note_name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let chosen = Memo::new(move |_| {
        ds.record.with(|r| match &r.gene_set {
            None => String::new(),
            Some(GeneSetChoice::Design) => "design".to_owned(),
            Some(GeneSetChoice::Dataset { id }) => format!("dataset:{id}"),
        })
    });
    let design_set = Memo::new(move |_| {
        ds.app.design.with(|d| {
            d.genotype
                .gene_set
                .as_ref()
                .map(|s| format!("the design's gene set ({} genes)", s.genes.len()))
                .unwrap_or_else(|| "the design's gene set (none yet)".to_owned())
        })
    });
    let on_gene_set = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let choice = match v.as_str() {
            "" => None,
            "design" => Some(GeneSetChoice::Design),
            other => other
                .strip_prefix("dataset:")
                .map(|id| GeneSetChoice::Dataset { id: id.to_owned() }),
        };
        ds.change(|r| r.gene_set = choice);
    };
    view! {
        <div class="datasets-toolbar">
            <div class="field" role="group" aria-label="Compare datasets by">
                <span>"Key"</span>
                <span class="segmented">
                    {key_button(KeyKind::Gene, "gene")}
                    {key_button(KeyKind::Genotype, "genotype")}
                    {key_button(KeyKind::GenotypeEnvironment, "genotype + environment")}
                </span>
            </div>
            <div class="field">
                <label for="dataset-gene-set">"Gene set"</label>
                <select id="dataset-gene-set" on:change=on_gene_set prop:value=move || chosen.get()>
                    <option value="" prop:selected=move || chosen.get().is_empty()>"all genes (no restriction)"</option>
                    <option value="design" prop:selected=move || chosen.get() == "design">{move || design_set.get()}</option>
                    {move || {
                        choices
                            .get()
                            .into_iter()
                            .map(|(id, name)| {
                                let value = format!("dataset:{id}");
                                let v2 = value.clone();
                                view! {
                                    <option value=value prop:selected=move || chosen.get() == v2>
                                        {format!("genes of {id} ({name})")}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
        </div>
    }
}

/// "Training set: 4,811 genotypes in 2 groups: …", and why a gene set is not applied.
#[component]
fn ResultLine() -> impl IntoView {
    let ds = use_datasets();
    let text = Memo::new(move |_| {
        let ev = ds.evaluation.get();
        ds.catalog.with(|c| result_line(c, &ev))
    });
    let size = Memo::new(move |_| {
        ds.evaluation
            .with(|ev| ev.outcome.result_size().map(|n| n.to_string()))
            .unwrap_or_default()
    });
    let absent = Memo::new(move |_| ds.selection.with(|(_, a)| a.clone()));
    view! {
        <p class="result-line" id="dataset-result" data-size=move || size.get() aria-live="polite">
            {move || text.get()}
        </p>
        {move || {
            ds.filter
                .with(|f| f.problem.clone())
                .map(|p| view! { <p class="refusal small" role="alert">{format!("Gene set: {p}")}</p> })
        }}
        {move || {
            let a = absent.get();
            (!a.is_empty())
                .then(|| {
                    view! {
                        <p class="refusal small" role="alert">
                            {format!(
                                "Selected but not in this browser's matrix (left out of the result until imported): {}",
                                a.join(", "),
                            )}
                        </p>
                    }
                })
        }}
    }
}

/// Files the selection was made with that this browser lacks (matched by SHA-256).
#[component]
fn MissingFiles() -> impl IntoView {
    let ds = use_datasets();
    let lines = Memo::new(move |_| {
        ds.record
            .with(|r| ds.catalog.with(|c| missing_lines(&r.missing_files(c))))
    });
    move || {
        let l = lines.get();
        (!l.is_empty()).then(|| {
            view! {
                <div class="missing-files" id="dataset-missing" role="status">
                    <p>
                        <strong>"Import these files again to reproduce this selection"</strong>
                        " (a share link carries the selection, not the data; each file is recognised by its SHA-256):"
                    </p>
                    <ul>{l.into_iter().map(|x| view! { <li class="mono">{x}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}

/// The registry with a checkbox per dataset.
#[component]
fn RegistryTable() -> impl IntoView {
    let ds = use_datasets();
    let rows = Memo::new(move |_| {
        ds.selection
            .with(|(s, _)| ds.catalog.with(|c| registry_rows(c, s)))
    });
    view! {
        <div class="registry-wrap">
            <table class="registry" id="dataset-registry">
                <caption>"Datasets (registry, bundled lists and your imports)"</caption>
                <thead>
                    <tr>
                        <th scope="col"><span class="visually-hidden">"selected"</span></th>
                        <th scope="col">"dataset"</th>
                        <th scope="col">"study"</th>
                        <th scope="col">"level"</th>
                        <th scope="col">"phenotype"</th>
                        <th scope="col" class="num">"records"</th>
                        <th scope="col" class="num">"genotypes"</th>
                        <th scope="col">"data"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|r| (r.index, r.id.clone(), r.selected, r.data_note.clone()) let(r)>
                        {
                            let index = r.index;
                            let imported = r.data == crate::view::datasets::status_text(DataStatus::Imported);
                            let checkbox_id = format!("dataset-select-{}", r.id);
                            view! {
                                <tr id=format!("dataset-row-{}", r.id) class:selected=r.selected>
                                    <td>
                                        <input
                                            type="checkbox"
                                            id=checkbox_id.clone()
                                            prop:checked=r.selected
                                            on:change=move |ev| ds.select(index, event_target_checked(&ev))
                                        />
                                    </td>
                                    <td class="name-cell">
                                        <label for=checkbox_id>
                                            <strong>{r.note_name.clone()}</strong>
                                            <br />
                                            // Ids wrap after an underscore only (`costanzo2016_` `smf`).
                                            <span class="mono small dataset-id">
                                                {r.id.split_inclusive('_').map(|part| view! { {part.to_owned()}<wbr /> }).collect_view()}
                                            </span>
                                        </label>
                                    </td>
                                    <td class="small study-cell">
                                        {match r.doi_url.clone() {
                                            Some(url) => view! {
                                                <a href=url target="_blank" rel="noopener noreferrer">{r.study.clone()}</a>
                                            }
                                            .into_any(),
                                            None => view! { <span class="muted">"—"</span> }.into_any(),
                                        }}
                                    </td>
                                    <td class="small">{r.level}</td>
                                    <td class="small">{r.phenotype.clone()}</td>
                                    <td class="num" title=r.counts_source.clone()>{r.records.clone()}</td>
                                    <td class="num" title=r.counts_source.clone()>{r.genotypes.clone()}</td>
                                    <td class="small data-cell">
                                        <span class=format!("status status-{}", r.data.replace(' ', "-"))>{r.data}</span>
                                        <br />
                                        <span class="muted">{r.data_note.clone()}</span>
                                        {imported
                                            .then(|| {
                                                view! {
                                                    <button
                                                        type="button"
                                                        class="link small"
                                                        on:click=move |_| super::tasks::forget(ds, index)
                                                    >
                                                        "remove imported data"
                                                    </button>
                                                }
                                            })}
                                    </td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </div>
    }
}
