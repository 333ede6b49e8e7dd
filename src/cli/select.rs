//! `genoforge select`: datasets (registry ids, files, new ids with files) joined by union or
//! intersection; writes `selection.json` and, on request, `overlap.csv`, `genotypes.csv`,
//! `selection.svg` and `selection.cql`. Outputs go to temporary files in their directories and are
//! renamed into place only once every output is complete.

use std::fs::File;
use std::io::{BufReader, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::Args;

use super::args::GenomeArgs;
use super::datasets::catalog;
use super::summary::load_genome;
use crate::core::datasets::catalog::{Catalog, GeneFilter};
use crate::core::datasets::evaluation::{Evaluation, key_noun, result_line};
use crate::core::datasets::info::{DatasetInfo, PredictionLevel, is_valid_id};
use crate::core::datasets::key::KeyKind;
use crate::core::datasets::measured::{MeasuredIn, measured_in};
use crate::core::datasets::resolve::{GeneResolver, NameProblem, SystematicNames};
use crate::core::datasets::selection::{Join, Selection};
use crate::core::genotype::PerturbationType;
use crate::io::datasets::format::{ColumnMapping, FormatHint};
use crate::io::datasets::import::{FileImport, ImportOptions, Progress, import_reader};
use crate::io::datasets::{cypher, figure, selection_json, tables};

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

/// Files over this size get a progress bar (when stderr is a terminal).
const PROGRESS_OVER: u64 = 10 * 1024 * 1024;

struct DatasetArg {
    id: String,
    files: Vec<PathBuf>,
}

fn parse_dataset(s: &str) -> Result<DatasetArg, String> {
    let (id, files) = match s.split_once('=') {
        Some((id, f)) => (
            id.trim(),
            f.split(',').map(|p| PathBuf::from(p.trim())).collect(),
        ),
        None => (s.trim(), Vec::new()),
    };
    if !is_valid_id(id) {
        return Err(format!(
            "--dataset {s}: `{id}` is not a dataset id (lower-case letters, digits, _; starting with a letter)"
        ));
    }
    Ok(DatasetArg {
        id: id.to_owned(),
        files,
    })
}

fn options(a: &SelectArgs) -> ImportOptions {
    ImportOptions {
        format: a.format.map(|f| match f {
            FormatArg::Costanzo => FormatHint::Costanzo,
            FormatArg::Kuzmin => FormatHint::Kuzmin,
            FormatArg::Table => FormatHint::Table,
            FormatArg::Genelist => FormatHint::GeneList,
        }),
        mapping: ColumnMapping {
            genes: a.genes_column.clone(),
            environment: a.environment_column.clone(),
            ..ColumnMapping::default()
        },
        keep_ho: a.keep_ho,
    }
}

/// Reads one file, with a progress bar for large files on a terminal.
fn read_file(
    path: &Path,
    options: ImportOptions,
    catalog: &mut Catalog,
    resolver: &dyn GeneResolver,
) -> Result<FileImport, String> {
    let file = File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let bar = (size > PROGRESS_OVER && std::io::stderr().is_terminal()).then(|| {
        let b = indicatif::ProgressBar::new(size);
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{prefix} [{bar:30}] {bytes}/{total_bytes} {msg} ({bytes_per_sec}, {eta})",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        b.set_prefix(name.clone());
        b
    });
    let mut last = 0u64;
    let on_progress = |p: Progress| {
        if let Some(b) = &bar
            && p.bytes - last >= 1 << 20
        {
            last = p.bytes;
            b.set_position(p.bytes);
            b.set_message(format!("{} rows", crate::core::coord::thousands(p.rows)));
        }
    };
    let reader = BufReader::with_capacity(1 << 20, file);
    let result = import_reader(
        reader,
        &name,
        options,
        &mut catalog.interner,
        resolver,
        on_progress,
    );
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    result.map_err(|e| format!("{}: {e}", path.display()))
}

fn report(path: &Path, f: &FileImport) {
    let t = crate::core::coord::thousands;
    eprintln!(
        "{}: {} ({}), {} rows, {} distinct keys",
        path.display(),
        f.format.label(),
        f.compression,
        t(f.stats.rows),
        t(f.data.keys.len() as u64)
    );
    let s = &f.stats;
    let lines = |l: &[u64]| l.iter().map(u64::to_string).collect::<Vec<_>>().join(", ");
    if s.without_genes.count > 0 {
        eprintln!(
            "  warning: {} rows name no gene (skipped; lines {})",
            t(s.without_genes.count),
            lines(&s.without_genes.first_lines)
        );
    }
    if s.mutant_type_mismatch.count > 0 {
        eprintln!(
            "  warning: {} rows name a different number of genes than their Combined mutant type (kept as named; lines {})",
            t(s.mutant_type_mismatch.count),
            lines(&s.mutant_type_mismatch.first_lines)
        );
    }
    if s.repeated_gene.count > 0 {
        eprintln!(
            "  note: {} rows name a gene twice (counted once; lines {})",
            t(s.repeated_gene.count),
            lines(&s.repeated_gene.first_lines)
        );
    }
    if s.unreadable_temperature.count > 0 {
        eprintln!(
            "  warning: {} rows have no temperature in Arraytype/Temp (environment kept as written; lines {})",
            t(s.unreadable_temperature.count),
            lines(&s.unreadable_temperature.first_lines)
        );
    }
    if s.ho_dropped > 0 {
        eprintln!(
            "  note: YDL227C (HO) left out of {} genotypes (--keep-ho keeps it)",
            t(s.ho_dropped)
        );
    }
    let n = &f.names;
    if !n.is_clean() {
        eprintln!(
            "  warning: {} unknown and {} ambiguous gene names ({} occurrences), kept as written (upper-cased):",
            t(n.unknown),
            t(n.ambiguous),
            t(n.occurrences)
        );
        for r in &n.first {
            match &r.problem {
                NameProblem::Unknown => eprintln!("    line {}: {} (unknown)", r.line, r.name),
                NameProblem::Ambiguous { candidates } => eprintln!(
                    "    line {}: {} (ambiguous: {})",
                    r.line,
                    r.name,
                    candidates.join(", ")
                ),
            }
        }
    }
}

/// Writes outputs to temporary files, then renames them all into place.
struct Outputs {
    done: Vec<(PathBuf, PathBuf)>,
}

impl Outputs {
    fn write(
        &mut self,
        path: &Path,
        f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(), String> {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = path
            .file_name()
            .ok_or_else(|| format!("{}: not a file name", path.display()))?;
        let tmp = dir.join(format!(
            ".{}.tmp-{}",
            name.to_string_lossy(),
            std::process::id()
        ));
        let result = File::create(&tmp).and_then(|file| {
            let mut w = BufWriter::with_capacity(1 << 20, file);
            f(&mut w)?;
            w.flush()
        });
        self.done.push((tmp.clone(), path.to_owned()));
        result.map_err(|e| format!("{}: {e}", path.display()))
    }

    fn commit(mut self) -> Result<(), String> {
        for (tmp, path) in std::mem::take(&mut self.done) {
            std::fs::rename(&tmp, &path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        Ok(())
    }
}

impl Drop for Outputs {
    fn drop(&mut self) {
        for (tmp, _) in &self.done {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// A spec's gene set: its name and systematic names.
type SpecGeneSet = (Option<String>, Vec<String>);

/// The design's perturbed genes and its gene set.
fn design_genes(path: &Path) -> Result<(Vec<String>, Option<SpecGeneSet>), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let spec =
        crate::io::spec_json::parse(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    // The design's perturbed genes; gene additions name an added feature, not a gene of the
    // reference, and background alleles are the strain every dataset's genotypes sit on.
    let genes = spec
        .perturbations
        .iter()
        .filter(|p| p.perturbation_type != PerturbationType::GeneAddition)
        .map(|p| p.systematic_gene_name.clone())
        .collect();
    let gene_set = spec.gene_set.map(|g| (g.name, g.genes));
    Ok((genes, gene_set))
}

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

pub(crate) fn run(a: &SelectArgs) -> Result<(), String> {
    let datasets = a
        .datasets
        .iter()
        .map(|s| parse_dataset(s))
        .collect::<Result<Vec<_>, _>>()?;
    let mut catalog = catalog()?;
    for d in &datasets {
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
            })?;
            &loaded.genome
        }
        None => &SystematicNames,
    };
    let mut selection_ids = Vec::new();
    let mut given_files: Vec<usize> = Vec::new();
    for d in &datasets {
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
            let f = read_file(path, options(a), &mut catalog, resolver)?;
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
        let f = read_file(path, opts, &mut catalog, resolver)?;
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

    let mut out = Outputs { done: Vec::new() };
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
