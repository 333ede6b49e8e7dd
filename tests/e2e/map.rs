//! End-to-end (the visual editor's genome map): the overview, the locus box, zoom and pan by
//! buttons, keys, wheel and drag, selecting genes, edits overlaid, the edited-coordinates axis,
//! light and dark, two window sizes, and frame times on a whole chromosome with and without
//! 1,000 edits (recorded in `tests/artifacts/timing_map.json`, never asserted).

use crate::common;

use crate::support::app::no_horizontal_overflow;
use crate::support::{Session, artifacts_dir, open_app};
use genoforge::core::coord::{Pos, Span};
use genoforge::core::design::Design;
use genoforge::core::edit::{EditOp, EditRequest};
use genoforge::core::genetics::compose;
use genoforge::core::genome::Genome;
use genoforge::core::genome::names::Lookup;
use genoforge::core::spec::{ReferenceSpec, export};
use genoforge::io::packed::pack;
use genoforge::io::spec_json;
use serde_json::{Value, json};

const SUMMARY: &str = "#genome-summary";
const TRACK: &str = "#map-track";

fn genome() -> &'static Genome {
    &common::default_genome().genome
}

fn gene(g: &Genome, name: &str) -> genoforge::core::genome::feature::FeatureIdx {
    match g.lookup(name) {
        Lookup::Found(hit) => hit.feature,
        other => panic!("{name}: {other:?}"),
    }
}

/// A design packed the way share links carry it (`#design=…`).
fn packed(design: &Design) -> String {
    let g = genome();
    let spec = export(
        g,
        design,
        &ReferenceSpec::of(g),
        "2026-01-01T00:00:00Z",
        &genoforge::core::genetics::essential::EssentialityTable::default(),
    );
    pack(spec_json::to_string(&spec).as_bytes())
}

fn edit(g: &Genome, contig: &str, span: Span, sequence: &[u8], op: EditOp) -> EditRequest {
    EditRequest {
        contig: g.contig_by_name(contig).unwrap(),
        span,
        sequence: sequence.to_vec(),
        op,
        label: None,
        feature: None,
    }
}

/// Around TFC3 on chromosome I: EFB1 replaced by kanMX4, SSA1's end trimmed, an insertion
/// inside VPS8 (disrupting it), TFC3 deleted.
fn showcase_design() -> Design {
    let g = genome();
    let mut d = Design::new();
    compose::delete_gene(g, &mut d, gene(g, "EFB1"), Some(&common::kanmx4())).unwrap();
    compose::delete_gene(g, &mut d, gene(g, "TFC3"), None).unwrap();
    let ssa1_end = g.extent(gene(g, "SSA1")).end().get();
    d.add(
        g,
        edit(
            g,
            "I",
            Span::new(Pos(ssa1_end - 150), Pos(ssa1_end + 100)).unwrap(),
            b"",
            EditOp::Delete,
        ),
    )
    .unwrap();
    d.add(
        g,
        edit(
            g,
            "I",
            Span::empty_at(Pos(145_000)),
            &b"ACGT".repeat(300),
            EditOp::Insert,
        ),
    )
    .unwrap();
    d
}

/// 1,000 edits on chromosome IV, evenly spread: small deletions, insertions and replacements.
fn thousand_edits_design() -> Design {
    let g = genome();
    let len = g.contig(g.contig_by_name("IV").unwrap()).length;
    let reqs = (0..1_000u64).map(|k| {
        let at = 500 + k * (len - 1_000) / 1_000;
        match k % 3 {
            0 => edit(
                g,
                "IV",
                Span::new(Pos(at), Pos(at + 40)).unwrap(),
                b"",
                EditOp::Delete,
            ),
            1 => edit(g, "IV", Span::empty_at(Pos(at)), b"GATTACA", EditOp::Insert),
            _ => edit(
                g,
                "IV",
                Span::new(Pos(at), Pos(at + 12)).unwrap(),
                b"CCCCGGGG",
                EditOp::Replace,
            ),
        }
    });
    let mut d = Design::new();
    d.add_all(g, reqs.collect::<Vec<_>>()).unwrap();
    assert_eq!(d.edits().len(), 1_000);
    d
}

