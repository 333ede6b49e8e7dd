//! A gene resolver that can travel: every name of a genome's name index with what it resolves to,
//! as a plain table. The browser's import worker has no genome; it gets this table instead and
//! resolves names exactly as the genome would (systematic, standard, alias; unknown and ambiguous
//! names reported the same way).

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::resolve::{GeneResolver, Resolved};

/// What one name resolves to (JSON: a string for one gene, a list for several).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
enum Entry {
    Found(String),
    Ambiguous(Vec<String>),
}

/// Names (lower-cased) → systematic names. A name absent from the table is unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameMap {
    names: FxHashMap<String, Entry>,
}

impl NameMap {
    /// Resolves each of `names` through `resolver` and keeps the answers (unknown names are not
    /// kept: absent means unknown).
    pub fn build<'a>(
        names: impl IntoIterator<Item = &'a str>,
        resolver: &dyn GeneResolver,
    ) -> Self {
        let mut m = Self::default();
        m.extend(names, resolver);
        m
    }

    /// Adds more names (building in steps, yielding in between).
    pub fn extend<'a>(
        &mut self,
        names: impl IntoIterator<Item = &'a str>,
        resolver: &dyn GeneResolver,
    ) {
        for n in names {
            let entry = match resolver.resolve(n) {
                Resolved::Found(s) => Entry::Found(s),
                Resolved::Ambiguous(c) => Entry::Ambiguous(c),
                Resolved::Unknown => continue,
            };
            self.names.insert(n.trim().to_lowercase(), entry);
        }
    }

    /// Number of names.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

impl GeneResolver for NameMap {
    fn resolve(&self, name: &str) -> Resolved {
        match self.names.get(name.trim().to_lowercase().as_str()) {
            Some(Entry::Found(s)) => Resolved::Found(s.clone()),
            Some(Entry::Ambiguous(c)) => Resolved::Ambiguous(c.clone()),
            None => Resolved::Unknown,
        }
    }
}
