//! The composer: acts on the selected gene (delete, replace, insert before or after it), next to
//! a selected inserted sequence (insert before or after it), or at a position, with a preview before confirming — designation, coordinates, length change, every
//! gene touched and a warning for essential ones. Confirming goes through `AppState::commit`; a
//! refused edit says why, here and as a notice, and changes nothing.

use leptos::prelude::*;

use super::insert_picker::{InsertInputs, InsertPicker};
use super::panel_dom::{picked_file, reset_file_input};
use super::state::{AppState, use_app};
use crate::core::genetics::compose::{self, Plan};
use crate::core::genome::contig::ContigId;
use crate::core::genome::feature::FeatureIdx;
use crate::core::strand::Strand;
use crate::io::cassette::{parse_file, parse_text};
use crate::view::compose_form::{
    Action, Site, Sizes, parse_after_base, plan_for, site_next_to_insert,
};
use crate::view::edit_rows::{described, edits_named};
use crate::view::gene_card::gene_card;
use crate::view::insert_card::{InsertCard, insert_card};
use crate::view::preview::{Preview, preview};
use crate::view::refusal::{Refused, refused};

/// A refusal's words ending as a sentence (core's end without a full stop, the panels' with one).
fn sentence(text: &str) -> String {
    if text.ends_with('.') {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

/// Where an insertion goes, as the form holds it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum SiteKind {
    Before,
    After,
    At,
}

/// The composer panel.
#[component]
pub fn Composer() -> impl IntoView {
    let app = use_app();
    let action = RwSignal::new(None::<Action>);
    let marker = RwSignal::new(String::new());
    let inputs = InsertInputs::new();
    let site = RwSignal::new(SiteKind::After);
    let at_contig = RwSignal::new(None::<ContigId>);
    let at_pos = RwSignal::new(String::new());
    let at_strand = RwSignal::new(Strand::Forward);
    // The message of the last applied plan, with the undo depth it left: shown only while the
    // design is still the one it produced (an undo or a later change supersedes it).
    let applied = RwSignal::new(None::<(String, usize)>);
    let confirm_ref = NodeRef::<leptos::html::Div>::new();
    let refusal = RwSignal::new(None::<(Plan, String)>);
    // The notice of the last refusal: a later success makes it moot.
    let refusal_notice = StoredValue::new(None::<u64>);
    let zygosity = RwSignal::new(crate::core::design::genotype::Zygosity::Heterozygous);

    let card = Memo::new(move |_| {
        let sel = app.selected.get()?;
        app.genome
            .with(|g| g.as_ref().map(|r| gene_card(r.genome(), sel)))
    });
    // An inserted sequence selected on the map (no gene selected): insertions go next to it.
    let anchor = Memo::new(move |_| -> Option<InsertCard> {
        let what = app.selected_insert.get()?;
        app.genome.with(|g| {
            let r = g.as_ref()?;
            app.design.with(|d| insert_card(r.genome(), d, what))
        })
    });
    // The name before/after refer to: "the gene", or the inserted sequence's.
    let next_to = move || {
        anchor
            .with(|a| a.as_ref().map(|a| a.name.clone()))
            .filter(|_| app.selected.with(Option::is_none))
            .unwrap_or_else(|| "the gene".to_owned())
    };
    // The contig an "at a position" insertion goes on: the one chosen, else the selected gene's,
    // else the map's.
    let contig = Memo::new(move |_| {
        at_contig.get().or_else(|| {
            let ready = app.genome.get()?;
            app.selected
                .get()
                .map(|g| ready.genome().feature(g).contig)
                .or_else(|| app.view.get().map(|v| v.contig))
        })
    });
    let insert = Memo::new(move |_| inputs.resolve(app));
    let plan = Memo::new(move |_| -> Option<Result<Plan, String>> {
        let act = action.get()?;
        let ready = app.genome.get()?;
        let genome = ready.genome();
        let gene = app.selected.get();
        let marker_cassette = || {
            let m = marker.get();
            if m.is_empty() {
                Ok(None)
            } else {
                app.library.with(|l| {
                    l.get(&m)
                        .cloned()
                        .map(Some)
                        .ok_or_else(|| format!("no cassette named {m} in the library"))
                })
            }
        };
        let ins = match act {
            Action::Delete => match marker_cassette() {
                Ok(c) => c,
                Err(e) => return Some(Err(e)),
            },
            _ => match insert.get() {
                Some(Ok(c)) => Some(c),
                Some(Err(e)) => return Some(Err(e)),
                None => None,
            },
        };
        let where_ = match (act, site.get()) {
            (Action::Insert, SiteKind::At) => {
                let Some(c) = contig.get() else {
                    return Some(Err("choose a sequence".to_owned()));
                };
                match parse_after_base(genome, c, &at_pos.get()) {
                    Ok(after) => Site::At {
                        contig: c,
                        after,
                        strand: at_strand.get(),
                    },
                    Err(e) => return Some(Err(e)),
                }
            }
            (Action::Insert, kind) if gene.is_none() => {
                let Some(what) = app.selected_insert.get() else {
                    return Some(Err(
                        "select a gene or an inserted sequence first (search, or click the map)"
                            .to_owned(),
                    ));
                };
                match app
                    .design
                    .with(|d| site_next_to_insert(d, what, kind == SiteKind::Before))
                {
                    Some(s) => s,
                    None => {
                        return Some(Err(
                            "that inserted sequence is no longer in the design".to_owned()
                        ));
                    }
                }
            }
            (_, SiteKind::Before) => Site::Before,
            _ => Site::After,
        };
        Some(plan_for(genome, gene, act, ins.as_ref(), where_))
    });
    let shown =
        Memo::new(move |_| -> Option<Result<Preview, Refused>> {
            let p = plan.get()?.ok()?;
            let ready = app.genome.get()?;
            let essential = app.essential.get();
            Some(app.design.with(|d| {
                preview(ready.genome(), d, &p, &essential).map_err(|e| refused(d, &p, &e))
            }))
        });
    let sizes = Memo::new(move |_| {
        plan.with(|p| match p {
            Some(Ok(p)) => Some(Sizes::of(p)),
            _ => None,
        })
    });

    // A plan ready to confirm: its Confirm button comes into view with the preview above it —
    // after the frame's layout, once the preview is drawn and has its height.
    let show_confirm = move || {
        request_animation_frame(move || {
            if let Some(el) = confirm_ref.get_untracked() {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        });
    };
    // Whenever a gene is chosen (again) or the plan changes and is ready; "nearest" leaves the
    // page where it is when Confirm is already in view.
    Effect::new(move |_| {
        app.selected.track();
        app.selected_insert.track();
        if shown.with(|s| matches!(s, Some(Ok(_)))) {
            show_confirm();
        }
    });
    // Any other change of the design (a link or an import opened, another design or genome, an
    // undo) leaves the last "Applied …" behind: only the change Confirm made keeps it.
    let own_change = StoredValue::new(false);
    Effect::new(move |_| {
        app.design.track();
        if own_change.get_value() {
            own_change.set_value(false);
        } else if applied.with_untracked(Option::is_some) {
            applied.set(None);
        }
    });
    // Choosing another gene leaves the last "Applied …" behind (the notice keeps it).
    Effect::new(move |prev: Option<Option<FeatureIdx>>| {
        let now = app.selected.get();
        if prev.is_some_and(|p| p != now) {
            applied.set(None);
        }
        now
    });
    // Choosing an action asks for its plan: Confirm comes into view even when the plan was ready.
    let choose = move |a: Action| {
        move |_| {
            action.set(Some(a));
            applied.set(None);
            show_confirm();
        }
    };
    let confirm = move |_| {
        let Some(Ok(p)) = plan.get_untracked() else {
            return;
        };
        let designation = p.perturbation.designation.clone();
        let mut attempt = p.clone();
        if super::zygosity::is_diploid(app) {
            attempt.perturbation.zygosity = zygosity.get_untracked();
        }
        own_change.set_value(true);
        match app.commit(|g, d| compose::apply(g, d, attempt)) {
            Ok(ids) => {
                let first = ids.first().copied();
                let msg = match first {
                    Some(_) => format!("Applied {designation} ({}).", edits_named(&ids)),
                    None => format!("Applied {designation}."),
                };
                if let Some(id) = refusal_notice.get_value() {
                    app.dismiss(id);
                    refusal_notice.set_value(None);
                }
                app.notify(false, msg.clone());
                applied.set(Some((msg, app.history.with_untracked(|h| h.past.len()))));
                refusal.set(None);
                app.selected_edit.set(first);
                action.set(None);
            }
            Err(e) => {
                own_change.set_value(false);
                let why = app.design.with_untracked(|d| refused(d, &p, &e));
                let msg = format!("Refused: {} Nothing was changed.", sentence(&why.text));
                refusal_notice.set_value(Some(app.notify_id(true, msg.clone())));
                refusal.set(Some((p, msg)));
            }
        }
    };
    let current_refusal = move || {
        let r = refusal.get()?;
        plan.with(|p| matches!(p, Some(Ok(p)) if *p == r.0))
            .then_some(r.1)
    };
    let no_gene = move || app.selected.with(Option::is_none);
    // Before/after need something to be next to: a gene or an inserted sequence.
    let no_anchor = move || no_gene() && app.selected_insert.with(Option::is_none);

    let marker_options = move || {
        app.library.with(|l| {
            l.cassettes
                .iter()
                .map(|c| {
                    let (n1, n2) = (c.name.clone(), c.name.clone());
                    view! {
                        <option value=n1 prop:selected=move || marker.get() == n2>
                            {format!("::{}", c.name)}
                        </option>
                    }
                })
                .collect_view()
        })
    };
    let contig_options = move || {
        app.genome.with(|g| {
            g.as_ref()
                .map(|r| {
                    r.genome()
                        .contigs()
                        .iter()
                        .enumerate()
                        .map(|(i, c)| {
                            let id = ContigId(i as u32);
                            view! {
                                <option value=i.to_string() prop:selected=move || contig.get() == Some(id)>
                                    {c.name.to_string()}
                                </option>
                            }
                        })
                        .collect_view()
                })
        })
    };

    view! {
        <section class="panel composer" id="composer" aria-labelledby="composer-title"
            // Composing the next edit (an action chosen, a field typed in): what the last one
            // reported is past.
            on:input=move |_| app.clear_info() on:change=move |_| app.clear_info()>
            <h2 id="composer-title">"Compose an edit"</h2>
            <p class="composer-target" id="composer-target">
                {move || match (card.get(), anchor.get()) {
                    (Some(c), _) => view! {
                        "On "
                        <strong>{if c.standard == c.systematic { c.systematic.clone() } else { format!("{} ({})", c.standard, c.systematic) }}</strong>
                        {format!(" · {} ({} strand)", c.locus, c.strand)}
                    }
                    .into_any(),
                    (None, Some(a)) => view! {
                        "Next to "
                        <strong>{a.name.clone()}</strong>
                        {format!(" · {} · {} ({} strand): insert before or after it", a.what, a.edited_locus, a.strand)}
                    }
                    .into_any(),
                    (None, None) => view! {
                        <span class="muted">
                            "Select a gene (search, or click the map) to delete, replace or insert next to it; or insert at a position."
                        </span>
                    }
                    .into_any(),
                }}
            </p>
            <fieldset class="choices">
                <legend>"Action"</legend>
                <label>
                    <input type="radio" name="composer-action" id="composer-action-delete"
                        prop:checked=move || action.get() == Some(Action::Delete)
                        disabled=no_gene on:change=choose(Action::Delete) />
                    "Delete"
                </label>
                <label>
                    <input type="radio" name="composer-action" id="composer-action-replace"
                        prop:checked=move || action.get() == Some(Action::Replace)
                        disabled=no_gene on:change=choose(Action::Replace) />
                    "Replace"
                </label>
                <label>
                    <input type="radio" name="composer-action" id="composer-action-insert"
                        prop:checked=move || action.get() == Some(Action::Insert)
                        on:change=choose(Action::Insert) />
                    "Insert"
                </label>
            </fieldset>
            <Show when=move || action.get() == Some(Action::Delete)>
                <div class="field">
                    <label for="composer-marker">"Replace with"</label>
                    <select id="composer-marker" on:change=move |ev| marker.set(event_target_value(&ev))>
                        <option value="" prop:selected=move || marker.get().is_empty()>"nothing (clean deletion)"</option>
                        {marker_options}
                    </select>
                </div>
            </Show>
            <Show when=move || matches!(action.get(), Some(Action::Replace | Action::Insert))>
                <InsertPicker app inputs prefix="composer" />
            </Show>
            <Show when=move || action.get() == Some(Action::Insert)>
                <fieldset class="choices">
                    <legend>"Where"</legend>
                    <label>
                        <input type="radio" name="composer-site" id="composer-site-before"
                            prop:checked=move || site.get() == SiteKind::Before
                            disabled=no_anchor on:change=move |_| site.set(SiteKind::Before) />
                        {move || format!("Before {} (5′)", next_to())}
                    </label>
                    <label>
                        <input type="radio" name="composer-site" id="composer-site-after"
                            prop:checked=move || site.get() == SiteKind::After
                            disabled=no_anchor on:change=move |_| site.set(SiteKind::After) />
                        {move || format!("After {} (3′)", next_to())}
                    </label>
                    <label>
                        <input type="radio" name="composer-site" id="composer-site-at"
                            prop:checked=move || site.get() == SiteKind::At
                            on:change=move |_| site.set(SiteKind::At) />
                        "At a position"
                    </label>
                </fieldset>
                <Show when=move || site.get() == SiteKind::At>
                    <div class="field-row">
                        <div class="field">
                            <label for="composer-contig">"Sequence"</label>
                            <select id="composer-contig" on:change=move |ev| {
                                at_contig.set(event_target_value(&ev).parse::<u32>().ok().map(ContigId));
                            }>
                                {contig_options}
                            </select>
                        </div>
                        <div class="field">
                            <label for="composer-position">"After base"</label>
                            <input id="composer-position" type="text" inputmode="numeric" size="10"
                                placeholder="e.g. 100,000"
                                prop:value=move || at_pos.get()
                                on:input=move |ev| at_pos.set(event_target_value(&ev)) />
                        </div>
                        <div class="field">
                            <label for="composer-strand">"Reading"</label>
                            <select id="composer-strand" on:change=move |ev| {
                                at_strand.set(if event_target_value(&ev) == "-" { Strand::Reverse } else { Strand::Forward });
                            }>
                                <option value="+" prop:selected=move || at_strand.get() != Strand::Reverse>"forward (+)"</option>
                                <option value="-" prop:selected=move || at_strand.get() == Strand::Reverse>"reverse (−)"</option>
                            </select>
                        </div>
                    </div>
                </Show>
            </Show>
            <div class="preview" id="composer-preview" aria-live="polite">
                {move || match plan.get() {
                    None => ().into_any(),
                    Some(Err(why)) => view! { <p class="hint" id="preview-hint">{why}</p> }.into_any(),
                    Some(Ok(_)) => match shown.get() {
                        None => ().into_any(),
                        Some(Err(r)) => view! {
                            <p class="refusal" id="preview-refused" role="alert" title=r.detail>
                                {format!("This edit would be refused: {}", r.text)}
                            </p>
                        }
                        .into_any(),
                        Some(Ok(p)) => view! { <PreviewView p sizes=sizes.get() /> }.into_any(),
                    },
                }}
            </div>
            <super::zygosity::ZygosityChoice app zygosity id="composer-zygosity" />
            <div class="actions" node_ref=confirm_ref>
                <button
                    class="primary"
                    id="composer-confirm"
                    // Only a plan the preview accepted can be confirmed.
                    disabled=move || !shown.with(|s| matches!(s, Some(Ok(_))))
                    on:click=confirm
                >
                    "Confirm"
                </button>
            </div>
            {move || current_refusal().map(|r| view! { <p class="refusal" id="composer-error" role="alert">{r}</p> })}
            {move || {
                let (m, depth) = applied.get()?;
                app.history
                    .with(|h| h.past.len() == depth && h.future.is_empty())
                    .then(|| view! { <p class="ok" id="composer-applied" role="status">{m}</p> })
            }}
            <CassetteAdder app />
        </section>
    }
}

/// What a plan would do.
#[component]
fn PreviewView(p: Preview, sizes: Option<Sizes>) -> impl IntoView {
    let essential: Vec<String> = p
        .essential()
        .map(|g| {
            let name = if g.name == g.systematic {
                g.name.clone()
            } else {
                format!("{} ({})", g.name, g.systematic)
            };
            format!(
                "{name} is essential in the {}: this edit {} it, and a haploid carrying it is not expected to be viable.",
                crate::core::genetics::essential::SOURCE,
                g.effect.verb()
            )
        })
        .collect();
    let viable: Vec<String> = p
        .genes
        .iter()
        .filter_map(|g| {
            let why = g.collection_viable.as_ref()?;
            Some(format!(
                "{} is essential in the {}, yet the project's own haploid deletion of {} was viable: {why}.",
                crate::core::genetics::finding::gene_label(&g.name, &g.systematic),
                crate::core::genetics::essential::SOURCE,
                p.genes.first().map_or("the gene", |t| t.name.as_str()),
            ))
        })
        .collect();
    let touched: Vec<String> = p.genes.iter().map(|g| g.sentence()).collect();
    let also: Vec<String> = p.also().map(|g| g.sentence()).collect();
    view! {
        <p class="designation" id="preview-designation">{p.designation.clone()}</p>
        <ul class="preview-edits" id="preview-edits">
            {p.edits.iter().map(|e| view! { <li class="mono">{described(e)}</li> }).collect_view()}
        </ul>
        <p id="preview-length">
            "Length change: "
            <span class="num">
                {sizes.map_or_else(
                    || crate::view::edit_rows::signed(p.length_change) + " bp",
                    |s| s.sentence(),
                )}
            </span>
        </p>
        {(!touched.is_empty()).then(|| view! {
            <p id="preview-touches">{format!("It {}.", touched.first().cloned().unwrap_or_default())}</p>
        })}
        {(!also.is_empty()).then(|| view! {
            <p id="preview-also" class="warning-soft">{format!("Also {}.", also.join("; "))}</p>
        })}
        {essential
            .into_iter()
            .map(|w| view! { <p class="warning" id="preview-essential" role="alert"><strong>"Essential gene. "</strong>{w}</p> })
            .collect_view()}
        {viable
            .into_iter()
            .map(|w| view! { <p class="warning-soft" id="preview-essential-viable">{w}</p> })
            .collect_view()}
        {p.notes.iter().map(|n| view! { <p class="hint" id="preview-model-note">{n.clone()}</p> }).collect_view()}
    }
}

/// Adding the user's own cassette to the library: pasted FASTA or GenBank, or a file.
#[component]
fn CassetteAdder(app: AppState) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let add = move |c: crate::core::genetics::cassette::Cassette| {
        let replaced = app.library.with_untracked(|l| l.get(&c.name).is_some());
        let msg = format!(
            "{} cassette {} ({} bp, {} part(s)) to the library.",
            if replaced {
                "Replaced the"
            } else {
                "Added the"
            },
            c.name,
            crate::core::coord::thousands(c.len() as u64),
            c.parts.len()
        );
        app.library.update(|l| l.insert(c));
        app.notify(false, msg);
        problem.set(None);
    };
    let add_pasted = move |_| match parse_text(
        &text.get_untracked(),
        &name.get_untracked(),
        "pasted by the user",
    ) {
        Ok(c) => {
            add(c);
            text.set(String::new());
            name.set(String::new());
        }
        Err(e) => problem.set(Some(e)),
    };
    let add_file = move |ev: leptos::ev::Event| {
        let Some(file) = picked_file(&ev) else { return };
        reset_file_input(&ev);
        let file_name = file.name();
        leptos::task::spawn_local(async move {
            match super::browser::read_file(&file).await {
                Ok(bytes) => match parse_file(&file_name, bytes, &name.get_untracked()) {
                    Ok(c) => add(c),
                    Err(e) => problem.set(Some(e)),
                },
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    view! {
        <details class="cassette-adder" id="cassette-adder">
            <summary>"Add your own cassette"</summary>
            <div class="field">
                <label for="cassette-name">"Name"</label>
                <input id="cassette-name" type="text" spellcheck="false" placeholder="e.g. URA3MX6"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev)) />
            </div>
            <div class="field stacked">
                <label for="cassette-paste">"FASTA or GenBank text"</label>
                <textarea id="cassette-paste" rows="3" class="mono" spellcheck="false"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </div>
            <div class="actions">
                <button id="cassette-add" on:click=add_pasted disabled=move || text.with(|t| t.trim().is_empty())>
                    "Add pasted cassette"
                </button>
            </div>
            <div class="field stacked">
                <label for="cassette-file">"…or add from a file (FASTA or GenBank)"</label>
                <input id="cassette-file" type="file"
                    accept=".fa,.fasta,.fna,.fsa,.seq,.txt,.gb,.gbk,.genbank,.ape,.gz"
                    on:change=add_file />
            </div>
            {move || problem.get().map(|p| view! { <p class="refusal" role="alert">{p}</p> })}
        </details>
    }
}
