//! Overlap queries: the features on a contig overlapping a span in O(log n + k).
//!
//! Backed by `bio`'s array-backed (implicit, augmented) interval tree, one per contig.

use bio::data_structures::interval_tree::ArrayBackedIntervalTree;

use crate::core::coord::Span;
use crate::core::genome::feature::FeatureIdx;

/// The interval index of one contig.
#[derive(Clone, Debug)]
pub struct IntervalIndex {
    tree: ArrayBackedIntervalTree<u64, FeatureIdx>,
    len: usize,
}

impl Default for IntervalIndex {
    fn default() -> Self {
        Self {
            tree: ArrayBackedIntervalTree::new(),
            len: 0,
        }
    }
}

impl IntervalIndex {
    /// Builds the index from `(span, feature)` pairs.
    pub fn build(entries: impl IntoIterator<Item = (Span, FeatureIdx)>) -> Self {
        let mut tree = ArrayBackedIntervalTree::new();
        let mut len = 0;
        for (span, idx) in entries {
            // Zero-length spans cannot overlap anything; store them as one base so they stay findable.
            let end = span.end().get().max(span.start().get() + 1);
            tree.insert(span.start().get()..end, idx);
            len += 1;
        }
        tree.index();
        Self { tree, len }
    }

    /// Number of features indexed.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no feature is indexed.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Features sharing at least one base with `span`, in ascending feature order.
    pub fn overlapping(&self, span: Span) -> Vec<FeatureIdx> {
        if span.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<FeatureIdx> = self
            .tree
            .find(span.start().get()..span.end().get())
            .into_iter()
            .map(|e| *e.data())
            .collect();
        out.sort_unstable();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_exactly_the_overlapping() {
        let spans = [(0, 10), (5, 15), (20, 30), (29, 40)];
        let idx = IntervalIndex::build(
            spans
                .iter()
                .enumerate()
                .map(|(i, &(s, e))| (Span::from_raw(s, e), FeatureIdx(i as u32))),
        );
        assert_eq!(idx.overlapping(Span::from_raw(10, 20)), vec![FeatureIdx(1)]);
        assert_eq!(
            idx.overlapping(Span::from_raw(9, 21)),
            vec![FeatureIdx(0), FeatureIdx(1), FeatureIdx(2)]
        );
        assert_eq!(idx.overlapping(Span::from_raw(15, 20)), vec![]);
        assert_eq!(
            idx.overlapping(Span::from_raw(29, 30)),
            vec![FeatureIdx(2), FeatureIdx(3)]
        );
    }
}
