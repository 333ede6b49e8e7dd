//! `genoforge summary`.

use std::fmt::Write as _;

use serde::Serialize;

use crate::cli::args::SummaryArgs;
use crate::cli::input::{load_quietly, strict_check};
use crate::core::coord::thousands;
use crate::core::genome::summary::GenomeSummary;
use crate::io::load::InputSummary;

#[derive(Serialize)]
struct JsonInput<'a> {
    name: &'a str,
    compression: &'a str,
    bytes: usize,
    decompressed_bytes: usize,
}

#[derive(Serialize)]
struct JsonSummary<'a> {
    #[serde(flatten)]
    summary: &'a GenomeSummary,
    inputs: Vec<JsonInput<'a>>,
}

pub(crate) fn run(a: &SummaryArgs) -> Result<(), String> {
    let loaded = load_quietly(&a.genome)?;
    let summary = GenomeSummary::new(&loaded.genome, &loaded.diagnostics);
    if a.json {
        let json = JsonSummary {
            summary: &summary,
            inputs: loaded.inputs.iter().map(json_input).collect(),
        };
        println!(
            "{}",
            serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?
        );
    } else {
        print!("{}", render(&summary));
    }
    strict_check(&a.genome, &loaded)
}

fn json_input(i: &InputSummary) -> JsonInput<'_> {
    JsonInput {
        name: &i.name,
        compression: i.compression.label(),
        bytes: i.bytes,
        decompressed_bytes: i.decompressed_bytes,
    }
}

/// The summary as a plain-text table.
pub(crate) fn render(s: &GenomeSummary) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} contigs, {} bp, {} features",
        s.contigs.len(),
        thousands(s.total_length),
        thousands(s.total_features as u64)
    );
    // The column fits names up to 40 characters; longer ones overflow it (a width taken from
    // the input could exceed what `format!` accepts).
    let w = s
        .contigs
        .iter()
        .map(|c| c.name.chars().count())
        .max()
        .unwrap_or(6)
        .clamp(6, 40);
    let _ = writeln!(
        out,
        "\n{:<w$}  {:>13}  {:<8}  {:>9}  sequence",
        "contig", "length", "topology", "features"
    );
    for c in &s.contigs {
        let _ = writeln!(
            out,
            "{:<w$}  {:>13}  {:<8}  {:>9}  {}",
            c.name,
            thousands(c.length),
            if c.circular { "circular" } else { "linear" },
            thousands(c.features as u64),
            if c.has_sequence { "yes" } else { "MISSING" }
        );
    }
    let _ = writeln!(out, "\nfeature types:");
    let mut types: Vec<_> = s.feature_types.iter().collect();
    types.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for (t, n) in types {
        let _ = writeln!(out, "  {:>9}  {t}", thousands(*n as u64));
    }
    let _ = writeln!(out, "\ndiagnostics: {}", s.diagnostics.len());
    for d in &s.diagnostics {
        match d.line {
            Some(l) => {
                let _ = writeln!(out, "  {} {} line {l}: {}", d.severity, d.input, d.message);
            }
            None => {
                let _ = writeln!(out, "  {} {}: {}", d.severity, d.input, d.message);
            }
        }
    }
    out
}
