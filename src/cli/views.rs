//! `genoforge views SPEC --out-dir DIR`: the ML views of the spec's edited genome.

use crate::cli::Failure;
use crate::cli::args::ViewsArgs;
use crate::cli::input::{load_genome, load_spec};
use crate::cli::output::{Outputs, check_paths};
use crate::core::lift::Lifted;
use crate::core::ml::{Flanks, gene_nodes, sequence_windows};
use crate::io::views;

/// The files `views` writes into `--out-dir`.
const FILES: [&str; 4] = [
    "gene_nodes.csv",
    "gene_nodes.json",
    "sequence_windows.fa",
    "sequence_windows.jsonl",
];

pub(crate) fn run(a: &ViewsArgs) -> Result<(), Failure> {
    let mut inputs = a.genome.paths();
    inputs.push(&a.spec);
    let paths: Vec<std::path::PathBuf> = FILES.iter().map(|f| a.out_dir.join(f)).collect();
    let outputs: Vec<(&str, &std::path::Path)> =
        paths.iter().map(|p| ("--out-dir", p.as_path())).collect();
    check_paths(&inputs, &outputs).map_err(Failure::Usage)?;
    let loaded = load_genome(&a.genome)?;
    let g = &loaded.genome;
    let design = load_spec(g, &a.spec)?;
    let lifted = Lifted::new(g, &design);
    let nodes = gene_nodes(g, &design, &lifted);
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
