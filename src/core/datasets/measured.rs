//! The design meets the data: which datasets measure a design's genotype, and for each perturbed
//! gene which datasets cover it and in which genotypes.
//!
//! The design's genotype is the sorted set of its perturbed genes' systematic names (the caller
//! passes the spec's `perturbations`, gene additions left out); background alleles (his3Δ1,
//! leu2Δ0, …) are not perturbations of the design — they are the strain every dataset's
//! genotypes sit on — so they are left out too.

use serde::{Deserialize, Serialize};

use super::catalog::Catalog;
use super::intern::MAX_PACKED_GENE;
use super::intern::{GeneId, Interner};
use super::key::{self, ENV_BITS, LARGE};

/// A dataset holding the design's exact genotype.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExactMatch {
    /// Matrix position in this session (not written: positions differ between sessions).
    #[serde(skip)]
    pub dataset: usize,
    /// Dataset id.
    pub id: String,
    /// Environments it was measured in (labels; empty = not stated).
    pub environments: Vec<String>,
}

/// A genotype containing a design gene, with how often it occurs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenotypeCount {
    /// Systematic names, sorted.
    pub genes: Vec<String>,
    /// Number of environments it was measured in.
    pub environments: u64,
}

/// One dataset's coverage of one gene.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    /// Matrix position in this session (not written: positions differ between sessions).
    #[serde(skip)]
    pub dataset: usize,
    /// Dataset id.
    pub id: String,
    /// Distinct genotypes containing the gene, by size: `[1, 2, 3, ≥4]` genes.
    pub genotypes_by_size: [u64; 4],
    /// (genotype, environment) keys containing the gene.
    pub records: u64,
    /// The first genotypes containing it (smallest first, then by name).
    pub examples: Vec<GenotypeCount>,
}

/// One perturbed gene of the design.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GeneMeasured {
    /// Systematic name.
    pub gene: String,
    /// Datasets with at least one genotype containing it.
    pub datasets: Vec<Coverage>,
}

/// Which datasets measure the design.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasuredIn {
    /// The design's genotype: systematic names, sorted, deduplicated.
    pub genotype: Vec<String>,
    /// Datasets holding exactly that genotype.
    pub exact: Vec<ExactMatch>,
    /// Per gene, the datasets covering it.
    pub genes: Vec<GeneMeasured>,
}

/// The key of a genotype already interned, without mutating the interner; `None` if a gene or
/// the (large) genotype was never seen — then no dataset holds it.
fn lookup_key(genes: &[GeneId], interner: &Interner) -> Option<u64> {
    if genes.len() <= 3 && genes.iter().all(|g| g.0 <= MAX_PACKED_GENE) {
        let mut k = 0u64;
        for (i, g) in genes.iter().enumerate() {
            k |= (u64::from(g.0) + 1) << (47 - 16 * i as u32);
        }
        Some(k)
    } else {
        interner
            .large
            .get(genes)
            .map(|index| LARGE | (index << ENV_BITS))
    }
}

/// What the catalog's data says about a design whose perturbed genes are `systematic` (any
/// order, any case). `examples` caps the genotypes listed per gene and dataset.
pub fn measured_in(systematic: &[String], catalog: &Catalog, examples: usize) -> MeasuredIn {
    let interner = &catalog.interner;
    let mut names: Vec<String> = systematic
        .iter()
        .map(|s| s.trim().to_ascii_uppercase())
        .filter(|s| !s.is_empty())
        .collect();
    crate::core::sort::sort(&mut names);
    names.dedup();
    let ids: Option<Vec<GeneId>> = names.iter().map(|n| interner.genes.get(n)).collect();
    let target = ids.and_then(|mut ids| {
        ids.sort_unstable();
        (!ids.is_empty())
            .then(|| lookup_key(&ids, interner))
            .flatten()
    });
    let with_data = || {
        catalog
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.data.as_ref().map(|d| (i, &e.info.id, d)))
    };
    let mut exact = Vec::new();
    if let Some(t) = target {
        for (i, id, d) in with_data() {
            let keys = d.keys.as_slice();
            let from = keys.partition_point(|&k| key::genotype_part(k) < t);
            let to = keys.partition_point(|&k| key::genotype_part(k) <= t);
            if to > from {
                let environments = keys[from..to]
                    .iter()
                    .map(|&k| interner.environments.label(key::environment(k)).to_owned())
                    .collect();
                exact.push(ExactMatch {
                    dataset: i,
                    id: id.clone(),
                    environments,
                });
            }
        }
    }
    let genes = names
        .iter()
        .map(|name| {
            let datasets = match interner.genes.get(name) {
                None => Vec::new(),
                Some(g) => with_data()
                    .filter_map(|(i, id, d)| {
                        coverage(g, d.keys.as_slice(), interner, examples).map(|c| Coverage {
                            dataset: i,
                            id: id.clone(),
                            ..c
                        })
                    })
                    .collect(),
            };
            GeneMeasured {
                gene: name.clone(),
                datasets,
            }
        })
        .collect();
    MeasuredIn {
        genotype: names,
        exact,
        genes,
    }
}

fn coverage(gene: GeneId, keys: &[u64], interner: &Interner, examples: usize) -> Option<Coverage> {
    let mut by_size = [0u64; 4];
    let mut records = 0u64;
    let mut found: Vec<(u64, u64)> = Vec::new(); // (genotype key, environments)
    for &k in keys {
        if !key::contains_gene(k, interner, gene) {
            continue;
        }
        records += 1;
        let g = key::genotype_part(k);
        match found.last_mut() {
            Some((last, n)) if *last == g => *n += 1,
            _ => {
                found.push((g, 1));
                let size = key::genes(g, interner).len();
                by_size[size.clamp(1, 4) - 1] += 1;
            }
        }
    }
    if records == 0 {
        return None;
    }
    let mut listed: Vec<GenotypeCount> = found
        .iter()
        .map(|&(g, n)| {
            let mut genes: Vec<String> = key::genes(g, interner)
                .into_iter()
                .map(|id| interner.genes.name(id).to_owned())
                .collect();
            crate::core::sort::sort_short(&mut genes);
            GenotypeCount {
                genes,
                environments: n,
            }
        })
        .collect();
    crate::core::sort::sort_by(&mut listed, |a, b| {
        a.genes
            .len()
            .cmp(&b.genes.len())
            .then(a.genes.cmp(&b.genes))
    });
    listed.truncate(examples);
    Some(Coverage {
        dataset: 0,
        id: String::new(),
        genotypes_by_size: by_size,
        records,
        examples: listed,
    })
}
