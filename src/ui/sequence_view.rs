//! The sequence view: edited bases around the selected edit's junction (or a typed reference
//! region), inserted bases highlighted, the reference alongside with removed bases marked;
//! numbered lines of ten-base groups; copy either side to the clipboard.

use leptos::prelude::*;

use super::panel_dom::copy_text;
use super::state::use_app;
use crate::core::coord::{Span, thousands};
use crate::view::edit_rows::edit_name;
use crate::view::junction::{Junction, junction};
use crate::view::seq_lines::{
    Line, MAX_REGION, changed_bases, fasta, lines, plain, region, runs_locus,
};
use crate::view::viewport::Viewport;

/// Bases per line.
const WIDTH: usize = 60;
/// Changed runs longer than this show their ends only.
const MAX_SHOWN: usize = 3_000;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Mode {
    Junction,
    Region,
}

/// What the view shows: a title and both sides.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Shown {
    title: String,
    junction: Junction,
}

/// The sequence view.
#[component]
pub fn SequenceView() -> impl IntoView {
    let app = use_app();
    let mode = RwSignal::new(Mode::Junction);
    let flank = RwSignal::new(60_u64);
    let region_text = RwSignal::new(String::new());
    let shown = Memo::new(move |_| -> Result<Shown, String> {
        let ready = app.genome.get().ok_or("no genome")?;
        let g = ready.genome();
        match mode.get() {
            Mode::Junction => {
                let id = app
                    .selected_edit
                    .get()
                    .ok_or("Select an edit in the edit list to see its junction.")?;
                let fl = flank.get();
                app.design.with(|d| {
                    let e = d
                        .edit(id)
                        .ok_or_else(|| format!("Edit {id} is no longer in the design."))?;
                    if !d.is_enabled(id) {
                        return Err(format!(
                            "Edit {id} ({}) is disabled: enable it to see its junction.",
                            edit_name(d, e)
                        ));
                    }
                    let j = junction(g, d, id, fl)
                        .ok_or("This sequence has no bases loaded.".to_owned())?;
                    Ok(Shown {
                        title: format!(
                            "Junction of edit {id} ({}), {fl} bp each side",
                            edit_name(d, e)
                        ),
                        junction: j,
                    })
                })
            }
            Mode::Region => {
                let t = region_text.get();
                if t.trim().is_empty() {
                    return Err("Type a reference region such as I:151,000-151,400.".to_owned());
                }
                let v = Viewport::parse(g, &t).map_err(|e| e.to_string())?;
                // `parse` pads to a minimum width; use exactly what was typed when it is a range.
                let span: Span = v.span;
                if span.len() > MAX_REGION {
                    return Err(format!(
                        "{} is {} bp; the sequence view shows at most {} bp.",
                        v.label(g),
                        thousands(span.len()),
                        thousands(MAX_REGION)
                    ));
                }
                app.design.with(|d| {
                    let j = region(g, d, v.contig, span)
                        .ok_or("This sequence has no bases loaded.".to_owned())?;
                    Ok(Shown {
                        title: format!("Reference {} and what it became", v.label(g)),
                        junction: j,
                    })
                })
            }
        }
    });
    let copy = move |edited: bool| {
        move |_| {
            let Ok(s) = shown.get_untracked() else { return };
            let j = &s.junction;
            let runs = if edited { &j.edited } else { &j.reference };
            let side = if edited { "edited" } else { "reference" };
            let header = format!("{} {side} ({})", runs_locus(&j.contig, runs), s.title);
            let bases = plain(runs);
            let what = format!("{} bp of {side} sequence", thousands(bases.len() as u64));
            copy_text(app, fasta(&header, &bases), what);
        }
    };
    view! {
        <section class="panel sequence-view" id="sequence-view" aria-labelledby="seq-title">
            <h2 id="seq-title" class="visually-hidden">"Sequence"</h2>
            <div class="seq-controls">
                <fieldset class="choices inline">
                    <legend>"Show"</legend>
                    <label>
                        <input type="radio" name="seq-mode" id="seq-mode-junction"
                            prop:checked=move || mode.get() == Mode::Junction
                            on:change=move |_| mode.set(Mode::Junction) />
                        "the selected edit's junction"
                    </label>
                    <label>
                        <input type="radio" name="seq-mode" id="seq-mode-region"
                            prop:checked=move || mode.get() == Mode::Region
                            on:change=move |_| mode.set(Mode::Region) />
                        "a reference region"
                    </label>
                </fieldset>
                <Show when=move || mode.get() == Mode::Junction>
                    <div class="field">
                        <label for="seq-flank">"Flank"</label>
                        <select id="seq-flank" on:change=move |ev| {
                            if let Ok(n) = event_target_value(&ev).parse() { flank.set(n) }
                        }>
                            {[30_u64, 60, 120, 300, 1000].into_iter().map(|n| view! {
                                <option value=n.to_string() prop:selected=move || flank.get() == n>{format!("{n} bp")}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </Show>
                <Show when=move || mode.get() == Mode::Region>
                    <div class="field grow">
                        <label for="seq-region">"Region"</label>
                        <input id="seq-region" type="text" spellcheck="false" placeholder="I:151,000-151,400"
                            prop:value=move || region_text.get()
                            on:input=move |ev| region_text.set(event_target_value(&ev)) />
                    </div>
                </Show>
                <div class="actions">
                    <button id="seq-copy-edited" on:click=copy(true) disabled=move || shown.with(Result::is_err)>"Copy edited"</button>
                    <button id="seq-copy-reference" on:click=copy(false) disabled=move || shown.with(Result::is_err)>"Copy reference"</button>
                </div>
            </div>
            {move || match shown.get() {
                Err(why) => view! { <p class="muted" id="seq-empty">{why}</p> }.into_any(),
                Ok(s) => {
                    let j = s.junction;
                    let (ins, del) = (changed_bases(&j.edited), changed_bases(&j.reference));
                    view! {
                        <p class="seq-title" id="seq-heading">{s.title}</p>
                        <p class="legend small">
                            <span class="ins">"inserted"</span>" "
                            <span class="del">"removed"</span>
                            {format!(" · {} bp inserted, {} bp removed", thousands(ins), thousands(del))}
                        </p>
                        <div class="seq-sides">
                            <SeqBlock id="seq-edited" label=format!("Edited · {}", runs_locus(&j.contig, &j.edited)) lines=lines(&j.edited, WIDTH, MAX_SHOWN) changed_class="ins" />
                            <SeqBlock id="seq-reference" label=format!("Reference · {}", runs_locus(&j.contig, &j.reference)) lines=lines(&j.reference, WIDTH, MAX_SHOWN) changed_class="del" />
                        </div>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

/// One side: numbered lines.
#[component]
fn SeqBlock(
    id: &'static str,
    label: String,
    lines: Vec<Line>,
    changed_class: &'static str,
) -> impl IntoView {
    let width = lines
        .iter()
        .map(|l| match l {
            Line::Bases { start, .. } | Line::Elided { start, .. } => thousands(*start).len(),
        })
        .max()
        .unwrap_or(1);
    view! {
        <figure class="seq-block">
            <figcaption>{label}</figcaption>
            <pre id=id class="seq">
                {lines
                    .into_iter()
                    .map(|l| match l {
                        Line::Bases { start, segments } => view! {
                            <span class="pos">{format!("{:>width$} ", thousands(start))}</span>
                            {segments
                                .into_iter()
                                .map(|(changed, text)| {
                                    if changed {
                                        view! { <span class=changed_class>{text}</span> }.into_any()
                                    } else {
                                        text.into_any()
                                    }
                                })
                                .collect_view()}
                            "\n"
                        }
                        .into_any(),
                        Line::Elided { bases, .. } => view! {
                            <span class="pos">{format!("{:>width$} ", "…")}</span>
                            <span class=format!("{changed_class} elided")>{format!("… {} more bases (copy to get them all) …", thousands(bases))}</span>
                            "\n"
                        }
                        .into_any(),
                    })
                    .collect_view()}
            </pre>
        </figure>
    }
}
