//! Exports: selection.json validates against its schema; exports are byte-identical whatever the
//! order data was loaded in (the browser and the CLI load in different orders); overlap.csv,
//! genotypes.csv, the SVG and the Cypher query say what the selection is.

use crate::datasets_support::*;
use genoforge::core::datasets::catalog::{Catalog, GeneFilter};
use genoforge::core::datasets::evaluation::Evaluation;
use genoforge::core::datasets::info::{DatasetInfo, PredictionLevel};
use genoforge::core::datasets::key::KeyKind;
use genoforge::core::datasets::resolve::SystematicNames;
use genoforge::core::datasets::selection::{Join, Selection};
use genoforge::io::datasets::bundled::load_bundled;
use genoforge::io::datasets::import::{ImportOptions, import_bytes};
use genoforge::io::datasets::{cypher, figure, selection_json, tables};

/// The registry with bundled data, plus Costanzo and Kuzmin files imported; `reversed` loads the
/// user data before the bundled lists (so every gene gets another id).
fn session(reversed: bool) -> (Catalog, Selection) {
    let mut c = Catalog::with_registry();
    let dmf = c.index("costanzo2016_dmf").unwrap();
    let kdmf = c.index("kuzmin2018_dmf").unwrap();
    let user = c.add(DatasetInfo::user(
        "my_screen",
        "My screen",
        PredictionLevel::Global,
        Some("growth"),
    ));
    let load_files = |c: &mut Catalog| {
        for (i, text) in [(dmf, costanzo_small()), (kdmf, kuzmin_small())] {
            let f = import_bytes(
                text.as_bytes(),
                "f.txt",
                ImportOptions::default(),
                &mut c.interner,
                &SystematicNames,
            )
            .unwrap();
            c.add_data(i, f.data);
        }
        let f = import_bytes(
            b"genes\nYAL001C;YAL002W\nYAL001C\nYMR296C\n",
            "mine.csv",
            ImportOptions::default(),
            &mut c.interner,
            &SystematicNames,
        )
        .unwrap();
        c.add_data(user, f.data);
    };
    if reversed {
        load_files(&mut c);
        load_bundled(&mut c).unwrap();
    } else {
        load_bundled(&mut c).unwrap();
        load_files(&mut c);
    }
    let mut s = Selection::new(c.len());
    let ess = c.index("essential_genes").unwrap();
    for i in [dmf, kdmf, user, ess] {
        s.select(i, true).unwrap();
    }
    s.set_join(dmf, kdmf, Join::Intersection).unwrap();
    (c, s)
}

fn exports(c: &Catalog, s: &Selection, key: KeyKind, filter: Option<&GeneFilter>) -> [Vec<u8>; 5] {
    let ev = Evaluation::new(c, s, key, filter);
    let mut genotypes = Vec::new();
    tables::genotypes_csv(c, s, &ev, &mut genotypes).unwrap();
    [
        selection_json::selection_json(c, s, filter, &ev).into_bytes(),
        tables::overlap_csv(c, &ev).into_bytes(),
        genotypes,
        figure::selection_svg(c, s, &ev).into_bytes(),
        cypher::selection_cypher(c, s, key, filter).into_bytes(),
    ]
}

#[test]
fn selection_json_validates_against_its_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/dataset-selection.schema.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let (c, s) = session(false);
    for key in [
        KeyKind::Gene,
        KeyKind::Genotype,
        KeyKind::GenotypeEnvironment,
    ] {
        let filter = GeneFilter::new(
            &["YAL001C".into(), "YAL002W".into()],
            Some("two".into()),
            &c.interner,
        );
        for f in [None, Some(&filter)] {
            let json = selection_json::selection_json(&c, &s, f, &Evaluation::new(&c, &s, key, f));
            let v: serde_json::Value = serde_json::from_str(&json).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&v)
                .map(|e| format!("{e} at {}", e.instance_path))
                .collect();
            assert!(errors.is_empty(), "{key:?}: {errors:#?}");
        }
    }
    // A wrong document is refused (the schema is not vacuous).
    let mut bad: serde_json::Value = serde_json::from_str(&selection_json::selection_json(
        &c,
        &s,
        None,
        &Evaluation::new(&c, &s, KeyKind::Genotype, None),
    ))
    .unwrap();
    bad["key"] = "genes".into();
    assert!(!validator.is_valid(&bad));
}

