//! Dataset files for `genoforge select`: `--dataset ID=FILE` arguments, reading a file with a
//! progress bar, what the import noticed (on stderr), and a design's genes from its spec.

use std::fs::File;
use std::io::{BufReader, IsTerminal};
use std::path::{Path, PathBuf};

use crate::cli::args::{FormatArg, SelectArgs};
use crate::cli::input::read_input;
use crate::core::datasets::catalog::Catalog;
use crate::core::datasets::info::is_valid_id;
use crate::core::datasets::resolve::GeneResolver;
use crate::core::design::genotype::PerturbationType;
use crate::io::datasets::format::{ColumnMapping, FormatHint};
use crate::io::datasets::import::{FileImport, ImportOptions, Progress, import_reader};
use crate::view::datasets_import::FileReport;

/// Files over this size get a progress bar (when stderr is a terminal).
const PROGRESS_OVER: u64 = 10 * 1024 * 1024;

/// One `--dataset ID[=FILE[,FILE…]]`.
pub(crate) struct DatasetArg {
    pub(crate) id: String,
    pub(crate) files: Vec<PathBuf>,
}

/// Parses one `--dataset` value.
pub(crate) fn parse_dataset(s: &str) -> Result<DatasetArg, String> {
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

/// The import options the arguments give.
pub(crate) fn import_options(a: &SelectArgs) -> ImportOptions {
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
pub(crate) fn read_dataset_file(
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

/// Prints what an import noticed (format, rows, keys, warnings, unresolved names) on stderr, in
/// the words the browser's import report uses.
pub(crate) fn report(path: &Path, f: &FileImport) {
    for line in FileReport::of(&path.display().to_string(), f, 0.0).lines() {
        eprintln!("{line}");
    }
}

/// A spec's gene set: its name and systematic names.
pub(crate) type SpecGeneSet = (Option<String>, Vec<String>);

/// The design's perturbed genes and its gene set.
pub(crate) fn design_genes(path: &Path) -> Result<(Vec<String>, Option<SpecGeneSet>), String> {
    let input = read_input(path)?;
    let spec = crate::io::spec_json::parse(&input.bytes)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    // The design's perturbed genes; gene additions name an added feature, not a gene of the
    // reference, background alleles are the strain every dataset's genotypes sit on, and a region
    // deletion names no gene (`null`).
    let genes = spec
        .perturbations
        .iter()
        .filter(|p| p.perturbation_type != PerturbationType::GeneAddition)
        .filter_map(|p| p.systematic_gene_name.clone())
        .collect();
    let gene_set = spec.gene_set.map(|g| (g.name, g.genes));
    Ok((genes, gene_set))
}
