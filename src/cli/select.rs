//! `genoforge select`: datasets (registry ids, files, new ids with files) joined by union or
//! intersection; writes `selection.json` and, on request, `overlap.csv`, `genotypes.csv`,
//! `selection.svg` and `selection.cql` as one transaction (`cli::output`).

use std::io::Write;

use crate::cli::Failure;
use crate::cli::args::{GenomeArgs, KeyArg, SelectArgs};
use crate::cli::dataset_input::{
    DatasetArg, design_genes, import_options, parse_dataset, read_dataset_file, report,
};
use crate::cli::datasets::catalog;
use crate::cli::input::load_genome;
use crate::cli::output::{Outputs, check_paths};
use crate::core::datasets::catalog::GeneFilter;
use crate::core::datasets::evaluation::{Evaluation, key_noun, result_line};
use crate::core::datasets::info::{DatasetInfo, PredictionLevel};
use crate::core::datasets::key::KeyKind;
use crate::core::datasets::measured::{MeasuredIn, measured_in};
use crate::core::datasets::resolve::{GeneResolver, SystematicNames};
use crate::core::datasets::selection::{Join, Selection};
use crate::io::datasets::format::FormatHint;
use crate::io::datasets::import::ImportOptions;
use crate::io::datasets::{cypher, figure, selection_json, tables};

fn print_measured(m: &MeasuredIn) {
    println!("design genotype: {{{}}}", m.genotype.join(", "));
    if m.exact.is_empty() {
        println!("  measured exactly in: no loaded dataset");
    }
    for e in &m.exact {
        let envs: Vec<&str> = e
            .environments
            .iter()
            .map(|s| if s.is_empty() { "—" } else { s })
            .collect();
        println!(
            "  measured exactly in {} (environments: {})",
            e.id,
            envs.join(", ")
        );
    }
    for g in &m.genes {
        if g.datasets.is_empty() {
            println!("  {}: in no loaded dataset", g.gene);
        }
        for c in &g.datasets {
            let [one, two, three, more] = c.genotypes_by_size;
            println!(
                "  {} in {}: {} single, {} double, {} triple, {} larger genotypes ({} with environment)",
                g.gene, c.id, one, two, three, more, c.records
            );
            for ex in &c.examples {
                println!("    {{{}}} ×{}", ex.genes.join(", "), ex.environments);
            }
        }
    }
}

pub(crate) fn run(a: &SelectArgs) -> Result<(), Failure> {
    let datasets = a
        .datasets
        .iter()
        .map(|s| parse_dataset(s))
        .collect::<Result<Vec<_>, _>>()
        .map_err(Failure::Usage)?;
    let mut inputs: Vec<&std::path::Path> = datasets
        .iter()
        .flat_map(|d| d.files.iter().map(std::path::PathBuf::as_path))
        .collect();
    inputs.extend(
        [&a.gene_set, &a.gff, &a.fasta, &a.features, &a.spec]
            .into_iter()
            .flatten()
            .map(std::path::PathBuf::as_path),
    );
    let outputs: Vec<(&str, &std::path::Path)> = [
        ("--out", Some(&a.out)),
        ("--overlap", a.overlap.as_ref()),
        ("--genotypes", a.genotypes.as_ref()),
        ("--figure", a.figure.as_ref()),
        ("--cypher", a.cypher.as_ref()),
    ]
    .into_iter()
    .filter_map(|(o, p)| p.map(|p| (o, p.as_path())))
    .collect();
    check_paths(&inputs, &outputs).map_err(Failure::Usage)?;
    select(a, &datasets).map_err(Failure::from)
}

