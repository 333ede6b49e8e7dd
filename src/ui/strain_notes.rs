//! The background's approximations, shown where the background is chosen.

use leptos::prelude::*;

use super::state::use_app;
use crate::view::strain_notes::notes;

/// Every modelled allele and approximation of the design's background.
#[component]
pub fn StrainNotes() -> impl IntoView {
    let app = use_app();
    let list = Memo::new(move |_| app.design.with(notes));
    view! {
        <Show when=move || list.with(|l| !l.is_empty())>
            <div class="strain-notes" id="strain-notes" aria-label="What the background models and approximates">
                <p class="small"><strong>"Modelled and approximated"</strong></p>
                <ul class="small">
                    {move || list.get().into_iter().map(|n| {
                        let class = if n.approximation { "warning-soft" } else { "" };
                        view! {
                            <li class=class data-allele=n.what.clone()>
                                <strong>{n.what.clone()}</strong>": "{n.text.clone()}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}
