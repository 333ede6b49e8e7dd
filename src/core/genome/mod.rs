//! The reference genome and how it is built: contigs, features (one per GFF3 line, lossless),
//! column 9 attributes, the gene name index, interval indexes, Parent links, sequence-name
//! reconciliation, assembly from what the readers produced, the summary and the import's
//! diagnostics. A [`Genome`] is immutable once [`assemble::assemble`] has built it.

pub mod aliases;
pub mod assemble;
pub mod attributes;
pub mod contig;
pub mod diagnostics;
pub mod elements;
pub mod feature;
pub mod gene_info;
mod hierarchy;
pub mod interval;
pub mod links;
mod model;
pub mod names;
pub mod reconcile;
pub mod summary;
mod tidy;

pub use model::{DocItem, Genome};
