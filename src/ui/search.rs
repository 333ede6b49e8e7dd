//! Gene search: systematic, standard or alias names, with suggestions; the result's card.

use leptos::prelude::*;

use super::state::use_app;
use crate::core::gene_card::{GeneCard, gene_card};
use crate::core::names::Lookup;

/// The search box and the card of the gene found.
#[component]
pub fn GeneSearch() -> impl IntoView {
    let app = use_app();
    let (query, set_query) = signal(String::new());
    let (submitted, set_submitted) = signal(String::new());
    let suggestions = Memo::new(move |_| {
        let q = query.get();
        app.genome.with(|g| match g {
            Some(r) if q.trim().len() >= 2 => r
                .loaded
                .genome
                .names()
                .suggest(&q, 8)
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>(),
            _ => Vec::new(),
        })
    });
    // The outcome of the submitted search: a card, or why there is none.
    let result = Memo::new(move |_| {
        let q = submitted.get();
        if q.trim().is_empty() {
            return None;
        }
        app.genome.with(|g| {
            let r = g.as_ref()?;
            let genome = &r.loaded.genome;
            Some(match genome.lookup(&q) {
                Lookup::Found(hit) => Ok(gene_card(genome, hit.feature)),
                Lookup::NotFound => Err(format!("No gene is named “{}”.", q.trim())),
                Lookup::Ambiguous(hits) => Err(format!(
                    "“{}” names {} genes: {}.",
                    q.trim(),
                    hits.len(),
                    hits.iter()
                        .map(|h| gene_card(genome, h.feature).systematic)
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            })
        })
    });
    view! {
        <form
            class="search"
            role="search"
            on:submit=move |ev| {
                ev.prevent_default();
                set_submitted.set(query.get_untracked());
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
        {move || match result.get() {
            None => ().into_any(),
            Some(Err(message)) => view! { <p class="not-found" role="status">{message}</p> }.into_any(),
            Some(Ok(card)) => view! { <GeneCardView card /> }.into_any(),
        }}
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