/// Opens the app with a design from a share link and waits for the genome and the design.
fn open_with(design: &Design) -> Session {
    let app = Session::start();
    app.goto(&format!("/#design={}", packed(design)));
    app.wait_for(SUMMARY);
    app.wait_until("!location.hash.startsWith('#design=')");
    app.wait_for(TRACK);
    app
}

fn window_of(app: &Session) -> (String, u64, u64) {
    let v = app.eval_js(
        "const t = document.querySelector('#map-track');
         return [t.dataset.contig, Number(t.dataset.start), Number(t.dataset.end)];",
    );
    (
        v[0].as_str().unwrap_or_default().to_owned(),
        v[1].as_u64().unwrap_or(0),
        v[2].as_u64().unwrap_or(0),
    )
}

fn width_of(app: &Session) -> u64 {
    let (_, s, e) = window_of(app);
    e + 1 - s
}

/// Types into the locus box and submits it.
fn go_to(app: &Session, locus: &str) {
    app.clear("#locus-input");
    app.type_into("#locus-input", locus);
    app.click(".locus-form button[type=submit]");
}

fn wait_window(app: &Session, contig: &str, start: u64, end: u64) {
    app.wait_until(&format!(
        "(() => {{ const t = document.querySelector('#map-track');
           return t && t.dataset.contig === '{contig}' && t.dataset.start === '{start}' && t.dataset.end === '{end}'; }})()"
    ));
}

/// Waits until the window differs from `before`.
fn wait_changed(app: &Session, before: &(String, u64, u64)) -> (String, u64, u64) {
    app.wait_until(&format!(
        "(() => {{ const t = document.querySelector('#map-track');
           return t.dataset.contig !== '{}' || t.dataset.start !== '{}' || t.dataset.end !== '{}'; }})()",
        before.0, before.1, before.2
    ));
    window_of(app)
}

/// Focuses `css` and presses a key (through DevTools, as a keyboard would).
fn press(app: &Session, css: &str, key: &str) {
    app.eval_js_with(
        "document.querySelector(arguments[0]).focus();",
        vec![json!(css)],
    );
    press_focused(app, key);
}

