//! The design's dataset selection: which datasets are joined into the training set and how, kept as
//! a small record of dataset **ids** (never of data) beside the edits, so undo/redo, autosave,
//! share links and the genotype spec (`dataset_selection`) carry it. The overlaps, groups and
//! result are derived from it and the loaded data (`crate::core::datasets::evaluation`).
//!
//! Shape (JSON, as in the spec):
//!
//! ```json
//! {
//!   "key": "genotype",
//!   "datasets": [
//!     { "id": "costanzo2016_dmf",
//!       "sources": [{ "name": "SGA_ExE.txt", "bytes": 123, "sha256": "…" }] },
//!     { "id": "kuzmin2018_dmf" },
//!     { "id": "my_screen", "user": { "name": "My screen", "level": "global" } }
//!   ],
//!   "intersections": [["costanzo2016_dmf", "kuzmin2018_dmf"]],
//!   "gene_set": { "kind": "design" }
//! }
//! ```
//!
//! - `datasets` are the **selected** datasets, in matrix order (registry order, then user
//!   datasets in the order they were made). A dataset whose data was imported lists the files it
//!   came from (name, size in bytes, SHA-256): a share link carries no data, so whoever opens it is
//!   told which files to import again, and a file is recognised by its SHA-256. A dataset that is
//!   not in the registry carries its `user` description (name, prediction level, phenotype).
//! - `intersections` are the pairs of selected datasets joined by intersection (each pair sorted,
//!   the list sorted); every other pair of selected datasets is joined by union. Deselecting a
//!   dataset drops its pairs.
//! - `gene_set` restricts every dataset to genotypes whose genes are all in a set (torchcell's
//!   `$gene_set`): the design's own gene set, or the genes of a dataset with data.
//! - `measured_in` is a snapshot of which datasets measured the design's genotype when it was
//!   recorded (issue 11 §4); kept as recorded on re-export, like the provenance's time.

use serde::{Deserialize, Serialize};

use crate::core::datasets::catalog::{Catalog, GeneFilter};
use crate::core::datasets::data::{DataStatus, SourceFile};
use crate::core::datasets::info::{DatasetInfo, PredictionLevel, is_valid_id};
use crate::core::datasets::key::KeyKind;
use crate::core::datasets::measured::MeasuredIn;
use crate::core::datasets::registry;
use crate::core::datasets::selection::{Join, Selection};
use crate::core::design::genotype::GeneSet;

/// A dataset the user made (not in the registry): what they typed when importing it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserDataset {
    /// The name shown in the table.
    pub name: String,
    /// Its prediction level.
    pub level: PredictionLevel,
    /// Its phenotype label, if one was typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phenotype: Option<String>,
}

impl UserDataset {
    /// The catalog entry it describes.
    pub fn info(&self, id: &str) -> DatasetInfo {
        DatasetInfo::user(id, &self.name, self.level, self.phenotype.as_deref())
    }
}

/// One selected dataset.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectedDataset {
    /// Dataset id (`costanzo2016_dmf`).
    pub id: String,
    /// The imported files its data came from (none for bundled or metadata-only datasets).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceFile>,
    /// Its description, for a dataset that is not in the registry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<UserDataset>,
}

impl SelectedDataset {
    /// The record of a catalog entry: its id, its imported files, and for a dataset outside the
    /// registry its name, level and phenotype.
    pub fn of(info: &DatasetInfo, sources: &[SourceFile]) -> Self {
        let user = registry::find(&info.id).is_none().then(|| UserDataset {
            name: info.note_name.clone(),
            level: info.level,
            phenotype: info.phenotypes.first().map(|p| p.label.clone()),
        });
        Self {
            id: info.id.clone(),
            sources: sources.to_vec(),
            user,
        }
    }
}

/// Which genes the selection is restricted to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum GeneSetChoice {
    /// The design's gene set (the spec's `gene_set`).
    Design,
    /// The genes of a dataset with data (a bundled list such as `essential_genes`).
    Dataset {
        /// Its id.
        id: String,
    },
}

