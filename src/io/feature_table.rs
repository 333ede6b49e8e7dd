//! SGD's `SGD_features.tab`: systematic ↔ standard names, aliases, ORF class, description, and
//! where each row is mapped (centromeres, ARS, telomeres and LTRs become the genome's elements).

use crate::core::genome::attributes::split_ascii;
use crate::core::genome::diagnostics::{Diagnostic, InputKind, Severity};
use crate::core::genome::gene_info::{GeneInfo, OrfClass};

/// The table as a whole is unusable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeatureTableError {
    /// Nothing but whitespace.
    #[error("the feature table is empty")]
    Empty,
    /// No line has SGD_features.tab's 16 tab-separated columns.
    #[error(
        "line {line}: this is not SGD_features.tab (expected 16 tab-separated columns, found {found})"
    )]
    NotFeatureTable {
        /// First line.
        line: u64,
        /// Columns found.
        found: usize,
    },
}

/// Reads the named rows (rows with a systematic name in column 4) of `SGD_features.tab`.
///
/// ```
/// let line = b"S000004293\tORF\tVerified\tYLR303W\tMET17\tMET25|MET15\tchromosome 12\t\t12\t732542\t733876\tW\t\t1996-07-31\t1996-07-31\tO-acetyl homoserine-O-acetyl serine sulfhydrylase\n";
/// let (rows, _) = genoforge::io::feature_table::read(line).unwrap();
/// assert_eq!(rows[0].aliases.len(), 2);
/// ```
pub fn read(data: &[u8]) -> Result<(Vec<GeneInfo>, Vec<Diagnostic>), FeatureTableError> {
    let text = String::from_utf8_lossy(data);
    if text.trim().is_empty() {
        return Err(FeatureTableError::Empty);
    }
    let mut rows = Vec::new();
    let mut diags = Vec::new();
    let mut good = 0usize;
    let mut first_bad: Option<(u64, usize)> = None;
    for (i, line) in text.lines().enumerate() {
        let line_no = i as u64 + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 16 {
            first_bad.get_or_insert((line_no, cols.len()));
            diags.push(Diagnostic::at_line(
                Severity::Error,
                InputKind::FeatureTable,
                line_no,
                format!(
                    "line skipped: {} tab-separated columns, expected 16",
                    cols.len()
                ),
            ));
            continue;
        }
        good += 1;
        if cols[3].trim().is_empty() {
            continue;
        }
        let opt = |s: &str| (!s.trim().is_empty()).then(|| Box::<str>::from(s.trim()));
        rows.push(GeneInfo {
            line: line_no,
            sgdid: cols[0].trim().into(),
            feature_type: cols[1].trim().into(),
            orf_class: OrfClass::parse(cols[2].trim()),
            systematic: cols[3].trim().into(),
            standard: opt(cols[4]),
            aliases: split_ascii(cols[5], b'|')
                .filter(|a| !a.trim().is_empty())
                .map(|a| a.trim().into())
                .collect(),
            description: opt(cols[15]),
            place: match (cols[9].trim().parse(), cols[10].trim().parse()) {
                (Ok(a), Ok(b)) if !cols[8].trim().is_empty() => Some((cols[8].trim().into(), a, b)),
                _ => None,
            },
        });
    }
    if good == 0 {
        let (line, found) = first_bad.unwrap_or((1, 0));
        return Err(FeatureTableError::NotFeatureTable { line, found });
    }
    Ok((rows, diags))
}
