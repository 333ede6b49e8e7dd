//! The selection's downloads: `selection.json`, `overlap.csv`, `genotypes.csv`, `selection.svg`,
//! `selection.png` (the SVG rasterised by the browser at twice its size) and `selection.cql` —
//! rendered by `io::datasets`, byte-identical to `genoforge select`'s files for the same selection.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::state::{DatasetsState, use_datasets};
use crate::io::datasets::{cypher, figure, selection_json, tables};
use crate::ui::browser::fetch_bytes;
use crate::ui::exports::download;

/// One download.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Export {
    Json,
    Overlap,
    Genotypes,
    Svg,
    Png,
    Cypher,
}

impl Export {
    const ALL: [Self; 6] = [
        Self::Json,
        Self::Overlap,
        Self::Genotypes,
        Self::Svg,
        Self::Png,
        Self::Cypher,
    ];

    fn file(self) -> &'static str {
        match self {
            Self::Json => "selection.json",
            Self::Overlap => "overlap.csv",
            Self::Genotypes => "genotypes.csv",
            Self::Svg => "selection.svg",
            Self::Png => "selection.png",
            Self::Cypher => "selection.cql",
        }
    }

    fn mime(self) -> &'static str {
        match self {
            Self::Json => "application/json",
            Self::Overlap | Self::Genotypes => "text/csv",
            Self::Svg => "image/svg+xml",
            Self::Png => "image/png",
            Self::Cypher => "text/plain",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Json => "selection.json",
            Self::Overlap => "overlap.csv",
            Self::Genotypes => "genotypes.csv",
            Self::Svg => "figure (SVG)",
            Self::Png => "figure (PNG)",
            Self::Cypher => "torchcell query (.cql)",
        }
    }
}

/// The bytes of a text export of the current selection.
fn render(ds: DatasetsState, what: Export) -> Result<Vec<u8>, String> {
    let ev = ds.evaluation.get_untracked();
    let filter = ds.filter.get_untracked().filter;
    let filter = filter.as_deref();
    ds.selection.with_untracked(|(s, _)| {
        ds.catalog.with_untracked(|c| match what {
            Export::Json => Ok(selection_json::selection_json(c, s, filter, &ev).into_bytes()),
            Export::Overlap => Ok(tables::overlap_csv(c, &ev).into_bytes()),
            Export::Genotypes => {
                let mut out = Vec::new();
                tables::genotypes_csv(c, s, &ev, &mut out).map_err(|e| e.to_string())?;
                Ok(out)
            }
            Export::Svg | Export::Png => Ok(figure::selection_svg(c, s, &ev).into_bytes()),
            Export::Cypher => Ok(cypher::selection_cypher(c, s, ev.key, filter).into_bytes()),
        })
    })
}

/// The SVG drawn on a canvas at `scale` × its size, as PNG bytes.
async fn rasterise(svg: &[u8], scale: f64) -> Result<Vec<u8>, String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let text = String::from_utf8_lossy(svg);
    let url = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&text))
    );
    let img = web_sys::HtmlImageElement::new().map_err(|e| format!("{e:?}"))?;
    img.set_src(&url);
    JsFuture::from(img.decode())
        .await
        .map_err(|e| format!("the figure could not be drawn: {e:?}"))?;
    let (w, h) = (
        f64::from(img.natural_width()),
        f64::from(img.natural_height()),
    );
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "not a canvas")?;
    canvas.set_width((w * scale).round() as u32);
    canvas.set_height((h * scale).round() as u32);
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(|e| format!("{e:?}"))?
        .ok_or("no 2D canvas")?
        .dyn_into()
        .map_err(|_| "not a 2D context")?;
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, w * scale, h * scale);
    ctx.scale(scale, scale).map_err(|e| format!("{e:?}"))?;
    ctx.draw_image_with_html_image_element(&img, 0.0, 0.0)
        .map_err(|e| format!("{e:?}"))?;
    let data_url = canvas
        .to_data_url_with_type("image/png")
        .map_err(|e| format!("{e:?}"))?;
    fetch_bytes(&data_url).await
}

async fn export(ds: DatasetsState, what: Export) {
    let bytes = match render(ds, what) {
        Ok(b) if what == Export::Png => rasterise(&b, 2.0).await,
        other => other,
    };
    if let Err(e) = bytes.and_then(|b| download(what.file(), what.mime(), &b)) {
        ds.app
            .notify(true, format!("{} could not be exported: {e}", what.file()));
    }
}

/// The export buttons.
#[component]
pub fn DatasetExports() -> impl IntoView {
    let ds = use_datasets();
    view! {
        <div class="dataset-exports" role="group" aria-label="Export the selection">
            <span class="muted small">"Export"</span>
            {Export::ALL
                .into_iter()
                .map(|what| {
                    view! {
                        <button
                            type="button"
                            id=format!("dataset-export-{}", what.file().replace('.', "-"))
                            on:click=move |_| leptos::task::spawn_local(export(ds, what))
                        >
                            {what.label()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