/// The design's dataset selection (see the module documentation for its JSON shape).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatasetSelection {
    /// What datasets are compared by.
    #[serde(default)]
    pub key: KeyKind,
    /// The selected datasets, in matrix order.
    #[serde(default)]
    pub datasets: Vec<SelectedDataset>,
    /// Pairs of selected datasets joined by intersection: each pair sorted, the list sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub intersections: Vec<[String; 2]>,
    /// The gene-set restriction, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gene_set: Option<GeneSetChoice>,
    /// Which datasets measured the design's genotype, as recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measured_in: Option<MeasuredIn>,
}

/// A dataset selection that cannot be used, naming the dataset concerned.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    /// An id that is not a dataset id at all.
    #[error(
        "dataset_selection: `{0}` is not a dataset id (lower-case letters, digits and _, starting with a letter)"
    )]
    BadId(String),
    /// An id that is neither in the registry nor described as a user dataset.
    #[error(
        "dataset_selection: unknown dataset `{0}`: it is not in the registry (see `genoforge datasets`) and the selection does not describe it as a user dataset (\"user\": {{name, level}})"
    )]
    UnknownDataset(String),
    /// A dataset listed twice.
    #[error("dataset_selection: dataset `{0}` is listed twice")]
    Repeated(String),
    /// An intersection naming a dataset that is not selected.
    #[error(
        "dataset_selection: the intersection {0} ∩ {1} names `{2}`, which is not among the selected datasets"
    )]
    NotSelected(String, String, String),
    /// An intersection of a dataset with itself.
    #[error("dataset_selection: `{0}` cannot be intersected with itself")]
    SamePair(String),
}

