//! Why a gene-level operation (tag, point mutation, promoter swap, region deletion, mating-type
//! switch) is refused. A refusal leaves the design as it was; its message says what to change.

use crate::core::edit::EditError;

/// A refused gene-level operation.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The gene has no CDS line (a tRNA, an ncRNA, a dubious ORF without CDS).
    #[error("{gene} has no coding sequence (CDS) in the annotation")]
    NoCds {
        /// The gene.
        gene: String,
    },
    /// More than one CDS (several transcripts): which to change would be a guess.
    #[error(
        "{gene} has {count} coding sequences (transcripts); which one to change is not a guess genoforge makes"
    )]
    SeveralCds {
        /// The gene.
        gene: String,
        /// How many.
        count: usize,
    },
    /// The genome has no sequence for the gene.
    #[error("{gene}: the genome has no sequence here")]
    NoSequence {
        /// The gene.
        gene: String,
    },
    /// The CDS does not end in a stop codon, or its length is not a whole number of codons.
    #[error(
        "{gene} has no clean stop codon (its CDS is {len} bp and ends in {last}): a C-terminal tag needs one to replace"
    )]
    NoCleanStop {
        /// The gene.
        gene: String,
        /// CDS length, bp.
        len: u64,
        /// Its last three bases.
        last: String,
    },
    /// The CDS does not start with ATG.
    #[error(
        "{gene} does not start with ATG (it starts with {first}): an N-terminal tag goes after the start codon"
    )]
    NoStart {
        /// The gene.
        gene: String,
        /// Its first codon.
        first: String,
    },
    /// The codon where the tag would go is split between two CDS parts (an intron).
    #[error(
        "{gene}: the CDS is split by an intron where the tag would go ({what}); tags go on the first part's start codon or the last part's stop codon only"
    )]
    SplitCds {
        /// The gene.
        gene: String,
        /// Which codon.
        what: &'static str,
    },
    /// A cassette without the coding part a tag needs.
    #[error("'{cassette}' cannot be {terminus} tag: {why}")]
    NotATag {
        /// The cassette.
        cassette: String,
        /// `a C-terminal` or `an N-terminal`, with its article.
        terminus: &'static str,
        /// What is missing.
        why: String,
    },
    /// A residue or base position outside the gene.
    #[error("{gene} has {len} {unit}; position {pos} is outside it")]
    OutOfGene {
        /// The gene.
        gene: String,
        /// The position asked for (1-based).
        pos: u64,
        /// The length.
        len: u64,
        /// `codons` or `coding bases`.
        unit: &'static str,
    },
    /// The reference residue or base is not the one the change names.
    #[error("{gene} has {found} at {what} {pos}, not {expected}")]
    Mismatch {
        /// The gene.
        gene: String,
        /// `residue` or `base`.
        what: &'static str,
        /// 1-based position.
        pos: u64,
        /// What the change said.
        expected: String,
        /// What the reference has.
        found: String,
    },
    /// A change that changes nothing.
    #[error("{0}: the new sequence equals the reference")]
    NoChange(String),
    /// A codon that does not encode the residue asked for, or is not three bases.
    #[error("{codon} does not encode {residue} (it encodes {encodes})")]
    WrongCodon {
        /// The codon.
        codon: String,
        /// The residue asked for.
        residue: char,
        /// What it encodes.
        encodes: String,
    },
    /// Text that is not a change genoforge reads.
    #[error("'{text}' is not {expected}")]
    Syntax {
        /// The text.
        text: String,
        /// What was expected.
        expected: &'static str,
    },
    /// The region upstream of a gene reaches into another feature.
    #[error(
        "the {asked} bp upstream of {gene}'s start codon reach into {other} ({at}); ask for at most {room} bp, or 'up to the previous feature'"
    )]
    UpstreamBlocked {
        /// The gene.
        gene: String,
        /// Bases asked for.
        asked: u64,
        /// The other feature.
        other: String,
        /// Its coordinates.
        at: String,
        /// Bases free before it.
        room: u64,
    },
    /// A region that is empty or outside its contig.
    #[error("{0}")]
    Region(String),
    /// The loci of a mating-type switch could not be found in this genome.
    #[error("mating type: {0}")]
    Mating(String),
    /// Adding the edits failed (a conflict with an edit already in the design).
    #[error(transparent)]
    Edit(#[from] EditError),
}

impl From<Refusal> for EditError {
    fn from(r: Refusal) -> Self {
        match r {
            Refusal::Edit(e) => e,
            other => EditError::Gene(other.to_string()),
        }
    }
}
