//! End-to-end (issue 12's last point): the whole flow from scratch, as a yeast geneticist and an
//! ML researcher would try it — BY4741, a pasted list and the 4,111-gene Costanzo list, a
//! deletion, a marker replacement, a GFP tag, a point mutation, a promoter swap, a region dragged
//! on the map, the edited genome, undo/redo, a reload, the design library, a spec imported and
//! undone, every export, help and About, one's own broken genome and back; the Datasets tab's
//! selection, matrix and exports. At every step, at 1440×900 and 1024×700: a screenshot, nothing
//! sticking out of its panel, no page scrolling sideways, no id used twice.

use std::time::Instant;

use serde_json::json;

use crate::common;
use crate::support::app::{
    at_both_sizes, choose, confirm, download_to, downloads_dir, edits_are, genotype, id_problems,
    no_horizontal_overflow, notice_with, notices, press, ready_deletion, ready_gene_edit,
    scroll_to, search, set_value, shift_drag, show_compose, show_edits, sticking_out,
};
use crate::support::{Session, artifacts_dir, open_app};

/// Screenshots at both sizes, each checked: nothing out of its panel, no sideways scroll, ids
/// used once.
fn shot(app: &Session, name: &str) {
    at_both_sizes(app, |w, h| {
        app.screenshot(&format!("walk_{name}_{w}x{h}"));
        assert_eq!(sticking_out(app), json!([]), "{name} at {w}×{h}");
        assert_eq!(id_problems(app), json!([[], []]), "{name} at {w}×{h}");
        no_horizontal_overflow(app);
    });
}

fn goto_locus(app: &Session, locus: &str, start: &str) {
    app.clear("#locus-input");
    app.type_into("#locus-input", locus);
    app.click(".locus-form button[type=submit]");
    app.wait_until(&format!(
        "document.querySelector('#map-track').dataset.start === '{start}'"
    ));
}

