//! The strain background picker.

use leptos::prelude::*;

use super::state::use_app;
use crate::core::genetics::strain::{STRAINS, strain};
use crate::view::compose_form::{clear_background, strain_genotype};

/// Pick a strain background by name (S288C, BY4741, BY4742, BY4743, or none).
#[component]
pub fn StrainPicker() -> impl IntoView {
    let app = use_app();
    // What the select shows: the user's choice, else the design's background.
    let choice = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let current = Memo::new(move |_| {
        app.design
            .with(|d| d.genotype().background.as_ref().map(|b| b.name.clone()))
    });
    let chosen = move || {
        choice
            .get()
            .unwrap_or_else(|| current.get().unwrap_or_default())
    };
    let apply = move |_| {
        let name = chosen();
        let result = if name.is_empty() {
            app.commit(|_, d| clear_background(d))
        } else {
            match strain(&name) {
                Some(s) => {
                    app.commit(|g, d| crate::core::genetics::compose::set_background(g, d, s))
                }
                None => {
                    problem.set(Some(format!("unknown strain {name}")));
                    return;
                }
            }
        };
        match result {
            Ok(()) => {
                problem.set(None);
                choice.set(None);
                app.notify(
                    false,
                    if name.is_empty() {
                        "Removed the strain background.".to_owned()
                    } else {
                        format!("Background set to {name}.")
                    },
                );
            }
            Err(e) => {
                let msg = format!("Background not changed: {e}");
                app.notify(true, msg.clone());
                problem.set(Some(msg));
            }
        }
    };
    let describe = move || {
        let name = chosen();
        match strain(&name) {
            Some(s) => format!("{} — {}", strain_genotype(s), s.source),
            None => "No background: the reference genome as it is.".to_owned(),
        }
    };
    view! {
        <section class="panel strain" id="strain" aria-labelledby="strain-title">
            <h2 id="strain-title">"Strain background"</h2>
            <div class="field-row">
                <div class="field">
                    <label for="strain-select">"Background"</label>
                    <select id="strain-select" on:change=move |ev| choice.set(Some(event_target_value(&ev)))>
                        <option value="" prop:selected=move || chosen().is_empty()>"none"</option>
                        {STRAINS
                            .iter()
                            .map(|s| {
                                let name = s.name;
                                view! { <option value=name prop:selected=move || chosen() == name>{name}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
                <button id="strain-apply" on:click=apply disabled=move || chosen() == current.get().unwrap_or_default()>
                    "Apply"
                </button>
            </div>
            <p class="muted small" id="strain-info">{describe}</p>
            {move || problem.get().map(|p| view! { <p class="refusal" role="alert">{p}</p> })}
            <super::strain_notes::StrainNotes />
        </section>
    }
}
