//! `genoforge views SPEC --out-dir DIR`: the ML views of the spec's edited genome.

use crate::cli::Failure;
use crate::cli::args::ViewsArgs;
use crate::cli::input::{load_genome, load_spec};
use crate::cli::output::{Outputs, check_paths};
use crate::core::lift::Lifted;
use crate::core::ml::{Flanks, gene_nodes, sequence_windows};
use crate::io::export::ExportKind;
use crate::io::views;
use crate::view::export_name::{export_file_name, file_stem};

/// The views `views` writes into `--out-dir`, in this order.
const KINDS: [ExportKind; 4] = [
    ExportKind::GeneNodesCsv,
    ExportKind::GeneNodesJson,
    ExportKind::WindowsFasta,
    ExportKind::WindowsJsonl,
];

/// The file names in `--out-dir`, as the browser names its downloads ([`export_file_name`]): the
/// spec's design name first (`BY4741-pho5-tag.gene_nodes.csv`, …), else its background's strain
/// (`BY4741.gene_nodes.csv`); `gene_nodes.csv`, … when the spec has neither.
fn file_names(genotype: &crate::core::design::genotype::Genotype) -> Vec<String> {
    let named = [
        genotype.name.as_deref(),
        genotype.background.as_ref().map(|b| b.name.as_str()),
    ]
    .into_iter()
    .flatten()
    .find_map(file_stem);
    match named {
        Some(stem) => KINDS.iter().map(|&k| export_file_name(k, &stem)).collect(),
        None => KINDS.iter().map(|k| k.file_name().to_owned()).collect(),
    }
}

pub(crate) fn run(a: &ViewsArgs) -> Result<(), Failure> {
    let mut inputs = a.genome.paths();
    inputs.push(&a.spec);
    let loaded = load_genome(&a.genome)?;
    let g = &loaded.genome;
    let design = load_spec(g, &a.spec)?;
    let paths: Vec<std::path::PathBuf> = file_names(design.genotype())
        .iter()
        .map(|f| a.out_dir.join(f))
        .collect();
    let outputs: Vec<(&str, &std::path::Path)> =
        paths.iter().map(|p| ("--out-dir", p.as_path())).collect();
    check_paths(&inputs, &outputs).map_err(Failure::Usage)?;
    let lifted = Lifted::new(g, &design);
    let mut nodes = gene_nodes(g, &design, &lifted);
    crate::core::ml::gene_nodes::mark_essential(&mut nodes, &crate::cli::validate::essentiality()?);
    let flanks = Flanks {
        upstream: a.upstream,
        downstream: a.downstream,
    };
    let windows = sequence_windows(g, &design, &lifted, flanks);
    std::fs::create_dir_all(&a.out_dir).map_err(|e| format!("{}: {e}", a.out_dir.display()))?;
    let dir = &a.out_dir;
    let mut out = Outputs::new();
    out.write(&paths[0], |w| views::write_gene_nodes_csv(w, &nodes))?;
    out.write(&paths[1], |w| views::write_gene_nodes_json(w, &nodes))?;
    out.write(&paths[2], |w| views::write_windows_fasta(w, &windows))?;
    out.write(&paths[3], |w| views::write_windows_jsonl(w, &windows))?;
    out.commit()?;
    eprintln!(
        "genoforge: {} gene node(s), {} window(s) in {}",
        nodes.len(),
        windows.len(),
        dir.display()
    );
    Ok(())
}
