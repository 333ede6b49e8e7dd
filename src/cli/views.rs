//! `genoforge views SPEC --out-dir DIR`: the ML views of the spec's edited genome.

use crate::cli::args::ViewsArgs;
use crate::cli::input::{load_genome, load_spec};
use crate::cli::output::Outputs;
use crate::core::lift::Lifted;
use crate::core::ml::{Flanks, gene_nodes, sequence_windows};
use crate::io::views;

pub(crate) fn run(a: &ViewsArgs) -> Result<(), String> {
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
    out.write(&dir.join("gene_nodes.csv"), |w| {
        views::write_gene_nodes_csv(w, &nodes)
    })?;
    out.write(&dir.join("gene_nodes.json"), |w| {
        views::write_gene_nodes_json(w, &nodes)
    })?;
    out.write(&dir.join("sequence_windows.fa"), |w| {
        views::write_windows_fasta(w, &windows)
    })?;
    out.write(&dir.join("sequence_windows.jsonl"), |w| {
        views::write_windows_jsonl(w, &windows)
    })?;
    out.commit()?;
    eprintln!(
        "genoforge: {} gene node(s), {} window(s) in {}",
        nodes.len(),
        windows.len(),
        dir.display()
    );
    Ok(())
}
