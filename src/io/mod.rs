//! Bytes in, bytes out: GFF3, FASTA, gzip, JSON. Parses from `&[u8]` / `BufRead`, never from paths.

pub mod cassette;
pub mod chain;
pub mod compress;
pub mod datasets;
pub mod design_header;
pub mod edits_json;
pub mod export;
pub mod fasta;
pub mod fasta_writer;
pub mod feature_table;
pub mod genbank;
pub mod gene_sets;
pub mod gff3;
pub mod json_path;
pub mod load;
pub mod packed;
pub mod report;
pub mod sniff;
pub mod spec_json;
pub mod views;
