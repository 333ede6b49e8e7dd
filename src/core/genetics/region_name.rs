//! A region deletion's designation, written and read back: `Δ(III:1001-2000)` deletes bases 1,001
//! to 2,000 of chromosome III (1-based, inclusive, as SGD and genome browsers write coordinates;
//! `[1000, 2000)` in the 0-based, half-open [`Span`]). The genotype string writes it, in a diploid
//! beside its wild type (`Δ(III:1001-2000)/+`), and [`parse_region_designation`] reads exactly what
//! [`region_designation`] writes.

use crate::core::coord::{Span, SpanError};
use crate::core::genome::Genome;
use crate::core::genome::contig::ContigId;

/// `Δ(III:1001-2000)` for `[1000, 2000)` on III.
pub fn region_designation(genome: &Genome, contig: ContigId, span: Span) -> String {
    let (s, e) = span.one_based();
    format!("Δ({}:{s}-{e})", genome.contig(contig).name)
}

/// Why a token is not a region deletion `Δ(SEQID:START-END)`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RegionNameError {
    /// Not of the shape `Δ(SEQID:START-END)`.
    #[error(
        "'{0}' is not a region deletion: one is written Δ(SEQID:START-END), 1-based and inclusive (Δ(III:1001-2000))"
    )]
    Shape(String),
    /// The sequence is not one of the genome's.
    #[error("'{token}': the genome has no sequence '{seqid}'")]
    UnknownSequence {
        /// The whole token.
        token: String,
        /// The sequence named.
        seqid: String,
    },
    /// A bound is not a whole number.
    #[error("'{token}': '{bound}' is not a position (digits, 1-based)")]
    NotAPosition {
        /// The whole token.
        token: String,
        /// The bound as written.
        bound: String,
    },
    /// Bounds that are no 1-based range (a 0, or a start after the end).
    #[error("'{token}': {reason}")]
    Range {
        /// The whole token.
        token: String,
        /// What is wrong with the bounds.
        reason: SpanError,
    },
    /// The range runs past the sequence's end.
    #[error("'{token}': {seqid} has {length} bp, the region ends at {end}")]
    PastEnd {
        /// The whole token.
        token: String,
        /// The sequence.
        seqid: String,
        /// Its length (bp).
        length: u64,
        /// The region's last base (1-based).
        end: u64,
    },
}

/// Reads `Δ(SEQID:START-END)` (1-based, inclusive; the `Δ` may be written `delta`, which the
/// genotype parser normalises first) against `genome`: the sequence and the 0-based, half-open
/// span. The sequence is matched by name or alias as everywhere else ([`Genome::contig_by_name`]).
pub fn parse_region_designation(
    genome: &Genome,
    token: &str,
) -> Result<(ContigId, Span), RegionNameError> {
    let shape = || RegionNameError::Shape(token.to_owned());
    let inner = token
        .strip_prefix("Δ(")
        .and_then(|t| t.strip_suffix(')'))
        .ok_or_else(shape)?;
    let (seqid, range) = inner.rsplit_once(':').ok_or_else(shape)?;
    let (start, end) = range.split_once('-').ok_or_else(shape)?;
    if seqid.is_empty() {
        return Err(shape());
    }
    let bound = |b: &str| {
        b.parse::<u64>()
            .ok()
            .filter(|_| b.bytes().all(|c| c.is_ascii_digit()))
            .ok_or_else(|| RegionNameError::NotAPosition {
                token: token.to_owned(),
                bound: b.to_owned(),
            })
    };
    let (start, end) = (bound(start)?, bound(end)?);
    let contig = genome
        .contig_by_name(seqid)
        .ok_or_else(|| RegionNameError::UnknownSequence {
            token: token.to_owned(),
            seqid: seqid.to_owned(),
        })?;
    let span = Span::from_one_based(start, end).map_err(|reason| RegionNameError::Range {
        token: token.to_owned(),
        reason,
    })?;
    let c = genome.contig(contig);
    if span.end().get() > c.length {
        return Err(RegionNameError::PastEnd {
            token: token.to_owned(),
            seqid: c.name.to_string(),
            length: c.length,
            end,
        });
    }
    Ok((contig, span))
}