impl DatasetSelection {
    /// Whether nothing is recorded (then the spec has no `dataset_selection`).
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }

    /// Whether dataset `id` is selected.
    pub fn is_selected(&self, id: &str) -> bool {
        self.datasets.iter().any(|d| d.id == id)
    }

    /// Whether `a` and `b` are joined by intersection.
    pub fn is_intersected(&self, a: &str, b: &str) -> bool {
        let p = pair(a, b);
        self.intersections.binary_search(&p).is_ok()
    }

    /// Records which datasets measure the design's genotype (a snapshot: positions in this
    /// session's matrix are cleared, since they mean nothing elsewhere).
    pub fn record_measured(&mut self, mut m: MeasuredIn) {
        for e in &mut m.exact {
            e.dataset = 0;
        }
        for c in m.genes.iter_mut().flat_map(|g| g.datasets.iter_mut()) {
            c.dataset = 0;
        }
        self.measured_in = Some(m);
    }

    /// Checks ids, repeats and pairs. A registry id is known; any other id needs a `user`
    /// description.
    pub fn validate(&self) -> Result<(), RecordError> {
        let mut seen: Vec<&str> = Vec::new();
        for d in &self.datasets {
            if !is_valid_id(&d.id) {
                return Err(RecordError::BadId(d.id.clone()));
            }
            if seen.contains(&d.id.as_str()) {
                return Err(RecordError::Repeated(d.id.clone()));
            }
            seen.push(&d.id);
            if d.user.is_none() && registry::find(&d.id).is_none() {
                return Err(RecordError::UnknownDataset(d.id.clone()));
            }
        }
        for [a, b] in &self.intersections {
            if a == b {
                return Err(RecordError::SamePair(a.clone()));
            }
            for x in [a, b] {
                if !seen.contains(&x.as_str()) {
                    return Err(RecordError::NotSelected(a.clone(), b.clone(), x.clone()));
                }
            }
        }
        if let Some(GeneSetChoice::Dataset { id }) = &self.gene_set
            && !is_valid_id(id)
        {
            return Err(RecordError::BadId(id.clone()));
        }
        Ok(())
    }

    /// Selects (`on`) or deselects the catalog's dataset at `index`. Selecting records its id,
    /// imported files and (outside the registry) description, in matrix order; deselecting drops
    /// its intersections. Returns whether anything changed.
    pub fn select(&mut self, catalog: &Catalog, index: usize, on: bool) -> bool {
        let Some(entry) = catalog.entries.get(index) else {
            return false;
        };
        let id = entry.info.id.as_str();
        if on == self.is_selected(id) {
            return false;
        }
        if on {
            let sources = imported_sources(catalog, index);
            let record = SelectedDataset::of(&entry.info, sources);
            // Matrix order: before the first selected dataset that comes later in the catalog
            // (datasets absent from this catalog keep their place at the end).
            let at = self
                .datasets
                .iter()
                .position(|d| catalog.index(&d.id).is_none_or(|j| j > index))
                .unwrap_or(self.datasets.len());
            self.datasets.insert(at, record);
        } else {
            self.datasets.retain(|d| d.id != id);
            self.intersections.retain(|[a, b]| a != id && b != id);
        }
        true
    }

    /// Flips the join of two selected datasets between union and intersection; returns the new
    /// join.
    pub fn toggle(&mut self, a: &str, b: &str) -> Result<Join, RecordError> {
        if a == b {
            return Err(RecordError::SamePair(a.to_owned()));
        }
        for x in [a, b] {
            if !self.is_selected(x) {
                return Err(RecordError::NotSelected(
                    a.to_owned(),
                    b.to_owned(),
                    x.to_owned(),
                ));
            }
        }
        let p = pair(a, b);
        match self.intersections.binary_search(&p) {
            Ok(at) => {
                self.intersections.remove(at);
                Ok(Join::Union)
            }
            Err(at) => {
                self.intersections.insert(at, p);
                Ok(Join::Intersection)
            }
        }
    }

    /// Brings the recorded files of the selected datasets up to date with the catalog after an
    /// import: a dataset whose recorded files the catalog all holds gets the catalog's list (it
    /// may have more). A dataset with a recorded file missing here keeps its record (that file is
    /// still to be imported again). Returns whether anything changed.
    pub fn refresh_sources(&mut self, catalog: &Catalog) -> bool {
        let mut changed = false;
        for d in &mut self.datasets {
            let Some(i) = catalog.index(&d.id) else {
                continue;
            };
            let now = imported_sources(catalog, i);
            let all_held = d
                .sources
                .iter()
                .all(|s| now.iter().any(|n| n.sha256 == s.sha256));
            if all_held && d.sources != now {
                d.sources = now.to_vec();
                changed = true;
            }
        }
        changed
    }

    /// Records dataset `id`'s files as the catalog holds them now, whatever was recorded (after
    /// the user replaced or removed its data). Returns whether anything changed.
    pub fn set_sources(&mut self, catalog: &Catalog, id: &str) -> bool {
        let now = catalog
            .index(id)
            .map(|i| imported_sources(catalog, i).to_vec())
            .unwrap_or_default();
        match self.datasets.iter_mut().find(|d| d.id == id) {
            Some(d) if d.sources != now => {
                d.sources = now;
                true
            }
            _ => false,
        }
    }

    /// The selection over `catalog`'s matrix. Selected ids the catalog does not hold are returned
    /// apart (they are left out of the matrix, never dropped from the record).
    pub fn to_selection(&self, catalog: &Catalog) -> (Selection, Vec<String>) {
        let mut s = Selection::new(catalog.len());
        let mut absent = Vec::new();
        for d in &self.datasets {
            match catalog.index(&d.id) {
                Some(i) => {
                    let _ = s.select(i, true);
                }
                None => absent.push(d.id.clone()),
            }
        }
        for [a, b] in &self.intersections {
            if let (Some(i), Some(j)) = (catalog.index(a), catalog.index(b)) {
                let _ = s.set_join(i, j, Join::Intersection);
            }
        }
        (s, absent)
    }

    /// Files to import again: for each selected dataset, the recorded files whose SHA-256 the
    /// catalog's data for it does not hold (all of them when the catalog lacks the dataset or its
    /// data).
    pub fn missing_files(&self, catalog: &Catalog) -> Vec<MissingFiles> {
        self.datasets
            .iter()
            .filter_map(|d| {
                let have: Vec<&str> = catalog
                    .index(&d.id)
                    .map(|i| imported_sources(catalog, i))
                    .unwrap_or_default()
                    .iter()
                    .map(|s| s.sha256.as_str())
                    .collect();
                let files: Vec<SourceFile> = d
                    .sources
                    .iter()
                    .filter(|s| !have.contains(&s.sha256.as_str()))
                    .cloned()
                    .collect();
                (!files.is_empty()).then(|| MissingFiles {
                    id: d.id.clone(),
                    files,
                })
            })
            .collect()
    }

    /// The gene filter of the gene-set choice over `catalog`. `design` is the design's gene set.
    /// A choice that cannot be applied (the design has no gene set, the dataset has no data or is
    /// not loaded) is an error in words; the caller shows it and applies no restriction.
    pub fn gene_filter(
        &self,
        catalog: &Catalog,
        design: Option<&GeneSet>,
    ) -> Result<Option<GeneFilter>, String> {
        match &self.gene_set {
            None => Ok(None),
            Some(GeneSetChoice::Design) => {
                let set = design.ok_or(
                    "the design has no gene set (make one from a gene list); the selection is not restricted",
                )?;
                Ok(Some(GeneFilter::new(
                    &set.genes,
                    set.name.clone().or(Some("spec gene_set".into())),
                    &catalog.interner,
                )))
            }
            Some(GeneSetChoice::Dataset { id }) => {
                let i = catalog.index(id).ok_or_else(|| {
                    format!(
                        "gene set `{id}` is not a loaded dataset; the selection is not restricted"
                    )
                })?;
                let entry = &catalog.entries[i];
                let data = entry.data.as_ref().ok_or_else(|| {
                    format!("gene set `{id}` has no data (import its file); the selection is not restricted")
                })?;
                let names: Vec<String> = data
                    .genes(&catalog.interner)
                    .into_iter()
                    .map(|g| catalog.interner.genes.name(g).to_owned())
                    .collect();
                Ok(Some(GeneFilter::new(
                    &names,
                    Some(gene_set_label(&entry.info, data.status)),
                    &catalog.interner,
                )))
            }
        }
    }
}

