//! Copies of an edit in a diploid background: a choice shown only when the design's background is
//! diploid, heterozygous by default (what a transformation gives), with what each means.

use leptos::prelude::*;

use super::state::AppState;
use crate::core::design::genotype::Zygosity;

/// Whether the design's background is diploid (tracked).
pub fn is_diploid(app: AppState) -> bool {
    app.design.with(|d| {
        d.genotype()
            .background
            .as_ref()
            .is_some_and(|b| b.ploidy == 2)
    })
}

/// The choice; `id` is the select's id.
#[component]
pub fn ZygosityChoice(
    app: AppState,
    zygosity: RwSignal<Zygosity>,
    id: &'static str,
) -> impl IntoView {
    view! {
        <Show when=move || is_diploid(app)>
            <div class="field">
                <label for=id>"Copies"</label>
                <select id=id on:change=move |ev| {
                    zygosity.set(if event_target_value(&ev) == "homozygous" {
                        Zygosity::Homozygous
                    } else {
                        Zygosity::Heterozygous
                    })
                }>
                    <option value="heterozygous" prop:selected=move || zygosity.get() != Zygosity::Homozygous>
                        "heterozygous (one copy, as a transformation gives)"
                    </option>
                    <option value="homozygous" prop:selected=move || zygosity.get() == Zygosity::Homozygous>
                        "homozygous (both copies)"
                    </option>
                </select>
            </div>
            <p class="muted small">
                {move || if zygosity.get() == Zygosity::Homozygous {
                    "Homozygous: applied to the edited sequence, which stands for both copies."
                } else {
                    "Heterozygous: recorded in the spec (its edits kept disabled), not applied to the single edited sequence."
                }}
            </p>
        </Show>
    }
}
