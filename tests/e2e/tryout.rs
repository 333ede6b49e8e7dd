//! End-to-end (issue 12, the final build tried as a new user at 1440×900 and 1024×700): notices
//! as an overlay that never moves the map, success notices superseded by the next action and a
//! previous genome's errors gone with it, the composer's Confirm on screen with its preview,
//! About's tables within the dialog, the gene card's edited location, inserted parts coloured by
//! their kind, search in edited coordinates, and the minor findings (tagging a deleted gene,
//! plurals, alias words, contig aliases, the datasets registry, the edit list's height, edit
//! numbers from 1).

use serde_json::{Value, json};

use crate::common;
use crate::support::app::{
    at_both_sizes, cassette_library, confirm, edits_are, in_viewport, notice_with, notices,
    open_from_header, open_own_genome, open_with_design, pick_kind, ready_deletion,
    ready_gene_edit, rect, search, set_value, show_compose, show_edits,
};
use crate::support::{Session, artifacts_dir, open_app};
use genoforge::core::design::Design;
use genoforge::core::edit::Terminus;
use genoforge::core::genetics::compose::{apply, plan_delete_gene};
use genoforge::core::genetics::tag::plan_tag;
use genoforge::core::genome::Genome;

fn genome() -> &'static Genome {
    &common::default_genome().genome
}

/// PHO5 tagged at its C terminus with GFP(S65T)-kanMX6 (chromosome II), and CAN1 deleted (V).
fn tagged_design() -> Design {
    let g = genome();
    let lib = cassette_library();
    let mut d = Design::new();
    let (plan, _) = plan_tag(
        g,
        common::gene(g, "PHO5"),
        lib.get("GFP(S65T)-kanMX6").unwrap(),
        Terminus::C,
    )
    .unwrap();
    apply(g, &mut d, plan).unwrap();
    let plan = plan_delete_gene(g, common::gene(g, "CAN1"), None);
    apply(g, &mut d, plan).unwrap();
    d
}

/// Imports a spec file that is not one (JSON of the wrong shape): an error notice naming it.
fn import_broken(app: &Session, name: &str) {
    let dir = artifacts_dir().join("tryout");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, format!("{{\"not a spec\": \"{name}\"}}")).unwrap();
    app.type_into("#import-spec", path.to_str().unwrap());
    notice_with(app, name);
}

