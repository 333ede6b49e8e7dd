//! Typed errors for GFF3 input that cannot be used at all.

/// The GFF3 input as a whole is unusable. (Problems with single lines are diagnostics instead.)
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Gff3Error {
    /// Nothing but whitespace.
    #[error("the GFF3 file is empty")]
    Empty,
    /// The file is GTF (or GFF2): attributes are `key "value";`, not `key=value`.
    #[error(
        "line {line}: this is GTF (or GFF2), not GFF3 — its attributes read `{example}`; convert it to GFF3 first (e.g. `gt gtf_to_gff3`)"
    )]
    Gtf {
        /// First line showing it.
        line: u64,
        /// The attribute text that shows it.
        example: String,
    },
    /// The bytes are not text (e.g. a binary or still-compressed file).
    #[error("line {line}: this is not a text file (found byte 0x{byte:02x}); is it GFF3?")]
    Binary {
        /// Line of the first binary byte.
        line: u64,
        /// The byte.
        byte: u8,
    },
    /// The file is FASTA, given where GFF3 was expected.
    #[error("line {line}: this is a FASTA file, not GFF3 annotation")]
    Fasta {
        /// Line of the first header.
        line: u64,
    },
    /// No line was a usable feature, directive or comment.
    #[error(
        "no line of this file is GFF3: {skipped} line(s) were skipped; the first, line {line}: {problem}"
    )]
    NoUsableLines {
        /// How many lines were skipped.
        skipped: u64,
        /// The first skipped line.
        line: u64,
        /// What was wrong with it.
        problem: String,
    },
}
