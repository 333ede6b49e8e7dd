//! Gene search: systematic, standard or alias names, with suggestions; the result's card.

use leptos::prelude::*;

use super::state::use_app;
use crate::core::genome::names::Lookup;
use crate::view::gene_card::{GeneCard, gene_card};
use crate::view::viewport::Viewport;

/// The search box and the card of the selected gene. Finding a gene selects it and moves the
/// map to it.
#[component]
pub fn GeneSearch() -> impl IntoView {
    let app = use_app();
    let (query, set_query) = signal(String::new());
    let (message, set_message) = signal(None::<String>);
    let suggestions = Memo::new(move |_| {
        let q = query.get();
        app.genome.with(|g| match g {
            Some(r) if q.trim().len() >= 2 => r
                .genome()
                .names()
                .suggest(&q, 8)
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>(),
            _ => Vec::new(),
        })
    });
    let search = move |q: String| {
        let Some(ready) = app.genome.get_untracked() else {
            return;
        };
        let genome = ready.genome();
        match genome.lookup(&q) {
            Lookup::Found(hit) => {
                set_message.set(None);
                app.selected.set(Some(hit.feature));
                if let Ok(v) = Viewport::parse(genome, &gene_card(genome, hit.feature).systematic) {
                    app.view.set(Some(v));
                }
            }
            Lookup::NotFound => set_message.set(Some(format!("No gene is named “{}”.", q.trim()))),
            Lookup::Ambiguous(hits) => set_message.set(Some(format!(
                "“{}” names {} genes: {}.",
                q.trim(),
                hits.len(),
                hits.iter()
                    .map(|h| gene_card(genome, h.feature).systematic)
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    };
    let card = Memo::new(move |_| {
        let sel = app.selected.get()?;
        app.genome
            .with(|g| g.as_ref().map(|r| gene_card(r.genome(), sel)))
    });
    view! {
        <form
            class="search"
            role="search"
            on:submit=move |ev| {
                ev.prevent_default();
                search(query.get_untracked());
            }
        >
            <label for="gene-search">"Find a gene"</label>
            <input
                id="gene-search"
                type="search"
                list="gene-suggestions"
                autocomplete="off"
                spellcheck="false"
                placeholder="TFC3, YAL001C, MET15…"
                prop:value=query
                on:input=move |ev| set_query.set(event_target_value(&ev))
            />
            <datalist id="gene-suggestions">
                <For each=move || suggestions.get() key=|s| s.clone() let(s)>
                    <option value=s></option>
                </For>
            </datalist>
            <button type="submit">"Search"</button>
        </form>
        {move || message.get().map(|m| view! { <p class="not-found" role="status">{m}</p> })}
        {move || card.get().map(|card| view! { <GeneCardView card /> })}
    }
}

/// One gene's card.
#[component]
pub fn GeneCardView(card: GeneCard) -> impl IntoView {
    let title = if card.standard == card.systematic {
        card.systematic.clone()
    } else {
        format!("{} / {}", card.standard, card.systematic)
    };
    let aliases =
        (!card.aliases.is_empty()).then(|| format!("Aliases: {}", card.aliases.join(", ")));
    view! {
        <article class="gene-card" id="gene-card" aria-label="Gene">
            <h3>{title}</h3>
            <dl>
                <dt>"Location"</dt>
                <dd class="locus" id="gene-locus">{card.locus.clone()}</dd>
                <dt>"Strand"</dt>
                <dd>{card.strand.to_string()}</dd>
                <dt>"Type"</dt>
                <dd>{format!("{} ({}), {} bp", card.class, card.kind, crate::core::coord::thousands(card.length))}</dd>
            </dl>
            {aliases.map(|a| view! { <p class="aliases">{a}</p> })}
            {card.description.clone().map(|d| view! { <p class="description">{d}</p> })}
        </article>
    }
}
