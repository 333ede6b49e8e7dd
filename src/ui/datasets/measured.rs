//! The design meets the data: which loaded datasets hold exactly the design's genotype, and per
//! perturbed gene which datasets cover it (single, double, triple mutants with counts and
//! examples). The snapshot can be recorded in the design (the spec's `measured_in`).

use leptos::prelude::*;

use super::state::use_datasets;
use crate::core::datasets::measured::measured_in;
use crate::ui::state::Shared;
use crate::view::datasets_measured::measured_view;

/// Examples listed per gene and dataset.
const EXAMPLES: usize = 5;

/// The section.
#[component]
pub fn Measured() -> impl IntoView {
    let ds = use_datasets();
    let genes = Memo::new(move |_| ds.app.design.with(|d| d.genotype.perturbed_genes()));
    let measured = Memo::new(move |_| {
        let g = genes.get();
        Shared::new(ds.catalog.with(|c| measured_in(&g, c, EXAMPLES)))
    });
    let view_model = Memo::new(move |_| {
        let m = measured.get();
        ds.catalog
            .with(|c| ds.app.design.with(|d| measured_view(&d.genotype, &m, c)))
    });
    let recorded = Memo::new(move |_| {
        ds.record
            .with(|r| r.measured_in.as_ref().map(|m| m.genotype.clone()))
    });
    let record = move |_| {
        let m = (*measured.get_untracked().0).clone();
        ds.change(|r| r.record_measured(m));
        ds.app.notify(
            false,
            "Recorded which datasets measure the design (measured_in in the spec).",
        );
    };
    view! {
        <section class="measured" id="dataset-measured" aria-labelledby="measured-title">
            <h3 id="measured-title">"The design meets the data"</h3>
            {move || {
                let v = view_model.get();
                if v.genotype.is_empty() {
                    return view! { <p class="muted">{v.how}</p> }.into_any();
                }
                view! {
                    <p>
                        "Design genotype: "
                        <strong class="mono" id="measured-genotype">{v.genotype.clone()}</strong>
                    </p>
                    <p class="muted small">{v.how.clone()}</p>
                    <p id="measured-exact">
                        {if v.exact.is_empty() {
                            "Measured exactly (key genotype) in: no loaded dataset.".to_owned()
                        } else {
                            format!("Measured exactly (key genotype) in: {}.", v.exact.join("; "))
                        }}
                    </p>
                    {(!v.other_alleles.is_empty()).then(|| view! {
                        <p id="measured-other-alleles">
                            {format!(
                                "Holding the genes, in strains of another kind (not the design's alleles): {}.",
                                v.other_alleles.join("; ")
                            )}
                        </p>
                    })}
                    <ul class="measured-genes">
                        {v.genes
                            .into_iter()
                            .map(|g| {
                                view! {
                                    <li data-gene=g.gene.clone()>
                                        <strong>{g.label.clone()}</strong>
                                        {if g.datasets.is_empty() {
                                            view! { <span>": in no loaded dataset"</span> }.into_any()
                                        } else {
                                            view! {
                                                <table class="coverage">
                                                    <thead>
                                                        <tr>
                                                            <th scope="col">"dataset"</th>
                                                            <th scope="col">"its strains"</th>
                                                            <th scope="col">"genotypes containing it (key gene)"</th>
                                                            <th scope="col">"measurements"</th>
                                                            <th scope="col">"first genotypes"</th>
                                                        </tr>
                                                    </thead>
                                                    <tbody>
                                                        {g.datasets
                                                            .into_iter()
                                                            .map(|c| {
                                                                view! {
                                                                    <tr data-dataset=c.id.clone() data-fit=c.fit.css() class=format!("fit-{}", c.fit.css())>
                                                                        <td class="mono">{c.id.clone()}</td>
                                                                        <td class="small fit">{c.fit_words.clone()}</td>
                                                                        <td>{c.counts}</td>
                                                                        <td>{c.records}</td>
                                                                        <td class="mono small examples">
                                                                            {c.examples.iter().map(|e| view! { <span>{e.clone()}</span> }).collect_view()}
                                                                        </td>
                                                                    </tr>
                                                                }
                                                            })
                                                            .collect_view()}
                                                    </tbody>
                                                </table>
                                            }
                                            .into_any()
                                        }}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <p class="small">
                <button type="button" id="measured-record" on:click=record disabled=move || genes.with(Vec::is_empty)>
                    "Record in the design (spec measured_in)"
                </button>
                " "
                <span class="muted">
                    {move || match (recorded.get(), genes.get()) {
                        (None, _) => "Not recorded.".to_owned(),
                        (Some(r), g) if r == g => "Recorded for this genotype.".to_owned(),
                        (Some(r), _) => format!(
                            "Recorded for {{{}}}, which is no longer the design's genotype: record again.",
                            r.join(", ")
                        ),
                    }}
                </span>
            </p>
        </section>
    }
}
