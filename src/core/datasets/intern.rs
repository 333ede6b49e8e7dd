//! Interning: genes, environments and genotypes of more than three genes as small integers.
//!
//! One [`Interner`] serves a whole session (every dataset in the matrix), so equal keys in two
//! datasets are equal integers. Ids are handed out in first-seen order; nothing about a key's
//! *meaning* depends on that order (exports sort by name, see [`Interner::name_ranks`]).

use rustc_hash::FxHashMap;

/// A gene, by its interned systematic name (or the name as written, upper-cased, when it did
/// not resolve).
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GeneId(pub u32);

/// An environment (`30C`, a drug and dose, …), interned. [`EnvironmentId::NONE`] is "not stated".
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EnvironmentId(pub u32);

impl EnvironmentId {
    /// No environment stated (gene lists, single-condition screens): the empty label.
    pub const NONE: Self = Self(0);
}

/// Genes by id and by name. Names are stored upper-cased.
#[derive(Clone, Debug, Default)]
pub struct GeneTable {
    names: Vec<Box<str>>,
    index: FxHashMap<Box<str>, GeneId>,
}

impl GeneTable {
    /// The id of `name` (upper-cased first), adding it when new.
    pub fn intern(&mut self, name: &str) -> GeneId {
        let upper;
        let name = if name.bytes().any(|b| b.is_ascii_lowercase()) {
            upper = name.to_ascii_uppercase();
            upper.as_str()
        } else {
            name
        };
        if let Some(&id) = self.index.get(name) {
            return id;
        }
        let id = GeneId(self.names.len() as u32);
        self.names.push(name.into());
        self.index.insert(name.into(), id);
        id
    }

    /// The id of `name` if it was interned (case-insensitive).
    pub fn get(&self, name: &str) -> Option<GeneId> {
        self.index.get(name.to_ascii_uppercase().as_str()).copied()
    }

    /// The name of a gene.
    pub fn name(&self, id: GeneId) -> &str {
        &self.names[id.0 as usize]
    }

    /// Number of genes.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether no gene is interned.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// Environments by id and label; id 0 is the empty label ("not stated").
#[derive(Clone, Debug)]
pub struct EnvironmentTable {
    labels: Vec<Box<str>>,
    index: FxHashMap<Box<str>, EnvironmentId>,
}

impl Default for EnvironmentTable {
    fn default() -> Self {
        let mut index = FxHashMap::default();
        index.insert(Box::<str>::from(""), EnvironmentId::NONE);
        Self {
            labels: vec!["".into()],
            index,
        }
    }
}

impl EnvironmentTable {
    /// The id of `label` (trimmed), adding it when new. An empty label is [`EnvironmentId::NONE`].
    pub fn intern(&mut self, label: &str) -> EnvironmentId {
        let label = label.trim();
        if let Some(&id) = self.index.get(label) {
            return id;
        }
        let id = EnvironmentId(self.labels.len() as u32);
        self.labels.push(label.into());
        self.index.insert(label.into(), id);
        id
    }

    /// The label of an environment (empty for [`EnvironmentId::NONE`]).
    pub fn label(&self, id: EnvironmentId) -> &str {
        &self.labels[id.0 as usize]
    }

    /// Number of environments, "not stated" included.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Always false: "not stated" is always there.
    pub fn is_empty(&self) -> bool {
        false
    }
}

/// Genotypes of more than three genes (or with a gene id past the packed range), by index.
#[derive(Clone, Debug, Default)]
pub struct LargeGenotypes {
    genotypes: Vec<Box<[GeneId]>>,
    index: FxHashMap<Box<[GeneId]>, u64>,
}

impl LargeGenotypes {
    /// The index of a genotype if it was interned.
    pub fn get(&self, genes: &[GeneId]) -> Option<u64> {
        self.index.get(genes).copied()
    }

    /// The index of a sorted, deduplicated genotype, adding it when new.
    pub fn intern(&mut self, genes: &[GeneId]) -> u64 {
        if let Some(&i) = self.index.get(genes) {
            return i;
        }
        let i = self.genotypes.len() as u64;
        self.genotypes.push(genes.into());
        self.index.insert(genes.into(), i);
        i
    }

    /// The genes of a large genotype.
    pub fn genes(&self, index: u64) -> &[GeneId] {
        &self.genotypes[index as usize]
    }

    /// Number of large genotypes.
    pub fn len(&self) -> usize {
        self.genotypes.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.genotypes.is_empty()
    }
}

/// Everything a session interns: genes, environments, large genotypes.
#[derive(Clone, Debug, Default)]
pub struct Interner {
    /// Genes.
    pub genes: GeneTable,
    /// Environments.
    pub environments: EnvironmentTable,
    /// Genotypes that do not fit a packed key.
    pub large: LargeGenotypes,
}

/// The largest gene id a packed genotype key holds (a 16-bit slot storing id + 1, 0 = empty; see
/// `crate::core::datasets::key`). Genes past it are keyed through [`LargeGenotypes`].
pub const MAX_PACKED_GENE: u32 = u16::MAX as u32 - 1;

impl Interner {
    /// Interns a gene name (upper-cased). Use this rather than `genes.intern`: a gene whose id is
    /// past the packed range also gets its single-gene genotype interned, so its gene key exists
    /// without mutation later ([`crate::core::datasets::key::gene_key`]).
    pub fn gene(&mut self, name: &str) -> GeneId {
        let id = self.genes.intern(name);
        if id.0 > MAX_PACKED_GENE {
            self.large.intern(&[id]);
        }
        id
    }

    /// Each gene's rank when genes are sorted by name (bytewise): `ranks[id] = position`. Exports
    /// order genotypes by these ranks, so their bytes do not depend on the order of interning.
    pub fn name_ranks(&self) -> Vec<u32> {
        let mut order: Vec<u32> = (0..self.genes.len() as u32).collect();
        crate::core::sort::sort_by(&mut order, |&a, &b| {
            self.genes.name(GeneId(a)).cmp(self.genes.name(GeneId(b)))
        });
        let mut ranks = vec![0u32; order.len()];
        for (rank, id) in order.into_iter().enumerate() {
            ranks[id as usize] = rank as u32;
        }
        ranks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_is_case_insensitive_and_stable() {
        let mut t = GeneTable::default();
        let a = t.intern("yal001c");
        let b = t.intern("YAL001C");
        let c = t.intern("YBR188C");
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(t.name(a), "YAL001C");
        assert_eq!(t.get("Yal001c"), Some(a));
        let mut e = EnvironmentTable::default();
        assert_eq!(e.intern(" "), EnvironmentId::NONE);
        assert_eq!(e.intern("30C"), EnvironmentId(1));
        assert_eq!(e.label(EnvironmentId(1)), "30C");
    }

    #[test]
    fn ranks_follow_names() {
        let mut i = Interner::default();
        i.genes.intern("YC");
        i.genes.intern("YA");
        i.genes.intern("YB");
        assert_eq!(i.name_ranks(), vec![2, 0, 1]);
    }
}
