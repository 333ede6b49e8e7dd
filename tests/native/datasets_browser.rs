//! The Datasets tab's logic, natively (issues 10 and 11 in the browser): the worker's copy of the
//! interner merging back, the genome's name table resolving as the genome does, import reports in
//! the CLI's words, progress, the column mapping a header suggests, ids for new datasets, files to
//! import again, and the design meeting the data.

use crate::common;
use crate::datasets_support::{TableResolver, costanzo_small, import, kuzmin_small};

use genoforge::core::datasets::catalog::Catalog;
use genoforge::core::datasets::data::DataStatus;
use genoforge::core::datasets::intern::Interner;
use genoforge::core::datasets::keyset::KeySet;
use genoforge::core::datasets::measured::measured_in;
use genoforge::core::datasets::mirror::{Mark, MirrorError};
use genoforge::core::datasets::name_map::NameMap;
use genoforge::core::datasets::resolve::{GeneResolver, Resolved};
use genoforge::core::design::Design;
use genoforge::core::edit::helpers::resolve_gene;
use genoforge::core::genetics::compose::{delete_gene, set_background};
use genoforge::core::genetics::strain::strain;
use genoforge::io::datasets::format::{Format, sniff};
use genoforge::io::datasets::import::{ImportOptions, import_bytes};
use genoforge::view::datasets_import::{
    FileReport, MappingForm, dataset_id_for, missing_lines, progress_text,
};
use genoforge::view::datasets_measured::{StrainFit, measured_view};

#[test]
fn the_workers_interner_merges_back_and_its_keys_mean_the_same_genes() {
    // The page: bundled-like genes already interned.
    let mut page = Interner::default();
    for g in ["YAL001C", "YBR188C"] {
        page.gene(g);
    }
    // The worker: a copy, then a Costanzo file.
    let mut worker = Interner::from_tail(&page.tail(Mark::ZERO)).unwrap();
    let start = worker.mark();
    let f = import(costanzo_small().as_bytes(), &mut worker);
    page.append(&worker.tail(start)).unwrap();
    // Its keys, as sent, are the page's keys: the same genotypes by name.
    let keys = KeySet::from_sorted(f.data.keys.as_slice().to_vec()).unwrap();
    let mut direct = Interner::default();
    for g in ["YAL001C", "YBR188C"] {
        direct.gene(g);
    }
    let again = import(costanzo_small().as_bytes(), &mut direct);
    assert_eq!(keys, again.data.keys);
    assert_eq!(page.mark(), direct.mark());
    // A page that interned something meanwhile is told, not remapped.
    let mut moved = Interner::from_tail(&page.tail(Mark::ZERO)).unwrap();
    moved.gene("YPL022W");
    let mut w2 = Interner::from_tail(&page.tail(Mark::ZERO)).unwrap();
    let s2 = w2.mark();
    w2.gene("YDL227C");
    assert!(matches!(
        moved.append(&w2.tail(s2)),
        Err(MirrorError::Diverged { .. })
    ));
}

#[test]
fn the_name_table_resolves_as_the_genome_does() {
    let genome = &common::default_genome().genome;
    let names: Vec<&str> = genome.names().names().collect();
    assert!(names.len() > 10_000, "{}", names.len());
    let table = NameMap::build(names.iter().copied(), genome);
    // Through JSON, as it travels to the worker.
    let table: NameMap = serde_json::from_str(&serde_json::to_string(&table).unwrap()).unwrap();
    for n in [
        "TFC3", "tfc3", "YAL001C", "MET15", "MET17", "nosuch", "YAL001W", "HO",
    ] {
        assert_eq!(table.resolve(n), genome.resolve(n), "{n}");
    }
    assert_eq!(table.resolve("tfc3"), Resolved::Found("YAL001C".into()));
    // Every name of the index agrees.
    for n in &names {
        assert_eq!(table.resolve(n), genome.resolve(n), "{n}");
    }
}

