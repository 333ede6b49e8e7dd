//! Export file names carry the design's name (issue 13 §4): the name made safe for file systems,
//! the library's name first, the strain's when the design is unnamed; the CLI's views the same.

use crate::common;

use genoforge::core::design::Design;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::compose::{delete_gene, set_background};
use genoforge::core::genetics::strain::strain;
use genoforge::io::export::ExportKind;
use genoforge::view::export_name::{
    FALLBACK_STEM, MAX_STEM, design_stem, export_file_name, file_stem,
};
use genoforge::view::library::{DesignLibrary, UNTITLED};

#[test]
fn spaces_slashes_and_colons_become_single_dashes() {
    assert_eq!(
        file_stem("BY4741 pho5 tag").as_deref(),
        Some("BY4741-pho5-tag")
    );
    assert_eq!(
        file_stem("tfc3Δ::kanMX4/TFC3").as_deref(),
        Some("tfc3D-kanMX4-TFC3")
    );
    assert_eq!(
        file_stem(r"a\b  c:d*e?f<g>h|i").as_deref(),
        Some("a-b-c-d-e-f-g-h-i")
    );
    assert_eq!(
        file_stem("PHO5-GFP(S65T)::kanMX6").as_deref(),
        Some("PHO5-GFP-S65T-kanMX6")
    );
}

#[test]
fn greek_letters_are_spelt_as_yeast_genetics_writes_them_in_ascii() {
    // MATα must never become MATa, the other mating type.
    assert_eq!(
        file_stem("BY4742 MATα lys2Δ0").as_deref(),
        Some("BY4742-MATalpha-lys2D0")
    );
    assert_eq!(file_stem("Ωβγδ").as_deref(), Some("Omegabetagammadelta"));
    assert_eq!(file_stem("ςσΣ").as_deref(), Some("sigmasigmaSigma"));
    for name in ["BY4741 Δ", "é ü ß 日本 α", "a\u{0}b\tc\nd"] {
        let s = file_stem(name).unwrap();
        assert!(
            s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b)),
            "{name} → {s}"
        );
    }
}

#[test]
fn empty_hidden_reserved_and_long_names() {
    assert_eq!(file_stem(""), None);
    assert_eq!(file_stem("   "), None);
    assert_eq!(file_stem("/// :: ()"), None);
    assert_eq!(file_stem("日本"), None);
    assert_eq!(file_stem("..").as_deref(), None);
    assert_eq!(file_stem(".hidden").as_deref(), Some("hidden"));
    assert_eq!(file_stem("--help").as_deref(), Some("help"));
    assert_eq!(file_stem("con").as_deref(), Some("con_"));
    assert_eq!(file_stem("NUL.txt").as_deref(), Some("NUL_.txt"));
    assert_eq!(file_stem("CONTROL").as_deref(), Some("CONTROL"));
    let long = "pho5Δ ".repeat(100);
    let s = file_stem(&long).unwrap();
    assert!(s.len() <= MAX_STEM, "{}", s.len());
    assert!(s.starts_with("pho5D-pho5D-") && !s.ends_with('-'), "{s}");
    // The longest file name stays far below the 255 bytes file systems allow.
    let longest = ExportKind::ALL
        .iter()
        .map(|&k| export_file_name(k, &s).len())
        .max()
        .unwrap();
    assert!(longest < 255, "{longest}");
}

#[test]
fn the_library_name_comes_first_then_the_spec_name_then_the_strain() {
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    assert_eq!(design_stem(None, d.genotype()), FALLBACK_STEM);
    set_background(g, &mut d, strain("BY4741").unwrap()).unwrap();
    delete_gene(g, &mut d, resolve_gene(g, "PHO5").unwrap(), None).unwrap();
    // Unnamed: the strain, not the genotype string.
    assert_eq!(design_stem(None, d.genotype()), "BY4741");
    assert_eq!(design_stem(Some("  "), d.genotype()), "BY4741");
    d.genotype_mut().name = Some("pho5 screen".to_owned());
    assert_eq!(design_stem(None, d.genotype()), "pho5-screen");
    assert_eq!(
        design_stem(Some("BY4741 pho5 tag"), d.genotype()),
        "BY4741-pho5-tag"
    );
    let stem = design_stem(Some("BY4741 pho5 tag"), d.genotype());
    let names: Vec<String> = ExportKind::ALL
        .iter()
        .map(|&k| export_file_name(k, &stem))
        .collect();
    assert_eq!(
        names,
        [
            "BY4741-pho5-tag.genotype-spec.json",
            "BY4741-pho5-tag.fa",
            "BY4741-pho5-tag.gff3",
            "BY4741-pho5-tag.reference-to-edited.chain",
            "BY4741-pho5-tag.affected-features.tsv",
            "BY4741-pho5-tag.gene_nodes.csv",
            "BY4741-pho5-tag.gene_nodes.json",
            "BY4741-pho5-tag.sequence_windows.fa",
            "BY4741-pho5-tag.sequence_windows.jsonl",
            "BY4741-pho5-tag.genotype.txt",
        ]
    );
}

#[test]
fn autosave_names_are_not_names_the_user_gave() {
    let mut lib = DesignLibrary::default();
    let a = lib.add(UNTITLED, "2026-12-01T00:00:00Z", 1);
    let b = lib.add(UNTITLED, "2026-12-01T00:00:00Z", 1);
    assert_eq!(lib.get(&b).unwrap().name, "Untitled design 2");
    assert_eq!(lib.get(&a).unwrap().given_name(), None);
    assert_eq!(lib.get(&b).unwrap().given_name(), None);
    lib.rename(&a, "BY4741 pho5 tag", "").unwrap();
    assert_eq!(lib.get(&a).unwrap().given_name(), Some("BY4741 pho5 tag"));
    lib.rename(&b, "Untitled design draft", "").unwrap();
    assert_eq!(
        lib.get(&b).unwrap().given_name(),
        Some("Untitled design draft")
    );
}

#[test]
fn cli_views_carry_the_spec_name_when_the_design_has_one() {
    let dir = common::scratch("export_names_cli");
    let root = common::root();
    let gdir = root.join("public/genome");
    let gff = gdir.join("Saccharomyces_cerevisiae.R64-1-1.99.gff3.gz");
    let fasta = gdir.join("S288C_reference_sequence_R64-2-1_20150113.fsa.gz");
    let spec = dir.join("spec.json");
    let out = common::genoforge_in(
        &dir,
        &[
            "design",
            "--gff",
            gff.to_str().unwrap(),
            "--fasta",
            fasta.to_str().unwrap(),
            "--strain",
            "BY4741",
            "--name",
            "BY4741 pho5Δ",
            "--delete",
            "PHO5",
            "--out-spec",
            spec.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let views = dir.join("views");
    let out = common::genoforge_in(
        &dir,
        &[
            "views",
            spec.to_str().unwrap(),
            "--gff",
            gff.to_str().unwrap(),
            "--fasta",
            fasta.to_str().unwrap(),
            "--out-dir",
            views.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut names: Vec<String> = std::fs::read_dir(&views)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "BY4741-pho5D.gene_nodes.csv",
            "BY4741-pho5D.gene_nodes.json",
            "BY4741-pho5D.sequence_windows.fa",
            "BY4741-pho5D.sequence_windows.jsonl",
        ]
    );
    let csv = std::fs::read_to_string(views.join("BY4741-pho5D.gene_nodes.csv")).unwrap();
    assert!(
        csv.lines()
            .any(|l| l.starts_with("YBR093C,PHO5,gene,II,,,-,deleted,")),
        "PHO5 deleted in the named file"
    );
}
