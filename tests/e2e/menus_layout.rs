//! End-to-end (issue 12 §3): menus, banners and layout that hold with a real design, at 1440×900
//! and 1024×700 — the Export menu on screen with a word on each file, Escape closing menus, a
//! one-row header, notices that give way, a short copied share link that carries the window, the
//! edit list and the composer's Confirm in view, every contig in the overview — and a user's genome
//! in its own contig order, with its own legend and a way back to S288C.

use crate::common;

use crate::support::app::{edits_are, no_horizontal_overflow, search};
use crate::support::{Session, artifacts_dir};
use genoforge::core::design::Design;
use genoforge::core::genetics::compose;
use genoforge::core::genetics::strain::strain;
use genoforge::core::genome::Genome;
use genoforge::core::genome::names::Lookup;
use genoforge::core::spec::{ReferenceSpec, export};
use genoforge::io::packed::pack;
use genoforge::io::spec_json;
use serde_json::{Value, json};

const SIZES: [(u32, u32); 2] = [(1440, 900), (1024, 700)];

fn genome() -> &'static Genome {
    &common::default_genome().genome
}

/// BY4741 and six deletions: a genotype string longer than any header.
fn long_design() -> Design {
    let g = genome();
    let mut d = Design::new();
    compose::set_background(g, &mut d, strain("BY4741").unwrap()).unwrap();
    for name in ["TFC3", "PHO5", "ADE2", "GAL1", "GAL10", "CAN1"] {
        let Lookup::Found(hit) = g.lookup(name) else {
            panic!("{name}")
        };
        compose::delete_gene(g, &mut d, hit.feature, None).unwrap();
    }
    d
}

fn link_fragment(d: &Design) -> String {
    let g = genome();
    let spec = export(
        g,
        d,
        &ReferenceSpec::of(g),
        "2026-01-01T00:00:00Z",
        &genoforge::core::genetics::essential::EssentialityTable::default(),
    );
    format!("#design={}", pack(spec_json::to_string(&spec).as_bytes()))
}

/// [left, top, right, bottom] of the first element matching `css`.
fn rect(app: &Session, css: &str) -> [f64; 4] {
    let v = app.eval_js_with(
        "const r = document.querySelector(arguments[0]).getBoundingClientRect();
         return [r.left, r.top, r.right, r.bottom];",
        vec![json!(css)],
    );
    let n = |i: usize| v[i].as_f64().unwrap();
    [n(0), n(1), n(2), n(3)]
}

fn in_viewport(app: &Session, css: &str, (w, h): (u32, u32)) -> bool {
    let [l, t, r, b] = rect(app, css);
    l >= 0.0 && t >= 0.0 && r <= f64::from(w) + 0.5 && b <= f64::from(h) + 0.5
}

fn notices(app: &Session) -> Vec<String> {
    serde_json::from_value(app.eval_js(
        "return [...document.querySelectorAll('.notices .notice')].map(n => n.textContent);",
    ))
    .unwrap()
}

