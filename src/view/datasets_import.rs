//! What the Datasets tab shows about importing files: progress (rows, MB, rate), a file's report
//! (format, rows, keys, warnings, the first unknown or ambiguous names with their lines), whether
//! its data was kept in the browser, the column mapping a table's header suggests, the files a
//! selection needs imported again, and ids for new datasets. The CLI prints the same report lines.

use serde::{Deserialize, Serialize};

use crate::core::coord::thousands;
use crate::core::datasets::resolve::NameProblem;
use crate::core::design::dataset_selection::MissingFiles;
use crate::io::datasets::format::{ColumnMapping, GenesColumns, TableLayout, header_columns};
use crate::io::datasets::import::FileImport;
use crate::io::datasets::readers::Tally;

/// `110.3 MB` (decimal megabytes, one decimal).
pub fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// `512,345 rows · 45.2 of 110.3 MB · 38.1 MB/s` (rate over `elapsed_ms`; none before 100 ms).
pub fn progress_text(bytes: u64, total: u64, rows: u64, elapsed_ms: f64) -> String {
    let rate = if elapsed_ms >= 100.0 {
        format!(" · {:.1} MB/s", bytes as f64 / 1e6 / (elapsed_ms / 1000.0))
    } else {
        String::new()
    };
    format!(
        "{} rows · {:.1} of {}{rate}",
        thousands(rows),
        bytes as f64 / 1e6,
        megabytes(total)
    )
}

/// What one imported file gave, in words and numbers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileReport {
    /// File name.
    pub file: String,
    /// The reader used (`Costanzo 2016 Data File S1`).
    pub format: String,
    /// `plain` or `gzip`.
    pub compression: String,
    /// Data rows read.
    pub rows: u64,
    /// Rows naming at least one gene.
    pub records: u64,
    /// Distinct (genotype, environment) keys.
    pub keys: u64,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256 of the bytes (lower-case hex).
    pub sha256: String,
    /// Reading time in milliseconds.
    pub elapsed_ms: f64,
    /// Warnings and notes, one sentence each, with their first lines.
    pub warnings: Vec<String>,
    /// Distinct unknown names.
    pub unknown: u64,
    /// Distinct ambiguous names.
    pub ambiguous: u64,
    /// Occurrences of unknown or ambiguous names.
    pub occurrences: u64,
    /// The first 20 unknown or ambiguous names: `line 3: TFC3 (unknown)`.
    pub names: Vec<String>,
}

impl FileReport {
    /// The report of an import of `file` that took `elapsed_ms`.
    pub fn of(file: &str, f: &FileImport, elapsed_ms: f64) -> Self {
        let t = thousands;
        let s = &f.stats;
        let lines = |l: &[u64]| l.iter().map(u64::to_string).collect::<Vec<_>>().join(", ");
        let tallies: [(&Tally, &str, &str); 4] = [
            (&s.without_genes, "warning", "name no gene (skipped"),
            (
                &s.mutant_type_mismatch,
                "warning",
                "name a different number of genes than their Combined mutant type (kept as named",
            ),
            (&s.repeated_gene, "note", "name a gene twice (counted once"),
            (
                &s.unreadable_temperature,
                "warning",
                "have no temperature in Arraytype/Temp (environment kept as written",
            ),
        ];
        let mut warnings: Vec<String> = tallies
            .iter()
            .filter(|(tally, _, _)| tally.count > 0)
            .map(|(tally, level, what)| {
                format!(
                    "{level}: {} rows {what}; lines {})",
                    t(tally.count),
                    lines(&tally.first_lines)
                )
            })
            .collect();
        if s.ho_dropped > 0 {
            warnings.push(format!(
                "note: YDL227C (HO) left out of {} genotypes (--keep-ho keeps it)",
                t(s.ho_dropped)
            ));
        }
        let n = &f.names;
        let names = n
            .first
            .iter()
            .map(|r| match &r.problem {
                NameProblem::Unknown => format!("line {}: {} (unknown)", r.line, r.name),
                NameProblem::Ambiguous { candidates } => format!(
                    "line {}: {} (ambiguous: {})",
                    r.line,
                    r.name,
                    candidates.join(", ")
                ),
            })
            .collect();
        let source = f.data.sources.first();
        Self {
            file: file.to_owned(),
            format: f.format.label().to_owned(),
            compression: f.compression.to_owned(),
            rows: s.rows,
            records: s.records,
            keys: f.data.keys.len() as u64,
            bytes: source.map_or(0, |s| s.bytes),
            sha256: source.map(|s| s.sha256.clone()).unwrap_or_default(),
            elapsed_ms,
            warnings,
            unknown: n.unknown,
            ambiguous: n.ambiguous,
            occurrences: n.occurrences,
            names,
        }
    }

