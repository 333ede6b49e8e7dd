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
