//! ML views of the edited genome, as torchcell-style pipelines read them: the gene node view (one
//! row per gene, with its state in the edited genome) and the sequence view (per-gene windows
//! around the CDS, strand-aware). Both are derived from (genome, design, lifted features).

pub mod gene_nodes;
pub mod windows;

pub use gene_nodes::{GeneNode, GeneStatus, gene_nodes};
pub use windows::{Flanks, SequenceWindow, sequence_windows};