/// Reads the datasets, evaluates the selection, writes the outputs and prints the result.
fn select(a: &SelectArgs, datasets: &[DatasetArg]) -> Result<(), String> {
    let mut catalog = catalog()?;
    for d in datasets {
        if catalog.index(&d.id).is_none() && d.files.is_empty() {
            return Err(format!(
                "unknown dataset id `{}`: not in the registry (see `genoforge datasets`); give its data with --dataset {}=FILE",
                d.id, d.id
            ));
        }
    }
    let loaded;
    let resolver: &dyn GeneResolver = match &a.gff {
        Some(gff) => {
            loaded = load_genome(&GenomeArgs {
                gff: Some(gff.clone()),
                fasta: a.fasta.clone(),
                features: a.features.clone(),
                strict: false,
            })?;
            &loaded.genome
        }
        None => &SystematicNames,
    };
    let mut selection_ids = Vec::new();
    let mut given_files: Vec<usize> = Vec::new();
    for d in datasets {
        let index = match catalog.index(&d.id) {
            Some(i) => i,
            None => catalog.add(DatasetInfo::user(
                &d.id,
                &d.id,
                PredictionLevel::Global,
                None,
            )),
        };
        if !d.files.is_empty() && !given_files.contains(&index) {
            // Files replace bundled data: the user's files are the dataset (a dataset named
            // twice with files gets the files of both).
            catalog.entries[index].data = None;
            given_files.push(index);
        }
        for path in &d.files {
            let f = read_dataset_file(path, import_options(a), &mut catalog, resolver)?;
            report(path, &f);
            catalog.add_data(index, f.data);
        }
        if !selection_ids.contains(&index) {
            selection_ids.push(index);
        }
    }
    let mut selection = Selection::new(catalog.len());
    for &i in &selection_ids {
        selection.select(i, true).map_err(|e| e.to_string())?;
    }
    for spec in &a.intersect {
        let ids: Vec<&str> = spec
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        if ids.len() < 2 {
            return Err(format!(
                "--intersect {spec}: name at least two datasets (ID,ID)"
            ));
        }
        let mut idx = Vec::new();
        for id in &ids {
            let i = catalog.index(id).ok_or_else(|| {
                format!("--intersect {spec}: unknown dataset id `{id}` (not in the registry and not given with --dataset)")
            })?;
            if !selection.is_selected(i) {
                return Err(format!(
                    "--intersect {spec}: `{id}` is not selected; add --dataset {id}"
                ));
            }
            idx.push(i);
        }
        for x in 0..idx.len() {
            for y in x + 1..idx.len() {
                selection
                    .set_join(idx[x], idx[y], Join::Intersection)
                    .map_err(|e| format!("--intersect {spec}: {e}"))?;
            }
        }
    }
    let design = a.spec.as_deref().map(design_genes).transpose()?;
    let filter = if let Some(path) = &a.gene_set {
        let opts = ImportOptions {
            format: Some(FormatHint::GeneList),
            ..ImportOptions::default()
        };
        let f = read_dataset_file(path, opts, &mut catalog, resolver)?;
        report(path, &f);
        let names: Vec<String> = f
            .data
            .genes(&catalog.interner)
            .into_iter()
            .map(|g| catalog.interner.genes.name(g).to_owned())
            .collect();
        let label = path.file_name().map(|n| n.to_string_lossy().into_owned());
        Some(GeneFilter::new(&names, label, &catalog.interner))
    } else if a.spec_gene_set {
        let (name, genes) = design
            .as_ref()
            .and_then(|d| d.1.clone())
            .ok_or("--spec-gene-set: the spec has no gene_set")?;
        Some(GeneFilter::new(
            &genes,
            name.or(Some("spec gene_set".into())),
            &catalog.interner,
        ))
    } else {
        None
    };
    let key = match a.key {
        KeyArg::Gene => KeyKind::Gene,
        KeyArg::Genotype => KeyKind::Genotype,
        KeyArg::GenotypeEnvironment => KeyKind::GenotypeEnvironment,
    };
    let ev = Evaluation::new(&catalog, &selection, key, filter.as_ref());

    let mut out = Outputs::new();
    let json = selection_json::selection_json(&catalog, &selection, filter.as_ref(), &ev);
    out.write(&a.out, |w| w.write_all(json.as_bytes()))?;
    if let Some(p) = &a.overlap {
        let csv = tables::overlap_csv(&catalog, &ev);
        out.write(p, |w| w.write_all(csv.as_bytes()))?;
    }
    if let Some(p) = &a.genotypes {
        out.write(p, |w| tables::genotypes_csv(&catalog, &selection, &ev, w))?;
    }
    if let Some(p) = &a.figure {
        let svg = figure::selection_svg(&catalog, &selection, &ev);
        out.write(p, |w| w.write_all(svg.as_bytes()))?;
    }
    if let Some(p) = &a.cypher {
        let cql = cypher::selection_cypher(&catalog, &selection, key, filter.as_ref());
        out.write(p, |w| w.write_all(cql.as_bytes()))?;
    }
    out.commit()?;

    println!("{}", result_line(&catalog, &ev));
    for &i in &selection_ids {
        let size = ev.keys[i].as_ref().map_or_else(
            || "no data (metadata only)".to_owned(),
            |k| {
                format!(
                    "{} {}",
                    crate::core::coord::thousands(k.len() as u64),
                    key_noun(key)
                )
            },
        );
        println!("  {}: {size}", catalog.entries[i].info.id);
    }
    if let Some((genes, _)) = &design {
        print_measured(&measured_in(genes, &catalog, 10));
    }
    Ok(())
}
