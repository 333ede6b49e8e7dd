//! The genome summary: contigs with lengths and topology, feature counts, diagnostics.

use leptos::prelude::*;

use super::state::use_app;
use super::tabs::use_tabs;
use crate::core::coord::thousands;
use crate::core::genome::diagnostics::Severity;

/// The summary panel of the open genome. Problems (errors, warnings) are listed; notes about how
/// the files were read (information) are folded away.
#[component]
pub fn Summary() -> impl IntoView {
    let app = use_app();
    let tabs = use_tabs();
    let problems_ref = NodeRef::<leptos::html::H3>::new();
    // Asked to show the problems (a notice's button): bring the list into view.
    Effect::new(move |prev: Option<u64>| {
        let asked = tabs.problems_asked.get();
        if prev.is_some_and(|p| p != asked) || (prev.is_none() && asked > 0) {
            request_animation_frame(move || {
                if let Some(h) = problems_ref.get_untracked() {
                    h.scroll_into_view();
                }
            });
        }
        asked
    });
    move || {
        let Some(ready) = app.genome.get() else {
            return ().into_any();
        };
        let s = &ready.summary;
        // The overview's order (karyotype when the names allow it, else the file's).
        let contigs = crate::view::map::overview::display_order(ready.genome())
            .into_iter()
            .filter_map(|id| s.contigs.get(id.0 as usize))
            .map(|c| {
                view! {
                    <tr>
                        <th scope="row">{c.name.clone()}</th>
                        <td class="num">
                            {if c.has_sequence || s.unsequenced.is_empty() {
                                thousands(c.length)
                            } else {
                                format!("unknown (features reach {})", thousands(c.length))
                            }}
                        </td>
                        <td>{if c.circular { "circular" } else { "linear" }}</td>
                        <td class="num">{thousands(c.features as u64)}</td>
                        <td>{if c.has_sequence { "yes" } else { "missing" }}</td>
                        <td class="aliases">
                            {c.aliases.iter().enumerate().map(|(i, a)| view! {
                                {(i > 0).then_some(", ")}
                                <span class="alias">{a.clone()}</span>
                            }).collect_view()}
                        </td>
                    </tr>
                }
            })
            .collect_view();
        let mut types: Vec<(String, usize)> = s
            .feature_types
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        crate::core::sort::sort_by(&mut types, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let types = types
            .into_iter()
            .map(|(t, n)| view! { <li><span class="num">{thousands(n as u64)}</span>" "{t}</li> })
            .collect_view();
        let diag_view = |d: &crate::core::genome::summary::DiagnosticSummary| {
            let place = match d.line {
                Some(l) => format!("{} line {l}", d.input),
                None => d.input.clone(),
            };
            view! {
                <li class=format!("diag {}", d.severity)>
                    <span class="sev">{d.severity.to_string()}</span>" "
                    <span class="where">{place}</span>": "{d.message.clone()}
                </li>
            }
        };
        let problems = s
            .diagnostics
            .iter()
            .filter(|d| d.severity > Severity::Info)
            .map(diag_view)
            .collect_view();
        let notes = s
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Info)
            .map(diag_view)
            .collect_view();
        let n_problems = s
            .diagnostics
            .iter()
            .filter(|d| d.severity > Severity::Info)
            .count();
        let n_notes = s.diagnostics.len() - n_problems;
        let ready_ms = format!("{:.0}", ready.ready_ms);
        view! {
            <section class="panel summary" id="genome-summary" data-ready-ms=ready_ms aria-label="Genome summary">
                <h2>"Genome"</h2>
                <p class="totals">
                    <span id="total-length">{thousands(s.total_length)}</span>" bp in "
                    {s.contigs.len()}" contigs · "{thousands(s.total_features as u64)}" features"
                    {(!s.unsequenced.is_empty()).then(|| view! {
                        <span class="refusal" id="unsequenced">
                            {format!(
                                " · no sequence for {}: not counted in the length",
                                s.unsequenced.join(", ")
                            )}
                        </span>
                    })}
                </p>
                <div class="table-wide">
                    <table class="contigs">
                        <thead>
                            <tr>
                                <th scope="col">"Contig"</th>
                                <th scope="col">"Length (bp)"</th>
                                <th scope="col">"Topology"</th>
                                <th scope="col">"Features"</th>
                                <th scope="col">"Sequence"</th>
                                <th scope="col">"Also known as"</th>
                            </tr>
                        </thead>
                        <tbody>{contigs}</tbody>
                    </table>
                </div>
                <h3>"Feature types"</h3>
                <ul class="types">{types}</ul>
                <h3 node_ref=problems_ref>{format!("Problems ({n_problems})")}</h3>
                {if n_problems == 0 {
                    view! { <p class="muted small">"None: every line of the files was read."</p> }.into_any()
                } else {
                    view! { <ul class="diagnostics">{problems}</ul> }.into_any()
                }}
                {(n_notes > 0).then(|| view! {
                    <details class="diagnostic-notes">
                        <summary>{format!("Notes on how the files were read ({n_notes})")}</summary>
                        <ul class="diagnostics">{notes}</ul>
                    </details>
                })}
            </section>
        }
        .into_any()
    }
}
