//! Parent/child links between features, with the problems real files have: undefined parents,
//! self-references, cycles, parents on another sequence, one ID on different sequences or types.
//!
//! Lines sharing an `ID` form a group; groups and their children are stored as compressed sparse
//! rows (two flat vectors), not one vector per group.

use rustc_hash::FxHashMap;

use crate::core::genome::diagnostics::{Diagnostic, InputKind, Severity};
use crate::core::genome::feature::{Feature, FeatureIdx};

/// For each group, a slice of items: compressed sparse rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Csr<T = FeatureIdx> {
    offsets: Vec<u32>,
    items: Vec<T>,
}

impl<T> Default for Csr<T> {
    fn default() -> Self {
        Self {
            offsets: Vec::new(),
            items: Vec::new(),
        }
    }
}

impl<T: Copy + Default> Csr<T> {
    /// Builds rows from `(group, item)` pairs; items keep their relative order within a group.
    pub(crate) fn from_pairs(groups: usize, pairs: &[(u32, T)]) -> Self {
        let mut offsets = vec![0u32; groups + 1];
        for &(g, _) in pairs {
            offsets[g as usize + 1] += 1;
        }
        for i in 0..groups {
            offsets[i + 1] += offsets[i];
        }
        let mut next = offsets.clone();
        let mut items = vec![T::default(); pairs.len()];
        for &(g, item) in pairs {
            items[next[g as usize] as usize] = item;
            next[g as usize] += 1;
        }
        Self { offsets, items }
    }