fn press_escape(app: &Session) {
    for kind in ["keyDown", "keyUp"] {
        app.cdp(
            "Input.dispatchKeyEvent",
            json!({"type": kind, "key": "Escape", "code": "Escape", "windowsVirtualKeyCode": 27}),
        );
    }
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn menus_banners_and_layout_hold_with_a_real_design() {
    let d = long_design();
    let app = Session::start();
    app.goto(&format!("/{}", link_fragment(&d)));
    app.wait_for("#genome-summary");
    edits_are(&app, d.edits().len());
    // A narrow window (800 px): the Export menu on screen.
    app.set_viewport(800, 600);
    app.click("#export-menu > summary");
    app.wait_for("#export-menu[open] ul");
    assert!(
        in_viewport(&app, "#export-menu ul", (800, 600)),
        "800x600: menu at {:?}",
        rect(&app, "#export-menu ul")
    );
    app.screenshot("layout_export_menu_800x600");
    press_escape(&app);
    app.wait_until("!document.querySelector('#export-menu').open");
    for size in SIZES {
        let (w, h) = size;
        app.set_viewport(w, h);
        app.eval_js("window.scrollTo(0, 0); return 0;");
        let tag = format!("{w}x{h}");
        // The header is one row; the genotype is cut short, whole on hover.
        let header = rect(&app, ".topbar");
        assert!(header[3] - header[1] < 64.0, "{tag}: header {header:?}");
        let label = app.attr_of("#design-label", "title").unwrap_or_default();
        assert!(
            label.contains("can1Δ"),
            "{tag}: full genotype on hover: {label}"
        );
        no_horizontal_overflow(&app);
        // The Export menu opens on screen; every item says what the file is for.
        app.click("#export-menu > summary");
        app.wait_for("#export-menu[open] ul");
        assert!(
            in_viewport(&app, "#export-menu ul", size),
            "{tag}: menu at {:?}",
            rect(&app, "#export-menu ul")
        );
        // …whole, not a scrolled list (two columns where there is room).
        let scroll = app.eval_js(
            "const u = document.querySelector('#export-menu ul'); return [u.scrollHeight, u.clientHeight];",
        );
        assert!(
            scroll[0].as_f64() <= scroll[1].as_f64().map(|c| c + 1.0),
            "{tag}: the Export menu scrolls ({scroll})"
        );
        let items = app.count("#export-menu li button");
        assert!(items >= 6);
        assert_eq!(app.count("#export-menu li button .export-what"), items);
        app.screenshot(&format!("layout_export_menu_{tag}"));
        press_escape(&app);
        app.wait_until("!document.querySelector('#export-menu').open");
        // The overview shows every contig, Mito included.
        let map = rect(&app, "#map-overview");
        let last = rect(&app, ".ov-contig[data-contig='Mito']");
        assert!(
            last[2] <= map[2] + 0.5,
            "{tag}: Mito at {last:?}, overview {map:?}"
        );
        // …and every contig's name whole, not cut to "M…".
        let clipped = app.eval_js(
            "return [...document.querySelectorAll('#map-overview .ov-name')]\
             .filter(e => e.scrollWidth > e.clientWidth).map(e => e.textContent);",
        );
        assert_eq!(clipped, json!([]), "{tag}: contig names cut");
        // The edit list is a tab away, in view without scrolling.
        app.click("#side-tab-edits");
        app.wait_for("#edit-list");
        assert!(in_viewport(&app, "#edit-list .panel-head", size), "{tag}");
        assert_eq!(app.eval_js("return window.scrollY;"), json!(0));
        app.screenshot(&format!("layout_edit_list_{tag}"));
        // The composer's Confirm is in view with its preview.
        app.click("#side-tab-compose");
        search(&app, "ADE3");
        app.click("#composer-action-delete");
        app.wait_until("!document.querySelector('#composer-confirm').disabled");
        // It is scrolled into view on the frame after the preview is laid out.
        app.wait_until(
            "(() => { const r = document.querySelector('#composer-confirm').getBoundingClientRect(); \
             return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth; })()",
        );
        assert!(
            in_viewport(&app, "#composer-confirm", size),
            "{tag}: Confirm"
        );
        assert!(
            in_viewport(&app, "#preview-designation", size),
            "{tag}: preview"
        );
        app.screenshot(&format!("layout_composer_{tag}"));
        app.eval_js("window.scrollTo(0, 0); return 0;");
    }
    // (A closed menu's items are not drawn, but Chromium still lays them out — inside the
    // details' contained, clipped content box — so they are left out of the measures.)
    // Narrower — a 720 px window, a phone — the header still holds one row: Import, Share, Open
    // genome, Help and About go into the More menu (on a phone Designs too, and the brand and the
    // genome's name give way); nothing is cut or scrolls. The panels its items open are outside it.
    for (w, h) in [(720, 800), (375, 700)] {
        app.set_viewport(w, h);
        app.eval_js("window.scrollTo(0, 0); return 0;");
        let header = rect(&app, ".topbar");
        assert!(header[3] - header[1] < 64.0, "{w}x{h}: header {header:?}");
        let spread = app.eval_js(
            "const c = [...document.querySelectorAll('.topbar > *, .topbar-actions > *')]\
             .filter(e => e.getBoundingClientRect().width > 0 && getComputedStyle(e).position !== 'absolute')\
             .map(e => { const r = e.getBoundingClientRect(); return (r.top + r.bottom) / 2; });\
             return Math.max(...c) - Math.min(...c);",
        );
        assert!(
            spread.as_f64().unwrap() <= 4.0,
            "{w}x{h}: the header wraps ({spread})"
        );
        let cut = app.eval_js(
            "const right = document.querySelector('.topbar').getBoundingClientRect().right;\
             const closed = e => { const d = e.closest('details'); return !!d && !d.open && !e.closest('summary'); };\
             return [...document.querySelectorAll('.topbar button, .topbar summary, .topbar label')]\
             .filter(b => !closed(b) && b.getBoundingClientRect().width > 0 && b.getBoundingClientRect().right > right + 0.5)\
             .map(b => b.textContent);",
        );
        assert_eq!(cut, json!([]), "{w}x{h}: header buttons cut");
        let shown = |css: &str| {
            app.eval_js_with(
                "const e = document.querySelector(arguments[0]); return !!e && e.getBoundingClientRect().width > 0;",
                vec![json!(css)],
            ) == json!(true)
        };
        assert!(
            !shown("#help-button") && !shown("#share-link") && !shown("#about-button"),
            "{w}x{h}"
        );
        assert_eq!(shown("#designs-button"), w > 600, "{w}x{h}: Designs");
        app.click("#more-menu > summary");
        for item in [
            "#more-import",
            "#more-share",
            "#more-open",
            "#more-help",
            "#more-about",
        ] {
            assert!(shown(item), "{w}x{h}: {item} in the More menu");
        }
        assert_eq!(
            shown("#more-designs"),
            w < 600,
            "{w}x{h}: Designs in the More menu"
        );
        let menu = rect(&app, "#more-menu ul");
        assert!(
            menu[0] >= 0.0 && menu[2] <= f64::from(w),
            "{w}x{h}: More menu {menu:?}"
        );
        app.screenshot(&format!("layout_more_menu_{w}x{h}"));
        // Help from the menu: the menu closes, the panel opens (outside the menu), Escape closes it.
        app.click("#more-help");
        app.wait_until("!!document.querySelector('#help-panel')");
        assert_eq!(
            app.eval_js("return [document.querySelector('#more-menu').open, !!document.querySelector('#help-panel').closest('#more-menu')];"),
            json!([false, false]),
            "{w}x{h}"
        );
        assert!(
            in_viewport(&app, "#help-panel .panel-head", (w, h)),
            "{w}x{h}: help panel"
        );
        app.screenshot(&format!("layout_more_help_{w}x{h}"));
        press_escape(&app);
        app.wait_until("!document.querySelector('#help-panel')");
        // Escape closes the menu itself too.
        app.click("#more-menu > summary");
        press_escape(&app);
        app.wait_until("!document.querySelector('#more-menu').open");
        // Nor does the page scroll sideways, whichever lower tab is open (at 375 px the tabs
        // themselves were 484 px wide in one row; they wrap now, as do the Datasets tab's
        // segmented choices).
        let open_tab = app
            .eval_js("return '#' + document.querySelector('.tabs [aria-selected=\"true\"]').id;");
        let open_tab = open_tab.as_str().unwrap().to_owned();
        for tab in [
            "#tab-coordinates",
            "#tab-sequence",
            "#tab-datasets",
            "#tab-genome",
        ] {
            app.click(tab);
            app.wait_until(&format!(
                "document.querySelector('{tab}').getAttribute('aria-selected') === 'true'"
            ));
            if tab == "#tab-datasets" {
                app.wait_for("#dataset-registry");
            }
            no_horizontal_overflow(&app);
            if w < 600 {
                app.screenshot(&format!("layout_{}_{w}x{h}", &tab[5..]));
            }
        }
        app.click(&open_tab);
        app.screenshot(&format!("layout_header_{w}x{h}"));
    }
    // (1440 px: the header's Share button shows; below 66rem it is in the More menu.)
    let (w, h) = SIZES[0];
    app.set_viewport(w, h);

    // Notices: a success gives way to the next action; an Undo leaves no "Applied …".
    app.click("#composer-confirm");
    edits_are(&app, d.edits().len() + 1);
    app.click("#side-tab-edits");
    app.click("#edit-undo");
    edits_are(&app, d.edits().len());
    app.wait_until("!document.querySelector('#composer-applied')");
    assert!(
        notices(&app).iter().all(|n| !n.contains("Applied")),
        "{:?}",
        notices(&app)
    );
    // At most a few notices at once, however many messages.
    // (The linked design is where undo starts, so redo then undo; each step awaited.)
    for _ in 0..6 {
        app.click("#edit-redo");
        edits_are(&app, d.edits().len() + 1);
        app.click("#edit-undo");
        edits_are(&app, d.edits().len());
    }
    app.click("#share-link");
    app.click("#share-link");
    assert!(app.count(".notices .notice") <= 3, "{:?}", notices(&app));
    // An error of the Go-to box clears when its next input succeeds.
    app.clear("#locus-input");
    app.type_into("#locus-input", "NOT_A_GENE");
    app.click(".locus-form button[type=submit]");
    app.wait_until("document.querySelector('#locus-error').textContent.includes('NOT_A_GENE')");
    app.clear("#locus-input");
    app.type_into("#locus-input", "II:10,001-30,000");
    app.click(".locus-form button[type=submit]");
    app.wait_until("document.querySelector('#locus-error').textContent === ''");

    // The share link is copied and shown short; it carries the window, and the axis when it
    // shows edited coordinates.
    app.click("#axis-edited");
    app.click("#share-link");
    app.wait_until("[...document.querySelectorAll('.notice')].some(n => /Link copied \\(\\d+(\\.\\d)? kB\\)/.test(n.textContent))");
    let shown = notices(&app);
    assert!(shown.iter().all(|n| n.len() < 200), "{shown:?}");
    app.click(".notice button.notice-show-link");
    let link = app
        .eval_js("return document.querySelector('#share-link-text').value;")
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        link.contains("#design=")
            && link.contains("II:10001-30000")
            && link.ends_with("&axis=edited"),
        "{link}"
    );
    app.screenshot("layout_share_link");
    let fresh = Session::start();
    let fragment = link.split_once('#').unwrap().1;
    fresh.goto(&format!("/#{fragment}"));
    fresh.wait_for("#genome-summary");
    edits_are(&fresh, d.edits().len());
    fresh.wait_until("document.querySelector('#map-track')?.dataset.contig === 'II'");
    assert_eq!(
        fresh.attr_of("#map-track", "data-start").as_deref(),
        Some("10001")
    );
    assert_eq!(
        fresh.attr_of("#axis-edited", "aria-pressed").as_deref(),
        Some("true"),
        "the link opens with the axis it was shared with"
    );
    let errors = app.js_errors();
    assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
}

