//! A dataset's data: its (genotype, environment) keys and where they came from. Keys at the other
//! [`KeyKind`]s are derived from these.

use serde::{Deserialize, Serialize};

use super::intern::{GeneId, Interner};
use super::key::{self, KeyKind};
use super::keyset::KeySet;

/// Whether a dataset's keys are known, and how.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DataStatus {
    /// A gene list shipped with the app.
    Bundled,
    /// Files the user imported.
    Imported,
    /// Registry facts only: no keys, overlaps unknown.
    MetadataOnly,
}

/// A file a dataset was read from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceFile {
    /// File name as given (no directories needed).
    pub name: String,
    /// Size in bytes, as read (compressed size for gzip).
    pub bytes: u64,
    /// SHA-256 of the bytes, lower-case hex.
    pub sha256: String,
}

/// The keys of one dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatasetData {
    /// Bundled or imported.
    pub status: DataStatus,
    /// Distinct (genotype, environment) keys.
    pub keys: KeySet,
    /// Records (rows naming at least one gene) read.
    pub records: u64,
    /// The files, in the order read.
    pub sources: Vec<SourceFile>,
}

impl DatasetData {
    /// The keys at `kind`.
    pub fn keys(&self, kind: KeyKind, interner: &Interner) -> KeySet {
        match kind {
            KeyKind::GenotypeEnvironment => self.keys.clone(),
            KeyKind::Genotype => self.keys.map_monotonic(key::genotype_part),
            KeyKind::Gene => gene_keys(&self.keys, interner),
        }
    }

    /// Distinct genes, ascending by id.
    pub fn genes(&self, interner: &Interner) -> Vec<GeneId> {
        let mut seen = vec![false; interner.genes.len()];
        for &k in self.keys.as_slice() {
            key::for_each_gene(k, interner, |g| seen[g.0 as usize] = true);
        }
        seen.iter()
            .enumerate()
            .filter(|(_, s)| **s)
            .map(|(i, _)| GeneId(i as u32))
            .collect()
    }

    /// A gene list's data: each gene a single-gene genotype, no environment.
    pub fn from_genes(
        genes: impl IntoIterator<Item = GeneId>,
        interner: &Interner,
        status: DataStatus,
        sources: Vec<SourceFile>,
    ) -> Self {
        let keys: Vec<u64> = genes
            .into_iter()
            .map(|g| key::gene_key(g, interner))
            .collect();
        let records = keys.len() as u64;
        Self {
            status,
            keys: KeySet::from_unsorted(keys),
            records,
            sources,
        }
    }

    /// Adds another file's keys to this dataset.
    pub fn merge(&mut self, other: DatasetData) {
        self.keys = self.keys.union(&other.keys);
        self.records += other.records;
        self.sources.extend(other.sources);
    }
}

/// Single-gene keys of every gene in `keys`.
fn gene_keys(keys: &KeySet, interner: &Interner) -> KeySet {
    let mut seen = vec![false; interner.genes.len()];
    for &k in keys.as_slice() {
        key::for_each_gene(k, interner, |g| seen[g.0 as usize] = true);
    }
    let out = seen
        .iter()
        .enumerate()
        .filter(|(_, s)| **s)
        .map(|(i, _)| key::gene_key(GeneId(i as u32), interner))
        .collect();
    KeySet::from_unsorted(out)
}
