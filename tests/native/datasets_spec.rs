//! The dataset selection as part of the design (issue 10 §4, issue 11 §3–4): the record in the
//! genotype spec (`dataset_selection`), byte-identical round trips, schema validation, old specs,
//! unknown ids, files to import again matched by SHA-256, `measured_in`, and the record driving the
//! same exports as `genoforge select` with the same datasets.

use crate::common;
use crate::datasets_support::scratch;

use genoforge::core::datasets::catalog::Catalog;
use genoforge::core::datasets::data::{DataStatus, DatasetData, SourceFile};
use genoforge::core::datasets::evaluation::Evaluation;
use genoforge::core::datasets::info::{DatasetInfo, PredictionLevel};
use genoforge::core::datasets::key::KeyKind;
use genoforge::core::datasets::measured::measured_in;
use genoforge::core::datasets::selection::Join;
use genoforge::core::design::Design;
use genoforge::core::design::dataset_selection::{DatasetSelection, GeneSetChoice, RecordError};
use genoforge::core::design::genotype::GeneSet;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::compose::{delete_gene, set_background};
use genoforge::core::genetics::strain::strain;
use genoforge::core::spec::{ReferenceSpec, SpecError, export, restore};
use genoforge::io::datasets::bundled::load_bundled;
use genoforge::io::datasets::selection_json::selection_json;
use genoforge::io::spec_json;

use crate::common::{FASTA, GFF, genoforge};
const CREATED: &str = "2026-12-01T00:00:00Z";

fn reference() -> &'static ReferenceSpec {
    static CELL: std::sync::OnceLock<ReferenceSpec> = std::sync::OnceLock::new();
    CELL.get_or_init(|| ReferenceSpec::of(&common::default_genome().genome))
}

/// The registry with its bundled lists, plus a user dataset filled from one (made-up) file.
fn catalog() -> Catalog {
    let mut c = Catalog::with_registry();
    load_bundled(&mut c).unwrap();
    let i = c.add(DatasetInfo::user(
        "my_screen",
        "My screen",
        PredictionLevel::Global,
        Some("growth"),
    ));
    let genes: Vec<_> = ["YAL001C", "YBR188C", "YMR296C"]
        .iter()
        .map(|n| c.interner.gene(n))
        .collect();
    let data = DatasetData::from_genes(
        genes,
        &c.interner,
        DataStatus::Imported,
        vec![SourceFile {
            name: "screen.txt".into(),
            bytes: 24,
            sha256: "ab".repeat(32),
        }],
    );
    c.add_data(i, data);
    c
}

/// BY4741 tfc3Δ::kanMX4 with a gene set and a dataset selection of four datasets, one pair ∩.
fn design(c: &Catalog) -> Design {
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4741").unwrap()).unwrap();
    let kan = common::kanmx4();
    delete_gene(g, &mut d, resolve_gene(g, "TFC3").unwrap(), Some(&kan)).unwrap();
    d.genotype_mut().gene_set = Some(GeneSet {
        name: Some("repair".into()),
        genes: vec!["YAL001C".into(), "YBR188C".into(), "YPL022W".into()],
    });
    let r = d.dataset_selection_mut();
    for id in [
        "my_screen",
        "essential_genes",
        "costanzo2016_smf",
        "kuzmin2018_dmf",
    ] {
        assert!(r.select(c, c.index(id).unwrap(), true));
    }
    assert_eq!(
        r.toggle("costanzo2016_smf", "essential_genes"),
        Ok(Join::Intersection)
    );
    r.key = KeyKind::Gene;
    r.gene_set = Some(GeneSetChoice::Design);
    d
}

fn spec_text(d: &Design) -> String {
    let g = &common::default_genome().genome;
    spec_json::to_string(&export(
        g,
        d,
        reference(),
        CREATED,
        &genoforge::io::gene_sets::read_essentiality(
            &std::fs::read(common::root().join("public/data/deletion_essentiality.tsv")).unwrap(),
        )
        .unwrap(),
    ))
}

