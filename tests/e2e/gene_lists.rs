//! End-to-end (issue 12 §4): search lists ranked matches and never jumps on a description word;
//! a pasted gene list shows how each name resolved, suggests names for unknown ones, previews genes
//! already deleted and the collateral genes each deletion trims, offers to skip or merge overlapping
//! deletions (the 4,111-gene Costanzo list goes through), names the design's own edits when it
//! refuses; the gene card links to SGD.

use crate::common;

use crate::support::app::edits_are;
use crate::support::{Session, open_app};
use genoforge::core::design::Design;
use genoforge::core::genetics::compose;
use genoforge::core::genome::Genome;
use genoforge::core::genome::names::Lookup;
use genoforge::core::lift::Lifted;
use genoforge::core::spec::{ReferenceSpec, export};
use genoforge::io::packed::pack;
use genoforge::io::spec_json;
use serde_json::json;

fn genome() -> &'static Genome {
    &common::default_genome().genome
}

/// Puts `text` in the gene-list box as a paste would.
fn paste(app: &Session, text: &str) {
    app.eval_js_with(
        "const t = document.querySelector('#gene-list-input');
         t.value = arguments[0];
         t.dispatchEvent(new Event('input', { bubbles: true }));
         return 0;",
        vec![json!(text)],
    );
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn search_lists_ranked_matches_and_never_jumps_on_a_description_word() {
    let app = open_app();
    app.wait_for("#genome-summary");
    app.type_into("#gene-search", "pho");
    app.wait_for("#search-results li");
    let hits: Vec<String> = serde_json::from_value(app.eval_js(
        "return [...document.querySelectorAll('#search-results li')].map(l => l.dataset.name);",
    ))
    .unwrap();
    assert!(
        hits.iter().any(|h| h == "PHO5"),
        "standard names in their case: {hits:?}"
    );
    assert!(
        hits.iter().all(|h| h.to_uppercase().starts_with("PHO")),
        "{hits:?}"
    );
    app.screenshot("search_prefix_list");
    // An exact name goes first and is opened by Enter.
    app.clear("#gene-search");
    app.type_into("#gene-search", "pho5");
    app.wait_until("document.querySelector('#search-results li')?.dataset.name === 'PHO5'");
    app.click("form.search button[type=submit]");
    app.wait_until("(document.querySelector('#gene-card')?.textContent ?? '').includes('PHO5')");
    let before = app.attr_of("#map-track", "data-start");
    // A description word (no gene is named so) lists genes, but nothing is opened: the map stays.
    app.clear("#gene-search");
    app.type_into("#gene-search", "repressible");
    app.click("form.search button[type=submit]");
    app.wait_until("[...document.querySelectorAll('#search-results li')].some(l => l.dataset.match === 'description')");
    assert_eq!(app.attr_of("#map-track", "data-start"), before);
    assert!(app.text_of(".search-panel").contains("description"));
    app.screenshot("search_description_words");
    // The card links to the gene's page at SGD, in a new tab.
    app.click("#search-results li[data-name='PHO5'] button");
    app.wait_for("#gene-card a.sgd-link");
    assert_eq!(
        app.attr_of("#gene-card a.sgd-link", "href").as_deref(),
        Some("https://www.yeastgenome.org/locus/YBR093C")
    );
    assert_eq!(
        app.attr_of("#gene-card a.sgd-link", "target").as_deref(),
        Some("_blank")
    );
    assert!(
        app.attr_of("#gene-card a.sgd-link", "rel")
            .unwrap_or_default()
            .contains("noopener")
    );
    let errors = app.js_errors();
    assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
}

/// A gene of the Costanzo list whose clean deletion trims or removes another gene.
fn gene_with_collateral(g: &Genome, list: &[&str]) -> (String, String) {
    for name in list {
        let Lookup::Found(hit) = g.lookup(name) else {
            continue;
        };
        let mut d = Design::new();
        if compose::delete_gene(g, &mut d, hit.feature, None).is_err() {
            continue;
        }
        let lifted = Lifted::new(g, &d);
        let other = g.genes().find(|&f| {
            f != hit.feature
                && g.feature(f).parents.is_empty()
                && matches!(
                    lifted.feature(f).status,
                    genoforge::core::lift::FeatureStatus::Trimmed
                        | genoforge::core::lift::FeatureStatus::Dropped
                )
                && !list
                    .iter()
                    .any(|n| g.lookup(n) == g.lookup(&g.gene_names(f).0))
        });
        if let Some(f) = other {
            return ((*name).to_owned(), g.gene_names(f).1);
        }
    }
    panic!("no gene of the list trims a neighbour")
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn gene_lists_explain_themselves_and_the_costanzo_list_goes_through() {
    let g = genome();
    let costanzo = std::fs::read_to_string(common::data(
        "datasets/costanzo2016/costanzo_2016_genes.txt",
    ))
    .unwrap();
    let names: Vec<&str> = costanzo.split_whitespace().collect();
    assert_eq!(names.len(), 4_111);
    let (trimmer, trimmed) = gene_with_collateral(g, &names[..400]);

    // A design with TFC3 deleted and the first 100 bases of VPS8 removed.
    let mut d = Design::new();
    compose::delete_gene(g, &mut d, common::gene(g, "TFC3"), None).unwrap();
    let vps8 = g.extent(common::gene(g, "VPS8")).start().get();
    d.add(
        g,
        genoforge::core::edit::EditRequest {
            contig: g.feature(common::gene(g, "VPS8")).contig,
            span: genoforge::core::coord::Span::new(
                genoforge::core::coord::Pos(vps8),
                genoforge::core::coord::Pos(vps8 + 100),
            )
            .unwrap(),
            sequence: Vec::new(),
            op: genoforge::core::edit::EditOp::Delete,
            label: Some("vps8-5′Δ100".into()),
            feature: None,
        },
    )
    .unwrap();
    let spec = export(
        g,
        &d,
        &ReferenceSpec::of(g),
        "2026-01-01T00:00:00Z",
        &genoforge::core::genetics::essential::EssentialityTable::default(),
    );
    let app = Session::start();
    app.goto(&format!(
        "/#design={}",
        pack(spec_json::to_string(&spec).as_bytes())
    ));
    app.wait_for("#genome-summary");
    edits_are(&app, 2);

    paste(&app, &format!("BAS2 PH05 TFC3 {trimmer}"));
    app.wait_for("#gene-list-summary");
    let summary = app.text_of("#gene-list");
    assert!(summary.contains("BAS2 → PHO2 (alias)"), "{summary}");
    assert!(
        summary.contains("PH05") && summary.contains("did you mean PHO5"),
        "{summary}"
    );
    assert!(
        summary.contains("already deleted") && summary.contains("TFC3"),
        "{summary}"
    );
    assert!(
        summary.contains(&trimmed),
        "collateral {trimmed} of {trimmer}: {summary}"
    );
    app.screenshot("gene_list_explained");

    // A gene overlapping the design's own edit: the refusal names that edit.
    let tfc3 = g.extent(common::gene(g, "TFC3"));
    let neighbour = g
        .genes()
        .filter(|&f| {
            g.feature(f).parents.is_empty()
                && g.feature(f).contig == g.feature(common::gene(g, "TFC3")).contig
        })
        .find(|&f| {
            let s = g.feature(f).span;
            s.overlaps(&tfc3) && s.intersect(&tfc3) != Some(s) && f != common::gene(g, "TFC3")
        });
    if let Some(f) = neighbour {
        let (sys, _) = g.gene_names(f);
        paste(&app, &sys);
        app.wait_for("#gene-list-summary");
        let text = app.text_of("#gene-list");
        assert!(text.contains("edit #1") && text.contains("tfc3Δ"), "{text}");
    }

    // The Costanzo list: overlapping deletions are offered to be skipped or merged.
    paste(&app, &costanzo);
    app.wait_until("document.querySelector('#gene-list-summary')?.dataset.resolved > 4000");
    app.wait_for("#gene-list-merge");
    assert!(app.exists("#gene-list-skip"));
    app.screenshot("gene_list_costanzo_choices");
    app.click("#gene-list-merge");
    app.wait_until(
        "[...document.querySelectorAll('.notice')].some(n => n.textContent.startsWith('Deleted'))",
    );
    let n: usize = app
        .attr_of("#design-label", "data-edits")
        .unwrap()
        .parse()
        .unwrap();
    assert!(n > 3_000, "{n} edits");
    let notice = app.text_of(".notice.info");
    assert!(notice.contains("merged"), "{notice}");
    app.screenshot("gene_list_costanzo_merged");
    // Undo and try the other choice.
    app.click("#side-tab-edits");
    app.click("#edit-undo");
    edits_are(&app, 2);
    app.click("#side-tab-compose");
    app.wait_for("#gene-list-skip");
    app.click("#gene-list-skip");
    app.wait_until(
        "[...document.querySelectorAll('.notice')].some(n => n.textContent.includes('skipped'))",
    );
    let skipped: usize = app
        .attr_of("#design-label", "data-edits")
        .unwrap()
        .parse()
        .unwrap();
    assert!(skipped > 3_000, "{skipped} edits");
    let errors = app.js_errors();
    assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
}