/// Presses a key on whatever has focus.
fn press_focused(app: &Session, key: &str) {
    let code = match key {
        "ArrowLeft" => 37,
        "ArrowUp" => 38,
        "ArrowRight" => 39,
        "ArrowDown" => 40,
        "Enter" => 13,
        "+" => 187,
        "-" => 189,
        _ => 0,
    };
    for kind in ["keyDown", "keyUp"] {
        app.cdp(
            "Input.dispatchKeyEvent",
            json!({"type": kind, "key": key, "windowsVirtualKeyCode": code}),
        );
    }
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn the_overview_the_locus_box_and_clicking_a_gene() {
    let app = open_app();
    app.wait_for(SUMMARY);
    app.wait_for(TRACK);
    assert_eq!(app.count("#map-overview .ov-contig"), 17);
    assert_eq!(app.count("#map-overview .ov-contig.current"), 1);
    app.screenshot("map_default");

    go_to(&app, "IV:100,000-120,000");
    wait_window(&app, "IV", 100_000, 120_000);
    assert_eq!(app.text_of("#map-window"), "IV:100,000–120,000");
    assert_eq!(
        app.attr_of(".ov-contig.current", "data-contig").as_deref(),
        Some("IV")
    );
    app.wait_for("#map-track .gene");

    // Other spellings, and mistakes: the message shows, nothing moves, nothing panics.
    go_to(&app, "chrIV:200,001-210,000");
    wait_window(&app, "IV", 200_001, 210_000);
    go_to(&app, "IV:90-10");
    app.wait_until("document.querySelector('#locus-error').textContent.length > 0");
    assert!(app.text_of("#locus-error").contains("start before end"));
    go_to(&app, "NOT_A_GENE");
    app.wait_until("document.querySelector('#locus-error').textContent.includes('NOT_A_GENE')");
    assert_eq!(
        app.attr_of("#locus-input", "aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(window_of(&app), ("IV".into(), 200_001, 210_000));

    go_to(&app, "TFC3");
    app.wait_until("document.querySelector('#map-track').dataset.contig === 'I'");
    app.wait_until("document.querySelector('#locus-error').textContent === ''");
    let (_, s, e) = window_of(&app);
    assert!(s <= 147_594 && e >= 151_166 && e - s < 10_000, "{s}–{e}");
    // A gene-dense window: labelled arrows, the selected gene outlined, its card shown.
    app.wait_for("#map-track .gene[data-name='TFC3'] text");
    app.click("#map-track .gene[data-name='TFC3'] path");
    app.wait_for("#gene-card");
    assert!(app.text_of("#gene-card").contains("YAL001C"));
    app.wait_for("#map-track .selected-box");
    // Hovering a gene shows its description in the track's tooltip.
    let at = app.eval_js(
        "const r = document.querySelector(\"#map-track .gene[data-name='TFC3'] path\").getBoundingClientRect();
         return [r.left + r.width / 2, r.top + r.height / 2];",
    );
    app.cdp(
        "Input.dispatchMouseEvent",
        json!({"type": "mouseMoved", "x": at[0], "y": at[1], "buttons": 0}),
    );
    app.wait_until("(document.querySelector('#map-track .track-tip')?.textContent ?? '').includes('TFC3 (YAL001C)')");
    go_to(&app, "I:130,001-160,000");
    wait_window(&app, "I", 130_001, 160_000);
    app.wait_for("#map-track .selected-box");
    // Keyboard: the track is one Tab stop; ↓/↑ step through its labelled genes, Enter selects.
    assert_eq!(app.count("#map-track [data-gene][tabindex='0']"), 0);
    press(&app, TRACK, "ArrowDown");
    let first = app.eval_js("return document.activeElement.dataset.name ?? null;");
    assert!(
        first.is_string(),
        "↓ from the track focuses a gene: {first}"
    );
    press_focused(&app, "ArrowDown");
    let second = app.eval_js("return document.activeElement.dataset.name ?? null;");
    assert!(
        second.is_string() && second != first,
        "{first} then {second}"
    );
    press_focused(&app, "ArrowUp");
    assert_eq!(
        app.eval_js("return document.activeElement.dataset.name ?? null;"),
        first
    );
    press(&app, "#map-track .gene[data-name='VPS8']", "Enter");
    app.wait_until("document.querySelector('#gene-card').textContent.includes('YAL002W')");
    app.screenshot("map_gene_dense_window");

    // The overview: a contig's name shows all of it; a click on its bar goes to that position.
    app.click(".ov-contig[data-contig='XII'] .ov-name");
    app.wait_until("document.querySelector('#map-track').dataset.contig === 'XII'");
    assert_eq!(window_of(&app), ("XII".into(), 1, 1_078_177));
    app.screenshot("map_whole_chromosome_xii");
    let errors = app.js_errors();
    assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn zoom_and_pan_by_buttons_keys_wheel_and_drag() {
    let app = open_app();
    app.wait_for(SUMMARY);
    go_to(&app, "IV:400,001-480,000");
    wait_window(&app, "IV", 400_001, 480_000);

    // Buttons zoom by 2 about the centre.
    let before = window_of(&app);
    app.click("#zoom-in");
    let after = wait_changed(&app, &before);
    assert_eq!((after.1, after.2), (420_001, 460_000));
    app.click("#zoom-out");
    wait_window(&app, "IV", 400_001, 480_000);
    // So do + and - on the focused track.
    press(&app, TRACK, "+");
    wait_window(&app, "IV", 420_001, 460_000);
    press(&app, TRACK, "-");
    wait_window(&app, "IV", 400_001, 480_000);
    press(&app, TRACK, "-");
    wait_window(&app, "IV", 360_001, 520_000);
    assert_eq!(width_of(&app), 160_000);
    // Arrow keys pan by a fifth of the window.
    press(&app, TRACK, "ArrowRight");
    wait_window(&app, "IV", 392_001, 552_000);
    press(&app, TRACK, "ArrowLeft");
    wait_window(&app, "IV", 360_001, 520_000);
    // Focus stays on the track after keys.
    assert_eq!(
        app.eval_js("return document.activeElement && document.activeElement.id;"),
        json!("map-track")
    );

    // Dragging pans: 200 px to the right shows what was to the left.
    let rect = app.eval_js(
        "const el = document.querySelector('#map-track');
         const r = el.getBoundingClientRect();
         return [r.left, r.top, el.clientWidth];",
    );
    let (left, top, w) = (
        rect[0].as_f64().unwrap(),
        rect[1].as_f64().unwrap(),
        rect[2].as_f64().unwrap(),
    );
    let (x, y) = (left + w / 2.0, top + 20.0);
    let mouse = |kind: &str, x: f64, buttons: u8| {
        app.cdp(
            "Input.dispatchMouseEvent",
            json!({"type": kind, "x": x, "y": y, "button": "left", "buttons": buttons, "clickCount": 1}),
        );
    };
    let before = window_of(&app);
    mouse("mouseMoved", x, 0);
    mouse("mousePressed", x, 1);
    for step in 1..=10 {
        mouse("mouseMoved", x + 20.0 * f64::from(step), 1);
    }
    mouse("mouseReleased", x + 200.0, 0);
    let after = wait_changed(&app, &before);
    let expected = (200.0 * 160_000.0 / w).round() as i64;
    let moved = before.1 as i64 - after.1 as i64;
    assert!(
        (moved - expected).abs() <= 2,
        "dragged {moved} bases, expected {expected}"
    );
    assert_eq!(
        after.2 - after.1,
        before.2 - before.1,
        "a drag keeps the width"
    );
    assert!(!app.exists("#gene-card"), "a drag is not a click on a gene");

    // The wheel zooms about the pointer: the base under it stays under it.
    let before = window_of(&app);
    let fx = 0.25;
    let anchor_pos = before.1 as f64 - 1.0 + fx * (before.2 + 1 - before.1) as f64;
    app.cdp(
        "Input.dispatchMouseEvent",
        json!({"type": "mouseWheel", "x": left + fx * w, "y": y, "deltaX": 0, "deltaY": -100}),
    );
    let after = wait_changed(&app, &before);
    let new_w = (after.2 + 1 - after.1) as f64;
    assert!(
        new_w < (before.2 + 1 - before.1) as f64,
        "wheel up zooms in"
    );
    let anchored = after.1 as f64 - 1.0 + fx * new_w;
    assert!(
        (anchored - anchor_pos).abs() <= new_w / w * 2.0,
        "{anchored} vs {anchor_pos}"
    );
    let page_y = app.eval_js("return window.scrollY;");
    assert_eq!(
        page_y,
        json!(0),
        "the wheel over the track does not scroll the page"
    );

    // The overview: a click on IX's bar halfway down goes to the middle of IX.
    let before = window_of(&app);
    let bar = app.eval_js(
        "const r = document.querySelector(\".ov-contig[data-contig='IX'] .ov-bar\").getBoundingClientRect();
         return [r.left + r.width / 2, r.top + r.height / 2];",
    );
    for kind in ["mousePressed", "mouseReleased"] {
        app.cdp(
            "Input.dispatchMouseEvent",
            json!({"type": kind, "x": bar[0], "y": bar[1], "button": "left", "buttons": 1, "clickCount": 1}),
        );
    }
    let (c, s, e) = wait_changed(&app, &before);
    assert_eq!(c, "IX");
    let mid = (s + e) / 2;
    assert!(mid.abs_diff(439_888 / 2) < 439_888 / 20, "{s}–{e}");
    let errors = app.js_errors();
    assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn edits_overlaid_edited_axis_dark_mode_and_large_screens() {
    let app = open_with(&showcase_design());
    go_to(&app, "I:138,001-156,000");
    wait_window(&app, "I", 138_001, 156_000);
    app.wait_for("#map-track .edit.band.deletion");
    assert!(
        app.exists("#map-track .edit.band.replacement"),
        "EFB1::kanMX4"
    );
    assert!(app.exists("#map-track .edit.insertion"));
    assert!(app.exists("#map-track .gene.status-dropped[data-name='TFC3'] .strike"));
    assert!(app.exists("#map-track .gene.status-trimmed[data-name='SSA1']"));
    assert!(app.exists("#map-track .gene.status-disrupted[data-name='VPS8']"));
    // The overview marks chromosome I.
    assert!(app.count(".ov-contig[data-contig='I'] .ov-mark") >= 1);
    assert_eq!(app.count(".ov-contig[data-contig='II'] .ov-mark"), 0);
    app.screenshot("map_edits_overlaid");

    // The axis in edited coordinates: labels move, deleted positions are marked (issue 12: as
    // junctions in the edited genome drawn as such, no longer as "deleted" tick labels).
    let labels = |app: &Session| -> Vec<String> {
        serde_json::from_value(app.eval_js(
            "return [...document.querySelectorAll('#map-track .tick text')].map(t => t.textContent);",
        ))
        .unwrap()
    };
    let reference = labels(&app);
    assert!(reference.contains(&"140,000".to_owned()), "{reference:?}");
    app.click("#axis-edited");
    app.wait_until("document.querySelector('#map-track').classList.contains('edited-axis')");
    assert_eq!(
        app.attr_of("#axis-edited", "aria-pressed").as_deref(),
        Some("true")
    );
    app.wait_for("#map-track .junction");
    let edited = labels(&app);
    // The edited window keeps the reference window's width, so ticks stay evenly spaced (the old
    // axis relabelled reference ticks unevenly): equal steps between consecutive labels.
    let values: Vec<i64> = edited
        .iter()
        .map(|l| l.replace(',', "").parse().unwrap())
        .collect();
    assert!(values.len() >= 3, "{edited:?}");
    assert!(
        values
            .windows(2)
            .all(|w| w[1] - w[0] == values[1] - values[0]),
        "uneven ticks: {edited:?}"
    );
    assert!(
        edited.contains(&"140,000".to_owned()),
        "before any edit nothing moves: {edited:?}"
    );
    assert!(app.exists("#map-track .inserted"));
    app.screenshot("map_edits_edited_axis");
    app.click("#axis-reference");
    app.wait_until("!document.querySelector('#map-track').classList.contains('edited-axis')");
    assert_eq!(labels(&app), reference);
    no_horizontal_overflow(&app);

    // Dark mode.
    app.cdp(
        "Emulation.setEmulatedMedia",
        json!({"features": [{"name": "prefers-color-scheme", "value": "dark"}]}),
    );
    app.wait_until("matchMedia('(prefers-color-scheme: dark)').matches");
    app.click("#map-track .gene[data-name='VPS8'] path");
    app.wait_for("#gene-card");
    app.screenshot("map_edits_dark");

    // A large screen: the track follows its element's width.
    let w0 = app.eval_js("return document.querySelector('#map-track svg').getAttribute('width');");
    app.set_viewport(1920, 1080);
    app.wait_until(&format!(
        "document.querySelector('#map-track svg').getAttribute('width') !== {w0}"
    ));
    no_horizontal_overflow(&app);
    app.screenshot("map_edits_dark_1920");
    app.cdp("Emulation.setEmulatedMedia", json!({"features": []}));
    go_to(&app, "IV");
    app.wait_until("document.querySelector('#map-track').dataset.contig === 'IV'");
    app.screenshot("map_whole_iv_1920");
    let errors = app.js_errors();
    assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
}

/// Drives a sequence of zoom (wheel) and pan (arrow key) steps on the track, one per animation
/// frame, and times each from the input to after that frame's rendering.
const FRAMES_JS: &str = r#"
const done = arguments[arguments.length - 1];
const track = document.querySelector('#map-track');
const rect = track.getBoundingClientRect();
const steps = [];
for (let i = 0; i < 10; i++) steps.push({ kind: 'zoom', dy: -50, fx: 0.2 + 0.06 * i });
for (let i = 0; i < 10; i++) steps.push({ kind: 'pan', key: i < 6 ? 'ArrowRight' : 'ArrowLeft' });
for (let i = 0; i < 10; i++) steps.push({ kind: 'zoom', dy: 50, fx: 0.8 - 0.06 * i });
const out = { zoom: [], pan: [], windows: [] };
let i = 0;
const next = () => {
  if (i >= steps.length) { done(out); return; }
  requestAnimationFrame(() => {
    const s = steps[i++];
    const before = track.dataset.start + '-' + track.dataset.end;
    const t0 = performance.now();
    if (s.kind === 'zoom') {
      track.dispatchEvent(new WheelEvent('wheel', { deltaY: s.dy, clientX: rect.left + s.fx * rect.width,
        clientY: rect.top + 40, bubbles: true, cancelable: true }));
    } else {
      track.dispatchEvent(new KeyboardEvent('keydown', { key: s.key, bubbles: true, cancelable: true }));
    }
    // A task queued during the frame runs after its style, layout and paint.
    setTimeout(() => {
      out[s.kind].push(performance.now() - t0);
      const after = track.dataset.start + '-' + track.dataset.end;
      out.windows.push([before, after, track.querySelectorAll('.gene').length, track.querySelectorAll('.edit').length]);
      next();
    }, 0);
  });
};
next();
"#;

/// Clicks zoom buttons (which redraw at once, unlike a wheel gesture), one per frame, and times
/// each from the click to after that frame's rendering.
const REDRAW_JS: &str = r#"
const done = arguments[arguments.length - 1];
const track = document.querySelector('#map-track');
const steps = ['#zoom-in', '#zoom-in', '#zoom-in', '#zoom-out', '#zoom-out', '#zoom-out',
               '#zoom-in', '#zoom-in', '#zoom-out', '#zoom-out'];
const out = { redraw: [], scales: [] };
let i = 0;
const next = () => {
  if (i >= steps.length) { done(out); return; }
  requestAnimationFrame(() => {
    const button = document.querySelector(steps[i++]);
    const t0 = performance.now();
    button.click();
    setTimeout(() => {
      out.redraw.push(performance.now() - t0);
      out.scales.push([track.dataset.scale, !!track.querySelector('.scene.stretched')]);
      next();
    }, 0);
  });
};
next();
"#;

fn stats(v: &Value) -> (f64, f64, usize) {
    let mut xs: Vec<f64> = v
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_f64)
        .collect();
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    let median = if n == 0 {
        f64::NAN
    } else if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    };
    (median, xs.last().copied().unwrap_or(f64::NAN), n)
}

fn measure(app: &Session, label: &str) -> Value {
    go_to(app, "IV");
    app.wait_until("document.querySelector('#map-track').dataset.contig === 'IV'");
    app.wait_until("document.querySelector('#map-track').dataset.end === '1531933'");
    app.wait_for("#map-track .gene");
    let out = app.eval_js_async(FRAMES_JS);
    let windows = out["windows"].as_array().unwrap();
    assert_eq!(windows.len(), 30);
    let changed = windows.iter().filter(|w| w[0] != w[1]).count();
    assert!(changed >= 25, "the steps moved the view: {windows:?}");
    let (zm, zx, zn) = stats(&out["zoom"]);
    let (pm, px, pn) = stats(&out["pan"]);
    let mut all = out["zoom"].as_array().unwrap().clone();
    all.extend(out["pan"].as_array().unwrap().iter().cloned());
    let (am, ax, an) = stats(&Value::Array(all));
    assert_eq!((zn, pn, an), (20, 10, 30), "every frame was measured");
    // The wheel steps stretched the drawing; when the wheel rests it is redrawn at the new zoom.
    app.wait_until("!document.querySelector('#map-track .scene.stretched')");
    let redraws = app.eval_js_async(REDRAW_JS);
    let scales = redraws["scales"].as_array().unwrap();
    assert!(
        scales.windows(2).all(|w| w[0][0] != w[1][0]) && scales.iter().all(|s| s[1] == false),
        "each button zoom redraws at once: {scales:?}"
    );
    let (rm, rx, rn) = stats(&redraws["redraw"]);
    assert_eq!(rn, 10);
    let max_shapes = windows
        .iter()
        .map(|w| w[2].as_u64().unwrap_or(0) + w[3].as_u64().unwrap_or(0))
        .max();
    let r = json!({
        "label": label,
        "frames": an,
        "all_median_ms": (am * 10.0).round() / 10.0, "all_max_ms": (ax * 10.0).round() / 10.0,
        "zoom_median_ms": (zm * 10.0).round() / 10.0, "zoom_max_ms": (zx * 10.0).round() / 10.0,
        "pan_median_ms": (pm * 10.0).round() / 10.0, "pan_max_ms": (px * 10.0).round() / 10.0,
        "max_shapes_in_dom": max_shapes,
        "redraw_zoom_median_ms": (rm * 10.0).round() / 10.0, "redraw_zoom_max_ms": (rx * 10.0).round() / 10.0,
        "note": "wheel zoom frames stretch the drawing and redraw once the wheel rests (150 ms); button/key zooms redraw at once (redraw_zoom_*)",
    });
    eprintln!(
        "map frames, {label}: {r}\nzoom {}\npan {}\nwindows {}",
        out["zoom"], out["pan"], out["windows"]
    );
    r
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn frame_times_on_a_whole_chromosome_with_and_without_1000_edits() {
    let plain = {
        let app = open_app();
        app.wait_for(SUMMARY);
        let r = measure(&app, "chromosome IV, no edits");
        let errors = app.js_errors();
        assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
        r
    };
    let edited = {
        let app = open_with(&thousand_edits_design());
        let r = measure(&app, "chromosome IV, 1,000 edits on it");
        go_to(&app, "IV");
        app.wait_until("document.querySelector('#map-track').dataset.end === '1531933'");
        app.screenshot("map_whole_iv_1000_edits");
        // Zoomed in to 1/8 of IV (~125 edits in view): tiles that crowded draw shared paths
        // per kind, whose tooltips say how many edits they hold.
        go_to(&app, "IV:400,001-591,000");
        app.wait_for("#map-track .edit.band.shared");
        let title = app.eval_js(
            "return document.querySelector('#map-track .edit.band.shared title').textContent;",
        );
        let title = title.as_str().unwrap();
        assert!(title.contains("edits here"), "{title}");
        assert!(
            app.count("#map-track .edit") < 40,
            "a few shared groups, not an element per edit"
        );
        let errors = app.js_errors();
        assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
        // The same design drawn as the edited genome (issue 12): inserts and junctions instead of
        // the overlay.
        app.click("#axis-edited");
        app.wait_until("document.querySelector('#map-track').classList.contains('edited-axis')");
        let e = measure(&app, "chromosome IV, 1,000 edits on it, edited view");
        app.screenshot("map_whole_iv_1000_edits_edited_view");
        let errors = app.js_errors();
        assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
        (r, e)
    };
    let (edited, edited_view) = edited;
    let report = json!({ "no_edits": plain, "with_1000_edits": edited, "with_1000_edits_edited_view": edited_view });
    std::fs::create_dir_all(artifacts_dir()).unwrap();
    std::fs::write(
        artifacts_dir().join("timing_map.json"),
        serde_json::to_string_pretty(&report).unwrap() + "\n",
    )
    .unwrap();
}
