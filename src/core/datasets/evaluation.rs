//! A selection evaluated over a catalog: each dataset's keys at the chosen kind (restricted to the
//! gene set), all pairwise overlaps, groups and the training set; and the canonical, interning-
//! independent forms exports need (key text order, key-set checksum).

use std::sync::Arc;

use super::catalog::{Catalog, GeneFilter};
use super::intern::Interner;
use super::key::{self, KeyKind};
use super::keyset::KeySet;
use super::selection::{Outcome, Overlaps, Selection, evaluate};

/// Everything the matrix shows and the exports write.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// The key kind.
    pub key: KeyKind,
    /// Each dataset's keys (matrix order; `None` without data), after the gene-set restriction.
    pub keys: Vec<Option<Arc<KeySet>>>,
    /// Pairwise overlaps (independent of the selection).
    pub overlaps: Overlaps,
    /// Groups and result of the selection.
    pub outcome: Outcome,
}

impl Evaluation {
    /// Derives keys, computes overlaps and evaluates `selection`.
    pub fn new(
        catalog: &Catalog,
        selection: &Selection,
        key: KeyKind,
        filter: Option<&GeneFilter>,
    ) -> Self {
        let keys: Vec<Option<Arc<KeySet>>> = catalog
            .key_sets(key, filter)
            .into_iter()
            .map(|k| k.map(Arc::new))
            .collect();
        let overlaps = Overlaps::compute(&keys);
        let outcome = evaluate(selection, &keys);
        Self {
            key,
            keys,
            overlaps,
            outcome,
        }
    }

    /// Re-evaluates groups and result for a changed selection (a click on the matrix); keys and
    /// overlaps are kept.
    pub fn reselect(&mut self, selection: &Selection) {
        self.outcome = evaluate(selection, &self.keys);
    }
}

/// A key's genes by name (sorted) and its environment label, for exports.
pub fn key_names(k: u64, interner: &Interner) -> (Vec<&str>, &str) {
    let mut names: Vec<&str> = key::genes(k, interner)
        .into_iter()
        .map(|g| interner.genes.name(g))
        .collect();
    crate::core::sort::sort_short(&mut names);
    (names, interner.environments.label(key::environment(k)))
}

/// The text of a key in exports: genes sorted by name joined by `;`, then for
/// [`KeyKind::GenotypeEnvironment`] a tab and the environment label.
pub fn key_text(k: u64, kind: KeyKind, interner: &Interner) -> String {
    let (names, env) = key_names(k, interner);
    let mut s = names.join(";");
    if kind == KeyKind::GenotypeEnvironment {
        s.push('\t');
        s.push_str(env);
    }
    s
}

fn fnv1a(bytes: &[u8], mut h: u64) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A checksum of a key set that does not depend on interning or order: the wrapping sum over keys
/// of `splitmix64(fnv1a64(text))`, `text` being [`key_text`]'s bytes, written as 16 hex digits
/// followed by `-` and the number of keys (`"3f…9a-4111"`). Reproducible from `genotypes.csv`
/// in a few lines of Python.
pub fn checksum(keys: &KeySet, kind: KeyKind, interner: &Interner) -> String {
    let mut sum = 0u64;
    let mut names: Vec<&str> = Vec::with_capacity(4);
    for &k in keys.as_slice() {
        names.clear();
        key::for_each_gene(k, interner, |g| names.push(interner.genes.name(g)));
        crate::core::sort::sort_short(&mut names);
        let mut h = 0xcbf2_9ce4_8422_2325u64;
        for (i, n) in names.iter().enumerate() {
            if i > 0 {
                h = fnv1a(b";", h);
            }
            h = fnv1a(n.as_bytes(), h);
        }
        if kind == KeyKind::GenotypeEnvironment {
            h = fnv1a(b"\t", h);
            h = fnv1a(
                interner.environments.label(key::environment(k)).as_bytes(),
                h,
            );
        }
        sum = sum.wrapping_add(splitmix(h));
    }
    format!("{sum:016x}-{}", keys.len())
}

