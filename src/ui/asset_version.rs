//! The version query of the files Trunk does not hash — the Datasets tab's module and wasm, the
//! dataset worker's script and wasm — which the page loads by stable names: the crate's version
//! and a hash of its sources (`build.rs`), so a browser never runs a cached old one after an
//! update.

/// `0.1.0-1a2b3c4d`: the crate's version and the sources' hash.
pub const ASSET_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "-", env!("GENOFORGE_BUILD"));

/// `url` with the version query: `genoforge-datasets.js?v=0.1.0-1a2b3c4d` (`&v=` after a query
/// it has).
pub fn versioned(url: &str) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}v={ASSET_VERSION}")
}

/// The dataset worker's script: the worker's glue and wasm from beside `base` (the page's base
/// URL, ending in `/`), both under the version query. Run from a Blob URL, so the script itself is
/// never cached either.
pub fn worker_script(base: &str) -> String {
    let js = versioned(&format!("{base}genoforge-worker.js"));
    let wasm = versioned(&format!("{base}genoforge-worker_bg.wasm"));
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned());
    format!(
        "importScripts({});\nwasm_bindgen({{ module_or_path: {} }});\n",
        quote(&js),
        quote(&wasm)
    )
}