#[test]
fn the_selection_rides_in_the_spec_byte_identically() {
    let c = catalog();
    let mut d = design(&c);
    // A measured_in snapshot recorded with the design.
    let m = measured_in(&["YAL001C".into()], &c, 5);
    assert_eq!(m.genes[0].datasets.len(), 3, "{m:?}");
    d.dataset_selection_mut().record_measured(m);
    let first = spec_text(&d);
    let v: serde_json::Value = serde_json::from_str(&first).unwrap();
    let sel = &v["dataset_selection"];
    let ids: Vec<&str> = sel["datasets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    // Matrix order (registry order, user datasets last), whatever order they were picked in.
    assert_eq!(
        ids,
        [
            "costanzo2016_smf",
            "kuzmin2018_dmf",
            "essential_genes",
            "my_screen"
        ]
    );
    assert_eq!(
        sel["intersections"],
        serde_json::json!([["costanzo2016_smf", "essential_genes"]])
    );
    assert_eq!(sel["key"], "gene");
    assert_eq!(sel["gene_set"], serde_json::json!({"kind": "design"}));
    assert_eq!(sel["datasets"][3]["user"]["name"], "My screen");
    assert_eq!(sel["datasets"][3]["sources"][0]["name"], "screen.txt");
    // Bundled data is not a file to import again.
    assert!(sel["datasets"][0].get("sources").is_none());
    assert_eq!(
        sel["measured_in"]["genotype"],
        serde_json::json!(["YAL001C"])
    );
    assert!(
        sel["measured_in"]["genes"][0]["datasets"][0]
            .get("dataset")
            .is_none()
    );

    // Export → import → export: the same bytes; the restored design carries the same record.
    let g = &common::default_genome().genome;
    let parsed = spec_json::parse(first.as_bytes()).unwrap();
    let (restored, warnings) = restore(g, reference(), &parsed).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(restored.dataset_selection(), d.dataset_selection());
    assert_eq!(spec_text(&restored), first);

    // The shipped schema accepts it.
    let schema: serde_json::Value = serde_json::from_slice(
        &std::fs::read(common::root().join("public/genotype-spec.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn specs_without_a_selection_load_and_export_unchanged() {
    let c = catalog();
    let mut d = design(&c);
    *d.dataset_selection_mut() = DatasetSelection::default();
    let text = spec_text(&d);
    assert!(!text.contains("dataset_selection"));
    let g = &common::default_genome().genome;
    let (restored, _) =
        restore(g, reference(), &spec_json::parse(text.as_bytes()).unwrap()).unwrap();
    assert!(restored.dataset_selection().is_empty());
    assert_eq!(spec_text(&restored), text);
    // Undo/autosave compare whole designs: the selection is part of them.
    let selected = design(&c);
    let mut plain = selected.without_dataset_selection();
    assert_ne!(selected, plain);
    assert!(plain.dataset_selection().is_empty());
    plain.genotype_mut().provenance = restored.genotype().provenance.clone();
    assert_eq!(plain, restored);
    assert!(!selected.is_blank() && Design::new().is_blank());
}

#[test]
fn unknown_or_inconsistent_selections_are_refused_with_the_reason() {
    let c = catalog();
    let text = spec_text(&design(&c));
    let g = &common::default_genome().genome;
    let refused = |edit: &dyn Fn(&mut serde_json::Value)| -> String {
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        edit(&mut v);
        let spec = spec_json::parse(v.to_string().as_bytes()).unwrap();
        match restore(g, reference(), &spec) {
            Err(e @ SpecError::DatasetSelection(_)) => e.to_string(),
            other => panic!("not refused for its selection: {other:?}"),
        }
    };
    let m = refused(&|v| v["dataset_selection"]["datasets"][1]["id"] = "nosuch".into());
    assert!(
        m.contains("unknown dataset `nosuch`") && m.contains("not in the registry"),
        "{m}"
    );
    let m = refused(&|v| {
        v["dataset_selection"]["datasets"][3]
            .as_object_mut()
            .unwrap()
            .remove("user");
    });
    assert!(m.contains("unknown dataset `my_screen`"), "{m}");
    let m = refused(&|v| v["dataset_selection"]["intersections"][0][1] = "kuzmin2020_dmf".into());
    assert!(
        m.contains("`kuzmin2020_dmf`, which is not among the selected"),
        "{m}"
    );
    let m = refused(&|v| v["dataset_selection"]["datasets"][0]["id"] = "Bad-Id".into());
    assert!(m.contains("`Bad-Id` is not a dataset id"), "{m}");
    let m = refused(&|v| v["dataset_selection"]["datasets"][1]["id"] = "costanzo2016_smf".into());
    assert!(m.contains("listed twice"), "{m}");
    // A malformed record is a syntax error with its line, not a panic.
    let broken = text.replace("\"key\": \"gene\"", "\"key\": \"genes\"");
    let e = spec_json::parse(broken.as_bytes()).unwrap_err().to_string();
    assert!(e.contains("line ") && e.contains("genes"), "{e}");
    assert_eq!(
        DatasetSelection {
            intersections: vec![["a".into(), "a".into()]],
            ..DatasetSelection::default()
        }
        .validate(),
        Err(RecordError::SamePair("a".into()))
    );
}

#[test]
fn files_to_import_again_are_matched_by_sha256() {
    let c = catalog();
    let d = design(&c);
    let record = d.dataset_selection();
    assert!(record.missing_files(&c).is_empty());
    // Another browser: the registry and bundled lists, nothing imported.
    let mut fresh = Catalog::with_registry();
    load_bundled(&mut fresh).unwrap();
    let missing = record.missing_files(&fresh);
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].id, "my_screen");
    assert_eq!(missing[0].files[0].sha256, "ab".repeat(32));
    let (selection, absent) = record.to_selection(&fresh);
    assert_eq!(absent, ["my_screen"]);
    assert_eq!(selection.selected().len(), 3);
    // The user dataset comes back from its description; a file with another SHA-256 is not it.
    let info = record.datasets[3].user.as_ref().unwrap().info("my_screen");
    let i = fresh.add(info);
    let g = fresh.interner.gene("YAL001C");
    let other = SourceFile {
        name: "screen.txt".into(),
        bytes: 24,
        sha256: "cd".repeat(32),
    };
    fresh.add_data(
        i,
        DatasetData::from_genes([g], &fresh.interner, DataStatus::Imported, vec![other]),
    );
    assert_eq!(record.missing_files(&fresh).len(), 1);
    // Refreshing after an import keeps a recorded file that is still missing here…
    let mut r = record.clone();
    assert!(!r.refresh_sources(&fresh));
    assert_eq!(r.datasets[3].sources[0].sha256, "ab".repeat(32));
    // …takes the catalog's list once every recorded file is held (it may hold more)…
    let j = fresh.index("my_screen").unwrap();
    let g2 = fresh.interner.gene("YBR188C");
    let same = record.datasets[3].sources.clone();
    fresh.add_data(
        j,
        DatasetData::from_genes([g2], &fresh.interner, DataStatus::Imported, same),
    );
    assert!(r.refresh_sources(&fresh));
    assert_eq!(r.datasets[3].sources.len(), 2);
    assert!(r.missing_files(&fresh).is_empty());
    // …and the user's replacing a dataset's data records exactly what it holds now.
    fresh.entries[j].data = None;
    assert!(r.set_sources(&fresh, "my_screen"));
    assert!(r.datasets[3].sources.is_empty());
}

#[test]
fn the_cli_keeps_the_selection_and_the_record_drives_the_same_exports() {
    let dir = scratch("datasets_spec_cli");
    let c = catalog();
    let mut d = design(&c);
    // Bundled datasets only, so the CLI can name them all.
    d.dataset_selection_mut()
        .select(&c, c.index("my_screen").unwrap(), false);
    let text = spec_text(&d);
    let spec = dir.join("spec.json");
    std::fs::write(&spec, &text).unwrap();
    let out_spec = dir.join("out.json");
    let out = genoforge(&[
        "apply",
        "--spec",
        spec.to_str().unwrap(),
        "--fasta",
        FASTA,
        "--gff",
        GFF,
        // The library's genome has SGD's feature table, and with it ARS108, which
        // tfc3Δ::kanMX4 cuts into: the CLI writes that warning only when given the table too.
        "--features",
        "public/genome/SGD_features.tab.gz",
        "--out-spec",
        out_spec.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&out_spec).unwrap(), text);

    // `select` with the same datasets, pair and gene set as the record writes the bytes the
    // record gives through the library (what the browser downloads).
    let sel = dir.join("sel.json");
    let out = genoforge(&[
        "select",
        "--dataset",
        "costanzo2016_smf",
        "--dataset",
        "kuzmin2018_dmf",
        "--dataset",
        "essential_genes",
        "--intersect",
        "costanzo2016_smf,essential_genes",
        "--key",
        "gene",
        "--spec",
        spec.to_str().unwrap(),
        "--spec-gene-set",
        "--out",
        sel.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("design genotype: {YAL001C}"), "{stdout}");
    let mut browser = Catalog::with_registry();
    load_bundled(&mut browser).unwrap();
    let record = d.dataset_selection();
    let (selection, absent) = record.to_selection(&browser);
    assert!(absent.is_empty());
    let filter = record
        .gene_filter(&browser, d.genotype().gene_set.as_ref())
        .unwrap();
    let ev = Evaluation::new(&browser, &selection, record.key, filter.as_ref());
    assert_eq!(
        selection_json(&browser, &selection, filter.as_ref(), &ev),
        std::fs::read_to_string(&sel).unwrap()
    );
    // A gene set the design does not have is said, not silently ignored.
    let e = record.gene_filter(&browser, None).unwrap_err();
    assert!(e.contains("the design has no gene set"), "{e}");
}
