//! Which reader a file needs, sniffed from its first lines (never from its name).
//!
//! - **Costanzo 2016**, Data File S1 (`SGA_ExE.txt`, …): tab-separated, 11 columns, header
//!   `Query Strain ID`, `Query allele name`, `Array Strain ID`, `Array allele name`,
//!   `Arraytype/Temp`, `Genetic interaction score (ε)`, `P-value`, `Query single mutant fitness
//!   (SMF)`, `Array SMF`, `Double mutant fitness`, `Double mutant fitness standard deviation`.
//! - **Kuzmin 2018** Data S1 / **Kuzmin 2020** Table S1: tab-separated, 12 columns, `Query strain
//!   ID`, `Query allele name`, `Array strain ID`, `Array allele name`, `Combined mutant type`, …
//!   (2018 ends `Combined mutant fitness`, `… standard deviation`; 2020 `Double/triple mutant
//!   fitness`, `… standard deviation`).
//! - **A genotype table** (CSV or TSV): one genes column (genes joined by `;`, `,`, `+`, `|` or
//!   space) or several gene columns, optional environment and phenotype columns, by common header
//!   names or an explicit [`ColumnMapping`]; also DCell's headerless rows `2 ORF_A ORF_B score`
//!   (count of genes, the genes, a value).
//! - **A gene list**: one name per line, an optional header line.

use serde::Serialize;

/// The reader a user asks for (`--format`); `None` sniffs.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FormatHint {
    /// Costanzo 2016 Data File S1.
    Costanzo,
    /// Kuzmin 2018 / 2020.
    Kuzmin,
    /// A genotype table.
    Table,
    /// A gene list.
    GeneList,
}

impl FormatHint {
    /// Parses `costanzo`, `kuzmin`, `table`, `genelist`.
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "costanzo" => Some(Self::Costanzo),
            "kuzmin" => Some(Self::Kuzmin),
            "table" => Some(Self::Table),
            "genelist" | "gene_list" => Some(Self::GeneList),
            _ => None,
        }
    }
}

/// Columns named by the user; each overrides what is recognised from the header.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnMapping {
    /// The genes column, or several gene columns separated by commas (`gene1,gene2`).
    pub genes: Option<String>,
    /// The environment column.
    pub environment: Option<String>,
    /// The phenotype column (recorded, not used for keys).
    pub phenotype: Option<String>,
    /// The separator inside a genes cell; default: any of `;`, `,`, `+`, `|`, space.
    pub separator: Option<char>,
}

/// Where a table's genes are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GenesColumns {
    /// One column of genes joined by a separator.
    One(usize),
    /// One gene per column (empty cells skipped).
    Several(Vec<usize>),
    /// Headerless rows: column 0 is the number of genes, the genes follow (DCell).
    Counted,
}

/// How a genotype table is read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TableLayout {
    /// Field delimiter.
    pub delimiter: char,
    /// Whether the first line is a header.
    pub header: bool,
    /// Number of columns of the header (rows must have as many); `None` without a header.
    pub columns: Option<usize>,
    /// The genes.
    pub genes: GenesColumns,
    /// Environment column.
    pub environment: Option<usize>,
    /// Phenotype column (its header name is reported).
    pub phenotype: Option<usize>,
    /// Separator inside a genes cell (`None`: any of `;`, `,`, `+`, `|`, space).
    pub separator: Option<char>,
}

/// The reader a file gets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "format")]
pub enum Format {
    /// Costanzo 2016 Data File S1.
    Costanzo2016,
    /// Kuzmin 2018 or 2020.
    Kuzmin {
        /// 2018 or 2020 (by the fitness columns' spelling).
        year: u16,
    },
    /// A genotype table.
    Table(TableLayout),
    /// A gene list.
    GeneList {
        /// Whether the first line is a header (skipped).
        header: bool,
    },
}

