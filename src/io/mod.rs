//! Bytes in, bytes out: GFF3, FASTA, gzip, JSON. Parses from `&[u8]` / `BufRead`, never from paths.
