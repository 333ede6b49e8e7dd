//! Parsing and indexing inside WASM, in headless Chromium: the shipped default genome loads through
//! the same stepping loader the app uses, with the same counts as natively.
#![cfg(target_arch = "wasm32")]

use genoforge::core::coord::Span;
use genoforge::core::names::Lookup;
use genoforge::core::summary::GenomeSummary;
use genoforge::io::load::{InputFile, LoadRequest, Loader, Step};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const GFF: &[u8] = include_bytes!("../public/genome/Saccharomyces_cerevisiae.R64-1-1.99.gff3.gz");
const FASTA: &[u8] =
    include_bytes!("../public/genome/S288C_reference_sequence_R64-2-1_20150113.fsa.gz");
const TABLE: &[u8] = include_bytes!("../public/genome/SGD_features.tab.gz");

#[wasm_bindgen_test]
fn default_genome_parses_and_indexes_in_wasm() {
    let mut loader = Loader::new(LoadRequest {
        gff: Some(InputFile::new("gff", GFF.to_vec())),
        fasta: Some(InputFile::new("fasta", FASTA.to_vec())),
        feature_table: Some(InputFile::new("table", TABLE.to_vec())),
    });
    let mut steps = 0;
    let loaded = loop {
        match loader.step().expect("the default genome loads") {
            Step::Progress(_) => steps += 1,
            Step::Done(l) => break l,
        }
    };
    assert!(
        steps > 5,
        "the load ran in {steps} steps; the browser needs several to stay responsive"
    );
    let g = &loaded.genome;
    let s = GenomeSummary::new(g, &loaded.diagnostics);
    assert_eq!(s.contigs.len(), 17);
    assert_eq!(s.total_length, 12_157_105);
    assert_eq!(s.total_features, 28_695);
    assert_eq!(s.feature_types["gene"], 6_600);
    assert!(s.contigs.iter().all(|c| c.has_sequence));
    assert!(g.contig(g.contig_by_name("chrM").unwrap()).is_circular());
    let Lookup::Found(hit) = g.lookup("TFC3") else {
        panic!("TFC3")
    };
    assert_eq!(
        g.feature(hit.feature).span,
        Span::from_one_based(147_594, 151_166).unwrap()
    );
    let Lookup::Found(met15) = g.lookup("MET15") else {
        panic!("MET15")
    };
    assert_eq!(
        g.feature(met15.feature).systematic_name().as_deref(),
        Some("YLR303W")
    );
    // The interval index answers in WASM too.
    let i = g.contig_by_name("I").unwrap();
    assert!(
        g.overlapping(i, Span::from_one_based(147_594, 147_600).unwrap())
            .contains(&hit.feature)
    );
}

#[wasm_bindgen_test]
fn bad_input_is_an_error_in_wasm_too() {
    let mut loader = Loader::new(LoadRequest {
        gff: Some(InputFile::new(
            "broken.gff3.gz",
            GFF[..GFF.len() / 3].to_vec(),
        )),
        fasta: None,
        feature_table: None,
    });
    let err = loop {
        match loader.step() {
            Ok(Step::Progress(_)) => {}
            Ok(Step::Done(_)) => panic!("a truncated file loaded"),
            Err(e) => break e,
        }
    };
    assert!(
        err.to_string().contains("broken.gff3.gz") && err.to_string().contains("truncated"),
        "{err}"
    );
}
