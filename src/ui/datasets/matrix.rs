//! The selection matrix as a grid: a cell shows the overlap count and is shaded by the Jaccard
//! index; the diagonal selects a dataset; a click (or Enter/Space) on an off-diagonal cell of two
//! selected datasets toggles ∪/∩; arrow keys move between cells (one cell is in the tab order).
//! Shown: the selected datasets and those with data, in matrix order. Cells are keyed by dataset,
//! so a click updates attributes in place and keyboard focus stays where it was.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::{DatasetsState, use_datasets};
use crate::io::datasets::figure::shade;
use crate::view::datasets::{CellState, MatrixCell, matrix_grid};

/// The grid as the view model gives it, with the datasets it shows.
#[derive(Clone, Debug, PartialEq)]
struct Grid {
    shown: Vec<usize>,
    ids: Vec<String>,
    cells: Vec<Vec<MatrixCell>>,
}

impl Grid {
    fn cell(&self, r: usize, c: usize) -> Option<&MatrixCell> {
        let i = self.shown.iter().position(|&x| x == r)?;
        let j = self.shown.iter().position(|&x| x == c)?;
        self.cells.get(i)?.get(j)
    }
}

fn grid(ds: DatasetsState) -> Memo<Grid> {
    Memo::new(move |_| {
        let ev = ds.evaluation.get();
        ds.selection.with(|(s, _)| {
            ds.catalog.with(|c| {
                let shown: Vec<usize> = (0..c.len())
                    .filter(|&i| s.is_selected(i) || ev.keys.get(i).is_some_and(Option::is_some))
                    .collect();
                Grid {
                    ids: shown
                        .iter()
                        .map(|&i| c.entries[i].info.id.clone())
                        .collect(),
                    cells: matrix_grid(c, s, &ev, &shown),
                    shown,
                }
            })
        })
    })
}

fn state_name(s: CellState) -> &'static str {
    match s {
        CellState::Diagonal { selected: true } => "selected",
        CellState::Diagonal { selected: false } => "unselected",
        CellState::Union => "union",
        CellState::Intersection => "intersection",
        CellState::ImpliedIntersection => "implied-intersection",
        CellState::Inactive => "inactive",
    }
}

