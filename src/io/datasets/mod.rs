//! Dataset files in, selection exports out.
//!
//! Readers ([`import`]) take bytes pushed in chunks or a `BufRead`, sniff the format from the
//! header ([`format`]) and turn rows into interned genotype keys ([`readers`]). Exports of a
//! selection — `selection.json`, `overlap.csv`, `genotypes.csv`, `selection.svg`, `selection.cql`
//! — are byte-identical whichever front end calls them. [`binary`] is the compact stored form of
//! an imported dataset (the browser keeps it in IndexedDB).

pub mod binary;
pub mod bundled;
pub mod cypher;
pub mod error;
pub mod figure;
pub mod format;
pub mod import;
pub mod names;
pub mod readers;
pub mod rows;
pub mod selection_json;
pub mod tables;
