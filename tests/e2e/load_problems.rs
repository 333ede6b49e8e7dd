//! End-to-end (issue 12 §5): a broken file is visible at once — after loading a genome with error
//! diagnostics the app says so at the top right, with a way to the list; a feature longer than its
//! contig is never drawn across the chromosome; the first screen with the bundled genome shows no
//! information notices.

use crate::support::{Session, artifacts_dir, open_app};

/// Two contigs; a gene running past the end of `chrA`; garbage lines; a seqid, `chrZ`, the FASTA
/// has no sequence for.
fn broken_genome() -> (String, String) {
    let gff = "##gff-version 3\n\
##sequence-region chrA 1 5000\n\
##sequence-region chrB 1 4000\n\
chrA\ttest\tgene\t101\t900\t.\t+\t.\tID=good1;Name=GOOD1\n\
this line is not GFF3\n\
chrA\ttest\tgene\t1001\t9000\t.\t+\t.\tID=long1;Name=LONG1\n\
chrA\ttest\tgene\tabc\t2000\t.\t+\t.\tID=bad2\n\
chrB\ttest\tgene\t201\t700\t.\t-\t.\tID=good2;Name=GOOD2\n\
chrZ\ttest\tgene\t1\t500\t.\t+\t.\tID=z1;Name=ZED\n";
    let fasta = format!(
        ">chrA\n{}\n>chrB\n{}\n",
        "ACGT".repeat(1250),
        "TTGCA".repeat(800)
    );
    (gff.to_owned(), fasta)
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn load_problems_are_shown_at_once_and_bad_features_are_not_drawn() {
    let app = open_app();
    app.wait_for("#genome-summary");
    let (gff, fasta) = broken_genome();
    let dir = artifacts_dir().join("broken_genome");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("broken.gff3"), gff).unwrap();
    std::fs::write(dir.join("broken.fa"), fasta).unwrap();
    app.click(".open-button");
    app.type_into("#open-gff", dir.join("broken.gff3").to_str().unwrap());
    app.type_into("#open-fasta", dir.join("broken.fa").to_str().unwrap());
    app.wait_until("!document.querySelector('.open-panel button.primary').disabled");
    app.click(".open-panel button.primary");
    app.wait_until("document.querySelectorAll('#map-overview .ov-contig').length === 3");
    // At the top right (of the map, beside the side column), at once.
    app.wait_until("[...document.querySelectorAll('.notice.error')].some(n => /Loaded with \\d+ problems?/.test(n.textContent))");
    let pos = app.eval_js(
        "const n = [...document.querySelectorAll('.notice.error')].find(n => n.textContent.includes('Loaded with'));
         const r = n.getBoundingClientRect();
         return [r.top, r.right, document.querySelector('.map-area').getBoundingClientRect().right];",
    );
    let (top, right, w) = (
        pos[0].as_f64().unwrap(),
        pos[1].as_f64().unwrap(),
        pos[2].as_f64().unwrap(),
    );
    // (The top right of the map's track, under its controls — notices never cover the contig
    // overview —, in the upper part of the first screen: the side column's tabs and search box
    // stay uncovered.)
    let h = app.eval_js("return window.innerHeight;").as_f64().unwrap();
    assert!(
        top < 0.4 * h && right > w - 40.0 && right <= w + 0.5,
        "notice at top {top} of {h}, right {right}; the map ends at {w}"
    );
    app.screenshot("load_problems_notice");
    app.click(".notice button.notice-show-problems");
    app.wait_until(
        "document.querySelector('#tab-genome').getAttribute('aria-selected') === 'true'",
    );
    app.wait_for("#genome-summary .diagnostics li.diag.error");
    // chrZ has no sequence: its length is unknown, and the genome's is the two sequences' 9,000 bp.
    assert_eq!(app.text_of("#total-length"), "9,000");
    assert!(app.text_of("#unsequenced").contains("no sequence for chrZ"));
    // LONG1 ends past chrA's end: it is not drawn across the chromosome.
    app.clear("#locus-input");
    app.type_into("#locus-input", "chrA");
    app.click(".locus-form button[type=submit]");
    app.wait_until("document.querySelector('#map-track').dataset.contig === 'chrA'");
    app.wait_for("#map-track .gene[data-name='GOOD1']");
    assert!(!app.exists("#map-track .gene[data-name='LONG1']"));
    let widest = app.eval_js(
        "const svg = document.querySelector('#map-track svg').getBoundingClientRect();
         return Math.max(...[...document.querySelectorAll('#map-track .gene path')].map(p => p.getBoundingClientRect().right - svg.left));",
    );
    let track_w = app
        .eval_js("return document.querySelector('#map-track svg').getBoundingClientRect().width;");
    assert!(
        widest.as_f64().unwrap() <= track_w.as_f64().unwrap() + 0.5,
        "{widest} > {track_w}"
    );
    app.screenshot("load_problems_list");
}

#[test]
#[ignore = "needs dist/ and Chromium: run by .ci/test (trunk build --release, then -- --ignored)"]
fn the_first_screen_shows_no_information_notices() {
    let app = Session::start();
    app.goto("/");
    app.wait_for("#genome-summary");
    app.wait_for("#map-track .gene");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let notices = app.eval_js(
        "return [...document.querySelectorAll('.notices .notice')].map(n => n.textContent);",
    );
    assert_eq!(notices, serde_json::json!([]), "first screen notices");
    app.screenshot("first_screen");
}