/// The label a dataset's genes get as a gene set: the bundled file's name for a bundled list
/// (what `genoforge select --gene-set public/data/…` calls it), else the dataset id.
pub fn gene_set_label(info: &DatasetInfo, status: DataStatus) -> String {
    match (&info.universe, status) {
        (Some(u), DataStatus::Bundled) => u.path.rsplit('/').next().unwrap_or(&u.path).to_owned(),
        _ => info.id.clone(),
    }
}

/// Files of one dataset that must be imported again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingFiles {
    /// Dataset id.
    pub id: String,
    /// The files (name, size, SHA-256), as recorded.
    pub files: Vec<SourceFile>,
}

/// The imported files of the catalog's dataset at `index` (none for bundled data).
fn imported_sources(catalog: &Catalog, index: usize) -> &[SourceFile] {
    match &catalog.entries[index].data {
        Some(d) if d.status == DataStatus::Imported => &d.sources,
        _ => &[],
    }
}

fn pair(a: &str, b: &str) -> [String; 2] {
    if a <= b {
        [a.to_owned(), b.to_owned()]
    } else {
        [b.to_owned(), a.to_owned()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn select_toggle_and_deselect() {
        let c = Catalog::with_registry();
        let mut r = DatasetSelection::default();
        let (a, b) = (
            c.index("kuzmin2018_dmf").unwrap(),
            c.index("costanzo2016_dmf").unwrap(),
        );
        assert!(r.select(&c, a, true));
        assert!(r.select(&c, b, true));
        // Matrix order, whatever the order of clicks.
        assert_eq!(r.datasets[0].id, "costanzo2016_dmf");
        assert_eq!(
            r.toggle("kuzmin2018_dmf", "costanzo2016_dmf"),
            Ok(Join::Intersection)
        );
        assert!(r.is_intersected("costanzo2016_dmf", "kuzmin2018_dmf"));
        let (s, absent) = r.to_selection(&c);
        assert!(absent.is_empty());
        assert_eq!(s.join(a, b), Join::Intersection);
        assert!(r.validate().is_ok());
        assert!(r.select(&c, a, false));
        assert!(r.intersections.is_empty());
        assert!(matches!(r.toggle("a", "a"), Err(RecordError::SamePair(_))));
    }
}
