//! The symmetric union/intersection selection over N datasets.
//!
//! Semantics: the diagonal selects a dataset; each pair of selected datasets is joined by
//! **union** (default) or **intersection**. Intersection pairs link selected datasets into groups
//! (connected components — A∩B and B∩C make one group {A, B, C} even when A∪C). A group
//! contributes the keys present in **all** its datasets; the training set is the **union over
//! groups**.
//!
//! Overlaps do not depend on the selection: [`Overlaps`] holds `|K_i ∩ K_j|` for every pair with
//! data (diagonal `|K_i|`, `None` where a dataset has no data), computed once per key kind and gene
//! set; [`evaluate`] then gives groups and the result for a selection.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::keyset::KeySet;

/// How two selected datasets are joined.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Join {
    /// Keys of either (the default).
    #[default]
    Union,
    /// Keys of both: links the two into one group.
    Intersection,
}

/// Which datasets are selected and which pairs are intersected (indices in matrix order).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Selection {
    selected: Vec<bool>,
    /// Intersected pairs `(i, j)`, `i < j`, sorted.
    intersections: Vec<(usize, usize)>,
}

/// A selection change that makes no sense.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SelectionError {
    /// An index past the matrix.
    #[error("dataset {0} is not in the matrix ({1} datasets)")]
    OutOfRange(usize, usize),
    /// A pair joins a dataset with itself.
    #[error("a dataset cannot be joined with itself")]
    SamePair,
    /// Joining needs both datasets selected.
    #[error("dataset {0} is not selected: select it before joining it")]
    NotSelected(usize),
}

impl Selection {
    /// Nothing selected among `n` datasets.
    pub fn new(n: usize) -> Self {
        Self {
            selected: vec![false; n],
            intersections: Vec::new(),
        }
    }

    /// Number of datasets.
    pub fn len(&self) -> usize {
        self.selected.len()
    }

    /// Whether the matrix is empty.
    pub fn is_empty(&self) -> bool {
        self.selected.is_empty()
    }

    /// Grows the matrix to `n` datasets (new ones unselected).
    pub fn resize(&mut self, n: usize) {
        self.selected.resize(n, false);
        self.intersections.retain(|&(_, j)| j < n);
    }

    /// Whether dataset `i` is selected.
    pub fn is_selected(&self, i: usize) -> bool {
        self.selected.get(i).copied().unwrap_or(false)
    }

    /// Selected indices, ascending.
    pub fn selected(&self) -> Vec<usize> {
        (0..self.selected.len())
            .filter(|&i| self.selected[i])
            .collect()
    }

    /// Selects or deselects dataset `i` (the diagonal). A deselected dataset's joins are kept but
    /// count only while both ends are selected.
    pub fn select(&mut self, i: usize, on: bool) -> Result<(), SelectionError> {
        let n = self.selected.len();
        *self
            .selected
            .get_mut(i)
            .ok_or(SelectionError::OutOfRange(i, n))? = on;
        Ok(())
    }

    /// How `i` and `j` are joined (the diagonal and unselected pairs read as union).
    pub fn join(&self, i: usize, j: usize) -> Join {
        let p = (i.min(j), i.max(j));
        if i != j
            && self.is_selected(i)
            && self.is_selected(j)
            && self.intersections.binary_search(&p).is_ok()
        {
            Join::Intersection
        } else {
            Join::Union
        }
    }

    /// Sets how two selected datasets are joined.
    pub fn set_join(&mut self, i: usize, j: usize, join: Join) -> Result<(), SelectionError> {
        let n = self.selected.len();
        for k in [i, j] {
            if k >= n {
                return Err(SelectionError::OutOfRange(k, n));
            }
            if !self.selected[k] {
                return Err(SelectionError::NotSelected(k));
            }
        }
        if i == j {
            return Err(SelectionError::SamePair);
        }
        let p = (i.min(j), i.max(j));
        match (self.intersections.binary_search(&p), join) {
            (Err(at), Join::Intersection) => self.intersections.insert(at, p),
            (Ok(at), Join::Union) => {
                self.intersections.remove(at);
            }
            _ => {}
        }
        Ok(())
    }

    /// Flips a pair between union and intersection (a click on a matrix cell).
    pub fn toggle(&mut self, i: usize, j: usize) -> Result<Join, SelectionError> {
        let next = match self.join(i, j) {
            Join::Union => Join::Intersection,
            Join::Intersection => Join::Union,
        };
        self.set_join(i, j, next)?;
        Ok(next)
    }

    /// Intersected pairs whose datasets are both selected, `(i, j)` with `i < j`.
    pub fn active_intersections(&self) -> Vec<(usize, usize)> {
        self.intersections
            .iter()
            .copied()
            .filter(|&(i, j)| self.is_selected(i) && self.is_selected(j))
            .collect()
    }

