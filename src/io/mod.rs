//! Bytes in, bytes out: GFF3, FASTA, gzip, JSON. Parses from `&[u8]` / `BufRead`, never from paths.

pub mod compress;
pub mod fasta;
pub mod feature_table;
pub mod gff3;
pub mod load;