/// A small genome of ten contigs I…X written sorted as text (I, II, III, IV, IX, V, …), as a
/// sorting tool leaves a file: one GFF3 with its sequences after `##FASTA`, each contig with one
/// gene.
fn text_sorted_genome() -> String {
    let mut names = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
        .iter()
        .enumerate()
        .collect::<Vec<_>>();
    names.sort_by_key(|(_, n)| **n);
    let mut gff = String::from("##gff-version 3\n");
    for (i, n) in &names {
        gff.push_str(&format!("##sequence-region {n} 1 {}\n", 3_000 + 500 * i));
    }
    for (i, n) in &names {
        gff.push_str(&format!(
            "{n}\ttest\tgene\t1001\t2000\t.\t+\t.\tID=gene{i};Name=G{i}\n"
        ));
    }
    gff.push_str("##FASTA\n");
    for (i, n) in &names {
        gff.push_str(&format!(">{n}\n{}\n", "ACGT".repeat((3_000 + 500 * i) / 4)));
    }
    gff
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn a_users_genome_keeps_its_contig_order_its_legend_and_a_way_back() {
    let app = Session::start();
    app.goto("/");
    app.wait_for("#genome-summary");
    let dir = artifacts_dir().join("karyotype");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("ten.gff3"), text_sorted_genome()).unwrap();
    app.click(".open-button");
    app.type_into("#open-gff", dir.join("ten.gff3").to_str().unwrap());
    app.wait_until("!document.querySelector('.open-panel button.primary').disabled");
    app.click(".open-panel button.primary");
    app.wait_until("document.querySelectorAll('#map-overview .ov-contig').length === 10");
    let order: Vec<String> = serde_json::from_value(app.eval_js(
        "return [...document.querySelectorAll('#map-overview .ov-contig')].map(c => c.dataset.contig);",
    ))
    .unwrap();
    assert_eq!(
        order,
        ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    );
    // The legend names the classes this genome has, not SGD's ORF classes.
    let legend: Value = app.eval_js(
        "return [...document.querySelectorAll('.map-legend [aria-label=\"Gene colours\"] li')].map(l => l.textContent);",
    );
    let legend: Vec<String> = serde_json::from_value(legend).unwrap();
    assert!(!legend.iter().any(|l| l.contains("verified")), "{legend:?}");
    assert!(
        legend.iter().any(|l| l.contains("protein-coding")),
        "{legend:?}"
    );
    app.screenshot("user_genome_karyotype_order");
    // Back to the bundled reference without reloading.
    app.eval_js("window.__sameDocument = true; return 0;");
    app.click(".open-button");
    app.click("#open-default");
    app.wait_until("document.querySelectorAll('#map-overview .ov-contig').length === 17");
    assert_eq!(app.text_of("#total-length"), "12,157,105");
    assert_eq!(
        app.eval_js("return window.__sameDocument === true;"),
        json!(true)
    );
    let errors = app.js_errors();
    assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
}

