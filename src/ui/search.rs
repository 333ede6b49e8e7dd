//! Gene search: a ranked list of matches as the user types (`view::search`), opened by a click
//! or by Enter when the name is exact; the card of the selected gene or inserted sequence.

use leptos::prelude::*;

use super::state::{AppState, use_app};
use crate::core::coord::thousands;
use crate::core::genome::feature::FeatureIdx;
use crate::view::gene_card::{EditedLocation, GeneCard, edited_location, gene_card};
use crate::view::insert_card::{InsertCard, insert_card};
use crate::view::search::{Listing, MatchKind, SearchHit, Submit, match_counts, search, submit};
use crate::view::viewport::Viewport;

/// Matches listed at most.
const LIST_MAX: usize = 12;

/// Selects a gene and moves the map to it.
fn open_gene(app: &AppState, gene: FeatureIdx) {
    let Some(ready) = app.genome.get_untracked() else {
        return;
    };
    let genome = ready.genome();
    app.selected_insert.set(None);
    app.selected.set(Some(gene));
    if let Ok(v) = Viewport::parse(genome, &gene_card(genome, gene).systematic) {
        // In edited coordinates the window grows by what the design inserts into the gene (a
        // tag, a cassette), so the gene is drawn whole.
        let v = if app.axis.get_untracked() == crate::ui::state::Axis::Edited {
            app.design.with_untracked(|d| {
                crate::view::map::edited_window::reference_view_showing(genome, d, &v)
            })
        } else {
            v
        };
        app.view.set(Some(v));
    }
}

/// The search box, its list of matches, and the card of the selected gene. Finding a gene selects
/// it and moves the map to it; a query that names no gene exactly lists what it matches and moves
/// nothing.
#[component]
pub fn GeneSearch() -> impl IntoView {
    let app = use_app();
    let (query, set_query) = signal(String::new());
    // What the last submit said, in its style: an error only when nothing matched.
    let (message, set_message) = signal(None::<(&'static str, String)>);
    // The query a submit could not open, while the card still shows the gene opened before it.
    let unopened = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        app.selected.track();
        app.selected_insert.track();
        unopened.set(None);
    });
    // The list shows while the user is choosing: it closes once a gene is opened.
    let listing = RwSignal::new(true);
    let hits = Memo::new(move |_| {
        let q = query.get();
        app.genome.with(|g| match g {
            Some(r) if !q.trim().is_empty() => search(r.genome(), &q, LIST_MAX),
            _ => Vec::new(),
        })
    });
    // How many genes match in all, when the list shows only the first few.
    let more = Memo::new(move |_| {
        let shown = hits.with(Vec::len);
        if shown < LIST_MAX {
            return None;
        }
        let q = query.get();
        let total = app
            .genome
            .with(|g| g.as_ref().map(|r| match_counts(r.genome(), &q).total()))?;
        (total > shown).then(|| {
            format!(
                "The first {shown} of {} matching genes — type more to narrow them, or press Enter for the counts.",
                crate::core::coord::thousands(total as u64)
            )
        })
    });
    let submit = move || {
        let Some(ready) = app.genome.get_untracked() else {
            return;
        };
        let found = hits.get_untracked();
        match submit(ready.genome(), &query.get_untracked(), &found) {
            Submit::Open(gene, note) => {
                set_message.set(note.map(|n| (Listing::Matches.css(), n)));
                listing.set(false);
                open_gene(&app, gene);
            }
            Submit::List(kind, why) => {
                set_message.set(Some((kind.css(), why)));
                listing.set(true);
                unopened.set(Some(query.get_untracked().trim().to_owned()));
            }
        }
    };
    let card = Memo::new(move |_| {
        if let Some(what) = app.selected_insert.get() {
            return app.genome.with(|g| {
                let r = g.as_ref()?;
                app.design
                    .with(|d| insert_card(r.genome(), d, what))
                    .map(Card::Insert)
            });
        }
        let sel = app.selected.get()?;
        // In edited coordinates the card says where the gene is in the edited genome too.
        let edited = (app.axis.get() == crate::ui::state::Axis::Edited)
            .then(|| {
                let lifted = app.lifted.get()?;
                app.genome.with(|g| {
                    g.as_ref()
                        .map(|r| edited_location(r.genome(), &lifted, sel))
                })
            })
            .flatten();
        app.genome.with(|g| {
            g.as_ref()
                .map(|r| Card::Gene(gene_card(r.genome(), sel), edited))
        })
    });
    view! {
        <form
            class="search"
            role="search"
            on:submit=move |ev| {
                ev.prevent_default();
                submit();
            }
        >
            <label for="gene-search">"Find a gene"</label>
            <input
                id="gene-search"
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder="TFC3, YAL001C, pho, phosphatase…"
                aria-controls="search-results"
                prop:value=query
                on:input=move |ev| {
                    set_message.set(None);
                    listing.set(true);
                    set_query.set(event_target_value(&ev));
                }
            />
            <button type="submit">"Search"</button>
        </form>
        {move || message.get().map(|(class, m)| view! { <p class=class role="status">{m}</p> })}
        <Show when=move || listing.get() && !hits.with(Vec::is_empty)>
            <ul class="search-results" id="search-results" aria-label="Matches">
                <For each=move || hits.get() key=|h| (h.gene, h.kind) let(h)>
                    <HitRow h on_open=move |g| {
                        set_message.set(None);
                        listing.set(false);
                        open_gene(&app, g);
                    } />
                </For>
            </ul>
            {move || more.get().map(|m| view! { <p class="hint" id="search-more">{m}</p> })}
        </Show>
        {move || card.get().map(|c| {
            // A search that opened nothing leaves the card of what was open: said, so it is not
            // read as the card of the name searched for.
            let before = unopened.get().map(|q| {
                let name = match &c {
                    Card::Gene(card, _) => card.standard.clone(),
                    Card::Insert(card) => card.name.clone(),
                };
                view! {
                    <p class="card-before muted small" id="gene-card-before">
                        {format!("Still showing {name}, opened before “{q}”:")}
                    </p>
                }
            });
            let card = match c {
                Card::Gene(card, edited) => view! { <GeneCardView card edited /> }.into_any(),
                Card::Insert(card) => view! { <InsertCardView card /> }.into_any(),
            };
            view! { {before} {card} }
        })}
    }
}

