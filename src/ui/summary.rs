//! The genome summary: contigs with lengths and topology, feature counts, diagnostics.

use leptos::prelude::*;

use super::state::use_app;
use crate::core::coord::thousands;

/// The summary panel of the open genome.
#[component]
pub fn Summary() -> impl IntoView {
    let app = use_app();
    move || {
        let Some(ready) = app.genome.get() else {
            return ().into_any();
        };
        let s = &ready.summary;
        let contigs = s
            .contigs
            .iter()
            .map(|c| {
                view! {
                    <tr>
                        <th scope="row">{c.name.clone()}</th>
                        <td class="num">{thousands(c.length)}</td>
                        <td>{if c.circular { "circular" } else { "linear" }}</td>
                        <td class="num">{thousands(c.features as u64)}</td>
                        <td>{if c.has_sequence { "yes" } else { "missing" }}</td>
                        <td class="aliases">{c.aliases.join(", ")}</td>
                    </tr>
                }
            })
            .collect_view();
        let mut types: Vec<(String, usize)> = s
            .feature_types
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        types.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let types = types
            .into_iter()
            .map(|(t, n)| view! { <li><span class="num">{thousands(n as u64)}</span>" "{t}</li> })
            .collect_view();
        let diags = s
            .diagnostics
            .iter()
            .map(|d| {
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
            })
            .collect_view();
        let n_diag = s.diagnostics.len();
        let ready_ms = format!("{:.0}", ready.ready_ms);
        view! {
            <section class="panel summary" id="genome-summary" data-ready-ms=ready_ms aria-label="Genome summary">
                <h2>"Genome"</h2>
                <p class="totals">
                    <span id="total-length">{thousands(s.total_length)}</span>" bp in "
                    {s.contigs.len()}" contigs · "{thousands(s.total_features as u64)}" features"
                </p>
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
                <h3>"Feature types"</h3>
                <ul class="types">{types}</ul>
                <h3>{format!("Diagnostics ({n_diag})")}</h3>
                <ul class="diagnostics">{diags}</ul>
            </section>
        }
        .into_any()
    }
}
