//! Cassettes from bytes: marker cassettes built from the shipped plasmids' GenBank records
//! ([`marker`]), and inserts the user pastes or opens — FASTA, GenBank or bare bases
//! ([`user`]); a feature or a primer-bounded PCR product picked from a plasmid ([`amplicon`]). All
//! read a record's features as parts the same way ([`parts`]).

pub mod amplicon;
pub mod marker;
pub mod parts;
pub mod user;

pub use marker::{CassetteError, marker_cassette, orf_cassette, shipped_library};
pub use user::{MAX_INSERT, cassette_from_genbank, parse_file, parse_text};
