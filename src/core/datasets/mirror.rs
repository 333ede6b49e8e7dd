//! Copying an [`Interner`] to another thread (the browser's import worker) and merging back what
//! that thread added, so keys packed there mean the same genes here without being repacked.
//!
//! Ids are handed out in first-seen order, so a copy that starts from the same state and interns
//! the same names gets the same ids. [`Interner::mark`] says how far an interner is;
//! [`Interner::tail`] lists what was added since a mark (genes, environments, large genotypes, in
//! id order); [`Interner::append`] adds a tail to an interner that is exactly at the tail's base —
//! anything else is a [`MirrorError`], never a silent remapping. A copy is built by appending the
//! whole state ([`Interner::tail`] from [`Mark::ZERO`]) to a fresh interner.

use serde::{Deserialize, Serialize};

use super::intern::{EnvironmentId, GeneId, Interner};

/// How far an interner is: numbers of genes, environments ("not stated" included) and large
/// genotypes.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// Genes interned.
    pub genes: usize,
    /// Environments interned, "not stated" included.
    pub environments: usize,
    /// Large genotypes interned.
    pub large: usize,
}

impl std::fmt::Display for Mark {
    /// "12 genes, 2 environments, 1 large genotype".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = |count: usize, noun: &str| {
            format!("{count} {noun}{}", if count == 1 { "" } else { "s" })
        };
        write!(
            f,
            "{}, {}, {}",
            n(self.genes, "gene"),
            n(self.environments, "environment"),
            n(self.large, "large genotype")
        )
    }
}

impl Mark {
    /// A fresh interner's mark.
    pub const ZERO: Mark = Mark {
        genes: 0,
        environments: 1,
        large: 0,
    };
}

/// What an interner added after `base`, in id order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tail {
    /// Where the additions start.
    pub base: Option<Mark>,
    /// Gene names (upper-cased), by id from `base.genes`.
    pub genes: Vec<String>,
    /// Environment labels, by id from `base.environments`.
    pub environments: Vec<String>,
    /// Large genotypes (gene ids), by index from `base.large`.
    pub large: Vec<Vec<u32>>,
}

/// A tail that does not fit the interner it is appended to.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MirrorError {
    /// The interner moved on since the tail's base (something else was interned meanwhile).
    #[error(
        "the gene table changed while the file was read (here {here}; the reader started from {base})"
    )]
    Diverged {
        /// This interner's mark.
        here: Mark,
        /// The tail's base.
        base: Mark,
    },
    /// A name of the tail was already interned under another id.
    #[error("`{0}` is in the gene table twice")]
    Repeated(String),
    /// A large genotype names a gene the table does not have.
    #[error("a large genotype names gene {0}, past the gene table")]
    UnknownGene(u32),
}

impl Interner {
    /// How far this interner is.
    pub fn mark(&self) -> Mark {
        Mark {
            genes: self.genes.len(),
            environments: self.environments.len(),
            large: self.large.len(),
        }
    }

    /// What was interned after `since` (everything for [`Mark::ZERO`]).
    pub fn tail(&self, since: Mark) -> Tail {
        let now = self.mark();
        Tail {
            base: Some(since),
            genes: (since.genes..now.genes)
                .map(|i| self.genes.name(GeneId(i as u32)).to_owned())
                .collect(),
            environments: (since.environments..now.environments)
                .map(|i| self.environments.label(EnvironmentId(i as u32)).to_owned())
                .collect(),
            large: (since.large..now.large)
                .map(|i| self.large.genes(i as u64).iter().map(|g| g.0).collect())
                .collect(),
        }
    }

    /// Adds a tail made from an interner that was at this one's exact state. On error nothing
    /// that was checked beforehand is changed: the base and every name are checked first.
    pub fn append(&mut self, tail: &Tail) -> Result<(), MirrorError> {
        let here = self.mark();
        let base = tail.base.unwrap_or(Mark::ZERO);
        if here != base {
            return Err(MirrorError::Diverged { here, base });
        }
        for g in &tail.genes {
            if self.genes.get(g).is_some() {
                return Err(MirrorError::Repeated(g.clone()));
            }
        }
        let genes_after = (base.genes + tail.genes.len()) as u32;
        if let Some(&bad) = tail.large.iter().flatten().find(|&&g| g >= genes_after) {
            return Err(MirrorError::UnknownGene(bad));
        }
        for g in &tail.genes {
            self.genes.intern(g);
        }
        for e in &tail.environments {
            self.environments.intern(e);
        }
        for l in &tail.large {
            let ids: Vec<GeneId> = l.iter().map(|&g| GeneId(g)).collect();
            self.large.intern(&ids);
        }
        Ok(())
    }

    /// A copy of `tail`'s whole state (a tail from [`Mark::ZERO`]).
    pub fn from_tail(tail: &Tail) -> Result<Interner, MirrorError> {
        let mut i = Interner::default();
        i.append(tail)?;
        Ok(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::datasets::key;

    #[test]
    fn a_copy_interns_like_the_original_and_merges_back() {
        let mut here = Interner::default();
        here.gene("YAL001C");
        here.environments.intern("30C");
        let mut there = Interner::from_tail(&here.tail(Mark::ZERO)).unwrap();
        let start = there.mark();
        assert_eq!(start, here.mark());
        let genes: Vec<GeneId> = ["YAL001C", "YBR188C", "YMR296C", "YPL022W"]
            .iter()
            .map(|n| there.gene(n))
            .collect();
        let env = there.environments.intern("26C");
        let k = key::pack(&genes, env, &mut there);
        here.append(&there.tail(start)).unwrap();
        assert_eq!(here.mark(), there.mark());
        assert_eq!(key::genes(k, &here), genes);
        assert_eq!(here.environments.label(key::environment(k)), "26C");
        // Appending again: the base no longer fits, and the message says both states in words.
        let e = here.append(&there.tail(start)).unwrap_err();
        assert!(matches!(e, MirrorError::Diverged { .. }));
        assert_eq!(
            e.to_string(),
            "the gene table changed while the file was read (here 4 genes, 3 environments, 1 large \
             genotype; the reader started from 1 gene, 2 environments, 0 large genotypes)"
        );
    }
}