impl Format {
    /// A short name for people.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Costanzo2016 => "Costanzo 2016 Data File S1",
            Self::Kuzmin { year: 2020 } => "Kuzmin 2020 Table S1",
            Self::Kuzmin { .. } => "Kuzmin 2018 Data S1",
            Self::Table(t) if matches!(t.genes, GenesColumns::Counted) => {
                "genotype table (DCell rows)"
            }
            Self::Table(_) => "genotype table",
            Self::GeneList { .. } => "gene list",
        }
    }
}

/// Why no reader fits.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SniffError {
    /// The file has no line that is not a comment.
    #[error("the file is empty")]
    Empty,
    /// The header fits none of the readers.
    #[error(
        "line {line}: the header fits no reader; expected Costanzo 2016 Data File S1 (11 \
         tab-separated columns starting `Query Strain ID`, `Query allele name`, `Array Strain ID`, \
         `Array allele name`, `Arraytype/Temp`), Kuzmin 2018/2020 (12 columns starting `Query \
         strain ID` … `Combined mutant type`), a genotype table with a genes column ({genes}) or \
         gene columns (gene1, gene2, …), or a gene list (one name per line); found: {found}"
    )]
    Unrecognised {
        /// 1-based line of the header.
        line: u64,
        /// The header as read (first 200 characters).
        found: String,
        /// The genes column names recognised.
        genes: String,
    },
    /// A `--format` was asked for but the header is not that format's.
    #[error("line {line}: not a {wanted} header: expected {expected}; found: {found}")]
    NotThatFormat {
        /// 1-based line of the header.
        line: u64,
        /// The format asked for.
        wanted: &'static str,
        /// What its header looks like.
        expected: &'static str,
        /// The header as read.
        found: String,
    },
    /// A mapped column is not in the header.
    #[error("line {line}: no column named `{name}` in the header ({columns})")]
    NoSuchColumn {
        /// 1-based line of the header.
        line: u64,
        /// The name asked for.
        name: String,
        /// The header's columns.
        columns: String,
    },
}

/// Header names taken as one genes column.
pub const GENES_NAMES: &[&str] = &[
    "genes",
    "genotype",
    "gene",
    "orf",
    "orfs",
    "systematic_name",
    "systematic_names",
    "systematic_gene_name",
    "systematic_gene_names",
    "perturbed_genes",
    "perturbations",
    "gene_names",
];
const ENVIRONMENT_NAMES: &[&str] = &[
    "environment",
    "env",
    "condition",
    "conditions",
    "temperature",
    "temp",
    "media",
    "medium",
    "drug",
    "compound",
    "treatment",
];
const PHENOTYPE_NAMES: &[&str] = &[
    "phenotype",
    "fitness",
    "score",
    "value",
    "label",
    "smf",
    "dmf",
    "tmf",
    "growth",
];

/// `Query Strain ID` → `query_strain_id`.
fn norm(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().trim_matches('"').chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').to_owned()
}

/// Whether a normalised name is one gene of several (`gene1`, `gene_b`, `query_orf`, `orf_a`).
fn is_gene_column(n: &str) -> bool {
    let rest = n
        .strip_prefix("gene")
        .or_else(|| n.strip_prefix("orf"))
        .or_else(|| n.strip_prefix("systematic_name"));
    match rest {
        Some(r) => {
            let r = r.trim_start_matches('_');
            !r.is_empty() && (r.chars().all(|c| c.is_ascii_digit()) || (r.len() == 1 && r != "s"))
        }
        None => matches!(
            n,
            "query_orf"
                | "array_orf"
                | "query_gene"
                | "array_gene"
                | "query_systematic_name"
                | "array_systematic_name"
        ),
    }
}

fn is_costanzo(f: &[String]) -> bool {
    f.len() == 11
        && norm(&f[0]) == "query_strain_id"
        && norm(&f[2]) == "array_strain_id"
        && norm(&f[4]) == "arraytype_temp"
}

fn kuzmin_year(f: &[String]) -> Option<u16> {
    (f.len() == 12
        && norm(&f[0]) == "query_strain_id"
        && norm(&f[2]) == "array_strain_id"
        && norm(&f[4]) == "combined_mutant_type")
        .then(|| {
            if norm(&f[10]).starts_with("double_triple") {
                2020
            } else {
                2018
            }
        })
}

