//! Plain gene lists (one systematic name per line, `#`/header lines ignored), such as the
//! essential-gene list shipped in `public/data/essential_genes.txt`.

use std::collections::BTreeSet;

/// Reads systematic names: lines that look like yeast systematic names (`YAL001C`, `Q0010`),
/// upper-cased; other lines (headers, comments) are skipped.
///
/// ```
/// let set = genoforge::io::gene_sets::read_systematic_names(b"All essential genes:\nYAL001C\nyal003w\n");
/// assert_eq!(set.len(), 2);
/// assert!(set.contains("YAL003W"));
/// ```
pub fn read_systematic_names(data: &[u8]) -> BTreeSet<String> {
    String::from_utf8_lossy(data)
        .lines()
        .map(|l| l.trim().to_ascii_uppercase())
        .filter(|l| {
            !l.is_empty() && !l.starts_with('#') && l.len() <= 12 && !l.contains([' ', ':', '['])
        })
        .filter(|l| l.starts_with('Y') || l.starts_with('Q') || l.starts_with('R'))
        .collect()
}

/// Why an essentiality table could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EssentialityError {
    /// A data line without two tab-separated fields, or with a verdict other than
    /// `essential`/`viable`.
    #[error("line {line}: expected `ORF<TAB>essential|viable`, found '{text}'")]
    BadLine {
        /// 1-based line number.
        line: usize,
        /// The line.
        text: String,
    },
}

/// Reads `public/data/deletion_essentiality.tsv`: `#` comment lines, a header `orf
/// deletion_phenotype`, then `ORF<TAB>essential|viable` rows. A malformed row is an error naming
/// its line, never skipped.
pub fn read_essentiality(
    data: &[u8],
) -> Result<crate::core::genetics::essential::EssentialityTable, EssentialityError> {
    let text = String::from_utf8_lossy(data);
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let l = line.trim_end_matches('\r');
        if l.trim().is_empty() || l.starts_with('#') || (rows.is_empty() && l.starts_with("orf\t"))
        {
            continue;
        }
        let bad = || EssentialityError::BadLine {
            line: i + 1,
            text: l.to_owned(),
        };
        let (orf, verdict) = l.split_once('\t').ok_or_else(bad)?;
        let essential = match verdict.trim() {
            "essential" => true,
            "viable" => false,
            _ => return Err(bad()),
        };
        if orf.trim().is_empty() {
            return Err(bad());
        }
        rows.push((orf.to_owned(), essential));
    }
    Ok(crate::core::genetics::essential::EssentialityTable::from_rows(rows))
}
