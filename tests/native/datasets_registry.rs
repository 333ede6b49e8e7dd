//! The registry: the issue's facts (ids, studies, DOIs, levels, counts), each count's source, and
//! the counts cross-checked against torchcell's published counts
//! (`shared/data/datasets/torchcell_counts/*.csv`); the panel's view model.

use std::collections::HashMap;

use crate::datasets_support::real_data;
use genoforge::core::datasets::catalog::Catalog;
use genoforge::core::datasets::evaluation::Evaluation;
use genoforge::core::datasets::info::{CountSource, PerturbationKind, PredictionLevel};
use genoforge::core::datasets::key::KeyKind;
use genoforge::core::datasets::registry::{find, registry};
use genoforge::core::datasets::selection::{Join, Selection};
use genoforge::io::datasets::bundled::load_bundled;
use genoforge::view::datasets::{CellState, matrix_grid, registry_rows, result_line};

#[test]
fn the_issue_table_is_in_the_registry() {
    // (id, DOI, level, records)
    let rows: [(&str, &str, PredictionLevel, Option<u64>); 16] = [
        (
            "costanzo2016_smf",
            "10.1126/science.aaf1420",
            PredictionLevel::Global,
            Some(20_484),
        ),
        (
            "costanzo2016_dmf",
            "10.1126/science.aaf1420",
            PredictionLevel::Global,
            Some(20_705_612),
        ),
        (
            "costanzo2016_dmi",
            "10.1126/science.aaf1420",
            PredictionLevel::Edge,
            Some(20_705_612),
        ),
        (
            "kuzmin2018_smf",
            "10.1126/science.aao1729",
            PredictionLevel::Global,
            Some(1_539),
        ),
        (
            "kuzmin2018_dmf",
            "10.1126/science.aao1729",
            PredictionLevel::Global,
            Some(410_571),
        ),
        (
            "kuzmin2018_tmf",
            "10.1126/science.aao1729",
            PredictionLevel::Global,
            Some(91_111),
        ),
        (
            "kuzmin2018_dmi",
            "10.1126/science.aao1729",
            PredictionLevel::Edge,
            Some(410_399),
        ),
        (
            "kuzmin2018_tmi",
            "10.1126/science.aao1729",
            PredictionLevel::Hyperedge,
            Some(91_111),
        ),
        (
            "baryshnikova2010_smf",
            "10.1038/nmeth.1534",
            PredictionLevel::Global,
            Some(5_993),
        ),
        (
            "ohya2005_calmorph",
            "10.1073/pnas.0509436102",
            PredictionLevel::Global,
            Some(4_718),
        ),
        (
            "huh2003_gfp",
            "10.1038/nature02026",
            PredictionLevel::NodeGene,
            Some(4_156),
        ),
        (
            "kemmeren2014_expression",
            "10.1016/j.cell.2014.02.054",
            PredictionLevel::NodeGene,
            Some(1_484),
        ),
        (
            "mulleder2016_amino_acids",
            "10.1016/j.cell.2016.09.007",
            PredictionLevel::NodeMetabolite,
            Some(4_678),
        ),
        (
            "huh2003_localization",
            "10.1038/nature02026",
            PredictionLevel::NodeGeneOrganelleSubset,
            Some(4_156),
        ),
        (
            "lian2019_magic",
            "10.1038/s41467-019-13621-4",
            PredictionLevel::GlobalEnvironment,
            Some(266_304),
        ),
        (
            "wildenhain2015_chemgen",
            "10.1016/j.cels.2015.12.003",
            PredictionLevel::GlobalEnvironment,
            Some(428_206),
        ),
    ];
    for (id, doi, level, records) in rows {
        let d = find(id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(d.study.as_ref().unwrap().doi, doi, "{id}");
        assert_eq!(d.level, level, "{id}");
        assert_eq!(d.counts.records.map(|c| c.value), records, "{id}");
        if let Some(c) = d.counts.records {
            let expected = if id.starts_with("huh2003") {
                CountSource::Publication
            } else {
                CountSource::TorchcellServed
            };
            assert_eq!(c.source, expected, "{id}");
        }
    }
    let k = find("kuzmin2018_dmf").unwrap();
    assert_eq!(k.counts.genotypes.unwrap().value, 410_399);
    assert_eq!(
        find("costanzo2016_smf")
            .unwrap()
            .counts
            .genes
            .unwrap()
            .value,
        5_493
    );
    assert_eq!(
        find("sameith2015_sm")
            .unwrap()
            .counts
            .records
            .unwrap()
            .value,
        82
    );
    assert_eq!(
        find("sameith2015_dm")
            .unwrap()
            .counts
            .records
            .unwrap()
            .value,
        72
    );
    let gfp = find("huh2003_gfp").unwrap();
    assert!(gfp.counts.genes.unwrap().approximate);
    assert_eq!(gfp.related[0].doi, "10.1038/nature02046");
    let w = find("wildenhain2015_chemgen").unwrap();
    assert_eq!(w.counts.genotypes.unwrap().value, 256);
    assert_eq!(w.environment_count.unwrap().value, 5_178);
    assert!(
        find("lian2019_magic")
            .unwrap()
            .perturbations
            .contains(&PerturbationKind::CrisprActivation)
    );
    assert!(
        find("costanzo2016_dmf")
            .unwrap()
            .perturbations
            .contains(&PerturbationKind::SgaNatmxDeletion)
    );
    // The design note's ten names are all there.
    let names: std::collections::BTreeSet<String> =
        registry().into_iter().map(|d| d.note_name).collect();
    for n in [
        "Costanzo",
        "Kuzmin",
        "Baryshnikova",
        "Morphology",
        "GFP",
        "Expression",
        "Cell paper",
        "Compartmentalization",
        "Magic",
        "Chemical tolerance",
    ] {
        assert!(names.contains(n), "{n}");
    }
}

/// The pre-build file's name for a registry id.
fn prebuild_name(id: &str) -> String {
    let fixed = [
        ("ohya2005_calmorph", "Ohya 2005 (SCMD CalMorph)"),
        ("kemmeren2014_expression", "Kemmeren 2014"),
        (
            "mulleder2016_amino_acids",
            "Mulleder 2016 (amino-acid metabolome)",
        ),
        ("wildenhain2015_chemgen", "Wildenhain 2015 (drug tolerance)"),
    ];
    if let Some((_, n)) = fixed.iter().find(|(i, _)| *i == id) {
        return (*n).to_owned();
    }
    // costanzo2016_dmf → "Costanzo 2016 dmf"
    let (study, kind) = id.split_once('_').unwrap();
    let split = study.find(|c: char| c.is_ascii_digit()).unwrap();
    let (author, year) = study.split_at(split);
    format!(
        "{}{} {year} {kind}",
        author[..1].to_ascii_uppercase(),
        &author[1..]
    )
}

#[test]
fn counts_agree_with_torchcells_published_counts() {
    let dir = real_data().join("torchcell_counts");
    let served: HashMap<String, u64> =
        std::fs::read_to_string(dir.join("torchcell_served_counts_2026.09.21.csv"))
            .unwrap()
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once(','))
            .map(|(k, v)| (k.to_owned(), v.trim().parse().unwrap()))
            .collect();
    // name → (genotypes, environments)
    let prebuild: HashMap<String, (u64, u64)> =
        std::fs::read_to_string(dir.join("torchcell_prebuild_genotype_counts_2026.07.13.csv"))
            .unwrap()
            .lines()
            .skip(1)
            .map(|l| {
                let f: Vec<&str> = l.split(',').collect();
                (
                    f[0].to_owned(),
                    (f[1].parse().unwrap(), f[2].parse().unwrap()),
                )
            })
            .collect();
    let mut checked = 0;
    for d in registry() {
        for c in [d.counts.records, d.counts.genotypes, d.counts.genes]
            .into_iter()
            .flatten()
        {
            match c.source {
                CountSource::TorchcellServed => {
                    let class = d.torchcell_class.as_deref().unwrap();
                    assert_eq!(served.get(class), Some(&c.value), "{} ({class})", d.id);
                    checked += 1;
                }
                CountSource::TorchcellPrebuild => {
                    let name = prebuild_name(&d.id);
                    let row = prebuild
                        .get(&name)
                        .unwrap_or_else(|| panic!("{}: no row {name}", d.id));
                    assert_eq!(row.0, c.value, "{} ({name})", d.id);
                    checked += 1;
                }
                _ => {}
            }
        }
    }
    // Environment counts from the pre-build file too.
    for d in registry() {
        if let Some(e) = d
            .environment_count
            .filter(|e| e.source == CountSource::TorchcellPrebuild)
        {
            assert_eq!(prebuild[&prebuild_name(&d.id)].1, e.value, "{}", d.id);
            checked += 1;
        }
    }
    assert!(checked >= 50, "{checked}");
}