fn single_token(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.contains(|c: char| c.is_whitespace() || c == ',' || c == ';')
}

fn split_fields(line: &str, delimiter: char) -> Vec<String> {
    if delimiter == ' ' {
        line.split_whitespace().map(str::to_owned).collect()
    } else {
        line.split(delimiter)
            .map(|f| f.trim().trim_matches('"').to_owned())
            .collect()
    }
}

/// DCell's headerless rows: `k G1 … Gk value`.
fn is_counted_row(line: &str) -> Option<char> {
    let delimiter = if line.contains('\t') { '\t' } else { ' ' };
    let f = split_fields(line.trim(), delimiter);
    let k: usize = f.first()?.parse().ok()?;
    (k >= 1
        && f.len() > k
        && f[1..=k]
            .iter()
            .all(|g| !g.is_empty() && g.parse::<f64>().is_err()))
    .then_some(delimiter)
}

fn find(names: &[String], wanted: &[&str]) -> Option<usize> {
    wanted
        .iter()
        .find_map(|w| names.iter().position(|n| n == w))
}

fn column(names: &[String], raw: &[String], name: &str, line: u64) -> Result<usize, SniffError> {
    let n = norm(name);
    names
        .iter()
        .position(|c| *c == n)
        .ok_or_else(|| SniffError::NoSuchColumn {
            line,
            name: name.to_owned(),
            columns: raw.join(", "),
        })
}

/// The table layout a header gives, if it has genes.
fn table_layout(
    raw: &[String],
    delimiter: char,
    mapping: &ColumnMapping,
    line: u64,
) -> Result<Option<TableLayout>, SniffError> {
    let names: Vec<String> = raw.iter().map(|r| norm(r)).collect();
    let genes = match &mapping.genes {
        Some(spec) => {
            let cols = spec
                .split(',')
                .map(|c| column(&names, raw, c, line))
                .collect::<Result<Vec<_>, _>>()?;
            Some(match cols.as_slice() {
                [one] => GenesColumns::One(*one),
                _ => GenesColumns::Several(cols),
            })
        }
        None => {
            let several: Vec<usize> = (0..names.len())
                .filter(|&i| is_gene_column(&names[i]))
                .collect();
            match find(&names, GENES_NAMES) {
                Some(i) if several.len() < 2 => Some(GenesColumns::One(i)),
                _ if several.len() >= 2 => Some(GenesColumns::Several(several)),
                Some(i) => Some(GenesColumns::One(i)),
                None => None,
            }
        }
    };
    let Some(genes) = genes else { return Ok(None) };
    let environment = match &mapping.environment {
        Some(c) => Some(column(&names, raw, c, line)?),
        None => find(&names, ENVIRONMENT_NAMES),
    };
    let phenotype = match &mapping.phenotype {
        Some(c) => Some(column(&names, raw, c, line)?),
        None => find(&names, PHENOTYPE_NAMES),
    };
    Ok(Some(TableLayout {
        delimiter,
        header: true,
        columns: Some(raw.len()),
        genes,
        environment,
        phenotype,
        separator: mapping.separator,
    }))
}

/// A header line's delimiter (tab, else comma, else space — as [`sniff`] decides) and its column
/// names as written (quotes and surrounding spaces removed).
pub fn header_columns(first: &str) -> (char, Vec<String>) {
    let first = first
        .trim_start_matches('\u{feff}')
        .trim_end_matches(['\r', '\n']);
    let delimiter = if first.contains('\t') {
        '\t'
    } else if first.contains(',') {
        ','
    } else {
        ' '
    };
    (delimiter, split_fields(first, delimiter))
}