#[test]
fn selection_json_says_what_was_selected() {
    let (c, s) = session(false);
    let ev = Evaluation::new(&c, &s, KeyKind::Genotype, None);
    let v: serde_json::Value =
        serde_json::from_str(&selection_json::selection_json(&c, &s, None, &ev)).unwrap();
    let ids: Vec<&str> = v["matrix"]["ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    let at = |id: &str| ids.iter().position(|x| *x == id).unwrap();
    let (dmf, kdmf, ess) = (
        at("costanzo2016_dmf"),
        at("kuzmin2018_dmf"),
        at("essential_genes"),
    );
    assert_eq!(v["matrix"]["intersection"][dmf][kdmf], 1);
    assert_eq!(v["matrix"]["intersection"][kdmf][dmf], 1);
    assert_eq!(v["matrix"]["union"][dmf][kdmf], 0);
    assert_eq!(v["matrix"]["union"][dmf][ess], 1);
    assert_eq!(v["matrix"]["union"][dmf][dmf], 1);
    assert_eq!(v["matrix"]["intersection"][dmf][dmf], 1);
    // Every Kuzmin genotype of the small file contains YAL015C, which Costanzo's lacks.
    assert_eq!(v["overlap"][dmf][kdmf], 0);
    assert_eq!(v["overlap"][dmf][dmf], 4);
    assert_eq!(v["overlap"][ess][ess], 1_186);
    assert!(v["overlap"][at("kuzmin2018_tmf")][dmf].is_null());
    assert_eq!(v["datasets"][dmf]["data"], "imported");
    assert_eq!(v["datasets"][ess]["data"], "bundled");
    assert_eq!(v["datasets"][at("huh2003_gfp")]["data"], "metadata_only");
    let groups = v["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 3);
    assert_eq!(
        groups[0],
        serde_json::json!(["costanzo2016_dmf", "kuzmin2018_dmf"])
    );
    // Result = ∅ (dmf ∩ kdmf) ∪ essential (1,186) ∪ my_screen (3): YAL001C and YMR296C are
    // essential, so my_screen adds only {YAL001C, YAL002W}.
    assert_eq!(v["result"]["groups"][0]["size"], 0);
    assert_eq!(v["result"]["size"], 1_186 + 1);
}

#[test]
fn exports_are_identical_whatever_the_load_order() {
    let (c1, s1) = session(false);
    let (c2, s2) = session(true);
    assert_ne!(
        c1.interner.genes.get("YAL001C"),
        c2.interner.genes.get("YAL001C"),
        "the two sessions must intern differently for this test to mean something"
    );
    for key in [
        KeyKind::Gene,
        KeyKind::Genotype,
        KeyKind::GenotypeEnvironment,
    ] {
        let f1 = GeneFilter::new(
            &["YAL001C".into(), "YAL002W".into(), "YMR296C".into()],
            None,
            &c1.interner,
        );
        let f2 = GeneFilter::new(
            &["YAL001C".into(), "YAL002W".into(), "YMR296C".into()],
            None,
            &c2.interner,
        );
        assert_eq!(
            exports(&c1, &s1, key, None),
            exports(&c2, &s2, key, None),
            "{key:?}"
        );
        assert_eq!(
            exports(&c1, &s1, key, Some(&f1)),
            exports(&c2, &s2, key, Some(&f2)),
            "{key:?} with gene set"
        );
    }
}

#[test]
fn csv_svg_and_cypher_content() {
    let (c, s) = session(false);
    let ev = Evaluation::new(&c, &s, KeyKind::GenotypeEnvironment, None);
    let overlap = tables::overlap_csv(&c, &ev);
    let mut lines = overlap.lines();
    let header = lines.next().unwrap();
    assert!(header.starts_with("dataset,costanzo2016_smf,costanzo2016_dmf,"));
    let dmf_row = overlap
        .lines()
        .find(|l| l.starts_with("costanzo2016_dmf,"))
        .unwrap();
    let cells: Vec<&str> = dmf_row.split(',').collect();
    assert_eq!(cells.len(), c.len() + 1);
    assert_eq!(cells[2], "5");
    assert_eq!(cells[3], "", "no data for costanzo2016_dmi");

    let mut g = Vec::new();
    tables::genotypes_csv(&c, &s, &ev, &mut g).unwrap();
    let g = String::from_utf8(g).unwrap();
    let rows: Vec<&str> = g.lines().collect();
    assert_eq!(
        rows[0],
        "genes,environment,costanzo2016_dmf,kuzmin2018_dmf,essential_genes,my_screen"
    );
    assert_eq!(rows.len(), 1 + 1_186 + 1);
    assert!(rows.contains(&"YAL001C;YAL002W,,0,0,0,1"));
    assert!(rows.contains(&"YAL001C,,0,0,1,1"));
    let mut sorted = rows[1..].to_vec();
    sorted.sort();
    assert_eq!(sorted, rows[1..], "rows in name order");

    let svg = figure::selection_svg(&c, &s, &ev);
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("∩") && svg.contains("∪"));
    assert!(svg.contains("Training set: 1,187 genotype–environment pairs in 3 groups"));
    assert!(svg.contains(">1,186<"));

    let f = GeneFilter::new(&["YAL001C".into(), "YBR188C".into()], None, &c.interner);
    let cql = cypher::selection_cypher(&c, &s, KeyKind::Genotype, Some(&f));
    assert!(cql.contains(":param gene_set => ['YAL001C', 'YBR188C']"));
    assert!(cql.contains("WHERE d.id IN ['DmfCostanzo2016Dataset', 'DmfKuzmin2018Dataset']"));
    assert!(cql.contains("WHERE size(datasets) = 2"));
    assert!(cql.contains("ALL(p IN perturbations WHERE p.systematic_gene_name IN $gene_set) AND size(perturbations) > 0"));
    assert_eq!(cql.lines().filter(|l| *l == "UNION ALL").count(), 2);
    assert!(
        cql.contains("(e:Experiment)-[:ExperimentMemberOf]->(d:Dataset {id: 'essential_genes'})")
    );
    assert!(cql.contains("essential_genes: not a torchcell dataset"));
}