/// The overview's contig labels as shown: for each contig, its name, the label's text if it is
/// visible (`null` when left out), whether that text is cut, and its tooltip and accessible name.
fn overview_labels(app: &Session) -> Vec<Value> {
    let labels = app.eval_js(
        "return [...document.querySelectorAll('#map-overview .ov-contig')].map(c => {
           const b = c.querySelector('.ov-name');
           const shown = [...b.querySelectorAll('*'), b].every(e => getComputedStyle(e).visibility !== 'hidden' && getComputedStyle(e).display !== 'none')
             && b.innerText.trim() !== '';
           return { name: c.dataset.contig, text: shown ? b.innerText.trim() : null,
                    cut: shown && b.scrollWidth > b.clientWidth + 0.5,
                    title: b.title ?? '', label: b.getAttribute('aria-label') ?? '' };
         });",
    );
    serde_json::from_value(labels).unwrap()
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn overview_labels_are_whole_contig_names_or_left_out_at_375_and_1440() {
    let app = Session::start();
    app.goto("/");
    app.wait_for("#genome-summary");
    app.wait_until("document.querySelectorAll('#map-overview .ov-contig').length === 17");
    for (w, h) in [(375, 812), (1440, 900)] {
        app.set_viewport(w, h);
        std::thread::sleep(std::time::Duration::from_millis(400));
        app.screenshot(&format!("overview_labels_{w}"));
        let labels = overview_labels(&app);
        assert_eq!(labels.len(), 17, "{w}px");
        for l in &labels {
            let name = l["name"].as_str().unwrap();
            // Never a cut name ("I" of "III"): a label shown is the whole name, fully in view.
            if let Some(text) = l["text"].as_str() {
                assert_eq!(text, name, "{w}px: {l}");
                assert_eq!(l["cut"], json!(false), "{w}px: {l}");
            }
            // The whole name stays in the tooltip and the accessible name.
            assert!(
                l["title"].as_str().unwrap().contains(name)
                    && l["label"].as_str().unwrap().contains(name),
                "{w}px: {l}"
            );
        }
        let shown = labels.iter().filter(|l| l["text"].is_string()).count();
        if w == 1440 {
            assert_eq!(shown, 17, "every name at 1440 px: {labels:?}");
        } else {
            // At a phone's width the short names still show (I, V, X), the others give way.
            assert!(shown >= 3, "{w}px: {labels:?}");
        }
    }
    let errors = app.js_errors();
    assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
}
