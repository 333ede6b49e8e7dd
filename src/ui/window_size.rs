//! The sequence-window sizes of the ML exports, settable; the default and why.

use leptos::prelude::*;

use super::state::use_app;

/// Why the default upstream window is 1,003 bp.
pub const WHY_1003: &str = "Default 1,003 bp 5′ and 300 bp 3′ of each CDS: torchcell's window for its DNA-language-model gene embeddings (1,000 bp plus three for the start codon, as the species-aware models of Gankin et al. 2024, Genome Biology 25:83, read yeast 5′ regions).";

/// Two number fields for the flanks.
#[component]
pub fn WindowSize() -> impl IntoView {
    let app = use_app();
    let set = move |up: bool| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev).replace([',', '_', ' '], "");
            if let Ok(n) = v.parse::<u64>() {
                app.flanks.update(|f| {
                    if up {
                        f.upstream = n.min(100_000);
                    } else {
                        f.downstream = n.min(100_000);
                    }
                });
            }
        }
    };
    view! {
        <div class="window-size" id="window-size">
            <label for="window-upstream">"Sequence windows: 5′ bp"</label>
            <input id="window-upstream" type="number" min="0" max="100000" class="mono narrow"
                prop:value=move || app.flanks.with(|f| f.upstream.to_string()) on:change=set(true) />
            <label for="window-downstream">"3′ bp"</label>
            <input id="window-downstream" type="number" min="0" max="100000" class="mono narrow"
                prop:value=move || app.flanks.with(|f| f.downstream.to_string()) on:change=set(false) />
            <p class="muted small">{WHY_1003}</p>
        </div>
    }
}