/// Picks the reader from the first non-comment line (`first`, on 1-based line `line`) and the next
/// one (`second`, when there is one).
pub fn sniff(
    first: &str,
    second: Option<&str>,
    line: u64,
    hint: Option<FormatHint>,
    mapping: &ColumnMapping,
) -> Result<Format, SniffError> {
    let first = first
        .trim_start_matches('\u{feff}')
        .trim_end_matches(['\r', '\n']);
    if first.trim().is_empty() {
        return Err(SniffError::Empty);
    }
    let (delimiter, raw) = header_columns(first);
    let found = || first.chars().take(200).collect::<String>();
    match hint {
        Some(FormatHint::Costanzo) => {
            return if is_costanzo(&raw) {
                Ok(Format::Costanzo2016)
            } else {
                Err(SniffError::NotThatFormat {
                    line,
                    wanted: "Costanzo 2016",
                    expected: "11 tab-separated columns: Query Strain ID, Query allele name, Array \
                               Strain ID, Array allele name, Arraytype/Temp, …",
                    found: found(),
                })
            };
        }
        Some(FormatHint::Kuzmin) => {
            return kuzmin_year(&raw)
                .map(|year| Format::Kuzmin { year })
                .ok_or_else(|| SniffError::NotThatFormat {
                    line,
                    wanted: "Kuzmin 2018/2020",
                    expected: "12 tab-separated columns: Query strain ID, Query allele name, Array \
                               strain ID, Array allele name, Combined mutant type, …",
                    found: found(),
                });
        }
        Some(FormatHint::GeneList) => {
            let header = !single_token(first) || GENES_NAMES.contains(&norm(first).as_str());
            return Ok(Format::GeneList { header });
        }
        Some(FormatHint::Table) | None => {}
    }
    if is_costanzo(&raw) && hint.is_none() {
        return Ok(Format::Costanzo2016);
    }
    if let (Some(year), None) = (kuzmin_year(&raw), hint) {
        return Ok(Format::Kuzmin { year });
    }
    if let Some(t) = table_layout(&raw, delimiter, mapping, line)? {
        return Ok(Format::Table(t));
    }
    if let Some(d) = is_counted_row(first) {
        return Ok(Format::Table(TableLayout {
            delimiter: d,
            header: false,
            columns: None,
            genes: GenesColumns::Counted,
            environment: None,
            phenotype: None,
            separator: None,
        }));
    }
    if hint.is_none() {
        if single_token(first) {
            let header = GENES_NAMES.contains(&norm(first).as_str());
            return Ok(Format::GeneList { header });
        }
        if second.is_some_and(single_token) {
            return Ok(Format::GeneList { header: true });
        }
    }
    Err(SniffError::Unrecognised {
        line,
        found: found(),
        genes: GENES_NAMES.join(", "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const COSTANZO: &str = "Query Strain ID\tQuery allele name\tArray Strain ID\tArray allele name\tArraytype/Temp\tGenetic interaction score (ε)\tP-value\tQuery single mutant fitness (SMF)\tArray SMF\tDouble mutant fitness\tDouble mutant fitness standard deviation";

    #[test]
    fn sniffs_each_format() {
        let m = ColumnMapping::default();
        assert_eq!(sniff(COSTANZO, None, 1, None, &m), Ok(Format::Costanzo2016));
        assert!(matches!(
            sniff("genes\tfitness", None, 1, None, &m),
            Ok(Format::Table(TableLayout {
                genes: GenesColumns::One(0),
                phenotype: Some(1),
                ..
            }))
        ));
        assert!(matches!(
            sniff("gene1,gene2,condition", None, 1, None, &m),
            Ok(Format::Table(TableLayout {
                genes: GenesColumns::Several(_),
                environment: Some(2),
                ..
            }))
        ));
        assert!(matches!(
            sniff("2 YLR035C YML060W 0.0447", None, 1, None, &m),
            Ok(Format::Table(TableLayout {
                genes: GenesColumns::Counted,
                ..
            }))
        ));
        assert_eq!(
            sniff("YAL001C", Some("YAL002W"), 1, None, &m),
            Ok(Format::GeneList { header: false })
        );
        assert_eq!(
            sniff(
                "All essential genes found in lists:['a', 'b']",
                Some("YAL001C"),
                1,
                None,
                &m
            ),
            Ok(Format::GeneList { header: true })
        );
        assert!(matches!(
            sniff("a\tb\tc", Some("1\t2\t3"), 1, None, &m),
            Err(SniffError::Unrecognised { .. })
        ));
    }
}