#[test]
fn import_reports_use_the_cli_words() {
    let mut i = Interner::default();
    let table = "genes\tfitness\nTFC3;NTC20\t0.5\nSHARED;LCB1\t0.7\nMYSTERY;YAL001C\t0.1\n";
    let f = import_bytes(
        table.as_bytes(),
        "mine.tsv",
        ImportOptions::default(),
        &mut i,
        &TableResolver::yeast(),
    )
    .unwrap();
    let r = FileReport::of("mine.tsv", &f, 1234.0);
    assert_eq!(
        r.lines(),
        [
            "mine.tsv: genotype table (plain), 3 rows, 3 distinct keys",
            "  warning: 1 unknown and 1 ambiguous gene names (2 occurrences), kept as written (upper-cased):",
            "    line 3: SHARED (ambiguous: YAL001C, YBR188C)",
            "    line 4: MYSTERY (unknown)",
        ]
    );
    assert_eq!(r.sha256.len(), 64);
    // Kuzmin: HO left out, said.
    let k = import(kuzmin_small().as_bytes(), &mut i);
    let r = FileReport::of("kuzmin.txt", &k, 0.0);
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains("YDL227C (HO) left out")),
        "{:?}",
        r.warnings
    );
    assert_eq!(
        progress_text(45_200_000, 110_300_000, 512_345, 2_000.0),
        "512,345 rows · 45.2 of 110.3 MB · 22.6 MB/s"
    );
    assert_eq!(
        progress_text(0, 1_000_000, 0, 0.0),
        "0 rows · 0.0 of 1.0 MB"
    );
}

#[test]
fn the_mapping_dialog_is_prefilled_from_the_header() {
    let header = "strain,gene_a,gene_b,condition,growth";
    let Ok(Format::Table(t)) = sniff(header, None, 1, None, &Default::default()) else {
        panic!("not a table");
    };
    let mut m = MappingForm::from_header(header, &t);
    assert_eq!(
        m.columns,
        ["strain", "gene_a", "gene_b", "condition", "growth"]
    );
    assert_eq!(m.genes, [1, 2]);
    assert_eq!(m.environment, Some(3));
    assert_eq!(m.phenotype, Some(4));
    let map = m.to_mapping();
    assert_eq!(map.genes.as_deref(), Some("gene_a,gene_b"));
    assert_eq!(map.environment.as_deref(), Some("condition"));
    // The user's change is what the importer gets, and it reads the file that way.
    m.environment = None;
    m.genes = vec![1];
    let rows = "strain,gene_a,gene_b,condition,growth\ns1,YAL001C,YBR188C,30C,0.9\n";
    let mut i = Interner::default();
    let f = import_bytes(
        rows.as_bytes(),
        "t.csv",
        ImportOptions {
            mapping: m.to_mapping(),
            ..ImportOptions::default()
        },
        &mut i,
        &TableResolver::yeast(),
    )
    .unwrap();
    assert_eq!(f.data.keys.len(), 1);
    assert_eq!(
        genoforge::core::datasets::key::genes(f.data.keys.as_slice()[0], &i).len(),
        1
    );
}

#[test]
fn new_dataset_ids() {
    let taken = |x: &str| ["my_screen", "my_screen_2"].contains(&x);
    assert_eq!(dataset_id_for("My screen", taken), "my_screen_3");
    assert_eq!(
        dataset_id_for("  Growth (YPD) 2024 ", |_| false),
        "growth_ypd_2024"
    );
    assert_eq!(
        dataset_id_for("2024 screen", |_| false),
        "dataset_2024_screen"
    );
    assert!(genoforge::core::datasets::info::is_valid_id(
        &dataset_id_for(&"x".repeat(100), |_| false)
    ));
}

#[test]
fn files_to_import_again_are_listed_with_their_sha256() {
    use genoforge::core::design::dataset_selection::MissingFiles;
    let m = MissingFiles {
        id: "costanzo2016_dmf".into(),
        files: vec![genoforge::core::datasets::data::SourceFile {
            name: "SGA_ExE.txt".into(),
            bytes: 110_300_000,
            sha256: "1a2b3c4d5e6f".repeat(5) + "abcd",
        }],
    };
    assert_eq!(
        missing_lines(&[m]),
        ["costanzo2016_dmf: SGA_ExE.txt (110.3 MB, SHA-256 1a2b3c4d5e6f…)"]
    );
}