/// The visible elements matching `css` whose centre is covered by another element: their ids
/// (or classes, or tags).
fn covered(app: &Session, css: &str) -> Value {
    app.eval_js_with(
        "return [...document.querySelectorAll(arguments[0])].filter(e => {
           const r = e.getBoundingClientRect();
           if (r.width === 0 || e.matches('.visually-hidden') || r.bottom > window.innerHeight || r.right > window.innerWidth) return false;
           const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
           return !(at && (e.contains(at) || at.contains(e)));
         }).map(e => e.id || e.className || e.tagName);",
        vec![json!(css)],
    )
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn notices_float_over_the_page_and_never_move_the_map() {
    let app = open_app();
    app.wait_for("#genome-summary");
    app.wait_for("#map-track .gene");
    at_both_sizes(&app, |w, h| {
        app.eval_js(
            "document.querySelectorAll('.notice .dismiss').forEach(b => b.click()); return 0;",
        );
        app.wait_until("document.querySelectorAll('.notice').length === 0");
        let before = rect(&app, "#map-track");
        for n in 1..=3 {
            import_broken(&app, &format!("broken{n}_{w}.json"));
        }
        assert_eq!(notices(&app).len(), 3, "{:?}", notices(&app));
        app.screenshot(&format!("tryout_three_notices_{w}x{h}"));
        let after = rect(&app, "#map-track");
        assert_eq!(before, after, "the track moved at {w}×{h}");
        // Under the header, not over its controls.
        let header = rect(&app, ".topbar");
        let list = rect(&app, ".notices");
        assert!(
            list[1] >= header[3] - 0.5,
            "notices {list:?} over the header {header:?}"
        );
        assert_eq!(
            covered(&app, ".topbar-actions > *, .topbar summary"),
            json!([]),
            "header controls under a notice at {w}×{h}"
        );
        // Nor over the map's controls: more notices scroll within their list.
        assert_eq!(
            covered(&app, ".map-controls button, .map-controls input"),
            json!([]),
            "map controls under a notice at {w}×{h}"
        );
        // Nor over the contig overview: no notice's box meets it.
        let overview = rect(&app, "#map-overview");
        let over = app.eval_js_with(
            "const o = arguments[0];
             return [...document.querySelectorAll('.notices .notice')].map(n => n.getBoundingClientRect())
               .filter(r => r.left < o[2] && r.right > o[0] && r.top < o[3] && r.bottom > o[1])
               .map(r => [r.left, r.top, r.right, r.bottom]);",
            vec![json!(overview)],
        );
        assert_eq!(
            over,
            json!([]),
            "notices over the overview {overview:?} at {w}×{h}"
        );
        // The Export menu opens over the notices.
        app.click("#export-menu > summary");
        app.wait_for("#export-menu[open] ul");
        app.screenshot(&format!("tryout_export_over_notices_{w}x{h}"));
        assert_eq!(
            covered(&app, "#export-menu li button"),
            json!([]),
            "at {w}×{h}"
        );
        app.click("#export-menu > summary");
        // Each notice can be dismissed.
        app.click(".notice .dismiss");
        app.wait_until("document.querySelectorAll('.notice').length === 2");
    });
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn a_success_notice_goes_with_the_next_action_and_errors_with_their_genome() {
    let app = open_app();
    app.wait_for("#genome-summary");
    ready_deletion(&app, "CAN1", None);
    confirm(&app, "#composer-confirm", 1);
    // The message names the edit by the number the list shows.
    notice_with(&app, "Applied can1Δ (edit #1)");
    show_edits(&app);
    let first = app.text_of("#edit-list .edit-row");
    assert!(first.contains("#1 "), "{first}");
    assert!(!first.contains("#0"), "{first}");
    // Picking an edit kind is the next action.
    show_compose(&app);
    search(&app, "PHO5");
    pick_kind(&app, "c-tag");
    app.wait_until(
        "![...document.querySelectorAll('.notice')].some(n => n.textContent.includes('Applied'))",
    );
    // A gene edit's notice, then typing in the composer.
    app.wait_for("#gene-edit-designation");
    confirm(&app, "#gene-edit-confirm", 2);
    notice_with(&app, "(edit #2)");
    assert!(
        !notices(&app).iter().any(|n| n.contains("(s)")),
        "{:?}",
        notices(&app)
    );
    search(&app, "GAL4");
    pick_kind(&app, "point");
    app.type_into("#gene-edit-change", "K");
    app.wait_until(
        "![...document.querySelectorAll('.notice')].some(n => n.textContent.includes('Added'))",
    );

    // An import error belongs to the genome it was made on.
    import_broken(&app, "not_a_spec.json");
    open_own_genome(
        &app,
        "tryout",
        "mine",
        "##gff-version 3\nchrA\ttest\tgene\t101\t900\t.\t+\t.\tID=g1;Name=GONE1\n",
        &format!(">chrA\n{}\n", "ACGT".repeat(500)),
        1,
    );
    app.screenshot("tryout_genome_switched");
    let left: Vec<String> = notices(&app)
        .into_iter()
        .filter(|n| n.contains("not_a_spec"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn confirm_is_on_screen_with_the_preview() {
    let app = open_app();
    app.wait_for("#genome-summary");
    at_both_sizes(&app, |w, h| {
        ready_deletion(&app, "ADE2", None);
        app.screenshot(&format!("tryout_confirm_deletion_{w}x{h}"));
        assert!(
            in_viewport(&app, "#composer-confirm"),
            "deletion at {w}×{h}"
        );
        assert!(
            in_viewport(&app, "#preview-designation"),
            "deletion at {w}×{h}"
        );
        ready_gene_edit(
            &app,
            Some("PHO5"),
            "c-tag",
            |_| {},
            "PHO5-GFP(S65T)::kanMX6",
        );
        app.screenshot(&format!("tryout_confirm_ctag_{w}x{h}"));
        assert!(in_viewport(&app, "#gene-edit-confirm"), "C-tag at {w}×{h}");
        assert!(
            in_viewport(&app, "#gene-edit-designation"),
            "C-tag at {w}×{h}"
        );
        ready_gene_edit(
            &app,
            Some("GAL80"),
            "promoter",
            |app| {
                app.clear("#gene-edit-promoter-name");
                app.type_into("#gene-edit-promoter-name", "TEF1");
                crate::support::app::up_to_previous_feature(app);
            },
            "pTEF1-GAL80",
        );
        app.screenshot(&format!("tryout_confirm_promoter_{w}x{h}"));
        assert!(
            in_viewport(&app, "#gene-edit-confirm"),
            "promoter at {w}×{h}"
        );
        assert!(
            in_viewport(&app, "#gene-edit-designation"),
            "promoter at {w}×{h}"
        );
    });
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn abouts_tables_stay_inside_the_dialog() {
    let app = open_app();
    app.wait_for("#genome-summary");
    at_both_sizes(&app, |w, h| {
        open_from_header(&app, "#about-button", "#more-about");
        app.wait_for("#about-panel table");
        app.screenshot(&format!("tryout_about_{w}x{h}"));
        let out = app.eval_js(
            "const p = document.querySelector('#about-panel');
             const r = p.getBoundingClientRect();
             const right = r.left + p.clientLeft + p.clientWidth;
             return [...p.querySelectorAll('*')].filter(e => {
               const b = e.getBoundingClientRect();
               return b.width > 0 && (b.right > right + 0.5 || b.left < r.left - 0.5);
             }).map(e => e.tagName + ':' + e.textContent.slice(0, 30));",
        );
        assert_eq!(out, json!([]), "out of the About dialog at {w}×{h}");
        // Closed by its toggle (the header's button, hidden at 1024 px but the same control).
        app.eval_js("document.querySelector('#about-button').click(); return 0;");
        app.wait_until("!document.querySelector('#about-panel')");
    });
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn edited_mode_shows_the_tagged_gene_whole_in_its_edited_place_and_colours() {
    use genoforge::core::lift::Lifted;
    let g = genome();
    let d = tagged_design();
    let lifted = Lifted::new(g, &d);
    let app = open_with_design(&d);
    app.set_viewport(1440, 900);
    app.click("#axis-edited");
    app.wait_until(
        "document.querySelector('#axis-edited')?.getAttribute('aria-pressed') === 'true'",
    );
    search(&app, "PHO5");
    app.wait_for("#map-track .inserted.cds");
    app.screenshot("tryout_edited_pho5");
    // The whole gene and its tag inside the track's window.
    let track = rect(&app, "#map-track");
    let shapes = app.eval_js(
        "return [...document.querySelectorAll('#map-track .gene[data-name=\"PHO5\"] path, #map-track .inserted path')]
           .map(p => { const r = p.getBoundingClientRect(); return [r.left, r.right]; });",
    );
    let shapes: Vec<[f64; 2]> = serde_json::from_value(shapes).unwrap();
    assert!(shapes.len() >= 2, "{shapes:?}");
    for [l, r] in shapes {
        assert!(
            l >= track[0] - 0.5 && r <= track[2] + 0.5,
            "{l}–{r} outside {track:?}"
        );
    }
    // GFP is drawn in its own colour, not the dubious ORFs' grey.
    let fills = app.eval_js(
        "const svg = document.querySelector('#map-track svg');
         const ns = 'http://www.w3.org/2000/svg';
         const probe = document.createElementNS(ns, 'g');
         probe.setAttribute('class', 'gene dubious');
         probe.appendChild(document.createElementNS(ns, 'path'));
         svg.appendChild(probe);
         const dubious = getComputedStyle(probe.firstChild).fill;
         probe.remove();
         const gfp = [...document.querySelectorAll('#map-track .inserted')]
           .find(e => (e.dataset.name || '').startsWith('GFP'));
         return [dubious, gfp ? getComputedStyle(gfp.querySelector('path')).fill : null,
                 [...document.querySelectorAll('.map-legend li')].map(l => l.textContent)];",
    );
    assert!(!fills[1].is_null(), "no GFP part drawn: {fills}");
    assert_ne!(fills[0], fills[1], "GFP in the dubious ORFs' colour");
    let legend = fills[2].to_string();
    assert!(
        legend.contains("tag") && legend.contains("marker"),
        "{legend}"
    );
    // The card gives the edited location too: PHO5 fused, CAN1 deleted.
    let pho5 = lifted.feature(common::gene(g, "PHO5")).span.unwrap();
    let edited = app.text_of("#gene-edited-locus");
    let want = format!("II:{pho5} (fused)");
    assert!(edited.contains(&want), "{edited} lacks {want}");
    search(&app, "CAN1");
    app.wait_until(
        "(document.querySelector('#gene-edited-locus')?.textContent ?? '').includes('deleted')",
    );
    app.screenshot("tryout_edited_can1_card");
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn minor_findings() {
    let app = open_app();
    app.set_viewport(1440, 900);
    app.wait_for("#genome-summary");
    // A gene deleted in the design is not offered for tagging.
    ready_deletion(&app, "PHO5", None);
    confirm(&app, "#composer-confirm", 1);
    search(&app, "PHO5");
    pick_kind(&app, "c-tag");
    app.wait_for("#gene-edit-refusal");
    let why = app.text_of("#gene-edit-refusal");
    assert!(why.contains("edit #1") && why.contains("pho5Δ"), "{why}");
    assert!(!app.exists("#gene-edit-confirm:not([disabled])"));
    app.screenshot("tryout_tag_deleted_gene");

    // A description or alias word is listed, never jumped to.
    show_compose(&app);
    app.clear("#gene-search");
    app.type_into("#gene-search", "phosphatase");
    app.click("form.search button[type=submit]");
    // The counts are information, not an error; a protein name (PSR1's "phosphatase" in SGD's
    // alias column) is a description match, never labelled or ranked as an alias.
    app.wait_for(".search-note");
    assert!(!app.exists(".not-found"));
    assert!(
        !app.text_of(".search-note").contains("alias"),
        "{}",
        app.text_of(".search-note")
    );
    assert!(
        app.text_of("#gene-card").contains("PHO5"),
        "the card left PHO5: {}",
        app.text_of("#gene-card")
    );
    assert!(app.text_of("#gene-card-before").contains("PHO5"));
    assert!(app.count("#search-results li") > 1);
    let kinds = app.eval_js(
        "return [...document.querySelectorAll('#search-results li')].map(l => [l.dataset.name, l.dataset.match, l.textContent]);",
    );
    let kinds = kinds.as_array().unwrap();
    assert!(
        kinds
            .iter()
            .all(|k| k[1] == "description" && !k[2].as_str().unwrap().contains("alias")),
        "{kinds:?}"
    );
    assert!(kinds.iter().any(|k| k[0] == "PSR1"), "{kinds:?}");
    app.screenshot("tryout_phosphatase_listed");

    // Contig aliases break between identifiers only.
    app.set_viewport(1024, 700);
    app.click("#tab-genome");
    app.wait_for("#genome-summary .aliases");
    let split = app.eval_js(
        "return [...document.querySelectorAll('#genome-summary .aliases .alias')]
           .filter(a => a.getClientRects().length > 1).map(a => a.textContent);",
    );
    assert!(app.count("#genome-summary .aliases .alias") > 10);
    assert_eq!(split, json!([]), "identifiers broken mid-word");
    app.screenshot("tryout_contig_aliases_1024x700");

    // The datasets registry fits its box at 1440 px.
    app.set_viewport(1440, 900);
    app.click("#tab-datasets");
    app.wait_for("#dataset-registry tbody tr");
    let fit = app.eval_js(
        "const w = document.querySelector('.registry-wrap'); return [w.scrollWidth, w.clientWidth];",
    );
    app.screenshot("tryout_registry_1440x900");
    assert!(
        fit[0].as_f64() <= fit[1].as_f64(),
        "the registry scrolls sideways: {fit}"
    );
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn the_edit_list_grows_to_the_room_there_is() {
    let app = open_app();
    app.wait_for("#genome-summary");
    show_compose(&app);
    set_value(
        &app,
        "#gene-list-input",
        "CAN1 ADE2 LYS2 TRP1 URA3 LEU2 HIS3 MET15 PHO5 PHO3 GAL80 GAL4 GAL1 GAL10 GAL7 ARG4 ADE1 ADE3 LYS1 THR4 SER1 CYS3 FUR1 TRP5 HIS4 LEU1 ILV1 ARO1 PRO1 MET2",
    );
    app.wait_until("document.querySelector('#gene-list-summary')?.dataset.resolved === '30'");
    app.click("#gene-list-delete");
    edits_are(&app, 30);
    show_edits(&app);
    at_both_sizes(&app, |w, h| {
        app.eval_js("window.scrollTo(0, 0); return 0;");
        std::thread::sleep(std::time::Duration::from_millis(100));
        let scroll = rect(&app, "#edit-list .edit-scroll");
        app.screenshot(&format!("tryout_edit_list_{w}x{h}"));
        let height = scroll[3] - scroll[1];
        if w == 1440 {
            assert!(height > 400.0, "the edit list is {height} px at {w}×{h}");
        }
        assert!(
            scroll[3] <= f64::from(h) + 0.5,
            "the edit list ends at {} of {h}",
            scroll[3]
        );
    });
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn an_import_error_and_the_composers_applied_go_when_the_next_import_succeeds() {
    use genoforge::core::spec::{ReferenceSpec, export};
    let app = open_app();
    app.wait_for("#genome-summary");
    ready_deletion(&app, "CAN1", None);
    confirm(&app, "#composer-confirm", 1);
    app.wait_for("#composer-applied");
    import_broken(&app, "not_a_spec.json");
    let g = genome();
    let spec = export(
        g,
        &Design::new(),
        &ReferenceSpec::of(g),
        "2026-01-01T00:00:00Z",
        &genoforge::core::genetics::essential::EssentialityTable::default(),
    );
    let path = artifacts_dir()
        .join("tryout")
        .join("empty.genotype-spec.json");
    std::fs::write(&path, genoforge::io::spec_json::to_string(&spec)).unwrap();
    app.type_into("#import-spec", path.to_str().unwrap());
    notice_with(
        &app,
        "Replaced 1 edit by 0 edits from empty.genotype-spec.json",
    );
    // The composer's "Applied can1Δ" was about the design the import replaced.
    app.wait_until("!document.querySelector('#composer-applied')");
    assert!(
        !notices(&app).iter().any(|n| n.contains("was not imported")),
        "{:?}",
        notices(&app)
    );
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn edit_rows_show_whole_coordinates_at_1440() {
    // The last gene of IV (past 1.5 Mb) replaced by kanMX4: the longest coordinates of the genome.
    let g = genome();
    let iv = g.contig_by_name("IV").unwrap();
    let last = g
        .genes()
        .filter(|&f| g.feature(f).contig == iv && g.feature(f).parents.is_empty())
        .filter(|&f| {
            plan_delete_gene(g, f, cassette_library().get("kanMX4"))
                .requests
                .len()
                == 1
        })
        .max_by_key(|&f| g.extent(f).start())
        .unwrap();
    let mut d = Design::new();
    apply(
        g,
        &mut d,
        plan_delete_gene(g, last, cassette_library().get("kanMX4")),
    )
    .unwrap();
    let app = open_with_design(&d);
    app.set_viewport(1440, 900);
    show_edits(&app);
    app.wait_for("#edit-list .edit-row .edit-coords .edited");
    std::thread::sleep(std::time::Duration::from_millis(150));
    app.screenshot("tryout_edit_row_coordinates_1440x900");
    let spans = app.eval_js(
        "return [...document.querySelectorAll('#edit-list .edit-row .edit-coords span')]
           .map(s => [s.textContent, s.scrollWidth, s.clientWidth]);",
    );
    let spans = spans.as_array().unwrap();
    assert_eq!(spans.len(), 2, "{spans:?}");
    let reference = spans[0][0].as_str().unwrap();
    assert!(reference.contains("IV:1,5"), "{reference}");
    for s in spans {
        assert!(
            s[1].as_f64() <= s[2].as_f64(),
            "coordinates cut short: {s:?}"
        );
    }
}
