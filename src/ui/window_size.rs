//! The sequence-window sizes of the ML exports, settable; the default and why.

use leptos::prelude::*;

use super::state::use_app;

/// Why the default windows are 1,000 bp 5′ and 297 bp 3′ of each CDS.
pub const WHY_DEFAULT: &str = "Default 1,000 bp 5′ and 297 bp 3′ of each CDS, so that torchcell's DNA-language-model inputs are exact slices of every window: the first 1,003 bases (1,000 upstream plus the ATG, its window_five_prime(1003)) and the last 300 (the stop codon plus 297, its window_three_prime(300)).";

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
            <p class="muted small">{WHY_DEFAULT}</p>
        </div>
    }
}