    /// The groups: connected components of the selected datasets under intersection pairs. Each
    /// group's members ascending; groups ordered by their first member.
    pub fn groups(&self) -> Vec<Vec<usize>> {
        let n = self.selected.len();
        let mut parent: Vec<usize> = (0..n).collect();
        fn root(p: &mut [usize], mut x: usize) -> usize {
            while p[x] != x {
                p[x] = p[p[x]];
                x = p[x];
            }
            x
        }
        for (i, j) in self.active_intersections() {
            let (a, b) = (root(&mut parent, i), root(&mut parent, j));
            if a != b {
                parent[a.max(b)] = a.min(b);
            }
        }
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut slot_of_root = vec![usize::MAX; n];
        for i in self.selected() {
            let r = root(&mut parent, i);
            if slot_of_root[r] == usize::MAX {
                slot_of_root[r] = groups.len();
                groups.push(Vec::new());
            }
            groups[slot_of_root[r]].push(i);
        }
        groups
    }

    /// Whether `i` and `j` are distinct selected datasets in one group: intersected, by their own
    /// pair or through others (A∩B and A∩C put B and C in one group although B·C is ∪).
    pub fn in_one_group(&self, i: usize, j: usize) -> bool {
        i != j
            && self.is_selected(i)
            && self.is_selected(j)
            && self
                .groups()
                .iter()
                .any(|g| g.contains(&i) && g.contains(&j))
    }
}

/// `|K_i ∩ K_j|` for every pair of datasets with data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overlaps {
    /// N×N, symmetric; diagonal `|K_i|`; `None` where either dataset has no data.
    pub counts: Vec<Vec<Option<u64>>>,
}

impl Overlaps {
    /// Computes every pair by merging sorted key arrays.
    pub fn compute(keys: &[Option<Arc<KeySet>>]) -> Self {
        let n = keys.len();
        let mut counts = vec![vec![None; n]; n];
        for i in 0..n {
            let Some(a) = &keys[i] else { continue };
            counts[i][i] = Some(a.len() as u64);
            for j in i + 1..n {
                if let Some(b) = &keys[j] {
                    let c = a.intersection_len(b);
                    counts[i][j] = Some(c);
                    counts[j][i] = Some(c);
                }
            }
        }
        Self { counts }
    }

    /// `|K_i|`.
    pub fn size(&self, i: usize) -> Option<u64> {
        self.counts[i][i]
    }

    /// `|K_i ∩ K_j|`.
    pub fn intersection(&self, i: usize, j: usize) -> Option<u64> {
        self.counts[i][j]
    }

    /// `|K_i ∪ K_j|`.
    pub fn union(&self, i: usize, j: usize) -> Option<u64> {
        Some(self.size(i)? + self.size(j)? - self.intersection(i, j)?)
    }

    /// Jaccard index `|K_i ∩ K_j| / |K_i ∪ K_j|`; `None` without data or when both are empty.
    pub fn jaccard(&self, i: usize, j: usize) -> Option<f64> {
        let u = self.union(i, j)?;
        (u > 0).then(|| self.intersection(i, j).unwrap_or(0) as f64 / u as f64)
    }
}

/// One group of the result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupResult {
    /// Member datasets, ascending.
    pub members: Vec<usize>,
    /// Keys present in all members; `None` if a member has no data. A one-member group shares
    /// its dataset's set.
    pub keys: Option<Arc<KeySet>>,
}

impl GroupResult {
    /// Number of keys the group contributes.
    pub fn size(&self) -> Option<u64> {
        self.keys.as_ref().map(|k| k.len() as u64)
    }
}

/// Groups and the training set of a selection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The groups, ordered by first member.
    pub groups: Vec<GroupResult>,
    /// The union over groups; `None` if any group is unknown. A one-group result shares the
    /// group's set.
    pub result: Option<Arc<KeySet>>,
}

impl Outcome {
    /// Size of the training set.
    pub fn result_size(&self) -> Option<u64> {
        self.result.as_ref().map(|k| k.len() as u64)
    }
}

/// Evaluates a selection over the datasets' key sets (matrix order, `None` without data).
pub fn evaluate(selection: &Selection, keys: &[Option<Arc<KeySet>>]) -> Outcome {
    let groups: Vec<GroupResult> = selection
        .groups()
        .into_iter()
        .map(|members| {
            let sets: Option<Vec<&Arc<KeySet>>> = members
                .iter()
                .map(|&i| keys.get(i).and_then(Option::as_ref))
                .collect();
            let keys = sets.map(|sets| match sets.as_slice() {
                [one] => Arc::clone(one),
                many => Arc::new(
                    KeySet::intersect_all(many.iter().map(|s| s.as_ref())).unwrap_or_default(),
                ),
            });
            GroupResult { members, keys }
        })
        .collect();
    let result = groups
        .iter()
        .map(|g| g.keys.as_ref())
        .collect::<Option<Vec<&Arc<KeySet>>>>()
        .map(|sets| match sets.as_slice() {
            [one] => Arc::clone(one),
            many => Arc::new(KeySet::union_all(many.iter().map(|s| s.as_ref()))),
        });
    Outcome { groups, result }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triangle_is_one_group() {
        let mut s = Selection::new(4);
        for i in 0..3 {
            s.select(i, true).unwrap();
        }
        s.set_join(0, 1, Join::Intersection).unwrap();
        s.set_join(1, 2, Join::Intersection).unwrap();
        assert_eq!(s.join(0, 2), Join::Union);
        assert_eq!(s.groups(), vec![vec![0, 1, 2]]);
        assert_eq!(
            s.set_join(0, 3, Join::Intersection),
            Err(SelectionError::NotSelected(3))
        );
    }
}
