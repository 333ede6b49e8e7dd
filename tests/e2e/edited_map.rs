//! End-to-end (issue 12 §1): the "Edited" view draws the edited genome — inserted and replacing
//! sequences as features of their own with their cassette parts, downstream genes at their
//! lifted positions under evenly spaced ticks, deleted spans as junction marks — and an inserted
//! feature is selected like a gene. Reference mode keeps the overlay of edits.

use crate::common;

use crate::support::Session;
use crate::support::app::{
    cassette_library, choose, confirm, no_horizontal_overflow, open_with_design, press,
    show_compose,
};
use genoforge::core::coord::{Pos, Span};
use genoforge::core::design::Design;
use genoforge::core::edit::{EditOp, EditRequest};
use genoforge::core::genetics::compose;
use genoforge::core::genome::Genome;
use genoforge::core::lift::Lifted;
use genoforge::core::strand::Strand;
use serde_json::json;

fn genome() -> &'static Genome {
    &common::default_genome().genome
}

/// EFB1 replaced by kanMX4 (1,357 bp), TFC3 deleted (3,573 bp), GFP(S65T) (717 bp) inserted at
/// I:145,000 — all on chromosome I between 138 and 156 kb.
fn design() -> Design {
    let g = genome();
    let lib = cassette_library();
    let mut d = Design::new();
    compose::delete_gene(g, &mut d, common::gene(g, "EFB1"), lib.get("kanMX4")).unwrap();
    compose::delete_gene(g, &mut d, common::gene(g, "TFC3"), None).unwrap();
    let gfp = lib.get("GFP(S65T)").unwrap();
    let req = EditRequest {
        contig: g.contig_by_name("I").unwrap(),
        span: Span::empty_at(Pos(145_000)),
        sequence: gfp.sequence.as_bytes().to_vec(),
        op: EditOp::Insert,
        label: None,
        feature: Some(gfp.feature(Some("GFP_I_145000".into()), Strand::Forward)),
    };
    compose::add_insertion(g, &mut d, req, "GFP(S65T)").unwrap();
    d
}

fn go_to(app: &Session, locus: &str) {
    app.clear("#locus-input");
    app.type_into("#locus-input", locus);
    app.click(".locus-form button[type=submit]");
}

