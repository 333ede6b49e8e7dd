//! While another tab's save of the open design stops this tab's autosave ([`Persist::conflict`]),
//! a banner under the header says so for as long as it lasts — closing the notice that first
//! said it does not make later changes look saved — and leaving the page asks first.

use leptos::prelude::*;

use super::context::Persist;
use super::save::{load_other_tab, save_copy};
use crate::ui::state::use_app;
use crate::view::library::{LOAD_OTHER_TAB, SAVE_MINE_AS_COPY};

/// The "not saved" banner; nothing without a library (an embedded element) or a conflict.
#[component]
pub fn ConflictBanner() -> impl IntoView {
    let persist = use_context::<Persist>();
    let app = use_app();
    move || {
        let persist = persist?;
        persist.conflict.get().then(|| {
            view! {
                <div class="unsaved-banner" id="unsaved-banner" role="alert">
                    <span>
                        <strong>"Not saved. "</strong>
                        "This design was changed in another tab, so changes made here are kept on screen only."
                    </span>
                    <button id="unsaved-load-other" on:click=move |_| load_other_tab(&app, persist)>
                        {LOAD_OTHER_TAB}
                    </button>
                    <button class="primary" id="unsaved-save-copy" on:click=move |_| save_copy(&app, persist)>
                        {SAVE_MINE_AS_COPY}
                    </button>
                </div>
            }
        })
    }
}

/// Asks before the page is left or reloaded while this tab's design is unsaved because of a
/// conflict (`beforeunload`, cancelled: the browser's own "Leave site?" prompt).
pub(super) fn guard_leaving(
    window: &web_sys::Window,
    persist: Persist,
) -> gloo_events::EventListener {
    let options = gloo_events::EventListenerOptions::enable_prevent_default();
    gloo_events::EventListener::new_with_options(window, "beforeunload", options, move |ev| {
        if persist.conflict.try_get_untracked() == Some(true) {
            ev.prevent_default();
        }
    })
}