    /// `SGA_ExE.txt: Costanzo 2016 Data File S1 (plain), 1,000,000 rows, 998,123 distinct keys`.
    pub fn summary(&self) -> String {
        format!(
            "{}: {} ({}), {} rows, {} distinct keys",
            self.file,
            self.format,
            self.compression,
            thousands(self.rows),
            thousands(self.keys)
        )
    }

    /// The sentence introducing [`FileReport::names`], when there are any.
    pub fn names_heading(&self) -> Option<String> {
        (self.unknown + self.ambiguous > 0).then(|| {
            format!(
                "warning: {} unknown and {} ambiguous gene names ({} occurrences), kept as written (upper-cased):",
                thousands(self.unknown),
                thousands(self.ambiguous),
                thousands(self.occurrences)
            )
        })
    }

    /// Every line of the report as the CLI prints it: the summary, then indented warnings and
    /// names.
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![self.summary()];
        out.extend(self.warnings.iter().map(|w| format!("  {w}")));
        if let Some(h) = self.names_heading() {
            out.push(format!("  {h}"));
            out.extend(self.names.iter().map(|n| format!("    {n}")));
        }
        out
    }
}

/// Whether an imported file's data was kept in the browser (IndexedDB).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stored {
    /// Saved, in this many bytes.
    Saved(u64),
    /// The browser's storage is full.
    Full(String),
    /// The browser offers no storage (private window, blocked, failed to open).
    Unavailable(String),
}

impl Stored {
    /// The sentence shown.
    pub fn text(&self) -> String {
        match self {
            Self::Saved(b) => format!(
                "kept in this browser ({}), restored on reload",
                megabytes(*b)
            ),
            Self::Full(e) => format!(
                "not kept: the browser's storage is full ({e}); the data stays for this session only"
            ),
            Self::Unavailable(e) => format!(
                "not kept: this browser offers no storage for it ({e}); the data stays for this session only"
            ),
        }
    }

    /// Whether this is a problem to report.
    pub fn is_problem(&self) -> bool {
        !matches!(self, Self::Saved(_))
    }
}

/// The column mapping dialog's state for a genotype table: its columns and which hold what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MappingForm {
    /// The header's column names, as written.
    pub columns: Vec<String>,
    /// The gene column(s): one column of genes joined by a separator, or several.
    pub genes: Vec<usize>,
    /// The environment column.
    pub environment: Option<usize>,
    /// The phenotype column (recorded, not used for keys).
    pub phenotype: Option<usize>,
    /// The separator inside a genes cell (`None`: any of `;`, `,`, `+`, `|`, space).
    pub separator: Option<char>,
}

impl MappingForm {
    /// The form pre-filled from a sniffed table: `first` is its header line.
    pub fn from_header(first: &str, layout: &TableLayout) -> Self {
        let (_, columns) = header_columns(first);
        let genes = match &layout.genes {
            GenesColumns::One(i) => vec![*i],
            GenesColumns::Several(v) => v.clone(),
            GenesColumns::Counted => Vec::new(),
        };
        Self {
            columns,
            genes,
            environment: layout.environment,
            phenotype: layout.phenotype,
            separator: layout.separator,
        }
    }

    /// The mapping the importer takes (columns by name).
    pub fn to_mapping(&self) -> ColumnMapping {
        let name = |i: usize| self.columns.get(i).cloned();
        let genes: Vec<String> = self.genes.iter().filter_map(|&i| name(i)).collect();
        ColumnMapping {
            genes: (!genes.is_empty()).then(|| genes.join(",")),
            environment: self.environment.and_then(name),
            phenotype: self.phenotype.and_then(name),
            separator: self.separator,
        }
    }
}

/// `costanzo2016_dmf: import SGA_ExE.txt again (110.3 MB, SHA-256 1a2b3c4d5e6f…)`, one line per
/// file.
pub fn missing_lines(missing: &[MissingFiles]) -> Vec<String> {
    missing
        .iter()
        .flat_map(|m| {
            m.files.iter().map(move |f| {
                format!(
                    "{}: {} ({}, SHA-256 {}…)",
                    m.id,
                    f.name,
                    megabytes(f.bytes),
                    &f.sha256[..f.sha256.len().min(12)]
                )
            })
        })
        .collect()
}

/// A dataset id for a name the user typed (`My screen 2` → `my_screen_2`): lower-case letters,
/// digits and `_`, starting with a letter, at most 48 characters, made unique with `_2`, `_3`, …
/// against `taken`.
pub fn dataset_id_for(name: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut id = String::new();
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('_') && !id.is_empty() {
            id.push('_');
        }
    }
    let mut id = id.trim_end_matches('_').to_owned();
    if !id.starts_with(|c: char| c.is_ascii_lowercase()) {
        id.insert_str(0, "dataset_");
    }
    id.truncate(48);
    let id = id.trim_end_matches('_').to_owned();
    if !taken(&id) {
        return id;
    }
    (2..)
        .map(|n| format!("{id}_{n}"))
        .find(|c| !taken(c))
        .unwrap_or(id)
}
