//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Genoforge: edit genomes over an immutable reference; summaries, edits, lift-over, specs.
#[derive(Debug, Parser)]
#[command(name = "genoforge", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load a genome and print its summary: contigs, lengths, feature counts, diagnostics.
    Summary(SummaryArgs),
}

/// The genome files every command loads.
#[derive(Debug, Args)]
pub struct GenomeArgs {
    /// GFF3 annotation (plain, gzip or bgzip); may embed the sequence after ##FASTA.
    #[arg(long)]
    pub gff: PathBuf,
    /// FASTA sequence (plain, gzip or bgzip). Optional when the GFF3 carries ##FASTA.
    #[arg(long)]
    pub fasta: Option<PathBuf>,
    /// SGD's SGD_features.tab (standard names, aliases, descriptions).
    #[arg(long)]
    pub features: Option<PathBuf>,
}

/// `genoforge summary`.
#[derive(Debug, Args)]
pub struct SummaryArgs {
    /// The genome.
    #[command(flatten)]
    pub genome: GenomeArgs,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}
