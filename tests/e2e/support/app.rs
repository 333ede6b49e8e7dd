//! Steps through Genoforge's own UI, shared by the end-to-end tests: choosing options, finding
//! genes, waiting for the design, layout checks, downloads, and the CLI to compare them with.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::json;

use super::{Session, artifacts_dir, crate_root};

/// The default genome's files as shipped (paths relative to the crate root).
pub const GFF: &str = "public/genome/Saccharomyces_cerevisiae.R64-1-1.99.gff3.gz";
/// The default genome's sequence.
pub const FASTA: &str = "public/genome/S288C_reference_sequence_R64-2-1_20150113.fsa.gz";
/// SGD's feature table.
pub const TABLE: &str = "public/genome/SGD_features.tab.gz";

/// Sets a `<select>` to `value` the way a person does: the value, then a `change` event.
pub fn choose(app: &Session, css: &str, value: &str) {
    app.wait_for(css);
    let ok = app.eval_js_with(
        "const el = document.querySelector(arguments[0]);
         if (![...el.options].some(o => o.value === arguments[1])) return false;
         el.value = arguments[1];
         el.dispatchEvent(new Event('change', { bubbles: true }));
         return true;",
        vec![json!(css), json!(value)],
    );
    assert_eq!(ok, json!(true), "{css} has no option {value}");
}

