//! Issue 14: Genoforge embedded on someone else's page — `<genoforge-editor>` elements served from
//! `dist/embed/` (the asset server) in host pages served from another port (another origin).

use std::time::Duration;

use serde_json::{Value, json};

use crate::support::StaticServer;
use crate::support::app::{download_to, downloads_dir};
use crate::support::embed::Hosted;

/// A host page: an optional CSP, optional host stylesheets (files of the host), then `body`.
pub(crate) fn page(csp: Option<&str>, css: Option<&str>, body: &str) -> String {
    let csp = csp
        .map(|c| format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{c}\" />"))
        .unwrap_or_default();
    let css = css
        .map(|c| format!("<link rel=\"stylesheet\" href=\"{c}\" />"))
        .unwrap_or_default();
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\" />{csp}\
         <title>host</title>{css}<script src=\"host.js\"></script>\
         <script type=\"module\" src=\"{{ASSETS}}genoforge-embed.js\"></script></head>\
         <body>{body}</body></html>"
    )
}

/// Applies the BY4741 background through the element's own strain picker (six edits: four markers, and MATa's two).
fn apply_by4741(host: &Hosted, id: &str) {
    host.in_shadow(
        id,
        "const s = root.querySelector('#strain-select');
         s.value = 'BY4741';
         s.dispatchEvent(new Event('change', { bubbles: true }));
         return true;",
    );
    host.wait_until(&format!(
        "!document.getElementById('{id}').shadowRoot.querySelector('#strain-apply').disabled"
    ));
    host.in_shadow(
        id,
        "root.querySelector('#strain-apply').click(); return true;",
    );
    host.wait_until(&format!(
        "document.getElementById('{id}').handle.getSpec().edits.length === 6"
    ));
}

