//! Live coordinates: the features in the map's window (or those named in a filter) with reference
//! and edited coordinates and status, and a position box that lifts any coordinate both ways.
//! Everything is derived with memos from (genome, design, lifted, view), so it follows every edit,
//! undo and pan at once; the table is bounded.

use leptos::prelude::*;

use super::state::use_app;
use crate::core::coord::thousands;
use crate::view::coord_rows::{CoordRow, CoordTable, for_names, in_view, view_scope};
use crate::view::edit_rows::signed;
use crate::view::position::{Direction, lift_position, parse_position};

/// Most rows the table shows.
const LIMIT: usize = 150;

/// The coordinate table and the position box.
#[component]
pub fn CoordinatesTable() -> impl IntoView {
    let app = use_app();
    let filter = RwSignal::new(String::new());
    let parts = RwSignal::new(false);
    let table = Memo::new(move |_| -> Option<CoordTable> {
        let ready = app.genome.get()?;
        let lifted = app.lifted.get()?;
        let f = filter.get();
        let sub = parts.get();
        app.design.with(|d| {
            if f.trim().is_empty() {
                let view = app.view.get()?;
                // On the Edited axis, the features of the reference bases the window shows.
                let view = if app.axis.get() == crate::ui::state::Axis::Edited {
                    crate::view::map::edited_window::reference_covered(ready.genome(), d, &view)
                } else {
                    view
                };
                Some(in_view(ready.genome(), d, &lifted, &view, sub, LIMIT))
            } else {
                Some(for_names(ready.genome(), d, &lifted, &f, sub, LIMIT))
            }
        })
    });
    let caption = move || {
        let ready = app.genome.get()?;
        let t = table.get()?;
        let scope = if filter.with(|f| f.trim().is_empty()) {
            // In the map axis's coordinates: the edited window on the Edited axis.
            let edited = app.axis.get() == crate::ui::state::Axis::Edited;
            app.view
                .get()
                .map(|v| {
                    app.design
                        .with(|d| view_scope(ready.genome(), d, &v, edited))
                })
                .unwrap_or_default()
        } else {
            "named in the filter".to_owned()
        };
        Some(if t.total > t.rows.len() {
            format!(
                "Showing {} of {} features {scope} — zoom in or filter by name.",
                t.rows.len(),
                thousands(t.total as u64)
            )
        } else {
            format!("{} feature(s) {scope}.", t.rows.len())
        })
    };
    let rows = move || table.with(|t| t.as_ref().map(|t| t.rows.clone()).unwrap_or_default());
    let edits = move || app.design.with(|d| d.edits().len());
    view! {
        <section class="panel coords" id="coordinates" aria-labelledby="coords-title" data-edits=edits>
            <h2 id="coords-title" class="visually-hidden">"Coordinates"</h2>
            <PositionBox />
            <div class="coords-controls">
                <div class="field grow">
                    <label for="coords-filter">"Filter by names"</label>
                    <input id="coords-filter" type="search" spellcheck="false" autocomplete="off"
                        placeholder="e.g. TFC3 NUP60 EFB1 (empty: features in view)"
                        prop:value=move || filter.get()
                        on:input=move |ev| filter.set(event_target_value(&ev)) />
                </div>
                <label class="check">
                    <input type="checkbox" id="coords-parts" prop:checked=move || parts.get()
                        on:change=move |ev| parts.set(event_target_checked(&ev)) />
                    "Show parts (mRNA, CDS, exons)"
                </label>
            </div>
            <p class="muted small" id="coords-caption" aria-live="polite">{caption}</p>
            {move || table.with(|t| t.as_ref().map(|t| {
                let problems: Vec<String> = t.unknown.iter().map(|u| format!("no gene or inserted feature is named “{u}”"))
                    .chain(t.ambiguous.iter().map(|(n, c)| format!("“{n}” names {} genes: {}", c.len(), c.join(", "))))
                    .collect();
                (!problems.is_empty()).then(|| view! { <p class="refusal small" id="coords-problems">{problems.join("; ")}</p> })
            }))}
            <div class="table-scroll">
                <table class="coords-table" id="coords-table">
                    <thead>
                        <tr>
                            <th scope="col">"Feature"</th>
                            <th scope="col">"Type"</th>
                            <th scope="col" class="num">"Reference"</th>
                            <th scope="col" class="num">"Edited"</th>
                            <th scope="col" class="num">"Shift"</th>
                            <th scope="col">"Status"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=rows key=|r| r.clone() let(r)>
                            <CoordRowView r />
                        </For>
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn CoordRowView(r: CoordRow) -> impl IntoView {
    let app = use_app();
    let gene = r.gene;
    let select = move |_| {
        if let Some(g) = gene {
            app.selected_insert.set(None);
            app.selected.set(Some(g));
        }
    };
    let name = r.name.clone();
    let title = if r.name == r.systematic {
        r.name.clone()
    } else {
        format!("{} ({})", r.name, r.systematic)
    };
    let shift = r.shift();
    view! {
        <tr
            class=format!("status-{}", r.status.split_whitespace().next().unwrap_or(""))
            data-feature=r.systematic.clone()
            data-status=r.status
            data-ref-start=r.ref_start.map(|s| s.to_string())
            data-edited-start=r.edited_start.map(|s| s.to_string())
        >
            <td class="name" style:padding-left=format!("{}rem", 0.5 + f64::from(r.depth))>
                {match (gene, r.depth) {
                    (Some(_), 0) => view! {
                        <button class="link" on:click=select title=format!("Select {title}")>{name}</button>
                    }.into_any(),
                    _ => view! { <span title=title>{name}</span> }.into_any(),
                }}
            </td>
            <td>{r.kind.clone()}</td>
            <td class="num mono">{r.reference.clone()}</td>
            <td class="num mono">{r.edited.clone()}</td>
            <td class="num mono">{shift.map(signed).unwrap_or_default()}</td>
            <td><span class="status">{r.status}</span></td>
        </tr>
    }
}

/// Lifts a typed position: reference → edited, or edited → reference.
#[component]
fn PositionBox() -> impl IntoView {
    let app = use_app();
    let text = RwSignal::new(String::new());
    let dir = RwSignal::new(Direction::ToEdited);
    let answer = Memo::new(move |_| -> Option<Result<String, String>> {
        let t = text.get();
        if t.trim().is_empty() {
            return None;
        }
        let ready = app.genome.get()?;
        let g = ready.genome();
        let d = dir.get();
        let default = app.view.get().map(|v| v.contig);
        Some(app.design.with(|design| {
            parse_position(g, &t, default)
                .and_then(|(c, p)| lift_position(g, design, c, p, d))
                .map(|a| a.sentence(d))
        }))
    });
    view! {
        <form class="position-box" id="position-box" on:submit=move |ev| ev.prevent_default()>
            <fieldset class="choices inline">
                <legend>"Lift a position"</legend>
                <label>
                    <input type="radio" name="position-dir" id="position-to-edited"
                        prop:checked=move || dir.get() == Direction::ToEdited
                        on:change=move |_| dir.set(Direction::ToEdited) />
                    "reference → edited"
                </label>
                <label>
                    <input type="radio" name="position-dir" id="position-to-reference"
                        prop:checked=move || dir.get() == Direction::ToReference
                        on:change=move |_| dir.set(Direction::ToReference) />
                    "edited → reference"
                </label>
            </fieldset>
            <div class="field grow">
                <label for="position-input">"Position"</label>
                <input id="position-input" type="text" spellcheck="false" autocomplete="off"
                    placeholder="IV:1,000 (or 1,000 on the map's sequence)"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev)) />
            </div>
            <output id="position-result" for="position-input" aria-live="polite"
                class:refusal=move || matches!(answer.get(), Some(Err(_)))>
                {move || match answer.get() {
                    None => String::new(),
                    Some(Ok(s)) => s,
                    Some(Err(e)) => e,
                }}
            </output>
        </form>
    }
}
