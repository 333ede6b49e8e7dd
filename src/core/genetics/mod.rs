//! Genetics: strain backgrounds ([`strain`]), genotype strings in yeast nomenclature
//! ([`nomenclature`]), gene-level operations that add edits to a design and record the
//! perturbation they realise ([`compose`]), cassettes ([`cassette`]), pasted gene lists
//! ([`gene_list`]), deleting a list of genes at once ([`bulk_delete`]) and a genotype checked against
//! its edits ([`consistency`]). The genotype itself is part of the design record (`crate::core::design`).

pub mod bulk_delete;
pub mod c_terminal_signal;
pub mod cassette;
pub mod cis_trans;
pub mod codons;
pub mod collection_allele;
pub mod compose;
pub mod consistency;
pub mod elements_hit;
pub mod essential;
pub mod essential_hit;
pub mod finding;
pub mod gene_list;
pub mod markers;
pub mod mating;
pub mod mitochondrial_hit;
pub mod nomenclature;
pub mod null_allele;
pub mod one_copy;
pub mod orf;
pub mod plan;
pub mod point;
pub mod point_name;
pub mod promoter;
pub mod promoter_name;
pub mod promoter_neighbours;
pub mod refusal;
pub mod region;
pub mod region_name;
pub mod signal_peptide;
pub mod strain;
pub mod tag;
pub mod tag_name;
