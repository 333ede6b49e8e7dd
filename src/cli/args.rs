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
    /// Write the genotype spec of a strain background (S288C, BY4741, BY4742, BY4743).
    Strain(StrainArgs),
    /// Build a genotype spec from gene-level operations: strain, tags, point mutations, promoter swaps, region deletions.
    Design(DesignArgs),
    /// Check a genotype spec against a genome: same reference, every edit applies.
    Validate(ValidateArgs),
    /// Write the ML views of a spec's edited genome: gene nodes (CSV, JSON), sequence windows (FASTA, JSONL).
    Views(ViewsArgs),
    /// Build the cassette library JSON from the plasmids' GenBank files.
    Cassettes(CassettesArgs),
    /// List the dataset registry.
    Datasets(DatasetsArgs),
    /// Select datasets, join them by union/intersection, write the selection and its exports.
    Select(SelectArgs),
}

/// `genoforge strain`.
#[derive(Debug, Args)]
pub struct StrainArgs {
    /// Strain name, case-insensitive.
    pub name: String,
    /// The genome.
    #[command(flatten)]
    pub genome: GenomeArgs,
}

/// `genoforge design`.
#[derive(Debug, Args)]
pub struct DesignArgs {
    /// The genome.
    #[command(flatten)]
    pub genome: GenomeArgs,
    /// Start from this genotype spec.
    #[arg(long)]
    pub from_spec: Option<PathBuf>,
    /// Strain background (S288C, BY4741, BY4742, BY4743).
    #[arg(long)]
    pub strain: Option<String>,
    /// The design's name (export file names and headers).
    #[arg(long)]
    pub name: Option<String>,
    /// Cassette library JSON (public/cassettes.json), for tags and promoter parts.
    #[arg(long)]
    pub library: Option<PathBuf>,
    /// Gene deletion, GENE (clean, the whole feature) or GENE=CASSETTE (TFC3=kanMX4: the gene replaced
    /// by the library's marker cassette, `tfc3Δ::kanMX4`).
    #[arg(long)]
    pub delete: Vec<String>,
    /// C-terminal tag, GENE=CASSETTE (PHO5=GFP(S65T)-kanMX6): the stop codon replaced, pFA6a style.
    #[arg(long = "c-tag")]
    pub c_tag: Vec<String>,
    /// N-terminal tag, GENE=CASSETTE: the tag's codons right after the ATG.
    #[arg(long = "n-tag")]
    pub n_tag: Vec<String>,
    /// Point mutation, GENE=CHANGE (GAL4=K23A, GAL4=K23A:GCC, PHO5=c.70A>G).
    #[arg(long)]
    pub mutate: Vec<String>,
    /// Promoter swap, GENE=PROMOTER[@BASES|@previous] (PHO5=GAL1: 500 bp 5′ of the ATG replaced
    /// by GAL1's own upstream region; refused, with the room there is, when another feature lies
    /// closer; @previous: up to the previous feature, whose promoter or 3′ end is then warned of).
    #[arg(long)]
    pub promoter: Vec<String>,
    /// Region deletion, SEQID:START-END (1-based, inclusive).
    #[arg(long)]
    pub delete_region: Vec<String>,
    /// Copies in a diploid background (BY4743): heterozygous (the default; recorded, not applied)
    /// or homozygous. Refused on a haploid background (S288C, BY4741, BY4742) or none.
    #[arg(long)]
    pub zygosity: Option<String>,
    /// Where to write the spec (stdout when absent).
    #[arg(long)]
    pub out_spec: Option<PathBuf>,
}

/// `genoforge validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The spec.
    pub spec: PathBuf,
    /// The genome.
    #[command(flatten)]
    pub genome: GenomeArgs,
}

/// `genoforge views`.
#[derive(Debug, Args)]
pub struct ViewsArgs {
    /// The spec.
    pub spec: PathBuf,
    /// The genome.
    #[command(flatten)]
    pub genome: GenomeArgs,
    /// Directory for gene_nodes.csv, gene_nodes.json, sequence_windows.fa, sequence_windows.jsonl
    /// (each `NAME.` first, the spec's design name or else its strain background's, as the
    /// browser names its downloads).
    #[arg(long)]
    pub out_dir: PathBuf,
    /// Bases upstream (5′) of each CDS (default: torchcell's 5′ input is the first 1,003 bases,
    /// 1,000 upstream plus the ATG).
    #[arg(long, default_value_t = 1000)]
    pub upstream: u64,
    /// Bases downstream (3′) of each CDS (default: torchcell's 3′ input is the last 300 bases, the
    /// stop codon plus 297).
    #[arg(long, default_value_t = 297)]
    pub downstream: u64,
}