/// The card shown under the search box.
#[derive(Clone, Debug, PartialEq)]
enum Card {
    Gene(GeneCard, Option<EditedLocation>),
    Insert(InsertCard),
}

/// One match: its names, how it matched, a button that opens it.
#[component]
fn HitRow(
    h: SearchHit,
    on_open: impl Fn(FeatureIdx) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let title = if h.standard == h.systematic {
        h.systematic.clone()
    } else {
        format!("{} {}", h.standard, h.systematic)
    };
    let via = match (h.kind, &h.via) {
        (MatchKind::Alias | MatchKind::ExactAlias, Some(a)) => format!("alias {a}"),
        (MatchKind::Description, Some(d)) => format!("description: {d}"),
        (MatchKind::Similar, Some(a)) => format!("did you mean? (alias {a})"),
        (MatchKind::Similar, None) => "did you mean?".to_owned(),
        _ => String::new(),
    };
    let gene = h.gene;
    view! {
        <li data-name=h.standard.clone() data-match=h.kind.label()>
            <button type="button" on:click=move |_| on_open(gene)>
                <span class="hit-name">{title}</span>
                {(!via.is_empty()).then(|| view! { <span class="hit-via muted small">{via}</span> })}
            </button>
        </li>
    }
}

/// One gene's card.
#[component]
pub fn GeneCardView(card: GeneCard, edited: Option<EditedLocation>) -> impl IntoView {
    let title = if card.standard == card.systematic {
        card.systematic.clone()
    } else {
        format!("{} / {}", card.standard, card.systematic)
    };
    let aliases =
        (!card.aliases.is_empty()).then(|| format!("Aliases: {}", card.aliases.join(", ")));
    let proteins = (!card.protein_names.is_empty())
        .then(|| format!("Protein: {}", card.protein_names.join("; ")));
    view! {
        <article class="gene-card" id="gene-card" aria-label="Gene">
            <h3>{title}</h3>
            <dl>
                <dt>"Location"</dt>
                <dd class="locus" id="gene-locus">{card.locus.clone()}</dd>
                {edited.map(|e| view! {
                    <dt>"Edited"</dt>
                    <dd class="locus" id="gene-edited-locus">{e.words()}</dd>
                })}
                <dt>"Strand"</dt>
                <dd>{card.strand.to_string()}</dd>
                <dt>"Type"</dt>
                <dd>{format!("{} ({}), {} bp", card.class, card.kind, thousands(card.length))}</dd>
            </dl>
            {aliases.map(|a| view! { <p class="aliases">{a}</p> })}
            {proteins.map(|p| view! { <p class="aliases protein-names">{p}</p> })}
            {card.description.clone().map(|d| {
                let full = d.clone();
                view! { <p class="description" title=full>{d}</p> }
            })}
            {card.sgd_url.clone().map(|url| view! {
                <p><a class="sgd-link" href=url target="_blank" rel="noopener noreferrer">
                    {format!("{} at SGD ↗", card.systematic)}
                </a></p>
            })}
        </article>
    }
}

/// An inserted sequence's (or part's) card.
#[component]
fn InsertCardView(card: InsertCard) -> impl IntoView {
    let parts = card
        .parts
        .iter()
        .map(|p| {
            view! {
                <li>{format!("{} ({}), {} ({} bp)", p.name, p.kind, p.range, thousands(p.length))}</li>
            }
        })
        .collect_view();
    view! {
        <article class="gene-card insert-card" id="gene-card" data-kind="inserted" aria-label="Inserted sequence">
            <h3>{card.name.clone()}</h3>
            <dl>
                <dt>"What"</dt>
                <dd>{format!("{}, {} bp, strand {}", card.what, thousands(card.length), card.strand)}</dd>
                <dt>"Edited"</dt>
                <dd class="locus">{card.edited_locus.clone()}</dd>
                <dt>"Reference"</dt>
                <dd>{card.reference.clone()}</dd>
                <dt>"Edit"</dt>
                <dd>{format!("{}{}", card.edit, card.designation.as_ref().map(|d| format!(" ({d})")).unwrap_or_default())}</dd>
            </dl>
            {(!card.parts.is_empty()).then(|| view! {
                <p class="small">"Parts (in the insert's orientation):"</p>
                <ul class="small parts">{parts}</ul>
            })}
        </article>
    }
}
