//! The design: the record of edits over an immutable reference ([`Design`]) and what they mean
//! genetically ([`genotype`]: gene-level perturbations, the strain background, a gene set), and
//! which datasets it is trained against ([`dataset_selection`]: a record of dataset ids).
//! Everything else — the edited genome, lifted features, exports — derives from (genome, design).

mod bulk;
pub mod dataset_selection;
pub mod genotype;
mod record;

pub use bulk::NewEdit;
pub use record::Design;
