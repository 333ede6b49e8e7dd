//! Messages for the user: errors and information, dismissible, announced to screen readers.

use leptos::prelude::*;

use super::state::use_app;

/// The message list.
#[component]
pub fn Notices() -> impl IntoView {
    let app = use_app();
    view! {
        <ul class="notices" aria-live="polite">
            <For each=move || app.notices.get() key=|n| n.id let(n)>
                <li class=if n.error { "notice error" } else { "notice info" } role=if n.error { "alert" } else { "status" }>
                    <span>{n.text.clone()}</span>
                    <button
                        class="dismiss"
                        aria-label="Dismiss"
                        on:click=move |_| app.notices.update(|all| all.retain(|x| x.id != n.id))
                    >
                        "×"
                    </button>
                </li>
            </For>
        </ul>
    }
}
