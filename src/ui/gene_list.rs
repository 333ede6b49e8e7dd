//! The gene-list paster: every name resolved or reported (how it resolved, did-you-mean for
//! unknown names, ambiguous, repeated, essential), a preview of what deleting them would do
//! (already deleted, collateral genes, clashes naming the design's own edits), then deleting them
//! (cleanly or with a cassette; clashes skipped or merged when the user says so) or making them the
//! design's gene set.

use leptos::prelude::*;

use super::state::use_app;
use crate::core::coord::thousands;
use crate::core::genetics::bulk_delete::{OverlapPolicy, delete_listed};
use crate::core::genetics::gene_list::{GeneList, resolve};
use crate::view::compose_form::gene_set;
use crate::view::edit_rows::counted;
use crate::view::gene_list::{ListReport, report};

/// Lines of one kind shown before "… and N more".
const SHOWN: usize = 12;

/// `items` joined by `sep`, the first [`SHOWN`] of them, then how many more.
fn some(items: &[String], sep: &str) -> String {
    let mut s = items
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(sep);
    if items.len() > SHOWN {
        s.push_str(&format!(
            "{sep}… and {} more",
            thousands((items.len() - SHOWN) as u64)
        ));
    }
    s
}

/// The gene-list panel.
#[component]
pub fn GeneListPanel() -> impl IntoView {
    let app = use_app();
    let text = RwSignal::new(String::new());
    let marker = RwSignal::new(String::new());
    let set_name = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    // The notice of the last refusal: a later success makes it moot.
    let refusal_notice = StoredValue::new(None::<u64>);
    let list = Memo::new(move |_| -> Option<GeneList> {
        let t = text.get();
        if t.trim().is_empty() {
            return None;
        }
        app.genome
            .with(|g| g.as_ref().map(|r| resolve(r.genome(), &t)))
    });
    let explained = Memo::new(move |_| -> Option<ListReport> {
        let l = list.get()?;
        let ready = app.genome.get()?;
        let essential = app.essential.get();
        Some(
            app.design
                .with(|d| report(ready.genome(), d, &l, &essential)),
        )
    });
    let count = move || list.with(|l| l.as_ref().map_or(0, |l| l.resolved.len()));
    let clashing = move || explained.with(|r| r.as_ref().map_or(0, |r| r.clashing));
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

    let delete = move |policy: OverlapPolicy| {
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
        let mut outcome = None;
        let result = app.commit(|g, d| {
            delete_listed(g, d, &genes, cassette.as_ref(), policy)
                .map(|o| outcome = Some(o))
                .map_err(|e| crate::core::edit::EditError::Gene(e.to_string()))
        });
        match result {
            Ok(()) => {
                let o = outcome.unwrap_or_default();
                problem.set(None);
                let mut msg = format!(
                    "Deleted {} in {}",
                    counted(o.deleted, "gene", "genes"),
                    counted(o.edits.len(), "edit", "edits")
                );
                if o.merged > 0 {
                    msg.push_str(&format!(
                        "; {} several overlapping genes (merged)",
                        if o.merged == 1 {
                            "1 edit deletes".to_owned()
                        } else {
                            format!("{} each delete", counted(o.merged, "edit", "edits"))
                        }
                    ));
                }
                if !o.skipped.is_empty() {
                    msg.push_str(&format!(
                        "; {} skipped (already deleted or overlapping)",
                        thousands(o.skipped.len() as u64)
                    ));
                }
                msg.push('.');
                if let Some(id) = refusal_notice.get_value() {
                    app.dismiss(id);
                }
                app.notify(false, msg);
            }
            Err(e) => {
                let msg = format!("Nothing was deleted: {e}");
                refusal_notice.set_value(Some(app.notify_id(true, msg.clone())));
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
                let r = explained.get().unwrap_or_default();
                let unknown: Vec<String> = r
                    .unknown
                    .iter()
                    .map(|(n, s)| if s.is_empty() {
                        n.clone()
                    } else {
                        format!("{n} (did you mean {}?)", s.join(" or "))
                    })
                    .collect();
                view! {
                    <div class="gene-list-result" id="gene-list-summary" data-resolved=l.resolved.len() data-unknown=l.unknown.len() data-ambiguous=l.ambiguous.len()>
                        <p>
                            <strong>{format!("{} resolved", thousands(l.resolved.len() as u64))}</strong>
                            {format!(
                                "{}{}{}{}",
                                if unknown.is_empty() { String::new() } else { format!(", {} unknown", unknown.len()) },
                                if r.unannotated.is_empty() { String::new() } else { format!(", {} not in the annotation", r.unannotated.len()) },
                                if l.ambiguous.is_empty() { String::new() } else { format!(", {} ambiguous", l.ambiguous.len()) },
                                if l.duplicates.is_empty() { String::new() } else { format!(", {} repeated", l.duplicates.len()) },
                            )}
                        </p>
                        {(!r.resolutions.is_empty()).then(|| view! {
                            <p class="small" id="gene-list-resolved">{some(&r.resolutions, "; ")}</p>
                        })}
                        {(!unknown.is_empty()).then(|| view! {
                            <p class="refusal small" id="gene-list-unknown">{format!("Unknown: {}", some(&unknown, ", "))}</p>
                        })}
                        {(!r.unannotated.is_empty()).then(|| view! {
                            <p class="muted small" id="gene-list-unannotated">{format!(
                                "In SGD's feature table but not in this annotation, so not deleted: {}",
                                some(&r.unannotated, "; ")
                            )}</p>
                        })}
                        {(!r.ambiguous.is_empty()).then(|| view! {
                            <p class="refusal small" id="gene-list-ambiguous">{format!("Ambiguous: {}", some(&r.ambiguous, "; "))}</p>
                        })}
                        {(!r.duplicates.is_empty()).then(|| view! {
                            <p class="muted small" id="gene-list-duplicates">{format!("Repeated (listed once): {}", some(&r.duplicates, ", "))}</p>
                        })}
                        {(!r.essential.is_empty()).then(|| view! {
                            <p class="warning small" id="gene-list-essential">{format!("Essential ({}): {}", r.essential.len(), some(&r.essential, ", "))}</p>
                        })}
                        {(!r.already_deleted.is_empty()).then(|| view! {
                            <p class="muted small" id="gene-list-already">{format!("Skipped, already deleted: {}", some(&r.already_deleted, "; "))}</p>
                        })}
                        {(!r.collateral.is_empty()).then(|| view! {
                            <p class="warning-soft small" id="gene-list-collateral">{format!("Collateral: {}", some(&r.collateral, "; "))}</p>
                        })}
                        {(!r.clashes.is_empty()).then(|| view! {
                            <p class="refusal small" id="gene-list-clashes">{format!("{} deletion(s) clash: {}", thousands(r.clashing as u64), some(&r.clashes, "; "))}</p>
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
                <Show when=move || clashing() == 0>
                    <button id="gene-list-delete" on:click=move |_| delete(OverlapPolicy::Refuse)
                        disabled=move || explained.with(|r| r.as_ref().is_none_or(|r| r.clean == 0))>
                        {move || format!("Delete {} gene(s)", thousands(explained.with(|r| r.as_ref().map_or(0, |r| r.clean)) as u64))}
                    </button>
                </Show>
            </div>
            <Show when=move || { clashing() > 0 }>
                <div class="field-row clash-choices" id="gene-list-overlaps">
                    <button id="gene-list-skip" on:click=move |_| delete(OverlapPolicy::Skip)>
                        {move || format!("Delete {}, skip the {} clashing", thousands(explained.with(|r| r.as_ref().map_or(0, |r| r.clean)) as u64), thousands(clashing() as u64))}
                    </button>
                    <button id="gene-list-merge" on:click=move |_| delete(OverlapPolicy::Merge)
                        title="Overlapping deletions in the list become one edit each; deletions overlapping your design's edits are skipped">
                        "Delete all, merging overlaps within the list"
                    </button>
                </div>
                <p class="hint small" id="gene-list-overlap-note">
                    "Either way, deletions overlapping an edit already in your design are skipped and listed: merging never changes your design's edits."
                </p>
            </Show>
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
