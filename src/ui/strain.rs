//! The strain background picker and the gene-list paster.

use leptos::prelude::*;

use super::state::use_app;
use crate::core::coord::thousands;
use crate::core::genetics::compose::delete_genes;
use crate::core::genetics::gene_list::{GeneList, resolve};
use crate::core::genetics::strain::{STRAINS, strain};
use crate::view::compose_form::{clear_background, gene_set, strain_genotype};

/// Pick a strain background by name (S288C, BY4741, BY4742, BY4743, or none).
#[component]
pub fn StrainPicker() -> impl IntoView {
    let app = use_app();
    // What the select shows: the user's choice, else the design's background.
    let choice = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let current = Memo::new(move |_| {
        app.design
            .with(|d| d.genotype().background.as_ref().map(|b| b.name.clone()))
    });
    let chosen = move || {
        choice
            .get()
            .unwrap_or_else(|| current.get().unwrap_or_default())
    };
    let apply = move |_| {
        let name = chosen();
        let result = if name.is_empty() {
            app.commit(|_, d| clear_background(d))
        } else {
            match strain(&name) {
                Some(s) => {
                    app.commit(|g, d| crate::core::genetics::compose::set_background(g, d, s))
                }
                None => {
                    problem.set(Some(format!("unknown strain {name}")));
                    return;
                }
            }
        };
        match result {
            Ok(()) => {
                problem.set(None);
                choice.set(None);
                app.notify(
                    false,
                    if name.is_empty() {
                        "Removed the strain background.".to_owned()
                    } else {
                        format!("Background set to {name}.")
                    },
                );
            }
            Err(e) => {
                let msg = format!("Background not changed: {e}");
                app.notify(true, msg.clone());
                problem.set(Some(msg));
            }
        }
    };
    let describe = move || {
        let name = chosen();
        match strain(&name) {
            Some(s) => format!("{} — {}", strain_genotype(s), s.source),
            None => "No background: the reference genome as it is.".to_owned(),
        }
    };
    view! {
        <section class="panel strain" id="strain" aria-labelledby="strain-title">
            <h2 id="strain-title">"Strain background"</h2>
            <div class="field-row">
                <div class="field">
                    <label for="strain-select">"Background"</label>
                    <select id="strain-select" on:change=move |ev| choice.set(Some(event_target_value(&ev)))>
                        <option value="" prop:selected=move || chosen().is_empty()>"none"</option>
                        {STRAINS
                            .iter()
                            .map(|s| {
                                let name = s.name;
                                view! { <option value=name prop:selected=move || chosen() == name>{name}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
                <button id="strain-apply" on:click=apply disabled=move || chosen() == current.get().unwrap_or_default()>
                    "Apply"
                </button>
            </div>
            <p class="muted small" id="strain-info">{describe}</p>
            {move || problem.get().map(|p| view! { <p class="refusal" role="alert">{p}</p> })}
            <super::strain_notes::StrainNotes />
        </section>
    }
}

/// Paste a gene list: every name resolved or reported (unknown, ambiguous, repeated); delete the
/// resolved genes (cleanly or with a cassette, all or none) or make them the design's gene set.
#[component]
pub fn GeneListPanel() -> impl IntoView {
    let app = use_app();
    let text = RwSignal::new(String::new());
    let marker = RwSignal::new(String::new());
    let set_name = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let list = Memo::new(move |_| -> Option<GeneList> {
        let t = text.get();
        if t.trim().is_empty() {
            return None;
        }
        app.genome
            .with(|g| g.as_ref().map(|r| resolve(r.genome(), &t)))
    });
    // Names for people: resolved genes, essential ones among them, ambiguous candidates.
    let names = Memo::new(move |_| {
        let l = list.get()?;
        let ready = app.genome.get()?;
        let g = ready.genome();
        let essential = app.essential.get();
        let label = |f| {
            let (sys, std) = g.gene_names(f);
            if sys == std {
                sys
            } else {
                format!("{std} ({sys})")
            }
        };
        let resolved: Vec<String> = l.resolved.iter().map(|r| label(r.1)).collect();
        let ess: Vec<String> = l
            .resolved
            .iter()
            .filter(|r| essential.is_essential(&g.gene_names(r.1).0))
            .map(|r| label(r.1))
            .collect();
        let ambiguous: Vec<String> = l
            .ambiguous
            .iter()
            .map(|(n, c)| {
                format!(
                    "{n} (names {} genes: {})",
                    c.len(),
                    c.iter()
                        .map(|f| g.gene_names(*f).0)
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
            .collect();
        Some((resolved, ess, ambiguous))
    });
    let count = move || list.with(|l| l.as_ref().map_or(0, |l| l.resolved.len()));
    let gene_set_now = Memo::new(move |_| {
        app.design.with(|d| {
            d.genotype().gene_set.as_ref().map(|s| {
                format!(
                    "Gene set{}: {} gene(s).",
                    s.name
                        .as_ref()
                        .map(|n| format!(" “{n}”"))
                        .unwrap_or_default(),
                    thousands(s.genes.len() as u64)
                )
            })
        })
    });

    let delete_all = move |_| {
        let Some(l) = list.get_untracked() else {
            return;
        };
        let genes = l.genes();
        let m = marker.get_untracked();
        let cassette = if m.is_empty() {
            None
        } else {
            match app.library.with_untracked(|lib| lib.get(&m).cloned()) {
                Some(c) => Some(c),
                None => {
                    problem.set(Some(format!("no cassette named {m}")));
                    return;
                }
            }
        };
        let mut refused_at = None;
        let result = app.commit(|g, d| {
            delete_genes(g, d, &genes, cassette.as_ref()).map_err(|(i, e)| {
                refused_at = Some(i);
                e
            })
        });
        match result {
            Ok(ids) => {
                problem.set(None);
                app.notify(false, format!("Deleted {} gene(s).", ids.len()));
            }
            Err(e) => {
                let which = refused_at
                    .and_then(|i| l.resolved.get(i))
                    .map(|r| {
                        format!(
                            "gene {} of the list ({}) was refused",
                            refused_at.unwrap_or(0) + 1,
                            r.0
                        )
                    })
                    .unwrap_or_else(|| "refused".to_owned());
                let msg = format!("Nothing was deleted: {which}: {e}");
                app.notify(true, msg.clone());
                problem.set(Some(msg));
            }
        }
    };
    let set_gene_set = move |_| {
        let Some(l) = list.get_untracked() else {
            return;
        };
        let Some(ready) = app.genome.get_untracked() else {
            return;
        };
        let set = gene_set(ready.genome(), &l, &set_name.get_untracked());
        let n = set.genes.len();
        let result = app.commit(move |_, d| {
            d.genotype_mut().gene_set = Some(set);
            Ok(())
        });
        match result {
            Ok(()) => {
                problem.set(None);
                app.notify(false, format!("The design's gene set now has {n} gene(s)."));
            }
            Err(e) => problem.set(Some(e.to_string())),
        }
    };

    view! {
        <section class="panel gene-list" id="gene-list" aria-labelledby="gene-list-title">
            <h2 id="gene-list-title">"Gene list"</h2>
            <div class="field stacked">
                <label for="gene-list-input">"Paste gene names (any separator)"</label>
                <textarea id="gene-list-input" rows="3" spellcheck="false" class="mono"
                    placeholder="TFC3 YAL002W met15 …"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </div>
            {move || list.get().map(|l| {
                let (resolved, ess, ambiguous) = names.get().unwrap_or_default();
                let shown: Vec<String> = resolved.iter().take(40).cloned().collect();
                let more = resolved.len().saturating_sub(shown.len());
                view! {
                    <div class="gene-list-result" id="gene-list-summary" data-resolved=l.resolved.len() data-unknown=l.unknown.len() data-ambiguous=l.ambiguous.len()>
                        <p>
                            <strong>{format!("{} resolved", l.resolved.len())}</strong>
                            {format!(
                                "{}{}{}",
                                if l.unknown.is_empty() { String::new() } else { format!(", {} unknown", l.unknown.len()) },
                                if l.ambiguous.is_empty() { String::new() } else { format!(", {} ambiguous", l.ambiguous.len()) },
                                if l.duplicates.is_empty() { String::new() } else { format!(", {} repeated", l.duplicates.len()) },
                            )}
                        </p>
                        {(!shown.is_empty()).then(|| view! {
                            <p class="small" id="gene-list-resolved">
                                {shown.join(", ")}
                                {(more > 0).then(|| format!(" … and {more} more"))}
                            </p>
                        })}
                        {(!l.unknown.is_empty()).then(|| view! {
                            <p class="refusal small" id="gene-list-unknown">
                                {format!("Unknown: {}", l.unknown.join(", "))}
                            </p>
                        })}
                        {(!ambiguous.is_empty()).then(|| view! {
                            <p class="refusal small" id="gene-list-ambiguous">
                                {format!("Ambiguous: {}", ambiguous.join("; "))}
                            </p>
                        })}
                        {(!l.duplicates.is_empty()).then(|| view! {
                            <p class="muted small" id="gene-list-duplicates">
                                {format!("Repeated (listed once): {}", l.duplicates.join(", "))}
                            </p>
                        })}
                        {(!ess.is_empty()).then(|| view! {
                            <p class="warning small" id="gene-list-essential">
                                {format!("Essential ({}; {}): {}", ess.len(), crate::core::genetics::essential::SOURCE, ess.join(", "))}
                            </p>
                        })}
                    </div>
                }
            })}
            <div class="field-row">
                <div class="field">
                    <label for="gene-list-marker">"Delete with"</label>
                    <select id="gene-list-marker" on:change=move |ev| marker.set(event_target_value(&ev))>
                        <option value="" prop:selected=move || marker.get().is_empty()>"nothing (clean)"</option>
                        {move || app.library.with(|l| l.cassettes.iter().map(|c| {
                            let (n1, n2) = (c.name.clone(), c.name.clone());
                            view! { <option value=n1 prop:selected=move || marker.get() == n2>{format!("::{}", c.name)}</option> }
                        }).collect_view())}
                    </select>
                </div>
                <button id="gene-list-delete" on:click=delete_all disabled=move || count() == 0>
                    {move || format!("Delete {} gene(s)", count())}
                </button>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="gene-list-name">"Gene set name"</label>
                    <input id="gene-list-name" type="text" size="12" placeholder="optional"
                        prop:value=move || set_name.get()
                        on:input=move |ev| set_name.set(event_target_value(&ev)) />
                </div>
                <button id="gene-list-set" on:click=set_gene_set disabled=move || count() == 0>
                    "Set as gene set"
                </button>
            </div>
            <p class="muted small" id="gene-set-current">
                {move || gene_set_now.get().unwrap_or_else(|| "No gene set.".to_owned())}
            </p>
            {move || problem.get().map(|p| view! { <p class="refusal" role="alert">{p}</p> })}
        </section>
    }
}
