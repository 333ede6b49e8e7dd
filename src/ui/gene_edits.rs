//! The gene-edit panel: C- and N-terminal tags, point mutations, promoter swaps and region
//! deletions (typed, or shift-dragged on the map), with a preview — designation, coordinates,
//! genes touched, the fused protein, the codon change or the junctions — and, in a diploid, the
//! copies. Confirming goes through `AppState::commit`; a refusal says why and changes nothing.

use leptos::prelude::*;

use super::state::use_app;
use crate::core::coord::thousands;
use crate::core::design::genotype::Zygosity;
use crate::core::genetics::compose::apply;
use crate::view::edit_rows::{as_listed, described, edits_named};
use crate::view::gene_edit_form::{
    Form, Kind, UpstreamChoice, gene_gone, plan, upstream_label, waiting_for,
};
use crate::view::preview::preview;
use crate::view::refusal::refused;

/// The panel.
#[component]
pub fn GeneEdits() -> impl IntoView {
    let app = use_app();
    let form = RwSignal::new(Form::default());
    let zygosity = RwSignal::new(Zygosity::Heterozygous);
    let problem = RwSignal::new(None::<String>);
    let diploid = Memo::new(move |_| {
        app.design.with(|d| {
            d.genotype()
                .background
                .as_ref()
                .is_some_and(|b| b.ploidy == 2)
        })
    });
    let planned = Memo::new(move |_| {
        let ready = app.genome.get()?;
        let mut f = form.get();
        f.zygosity = zygosity.get();
        // A gene the design already removed is not offered: the reason, before any Confirm.
        if let Some(gene) = app.selected.get()
            && let Some(why) = app
                .design
                .with(|d| gene_gone(ready.genome(), d, gene, f.kind))
        {
            return Some(Err(why));
        }
        Some(app.library.with(|lib| {
            plan(
                ready.genome(),
                lib,
                app.selected.get(),
                app.region.get(),
                &f,
                diploid.get(),
            )
        }))
    });
    let shown = Memo::new(move |_| {
        let p = planned.get()?.ok()?;
        let ready = app.genome.get()?;
        let ess = app.essential.get();
        Some(app.design.with(|d| {
            preview(ready.genome(), d, &p.plan, &ess).map_err(|e| refused(d, &p.plan, &e))
        }))
    });
    // The latest selection is what the panel acts on: a gene or an inserted sequence selected
    // after a region was dragged replaces the region (and its band on the map).
    Effect::new(move |_| {
        let picked =
            app.selected.with(Option::is_some) || app.selected_insert.with(Option::is_some);
        if picked && app.region.with_untracked(Option::is_some) {
            app.region.set(None);
        }
    });
    // A region just dragged on the map is what the user means to act on: the panel turns to
    // "Delete region" with it (the region's own box empty: the dragged one is used).
    Effect::new(move |prev: Option<bool>| {
        let dragged = app.region.with(Option::is_some);
        if dragged && prev == Some(false) {
            form.update(|f| {
                f.kind = Kind::Region;
                f.locus.clear();
            });
        }
        dragged
    });
    let set = move |f: fn(&mut Form, String)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            form.update(|x| f(x, v));
            problem.set(None);
            // Composing the next edit: what the last one reported is past.
            app.clear_info();
        }
    };
    let confirm = move |_| {
        let Some(Ok(p)) = planned.get_untracked() else {
            return;
        };
        let designation = p.plan.perturbation.designation.clone();
        let attempt = p.plan.clone();
        // A region dragged on the map, deleted: its selection (and band) has done its work.
        let dragged = form.with_untracked(|f| f.kind == Kind::Region && f.locus.trim().is_empty());
        match app.commit(move |g, d| apply(g, d, attempt)) {
            Ok(ids) => {
                problem.set(None);
                if dragged {
                    app.region.set(None);
                }
                app.notify(
                    false,
                    format!("Added {designation} ({}).", edits_named(&ids)),
                );
            }
            Err(e) => {
                let why = app.design.with_untracked(|d| refused(d, &p.plan, &e));
                let msg = format!("{designation} was refused: {}", why.text);
                app.notify(true, msg.clone());
                problem.set(Some(msg));
            }
        }
    };
    let kind = move || form.with(|f| f.kind);
    let hint = move || form.with(|f| waiting_for(f, app.selected.get(), app.region.get()));
    // Picking a kind brings its plan into view whole when it can (else from its top), its
    // Confirm row held at the bottom of the window (sticky) — after the frame's layout. Selecting
    // a gene (on the map, say) leaves the page where it is.
    let preview_ref = NodeRef::<leptos::html::Div>::new();
    let picked = RwSignal::new(0_u32);
    Effect::new(move |prev: Option<u32>| {
        let n = picked.get();
        if prev.is_some() && shown.with_untracked(|s| matches!(s, Some(Ok(_)))) {
            request_animation_frame(move || {
                if let Some(el) = preview_ref.get_untracked() {
                    let opts = web_sys::ScrollIntoViewOptions::new();
                    opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    el.scroll_into_view_with_scroll_into_view_options(&opts);
                }
            });
        }
        n
    });
    view! {
        <section class="panel gene-edits" id="gene-edits" aria-labelledby="gene-edits-title"
            on:change=move |_| app.clear_info()>
            <h2 id="gene-edits-title">"Tag, mutate, swap a promoter, delete a region"</h2>
            <div class="segmented" role="group" aria-label="Edit kind">
                {Kind::ALL.into_iter().map(|k| view! {
                    <button id=format!("gene-edit-{}", k.id())
                        aria-pressed=move || (kind() == k).to_string()
                        on:click=move |_| {
                            form.update(|f| f.kind = k);
                            // A tag kind opens on a library tag that fits its terminus (an
                            // N-terminal tag cannot carry GFP(S65T)-kanMX6's marker).
                            if let Some(t) = k.terminus() {
                                app.library.with_untracked(|l| {
                                    use crate::core::genetics::tag::fits_terminus;
                                    let fits = |n: &str| l.get(n).is_some_and(|c| fits_terminus(c, t));
                                    if !form.with_untracked(|f| fits(&f.tag))
                                        && let Some(c) = l.cassettes.iter().find(|c| fits_terminus(c, t))
                                    {
                                        form.update(|f| f.tag = c.name.clone());
                                    }
                                });
                            }
                            problem.set(None);
                            app.clear_info();
                            picked.update(|n| *n += 1);
                        }>
                        {k.label()}
                    </button>
                }).collect_view()}
            </div>
            {move || match kind() {
                Kind::CTag | Kind::NTag => view! {
                    <div class="field">
                        <label for="gene-edit-tag">"Tag (library)"</label>
                        <select id="gene-edit-tag" on:change=set(|f, v| f.tag = v)>
                            {move || app.library.with(|l| l.cassettes.iter().map(|c| {
                                let n = c.name.clone();
                                let sel = form.with(|f| f.tag == n);
                                view! { <option value=n.clone() prop:selected=sel>{n.clone()}</option> }
                            }).collect_view())}
                        </select>
                    </div>
                }.into_any(),
                Kind::Point => view! {
                    <div class="field">
                        <label for="gene-edit-change">"Change"</label>
                        <input id="gene-edit-change" class="mono" placeholder="K23A, K23A:GCC, c.69A>G"
                            prop:value=move || form.with(|f| f.change.clone()) on:input=set(|f, v| f.change = v) />
                    </div>
                    <p class="muted small">"Without a codon, the residue's most frequent yeast codon (counted over the R64 ORFs)."</p>
                }.into_any(),
                Kind::Promoter => view! {
                    <div class="field">
                        <label for="gene-edit-promoter-name">"Promoter (gene or library part)"</label>
                        <input id="gene-edit-promoter-name" class="mono" placeholder="GAL1"
                            prop:value=move || form.with(|f| f.promoter.clone()) on:input=set(|f, v| f.promoter = v) />
                    </div>
                    <div class="field">
                        <label for="gene-edit-upstream">{upstream_label()}</label>
                        <input id="gene-edit-upstream" class="mono" inputmode="numeric"
                            placeholder=crate::core::genetics::promoter::DEFAULT_UPSTREAM.to_string()
                            disabled=move || form.with(|f| f.upstream_choice == UpstreamChoice::ToPreviousFeature)
                            prop:value=move || form.with(|f| f.upstream.clone()) on:input=set(|f, v| f.upstream = v) />
                    </div>
                    <label class="small">
                        <input type="checkbox" id="gene-edit-upstream-previous"
                            prop:checked=move || form.with(|f| f.upstream_choice == UpstreamChoice::ToPreviousFeature)
                            on:change=move |ev| {
                                let choice = if event_target_checked(&ev) {
                                    UpstreamChoice::ToPreviousFeature
                                } else {
                                    UpstreamChoice::Length
                                };
                                form.update(|f| f.upstream_choice = choice);
                                problem.set(None);
                            } />
                        " Up to the previous feature instead"
                    </label>
                }.into_any(),
                Kind::Region => view! {
                    <div class="field">
                        <label for="gene-edit-locus">"Region (empty: the one shift-dragged on the map)"</label>
                        <input id="gene-edit-locus" class="mono" placeholder="IV:100,001-101,000"
                            prop:value=move || form.with(|f| f.locus.clone()) on:input=set(|f, v| f.locus = v) />
                    </div>
                    <p class="muted small" id="gene-edit-dragged">{move || match (app.region.get(), app.genome.get()) {
                        (Some((c, s)), Some(r)) => {
                            let (a, b) = s.one_based();
                            format!("Dragged on the map: {}:{}–{} ({} bp).", r.genome().contig(c).name, thousands(a), thousands(b), thousands(s.len()))
                        }
                        _ => "Shift-drag across the map to select a region.".to_owned(),
                    }}</p>
                    <button id="gene-edit-view-region" disabled=move || app.region.with(Option::is_none)
                        on:click=move |_| {
                            if let Some((c, s)) = app.region.get_untracked() {
                                app.view.set(Some(crate::view::viewport::Viewport { contig: c, span: s }));
                            }
                        }>"View this region"</button>
                    <button id="gene-edit-clear-region" disabled=move || app.region.with(Option::is_none)
                        on:click=move |_| app.region.set(None)>"Clear the dragged region"</button>
                }.into_any(),
            }}
            <super::zygosity::ZygosityChoice app zygosity id="gene-edit-zygosity" />
            <div class="preview" id="gene-edit-preview" aria-live="polite" node_ref=preview_ref>
                {move || match (hint(), planned.get()) {
                    (Some(h), _) => view! { <p class="muted" id="gene-edit-hint">{h}</p> }.into_any(),
                    (None, None) => view! { <p class="muted">"Loading…"</p> }.into_any(),
                    (None, Some(Err(e))) => view! { <p class="refusal" id="gene-edit-refusal">{as_listed(&e.to_string())}</p> }.into_any(),
                    (None, Some(Ok(p))) => {
                        let pv = shown.get();
                        view! {
                            <p class="designation" id="gene-edit-designation">{p.plan.perturbation.designation.clone()}</p>
                            <ul class="small" id="gene-edit-details">
                                {p.details.iter().map(|d| view! { <li class="mono">{d.clone()}</li> }).collect_view()}
                            </ul>
                            {match pv {
                                Some(Ok(pv)) => {
                                    let essential: Vec<String> = pv.essential().map(|g| format!(
                                        "{} is essential in the {}: this edit {} it.",
                                        g.name, crate::core::genetics::essential::SOURCE, g.effect.verb()
                                    )).collect();
                                    view! {
                                        <ul class="small" id="gene-edit-edits">
                                            {pv.edits.iter().map(|e| view! { <li class="mono">{described(e)}</li> }).collect_view()}
                                        </ul>
                                        <p class="small" id="gene-edit-length">{format!("Length change: {} bp", crate::view::edit_rows::signed(pv.length_change))}</p>
                                        <p class="small" id="gene-edit-touches">{pv.genes.iter().map(|g| g.sentence()).collect::<Vec<_>>().join("; ")}</p>
                                        {essential.into_iter().map(|w| view! { <p class="warning" role="alert">{w}</p> }).collect_view()}
                                    }.into_any()
                                }
                                Some(Err(r)) => view! { <p class="refusal" id="gene-edit-refusal" title=r.detail>{r.text}</p> }.into_any(),
                                None => view! { <span></span> }.into_any(),
                            }}
                            <div class="actions confirm-row">
                                <button id="gene-edit-confirm" class="primary" on:click=confirm
                                    disabled=move || !matches!(shown.get(), Some(Ok(_)))>"Add"</button>
                            </div>
                        }.into_any()
                    }
                }}
                {move || problem.get().map(|p| view! { <p class="refusal" role="alert">{p}</p> })}
            </div>
        </section>
    }
}