    /// The items of group `g`.
    pub fn get(&self, g: u32) -> &[T] {
        let g = g as usize;
        match (self.offsets.get(g), self.offsets.get(g + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Number of groups.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Whether there is no group.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// ID → group, each group's lines, each group's children.
#[derive(Clone, Debug, Default)]
pub(crate) struct Links {
    pub ids: FxHashMap<Box<str>, u32>,
    pub lines: Csr,
    pub children: Csr,
}

/// Groups lines by `ID` and children by parent. A `Parent` that cannot stand is removed from the
/// line (its text rewritten) and reported: a self-reference, the link that would close a cycle
/// (so the links form a DAG), a Parent no line defines (an error when that line was skipped —
/// `dropped` lists the skipped lines' IDs — a warning otherwise), and a parent on another
/// sequence.
pub(crate) fn link(
    features: &mut [Feature],
    diags: &mut Vec<Diagnostic>,
    dropped: &[(Box<str>, u64)],
) -> Links {
    let mut ids: FxHashMap<Box<str>, u32> = FxHashMap::default();
    let mut line_pairs: Vec<(u32, FeatureIdx)> = Vec::with_capacity(features.len());
    for (i, f) in features.iter().enumerate() {
        if let Some(id) = &f.id {
            let next = ids.len() as u32;
            let g = *ids.entry(id.clone()).or_insert(next);
            line_pairs.push((g, FeatureIdx(i as u32)));
        }
    }
    let lines = Csr::from_pairs(ids.len(), &line_pairs);
    let before: Vec<usize> = features.iter().map(|f| f.parents.len()).collect();

    for f in features.iter_mut() {
        let Feature {
            id,
            parents,
            source_line,
            ..
        } = f;
        if let Some(id) = id.as_deref()
            && parents.iter().any(|p| **p == *id)
        {
            diags.push(Diagnostic::at_line(
                    Severity::Error,
                    InputKind::Gff3,
                    source_line.line,
                    format!("feature '{id}' names itself as its Parent (self-referential); that link is ignored"),
                ));
            parents.retain(|p| **p != *id);
        }
    }
    break_cycles(features, &ids, diags);

    let dropped: FxHashMap<&str, u64> = dropped.iter().map(|(id, l)| (id.as_ref(), *l)).collect();
    for i in 0..features.len() {
        if features[i].parents.is_empty() && before[i] == 0 {
            continue;
        }
        let f = &features[i];
        let mut kept: Vec<Box<str>> = Vec::with_capacity(f.parents.len());
        for p in &f.parents {
            let Some(&g) = ids.get(p) else {
                let (severity, why) = match dropped.get(p.as_ref()) {
                    Some(l) => (
                        Severity::Error,
                        format!("was defined on line {l}, which was skipped"),
                    ),
                    None => (
                        Severity::Warning,
                        "was not defined by any ID in the file".to_owned(),
                    ),
                };
                diags.push(Diagnostic::at_line(
                    severity,
                    InputKind::Gff3,
                    f.source_line.line,
                    format!(
                        "Parent '{p}' of this {} {why}; the link is removed and the feature kept",
                        f.kind
                    ),
                ));
                continue;
            };
            if let Some(&other) = lines
                .get(g)
                .iter()
                .find(|&&l| features[l.get()].contig != f.contig)
            {
                diags.push(Diagnostic::at_line(
                    Severity::Warning,
                    InputKind::Gff3,
                    f.source_line.line,
                    format!(
                        "this {} has different sequence id than its parent on line {} ('{p}'); the link is removed",
                        f.kind,
                        features[other.get()].source_line.line
                    ),
                ));
                continue;
            }
            kept.push(p.clone());
        }
        if kept.len() != before[i] {
            features[i].set_parents(kept);
        }
    }
    let mut child_pairs: Vec<(u32, FeatureIdx)> = Vec::with_capacity(features.len());
    for (i, f) in features.iter().enumerate() {
        for p in &f.parents {
            if let Some(&g) = ids.get(p) {
                child_pairs.push((g, FeatureIdx(i as u32)));
            }
        }
    }
    let children = Csr::from_pairs(ids.len(), &child_pairs);
    Links {
        ids,
        lines,
        children,
    }
}

/// Depth-first search over ID groups along Parent edges; an edge back into the active path closes a
/// cycle and is removed. Features without an ID cannot be part of a cycle (nothing names them).
fn break_cycles(
    features: &mut [Feature],
    ids: &FxHashMap<Box<str>, u32>,
    diags: &mut Vec<Diagnostic>,
) {
    // Edges (child group, parent group, line, parent index on that line), sorted by child group.
    let mut edges: Vec<(u32, u32, FeatureIdx, usize)> = Vec::new();
    for (i, f) in features.iter().enumerate() {
        let Some(g) = f.id.as_deref().and_then(|id| ids.get(id)) else {
            continue;
        };
        for (pi, p) in f.parents.iter().enumerate() {
            if let Some(&pg) = ids.get(p) {
                edges.push((*g, pg, FeatureIdx(i as u32), pi));
            }
        }
    }
    if edges.is_empty() {
        return;
    }
    crate::core::sort::sort_by_key(&mut edges, |e| e.0);
    let mut start = vec![0usize; ids.len() + 1];
    for e in &edges {
        start[e.0 as usize + 1] += 1;
    }
    for i in 0..ids.len() {
        start[i + 1] += start[i];
    }

    const NEW: u8 = 0;
    const ACTIVE: u8 = 1;
    const DONE: u8 = 2;
    let mut mark = vec![NEW; ids.len()];
    let mut cut: Vec<(FeatureIdx, usize)> = Vec::new();
    let mut stack: Vec<(u32, usize)> = Vec::new();
    for root in edges.iter().map(|e| e.0) {
        if mark[root as usize] != NEW {
            continue;
        }
        mark[root as usize] = ACTIVE;
        stack.push((root, start[root as usize]));
        while let Some((node, pos)) = stack.last_mut() {
            if *pos == start[*node as usize + 1] {
                mark[*node as usize] = DONE;
                stack.pop();
                continue;
            }
            let (_, p, line, pi) = edges[*pos];
            *pos += 1;
            match mark[p as usize] {
                NEW => {
                    mark[p as usize] = ACTIVE;
                    stack.push((p, start[p as usize]));
                }
                ACTIVE => cut.push((line, pi)),
                _ => {}
            }
        }
    }
    // Remove from the highest parent index down so earlier indices stay valid.
    crate::core::sort::sort_by(&mut cut, |a, b| b.cmp(a));
    cut.dedup();
    for (line, pi) in cut {
        let f = &mut features[line.get()];
        let parent = f.parents.remove(pi);
        diags.push(Diagnostic::at_line(
            Severity::Error,
            InputKind::Gff3,
            f.source_line.line,
            format!(
                "Parent '{parent}' of '{}' would cause a cycle in the feature hierarchy; that link is ignored",
                f.id.as_deref().unwrap_or("?")
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csr_keeps_order_within_groups() {
        let pairs = [
            (1, FeatureIdx(5)),
            (0, FeatureIdx(2)),
            (1, FeatureIdx(7)),
            (3, FeatureIdx(1)),
        ];
        let csr = Csr::from_pairs(4, &pairs);
        assert_eq!(csr.get(0), &[FeatureIdx(2)]);
        assert_eq!(csr.get(1), &[FeatureIdx(5), FeatureIdx(7)]);
        assert_eq!(csr.get(2), &[]);
        assert_eq!(csr.get(3), &[FeatureIdx(1)]);
        assert_eq!(csr.get(9), &[]);
    }
}