/// The axis ticks as (x px, label as a number).
fn ticks(app: &Session) -> Vec<(f64, u64)> {
    let v = app.eval_js(
        "return [...document.querySelectorAll('#map-track .tick')].map(t => [
           Number(t.querySelector('line').getAttribute('x1')), t.querySelector('text').textContent]);",
    );
    v.as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let label = t[1].as_str().unwrap();
            let n: u64 = label
                .replace(',', "")
                .parse()
                .unwrap_or_else(|_| panic!("tick label {label:?} is not a position"));
            (t[0].as_f64().unwrap(), n)
        })
        .collect()
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn the_edited_view_draws_the_edited_genome() {
    let g = genome();
    let d = design();
    let lifted = Lifted::new(g, &d);
    let app = open_with_design(&d);
    go_to(&app, "I:138,001-156,000");
    app.wait_until("document.querySelector('#map-track').dataset.start === '138001'");
    // Reference mode: today's overlay of edits, no inserted features.
    app.wait_for("#map-track .edit.band.replacement");
    assert!(app.exists("#map-track .edit.band.deletion"));
    assert!(!app.exists("#map-track .inserted"));
    app.screenshot("edited_map_reference_mode");

    app.click("#axis-edited");
    app.wait_for("#map-track .inserted");
    // The cassette and the GFP are features of their own, with their parts.
    let names: Vec<String> = serde_json::from_value(app.eval_js(
        "return [...document.querySelectorAll('#map-track .inserted[data-name]')].map(e => e.dataset.name);",
    ))
    .unwrap();
    assert!(names.iter().any(|n| n == "kanMX4"), "{names:?}");
    assert!(names.iter().any(|n| n == "GFP(S65T)"), "{names:?}");
    for part in ["TEF promoter (A. gossypii)", "TEF terminator (A. gossypii)"] {
        assert!(
            names.iter().any(|n| n == part),
            "kanMX4's part {part}: {names:?}"
        );
    }
    assert!(
        app.count("#map-track .inserted.part") >= 4,
        "kanMX4's promoter, CDS and terminator and GFP's CDS"
    );
    // The deleted TFC3 is a junction mark, not a gap or 'deleted' labels; the bands are gone.
    assert_eq!(app.count("#map-track .junction"), 1);
    assert!(!app.exists("#map-track .edit.band"));
    assert!(!app.exists("#map-track .gene[data-name='TFC3']"));
    let t = ticks(&app);
    assert!(t.len() >= 3, "{t:?}");
    let dx: Vec<f64> = t.windows(2).map(|w| w[1].0 - w[0].0).collect();
    let dn: Vec<u64> = t.windows(2).map(|w| w[1].1 - w[0].1).collect();
    assert!(
        dn.iter().all(|&s| s == dn[0]) && dx.iter().all(|&s| (s - dx[0]).abs() < 0.3),
        "ticks evenly spaced in edited coordinates: {t:?}"
    );
    // A gene downstream of all three edits is drawn at its lifted position on that axis.
    let tfc3_end = g.extent(common::gene(g, "TFC3")).end().get();
    let contig = g.contig_by_name("I").unwrap();
    let downstream = g
        .genes()
        .filter(|&f| g.feature(f).contig == contig)
        .filter(|&f| g.feature(f).span.start().get() > tfc3_end + 500)
        .min_by_key(|&f| g.feature(f).span.start())
        .unwrap();
    let (_, name) = g.gene_names(downstream);
    let edited = lifted.feature(downstream).span.unwrap();
    let reference = g.feature(downstream).span;
    assert!(
        edited.start().get() + 1_000 < reference.start().get(),
        "{name} moved left"
    );
    let (x0, n0) = t[0];
    let px_per_bp = dx[0] / dn[0] as f64;
    let expected_x = x0 + (edited.start().get() as f64 - n0 as f64) * px_per_bp;
    let drawn = app.eval_js_with(
        "const g = document.querySelector(`#map-track .gene[data-name='${arguments[0]}'] path`);
         const svg = document.querySelector('#map-track svg').getBoundingClientRect();
         return g ? g.getBoundingClientRect().left - svg.left : null;",
        vec![json!(name)],
    );
    let drawn = drawn.as_f64().unwrap_or_else(|| panic!("{name} is drawn"));
    assert!(
        (drawn - expected_x).abs() < 3.0,
        "{name} at x {drawn:.1}, its edited start {} is at {expected_x:.1}",
        edited.start().get() + 1
    );
    app.screenshot("edited_map_edited_mode");

    // Selecting an inserted feature works like selecting a gene: outlined, and its card.
    app.click("#map-track .inserted[data-name='kanMX4'] path");
    app.wait_until("(document.querySelector('#gene-card')?.textContent ?? '').includes('kanMX4')");
    let card = app.text_of("#gene-card");
    assert!(
        card.contains("inserted") && card.contains("1,357 bp"),
        "{card}"
    );
    assert!(
        card.contains("TEF promoter"),
        "the card lists its parts: {card}"
    );
    app.wait_for("#map-track .selected-box");
    no_horizontal_overflow(&app);
    app.screenshot("edited_map_inserted_selected");
    // ↓ steps through inserted shapes as through genes, left to right on the map.
    app.eval_js("document.querySelector('#map-track').focus(); return 0;");
    let mut stepped: Vec<(String, f64)> = Vec::new();
    for _ in 0..60 {
        press(&app, "ArrowDown", 40);
        let at = app.eval_js(
            "const e = document.activeElement; return [e.dataset.name ?? '', e.getBoundingClientRect().left];",
        );
        let item = (
            at[0].as_str().unwrap_or_default().to_owned(),
            at[1].as_f64().unwrap_or_default(),
        );
        if stepped.last() == Some(&item) {
            break;
        }
        stepped.push(item);
    }
    let order: Vec<&str> = stepped.iter().map(|(n, _)| n.as_str()).collect();
    assert!(
        order.contains(&"kanMX4") && order.contains(&"GFP(S65T)"),
        "↓ reaches the inserted features: {order:?}"
    );
    assert!(
        stepped.windows(2).all(|w| w[0].1 <= w[1].1 + 0.5),
        "in map order: {stepped:?}"
    );
    // The composer inserts next to the selected inserted sequence, as next to a gene: GFP after
    // (3′ of) kanMX4, which reads on + as EFB1 did.
    app.click("#map-track .inserted[data-name='kanMX4'] path");
    show_compose(&app);
    app.wait_until("(document.querySelector('#composer-target')?.textContent ?? '').includes('Next to kanMX4')");
    app.click("#composer-action-insert");
    choose(&app, "#composer-insert-kind", "cassette:GFP(S65T)");
    app.click("#composer-site-after");
    assert!(
        app.text_of("label:has(#composer-site-after)")
            .contains("After kanMX4"),
        "{}",
        app.text_of("label:has(#composer-site-after)")
    );
    app.wait_until("!!document.querySelector('#preview-designation')");
    app.screenshot("edited_map_insert_after_kanmx4_preview");
    confirm(&app, "#composer-confirm", d.edits().len() + 1);
    app.wait_until("document.querySelectorAll(\"#map-track .inserted[data-name='GFP(S65T)']:not(.part)\").length === 2");
    let touching = app.eval_js(
        "const kan = document.querySelector(\"#map-track .inserted[data-name='kanMX4']:not(.part) path\").getBoundingClientRect();
         return [...document.querySelectorAll(\"#map-track .inserted[data-name='GFP(S65T)']:not(.part) path\")]
           .some(e => Math.abs(e.getBoundingClientRect().left - kan.right) < 2);",
    );
    assert_eq!(
        touching,
        json!(true),
        "the new GFP starts where kanMX4 ends"
    );
    app.screenshot("edited_map_insert_after_kanmx4");
    app.set_viewport(1024, 700);
    app.screenshot("edited_map_edited_mode_1024");
    app.set_viewport(1440, 900);
    app.screenshot("edited_map_edited_mode_1440");

    // Back to reference coordinates: the overlay again, the same window.
    app.click("#axis-reference");
    app.wait_for("#map-track .edit.band.replacement");
    assert!(!app.exists("#map-track .inserted"));
    assert_eq!(
        app.attr_of("#map-track", "data-start").as_deref(),
        Some("138001")
    );
    let errors = app.js_errors();
    assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn in_edited_coordinates_the_locus_box_the_label_and_the_ruler_agree() {
    let d = design();
    let app = open_with_design(&d);
    go_to(&app, "I:138,001-156,000");
    app.wait_until("document.querySelector('#map-track').dataset.start === '138001'");
    app.click("#axis-edited");
    app.wait_for("#map-track .inserted");
    // The box and the label show the edited window, the ruler's coordinates.
    let label = app.text_of("#map-window");
    let t = ticks(&app);
    let (first, last) = (t[0].1, t[t.len() - 1].1);
    let bounds: Vec<u64> = label
        .split_once(':')
        .unwrap()
        .1
        .split('–')
        .map(|n| n.replace(',', "").parse().unwrap())
        .collect();
    assert!(
        bounds[0] <= first && last <= bounds[1],
        "label {label} holds the ruler's ticks {t:?}"
    );
    assert_eq!(
        app.eval_js("return document.querySelector('#locus-input').value;"),
        json!(label)
    );
    // A region typed in edited coordinates is what the ruler then shows. (EFB1's replacement and
    // TFC3's deletion lie before it: in reference coordinates it would be 2,216 + 3,573 bp
    // further on.)
    go_to(&app, "I:160,001-170,000");
    app.wait_until("document.querySelector('#map-window').textContent === 'I:160,001–170,000'");
    let t = ticks(&app);
    assert!(
        t.iter().all(|&(_, n)| (160_000..=170_001).contains(&n)),
        "ticks within the typed edited window: {t:?}"
    );
    app.screenshot("edited_map_locus_in_edited_coordinates");
    // Past the edited chromosome's end: moved inside, and said.
    go_to(&app, "I:300,000-400,000");
    app.wait_until("[...document.querySelectorAll('.notice')].some(n => n.textContent.includes('edited bases'))");
    let errors = app.js_errors();
    assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn a_point_mutation_is_substituted_bases_and_the_coordinates_tab_says_edited() {
    use genoforge::core::genetics::point::{parse_change, plan_point_mutation};
    use genoforge::view::coord_rows::view_scope;
    use genoforge::view::viewport::Viewport;
    let g = genome();
    let mut d = design();
    let (plan, _) =
        plan_point_mutation(g, common::gene(g, "GAL4"), &parse_change("K23A").unwrap()).unwrap();
    compose::apply(g, &mut d, plan).unwrap();
    let app = open_with_design(&d);
    // The Coordinates tab's window, on the Edited axis, in edited coordinates and said so.
    go_to(&app, "I:160,001-170,000");
    app.wait_until("document.querySelector('#map-track').dataset.start === '160001'");
    app.click("#tab-coordinates");
    app.wait_until(
        "(document.querySelector('#coords-caption')?.textContent ?? '').includes('in view, reference I:160,001–170,000')",
    );
    app.click("#axis-edited");
    let view = Viewport::parse(g, "I:160,001-170,000").unwrap();
    let scope = view_scope(g, &d, &view, true);
    assert!(
        scope.starts_with("in view, edited I:") && !scope.starts_with("in view, edited I:160,001")
    );
    app.wait_until(&format!(
        "(document.querySelector('#coords-caption')?.textContent ?? '').includes({})",
        json!(scope)
    ));
    app.screenshot("edited_map_coordinates_edited_axis");
    // gal4-K23A on the Edited axis: bases changed in place, in the reference axis's substitution
    // colour, with its legend entry — not an inserted sequence.
    go_to(&app, "GAL4");
    app.wait_for("#map-track .inserted.substitution");
    let colours = app.eval_js(
        "const path = document.querySelector('#map-track .inserted.substitution path');
         const swatch = document.querySelector('.map-legend .insert-swatch.substitution');
         const whole = document.querySelector('.map-legend .insert-swatch.whole');
         return [getComputedStyle(path).fill, getComputedStyle(swatch).backgroundColor,
                 getComputedStyle(whole).boxShadow];",
    );
    app.screenshot("edited_map_point_mutation");
    assert_eq!(
        colours[0], colours[1],
        "legend matches the drawing: {colours:?}"
    );
    assert!(
        !colours[2]
            .as_str()
            .unwrap()
            .contains(colours[0].as_str().unwrap()),
        "{colours:?}"
    );
    assert!(
        app.text_of(".map-legend")
            .contains("substituted bases (in place)")
    );
}