/// `genoforge cassettes`.
#[derive(Debug, Args)]
pub struct CassettesArgs {
    /// Directory holding the GenBank files.
    #[arg(long)]
    pub from: PathBuf,
    /// Where to write the library JSON.
    #[arg(long)]
    pub out: PathBuf,
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

/// `genoforge apply`. At least one output option is required (a run that writes nothing is a
/// usage error, exit 2).
#[derive(Debug, Args)]
#[command(group(
    clap::ArgGroup::new("outputs")
        .required(true)
        .multiple(true)
        .args(["out_fasta", "out_gff", "chain", "report", "out_spec"])
))]
pub struct ApplyArgs {
    /// The genome.
    #[command(flatten)]
    pub genome: GenomeArgs,
    /// Edits JSON ({"edits": [...]}).
    #[arg(long, required_unless_present = "spec", conflicts_with = "spec")]
    pub edits: Option<PathBuf>,
    /// A genotype spec (instead of --edits).
    #[arg(long)]
    pub spec: Option<PathBuf>,
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
    /// Where to write the design's genotype spec (JSON; a spec read with --spec keeps its provenance).
    #[arg(long)]
    pub out_spec: Option<PathBuf>,
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
    /// Edits JSON ({"edits": [...]}); a genotype spec given here is read as a spec.
    #[arg(long, required_unless_present = "spec", conflicts_with = "spec")]
    pub edits: Option<PathBuf>,
    /// A genotype spec (instead of --edits).
    #[arg(long)]
    pub spec: Option<PathBuf>,
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
    /// Fail (exit 1) when loading reports any error diagnostic (a line skipped, a name that is
    /// ambiguous…), for pipelines that must not go on with a partial genome.
    #[arg(long)]
    pub strict: bool,
}

impl GenomeArgs {
    /// The files given.
    pub fn paths(&self) -> Vec<&std::path::Path> {
        [&self.gff, &self.fasta, &self.features]
            .into_iter()
            .flatten()
            .map(PathBuf::as_path)
            .collect()
    }
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

/// `genoforge datasets`.
#[derive(Debug, Args)]
pub struct DatasetsArgs {
    /// Print JSON (one object per dataset) instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// `--key`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum KeyArg {
    /// Genes (ORFs).
    Gene,
    /// Genotypes (sorted sets of systematic names).
    Genotype,
    /// (genotype, environment) pairs.
    #[value(name = "genotype_environment")]
    GenotypeEnvironment,
}

/// `--format`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// Costanzo 2016 Data File S1.
    Costanzo,
    /// Kuzmin 2018 / 2020.
    Kuzmin,
    /// A genotype table (CSV/TSV, plain or gzip).
    Table,
    /// A gene list (one name per line).
    Genelist,
}

/// `genoforge select`.
#[derive(Debug, Args)]
pub struct SelectArgs {
    /// A dataset to select: a registry id, or ID=FILE[,FILE…] to read its data from files (an id
    /// not in the registry makes a new dataset). Repeat for several.
    #[arg(long = "dataset", value_name = "ID[=FILE[,FILE…]]", required = true)]
    pub datasets: Vec<String>,
    /// Join selected datasets by intersection (ID,ID[,ID…]: every pair). Repeat for several.
    #[arg(long = "intersect", value_name = "ID,ID")]
    pub intersect: Vec<String>,
    /// What datasets are compared by.
    #[arg(long, value_enum, default_value = "genotype")]
    pub key: KeyArg,
    /// Keep only genotypes whose genes are all in this gene list (torchcell's $gene_set).
    #[arg(long, value_name = "FILE")]
    pub gene_set: Option<PathBuf>,
    /// Use the --spec design's gene_set as the gene set.
    #[arg(long, requires = "spec", conflicts_with = "gene_set")]
    pub spec_gene_set: bool,
    /// Read files as this format instead of sniffing it from the header.
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// The genes column of a table (or several, comma-separated).
    #[arg(long, value_name = "NAME")]
    pub genes_column: Option<String>,
    /// The environment column of a table.
    #[arg(long, value_name = "NAME")]
    pub environment_column: Option<String>,
    /// Keep YDL227C (HO) in Kuzmin genotypes (dropped by default, as torchcell does).
    #[arg(long)]
    pub keep_ho: bool,
    /// GFF3 of a genome whose name index resolves gene names (standard names, aliases).
    #[arg(long)]
    pub gff: Option<PathBuf>,
    /// FASTA of that genome.
    #[arg(long, requires = "gff")]
    pub fasta: Option<PathBuf>,
    /// SGD_features.tab for standard names and aliases.
    #[arg(long, requires = "gff")]
    pub features: Option<PathBuf>,
    /// A genotype spec: print which datasets measure its genotype.
    #[arg(long, value_name = "design.json")]
    pub spec: Option<PathBuf>,
    /// Where to write selection.json.
    #[arg(long)]
    pub out: PathBuf,
    /// Where to write the overlap matrix (CSV).
    #[arg(long, value_name = "F.csv")]
    pub overlap: Option<PathBuf>,
    /// Where to write the incidence table of the selected keys (CSV).
    #[arg(long, value_name = "F.csv")]
    pub genotypes: Option<PathBuf>,
    /// Where to write the matrix figure (SVG).
    #[arg(long, value_name = "F.svg")]
    pub figure: Option<PathBuf>,
    /// Where to write the torchcell Cypher query.
    #[arg(long, value_name = "F.cql")]
    pub cypher: Option<PathBuf>,
}
