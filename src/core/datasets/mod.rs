//! Yeast experiment datasets: the registry, interned genes, genotype keys, compact key sets, the
//! symmetric union/intersection selection, and which datasets measure a design's genotype.
//!
//! A **genotype** is the sorted set of perturbed systematic ORF names, perturbation type dropped —
//! torchcell's `GenotypeAggregator` key. A gene list counts as single-gene genotypes. Genes are
//! interned ([`intern::GeneTable`]) and genotypes packed into `u64` keys ([`key`]) kept as sorted,
//! deduplicated arrays ([`keyset::KeySet`]); overlaps are merges of sorted arrays.
//!
//! Nothing here reads files: bundled gene universes and imported files come through `crate::io`.

pub mod catalog;
pub mod data;
pub mod evaluation;
pub mod genome_resolver;
pub mod info;
pub mod intern;
pub mod key;
pub mod keyset;
pub mod measured;
pub mod mirror;
pub mod name_map;
pub mod registry;
pub mod resolve;
pub mod selection;
