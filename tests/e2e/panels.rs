//! End-to-end (issue 5): the panels in headless Chromium — the junction sequence view with its
//! highlighted bases and copy to the clipboard, refusal of a conflicting edit, disable/enable
//! and remove, gene lists with unknown names, the position box, the user's own cassette, and
//! user-supplied text rendered as text.

use crate::common;

use crate::support::app::{choose, edits_are, genotype, search, show_compose, show_edits};
use crate::support::{Session, crate_root, open_app};
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::cassette::Library;
use genoforge::core::seq::revcomp;
use serde_json::{Value, json};

const SUMMARY: &str = "#genome-summary";

/// The text of the elements matching `css`, joined.
fn joined(app: &Session, css: &str) -> String {
    app.eval_js_with(
        "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent).join('');",
        vec![json!(css)],
    )
    .as_str()
    .unwrap()
    .to_owned()
}

fn status_of(app: &Session, systematic: &str) -> Value {
    app.eval_js(&format!(
        "return document.querySelector(\"#coords-table tr[data-feature='{systematic}']\")?.dataset.status ?? null;"
    ))
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn junction_view_copy_conflicts_disable_remove_gene_list_position_and_own_cassette() {
    let g = &common::default_genome().genome;
    let lib: Library =
        serde_json::from_slice(&std::fs::read(crate_root().join("public/cassettes.json")).unwrap())
            .unwrap();
    let kan = lib.get("kanMX4").unwrap();
    // TFC3 is on the − strand: the cassette reads on + as its reverse complement.
    let kan_plus = String::from_utf8(revcomp(kan.sequence.as_bytes())).unwrap();
    let tfc3 = g.extent(resolve_gene(g, "TFC3").unwrap());
    let chr1 = g.contig(g.contig_by_name("I").unwrap());
    let ref_start = tfc3.start().get() as usize;
    let chr1_seq = chr1.sequence.as_deref().unwrap();
    let tfc3_plus = String::from_utf8(chr1_seq[ref_start..ref_start + 40].to_vec()).unwrap();

    let app = open_app();
    app.wait_for(SUMMARY);
    search(&app, "TFC3");
    app.click("#composer-action-delete");
    choose(&app, "#composer-marker", "kanMX4");
    app.wait_until(
        "document.querySelector('#preview-designation')?.textContent === 'tfc3Δ::kanMX4'",
    );
    app.click("#composer-confirm");
    edits_are(&app, 1);

    // Sequence view: the new edit's junction, inserted bases highlighted on the edited side and
    // removed ones on the reference side, both read on +.
    app.click("#tab-sequence");
    app.wait_for("#seq-edited .ins");
    let inserted: String = joined(&app, "#seq-edited .ins:not(.elided)")
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect();
    assert!(
        inserted.len() >= 60 && kan_plus.starts_with(&inserted[..60]),
        "highlighted bases are the cassette on +: {}",
        &inserted[..inserted.len().min(80)]
    );
    let removed: String = joined(&app, "#seq-reference .del:not(.elided)")
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect();
    assert!(
        removed.starts_with(&tfc3_plus),
        "removed bases start with TFC3's first bases on +"
    );
    app.screenshot("panels_junction");

    // Copy to the clipboard: a FASTA record of the edited side.
    app.cdp(
        "Browser.grantPermissions",
        json!({"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]}),
    );
    app.click("#seq-copy-edited");
    app.wait_until("document.querySelector('.notices')?.textContent.includes('to the clipboard')");
    assert!(
        app.text_of(".notices").contains("Copied"),
        "{}",
        app.text_of(".notices")
    );
    let clip = app.eval_js_async(
        "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('ERR ' + e));",
    );
    let clip = clip.as_str().unwrap();
    assert!(clip.starts_with(">I:"), "{}", &clip[..clip.len().min(200)]);
    let clip_bases: String = clip
        .lines()
        .skip(1)
        .flat_map(str::chars)
        .filter(char::is_ascii_alphabetic)
        .collect();
    assert!(
        clip_bases.contains(&kan_plus),
        "the copied edited sequence holds the whole cassette"
    );

    // A conflicting edit (TFC3 again, now gone) is refused with the reason; nothing changes.
    search(&app, "TFC3");
    app.click("#composer-action-delete");
    choose(&app, "#composer-marker", "");
    app.wait_for("#preview-refused");
    let refused = app.text_of("#preview-refused");
    assert!(refused.contains("would be refused"), "{refused}");
    assert_eq!(
        app.eval_js("return document.querySelector('#composer-confirm').disabled;"),
        json!(true)
    );
    edits_are(&app, 1);
    app.screenshot("panels_conflict_refused");

    // Disable, enable, remove, undo: the coordinate table follows each.
    app.click("#tab-coordinates");
    app.type_into("#coords-filter", "NUP60");
    app.wait_until("!!document.querySelector(\"#coords-table tr[data-feature='YAR002W']\")");
    assert_eq!(status_of(&app, "YAR002W"), json!("shifted"));
    show_edits(&app);
    app.click("#edit-enabled-0");
    app.wait_until("document.querySelector(\"#coords-table tr[data-feature='YAR002W']\")?.dataset.status === 'native'");
    assert_eq!(
        app.eval_js("return document.querySelector('#edit-enabled-0').checked;"),
        json!(false)
    );
    app.click("#edit-enabled-0");
    app.wait_until("document.querySelector(\"#coords-table tr[data-feature='YAR002W']\")?.dataset.status === 'shifted'");
    app.click("#edit-list button.remove");
    edits_are(&app, 0);
    assert_eq!(status_of(&app, "YAR002W"), json!("native"));
    app.click("#edit-undo");
    edits_are(&app, 1);
    assert_eq!(status_of(&app, "YAR002W"), json!("shifted"));

    // Position box: reference → edited, both ways.
    app.type_into("#position-input", "I:152,257");
    app.wait_until(
        "(document.querySelector('#position-result')?.textContent ?? '').includes('150,041')",
    );
    app.click("#position-to-reference");
    app.clear("#position-input");
    app.type_into("#position-input", "I:150,041");
    app.wait_until(
        "(document.querySelector('#position-result')?.textContent ?? '').includes('152,257')",
    );

    // Gene list: names resolved, unknown ones listed (never dropped), deletion of all resolved.
    show_compose(&app);
    app.type_into("#gene-list-input", "PHO5, met15 YAL002W\nnot_a_gene ADH1");
    app.wait_until("document.querySelector('#gene-list-summary')?.dataset.resolved === '4'");
    assert_eq!(
        app.attr_of("#gene-list-summary", "data-unknown").as_deref(),
        Some("1")
    );
    assert!(app.text_of("#gene-list-unknown").contains("not_a_gene"));
    choose(&app, "#gene-list-marker", "natMX4");
    app.click("#gene-list-delete");
    edits_are(&app, 5);
    let written = genotype(&app);
    for allele in [
        "pho5Δ::natMX4",
        "met17Δ::natMX4",
        "vps8Δ::natMX4",
        "adh1Δ::natMX4",
    ] {
        assert!(written.contains(allele), "{allele} in {written}");
    }
    app.screenshot("panels_gene_list");

    // A pasted sequence inserted at a position (IV, after base 1,000, on −), and a gene replaced
    // by a cassette.
    app.click("#composer-action-insert");
    choose(&app, "#composer-insert-kind", "paste");
    app.type_into("#composer-name", "tagX");
    app.type_into("#composer-paste", "ACGTACGTAA CCGGTT\n");
    app.click("#composer-site-at");
    let iv = app.eval_js(
        "return [...document.querySelector('#composer-contig').options].find(o => o.textContent.trim().startsWith('IV')).value;",
    );
    choose(&app, "#composer-contig", iv.as_str().unwrap());
    app.type_into("#composer-position", "1,000");
    choose(&app, "#composer-strand", "-");
    app.wait_until(
        "(document.querySelector('#composer-preview')?.textContent ?? '').includes('+16 bp')",
    );
    app.click("#composer-confirm");
    edits_are(&app, 6);
    assert!(
        genotype(&app).contains("tagX@IV:1000"),
        "{}",
        genotype(&app)
    );
    search(&app, "URA3");
    app.click("#composer-action-replace");
    choose(&app, "#composer-insert-kind", "cassette:hphMX4");
    app.wait_until(
        "(document.querySelector('#preview-designation')?.textContent ?? '') === 'ura3Δ::hphMX4'",
    );
    app.click("#composer-confirm");
    edits_are(&app, 7);

    // The user's own cassette, with markup in its name: listed, and rendered as text.
    let evil = "<img src=x onerror=\"window.pwned=1\">URA3";
    app.click("#cassette-adder > summary");
    app.type_into("#cassette-name", evil);
    app.type_into(
        "#cassette-paste",
        ">mine\nATGAAAGCTACATATAAGGAACGTGCTGCTACTCATCCTAGTCCTGTTGCTGCCAAGCTATTTAATAA\n",
    );
    app.click("#cassette-add");
    app.wait_until(
        "document.querySelector('.notices')?.textContent.includes('Added the cassette')",
    );
    let listed = app.eval_js_with(
        "return [...document.querySelectorAll('#composer-marker option')].some(o => o.textContent === '::' + arguments[0]);",
        vec![json!(evil)],
    );
    search(&app, "CDC19");
    app.click("#composer-action-delete");
    let listed_in_composer = app.eval_js_with(
        "return [...document.querySelectorAll('#composer-marker option')].some(o => o.textContent === '::' + arguments[0]);",
        vec![json!(evil)],
    );
    assert!(
        listed == json!(true) || listed_in_composer == json!(true),
        "the cassette is offered"
    );
    assert_eq!(
        app.count("img"),
        0,
        "markup in a name never becomes elements"
    );
    assert_eq!(app.eval_js("return window.pwned ?? null;"), Value::Null);

    let errors = app.js_errors();
    assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
}