/// Export order of `keys` — genes compared name by name (a genotype before its extensions), then
/// the environment label — whatever order the genes were interned in: the positions in `keys`,
/// in that order.
pub fn canonical_order(keys: &[u64], interner: &Interner) -> Vec<usize> {
    let gene_ranks = interner.name_ranks();
    let mut env_order: Vec<u32> = (0..interner.environments.len() as u32).collect();
    crate::core::sort::sort_by(&mut env_order, |&a, &b| {
        interner
            .environments
            .label(super::intern::EnvironmentId(a))
            .cmp(interner.environments.label(super::intern::EnvironmentId(b)))
    });
    let mut env_rank = vec![0u64; env_order.len()];
    for (r, e) in env_order.into_iter().enumerate() {
        env_rank[e as usize] = r as u64;
    }
    // (rank key, position): rank keys pack gene name ranks as keys pack gene ids.
    let mut small: Vec<(u64, usize)> = Vec::with_capacity(keys.len());
    let mut large: Vec<(Vec<u32>, u64, usize)> = Vec::new();
    for (pos, &k) in keys.iter().enumerate() {
        let env = env_rank[key::environment(k).0 as usize].min(key::ENV_MASK);
        if k & key::LARGE == 0 {
            // At most three genes: ranks in a fixed array, no allocation per key.
            let mut ranks = [u32::MAX; 3];
            let mut n = 0;
            key::for_each_gene(k, interner, |g| {
                ranks[n] = gene_ranks[g.0 as usize];
                n += 1;
            });
            ranks[..n].sort_unstable();
            if ranks[..n]
                .iter()
                .all(|&r| r <= crate::core::datasets::intern::MAX_PACKED_GENE)
            {
                let mut c = 0u64;
                for (i, r) in ranks[..n].iter().enumerate() {
                    c |= (u64::from(*r) + 1) << (47 - 16 * i as u32);
                }
                small.push((c | env, pos));
                continue;
            }
        }
        let mut ranks: Vec<u32> = key::genes(k, interner)
            .into_iter()
            .map(|g| gene_ranks[g.0 as usize])
            .collect();
        ranks.sort_unstable();
        large.push((ranks, env, pos));
    }
    small.sort_unstable();
    if large.is_empty() {
        return small.into_iter().map(|(_, p)| p).collect();
    }
    // Merge the few large genotypes in by comparing rank lists.
    large.sort_unstable();
    let decode = |c: u64| -> (Vec<u32>, u64) {
        let ranks = (0..3)
            .map(|i| ((c >> (47 - 16 * i)) & 0xffff) as u32)
            .filter(|&s| s != 0)
            .map(|s| s - 1)
            .collect();
        (ranks, c & key::ENV_MASK)
    };
    let mut out = Vec::with_capacity(small.len() + large.len());
    let mut li = large.into_iter().peekable();
    for (c, pos) in small {
        let (r, e) = decode(c);
        while let Some((lr, le, lp)) = li.peek() {
            if (lr, le) < (&r, &e) {
                out.push(*lp);
                li.next();
            } else {
                break;
            }
        }
        out.push(pos);
    }
    out.extend(li.map(|(_, _, p)| p));
    out
}

/// What a key kind counts, in words (`genotypes`).
pub fn key_noun(kind: KeyKind) -> &'static str {
    match kind {
        KeyKind::Gene => "genes",
        KeyKind::Genotype => "genotypes",
        KeyKind::GenotypeEnvironment => "genotype–environment pairs",
    }
}

/// The result line: `Training set: 4,811 genotypes in 2 groups: {costanzo2016_dmf ∩
/// kuzmin2018_dmf}, {ohya2005_calmorph}`; says which datasets lack data when the size is unknown.
pub fn result_line(catalog: &Catalog, ev: &Evaluation) -> String {
    let groups = &ev.outcome.groups;
    if groups.is_empty() {
        return "Training set: nothing selected".to_owned();
    }
    let id = |i: usize| catalog.entries[i].info.id.as_str();
    let listed: Vec<String> = groups
        .iter()
        .map(|g| {
            let names: Vec<&str> = g.members.iter().map(|&i| id(i)).collect();
            format!("{{{}}}", names.join(" ∩ "))
        })
        .collect();
    let size = match ev.outcome.result_size() {
        Some(n) => format!("{} {}", crate::core::coord::thousands(n), key_noun(ev.key)),
        None => {
            let missing: Vec<&str> = groups
                .iter()
                .flat_map(|g| g.members.iter().copied())
                .filter(|&i| ev.keys[i].is_none())
                .map(id)
                .collect();
            format!("unknown (no data for {})", missing.join(", "))
        }
    };
    let n = groups.len();
    format!(
        "Training set: {size} in {n} group{}: {}",
        if n == 1 { "" } else { "s" },
        listed.join(", ")
    )
}
