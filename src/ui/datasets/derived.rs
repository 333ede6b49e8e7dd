//! Each dataset's keys at the chosen key kind and gene set, kept between evaluations: a change of
//! the catalog re-derives only the datasets whose data changed, and an import derives its new
//! dataset's keys in a task of its own before the catalog changes (so adding a million keys never
//! makes one long task). A dataset's data is known by its key array (address and length: the
//! array moves into the catalog without moving its buffer) with the key kind and the gene set's
//! content.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use crate::core::datasets::catalog::{Catalog, GeneFilter};
use crate::core::datasets::data::DatasetData;
use crate::core::datasets::evaluation::Evaluation;
use crate::core::datasets::intern::Interner;
use crate::core::datasets::key::KeyKind;
use crate::core::datasets::keyset::KeySet;
use crate::core::datasets::selection::{Overlaps, Selection, evaluate};

/// What derived keys were derived from.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
struct Ident {
    ptr: usize,
    len: usize,
    /// A few keys spread over the array (a buffer reused for other keys of the same length).
    sample: u64,
    kind: KeyKind,
    filter: u64,
}

/// Derived key sets of the datasets last evaluated.
#[derive(Debug, Default)]
pub struct Derived {
    sets: Vec<(Ident, Arc<KeySet>)>,
}

/// The identity of a gene set by its content (label and names), not by the interner it was built
/// over (a filter rebuilt after new genes were interned is the same set).
pub fn filter_id(filter: Option<&GeneFilter>) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    if let Some(f) = filter {
        1u8.hash(&mut h);
        f.label.hash(&mut h);
        f.names.hash(&mut h);
    }
    h.finish()
}

fn ident(data: &DatasetData, kind: KeyKind, filter: u64) -> Ident {
    let keys = data.keys.as_slice();
    let step = (keys.len() / 61).max(1);
    let sample = keys
        .iter()
        .step_by(step)
        .fold(keys.len() as u64, |h, &k| h.rotate_left(7) ^ k);
    Ident {
        ptr: keys.as_ptr() as usize,
        len: keys.len(),
        sample,
        kind,
        filter,
    }
}

/// A dataset's keys at `kind`, restricted to `filter` (as `Catalog::key_sets` derives them).
fn derive(
    data: &DatasetData,
    interner: &Interner,
    kind: KeyKind,
    filter: Option<&GeneFilter>,
) -> KeySet {
    let keys = data.keys(kind, interner);
    match filter {
        Some(f) => keys.filter(|k| f.keeps(k, interner)),
        None => keys,
    }
}

impl Derived {
    fn find(&self, id: Ident) -> Option<Arc<KeySet>> {
        self.sets
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, k)| Arc::clone(k))
    }

    /// Derives `data`'s keys ahead of its joining the catalog (the interner must already hold its
    /// genes).
    pub fn prepare(
        &mut self,
        data: &DatasetData,
        interner: &Interner,
        kind: KeyKind,
        filter: Option<&GeneFilter>,
    ) {
        let id = ident(data, kind, filter_id(filter));
        if self.find(id).is_none() {
            self.sets
                .push((id, Arc::new(derive(data, interner, kind, filter))));
        }
    }

    /// Keys and overlaps of every dataset (the selection is applied later, with
    /// [`Evaluation::reselect`]); what this evaluation did not use is forgotten.
    pub fn evaluate(
        &mut self,
        catalog: &Catalog,
        kind: KeyKind,
        filter: Option<&GeneFilter>,
    ) -> Evaluation {
        let fid = filter_id(filter);
        let mut kept = Vec::new();
        let keys: Vec<Option<Arc<KeySet>>> = catalog
            .entries
            .iter()
            .map(|e| {
                e.data.as_ref().map(|d| {
                    let id = ident(d, kind, fid);
                    let k = self
                        .find(id)
                        .unwrap_or_else(|| Arc::new(derive(d, &catalog.interner, kind, filter)));
                    kept.push((id, Arc::clone(&k)));
                    k
                })
            })
            .collect();
        self.sets = kept;
        let overlaps = Overlaps::compute(&keys);
        let outcome = evaluate(&Selection::new(catalog.len()), &keys);
        Evaluation {
            key: kind,
            keys,
            overlaps,
            outcome,
        }
    }
}
