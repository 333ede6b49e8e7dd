//! The genotype spec (version 1): the versioned JSON record of a whole design for Python ML
//! pipelines ([`genotype_spec`], schema in `public/genotype-spec.schema.json`), and the reference
//! checksums it carries ([`checksum`]: MD5 and refget `sha512t24u`); older specs' single-edit MATa
//! upgraded when read ([`mata_upgrade`]).

pub mod checksum;
pub mod genotype_spec;
pub mod mata_upgrade;

pub use genotype_spec::*;
