//! The header's "More" menu, so that the header keeps one row in a narrow app (a 720 px window, a
//! phone, an element in a column of a host page).
//!
//! Below 66rem of the app's width (`styles/main.css`, `@container`) the header's less used buttons —
//! Import, Share, Open genome, Help, About, each marked `overflowable` — give way to this menu, and
//! below 32rem Designs too (`overflowable-narrow`). Its items do what those buttons do; the panels
//! they open are the header's popovers ([`Popover`]), which live outside the menu, so closing the
//! menu leaves them open.

use leptos::prelude::*;

use super::exports::{link_page, share_now};
use super::state::use_app;
use super::tabs::{Popover, use_tabs};

/// The "More ▾" menu of a narrow header (hidden by the stylesheet in a wide one).
#[component]
pub fn MoreMenu() -> impl IntoView {
    let app = use_app();
    let tabs = use_tabs();
    let can_edit = super::host::can_edit();
    let library = super::host::use_page_panels().is_some();
    let ready = move || app.genome.with(Option::is_some);
    let menu = NodeRef::<leptos::html::Details>::new();
    let summary = NodeRef::<leptos::html::Summary>::new();
    // Closing the menu hides the item that had the focus: it goes back to the menu's button, so
    // that it stays within the app (Escape then closes the panel the item opened).
    let close = move || {
        if let Some(m) = menu.get_untracked() {
            m.set_open(false);
        }
        if let Some(s) = summary.get_untracked() {
            let _ = s.focus();
        }
    };
    let open = move |p: Popover| {
        move |_| {
            close();
            tabs.popover.set(Some(p));
        }
    };
    let page = StoredValue::new(link_page());
    let share = move |_| {
        close();
        share_now(&app, page.get_value().as_deref());
    };
    view! {
        <details class="more-menu" id="more-menu" node_ref=menu>
            <summary node_ref=summary aria-label="More: import, share, open genome, help, about">"More"</summary>
            <ul role="menu">
                <Show when=move || library && ready()>
                    <li role="none" class="more-narrow-only">
                        <button role="menuitem" id="more-designs" on:click=open(Popover::Designs)>"Designs"</button>
                    </li>
                </Show>
                <Show when=move || ready() && can_edit.get()>
                    <li role="none">
                        // The import's file input is the Export menu's (ui/exports.rs).
                        <label role="menuitem" class="menu-item" id="more-import" for="import-spec"
                            on:click=move |_| close()>"Import spec…"</label>
                    </li>
                </Show>
                <Show when=ready>
                    <li role="none">
                        <button role="menuitem" id="more-share" on:click=share>"Share link"</button>
                    </li>
                </Show>
                <Show when=move || can_edit.get()>
                    <li role="none">
                        <button role="menuitem" id="more-open" on:click=open(Popover::OpenGenome)>"Open genome…"</button>
                    </li>
                </Show>
                <li role="none">
                    <button role="menuitem" id="more-help" on:click=open(Popover::Help)>"Help"</button>
                </li>
                <li role="none">
                    <button role="menuitem" id="more-about" on:click=open(Popover::About)>"About"</button>
                </li>
            </ul>
        </details>
    }
}
