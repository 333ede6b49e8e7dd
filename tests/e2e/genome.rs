//! End-to-end (issue 2): the built app loads the default genome in headless Chromium, shows its
//! summary, finds genes, and opens the user's own files.

use serde_json::json;

use crate::support::{artifacts_dir, open_app};

/// Records the longest gap between 10 ms timer ticks while the page loads: how long the main
/// thread was ever blocked.
const RESPONSIVENESS_JS: &str = r#"
(() => {
  let last = performance.now(); window.__gfMaxGap = 0;
  const tick = () => { const t = performance.now(); window.__gfMaxGap = Math.max(window.__gfMaxGap, t - last); last = t;
    if (!document.querySelector('#genome-summary')) setTimeout(tick, 10); };
  setTimeout(tick, 10);
})();
"#;

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn default_genome_loads_shows_its_summary_and_finds_genes() {
    let app = open_app();
    let watcher = app.add_init_script(RESPONSIVENESS_JS);
    let to_summary = app.navigation_to("#genome-summary");
    app.remove_init_script(&watcher);
    let max_gap = app
        .eval_js("return window.__gfMaxGap;")
        .as_f64()
        .unwrap_or(f64::NAN);

    assert_eq!(app.text_of("#total-length"), "12,157,105");
    assert_eq!(app.count("#genome-summary table.contigs tbody tr"), 17);
    // In the overview's (karyotype) order, not the file's (Ensembl puts IX and Mito before V).
    let rows = app.eval_js(
        "return [...document.querySelectorAll('#genome-summary table.contigs tbody th')].map(t => t.textContent);",
    );
    assert_eq!(rows[0], json!("I"));
    assert_eq!(rows[16], json!("Mito"));
    assert_eq!(rows[4], json!("V"), "{rows}");
    let summary = app.text_of("#genome-summary");
    assert!(summary.contains("28,695 features"), "{summary}");
    // The feature types as parsed and indexed inside WASM (the same counts as natively).
    let types = app.text_of("#genome-summary ul.types");
    assert!(
        types.contains("6,600 gene") && types.contains("6,913 CDS"),
        "{types}"
    );
    // Only information (feature-table rows without a gene): no warning or error.
    assert_eq!(
        app.count("#genome-summary ul.diagnostics li.diag:not(.info)"),
        0
    );
    assert!(
        summary.contains("circular"),
        "the mitochondrion is circular"
    );
    assert!(app.text_of(".genome-label").contains("S288C"));

    app.type_into("#gene-search", "TFC3");
    app.click("form.search button[type=submit]");
    app.wait_for("#gene-card");
    assert_eq!(app.text_of("#gene-locus"), "I:147,594–151,166");
    let card = app.text_of("#gene-card");
    assert!(
        card.contains("YAL001C") && card.contains("verified ORF"),
        "{card}"
    );
    app.screenshot("genome_loaded_tfc3");

    // An alias resolves to its gene; an unknown name says so.
    app.clear("#gene-search");
    app.type_into("#gene-search", "met15");
    app.click("form.search button[type=submit]");
    app.wait_until("document.querySelector('#gene-locus') && document.querySelector('#gene-locus').textContent.startsWith('XII:')");
    assert!(app.text_of("#gene-card").contains("YLR303W"));
    app.clear("#gene-search");
    app.type_into("#gene-search", "NOT_A_GENE");
    app.click("form.search button[type=submit]");
    app.wait_for(".not-found");
    // The card left on screen is said to be the gene opened before, not the name searched for.
    let before = app.text_of("#gene-card-before");
    assert!(
        before.contains("MET17") && before.contains("NOT_A_GENE"),
        "{before}"
    );
    // A typo of a systematic name: "did you mean", with the gene to click.
    app.clear("#gene-search");
    app.type_into("#gene-search", "YAL001X");
    app.click("form.search button[type=submit]");
    app.wait_until(
        "(document.querySelector('.not-found')?.textContent ?? '').includes('Did you mean')",
    );
    assert!(app.text_of(".not-found").contains("TFC3 (YAL001C)"));
    app.click("#search-results li[data-match='similar'][data-name='TFC3'] button");
    app.wait_until(
        "(document.querySelector('#gene-locus')?.textContent ?? '') === 'I:147,594–151,166'",
    );
    // A prefix matching more genes than the list shows says so while typing, and Enter counts
    // every match by how it matched.
    app.clear("#gene-search");
    app.type_into("#gene-search", "pho");
    app.wait_until(
        "/The first 12 of \\d+ matching genes/.test(document.querySelector('#search-more')?.textContent ?? '')",
    );
    app.click("form.search button[type=submit]");
    app.wait_until(
        "(document.querySelector('.search-note')?.textContent ?? '').includes('genes have a name starting with it')",
    );
    assert!(
        app.text_of(".search-note")
            .contains("the first 12 are listed below")
    );
    // Counts are information: not the error style of a name nothing matches.
    assert!(!app.exists(".not-found"));
    let colours = app.eval_js(
        "const note = getComputedStyle(document.querySelector('.search-note')).color;
         const probe = document.createElement('p');
         probe.className = 'not-found';
         document.querySelector('.search').after(probe);
         const error = getComputedStyle(probe).color;
         probe.remove();
         return [note, error];",
    );
    assert_ne!(colours[0], colours[1], "the counts in the error colour");
    app.screenshot("genome_search_prefix_counts");

    let errors = app.js_errors();
    assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
    let ready_ms = app
        .attr_of("#genome-summary", "data-ready-ms")
        .unwrap_or_default();
    let timing = format!(
        "{{\"navigation_to_summary_ms\": {:.1}, \"app_ready_ms\": {ready_ms}, \"max_main_thread_gap_ms\": {max_gap:.1}}}\n",
        to_summary.as_secs_f64() * 1000.0
    );
    std::fs::create_dir_all(artifacts_dir()).unwrap();
    std::fs::write(artifacts_dir().join("timing_default_genome.json"), &timing).unwrap();
    eprintln!("default genome in the browser: {timing}");
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn a_broken_file_is_reported_and_the_genome_stays() {
    let app = open_app();
    app.wait_for("#genome-summary");
    app.click(".open-button");
    app.wait_for(".open-panel");
    // A truncated gzip through the file picker: the error names the file, the genome stays.
    std::fs::create_dir_all(artifacts_dir()).unwrap();
    let path = artifacts_dir().join("broken.gff3.gz");
    let gz = std::fs::read(
        crate::support::crate_root()
            .join("public/genome/Saccharomyces_cerevisiae.R64-1-1.99.gff3.gz"),
    )
    .unwrap();
    std::fs::write(&path, &gz[..gz.len() / 4]).unwrap();
    app.type_into("#open-gff", path.to_str().unwrap());
    app.wait_until("!document.querySelector('.open-panel button.primary').disabled");
    app.click(".open-panel button.primary");
    app.wait_for(".error");
    let error = app.text_of(".error");
    assert!(
        error.contains("broken.gff3.gz") && error.contains("truncated"),
        "{error}"
    );
    assert!(error.contains("still loaded"), "{error}");
    assert_eq!(app.text_of("#total-length"), "12,157,105");
    app.screenshot("broken_file_reported");
}
