//! Spec commands: `strain`, `validate`, `views`, `cassettes`.

use std::path::Path;

use super::apply::write_file;
use super::args::{CassettesArgs, StrainArgs, ValidateArgs, ViewsArgs};
use super::read_input;
use super::summary::load_genome;
use crate::core::compose::set_background;
use crate::core::design::Design;
use crate::core::genome::Genome;
use crate::core::lift::Lifted;
use crate::core::spec::{ReferenceSpec, export, restore};
use crate::core::strain::{STRAINS, strain as strain_def};
use crate::core::views::{Flanks, gene_nodes, sequence_windows};
use crate::io::{spec_json, views};

/// Now as RFC 3339 UTC, or `SOURCE_DATE_EPOCH` when set (reproducible output).
pub(crate) fn now_rfc3339() -> String {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Reads a spec file and restores its design on `genome` (warnings go to stderr).
pub(crate) fn load_spec_design(genome: &Genome, path: &Path) -> Result<Design, String> {
    let input = read_input(path)?;
    let spec = spec_json::parse(&input.bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let reference = ReferenceSpec::of(genome);
    let (design, warnings) =
        restore(genome, &reference, &spec).map_err(|e| format!("{}: {e}", path.display()))?;
    for w in warnings {
        eprintln!("genoforge: warning: {}: {w}", path.display());
    }
    Ok(design)
}

pub(crate) fn strain(a: &StrainArgs) -> Result<(), String> {
    let def = strain_def(&a.name).ok_or_else(|| {
        let known: Vec<&str> = STRAINS.iter().map(|s| s.name).collect();
        format!("unknown strain '{}'; known: {}", a.name, known.join(", "))
    })?;
    let loaded = load_genome(&a.genome)?;
    let g = &loaded.genome;
    let mut design = Design::new();
    set_background(g, &mut design, def).map_err(|e| e.to_string())?;
    let spec = export(g, &design, &ReferenceSpec::of(g), &now_rfc3339());
    print!("{}", spec_json::to_string(&spec));
    Ok(())
}

pub(crate) fn validate(a: &ValidateArgs) -> Result<(), String> {
    let loaded = load_genome(&a.genome)?;
    let design = load_spec_design(&loaded.genome, &a.spec)?;
    let g = design.genotype();
    println!(
        "{}: valid — {} edit(s), {} perturbation(s){}",
        a.spec.display(),
        design.edits().len(),
        g.perturbations.len(),
        g.background
            .as_ref()
            .map_or(String::new(), |b| format!(", background {}", b.name))
    );
    Ok(())
}

pub(crate) fn views(a: &ViewsArgs) -> Result<(), String> {
    let loaded = load_genome(&a.genome)?;
    let g = &loaded.genome;
    let design = load_spec_design(g, &a.spec)?;
    let lifted = Lifted::new(g, &design);
    std::fs::create_dir_all(&a.out_dir).map_err(|e| format!("{}: {e}", a.out_dir.display()))?;
    let nodes = gene_nodes(g, &design, &lifted);
    write_file(&a.out_dir.join("gene_nodes.csv"), |o| {
        views::write_gene_nodes_csv(o, &nodes)
    })?;
    write_file(&a.out_dir.join("gene_nodes.json"), |o| {
        views::write_gene_nodes_json(o, &nodes)
    })?;
    let flanks = Flanks {
        upstream: a.upstream,
        downstream: a.downstream,
    };
    let windows = sequence_windows(g, &design, &lifted, flanks);
    write_file(&a.out_dir.join("sequence_windows.fa"), |o| {
        views::write_windows_fasta(o, &windows)
    })?;
    write_file(&a.out_dir.join("sequence_windows.jsonl"), |o| {
        views::write_windows_jsonl(o, &windows)
    })?;
    eprintln!(
        "genoforge: {} gene node(s), {} window(s) in {}",
        nodes.len(),
        windows.len(),
        a.out_dir.display()
    );
    Ok(())
}

pub(crate) fn cassettes(a: &CassettesArgs) -> Result<(), String> {
    let lib = crate::io::cassette::shipped_library(|name| std::fs::read(a.from.join(name)).ok())?;
    let mut json = serde_json::to_string_pretty(&lib).map_err(|e| e.to_string())?;
    json.push('\n');
    std::fs::write(&a.out, json).map_err(|e| format!("{}: {e}", a.out.display()))
}