/// The design's genotype string as the edit list writes it (read whichever side tab is shown).
pub fn genotype(app: &Session) -> String {
    app.wait_for("#genotype");
    app.eval_js("return document.querySelector('#genotype').textContent.trim();")
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// Clicks *Share* and returns the link it copied (shown in full by the notice's "Show link").
pub fn share_link(app: &Session) -> String {
    app.eval_js(
        "const t = document.querySelector('#share-link-text'); if (t) t.value = ''; return 0;",
    );
    app.click("#share-link");
    app.click(".notice button.notice-show-link");
    app.wait_until(
        "(document.querySelector('#share-link-text')?.value ?? '').includes('#design=')",
    );
    app.eval_js("return document.querySelector('#share-link-text').value;")
        .as_str()
        .unwrap()
        .to_owned()
}

/// Shows the side column's edit list (its tab).
pub fn show_edits(app: &Session) {
    app.click("#side-tab-edits");
    app.wait_until("!document.querySelector('#edit-list').closest('[hidden]')");
}

/// Shows the side column's search, composer, background and gene list (its tab).
pub fn show_compose(app: &Session) {
    app.click("#side-tab-compose");
    app.wait_until("!document.querySelector('#composer').closest('[hidden]')");
}

/// Finds a gene with the search box (on the Compose tab) and waits for its card.
pub fn search(app: &Session, name: &str) {
    show_compose(app);
    app.clear("#gene-search");
    app.type_into("#gene-search", name);
    app.click("form.search button[type=submit]");
    app.wait_until(&format!(
        "(document.querySelector('#gene-card') || {{}}).textContent?.includes('{name}')"
    ));
}

/// Waits until the edit list and the design label both count `n` edits.
pub fn edits_are(app: &Session, n: usize) {
    app.wait_until(&format!(
        "document.querySelector('#edit-list')?.dataset.edits === '{n}' && \
         document.querySelector('#design-label')?.dataset.edits === '{n}'"
    ));
}

/// Elements of the side column that stick out of their panel on the right: (id or tag, how far).
pub fn sticking_out(app: &Session) -> serde_json::Value {
    app.eval_js(
        "const out = [];
         for (const panel of document.querySelectorAll('.side .panel')) {
           if (panel.closest('[hidden]')) continue;
           const right = panel.getBoundingClientRect().right;
           for (const el of panel.querySelectorAll('label, input, select, textarea, button, p')) {
             const r = el.getBoundingClientRect();
             if (r.width === 0 || el.closest('[hidden], .visually-hidden')) continue;
             if (r.right > right + 1) out.push([el.id || el.tagName + ':' + el.textContent.slice(0, 40), Math.round(r.right - right)]);
           }
         }
         return out;",
    )
}

/// Ids used more than once, and `label[for]`s that name no form control.
pub fn id_problems(app: &Session) -> serde_json::Value {
    app.eval_js(
        "const seen = {}, dup = [], bad = [];
         for (const el of document.querySelectorAll('[id]')) {
           if (seen[el.id]) dup.push(el.id); seen[el.id] = true;
         }
         for (const l of document.querySelectorAll('label[for]')) {
           const t = document.getElementById(l.htmlFor);
           if (!t || !['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName)) bad.push(l.htmlFor);
         }
         return [dup, bad];",
    )
}

/// Sets an input's or textarea's value as a paste or a deletion does: the value, then an `input`
/// event (WebDriver's clear fires none).
pub fn set_value(app: &Session, css: &str, value: &str) {
    app.wait_for(css);
    app.eval_js_with(
        "const el = document.querySelector(arguments[0]);
         el.value = arguments[1];
         el.dispatchEvent(new Event('input', { bubbles: true }));
         return true;",
        vec![json!(css), json!(value)],
    );
}

/// Presses a key (down and up) as the keyboard does, to whatever has focus.
pub fn press(app: &Session, key: &str, code: u32) {
    for kind in ["keyDown", "keyUp"] {
        app.cdp(
            "Input.dispatchKeyEvent",
            json!({"type": kind, "key": key, "code": key, "windowsVirtualKeyCode": code}),
        );
    }
}

/// Scrolls an element to the middle of the viewport (for a screenshot).
pub fn scroll_to(app: &Session, css: &str) {
    app.eval_js_with(
        "document.querySelector(arguments[0])?.scrollIntoView({block: 'center'}); return true;",
        vec![json!(css)],
    );
}

/// Picks a kind of the gene-edit panel (`c-tag`, `n-tag`, `point`, `promoter`, `region`).
pub fn pick_kind(app: &Session, id: &str) {
    app.click(&format!("#gene-edit-{id}"));
    app.wait_until(&format!(
        "document.querySelector('#gene-edit-{id}')?.getAttribute('aria-pressed') === 'true'"
    ));
}

/// Waits for a notice whose text contains `words`.
pub fn notice_with(app: &Session, words: &str) {
    app.wait_until(&format!(
        "[...document.querySelectorAll('.notice')].some(n => n.textContent.includes({}))",
        json!(words)
    ));
}

/// Shift-drags across the track from `from` to `to` (shares of its width); returns the region
/// the track says was selected (`a-b`, 1-based) and the track's width (CSS px).
pub fn shift_drag(app: &Session, from: f64, to: f64) -> (String, f64) {
    let rect = app.eval_js(
        "const r = document.querySelector('#map-track').getBoundingClientRect(); return [r.left, r.top, r.width];",
    );
    let (left, top, w) = (
        rect[0].as_f64().unwrap(),
        rect[1].as_f64().unwrap(),
        rect[2].as_f64().unwrap(),
    );
    let y = top + 20.0;
    let mouse = |kind: &str, x: f64, buttons: u8| {
        app.cdp(
            "Input.dispatchMouseEvent",
            json!({"type": kind, "x": x, "y": y, "button": "left", "buttons": buttons,
                   "clickCount": 1, "modifiers": 8}),
        );
    };
    let (x0, x1) = (left + from * w, left + to * w);
    mouse("mouseMoved", x0, 0);
    mouse("mousePressed", x0, 1);
    for step in 1..=5 {
        mouse("mouseMoved", x0 + (x1 - x0) * f64::from(step) / 5.0, 1);
    }
    mouse("mouseReleased", x1, 0);
    app.wait_for("#map-region");
    (app.attr_of("#map-track", "data-region").unwrap(), w)
}

/// Fails when the page scrolls sideways.
pub fn no_horizontal_overflow(app: &Session) {
    let v = app.eval_js(
        "return [document.documentElement.scrollWidth, window.innerWidth, document.body.scrollWidth];",
    );
    let (sw, iw, bw) = (
        v[0].as_i64().unwrap(),
        v[1].as_i64().unwrap(),
        v[2].as_i64().unwrap(),
    );
    if sw <= iw && bw <= iw {
        return;
    }
    // What sticks out: the outermost elements past the right edge that no scrolling box clips.
    let culprits = app.eval_js(
        "const W = document.documentElement.clientWidth, out = [];\
         for (const e of document.querySelectorAll('body *')) {\
           if (e.closest('details:not([open]), svg')) continue;\
           let clip = false;\
           for (let p = e.parentElement; p; p = p.parentElement) {\
             if (getComputedStyle(p).overflowX !== 'visible') { clip = p.getBoundingClientRect().right <= W + 1; break; }\
           }\
           const r = e.getBoundingClientRect();\
           if (!clip && r.width > 0 && r.right > W + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > W + 1))\
             out.push(e.tagName + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.split(' ').join('.') : '') + ' → ' + Math.round(r.right));\
         }\
         return out.slice(0, 12);",
    );
    panic!("horizontal overflow: scrollWidth {sw}/{bw} > {iw}; past the edge: {culprits}");
}

/// A fresh directory under `tests/artifacts/` for downloads.
pub fn downloads_dir(name: &str) -> PathBuf {
    let dir = artifacts_dir().join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Sends the browser's downloads to `dir`.
pub fn download_to(app: &Session, dir: &Path) {
    app.cdp(
        "Browser.setDownloadBehavior",
        json!({"behavior": "allow", "downloadPath": dir.to_str().unwrap(), "eventsEnabled": true}),
    );
}

/// Clicks an export in the menu and returns the downloaded file's bytes. `file` is the file's
/// name, or — starting with `.` — the end of the name of the new file it must be (export names
/// begin with the design's name).
pub fn download(app: &Session, dir: &Path, button: &str, file: &str) -> Vec<u8> {
    let names = || -> Vec<String> {
        std::fs::read_dir(dir)
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default()
    };
    let before = names();
    app.click("#export-menu > summary");
    app.click(button);
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        let found = if file.starts_with('.') {
            names()
                .into_iter()
                .find(|n| n.ends_with(file) && !before.contains(n))
        } else {
            Some(file.to_owned())
        };
        if let Some(name) = found
            && let Ok(b) = std::fs::read(dir.join(&name))
            && !b.is_empty()
            && !dir.join(format!("{name}.crdownload")).exists()
        {
            return b;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("{file} was not downloaded");
}

/// Runs the `genoforge` command in the crate root; fails with its stderr unless it succeeds.
pub fn genoforge_cli(args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_genoforge"))
        .args(args)
        .current_dir(crate_root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs `genoforge` with `args` on the default genome as shipped (its FASTA, GFF3 and feature
/// table are added to the arguments).
pub fn genoforge_on_default_genome(args: &[&str]) {
    let mut all = args.to_vec();
    all.extend(["--fasta", FASTA, "--gff", GFF, "--features", TABLE]);
    genoforge_cli(&all);
}

/// The two window sizes issue 12's layout findings are checked at (CSS px).
pub const SIZES: [(u32, u32); 2] = [(1440, 900), (1024, 700)];

/// Runs `check` at each of [`SIZES`] (the viewport set and the page given time to lay out; where
/// it is scrolled is left as it is), then leaves the window at 1440×900.
pub fn at_both_sizes(app: &Session, mut check: impl FnMut(u32, u32)) {
    for (w, h) in SIZES {
        app.set_viewport(w, h);
        std::thread::sleep(Duration::from_millis(150));
        check(w, h);
    }
    app.set_viewport(1440, 900);
}

/// Opens a header panel as a user does at this width: its header button (`#about-button`), or
/// — below 66rem, where that button gives way — the More menu's item for it (`#more-about`).
pub fn open_from_header(app: &Session, button: &str, item: &str) {
    let shown = app.eval_js_with(
        "const e = document.querySelector(arguments[0]); return !!e && e.getBoundingClientRect().width > 0;",
        vec![json!(button)],
    ) == json!(true);
    if shown {
        app.click(button);
    } else {
        app.click("#more-menu > summary");
        app.wait_for(&format!("#more-menu[open] {item}"));
        app.click(item);
    }
}

/// An element's box in the viewport: `[left, top, right, bottom]` (CSS px).
pub fn rect(app: &Session, css: &str) -> [f64; 4] {
    app.wait_for(css);
    let v = app.eval_js_with(
        "const r = document.querySelector(arguments[0]).getBoundingClientRect();
         return [r.left, r.top, r.right, r.bottom];",
        vec![json!(css)],
    );
    serde_json::from_value(v).unwrap()
}

/// Whether an element is wholly inside the viewport.
pub fn in_viewport(app: &Session, css: &str) -> bool {
    let [l, t, r, b] = rect(app, css);
    let (w, h) = app_size(app);
    l >= 0.0 && t >= 0.0 && r <= w + 0.5 && b <= h + 0.5 && r > l && b > t
}

/// The viewport's size (CSS px).
pub fn app_size(app: &Session) -> (f64, f64) {
    let v = app.eval_js("return [window.innerWidth, window.innerHeight];");
    (v[0].as_f64().unwrap(), v[1].as_f64().unwrap())
}

/// The texts of the notices on screen.
pub fn notices(app: &Session) -> Vec<String> {
    serde_json::from_value(app.eval_js(
        "return [...document.querySelectorAll('.notices .notice')].map(n => n.textContent);",
    ))
    .unwrap()
}

/// Readies an edit in the gene-edit panel: finds `gene` (none: a region, already dragged), picks
/// `kind`, lets `fill` set the kind's fields and waits until the preview's designation reads
/// `designation`. Confirm with [`confirm`].
pub fn ready_gene_edit(
    app: &Session,
    gene: Option<&str>,
    kind: &str,
    fill: impl FnOnce(&Session),
    designation: &str,
) {
    if let Some(gene) = gene {
        search(app, gene);
    }
    pick_kind(app, kind);
    fill(app);
    app.wait_until(&format!(
        "document.querySelector('#gene-edit-designation')?.textContent === {}",
        json!(designation)
    ));
}

/// Readies a gene deletion in the composer: finds `gene`, picks deletion and (optionally) the
/// marker replacing it, and waits until Confirm can be pressed. Confirm with [`confirm`].
pub fn ready_deletion(app: &Session, gene: &str, marker: Option<&str>) {
    search(app, gene);
    app.click("#composer-action-delete");
    if let Some(m) = marker {
        choose(app, "#composer-marker", m);
    }
    app.wait_until("!document.querySelector('#composer-confirm').disabled");
}

/// Presses a Confirm button (`#composer-confirm`, `#gene-edit-confirm`) and waits until the
/// design counts `edits` edits.
pub fn confirm(app: &Session, button: &str, edits: usize) {
    app.click(button);
    edits_are(app, edits);
}

/// The cassette library the app ships (`public/cassettes.json`).
pub fn cassette_library() -> genoforge::core::genetics::cassette::Library {
    serde_json::from_slice(&std::fs::read(crate_root().join("public/cassettes.json")).unwrap())
        .unwrap()
}

/// Opens the app on a design of the default genome (a share link) and waits until its edits are
/// on screen and the map is drawn.
pub fn open_with_design(d: &genoforge::core::design::Design) -> Session {
    use genoforge::core::spec::{ReferenceSpec, export};
    let g = &crate::common::default_genome().genome;
    let spec = export(
        g,
        d,
        &ReferenceSpec::of(g),
        "2026-01-01T00:00:00Z",
        &genoforge::core::genetics::essential::EssentialityTable::default(),
    );
    let app = Session::start();
    app.goto(&format!(
        "/#design={}",
        genoforge::io::packed::pack(genoforge::io::spec_json::to_string(&spec).as_bytes())
    ));
    app.wait_for("#genome-summary");
    edits_are(&app, d.edits().len());
    app.wait_for("#map-track");
    app
}

/// Opens one's own genome from the header's Open panel: writes `gff` and `fasta` under
/// `tests/artifacts/<dir>/` as `<name>.gff3` and `<name>.fa`, picks them and waits until the map
/// shows `contigs` contigs.
pub fn open_own_genome(
    app: &Session,
    dir: &str,
    name: &str,
    gff: &str,
    fasta: &str,
    contigs: usize,
) {
    let d = artifacts_dir().join(dir);
    std::fs::create_dir_all(&d).unwrap();
    let (g, f) = (d.join(format!("{name}.gff3")), d.join(format!("{name}.fa")));
    std::fs::write(&g, gff).unwrap();
    std::fs::write(&f, fasta).unwrap();
    app.click(".open-button");
    app.type_into("#open-gff", g.to_str().unwrap());
    app.type_into("#open-fasta", f.to_str().unwrap());
    app.wait_until("!document.querySelector('.open-panel button.primary').disabled");
    app.click(".open-panel button.primary");
    app.wait_until(&format!(
        "document.querySelectorAll('#map-overview .ov-contig').length === {contigs}"
    ));
}

/// Holds this tab's animation frames, as a browser holds a hidden tab's: autosave, which waits
/// for the next frame, waits too — a change made meanwhile is this tab's own, not yet saved —
/// until [`release_frames`].
pub fn hold_frames(app: &Session) {
    app.eval_js(
        "window.__heldFrames = []; window.__ownFrame = window.requestAnimationFrame;
         window.requestAnimationFrame = cb => window.__heldFrames.push(cb);
         return null;",
    );
}

/// Gives this tab its animation frames back and runs the ones [`hold_frames`] held.
pub fn release_frames(app: &Session) {
    app.eval_js(
        "if (window.__ownFrame) { window.requestAnimationFrame = window.__ownFrame; }
         const held = window.__heldFrames || []; window.__heldFrames = [];
         held.forEach(cb => cb(performance.now()));
         return null;",
    );
}

/// Chooses, in the gene-edit panel's promoter swap, to replace everything up to the previous
/// feature (instead of the length field's bases).
pub fn up_to_previous_feature(app: &Session) {
    app.wait_for("#gene-edit-upstream-previous");
    app.eval_js(
        "const c = document.querySelector('#gene-edit-upstream-previous'); if (!c.checked) { c.click(); } return null;",
    );
    app.wait_until("document.querySelector('#gene-edit-upstream').disabled");
}