/// The matrix grid.
#[component]
pub fn Matrix() -> impl IntoView {
    let ds = use_datasets();
    let grid = grid(ds);
    // The cell in the tab order (catalog positions).
    let focus = RwSignal::new(None::<(usize, usize)>);
    let table = NodeRef::<html::Table>::new();
    let activate = move |r: usize, c: usize| {
        let Some(cell) = grid.with_untracked(|g| g.cell(r, c).cloned()) else {
            return;
        };
        if !cell.clickable {
            return;
        }
        if r == c {
            let on = !matches!(cell.state, CellState::Diagonal { selected: true });
            ds.select(r, on);
        } else {
            ds.toggle(r, c);
        }
    };
    let focus_cell = move |r: usize, c: usize| {
        focus.set(Some((r, c)));
        if let Some(t) = table.get_untracked()
            && let Ok(Some(el)) = t.query_selector(&format!("[data-row='{r}'][data-col='{c}']"))
            && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>()
        {
            let _ = el.focus();
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let Some((r, c)) = focus.get_untracked() else {
            return;
        };
        let shown = grid.with_untracked(|g| g.shown.clone());
        let (Some(i), Some(j)) = (
            shown.iter().position(|&x| x == r),
            shown.iter().position(|&x| x == c),
        ) else {
            return;
        };
        let last = shown.len().saturating_sub(1);
        let (ni, nj) = match ev.key().as_str() {
            "ArrowUp" => (i.saturating_sub(1), j),
            "ArrowDown" => ((i + 1).min(last), j),
            "ArrowLeft" => (i, j.saturating_sub(1)),
            "ArrowRight" => (i, (j + 1).min(last)),
            "Home" => (i, 0),
            "End" => (i, last),
            "Enter" | " " => {
                ev.prevent_default();
                activate(r, c);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        focus_cell(shown[ni], shown[nj]);
    };
    let tab_index = move |r: usize, c: usize| {
        let f = focus
            .get()
            .or_else(|| grid.with(|g| g.shown.first().map(|&x| (x, x))));
        if f == Some((r, c)) { "0" } else { "-1" }
    };
    let heads = move || {
        grid.with(|g| {
            g.shown
                .iter()
                .copied()
                .zip(g.ids.iter().cloned())
                .collect::<Vec<(usize, String)>>()
        })
    };
    view! {
        <div class="matrix-wrap">
            <Show
                when=move || grid.with(|g| !g.shown.is_empty())
                fallback=|| view! { <p class="muted">"Select datasets in the table below to build the matrix."</p> }
            >
                <table
                    class="matrix"
                    id="dataset-matrix"
                    role="grid"
                    aria-label="Selection matrix: overlap counts, shaded by Jaccard index"
                    node_ref=table
                    on:keydown=on_key
                >
                    <thead>
                        <tr>
                            <th class="corner" scope="col">
                                <span class="visually-hidden">"dataset"</span>
                            </th>
                            <For
                                each=heads
                                key=|(i, id)| (*i, id.clone())
                                let((_, id))
                            >
                                <th scope="col" class="col-head" title=id.clone()>
                                    <span>{id.clone()}</span>
                                </th>
                            </For>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=heads
                            key=|(i, id)| (*i, id.clone())
                            let((r, id))
                        >
                            <tr>
                                <th scope="row" class="row-head">{id}</th>
                                <For
                                    each=move || grid.with(|g| g.shown.clone())
                                    key=|c| *c
                                    let(c)
                                >
                                    {
                                        let cell = move |f: fn(&MatrixCell) -> String| {
                                            grid.with(|g| g.cell(r, c).map(f).unwrap_or_default())
                                        };
                                        let dark = move || {
                                            grid.with(|g| {
                                                g.cell(r, c).and_then(|x| x.shade).is_some_and(|s| s > 0.45)
                                            })
                                        };
                                        view! {
                                            <td
                                                role="gridcell"
                                                class="cell"
                                                class:diagonal=r == c
                                                class:dark=dark
                                                class:clickable=move || grid.with(|g| g.cell(r, c).is_some_and(|x| x.clickable))
                                                data-row=r.to_string()
                                                data-col=c.to_string()
                                                data-state=move || cell(|x| state_name(x.state).to_owned())
                                                tabindex=move || tab_index(r, c)
                                                title=move || cell(|x| x.title.clone())
                                                aria-label=move || cell(|x| format!("{} {}", x.title, x.state.mark()))
                                                style:background-color=move || {
                                                    grid.with(|g| {
                                                        g.cell(r, c)
                                                            .and_then(|x| x.shade)
                                                            .map(shade)
                                                            .unwrap_or_default()
                                                    })
                                                }
                                                on:click=move |_| {
                                                    focus.set(Some((r, c)));
                                                    activate(r, c);
                                                }
                                                on:focus=move |_| focus.set(Some((r, c)))
                                            >
                                                <span class="count">{move || cell(|x| x.text.clone())}</span>
                                                <span class="mark" aria-hidden="true">
                                                    {move || cell(|x| x.state.mark().to_owned())}
                                                </span>
                                            </td>
                                        }
                                    }
                                </For>
                            </tr>
                        </For>
                    </tbody>
                </table>
                <p class="muted small matrix-legend">
                    "Cell: overlap count, shaded by Jaccard (white 0 → dark blue 1). Click (or Enter) a cell of two selected datasets to switch ∪ (union) / ∩ (intersection); a faint ∩ is implied by the pair's group (both ∩ with the same datasets); the diagonal selects. Arrow keys move between cells."
                </p>
            </Show>
        </div>
    }
}
