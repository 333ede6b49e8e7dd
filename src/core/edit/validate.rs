//! Why an edit is refused. Messages name both edits where two are involved, in 1-based coordinates.

use std::fmt;

use crate::core::coord::thousands;
use crate::core::edit::layout::ContigLayout;
use crate::core::edit::{EditId, EditOp};

/// An edit described for people: `delete XV:722,251–722,440 (his3Δ1)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditDesc {
    /// Its id, when it is already in the design.
    pub id: Option<EditId>,
    /// Its kind.
    pub op: EditOp,
    /// Contig name.
    pub contig: String,
    /// 1-based inclusive span, or for an insertion `(pos, pos)` with `pos` the base it follows.
    pub start: u64,
    /// See `start`.
    pub end: u64,
    /// Its label.
    pub label: Option<String>,
}

impl fmt::Display for EditDesc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(id) = self.id {
            write!(f, "edit {} ", id.cited())?;
        }
        match self.op {
            // After the base it follows (1-based), as the edit list and the previews say it.
            EditOp::Insert => write!(f, "insert after {}:{}", self.contig, thousands(self.start))?,
            op => write!(
                f,
                "{op} {}:{}–{}",
                self.contig,
                thousands(self.start),
                thousands(self.end)
            )?,
        }
        if let Some(l) = &self.label {
            write!(f, " ({l})")?;
        }
        Ok(())
    }
}

/// Why an edit was refused. The design is unchanged whenever one is returned.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The sequence name is not a contig of the genome (under any alias).
    #[error("unknown sequence '{0}': no contig of the loaded genome has this name or alias")]
    UnknownContig(String),
    /// Coordinates outside the contig.
    #[error("{edit} is outside {contig} (1–{})", thousands(*length))]
    OutOfBounds {
        /// The edit.
        edit: Box<EditDesc>,
        /// Contig name.
        contig: String,
        /// Its length.
        length: u64,
    },
    /// Start after end, or a zero coordinate.
    #[error("{0}")]
    BadCoordinates(String),
    /// A letter that is not an IUPAC nucleotide code.
    #[error(
        "{edit}: the sequence has '{letter}' at position {position}, which is not an IUPAC nucleotide code"
    )]
    NotIupac {
        /// The edit.
        edit: Box<EditDesc>,
        /// 1-based position in the sequence.
        position: usize,
        /// The letter.
        letter: char,
    },
    /// An insertion (or replacement) without bases where bases are required.
    #[error("{0}: an insertion needs at least one base")]
    EmptyInsertion(Box<EditDesc>),
    /// Two spans share bases.
    #[error("{new} overlaps {existing}")]
    Overlap {
        /// The refused edit.
        new: Box<EditDesc>,
        /// The edit already in the design.
        existing: Box<EditDesc>,
    },
    /// An insertion strictly inside a removed span.
    #[error(
        "{insertion} falls inside the span removed by {span}; insert at its start − 1 or its end instead"
    )]
    InsertInsideSpan {
        /// The insertion.
        insertion: Box<EditDesc>,
        /// The span.
        span: Box<EditDesc>,
    },
    /// Two insertions at one gap (their order would be ambiguous).
    #[error("{new} is at the same position as {existing}; combine them into one insertion")]
    SameGap {
        /// The refused edit.
        new: Box<EditDesc>,
        /// The edit already in the design.
        existing: Box<EditDesc>,
    },
    /// No edit with this id.
    #[error("there is no edit {} in the design", .0.cited())]
    UnknownEdit(EditId),
    /// A gene name that does not resolve to one gene.
    #[error("{0}")]
    Gene(String),
    /// A label or inserted feature that cannot be written into the output files as given.
    #[error("{edit}: {problem}")]
    Annotation {
        /// The edit.
        edit: Box<EditDesc>,
        /// What is wrong, naming the field.
        problem: String,
    },
    /// The edit's contig is ambiguous: several sequences of the input claim its name.
    #[error(
        "{edit}: the sequence '{contig}' is ambiguous ({why}); fix the input before editing it"
    )]
    AmbiguousContig {
        /// The edit.
        edit: Box<EditDesc>,
        /// Contig name.
        contig: String,
        /// The load's diagnostic.
        why: String,
    },
}

/// Checks that `seq` is IUPAC; returns the 1-based position and letter of the first offender.
pub fn check_sequence(seq: &[u8]) -> Result<(), (usize, char)> {
    match crate::core::seq::first_non_iupac(seq) {
        None => Ok(()),
        Some(i) => Err((i + 1, seq[i] as char)),
    }
}

/// Which kind of conflict a new edit has with an existing op.
pub(crate) enum Conflict {
    Overlap(usize),
    InsertInsideSpan { existing_is_span: bool, op: usize },
    SameGap(usize),
}

/// Finds the first conflict of a new edit `[start, end)` (empty = insertion at `start`) with `layout`.
pub(crate) fn find_conflict(layout: &ContigLayout, start: u64, end: u64) -> Option<Conflict> {
    let ops = layout.ops();
    let new_is_insert = start == end;
    // Ends are non-decreasing: skip ops ending well before the new edit.
    let from = ops.partition_point(|o| o.end < start);
    for (i, o) in ops.iter().enumerate().skip(from) {
        if o.start > end {
            break;
        }
        let op_is_insert = o.start == o.end;
        match (new_is_insert, op_is_insert) {
            (true, true) if o.start == start => return Some(Conflict::SameGap(i)),
            (true, false) if o.start < start && start < o.end => {
                return Some(Conflict::InsertInsideSpan {
                    existing_is_span: true,
                    op: i,
                });
            }
            (false, true) if start < o.start && o.start < end => {
                return Some(Conflict::InsertInsideSpan {
                    existing_is_span: false,
                    op: i,
                });
            }
            (false, false) if o.start < end && start < o.end => return Some(Conflict::Overlap(i)),
            _ => {}
        }
    }
    None
}
