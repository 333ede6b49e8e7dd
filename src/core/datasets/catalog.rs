//! The matrix's datasets: registry entries and user datasets, each with its data when known, over
//! one shared [`Interner`].

use super::data::{DataStatus, DatasetData};
use super::info::DatasetInfo;
use super::intern::{GeneId, Interner};
use super::key::{self, KeyKind};
use super::keyset::KeySet;
use super::registry;

/// A dataset of the matrix.
#[derive(Clone, Debug)]
pub struct CatalogEntry {
    /// Registry facts (or what the user typed).
    pub info: DatasetInfo,
    /// Its keys, when bundled or imported.
    pub data: Option<DatasetData>,
}

impl CatalogEntry {
    /// Bundled, imported or metadata only.
    pub fn status(&self) -> DataStatus {
        self.data
            .as_ref()
            .map_or(DataStatus::MetadataOnly, |d| d.status)
    }
}

/// Genes a selection is restricted to (torchcell's `$gene_set`): a genotype is kept only if all
/// its genes are in the set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneFilter {
    allowed: Vec<bool>,
    /// The set's systematic names, upper-cased, sorted, deduplicated (for exports).
    pub names: Vec<String>,
    /// An optional name for the set.
    pub label: Option<String>,
}

impl GeneFilter {
    /// The filter for `names` (systematic names, any case) over the genes interned so far.
    pub fn new(names: &[String], label: Option<String>, interner: &Interner) -> Self {
        let mut allowed = vec![false; interner.genes.len()];
        let mut upper: Vec<String> = names
            .iter()
            .map(|n| n.trim().to_ascii_uppercase())
            .collect();
        upper.retain(|n| !n.is_empty());
        crate::core::sort::sort(&mut upper);
        upper.dedup();
        for n in &upper {
            if let Some(g) = interner.genes.get(n) {
                allowed[g.0 as usize] = true;
            }
        }
        Self {
            allowed,
            names: upper,
            label,
        }
    }

    /// Whether a gene is in the set (genes interned after the filter was built are not).
    pub fn allows(&self, gene: GeneId) -> bool {
        self.allowed.get(gene.0 as usize).copied().unwrap_or(false)
    }

    /// Whether every gene of `key` is in the set.
    pub fn keeps(&self, key: u64, interner: &Interner) -> bool {
        key::all_genes(key, interner, |g| self.allows(g))
    }
}

/// The registry plus user datasets, in matrix order, with the session's interner.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    /// Genes, environments, large genotypes of every dataset here.
    pub interner: Interner,
    /// The datasets, in matrix order (registry first, user datasets after).
    pub entries: Vec<CatalogEntry>,
}

impl Catalog {
    /// The registry, no data loaded.
    pub fn with_registry() -> Self {
        Self {
            interner: Interner::default(),
            entries: registry::registry()
                .into_iter()
                .map(|info| CatalogEntry { info, data: None })
                .collect(),
        }
    }

    /// Matrix position of a dataset id.
    pub fn index(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.info.id == id)
    }

    /// Adds a user dataset at the end (or returns the position of the entry with that id).
    pub fn add(&mut self, info: DatasetInfo) -> usize {
        if let Some(i) = self.index(&info.id) {
            return i;
        }
        self.entries.push(CatalogEntry { info, data: None });
        self.entries.len() - 1
    }

    /// Adds data to a dataset (several files fill one dataset: their keys are united).
    pub fn add_data(&mut self, index: usize, data: DatasetData) {
        match &mut self.entries[index].data {
            Some(d) => d.merge(data),
            slot => *slot = Some(data),
        }
    }

    /// Number of datasets.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every dataset's keys at `kind`, restricted to `filter`; `None` where it has no data.
    pub fn key_sets(&self, kind: KeyKind, filter: Option<&GeneFilter>) -> Vec<Option<KeySet>> {
        self.entries
            .iter()
            .map(|e| {
                e.data.as_ref().map(|d| {
                    let keys = d.keys(kind, &self.interner);
                    match filter {
                        Some(f) => keys.filter(|k| f.keeps(k, &self.interner)),
                        None => keys,
                    }
                })
            })
            .collect()
    }
}