fn edits(spec: &Value) -> usize {
    spec["edits"].as_array().map_or(usize::MAX, Vec::len)
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn two_instances_on_one_page_each_keep_their_own_design() {
    let body = "<h1>Two designs</h1>\
        <genoforge-editor id=\"a\" mode=\"edit\" height=\"620\"></genoforge-editor>\
        <genoforge-editor id=\"b\" mode=\"view\" height=\"420\"></genoforge-editor>";
    let host = Hosted::open(&[("two.html", &page(None, None, body))]);
    host.wait_ready("a");
    host.wait_ready("b");
    for id in ["a", "b"] {
        assert!(host.shadow_has(id, ".track-svg"), "{id} shows no map");
        assert!(host.shadow_has(id, "#gene-search"), "{id} has no search");
    }
    // The view element has no editing controls; the edit element has them.
    for css in [
        "#composer",
        "#strain-select",
        ".open-button",
        "#import-spec",
        "#side-tab-edits",
    ] {
        assert!(!host.shadow_has("b", css), "the view element shows {css}");
    }
    assert!(host.shadow_has("a", "#composer"));
    assert!(host.shadow_has("a", "#strain-select"));
    // One ready event each, its element as target, with the version and the genome.
    let ready = host.events("genoforge-ready");
    assert_eq!(ready.len(), 2, "{ready:?}");
    for (target, detail) in &ready {
        assert!(target == "a" || target == "b", "{target}");
        assert_eq!(detail["genome"], json!("S288C reference (R64)"));
        assert_eq!(detail["version"], json!(env!("CARGO_PKG_VERSION")));
    }
    // Nothing changed on load.
    assert!(host.events("genoforge-change").is_empty());

    apply_by4741(&host, "a");
    assert_eq!(edits(&host.spec_of("a")), 6);
    assert_eq!(edits(&host.spec_of("b")), 0, "an edit in A changed B");
    host.wait_until(
        "window.__events.some(e => e.type === 'genoforge-change' && e.target === 'a' && e.detail.edits === 6)",
    );
    std::thread::sleep(Duration::from_millis(400));
    let changes = host.events("genoforge-change");
    assert!(changes.iter().all(|(t, _)| t == "a"), "{changes:?}");
    assert_eq!(edits(&changes.last().unwrap().1["spec"]), 6);
    // A gene found in the view element selects it there: genoforge-select from B only.
    host.in_shadow(
        "b",
        "const input = root.querySelector('#gene-search');
         input.value = 'TFC3';
         input.dispatchEvent(new Event('input', { bubbles: true }));
         root.querySelector('form.search').requestSubmit();
         return true;",
    );
    host.wait_until(
        "window.__events.some(e => e.type === 'genoforge-select' && e.target === 'b' && e.detail.feature === 'TFC3')",
    );
    let selects = host.events("genoforge-select");
    assert!(selects.iter().all(|(t, _)| t == "b"), "{selects:?}");
    let locus = selects.last().unwrap().1["locus"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(locus.starts_with("I:"), "{locus}");
    assert!(host.js_errors().is_empty(), "{:?}", host.js_errors());
    host.screenshot("embed_two_instances");
}

/// What the element's insides look like: font size, box sizing, display, colour, size.
const METRICS: &str = "const out = {};
    for (const sel of ['.topbar', 'h1.brand', 'p.genome-label', '.map-area', '.track-svg', '#gene-search']) {
      const el = root.querySelector(sel);
      if (!el) { out[sel] = null; continue; }
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      out[sel] = [cs.fontSize, cs.boxSizing, cs.display, cs.color, Math.round(r.width), Math.round(r.height)];
    }
    return out;";

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn a_hostile_host_stylesheet_neither_reaches_in_nor_is_overridden() {
    let body = "<p id=\"outside\">A paragraph of the host.</p>\
        <genoforge-editor id=\"g\" mode=\"view\"></genoforge-editor>";
    let hostile = "* { box-sizing: content-box; }\nbody { font-size: 40px; }\n\
        p { color: red !important; }\nsvg { display: none; }\n\
        genoforge-editor { display: block; width: 1100px; height: 600px; }\n";
    let neutral = "genoforge-editor { display: block; width: 1100px; height: 600px; }\n";
    let host = Hosted::open(&[
        ("neutral.html", &page(None, Some("neutral.css"), body)),
        ("hostile.html", &page(None, Some("hostile.css"), body)),
        ("neutral.css", neutral),
        ("hostile.css", hostile),
    ]);
    host.wait_ready("g");
    let calm = host.in_shadow("g", METRICS);
    host.screenshot("embed_neutral_host");
    host.goto_host("hostile.html");
    host.wait_ready("g");
    let attacked = host.in_shadow("g", METRICS);
    host.screenshot("embed_hostile_host");
    assert!(calm[".track-svg"].is_array(), "{calm}");
    assert_eq!(calm, attacked, "the host's stylesheet changed the element");
    // Nothing of the element's stylesheet reached the host's paragraph.
    let outside = host.eval_js(
        "const cs = getComputedStyle(document.getElementById('outside'));
         return [cs.color, cs.fontSize, cs.boxSizing];",
    );
    assert_eq!(outside, json!(["rgb(255, 0, 0)", "40px", "content-box"]));
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn a_strict_csp_page_works_and_without_wasm_unsafe_eval_shows_the_error() {
    let strict = "default-src 'self'; script-src 'self' {ASSET_ORIGIN} 'wasm-unsafe-eval'; \
        connect-src {ASSET_ORIGIN}; style-src 'self'";
    let no_wasm = "default-src 'self'; script-src 'self' {ASSET_ORIGIN}; \
        connect-src {ASSET_ORIGIN}; style-src 'self'";
    let body = "<genoforge-editor id=\"g\" mode=\"edit\" height=\"600\"></genoforge-editor>";
    let host = Hosted::open(&[
        ("strict.html", &page(Some(strict), None, body)),
        ("nowasm.html", &page(Some(no_wasm), None, body)),
    ]);
    host.wait_ready("g");
    assert!(host.shadow_has("g", ".track-svg"));
    // Use it a little (a background, the lower tabs) before counting violations.
    apply_by4741(&host, "g");
    std::thread::sleep(Duration::from_millis(500));
    let violations = host.eval_js("return window.__violations;");
    assert_eq!(violations, json!([]), "CSP violations");
    host.screenshot("embed_strict_csp");

    host.goto_host("nowasm.html");
    host.wait_until(
        "window.__events.some(e => e.type === 'genoforge-error' && e.target === 'g' && e.detail.phase === 'wasm')",
    );
    assert!(host.shadow_has("g", ".embed-error"), "no visible error");
    let text = host.in_shadow(
        "g",
        "return root.querySelector('.embed-error').textContent;",
    );
    let text = text.as_str().unwrap_or_default();
    assert!(text.contains("could not"), "{text}");
    // It names what the host must add, not the browser's words about 'unsafe-eval'.
    assert!(
        text.contains("script-src") && text.contains("'wasm-unsafe-eval'"),
        "{text}"
    );
    assert!(!text.contains("is not an allowed source"), "{text}");
    // The error state keeps the height the element was given.
    let height =
        host.eval_js("return document.getElementById('g').getBoundingClientRect().height;");
    assert_eq!(height.as_f64(), Some(600.0), "the error state's height");
    host.screenshot("embed_csp_without_wasm_unsafe_eval");
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn assets_from_another_origin_and_an_asset_base_elsewhere() {
    // A third server with the same files: the element's data come from there.
    let other = StaticServer::start(&crate::support::dist_dir()).expect("another asset server");
    let base = format!("{}embed/", other.url());
    let body = format!(
        "<genoforge-editor id=\"g\" mode=\"view\" height=\"500\" asset-base=\"{base}\" \
         locus=\"IV:100000-120000\"></genoforge-editor>"
    );
    let host = Hosted::open(&[("elsewhere.html", &page(None, None, &body))]);
    host.wait_ready("g");
    // First render of a view-mode element with the default genome (fetched, parsed, drawn; no
    // cache shared with an earlier element): navigation start → genoforge-ready.
    let ms = host.eval_js(
        "return window.__events.find(e => e.type === 'genoforge-ready' && e.target === 'g').t;",
    );
    let ms = ms.as_f64().expect("a time");
    assert!(ms > 0.0);
    let dir = crate::support::artifacts_dir();
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("timing_embed_first_render.json"),
        json!({"label": "view-mode <genoforge-editor>, default genome, assets on another origin: navigation start to genoforge-ready", "ms": ms}).to_string(),
    )
    .unwrap();
    println!("embed first render: {ms:.0} ms");
    let fetched = host.eval_js_with(
        "return performance.getEntriesByType('resource').map(e => e.name)
           .filter(n => n.startsWith(arguments[0] + 'public/genome/')).length;",
        vec![json!(base)],
    );
    assert_eq!(
        fetched,
        json!(3),
        "the genome was not fetched from the asset base"
    );
    let locus = host.events("genoforge-locus");
    assert!(
        locus
            .iter()
            .any(|(t, d)| t == "g" && d["locus"] == json!("IV:100000-120000")),
        "{locus:?}"
    );
    host.screenshot("embed_asset_base_elsewhere");

    // Attributes changed after mount take effect: the window, the mode, the height.
    host.eval_js(
        "document.getElementById('g').setAttribute('locus', 'XV:200000-210000'); return true;",
    );
    host.wait_until(
        "window.__events.some(e => e.type === 'genoforge-locus' && e.detail.locus === 'XV:200000-210000')",
    );
    assert!(!host.shadow_has("g", "#composer"));
    host.eval_js("document.getElementById('g').setAttribute('mode', 'edit'); return true;");
    host.wait_until("!!document.getElementById('g').shadowRoot.querySelector('#composer')");
    host.eval_js("document.getElementById('g').setAttribute('height', '333'); return true;");
    host.wait_until("document.getElementById('g').getBoundingClientRect().height === 333");
    host.eval_js("document.getElementById('g').setAttribute('mode', 'view'); return true;");
    host.wait_until("!document.getElementById('g').shadowRoot.querySelector('#composer')");
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn removed_re_appended_created_later_and_removed_while_loading() {
    let body = "<div id=\"slot\"><genoforge-editor id=\"first\" height=\"400\"></genoforge-editor>\
        <genoforge-editor id=\"gone\" height=\"400\"></genoforge-editor></div>";
    let host = Hosted::open(&[("life.html", &page(None, None, body))]);
    // Removed while the genome is still loading.
    host.wait_until("customElements.get('genoforge-editor') !== undefined");
    host.eval_js(
        "window.__gone = document.getElementById('gone'); window.__gone.remove(); return true;",
    );
    host.wait_ready("first");
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        host.events("genoforge-ready")
            .iter()
            .all(|(t, _)| t != "gone"),
        "the removed element became ready"
    );
    let leftovers = host.eval_js(
        "const r = window.__gone.shadowRoot; \
         return r ? r.querySelectorAll('.genoforge-embed').length : 0;",
    );
    assert_eq!(leftovers, json!(0));

    // Moved within the page at once: kept as it is (one ready event so far).
    host.eval_js(
        "const el = document.getElementById('first'); el.remove(); \
         document.getElementById('slot').append(el); return true;",
    );
    std::thread::sleep(Duration::from_millis(300));
    let count = |id: &str| {
        host.events("genoforge-ready")
            .iter()
            .filter(|(t, _)| t == id)
            .count()
    };
    assert_eq!(count("first"), 1);
    // Removed, then appended again later: mounted again, with one app and one stylesheet.
    host.eval_js(
        "window.__kept = document.getElementById('first'); window.__kept.remove(); return true;",
    );
    std::thread::sleep(Duration::from_millis(300));
    host.eval_js("document.getElementById('slot').append(window.__kept); return true;");
    host.wait_until(
        "window.__events.filter(e => e.type === 'genoforge-ready' && e.target === 'first').length === 2",
    );
    let shape = host.in_shadow(
        "first",
        "return [root.querySelectorAll('.genoforge-embed').length, root.adoptedStyleSheets.length, \
                 root.querySelectorAll('#app-ready').length];",
    );
    assert_eq!(shape, json!([1, 1, 1]));

    // Created later by script.
    host.eval_js(
        "const el = document.createElement('genoforge-editor'); el.id = 'later'; \
         el.setAttribute('height', '300'); document.body.append(el); return true;",
    );
    host.wait_ready("later");
    assert!(host.shadow_has("later", ".track-svg"));
    // All elements share one stylesheet object.
    let shared = host.eval_js(
        "return document.getElementById('first').shadowRoot.adoptedStyleSheets[0] === \
                document.getElementById('later').shadowRoot.adoptedStyleSheets[0];",
    );
    assert_eq!(shared, json!(true));
    let errors = host.js_errors();
    assert!(errors.is_empty(), "{errors:?}");
    host.screenshot("embed_lifecycle");
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn set_spec_of_get_spec_is_the_spec_download_and_embed_html_shows_the_same_design() {
    let body = "<genoforge-editor id=\"a\" mode=\"edit\" height=\"640\"></genoforge-editor>";
    let host = Hosted::open(&[("spec.html", &page(None, None, body))]);
    host.wait_ready("a");
    apply_by4741(&host, "a");
    // The round trip: the spec set again is the design (its provenance kept from now on).
    let done = host.eval_js_async(
        "const done = arguments[0]; const h = document.getElementById('a').handle;
         h.setSpec(h.getSpec()).then(() => done(true), e => done(String(e)));",
    );
    assert_eq!(done, json!(true));
    let dir = downloads_dir("embed_spec_download");
    download_to(&host, &dir);
    host.in_shadow(
        "a",
        "root.querySelector('#export-menu > summary').click();
         root.querySelector('#export-genotype-spec-json').click(); return true;",
    );
    let file = wait_for_file(&dir, ".json");
    let ours = host.eval_js(
        "return JSON.stringify(document.getElementById('a').handle.getSpec(), null, 2) + '\\n';",
    );
    assert_eq!(
        ours.as_str().unwrap(),
        String::from_utf8(file.clone()).unwrap(),
        "getSpec() differs from the spec download"
    );

    // A spec made on another reference is refused with the app's message; nothing changes.
    let before = host.spec_of("a");
    let refused = host.eval_js_async(
        "const done = arguments[0]; const h = document.getElementById('a').handle;
         const s = h.getSpec(); s.reference.contigs[0].length += 1;
         h.setSpec(s).then(() => done(null), e => done(e.message));",
    );
    let message = refused.as_str().unwrap_or_default().to_owned();
    assert!(!message.is_empty(), "a foreign spec was accepted");
    assert_eq!(
        host.spec_of("a"),
        before,
        "a refused spec changed the design"
    );

    // The same spec inline, in the element's <script type="application/json">.
    let inline = format!(
        "<genoforge-editor id=\"i\" height=\"400\"><script type=\"application/json\">{}</script></genoforge-editor>",
        String::from_utf8(file.clone()).unwrap()
    );
    host.write_page("inline.html", &page(None, None, &inline));
    host.goto_host("inline.html");
    host.wait_ready("i");
    assert_eq!(host.spec_of("i")["edits"], before["edits"]);

    // embed.html#design=… (the iframe page) shows the same design.
    let packed = genoforge::io::packed::pack(&file);
    host.goto(&format!("embed/embed.html#design={packed}"));
    host.wait_until("document.getElementById('genoforge')?.handle != null");
    let shown = host.eval_js("return document.getElementById('genoforge').handle.getSpec();");
    assert_eq!(shown["edits"], before["edits"]);
    let label = host.eval_js(
        "return document.getElementById('genoforge').shadowRoot.querySelector('#design-label').textContent;",
    );
    assert!(
        label.as_str().unwrap_or_default().contains("his3Δ1"),
        "{label}"
    );
    host.screenshot("embed_html_fragment");
}

/// The first file ending in `suffix` that finished downloading into `dir`.
fn wait_for_file(dir: &std::path::Path, suffix: &str) -> Vec<u8> {
    let start = std::time::Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        if let Ok(rd) = std::fs::read_dir(dir) {
            for e in rd.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if name.ends_with(suffix)
                    && let Ok(b) = std::fs::read(e.path())
                    && !b.is_empty()
                {
                    return b;
                }
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("no {suffix} file was downloaded into {}", dir.display());
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn the_example_host_page_shows_two_elements_and_the_share_link_opens_embed_html() {
    let host = Hosted::open(&[("blank.html", &page(None, None, ""))]);
    host.goto("embed/example.html");
    host.wait_until(
        "document.getElementById('viewer').handle != null && document.getElementById('editor').handle != null",
    );
    let locus = host.eval_js(
        "return document.getElementById('viewer').shadowRoot.querySelector('.genome-label') !== null;",
    );
    assert_eq!(locus, json!(true));
    // The viewer shows the BY4741 background the page says it shows.
    host.wait_until("document.getElementById('viewer').handle.getSpec().edits.length > 0");
    let viewer = host.eval_js("return document.getElementById('viewer').handle.getSpec();");
    assert_eq!(
        viewer["background"]["name"],
        json!("BY4741"),
        "{}",
        viewer["background"]
    );
    // The element's Share link opens its iframe page beside the assets, not the host page.
    host.eval_js(
        "window.__copied = null;
         navigator.clipboard.writeText = (t) => { window.__copied = t; return Promise.resolve(); };
         document.getElementById('editor').shadowRoot.querySelector('#share-link').click();
         return true;",
    );
    host.wait_until("window.__copied !== null");
    let link = host.eval_js("return window.__copied;");
    let link = link.as_str().unwrap_or_default();
    assert!(
        link.starts_with(&format!("{}embed.html#design=", host.assets())),
        "{link}"
    );
    host.screenshot("embed_example_page");
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn storage_keeps_an_edit_elements_design_in_the_hosts_storage_and_view_mode_writes_nothing() {
    let body = "<genoforge-editor id=\"s\" mode=\"edit\" storage=\"lab-demo\" height=\"600\"></genoforge-editor>\
        <genoforge-editor id=\"v\" mode=\"view\" storage=\"lab-view\" height=\"300\"></genoforge-editor>";
    let host = Hosted::open(&[("storage.html", &page(None, None, body))]);
    host.wait_ready("s");
    host.wait_ready("v");
    apply_by4741(&host, "s");
    host.wait_until("localStorage.getItem('genoforge-embed:lab-demo') !== null");
    // The view element was changed by the host (setSpec) but keeps nothing.
    host.eval_js_async(
        "const done = arguments[0];
         document.getElementById('v').handle.setSpec(document.getElementById('s').handle.getSpec())
           .then(() => done(true), e => done(String(e)));",
    );
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(
        host.eval_js("return localStorage.getItem('genoforge-embed:lab-view');"),
        Value::Null
    );
    // Reloaded: the edit element's design is back.
    host.goto_host("storage.html");
    host.wait_ready("s");
    host.wait_until("document.getElementById('s').handle != null");
    host.wait_until("document.getElementById('s').handle.getSpec().edits.length === 6");
    assert_eq!(edits(&host.spec_of("v")), 0);
    assert!(host.js_errors().is_empty(), "{:?}", host.js_errors());
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn a_genome_manifest_is_loaded_and_a_missing_one_is_an_error_shown_in_the_element() {
    let gff = "##gff-version 3\n##sequence-region chrT 1 2000\n\
               chrT\ttest\tgene\t101\t400\t.\t+\t.\tID=gene1;Name=TST1\n";
    let fasta = format!(">chrT\n{}\n", "ACGT".repeat(500));
    let manifest = r#"{"label": "Test genome", "gff": "tiny.gff3", "fasta": "tiny.fa"}"#;
    let body = "<genoforge-editor id=\"t\" genome=\"tiny.json\" height=\"400\"></genoforge-editor>\
        <genoforge-editor id=\"m\" genome=\"missing.json\" height=\"200\"></genoforge-editor>";
    let host = Hosted::open(&[
        ("manifest.html", &page(None, None, body)),
        ("tiny.json", manifest),
        ("tiny.gff3", gff),
        ("tiny.fa", &fasta),
    ]);
    host.wait_ready("t");
    let ready = host.events("genoforge-ready");
    assert_eq!(ready[0].1["genome"], json!("Test genome"), "{ready:?}");
    assert!(host.shadow_has("t", ".track-svg"));
    host.wait_until(
        "window.__events.some(e => e.type === 'genoforge-error' && e.target === 'm' && e.detail.phase === 'genome')",
    );
    let shown = host.in_shadow(
        "m",
        "return root.querySelector('.error')?.textContent ?? '';",
    );
    let shown = shown.as_str().unwrap_or_default();
    assert!(shown.contains("Could not load the genome"), "{shown}");
    assert!(shown.contains("missing.json"), "{shown}");
    host.screenshot("embed_genome_manifest");
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn a_design_that_cannot_be_fetched_or_read_is_an_error_event_and_a_notice_the_genome_stays() {
    // Port 9 (discard) refuses the connection: fetch rejects as it does under CORS or CSP.
    let unreachable = "http://127.0.0.1:9/by4741.json";
    let body = format!(
        "<genoforge-editor id=\"d\" design=\"nope.json\" height=\"400\"></genoforge-editor>\
         <genoforge-editor id=\"p\" design=\"notapackedspec\" height=\"400\"></genoforge-editor>\
         <genoforge-editor id=\"n\" design=\"{unreachable}\" height=\"300\"></genoforge-editor>\
         <genoforge-editor id=\"l\" locus=\"XVII:1-500\" height=\"300\"></genoforge-editor>"
    );
    let host = Hosted::open(&[("design.html", &page(None, None, &body))]);
    let message_of = |id: &str| {
        host.events("genoforge-error")
            .into_iter()
            .find(|(t, _)| t == id)
            .map(|(_, d)| {
                assert_eq!(d["phase"], json!("design"), "{id}: {d}");
                d["message"].as_str().unwrap_or_default().to_owned()
            })
            .unwrap_or_default()
    };
    for id in ["d", "p", "n", "l"] {
        host.wait_until(&format!(
            "window.__events.some(e => e.type === 'genoforge-error' && e.target === '{id}' && e.detail.phase === 'design')"
        ));
        let notice = host.in_shadow(
            id,
            "return [...root.querySelectorAll('.notice')].map(n => n.textContent).join(' | ');",
        );
        let message = message_of(id);
        assert!(!message.is_empty());
        assert!(
            notice.as_str().unwrap_or_default().contains(&message),
            "{id}: the notice {notice} does not show {message}"
        );
        // The genome is shown all the same, and the host has the element's API.
        assert!(host.shadow_has(id, ".track-svg"), "{id}");
        host.wait_until(&format!("document.getElementById('{id}').handle !== null"));
        assert_eq!(edits(&host.spec_of(id)), 0, "{id}");
    }
    assert_eq!(
        message_of("n"),
        format!(
            "the design could not be fetched from {unreachable}: network error or blocked by CORS/CSP (connect-src)"
        )
    );
    assert!(message_of("l").contains("locus"), "{}", message_of("l"));
    // The notice fits in the element: its close button is inside the element's box.
    let fits = host.in_shadow(
        "n",
        "const el = root.host.getBoundingClientRect();
         const b = root.querySelector('.notice button').getBoundingClientRect();
         return b.width > 0 && b.top >= el.top && b.bottom <= el.bottom && b.left >= el.left && b.right <= el.right;",
    );
    assert_eq!(
        fits,
        json!(true),
        "the notice's close button is outside the element"
    );
    host.screenshot("embed_design_errors");
}

/// The design every element of [`initial_designs_fire_no_change_and_the_mode_attribute_follows_set_mode`]
/// starts from: the shipped example (the BY4741 background).
const EXAMPLE_SPEC: &str = "examples/by4741.genotype-spec.json";

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn initial_designs_fire_no_change_and_the_mode_attribute_follows_set_mode() {
    let spec = std::fs::read_to_string(crate::support::dist_dir().join("embed").join(EXAMPLE_SPEC))
        .expect("dist/embed ships the example spec");
    let first = "<genoforge-editor id=\"a\" mode=\"edit\" height=\"400\"></genoforge-editor>";
    let host = Hosted::open(&[("first.html", &page(None, None, first)), ("by.json", &spec)]);
    host.wait_ready("a");
    // The packed share string of the example design, from the element's Share link.
    host.eval_js_async_with(
        "const done = arguments[arguments.length - 1];
         document.getElementById('a').handle.setSpec(arguments[0]).then(() => done(true), e => done(String(e)));",
        vec![json!(spec)],
    );
    host.eval_js(
        "window.__copied = null;
         navigator.clipboard.writeText = (t) => { window.__copied = t; return Promise.resolve(); };
         document.getElementById('a').shadowRoot.querySelector('#share-link').click(); return true;",
    );
    host.wait_until("window.__copied !== null");
    let link = host.eval_js("return window.__copied;");
    let link = link.as_str().unwrap_or_default().to_owned();
    let packed = link
        .split_once("#design=")
        .map(|(_, p)| p.split('&').next().unwrap_or(p).to_owned())
        .expect("a share link");
    host.eval_js_with(
        "localStorage.setItem('genoforge-embed:kept', arguments[0]); return true;",
        vec![json!(spec)],
    );
    let body = format!(
        "<genoforge-editor id=\"url\" design=\"by.json\" height=\"300\" locus=\"IV:100000-120000\"></genoforge-editor>\
         <genoforge-editor id=\"packed\" design=\"{packed}\" height=\"300\"></genoforge-editor>\
         <genoforge-editor id=\"link\" design=\"{link}\" height=\"300\"></genoforge-editor>\
         <genoforge-editor id=\"inline\" height=\"300\"><script type=\"application/json\">{spec}</script></genoforge-editor>\
         <genoforge-editor id=\"kept\" mode=\"edit\" storage=\"kept\" height=\"300\"></genoforge-editor>"
    );
    host.write_page("initial.html", &page(None, None, &body));
    host.goto_host("initial.html");
    let ids = ["url", "packed", "link", "inline", "kept"];
    for id in ids {
        host.wait_ready(id);
        host.wait_until(&format!(
            "document.getElementById('{id}').handle !== null && document.getElementById('{id}').handle.getSpec().edits.length === 6"
        ));
    }
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(
        host.events("genoforge-change"),
        vec![],
        "the initial designs fired genoforge-change"
    );
    // A view element lists its design read-only below the search: the edits, no Undo, no remove.
    let listed = host.in_shadow(
        "url",
        "const rows = [...root.querySelectorAll('#edit-list .edit-row')];
         return [rows.length, root.querySelector('#edit-undo') !== null,
                 rows.filter(r => r.querySelector('.remove').offsetParent !== null).length,
                 rows.filter(r => !r.querySelector('input[type=checkbox]').disabled).length,
                 root.querySelector('#genotype').textContent.includes('his3')];",
    );
    assert_eq!(
        listed,
        json!([6, false, 0, 0, true]),
        "rows, undo, removable, toggleable, genotype"
    );
    // Text that is not a spec is refused in words, not as a parser's token.
    let refused = host.eval_js_async(
        "const done = arguments[0];
         document.getElementById('url').handle.setSpec('nonsense').then(() => done(null), e => done(e.message));",
    );
    assert!(
        refused.as_str().unwrap_or_default().contains(
            "not a genotype spec: a spec is a JSON object ({ … }), this text starts with \"nonsense\""
        ),
        "{refused}"
    );
    // The requested locus is reported once, not the default window first.
    let loci: Vec<Value> = host
        .events("genoforge-locus")
        .into_iter()
        .filter(|(t, _)| t == "url")
        .map(|(_, d)| d["locus"].clone())
        .collect();
    assert_eq!(loci, vec![json!("IV:100000-120000")]);
    // Shared files are fetched once for the five elements.
    let fetched = host.eval_js(
        "const n = (s) => performance.getEntriesByType('resource').filter(e => e.name.includes(s)).length;
         return [n('cassettes.json'), n('deletion_essentiality'), n('by.json')];",
    );
    assert_eq!(
        fetched,
        json!([1, 1, 1]),
        "cassettes, essentiality, the design"
    );
    // A host change after ready fires it.
    host.eval_js_async(
        "const done = arguments[0]; const h = document.getElementById('url').handle;
         const s = h.getSpec(); delete s.background; s.perturbations = []; s.edits = [];
         h.setSpec(s).then(() => done(true), e => done(String(e)));",
    );
    host.wait_until(
        "window.__events.some(e => e.type === 'genoforge-change' && e.target === 'url' && e.detail.edits === 0)",
    );

    // handle.setMode reflects to the attribute; the attribute then locks view mode again.
    let el = "document.getElementById('url')";
    host.eval_js(&format!("{el}.handle.setMode('edit'); return true;"));
    host.wait_until(&format!(
        "{el}.shadowRoot.querySelector('#composer') !== null"
    ));
    assert_eq!(
        host.eval_js(&format!("return {el}.getAttribute('mode');")),
        json!("edit")
    );
    host.eval_js(&format!("{el}.setAttribute('mode', 'view'); return true;"));
    host.wait_until(&format!(
        "{el}.shadowRoot.querySelector('#composer') === null"
    ));
    assert_eq!(
        host.eval_js(&format!("return {el}.handle.mode;")),
        json!("view")
    );
    assert!(host.js_errors().is_empty(), "{:?}", host.js_errors());
}