/// A spec deleting HIS3 alone, as a file to import.
fn his3_spec() -> std::path::PathBuf {
    use genoforge::core::design::Design;
    use genoforge::core::genetics::compose;
    use genoforge::core::genome::names::Lookup;
    use genoforge::core::spec::{ReferenceSpec, export};
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    let Lookup::Found(hit) = g.lookup("HIS3") else {
        panic!("HIS3 is in the default genome")
    };
    compose::delete_gene(g, &mut d, hit.feature, None).unwrap();
    let dir = artifacts_dir().join("walk");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("his3.json");
    let spec = export(
        g,
        &d,
        &ReferenceSpec::of(g),
        "2026-01-01T00:00:00Z",
        &genoforge::core::genetics::essential::EssentialityTable::default(),
    );
    std::fs::write(&path, genoforge::io::spec_json::to_string(&spec)).unwrap();
    path
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn a_yeast_geneticist_from_scratch() {
    let app = open_app();
    app.set_viewport(1440, 900);
    app.wait_for("#genome-summary");
    app.wait_for("#map-track .gene");
    assert_eq!(notices(&app), Vec::<String>::new(), "a quiet first screen");
    shot(&app, "01_first_screen");

    // BY4741.
    choose(&app, "#strain-select", "BY4741");
    app.click("#strain-apply");
    edits_are(&app, 6);
    assert_eq!(genotype(&app), "MATa his3Δ1 leu2Δ0 met15Δ0 ura3Δ0");
    shot(&app, "02_by4741");

    // A small list with an alias and a typo.
    show_compose(&app);
    app.type_into("#gene-list-input", "BAS2 PH084 CAN1");
    app.wait_for("#gene-list-summary");
    let text = app.text_of("#gene-list");
    assert!(text.contains("BAS2 → PHO2 (alias)"), "{text}");
    assert!(text.contains("did you mean PHO84"), "{text}");
    scroll_to(&app, "#gene-list");
    shot(&app, "03_gene_list_small");

    // The Costanzo list: previewed, merged, undone.
    let costanzo = std::fs::read_to_string(common::data(
        "datasets/costanzo2016/costanzo_2016_genes.txt",
    ))
    .unwrap();
    let t0 = Instant::now();
    set_value(&app, "#gene-list-input", &costanzo);
    app.wait_until("document.querySelector('#gene-list-summary')?.dataset.resolved > 4000");
    eprintln!("Costanzo list previewed in {:?}", t0.elapsed());
    scroll_to(&app, "#gene-list");
    shot(&app, "04_costanzo_preview");
    let t0 = Instant::now();
    app.click("#gene-list-merge");
    notice_with(&app, "merged");
    eprintln!("Costanzo list merged in {:?}", t0.elapsed());
    let n: usize = app
        .attr_of("#design-label", "data-edits")
        .unwrap()
        .parse()
        .unwrap();
    assert!(n > 4_000, "{n} edits");
    app.wait_until("document.querySelector('#gene-list-delete')?.disabled === true");
    shot(&app, "05_costanzo_applied");
    show_edits(&app);
    shot(&app, "06_costanzo_edit_list");
    let t0 = Instant::now();
    app.click("#edit-undo");
    edits_are(&app, 6);
    eprintln!("Costanzo list undone in {:?}", t0.elapsed());
    show_compose(&app);
    set_value(&app, "#gene-list-input", "");

    // A clean deletion, then a marker replacement, in the composer.
    ready_deletion(&app, "CAN1", None);
    shot(&app, "07_compose_deletion");
    confirm(&app, "#composer-confirm", 7);
    search(&app, "ADE2");
    assert!(!app.exists("#composer-applied"), "can1Δ's message went");
    ready_deletion(&app, "ADE2", Some("kanMX4"));
    shot(&app, "08_compose_marker");
    confirm(&app, "#composer-confirm", 8);

    // GFP at PHO5's C terminus.
    let tag = |app: &Session| choose(app, "#gene-edit-tag", "GFP(S65T)-kanMX6");
    ready_gene_edit(&app, Some("PHO5"), "c-tag", tag, "PHO5-GFP(S65T)::kanMX6");
    shot(&app, "09_ctag_preview");
    confirm(&app, "#gene-edit-confirm", 9);

    // A point mutation.
    let k23a = |app: &Session| app.type_into("#gene-edit-change", "K23A");
    ready_gene_edit(&app, Some("GAL4"), "point", k23a, "gal4-K23A");
    shot(&app, "10_point_preview");
    confirm(&app, "#gene-edit-confirm", 10);

    // A promoter swap: TEF1's promoter before GAL80, up to the previous feature.
    let tef1 = |app: &Session| {
        app.clear("#gene-edit-promoter-name");
        app.type_into("#gene-edit-promoter-name", "TEF1");
        crate::support::app::up_to_previous_feature(app);
    };
    ready_gene_edit(&app, Some("GAL80"), "promoter", tef1, "pTEF1-GAL80");
    shot(&app, "11_promoter_preview");
    confirm(&app, "#gene-edit-confirm", 11);

    // A region deleted by shift-dragging on the map.
    goto_locus(&app, "IV:100,001-110,000", "100001");
    let (region, _) = shift_drag(&app, 0.3, 0.5);
    ready_gene_edit(&app, None, "region", |_| {}, &format!("Δ(IV:{region})"));
    shot(&app, "12_region_dragged");
    confirm(&app, "#gene-edit-confirm", 12);
    let want = format!(
        "MATa his3Δ1 leu2Δ0 met15Δ0 ura3Δ0 can1Δ ade2Δ::kanMX4 PHO5-GFP(S65T)::kanMX6 gal4-K23A pTEF1-GAL80 Δ(IV:{region})"
    );
    assert_eq!(genotype(&app), want);

    // Reference and Edited views around ADE2's kanMX4; the cassette selected like a gene.
    search(&app, "ADE2");
    shot(&app, "13_reference_ade2");
    app.click("#axis-edited");
    app.wait_for("#map-track .inserted[data-name='kanMX4']");
    assert!(
        app.count("#map-track .inserted") >= 4,
        "kanMX4 and its parts"
    );
    shot(&app, "14_edited_ade2");
    app.click("#map-track .inserted[data-name='kanMX4'] path");
    app.wait_until(
        "(document.querySelector('#gene-card')?.textContent ?? '').includes('1,357 bp')",
    );
    shot(&app, "15_insert_selected");
    app.click("#axis-reference");

    // Undo and redo.
    show_edits(&app);
    app.click("#edit-undo");
    edits_are(&app, 11);
    assert!(!genotype(&app).contains("Δ(IV:"));
    shot(&app, "16_undo");
    app.click("#edit-redo");
    edits_are(&app, 12);

    // A reload brings the design back.
    std::thread::sleep(std::time::Duration::from_millis(400));
    app.goto("/");
    app.wait_for("#genome-summary");
    edits_are(&app, 12);
    assert_eq!(genotype(&app), want);
    shot(&app, "17_after_reload");

    // The design library: rename, duplicate, delete the copy, open the original.
    app.click("#designs-button");
    app.wait_for("#design-library");
    app.clear("#design-name");
    app.type_into("#design-name", "BY4741 walk");
    app.click("#design-save-details");
    app.wait_until("(document.querySelector('#design-library')?.textContent ?? '').includes('BY4741 walk · 12 edits')");
    shot(&app, "18_library");
    app.click("#design-library .design-entry.current .design-duplicate");
    app.wait_until("document.querySelectorAll('#design-library .design-entry').length === 2 || !document.querySelector('#design-library')");
    if !app.exists("#design-library") {
        app.click("#designs-button");
    }
    app.wait_for("#design-library .design-entry.current");
    assert!(
        app.text_of("#design-library .design-entry.current")
            .contains("copy")
    );
    edits_are(&app, 12);
    // Deleting asks first (window.confirm); the test says yes.
    app.eval_js("window.confirm = () => true; return 0;");
    app.click("#design-library .design-entry.current .design-delete");
    app.wait_until("document.querySelectorAll('#design-library .design-entry').length === 1 || !document.querySelector('#design-library')");
    if !app.exists("#design-library") {
        app.click("#designs-button");
    }
    app.click("#design-library .design-entry .design-open");
    edits_are(&app, 12);
    press(&app, "Escape", 27);

    // A spec imported over the design says what it replaced, and Undo brings it back.
    app.type_into("#import-spec", his3_spec().to_str().unwrap());
    edits_are(&app, 1);
    notice_with(&app, "Replaced 12 edits by 1");
    shot(&app, "19_imported");
    app.click(".notice button.notice-undo");
    edits_are(&app, 12);
    assert_eq!(genotype(&app), want);

    // Every export: each file downloaded, each what it says.
    let dir = downloads_dir("walk_downloads");
    download_to(&app, &dir);
    app.click("#export-menu > summary");
    app.wait_for("#export-menu[open] ul");
    shot(&app, "20_export_menu");
    let buttons: Vec<String> = serde_json::from_value(app.eval_js(
        "return [...document.querySelectorAll('#export-menu li button')].map(b => b.id);",
    ))
    .unwrap();
    press(&app, "Escape", 27);
    assert_eq!(buttons.len(), 10, "{buttons:?}");
    for b in &buttons {
        let before = std::fs::read_dir(&dir).unwrap().count();
        app.click("#export-menu > summary");
        app.click(&format!("#{b}"));
        let t0 = Instant::now();
        while std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| !e.file_name().to_string_lossy().ends_with(".crdownload"))
            .count()
            == before
        {
            assert!(t0.elapsed().as_secs() < 30, "{b} was not downloaded");
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }
    // Each download says so (superseding the notice of the action before).
    notice_with(&app, "Downloaded BY4741-walk.");
    std::thread::sleep(std::time::Duration::from_millis(500));
    let file = |end: &str| -> String {
        let e = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(Result::ok)
            .find(|e| e.file_name().to_string_lossy().ends_with(end))
            .unwrap_or_else(|| panic!("no *{end}"));
        String::from_utf8(std::fs::read(e.path()).unwrap()).unwrap()
    };
    // The files carry the name the design was given in the library ("BY4741 walk").
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "BY4741-walk.affected-features.tsv",
            "BY4741-walk.fa",
            "BY4741-walk.gene_nodes.csv",
            "BY4741-walk.gene_nodes.json",
            "BY4741-walk.genotype-spec.json",
            "BY4741-walk.genotype.txt",
            "BY4741-walk.gff3",
            "BY4741-walk.reference-to-edited.chain",
            "BY4741-walk.sequence_windows.fa",
            "BY4741-walk.sequence_windows.jsonl",
        ]
    );
    assert!(file("BY4741-walk.gff3").starts_with("##gff-version 3"));
    assert!(file("BY4741-walk.fa").starts_with('>'));
    assert!(file(".chain").starts_with("chain "));
    assert_eq!(file(".genotype.txt").trim(), want);
    let spec: serde_json::Value = serde_json::from_str(&file(".genotype-spec.json")).unwrap();
    assert_eq!(spec["edits"].as_array().map(Vec::len), Some(12));
    for end in [
        ".affected-features.tsv",
        ".gene_nodes.csv",
        ".gene_nodes.json",
        ".sequence_windows.fa",
        ".sequence_windows.jsonl",
    ] {
        assert!(!file(end).is_empty(), "{end}");
    }
    shot(&app, "21_after_exports");

    // Help and About.
    app.click("#help-button");
    app.wait_for("#help-panel");
    shot(&app, "22_help");
    press(&app, "Escape", 27);
    app.wait_until("!document.querySelector('#help-panel')");
    app.click("#about-button");
    app.wait_for("#about-panel table");
    shot(&app, "23_about");
    press(&app, "Escape", 27);
    app.wait_until("!document.querySelector('#about-panel')");

    // One's own GFF3 + FASTA with a broken line, then back to S288C and the design.
    let d = artifacts_dir().join("walk");
    std::fs::create_dir_all(&d).unwrap();
    let gff = "##gff-version 3\n\
chrA\ttest\tgene\t101\t900\t.\t+\t.\tID=good1;Name=GOOD1\n\
this line is not GFF3\n\
chrA\ttest\tgene\t1201\t2000\t.\t-\t.\tID=good2;Name=GOOD2\n\
chrB\ttest\tgene\t201\t700\t.\t-\t.\tID=good3;Name=GOOD3\n";
    let fasta = format!(
        ">chrA\n{}\n>chrB\n{}\n",
        "ACGT".repeat(1250),
        "TTGCA".repeat(800)
    );
    std::fs::write(d.join("mine.gff3"), gff).unwrap();
    std::fs::write(d.join("mine.fa"), fasta).unwrap();
    app.click(".open-button");
    shot(&app, "24_open_panel");
    app.type_into("#open-gff", d.join("mine.gff3").to_str().unwrap());
    app.type_into("#open-fasta", d.join("mine.fa").to_str().unwrap());
    app.wait_until("!document.querySelector('.open-panel button.primary').disabled");
    app.click(".open-panel button.primary");
    app.wait_until("document.querySelectorAll('#map-overview .ov-contig').length === 2");
    notice_with(&app, "Loaded with 1 problem");
    edits_are(&app, 0);
    shot(&app, "25_own_genome");
    app.click(".open-button");
    app.click("#open-default");
    app.wait_until("document.querySelectorAll('#map-overview .ov-contig').length === 17");
    edits_are(&app, 12);
    assert_eq!(genotype(&app), want);
    // mine.gff3's problem is not S288C's: its notice went with it.
    let left: Vec<String> = notices(&app)
        .into_iter()
        .filter(|n| n.contains("Loaded with"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    shot(&app, "26_back_to_s288c");
    let errors = app.js_errors();
    assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn an_ml_researcher_from_scratch() {
    let app = open_app();
    app.set_viewport(1440, 900);
    app.wait_for("#tab-datasets");
    app.click("#tab-datasets");
    app.wait_for("#dataset-registry");
    shot(&app, "40_datasets");
    for id in [
        "costanzo2016_smf",
        "essential_genes",
        "yeast_deletion_collection",
    ] {
        app.click(&format!("#dataset-select-{id}"));
    }
    app.wait_for("#dataset-matrix td[data-row]");
    let union = app.text_of("#dataset-result");
    scroll_to(&app, "#dataset-matrix");
    shot(&app, "41_three_selected");
    // An off-diagonal cell switches its pair to an intersection.
    app.click("#dataset-matrix td[data-state='union']");
    app.wait_until("[...document.querySelectorAll('#dataset-matrix td')].some(c => c.dataset.state === 'intersection')");
    let intersection = app.text_of("#dataset-result");
    assert_ne!(union, intersection);
    scroll_to(&app, "#dataset-matrix");
    shot(&app, "42_intersection");
    let dir = downloads_dir("walk_ds_downloads");
    download_to(&app, &dir);
    let buttons: Vec<String> =
        serde_json::from_value(app.eval_js(
            "return [...document.querySelectorAll('[id^=dataset-export-]')].map(b => b.id);",
        ))
        .unwrap();
    assert_eq!(buttons.len(), 6, "{buttons:?}");
    for b in &buttons {
        app.click(&format!("#{b}"));
    }
    let t0 = Instant::now();
    while std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().ends_with(".crdownload"))
        .filter(|e| e.metadata().is_ok_and(|m| m.len() > 0))
        .count()
        < 6
    {
        assert!(
            t0.elapsed().as_secs() < 30,
            "the six exports were not downloaded"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    shot(&app, "43_after_exports");
    let errors = app.js_errors();
    assert!(errors.is_empty(), "JavaScript errors: {errors:#?}");
}
