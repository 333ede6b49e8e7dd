//! Edits and spec JSON: `"enabled": false` is honoured, unknown keys and wrong types are errors
//! naming the field's path, and every value that reaches an output file — a label, a feature's
//! type, ID, name, attributes, parts and phases — is checked before the edit is accepted.

use crate::common;

use genoforge::core::design::Design;
use genoforge::core::lift::Lifted;
use genoforge::io::edits_json::{self, EditsJsonError};
use genoforge::io::gff3;

/// Parses and applies `tests/data/cases/json/NAME` on the chr1 case genome.
fn apply(name: &str) -> Result<Design, EditsJsonError> {
    let loaded = common::load_case("chr1");
    let bytes = std::fs::read(common::case("json").join(name)).unwrap();
    let file = edits_json::parse(&bytes)?;
    let mut design = Design::new();
    edits_json::apply(&file, &loaded.genome, &mut design)?;
    Ok(design)
}

fn error(name: &str) -> String {
    match apply(name) {
        Ok(_) => panic!("{name} was accepted"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn enabled_false_is_kept_and_not_applied() {
    let design = apply("disabled.json").unwrap();
    assert_eq!(design.edits().len(), 2);
    assert!(!design.is_enabled(design.edits()[0].id));
    assert!(design.is_enabled(design.edits()[1].id));
    // The CLI: 120 − 2 bases, and the spec keeps the disabled edit as disabled.
    let dir = common::scratch("disabled");
    let case = common::case("chr1");
    let out = common::genoforge_in(
        &dir,
        &[
            "apply",
            "--gff",
            case.join("genes.gff3").to_str().unwrap(),
            "--fasta",
            case.join("ref.fa").to_str().unwrap(),
            "--edits",
            common::case("json/disabled.json").to_str().unwrap(),
            "--out-fasta",
            "out.fa",
            "--out-spec",
            "out.json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let fa = std::fs::read_to_string(dir.join("out.fa")).unwrap();
    let bases: usize = fa.lines().skip(1).map(str::len).sum();
    assert_eq!(bases, 118);
    let spec: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("out.json")).unwrap()).unwrap();
    assert_eq!(spec["edits"][0]["enabled"], false);
    assert!(spec["edits"][1].get("enabled").is_none());
}

#[test]
fn unknown_keys_and_wrong_types_name_the_path() {
    let e = error("unknown_key.json");
    assert!(
        e.contains("edits[0].feature.children[0].p") && e.contains("unknown field `p`"),
        "{e}"
    );
    let e = error("wrong_type.json");
    assert!(
        e.contains("edits[0].enabled") && e.contains("invalid type"),
        "{e}"
    );
    let e = error("top_level_key.json");
    assert!(e.contains("unknown field `comment`"), "{e}");
    // Specs too: an edit's unknown key, and an edit without its id.
    let spec = br#"{"schema_version":1,"reference":{"species":null,"strain":null,"assembly":null,
        "annotation":{"features":0,"md5":"x"},"contigs":[]},"perturbations":[],
        "edits":[{"id":0,"op":"delete","seqid":"chr1","start":1,"end":2,"colour":"red"}],
        "provenance":{"tool":"genoforge","version":"0","created":"now"}}"#;
    let e = genoforge::io::spec_json::parse(spec)
        .unwrap_err()
        .to_string();
    assert!(e.contains("edits[0].colour"), "{e}");
}

#[test]
fn sequences_are_bases_only() {
    let e = error("blank_sequence.json");
    assert!(e.contains("' ' at position 1"), "{e}");
}

#[test]
fn labels_and_columns_1_to_8_refuse_control_characters() {
    let e = error("label_newline.json");
    assert!(e.contains("label") && e.contains("newline"), "{e}");
    let e = error("type_injection.json");
    assert!(e.contains("feature type") && e.contains("a tab"), "{e}");
}

#[test]
fn inserted_ids_are_unique() {
    let e = error("duplicate_id.json");
    assert!(
        e.contains("'gene:g1' is already used by the annotation (GFF3 line 3)"),
        "{e}"
    );
    let e = error("duplicate_inserted_id.json");
    assert!(e.starts_with("edit 2 (of 2)") && e.contains("'n1'"), "{e}");
}

#[test]
fn empty_keys_values_and_phases_outside_0_to_2_are_refused() {
    assert!(error("bad_phase.json").contains("phase 7"));
    assert!(error("empty_name.json").contains("feature name is empty"));
    assert!(error("empty_key.json").contains("attribute name is empty"));
    assert!(error("parent_attribute.json").contains("'Parent' is set by genoforge"));
    assert!(error("delete_with_feature.json").contains("takes no \"feature\""));
    let e = error("inconsistent_phase.json");
    assert!(
        e.contains("part 2 (CDS) has phase 0") && e.contains("is 2"),
        "{e}"
    );
}

#[test]
fn cds_part_phases_are_computed_and_valid() {
    let loaded = common::load_case("chr1");
    let design = apply("cds_parts.json").unwrap();
    let lifted = Lifted::new(&loaded.genome, &design);
    let mut out = Vec::new();
    gff3::writer::write(&mut out, &loaded.genome, &design, &lifted).unwrap();
    let text = String::from_utf8(out).unwrap();
    let phases: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("\tgenoforge\tCDS\t"))
        .map(|l| l.split('\t').nth(7).unwrap())
        .collect();
    // 10 bases from phase 0 leave one base of a codon: the second part starts at phase 2.
    assert_eq!(phases.len(), 2);
    assert!(phases.contains(&"0") && phases.contains(&"2"), "{text}");
    let path = common::scratch("cds-parts").join("out.gff3");
    std::fs::write(&path, &text).unwrap();
    if let Some(r) = common::gt_validate(&path) {
        r.unwrap();
    }
}
