//! The help panel and the About panel, opened from the header.

use leptos::prelude::*;

use super::tabs::{Popover, use_tabs};
use crate::io::export::ExportKind;
use crate::view::export_name::export_file_name;
use crate::view::help::{Block, SHORTCUTS, attribution, export_purpose, strain_notes};

/// The shipped data's attribution, served beside the app (`public/ATTRIBUTION.md`, under the asset
/// base for an embedded element). Fetched when About first opens rather than compiled into the
/// wasm (2.5 kB gzipped; README, "Download size"), once per page.
const ATTRIBUTION: &str = "public/ATTRIBUTION.md";

/// The header's "?" and "About" buttons and their panels.
#[component]
pub fn HelpButtons() -> impl IntoView {
    let tabs = use_tabs();
    view! {
        <button id="help-button" type="button" class="icon-button overflowable" title="Help"
            aria-label="Help" aria-expanded=move || tabs.is_open(Popover::Help).to_string()
            on:click=move |_| tabs.toggle(Popover::Help)>"?"</button>
        <button id="about-button" type="button" class="overflowable" title="About Genoforge: version, data sources"
            aria-expanded=move || tabs.is_open(Popover::About).to_string()
            on:click=move |_| tabs.toggle(Popover::About)>"About"</button>
        <Show when=move || tabs.is_open(Popover::Help)>
            <HelpPanel />
        </Show>
        <Show when=move || tabs.is_open(Popover::About)>
            <AboutPanel />
        </Show>
    }
}

#[component]
fn HelpPanel() -> impl IntoView {
    let tabs = use_tabs();
    let shortcuts = SHORTCUTS
        .iter()
        .map(|(k, what)| view! { <tr><th scope="row"><kbd>{*k}</kbd></th><td>{*what}</td></tr> })
        .collect_view();
    let exports = ExportKind::ALL
        .iter()
        .map(|&k| {
            let name = export_file_name(k, "<design name>");
            view! { <li><code>{name}</code>" — "{export_purpose(k)}</li> }
        })
        .collect_view();
    let strains = strain_notes()
        .into_iter()
        .map(|s| view! { <li>{s}</li> })
        .collect_view();
    view! {
        <section class="panel popover help-panel" id="help-panel" aria-label="Help">
            <div class="panel-head">
                <h2>"Help"</h2>
                <button type="button" class="dismiss" aria-label="Close help" on:click=move |_| tabs.popover.set(None)>"×"</button>
            </div>
            <h3>"Keyboard"</h3>
            <table class="shortcuts"><tbody>{shortcuts}</tbody></table>
            <h3>"Coordinates"</h3>
            <p>
                "Everything on screen and in files is 1-based and inclusive, as in GFF3 and SGD: "
                <code>"I:147,594–151,166"</code>" is base 147,594 through base 151,166. Inside the engine "
                "positions are 0-based and spans half-open; the conversion happens only at the edges. "
                "Edits are stored in reference coordinates, so their order never matters. "
                "The map's Reference/Edited switch shows the reference with the edits overlaid, or the "
                "edited genome itself: inserted sequences as features, deletions as junctions, genes at "
                "their lifted positions."
            </p>
            <h3>"Exports"</h3>
            <p class="small muted">"Files are named after the design: its name in your library or spec, else its strain, else “design” — made safe for file systems."</p>
            <ul class="small">{exports}</ul>
            <p class="small muted">"The genoforge command writes the same bytes from a downloaded spec."</p>
            <h3>"Strain backgrounds"</h3>
            <ul class="small">{strains}</ul>
            <h3>"Data"</h3>
            <p class="small">
                "The bundled genome is S288C R64 from the Saccharomyces Genome Database (SGD), with Ensembl's "
                "annotation and SGD's feature table; see About for sources and licences. Your designs stay "
                "in this browser unless you export or share them."
            </p>
        </section>
    }
}

#[component]
fn AboutPanel() -> impl IntoView {
    let tabs = use_tabs();
    // None while fetching; then the file's text or why it could not be fetched.
    let text = RwSignal::new(None::<Result<String, String>>);
    let url = format!("{}{ATTRIBUTION}", super::host::asset_base());
    leptos::task::spawn_local(async move {
        let got = super::shared_fetch::fetch_once(&url)
            .await
            .map(|b| String::from_utf8_lossy(&b).into_owned());
        // The panel may have closed meanwhile.
        let _ = text.try_set(Some(got));
    });
    let blocks = move || {
        match text.get() {
        None => view! { <p class="muted small">"Loading the data sources…"</p> }.into_any(),
        Some(Err(e)) => view! { <p class="small">{format!("The data sources could not be fetched ({e}); they are listed in ATTRIBUTION.md beside the app.")}</p> }
            .into_any(),
        Some(Ok(t)) => attribution(&t)
            .into_iter()
            .map(|b| match b {
                Block::Heading(h) => view! { <h3>{h}</h3> }.into_any(),
                Block::Paragraph(p) => view! { <p class="small">{p}</p> }.into_any(),
                Block::Table(rows) => {
                    let mut rows = rows.into_iter();
                    let head = rows
                        .next()
                        .unwrap_or_default()
                        .into_iter()
                        .map(|c| view! { <th scope="col">{c}</th> })
                        .collect_view();
                    let body = rows
                        .map(|r| view! { <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> })
                        .collect_view();
                    view! { <div class="table-scroll"><table class="small"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div> }
                        .into_any()
                }
            })
            .collect_view()
            .into_any(),
    }
    };
    view! {
        <section class="panel popover about-panel" id="about-panel" aria-label="About">
            <div class="panel-head">
                <h2>{format!("Genoforge {}", env!("CARGO_PKG_VERSION"))}</h2>
                <button type="button" class="dismiss" aria-label="Close" on:click=move |_| tabs.popover.set(None)>"×"</button>
            </div>
            <p>"A genome editor that runs in your browser: edits over an immutable reference, exact lift-over, genotype specs for ML pipelines. Licensed MIT OR Apache-2.0."</p>
            {blocks}
        </section>
    }
}
