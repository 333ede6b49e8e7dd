//! The edited genome as a view over (genome, design): lengths, sequence, lift-over both ways.
//! Nothing is copied; every query goes through the contig's layout.

use crate::core::coord::{Pos, Span};
use crate::core::design::Design;
use crate::core::edit::EditId;
use crate::core::edit::layout::{BaseLift, Origin};
use crate::core::genome::Genome;
use crate::core::genome::contig::ContigId;

/// Where a reference base is in the edited genome.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum LiftedPos {
    /// At this edited position.
    At(Pos),
    /// Removed by an edit; with its nearest surviving neighbours as (reference, edited) positions.
    Deleted {
        /// The edit that removed it.
        edit: EditId,
        /// Nearest surviving base to the left.
        left: Option<(Pos, Pos)>,
        /// Nearest surviving base to the right.
        right: Option<(Pos, Pos)>,
    },
}

/// Where an edited base came from.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SourcePos {
    /// This reference base.
    Reference(Pos),
    /// Base `offset` (0-based) of the bases inserted by `edit`.
    Inserted {
        /// The edit.
        edit: EditId,
        /// Offset in its inserted bases.
        offset: u64,
    },
}

/// The edited genome: a read-only view.
#[derive(Copy, Clone, Debug)]
pub struct EditedGenome<'a> {
    /// The reference.
    pub genome: &'a Genome,
    /// The edits.
    pub design: &'a Design,
}

impl<'a> EditedGenome<'a> {
    /// A view of `genome` with `design` applied.
    pub fn new(genome: &'a Genome, design: &'a Design) -> Self {
        Self { genome, design }
    }

    /// A contig's edited length.
    pub fn contig_len(&self, c: ContigId) -> u64 {
        self.design
            .layout(c)
            .map_or(self.genome.contig(c).length, |l| l.edited_len())
    }

    /// Reference → edited. `None` when `p` is not a base of the contig.
    pub fn lift(&self, c: ContigId, p: Pos) -> Option<LiftedPos> {
        if p.get() >= self.genome.contig(c).length {
            return None;
        }
        let Some(layout) = self.design.layout(c) else {
            return Some(LiftedPos::At(p));
        };
        Some(match layout.lift_base(p) {
            BaseLift::Kept(q) => LiftedPos::At(q),
            BaseLift::Deleted(i) => {
                let (left, right) = layout.surviving_neighbours(i);
                LiftedPos::Deleted {
                    edit: layout.ops()[i].edit,
                    left,
                    right,
                }
            }
        })
    }

    /// Reference → edited with `liftOver`'s semantics, as the chain file
    /// (`io::chain`) encodes them: as [`Self::lift`], except that a base replaced by an
    /// equal-length substitution (a point mutation, a same-length replacement) maps to the base
    /// that took its place — an aligned mismatch — instead of being reported deleted. `None` when
    /// `p` is not a base of the contig.
    pub fn lift_aligned(&self, c: ContigId, p: Pos) -> Option<LiftedPos> {
        let lifted = self.lift(c, p)?;
        let (LiftedPos::Deleted { .. }, Some(layout)) = (lifted, self.design.layout(c)) else {
            return Some(lifted);
        };
        match layout.lift_base(p) {
            BaseLift::Deleted(i) if layout.ops()[i].is_substitution() => Some(LiftedPos::At(Pos(
                layout.op_edited_start(i) + (p.get() - layout.ops()[i].start),
            ))),
            _ => Some(lifted),
        }
    }

    /// As [`Self::lift`], except that a base inside a replacement by the very same bases (MATa's
    /// a2 annotation over X) maps to itself in the edited contig: no base changed there. `None`
    /// when `p` is not a base of the contig.
    pub fn lift_through_identity(&self, c: ContigId, p: Pos) -> Option<LiftedPos> {
        let lifted = self.lift(c, p)?;
        let (LiftedPos::Deleted { .. }, Some(layout), Some(reference)) = (
            lifted,
            self.design.layout(c),
            self.genome.contig(c).sequence.as_deref(),
        ) else {
            return Some(lifted);
        };
        match layout.lift_base(p) {
            BaseLift::Deleted(i) if layout.ops()[i].is_identity(reference) => {
                self.lift_aligned(c, p)
            }
            _ => Some(lifted),
        }
    }

    /// Edited → reference. `None` when `q` is not a base of the edited contig.
    pub fn source(&self, c: ContigId, q: Pos) -> Option<SourcePos> {
        if q.get() >= self.contig_len(c) {
            return None;
        }
        let Some(layout) = self.design.layout(c) else {
            return Some(SourcePos::Reference(q));
        };
        Some(match layout.origin(q) {
            Origin::Reference(p) => SourcePos::Reference(p),
            Origin::Inserted { op, offset } => SourcePos::Inserted {
                edit: layout.ops()[op].edit,
                offset,
            },
        })
    }

    /// The edited bases of `span` on contig `c`, or `None` when the contig has no sequence or the
    /// span exceeds it. O(length + log E).
    pub fn sequence(&self, c: ContigId, span: Span) -> Option<Vec<u8>> {
        let reference = self.genome.contig(c).sequence.as_deref()?;
        match self.design.layout(c) {
            None => reference.get(span.as_range()).map(<[u8]>::to_vec),
            Some(layout) => {
                let mut out = Vec::new();
                layout.extract(reference, span, &mut out).then_some(out)
            }
        }
    }

    /// The whole edited contig.
    pub fn contig_sequence(&self, c: ContigId) -> Option<Vec<u8>> {
        self.sequence(c, Span::from_raw(0, self.contig_len(c)))
    }
}