#[test]
fn bundled_data_and_the_panel_model() {
    let mut c = Catalog::with_registry();
    load_bundled(&mut c).unwrap();
    let smf = c.index("costanzo2016_smf").unwrap();
    let ess = c.index("essential_genes").unwrap();
    let del = c.index("yeast_deletion_collection").unwrap();
    let dmf = c.index("costanzo2016_dmf").unwrap();
    assert_eq!(c.entries[smf].data.as_ref().unwrap().keys.len(), 4_111);
    assert_eq!(c.entries[ess].data.as_ref().unwrap().keys.len(), 1_186);
    assert_eq!(c.entries[del].data.as_ref().unwrap().keys.len(), 6_128);

    let mut s = Selection::new(c.len());
    for i in [smf, ess, dmf] {
        s.select(i, true).unwrap();
    }
    s.set_join(smf, ess, Join::Intersection).unwrap();
    let ev = Evaluation::new(&c, &s, KeyKind::Gene, None);
    let rows = registry_rows(&c, &s);
    assert_eq!(rows[dmf].records, "20,705,612");
    assert_eq!(rows[dmf].data, "metadata only");
    assert_eq!(
        rows[dmf].data_note,
        "counts from the publication; import the file to compute overlaps"
    );
    assert_eq!(rows[c.index("huh2003_gfp").unwrap()].genotypes, "—");
    assert_eq!(rows[c.index("huh2003_gfp").unwrap()].records, "~4,156");
    assert!(rows[smf].selected && rows[smf].data == "bundled");
    assert_eq!(
        rows[smf].doi_url.as_deref(),
        Some("https://doi.org/10.1126/science.aaf1420")
    );

    let shown = [smf, ess, dmf, del];
    let grid = matrix_grid(&c, &s, &ev, &shown);
    assert_eq!(grid[0][1].state, CellState::Intersection);
    assert!(grid[0][1].clickable);
    assert_eq!(grid[0][0].text, "4,111");
    assert_eq!(grid[0][0].shade, Some(1.0));
    assert_eq!(grid[0][2].text, "–");
    assert_eq!(grid[0][2].state, CellState::Union);
    assert_eq!(grid[0][3].state, CellState::Inactive);
    assert!(!grid[0][3].clickable && grid[3][3].clickable);
    let j = grid[1][3].shade.unwrap();
    assert!((0.0..=1.0).contains(&j) && j > 0.1, "{j}");
    assert_eq!(
        result_line(&c, &ev),
        "Training set: unknown (no data for costanzo2016_dmf) in 2 groups: {costanzo2016_smf ∩ essential_genes}, {costanzo2016_dmf}"
    );
    // A pair intersected only through its group (smf ∩ essential and smf ∩ dmf: essential and
    // dmf are in one group) shows the group's join, marked as implied, not ∪.
    s.set_join(smf, dmf, Join::Intersection).unwrap();
    let ev = Evaluation::new(&c, &s, KeyKind::Gene, None);
    assert_eq!(s.join(ess, dmf), Join::Union);
    assert_eq!(s.groups().len(), 1);
    let grid = matrix_grid(&c, &s, &ev, &shown);
    assert_eq!(grid[1][2].state, CellState::ImpliedIntersection);
    assert_eq!(grid[2][1].state, CellState::ImpliedIntersection);
    assert_eq!(grid[1][2].state.mark(), "∩");
    assert!(grid[1][2].clickable);
    assert_eq!(grid[0][2].state, CellState::Intersection);
    // The SVG figure marks the pairs alike: three ∩ pairs (two set, one through the group) each
    // written twice (both triangles), no ∪.
    let svg = genoforge::io::datasets::figure::selection_svg(&c, &s, &ev);
    let marks = |m: &str| svg.matches(&format!(">{m}</text>")).count();
    assert_eq!((marks("∩"), marks("∪")), (6, 0), "{svg}");
    s.set_join(smf, dmf, Join::Union).unwrap();
    s.select(dmf, false).unwrap();
    let ev = Evaluation::new(&c, &s, KeyKind::Gene, None);
    assert_eq!(
        result_line(&c, &ev),
        format!(
            "Training set: {} genes in 1 group: {{costanzo2016_smf ∩ essential_genes}}",
            ev.overlaps.intersection(smf, ess).unwrap()
        )
    );
}
