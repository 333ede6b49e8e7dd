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
    /// Apply edits and write the edited FASTA, GFF3, chain and a report of affected features.
    Apply(ApplyArgs),
    /// Lift reference positions (SEQID:POS, 1-based) to the edited genome.
    Liftover(LiftoverArgs),
}

/// FASTA line width.
#[derive(Copy, Clone, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FastaWidth {
    /// 60 columns.
    #[value(name = "60")]
    Sixty,
    /// 80 columns.
    #[value(name = "80")]
    Eighty,
}

/// `genoforge apply`.
#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// The genome.
    #[command(flatten)]
    pub genome: GenomeArgs,
    /// Edits JSON ({"edits": [...]}).
    #[arg(long)]
    pub edits: PathBuf,
    /// Where to write the edited FASTA.
    #[arg(long)]
    pub out_fasta: Option<PathBuf>,
    /// Where to write the edited GFF3.
    #[arg(long)]
    pub out_gff: Option<PathBuf>,
    /// Where to write the UCSC chain file (reference → edited).
    #[arg(long)]
    pub chain: Option<PathBuf>,
    /// Where to write the report of affected features (TSV).
    #[arg(long)]
    pub report: Option<PathBuf>,
    /// FASTA line width.
    #[arg(long, value_enum, default_value = "60")]
    pub width: FastaWidth,
}

/// `genoforge liftover`.
#[derive(Debug, Args)]
pub struct LiftoverArgs {
    /// The genome.
    #[command(flatten)]
    pub genome: GenomeArgs,
    /// Edits JSON.
    #[arg(long)]
    pub edits: PathBuf,
    /// Positions as SEQID:POS (1-based; thousands separators allowed), in the order to print them.
    #[arg(required = true)]
    pub positions: Vec<String>,
}

/// The genome files every command loads.
#[derive(Debug, Args)]
pub struct GenomeArgs {
    /// GFF3 annotation (plain, gzip or bgzip); may embed the sequence after ##FASTA.
    #[arg(long, required_unless_present = "fasta")]
    pub gff: Option<PathBuf>,
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