#[test]
fn a_point_mutation_or_promoter_swap_never_meets_deletion_strains_as_a_match() {
    use genoforge::core::genetics::compose::apply;
    use genoforge::core::genetics::point::{parse_change, plan_point_mutation};
    use genoforge::core::genetics::promoter::{Upstream, plan_promoter_swap, promoter_of_gene};
    let g = &common::default_genome().genome;
    let gal4 = resolve_gene(g, "GAL4").unwrap();
    let mut d = Design::new();
    let (plan, _) = plan_point_mutation(g, gal4, &parse_change("K23A").unwrap()).unwrap();
    apply(g, &mut d, plan).unwrap();
    let mut c = Catalog::with_registry();
    genoforge::io::datasets::bundled::load_bundled(&mut c).unwrap();
    let genes = d.genotype().perturbed_genes();
    assert_eq!(genes, ["YPL248C"]);
    let m = measured_in(&genes, &c, 5);
    // The deletion collection holds {YPL248C}: as gal4Δ::kanMX4 strains, not gal4-K23A.
    assert!(
        m.exact.iter().any(|e| e.id == "yeast_deletion_collection"),
        "{:?}",
        m.exact
    );
    let v = measured_view(d.genotype(), &m, &c);
    assert!(
        !v.exact
            .iter()
            .any(|e| e.starts_with("yeast_deletion_collection")),
        "{:?}",
        v.exact
    );
    let other = v
        .other_alleles
        .iter()
        .find(|e| e.starts_with("yeast_deletion_collection"))
        .expect("said as another allele");
    assert!(
        other.contains("gal4-K23A, a point mutation") && other.contains("kanmx deletion"),
        "{other}"
    );
    let row = &v.genes[0];
    assert!(!row.datasets.is_empty());
    assert!(
        row.datasets.iter().all(|c| c.fit == StrainFit::Differs),
        "{:?}",
        row.datasets
    );
    // A second perturbation of the gene (a promoter swap): the gene is headed by both.
    let pgal1 = promoter_of_gene(
        g,
        resolve_gene(g, "GAL1").unwrap(),
        Upstream::ToPreviousFeature,
    )
    .unwrap();
    let (plan, _) = plan_promoter_swap(g, gal4, &pgal1, Upstream::Bases(200)).unwrap();
    apply(g, &mut d, plan).unwrap();
    let v = measured_view(d.genotype(), &measured_in(&genes, &c, 5), &c);
    let label = &v.genes[0].label;
    assert!(
        label.contains("gal4-K23A") && label.contains("pGAL1") && label.ends_with("(YPL248C)"),
        "{label}"
    );
    assert!(
        v.genes[0]
            .datasets
            .iter()
            .all(|c| c.fit == StrainFit::Differs)
    );
}

#[test]
fn a_tfc3_design_meets_costanzo_data() {
    let g = &common::default_genome().genome;
    let mut d = Design::new();
    set_background(g, &mut d, strain("BY4741").unwrap()).unwrap();
    delete_gene(
        g,
        &mut d,
        resolve_gene(g, "TFC3").unwrap(),
        Some(&common::kanmx4()),
    )
    .unwrap();
    let genes = d.genotype().perturbed_genes();
    assert_eq!(genes, ["YAL001C"], "background alleles are left out");
    let mut c = Catalog::with_registry();
    genoforge::io::datasets::bundled::load_bundled(&mut c).unwrap();
    let i = c.index("costanzo2016_dmf").unwrap();
    let f = import(costanzo_small().as_bytes(), &mut c.interner);
    c.add_data(i, f.data);
    let m = measured_in(&genes, &c, 5);
    let v = measured_view(d.genotype(), &m, &c);
    assert_eq!(v.genotype, "{YAL001C}");
    assert!(
        v.how
            .contains("the BY4741 background (MATa, his3Δ1, leu2Δ0, met15Δ0, ura3Δ0)"),
        "{}",
        v.how
    );
    // The essential list and the deletion collection hold YAL001C as a single mutant.
    assert!(
        v.exact.iter().any(|e| e.starts_with("essential_genes")),
        "{:?}",
        v.exact
    );
    let row = &v.genes[0];
    assert_eq!(row.label, "tfc3Δ::kanMX4 (YAL001C)");
    // A marker deletion is a gene loss: the deletion collection's strains are of its kind.
    let collection = row
        .datasets
        .iter()
        .find(|c| c.id == "yeast_deletion_collection")
        .unwrap();
    assert_eq!(collection.fit, StrainFit::Matches, "{collection:?}");
    assert!(v.other_alleles.is_empty(), "{:?}", v.other_alleles);
    let costanzo = row
        .datasets
        .iter()
        .find(|c| c.id == "costanzo2016_dmf")
        .unwrap();
    // costanzo_small: YAL001C with YAL002W at 30 °C (twice, one key).
    assert_eq!(costanzo.counts, "0 single, 1 double mutant");
    assert_eq!(costanzo.examples, ["{YAL001C, YAL002W} ×1"]);
    assert_eq!(c.entries[i].status(), DataStatus::Imported);
}

