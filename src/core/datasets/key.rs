//! Keys: what two datasets are compared by (gene, genotype, genotype + environment), and the
//! packing of a genotype and its environment into one `u64`.
//!
//! Layout of a packed key (bit 63 clear), genes sorted by id, a slot holding `id + 1` (0 = empty):
//!
//! ```text
//! 63 | 62 ........ 47 | 46 ........ 31 | 30 ........ 15 | 14 ...... 0
//!  0 | gene 1 (+1)    | gene 2 (+1)    | gene 3 (+1)    | environment
//! ```
//!
//! A genotype of more than three genes, or one naming a gene id ≥ 65,535, is interned in
//! [`LargeGenotypes`](super::intern::LargeGenotypes) and keyed `1 | index (48 bits) | environment`.
//! Environment ids are capped at 32,767 ([`MAX_ENVIRONMENT`]; torchcell's largest screen has
//! 5,879 conditions). The environment sits in the low
//! bits, so masking it off keeps a sorted key array sorted: genotype keys are derived from
//! genotype + environment keys by one pass with dedup.
//!
//! Eight bytes per distinct key; no genotype is ever held as text.

use serde::{Deserialize, Serialize};

use super::intern::{EnvironmentId, GeneId, Interner, MAX_PACKED_GENE};

/// What a dataset's key set contains.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyKind {
    /// Its genes (ORFs), each as a single-gene key.
    Gene,
    /// Its genotypes, environment ignored (torchcell's `GenotypeAggregator`).
    #[default]
    Genotype,
    /// Its (genotype, environment) pairs.
    GenotypeEnvironment,
}

impl KeyKind {
    /// The name in files and on the command line (`gene`, `genotype`, `genotype_environment`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Gene => "gene",
            Self::Genotype => "genotype",
            Self::GenotypeEnvironment => "genotype_environment",
        }
    }

    /// Parses [`KeyKind::as_str`]'s names.
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "gene" => Some(Self::Gene),
            "genotype" => Some(Self::Genotype),
            "genotype_environment" => Some(Self::GenotypeEnvironment),
            _ => None,
        }
    }
}

/// Bits of the environment field.
pub const ENV_BITS: u32 = 15;
/// Mask of the environment field.
pub const ENV_MASK: u64 = (1 << ENV_BITS) - 1;
/// The flag of a large-genotype key.
pub const LARGE: u64 = 1 << 63;
const SLOT_BITS: u32 = 16;
const SLOT_MASK: u64 = (1 << SLOT_BITS) - 1;
// A slot holds gene id + 1 (0 marks an empty slot), so the interner's packed range fits.
const _: () = assert!(MAX_PACKED_GENE as u64 == SLOT_MASK - 1);
/// The largest environment id a key holds; [`pack`] caps larger ids at it (the importer refuses
/// to intern more environments, see `crate::io::datasets`).
pub const MAX_ENVIRONMENT: u64 = ENV_MASK;

/// Packs a genotype (genes sorted ascending by id, no repeats, at least one) and an environment.
/// Genotypes that do not fit three 16-bit slots are interned in `interner.large`.
pub fn pack(genes: &[GeneId], env: EnvironmentId, interner: &mut Interner) -> u64 {
    debug_assert!(genes.windows(2).all(|w| w[0] < w[1]));
    let env = u64::from(env.0).min(MAX_ENVIRONMENT);
    if genes.len() <= 3 && genes.iter().all(|g| g.0 <= MAX_PACKED_GENE) {
        let mut key = 0u64;
        for (i, g) in genes.iter().enumerate() {
            key |= (u64::from(g.0) + 1) << (47 - 16 * i as u32);
        }
        key | env
    } else {
        LARGE | (interner.large.intern(genes) << ENV_BITS) | env
    }
}

/// The key of a single gene (no environment): the form of every key at [`KeyKind::Gene`]. The gene
/// must have been interned with [`Interner::gene`].
pub fn gene_key(gene: GeneId, interner: &Interner) -> u64 {
    if gene.0 <= MAX_PACKED_GENE {
        (u64::from(gene.0) + 1) << 47
    } else {
        let index = interner
            .large
            .get(&[gene])
            .expect("genes past the packed range are interned with Interner::gene");
        LARGE | (index << ENV_BITS)
    }
}

/// The key without its environment.
pub fn genotype_part(key: u64) -> u64 {
    key & !ENV_MASK
}

/// The environment of a key.
pub fn environment(key: u64) -> EnvironmentId {
    EnvironmentId((key & ENV_MASK) as u32)
}

/// Calls `f` with each gene of a key, in ascending id order.
pub fn for_each_gene(key: u64, interner: &Interner, mut f: impl FnMut(GeneId)) {
    if key & LARGE != 0 {
        for &g in interner.large.genes((key & !LARGE) >> ENV_BITS) {
            f(g);
        }
    } else {
        for i in 0..3 {
            let slot = (key >> (47 - 16 * i)) & SLOT_MASK;
            if slot != 0 {
                f(GeneId(slot as u32 - 1));
            }
        }
    }
}

/// The genes of a key, ascending by id.
pub fn genes(key: u64, interner: &Interner) -> Vec<GeneId> {
    let mut v = Vec::with_capacity(3);
    for_each_gene(key, interner, |g| v.push(g));
    v
}

/// Whether every gene of the key satisfies `pred`.
pub fn all_genes(key: u64, interner: &Interner, mut pred: impl FnMut(GeneId) -> bool) -> bool {
    let mut ok = true;
    for_each_gene(key, interner, |g| ok &= pred(g));
    ok
}

/// Whether the key contains `gene`.
pub fn contains_gene(key: u64, interner: &Interner, gene: GeneId) -> bool {
    let mut found = false;
    for_each_gene(key, interner, |g| found |= g == gene);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_and_unpacks_small_and_large_genotypes() {
        let mut i = Interner::default();
        let ids: Vec<GeneId> = (0..5).map(|n| i.gene(&format!("Y{n}"))).collect();
        let e = i.environments.intern("30C");
        for n in 1..=5 {
            let k = pack(&ids[..n], e, &mut i);
            assert_eq!(genes(k, &i), ids[..n].to_vec());
            assert_eq!(environment(k), e);
            assert_eq!(k & LARGE != 0, n > 3);
        }
        let big = GeneId(70_000);
        let k = pack(&[ids[0], big], EnvironmentId::NONE, &mut i);
        assert_eq!(genes(k, &i), vec![ids[0], big]);
    }

    #[test]
    fn masking_the_environment_keeps_order() {
        let mut i = Interner::default();
        let a = i.genes.intern("A");
        let b = i.genes.intern("B");
        let mut keys: Vec<u64> = [(vec![a], 2), (vec![a], 1), (vec![a, b], 1), (vec![b], 3)]
            .into_iter()
            .map(|(g, e)| pack(&g, EnvironmentId(e), &mut i))
            .collect();
        keys.sort_unstable();
        let g: Vec<u64> = keys.iter().map(|&k| genotype_part(k)).collect();
        assert!(g.windows(2).all(|w| w[0] <= w[1]));
    }
}
