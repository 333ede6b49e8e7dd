//! What the Datasets panel shows, as plain data: registry table rows, matrix grid cells and the
//! result line. No web crate: the UI renders these; tests check them natively.

use crate::core::coord::thousands;
use crate::core::datasets::catalog::Catalog;
use crate::core::datasets::data::DataStatus;
use crate::core::datasets::evaluation::Evaluation;
use crate::core::datasets::info::Count;
use crate::core::datasets::selection::{Join, Selection};

/// One row of the registry table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegistryRow {
    /// Matrix position.
    pub index: usize,
    /// Dataset id.
    pub id: String,
    /// The design note's name.
    pub note_name: String,
    /// `Costanzo et al. 2016, Science 353:aaf1420`, or empty.
    pub study: String,
    /// `https://doi.org/…`.
    pub doi_url: Option<String>,
    /// `global`, `node (gene)`, …
    pub level: &'static str,
    /// Phenotype labels.
    pub phenotype: String,
    /// `20,705,612`, `~4,156`, or `—`.
    pub records: String,
    /// Genotypes, formatted the same way.
    pub genotypes: String,
    /// Where the counts come from (`torchcell served counts 2026.09.21`).
    pub counts_source: String,
    /// `bundled`, `imported` or `metadata only`.
    pub data: &'static str,
    /// What the data status means for this entry.
    pub data_note: String,
    /// Whether the checkbox is ticked.
    pub selected: bool,
}

/// `20,705,612`, `~4,156`, `—`.
pub fn format_count(c: Option<&Count>) -> String {
    match c {
        Some(c) if c.approximate => format!("~{}", thousands(c.value)),
        Some(c) => thousands(c.value),
        None => "—".to_owned(),
    }
}

/// The data status in words.
pub fn status_text(s: DataStatus) -> &'static str {
    match s {
        DataStatus::Bundled => "bundled",
        DataStatus::Imported => "imported",
        DataStatus::MetadataOnly => "metadata only",
    }
}

/// The registry table.
pub fn registry_rows(catalog: &Catalog, selection: &Selection) -> Vec<RegistryRow> {
    catalog
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let c = &e.info.counts;
            let mut sources: Vec<&str> = [c.records, c.genotypes, c.genes]
                .iter()
                .flatten()
                .map(|c| c.source.label())
                .collect();
            sources.dedup();
            let status = e.status();
            let data_note = match (&e.data, status) {
                (Some(d), DataStatus::Imported) => {
                    let names: Vec<&str> = d.sources.iter().map(|s| s.name.as_str()).collect();
                    format!(
                        "{} keys from {}",
                        thousands(d.keys.len() as u64),
                        names.join(", ")
                    )
                }
                _ => e.info.note.clone(),
            };
            RegistryRow {
                index: i,
                id: e.info.id.clone(),
                note_name: e.info.note_name.clone(),
                study: e.info.study.as_ref().map(|s| s.short()).unwrap_or_default(),
                doi_url: e.info.study.as_ref().map(|s| s.doi_url()),
                level: e.info.level.label(),
                phenotype: e.info.phenotype_text(),
                records: format_count(c.records.as_ref()),
                genotypes: format_count(c.genotypes.as_ref()),
                counts_source: sources.join("; "),
                data: status_text(status),
                data_note,
                selected: selection.is_selected(i),
            }
        })
        .collect()
}

/// The state of a matrix cell.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CellState {
    /// A diagonal cell (its dataset selected or not).
    Diagonal {
        /// Whether the dataset is selected.
        selected: bool,
    },
    /// Two selected datasets joined by union.
    Union,
    /// Two selected datasets joined by intersection.
    Intersection,
    /// Two selected datasets whose own pair is ∪ but which intersection pairs through other
    /// datasets put in one group (A∩B and A∩C: B and C are intersected too).
    ImpliedIntersection,
    /// A pair with at least one unselected dataset.
    Inactive,
}

impl CellState {
    /// `∪`, `∩` (an implied one too: the group's join), or empty.
    pub fn mark(self) -> &'static str {
        match self {
            Self::Union => "∪",
            Self::Intersection | Self::ImpliedIntersection => "∩",
            _ => "",
        }
    }
}

/// One cell of the matrix grid.
#[derive(Clone, Debug, PartialEq)]
pub struct MatrixCell {
    /// Row (matrix position).
    pub row: usize,
    /// Column (matrix position).
    pub col: usize,
    /// The overlap count (`4,052`), or `–` without data.
    pub text: String,
    /// Jaccard shade 0..1 (diagonal 1); `None` without data.
    pub shade: Option<f64>,
    /// ∪/∩ state.
    pub state: CellState,
    /// Whether a click does something: the diagonal (select) and pairs of selected datasets
    /// (toggle ∪/∩).
    pub clickable: bool,
    /// Tooltip and accessible label.
    pub title: String,
}

/// The matrix grid over `shown` datasets (matrix positions; pass all for the full matrix).
pub fn matrix_grid(
    catalog: &Catalog,
    selection: &Selection,
    ev: &Evaluation,
    shown: &[usize],
) -> Vec<Vec<MatrixCell>> {
    let id = |i: usize| catalog.entries[i].info.id.as_str();
    shown
        .iter()
        .map(|&r| {
            shown
                .iter()
                .map(|&c| {
                    let count = ev.overlaps.intersection(r, c);
                    let both = selection.is_selected(r) && selection.is_selected(c);
                    let state = if r == c {
                        CellState::Diagonal {
                            selected: selection.is_selected(r),
                        }
                    } else if !both {
                        CellState::Inactive
                    } else if selection.join(r, c) == Join::Intersection {
                        CellState::Intersection
                    } else if selection.in_one_group(r, c) {
                        CellState::ImpliedIntersection
                    } else {
                        CellState::Union
                    };
                    let shade = if r == c {
                        count.map(|_| 1.0)
                    } else {
                        ev.overlaps.jaccard(r, c).or(count.map(|_| 0.0))
                    };
                    let title = match (r == c, count) {
                        (true, Some(n)) => format!("{}: {} keys", id(r), thousands(n)),
                        (true, None) => format!("{}: no data", id(r)),
                        (false, Some(n)) => format!(
                            "{} ∩ {} = {}; ∪ = {}; Jaccard {:.3}",
                            id(r),
                            id(c),
                            thousands(n),
                            ev.overlaps.union(r, c).map_or_else(String::new, thousands),
                            shade.unwrap_or(0.0)
                        ),
                        (false, None) => format!("{} · {}: no data", id(r), id(c)),
                    };
                    let title = if state == CellState::ImpliedIntersection {
                        format!(
                            "{title}. Intersected through their group (∩ with the same datasets); click to set ∩ for this pair too"
                        )
                    } else {
                        title
                    };
                    MatrixCell {
                        row: r,
                        col: c,
                        text: count.map_or_else(|| "–".to_owned(), thousands),
                        shade,
                        state,
                        clickable: r == c || both,
                        title,
                    }
                })
                .collect()
        })
        .collect()
}

/// The result line under the matrix.
pub fn result_line(catalog: &Catalog, ev: &Evaluation) -> String {
    crate::core::datasets::evaluation::result_line(catalog, ev)
}
