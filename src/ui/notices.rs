//! Messages for the user, floating over the top right of the map's track, under its controls (an
//! overlay: appearing or going, they never move the page; the side column's tabs, the contig
//! overview and the map's controls stay uncovered): errors
//! and information, a few at most, each dismissible, announced to screen readers, with the
//! buttons a notice offers (undo, show the problems, show the link, resolve a design changed in
//! another tab).

use leptos::prelude::*;

use super::state::{AppState, Notice, NoticeAction, use_app};
use super::tabs::use_tabs;
use crate::view::library::{LOAD_OTHER_TAB, SAVE_MINE_AS_COPY};

/// The least height the notices keep (CSS px: one notice of one line).
const MIN_ROOM_PX: f64 = 48.0;

/// Gap between the map's controls and the first notice (CSS px).
const GAP_PX: f64 = 4.0;

/// Places the notices just under the map's controls, after the browser has laid them out: the
/// contig overview, the Go-to box, zoom and the Reference/Edited switch above stay uncovered, and
/// the notices lie over the track's top right. More than fit scroll within the list, the newest in
/// view. Without the map (a genome that did not load) they stay under the header (CSS).
fn make_room(list: web_sys::Element) {
    use wasm_bindgen::JsCast;
    leptos::task::spawn_local(async move {
        super::browser::next_frame().await;
        let (Some(list), Some(root)) = (
            list.dyn_ref::<web_sys::HtmlElement>(),
            list.parent_element()
                .and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok()),
        ) else {
            return;
        };
        let Some(controls) = root.query_selector(".map-controls").ok().flatten() else {
            let _ = list.style().remove_property("top");
            return;
        };
        let below = controls.get_bounding_client_rect().bottom();
        let top = below - root.get_bounding_client_rect().top() + GAP_PX;
        let _ = list.style().set_property("top", &format!("{top}px"));
        let window_h = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0);
        let room = window_h - below - 2.0 * GAP_PX;
        let _ = list
            .style()
            .set_property("max-height", &format!("{}px", room.max(MIN_ROOM_PX)));
        list.set_scroll_top(list.scroll_height());
    });
}

/// The message list.
#[component]
pub fn Notices() -> impl IntoView {
    let app = use_app();
    let list = NodeRef::<leptos::html::Ul>::new();
    Effect::new(move |_| {
        app.notices.track();
        if let Some(ul) = list.get() {
            make_room(ul.into());
        }
    });
    // The controls move when the window is resized (the layout reflows): the notices follow.
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        if let Some(ul) = list.get_untracked() {
            make_room(ul.into());
        }
    });
    on_cleanup(move || resize.remove());
    view! {
        <ul class="notices" aria-live="polite" node_ref=list>
            <For each=move || app.notices.get() key=|n| n.id let(n)>
                <NoticeView n app list />
            </For>
        </ul>
    }
}

#[component]
fn NoticeView(n: Notice, app: AppState, list: NodeRef<leptos::html::Ul>) -> impl IntoView {
    let tabs = use_tabs();
    let persist = use_context::<super::persist::Persist>();
    let id = n.id;
    let link_shown = RwSignal::new(None::<String>);
    let dismiss = move || app.notices.update(|all| all.retain(|x| x.id != id));
    let buttons = n
        .actions
        .iter()
        .cloned()
        .map(|a| {
            let (class, words) = match &a {
                NoticeAction::Undo => ("notice-undo", "Undo"),
                NoticeAction::ShowProblems => ("notice-show-problems", "See the list"),
                NoticeAction::ShowLink(_) => ("notice-show-link", "Show link"),
                NoticeAction::LoadOtherTab => ("notice-load-other", LOAD_OTHER_TAB),
                NoticeAction::SaveCopy => ("notice-save-copy", SAVE_MINE_AS_COPY),
            };
            let run = move |_| match &a {
                NoticeAction::Undo => {
                    dismiss();
                    app.undo();
                }
                NoticeAction::ShowProblems => {
                    dismiss();
                    tabs.show_problems();
                }
                NoticeAction::ShowLink(link) => {
                    link_shown.set(Some(link.clone()));
                    if let Some(ul) = list.get_untracked() {
                        make_room(ul.into());
                    }
                }
                NoticeAction::LoadOtherTab => {
                    dismiss();
                    if let Some(p) = persist {
                        super::persist::load_other_tab(&app, p);
                    }
                }
                NoticeAction::SaveCopy => {
                    dismiss();
                    if let Some(p) = persist {
                        super::persist::save_copy(&app, p);
                    }
                }
            };
            view! { <button type="button" class=class on:click=run>{words}</button> }
        })
        .collect_view();
    view! {
        <li class=if n.error { "notice error" } else { "notice info" } role=if n.error { "alert" } else { "status" }>
            <span class="notice-text">{n.text.clone()}</span>
            {buttons}
            <button class="dismiss" aria-label="Dismiss" on:click=move |_| dismiss()>"×"</button>
            {move || link_shown.get().map(|l| view! {
                <input class="share-link-text" id="share-link-text" type="text" readonly prop:value=l
                    aria-label="Share link" on:focus=move |ev| {
                        use wasm_bindgen::JsCast;
                        if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            i.select();
                        }
                    } />
            })}
        </li>
    }
}
