//! `genoforge datasets [--json]`: the dataset registry.

use std::fmt::Write as _;

use serde::Serialize;

use crate::cli::args::DatasetsArgs;

use crate::core::datasets::catalog::Catalog;
use crate::core::datasets::data::DataStatus;
use crate::core::datasets::info::DatasetInfo;
use crate::core::datasets::selection::Selection;
use crate::io::datasets::bundled::load_bundled;
use crate::view::datasets::registry_rows;

#[derive(Serialize)]
struct Entry<'a> {
    #[serde(flatten)]
    info: &'a DatasetInfo,
    data: DataStatus,
    /// Keys of the bundled data (single-gene genotypes), when bundled.
    bundled_genes: Option<usize>,
}

/// The registry with its bundled data loaded.
pub(crate) fn catalog() -> Result<Catalog, String> {
    let mut c = Catalog::with_registry();
    load_bundled(&mut c).map_err(|e| format!("bundled data: {e}"))?;
    Ok(c)
}

pub(crate) fn run(a: &DatasetsArgs) -> Result<(), String> {
    let c = catalog()?;
    if a.json {
        let entries: Vec<Entry<'_>> = c
            .entries
            .iter()
            .map(|e| Entry {
                info: &e.info,
                data: e.status(),
                bundled_genes: e.data.as_ref().map(|d| d.keys.len()),
            })
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&entries).map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    let rows = registry_rows(&c, &Selection::new(c.len()));
    let w = rows.iter().map(|r| r.id.len()).max().unwrap_or(2);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<w$}  {:<20}  {:<28}  {:>11}  {:>11}  {:<13}  study",
        "id", "note name", "level", "records", "genotypes", "data"
    );
    for r in &rows {
        let _ = writeln!(
            out,
            "{:<w$}  {:<20}  {:<28}  {:>11}  {:>11}  {:<13}  {}",
            r.id, r.note_name, r.level, r.records, r.genotypes, r.data, r.study
        );
    }
    let _ = writeln!(
        out,
        "\n{} datasets; counts: torchcell's published counts or the publications (see --json for each \
         count's source); metadata-only entries: import the file to compute overlaps",
        rows.len()
    );
    print!("{out}");
    Ok(())
}
