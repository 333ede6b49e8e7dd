//! The gene name index: systematic, standard and alias names → gene-level features, case-insensitive.

use rustc_hash::FxHashMap;

use serde::{Deserialize, Serialize};

use crate::core::genome::feature::FeatureIdx;

/// Which kind of name a query matched. Earlier variants win over later ones.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameKind {
    /// The feature's `ID` as written (`gene:YAL001C`).
    Id,
    /// Systematic name (`YAL001C`: `gene_id`, or the ID without its `gene:` prefix).
    Systematic,
    /// Standard name (`Name=`, or SGD's standard name: `TFC3`).
    Standard,
    /// An alias from the feature table (`MET15`).
    Alias,
}

/// One indexed name.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct NameHit {
    /// The gene-level feature.
    pub feature: FeatureIdx,
    /// What kind of name matched.
    pub kind: NameKind,
}

/// The result of looking a name up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// Exactly one feature has this name (at the strongest matching kind).
    Found(NameHit),
    /// Several features share the name at the strongest matching kind.
    Ambiguous(Vec<NameHit>),
    /// No feature has this name.
    NotFound,
}

/// Case-insensitive name index.
#[derive(Clone, Debug, Default)]
pub struct NameIndex {
    map: FxHashMap<Box<str>, Vec<NameHit>>,
    /// Sorted keys, for prefix suggestions.
    sorted: Vec<Box<str>>,
}

impl NameIndex {
    /// Adds a name. Empty names are ignored; repeated (name, feature) pairs keep the strongest kind.
    pub fn insert(&mut self, name: &str, feature: FeatureIdx, kind: NameKind) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        let hits = self.map.entry(name.to_lowercase().into()).or_default();
        match hits.iter_mut().find(|h| h.feature == feature) {
            Some(h) => h.kind = h.kind.min(kind),
            None => hits.push(NameHit { feature, kind }),
        }
    }

    /// Finishes building (sorts keys for [`NameIndex::suggest`]).
    pub fn finish(&mut self) {
        self.sorted = self.map.keys().cloned().collect();
        crate::core::sort::sort(&mut self.sorted);
        for hits in self.map.values_mut() {
            crate::core::sort::sort_by_key(hits, |h| (h.kind, h.feature));
        }
    }

    /// Looks a name up. Only hits of the strongest kind count: a systematic or standard name beats an
    /// alias that another gene also carries.
    pub fn lookup(&self, name: &str) -> Lookup {
        let Some(hits) = self.map.get(name.trim().to_lowercase().as_str()) else {
            return Lookup::NotFound;
        };
        let Some(best) = hits.iter().map(|h| h.kind).min() else {
            return Lookup::NotFound;
        };
        let top: Vec<NameHit> = hits.iter().copied().filter(|h| h.kind == best).collect();
        match top.as_slice() {
            [one] => Lookup::Found(*one),
            _ => Lookup::Ambiguous(top),
        }
    }

    /// Every feature carrying `name`, strongest kind first.
    pub fn all(&self, name: &str) -> &[NameHit] {
        self.map
            .get(name.trim().to_lowercase().as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Up to `limit` indexed names starting with `prefix` (lower-cased), in sorted order.
    pub fn suggest(&self, prefix: &str, limit: usize) -> Vec<&str> {
        let p = prefix.trim().to_lowercase();
        if p.is_empty() {
            return Vec::new();
        }
        let start = self.sorted.partition_point(|k| k.as_ref() < p.as_str());
        self.sorted[start..]
            .iter()
            .take_while(|k| k.starts_with(p.as_str()))
            .take(limit)
            .map(AsRef::as_ref)
            .collect()
    }

    /// Up to `limit` indexed names (lower-cased) closest to `name` by edit distance (Damerau–
    /// Levenshtein, at most 2 and less than half the name's length): "did you mean" for a name no
    /// gene has. Nearest first; at equal distance systematic and standard names before aliases.
    /// O(number of names) per call.
    pub fn similar(&self, name: &str, limit: usize) -> Vec<&str> {
        let q = name.trim().to_lowercase();
        let n = q.chars().count();
        let max = 2.min(n.saturating_sub(1) / 2).max(1);
        let mut hits: Vec<(usize, NameKind, &str)> = self
            .sorted
            .iter()
            .filter(|k| k.chars().count().abs_diff(n) <= max)
            .map(|k| (strsim::damerau_levenshtein(&q, k), k.as_ref()))
            .filter(|&(d, _)| d > 0 && d <= max)
            .map(|(d, k)| {
                let kind = self
                    .all(k)
                    .iter()
                    .map(|h| h.kind)
                    .min()
                    .unwrap_or(NameKind::Alias);
                (d, kind, k)
            })
            .collect();
        crate::core::sort::sort(&mut hits);
        hits.into_iter().take(limit).map(|(_, _, k)| k).collect()
    }

    /// Every indexed name (lower-cased), in sorted order (after [`NameIndex::finish`]).
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.sorted.iter().map(AsRef::as_ref)
    }

    /// Number of distinct names.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the index is empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strongest_kind_wins_and_case_is_ignored() {
        let mut idx = NameIndex::default();
        idx.insert("YLR303W", FeatureIdx(1), NameKind::Systematic);
        idx.insert("MET17", FeatureIdx(1), NameKind::Standard);
        idx.insert("MET15", FeatureIdx(1), NameKind::Alias);
        idx.insert("MET15", FeatureIdx(2), NameKind::Standard);
        idx.insert("SHARED", FeatureIdx(3), NameKind::Alias);
        idx.insert("shared", FeatureIdx(4), NameKind::Alias);
        idx.finish();
        assert_eq!(
            idx.lookup("met17"),
            Lookup::Found(NameHit {
                feature: FeatureIdx(1),
                kind: NameKind::Standard
            })
        );
        assert_eq!(
            idx.lookup("Met15"),
            Lookup::Found(NameHit {
                feature: FeatureIdx(2),
                kind: NameKind::Standard
            })
        );
        assert!(matches!(idx.lookup("Shared"), Lookup::Ambiguous(h) if h.len() == 2));
        assert_eq!(idx.lookup("nope"), Lookup::NotFound);
        assert_eq!(idx.suggest("MET1", 10), vec!["met15", "met17"]);
    }
}
