//! Exports (downloads of every view of the design), importing a spec (file or drop), share links.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::browser::read_file;
use super::persist::{now_iso, share_link};
use super::state::{AppState, NoticeAction, NoticeScope, use_app};
use crate::core::spec::restore;
use crate::io::export::{ExportInput, ExportKind, render};
use crate::io::spec_json;
use crate::view::export_name::{design_stem, export_file_name};
use crate::view::help::export_purpose;

/// Offers `bytes` as a download named `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "not an anchor")?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Chrome reads the blob after `click` returns; revoking at once can cancel the download
    // (intermittently, under load), so the URL is released a minute later, as FileSaver.js does.
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Renders and downloads one export of the current design.
pub fn export_now(app: &AppState, kind: ExportKind) {
    let (Some(ready), Some(lifted), Some(reference)) = (
        app.genome.get_untracked(),
        app.lifted.get_untracked(),
        app.reference_spec(),
    ) else {
        app.notify(true, "Nothing to export: no genome is loaded.");
        return;
    };
    let created = now_iso();
    let essential = app.essential.get_untracked();
    // The name the user gave the design in the library (an embedded element has none): the
    // spec's `name` and the GFF3's and FASTA's design headers carry it, so an imported spec opens
    // under it again.
    let given = super::persist::given_name();
    let named = super::persist::named_design(app, given.as_deref());
    let bytes = render(
        kind,
        &ExportInput {
            genome: ready.genome(),
            design: &named,
            lifted: &lifted,
            reference: &reference,
            created: &created,
            flanks: app.flanks.get_untracked(),
            essential: Some(&*essential.0),
        },
    );
    let stem = app
        .design
        .with_untracked(|d| design_stem(given.as_deref(), d.genotype()));
    let file = export_file_name(kind, &stem);
    match bytes
        .map_err(|e| e.to_string())
        .and_then(|b| download(&file, kind.mime(), &b).map(|()| b.len()))
    {
        // Said, so the notice of the action before does not stand for this one.
        Ok(len) => app.notify(false, format!("Downloaded {file} ({}).", size_words(len))),
        Err(e) => app.notify(true, format!("The export failed: {e}")),
    }
}

/// Imports a spec: on success it replaces the design as one undoable step, and the notice says what
/// it replaced ("Replaced 25 edits by 1") with an Undo button; a spec made on another reference, or
/// unreadable, is refused with the reason and changes nothing.
pub fn import_spec(app: &AppState, name: &str, bytes: &[u8]) {
    let (Some(ready), Some(reference)) = (app.genome.get_untracked(), app.reference_spec()) else {
        app.notify(true, "Load a genome before importing a spec.");
        return;
    };
    let result = spec_json::parse(bytes)
        .map_err(|e| e.to_string())
        .and_then(|spec| restore(ready.genome(), &reference, &spec).map_err(|e| e.to_string()));
    match result {
        Ok((design, warnings)) => {
            // An earlier import's error is moot now.
            app.clear_scope(NoticeScope::Import);
            let n = design.edits().len();
            let before = app.design.with_untracked(|d| d.edits().len());
            app.replace_design(design, true);
            for w in warnings {
                app.notify(false, w);
            }
            let plural = |k: usize| if k == 1 { "edit" } else { "edits" };
            let text = if before == 0 {
                format!("Imported {name}: {n} {}.", plural(n))
            } else {
                format!(
                    "Replaced {before} {} by {n} {} from {name}.",
                    plural(before),
                    plural(n)
                )
            };
            app.notify_with(false, text, vec![NoticeAction::Undo]);
        }
        Err(e) => {
            app.notify_scoped(
                true,
                format!("{name} was not imported: {e}"),
                NoticeScope::Import,
            );
        }
    }
}

/// Reads and imports dropped or picked spec files.
pub async fn import_files(app: AppState, files: Vec<web_sys::File>) {
    for f in files {
        match read_file(&f).await {
            Ok(bytes) => import_spec(&app, &f.name(), &bytes),
            Err(e) => app.notify(true, e),
        }
    }
}

/// A size in bytes for people: `5.4 kB`, `12.2 MB`.
fn size_words(bytes: usize) -> String {
    if bytes < 1_000 {
        format!("{bytes} B")
    } else if bytes < 1_000_000 {
        format!("{:.1} kB", bytes as f64 / 1e3)
    } else {
        format!("{:.1} MB", bytes as f64 / 1e6)
    }
}

/// The page a share link opens: an embedded element's opens its iframe page, `embed.html`, beside
/// its assets; the app's opens the app itself (`None`).
pub fn link_page() -> Option<String> {
    super::host::use_embedded().map(|e| format!("{}embed.html", e.asset_base.get_value()))
}

/// Copies a link that opens this design and this window of the map (see
/// [`share_link`]), and says so with its size and a way to view it.
pub fn share_now(app: &AppState, page: Option<&str>) {
    match share_link(app, page) {
        Some(link) => {
            if let Some(clip) = web_sys::window().map(|w| w.navigator().clipboard()) {
                let _ = clip.write_text(&link);
            }
            app.notify_with(
                false,
                format!(
                    "Link copied ({}): it opens this design and this window of the map.",
                    size_words(link.len())
                ),
                vec![NoticeAction::ShowLink(link)],
            );
        }
        None => app.notify(true, "No design to share yet."),
    }
}

/// The export menu, the import button and the share button (the last two give way to the
/// header's More menu in a narrow app: [`super::more_menu`]).
#[component]
pub fn ExportMenu() -> impl IntoView {
    // An embedded element in view mode shows and downloads; it imports nothing.
    let can_edit = super::host::can_edit();
    let app = use_app();
    let ready = move || app.genome.with(Option::is_some);
    let menu = NodeRef::<leptos::html::Details>::new();
    let close_menu = move || {
        if let Some(m) = menu.get_untracked() {
            m.set_open(false);
        }
    };
    let link_page = StoredValue::new(link_page());
    let share = move |_| share_now(&app, link_page.get_value().as_deref());
    let on_import = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        let files = input
            .as_ref()
            .and_then(|i| i.files())
            .map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
            .unwrap_or_default();
        if let Some(i) = input {
            i.set_value("");
        }
        leptos::task::spawn_local(import_files(app, files));
    };
    view! {
        <Show when=ready>
            <details class="export-menu" id="export-menu" node_ref=menu>
                <summary>"Export"</summary>
                <ul role="menu">
                    {ExportKind::ALL
                        .into_iter()
                        .map(|kind| {
                            let id = format!("export-{}", kind.file_name().replace('.', "-"));
                            view! {
                                <li role="none">
                                    <button
                                        role="menuitem"
                                        id=id
                                        on:click=move |_| {
                                            close_menu();
                                            export_now(&app, kind);
                                        }
                                    >
                                        <span class="export-label">{kind.label()}</span>
                                        <span class="export-what">{export_purpose(kind)}</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                    // The ML views' window sizes, inside the menu (never in the header's flow).
                    <li class="export-settings">
                        <super::window_size::WindowSize />
                    </li>
                </ul>
            </details>
            <Show when=move || can_edit.get()>
                <label class="button-like overflowable" for="import-spec" title="Import a genotype spec (JSON): it replaces the design, undoably">"Import…"</label>
                <input id="import-spec" class="visually-hidden" type="file" accept=".json,application/json" on:change=on_import />
            </Show>
            <button id="share-link" class="overflowable" on:click=share title="Copy a link that opens this design and this window of the map">"Share"</button>
        </Show>
    }
}