#[test]
fn derived_keys_are_kept_between_evaluations_and_equal_a_full_evaluation() {
    use genoforge::core::datasets::catalog::GeneFilter;
    use genoforge::core::datasets::data::DatasetData;
    use genoforge::core::datasets::evaluation::Evaluation;
    use genoforge::core::datasets::key::KeyKind;
    use genoforge::core::datasets::selection::Selection;
    use genoforge::ui::datasets::derived::Derived;
    let mut c = Catalog::with_registry();
    genoforge::io::datasets::bundled::load_bundled(&mut c).unwrap();
    let filter = GeneFilter::new(
        &["YAL001C".into(), "YAL002W".into(), "YBR188C".into()],
        Some("three".into()),
        &c.interner,
    );
    let mut d = Derived::default();
    for kind in [
        KeyKind::Gene,
        KeyKind::Genotype,
        KeyKind::GenotypeEnvironment,
    ] {
        for f in [None, Some(&filter)] {
            let full = Evaluation::new(&c, &Selection::new(c.len()), kind, f);
            assert_eq!(d.evaluate(&c, kind, f), full);
        }
    }
    // An import: its keys derived before the catalog changes, then the same evaluation as a full
    // one (the gene set rebuilt over the new genes, as the page does).
    let f = import(costanzo_small().as_bytes(), &mut c.interner);
    let data: DatasetData = f.data;
    let filter = GeneFilter::new(&filter.names, filter.label.clone(), &c.interner);
    d.prepare(&data, &c.interner, KeyKind::Genotype, Some(&filter));
    let i = c.index("costanzo2016_dmf").unwrap();
    c.entries[i].data = Some(data);
    let full = Evaluation::new(
        &c,
        &Selection::new(c.len()),
        KeyKind::Genotype,
        Some(&filter),
    );
    assert_eq!(d.evaluate(&c, KeyKind::Genotype, Some(&filter)), full);
    assert_eq!(
        full.keys[i].as_ref().unwrap().len(),
        2,
        "{{YAL002W, YBR188C}} and {{YAL001C, YAL002W}}"
    );
    // Data replaced: re-derived.
    let g = import(kuzmin_small().as_bytes(), &mut c.interner);
    c.entries[i].data = Some(g.data);
    let full = Evaluation::new(&c, &Selection::new(c.len()), KeyKind::Genotype, None);
    assert_eq!(d.evaluate(&c, KeyKind::Genotype, None), full);
}

#[test]
fn files_trunk_does_not_hash_are_fetched_under_the_version_query() {
    use genoforge::ui::asset_version::{ASSET_VERSION, versioned, worker_script};
    // The crate's version and a hash of the sources (build.rs).
    let (version, hash) = ASSET_VERSION.split_once('-').unwrap();
    assert_eq!(version, env!("CARGO_PKG_VERSION"));
    assert!(
        hash.len() == 8 && hash.chars().all(|c| c.is_ascii_hexdigit()),
        "{ASSET_VERSION}"
    );
    assert_eq!(
        versioned("https://example.org/app/genoforge-datasets.js"),
        format!("https://example.org/app/genoforge-datasets.js?v={ASSET_VERSION}")
    );
    assert_eq!(
        versioned("genoforge-datasets_bg.wasm?x=1"),
        format!("genoforge-datasets_bg.wasm?x=1&v={ASSET_VERSION}")
    );
    // The worker's start script fetches its glue and wasm beside the page, both versioned.
    let script = worker_script("https://example.org/app/");
    assert!(
        script.contains(&format!(
            "importScripts(\"https://example.org/app/genoforge-worker.js?v={ASSET_VERSION}\")"
        )),
        "{script}"
    );
    assert!(
        script.contains(&format!(
            "\"https://example.org/app/genoforge-worker_bg.wasm?v={ASSET_VERSION}\""
        )),
        "{script}"
    );
}
