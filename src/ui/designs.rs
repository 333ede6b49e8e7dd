//! The design library panel: the named designs kept in this browser for the open genome — open,
//! rename and describe, duplicate, delete, start a new one.

use leptos::prelude::*;

use super::persist::{
    Persist, delete_entry, duplicate_entry, new_design, open_entry, rename_entry, use_persist,
};
use super::state::use_app;
use super::tabs::{Popover, use_tabs};
use crate::core::coord::thousands;
use crate::view::library::Entry;

/// A stored time for people: `2026-11-30 20:31` (UTC, as stored).
fn when(iso: &str) -> String {
    iso.get(..16)
        .map_or_else(|| iso.to_owned(), |s| s.replace('T', " "))
}

/// The "Designs" button of the header and its panel.
#[component]
pub fn DesignLibrary() -> impl IntoView {
    let app = use_app();
    let tabs = use_tabs();
    let persist = use_persist();
    let problem = RwSignal::new(None::<String>);
    let name = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    // The form shows the open design's name and description whenever the panel opens.
    let fill = move || {
        let cur = persist.current.get_untracked();
        persist.library.with_untracked(|l| {
            let e = cur.as_deref().and_then(|id| l.get(id));
            name.set(e.map(|e| e.name.clone()).unwrap_or_default());
            description.set(e.map(|e| e.description.clone()).unwrap_or_default());
        });
    };
    // Opened from its button or from the header's More menu alike.
    Effect::new(move |_| {
        if tabs.is_open(Popover::Designs) {
            fill();
            problem.set(None);
        }
    });
    let toggle = move |_| tabs.toggle(Popover::Designs);
    let save_details = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if persist.current.get_untracked().is_none() {
            // Not saved yet: saving makes its entry, then it is named.
            super::persist::save_now(&app, persist);
            if persist.current.get_untracked().is_none() {
                problem.set(Some(
                    "Make an edit first: an empty design is not kept.".to_owned(),
                ));
                return;
            }
        }
        rename_current(&app, persist, name, description, problem);
    };
    let entries = move || {
        let mut list = persist.library.get().entries;
        crate::core::sort::sort_by(&mut list, |a, b| b.modified.cmp(&a.modified));
        list
    };
    view! {
        <button id="designs-button" class="overflowable-narrow" type="button" aria-expanded=move || tabs.is_open(Popover::Designs).to_string()
            aria-controls="design-library" on:click=toggle title="Your designs kept in this browser">
            "Designs"
        </button>
        <Show when=move || tabs.is_open(Popover::Designs)>
            <section class="panel popover design-library" id="design-library" aria-label="Designs">
                <h2>"Designs in this browser"</h2>
                <p class="muted small">"Kept in this browser's storage for this genome; every change is saved as you go."</p>
                <form class="design-details" on:submit=save_details>
                    <div class="field">
                        <label for="design-name">"Name"</label>
                        <input id="design-name" type="text" prop:value=move || name.get()
                            on:input=move |ev| name.set(event_target_value(&ev)) />
                    </div>
                    <div class="field stacked">
                        <label for="design-description">"Description"</label>
                        <textarea id="design-description" rows="2" prop:value=move || description.get()
                            on:input=move |ev| description.set(event_target_value(&ev))></textarea>
                    </div>
                    <div class="actions">
                        <button id="design-save-details" type="submit">"Save name"</button>
                        <button id="design-new" type="button" on:click=move |_| {
                            new_design(&app, persist);
                            fill();
                            tabs.popover.set(None);
                        }>"New design"</button>
                    </div>
                </form>
                {move || problem.get().map(|p| view! { <p class="refusal" role="alert">{p}</p> })}
                <ul class="design-entries">
                    <For each=entries key=|e| (e.id.clone(), e.revision, e.name.clone(), e.description.clone()) let(e)>
                        <EntryRow e persist problem fill />
                    </For>
                </ul>
            </section>
        </Show>
    }
}

/// Renames and describes the open design as the form says; a refusal is shown in the panel.
fn rename_current(
    app: &super::state::AppState,
    persist: Persist,
    name: RwSignal<String>,
    description: RwSignal<String>,
    problem: RwSignal<Option<String>>,
) {
    let Some(id) = persist.current.get_untracked() else {
        return;
    };
    match rename_entry(
        app,
        persist,
        &id,
        &name.get_untracked(),
        &description.get_untracked(),
    ) {
        Ok(()) => problem.set(None),
        Err(e) => problem.set(Some(e)),
    }
}

#[component]
fn EntryRow(
    e: Entry,
    persist: Persist,
    problem: RwSignal<Option<String>>,
    fill: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let app = use_app();
    let tabs = use_tabs();
    let id = e.id.clone();
    let current = {
        let id = id.clone();
        Memo::new(move |_| persist.current.get().as_deref() == Some(id.as_str()))
    };
    let (i1, i2, i3) = (id.clone(), id.clone(), id);
    let name = e.name.clone();
    view! {
        <li class="design-entry" class:current=move || current.get() data-id=e.id.clone()>
            <div class="design-entry-head">
                <strong>{e.name.clone()}</strong>
                <span class="muted small">{format!(" · {} edit{}", thousands(e.edits as u64), if e.edits == 1 { "" } else { "s" })}</span>
                {move || current.get().then(|| view! { <span class="badge">"open"</span> })}
            </div>
            {(!e.description.is_empty()).then(|| view! { <p class="small">{e.description.clone()}</p> })}
            <p class="muted small">{format!("created {} · modified {}", when(&e.created), when(&e.modified))}</p>
            <div class="actions">
                <button class="design-open" type="button" on:click=move |_| {
                    open_entry(&app, persist, &i1);
                    fill();
                    tabs.popover.set(None);
                }>"Open"</button>
                <button class="design-duplicate" type="button" on:click=move |_| {
                    match duplicate_entry(&app, persist, &i2) {
                        Ok(()) => {
                            fill();
                            tabs.popover.set(None);
                        }
                        Err(e) => problem.set(Some(e)),
                    }
                }>"Duplicate"</button>
                <button class="design-delete" type="button" on:click=move |_| {
                    let ok = web_sys::window()
                        .and_then(|w| w.confirm_with_message(&format!("Delete the design “{name}”? This cannot be undone.")).ok())
                        .unwrap_or(false);
                    if ok && let Err(e) = delete_entry(&app, persist, &i3) {
                        problem.set(Some(e));
                    }
                }>"Delete"</button>
            </div>
        </li>
    }
}
