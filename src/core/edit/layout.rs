//! The edited layout of one contig: its edits sorted by reference position with prefix sums of
//! their length changes — a piece table over the reference.
//!
//! Every query is a binary search: lift-over either way in O(log E), a region of edited sequence in
//! O(length + log E). Adding or removing an edit rebuilds one contig's layout in O(E). The
//! reference is never copied.
//!
//! Positions are below [`crate::core::coord::MAX_COORD`] (2^62) and net length changes are bounded
//! by the bases held in memory, so shifting a position by a prefix sum cannot leave `u64`; the
//! arithmetic saturates rather than wraps all the same.

use std::sync::Arc;

use crate::core::coord::{Pos, Span};
use crate::core::edit::{Edit, EditId};

/// One edit as the layout sees it.
#[derive(Clone, PartialEq, Eq)]
pub struct Op {
    /// Reference span removed (empty for an insertion at `start`).
    pub start: u64,
    /// End of the removed span.
    pub end: u64,
    /// Inserted bases.
    pub sequence: Arc<[u8]>,
    /// The edit.
    pub edit: EditId,
}

impl Op {
    /// Whether it replaces bases by the very same bases (case aside) of `reference` (the contig's
    /// sequence): a substitution that changes nothing, which touches no feature. MATa's swap
    /// re-annotates a2 over X bases this way.
    pub fn is_identity(&self, reference: &[u8]) -> bool {
        self.is_substitution()
            && reference
                .get(self.start as usize..self.end as usize)
                .is_some_and(|r| r.eq_ignore_ascii_case(&self.sequence))
    }

    /// Whether it puts in as many bases as it takes out (at least one): a point mutation or a
    /// same-length replacement. Such an op keeps the bases around it aligned; the chain file and
    /// `EditedGenome::lift_aligned` treat its bases as mismatches.
    pub fn is_substitution(&self) -> bool {
        self.end > self.start && self.sequence.len() as u64 == self.end - self.start
    }
}

impl std::fmt::Debug for Op {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Op({}..{} ← {:?}, {})",
            self.start,
            self.end,
            crate::core::edit::Abbrev(&self.sequence),
            self.edit
        )
    }
}

impl Op {
    fn delta(&self) -> i64 {
        self.sequence.len() as i64 - (self.end - self.start) as i64
    }
}

/// Where a reference base went.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BaseLift {
    /// To this edited position.
    Kept(Pos),
    /// It was removed by the edit at this index of [`ContigLayout::ops`].
    Deleted(usize),
}

/// A surviving reference base and where it is in the edited contig: (reference, edited).
pub type Anchor = (Pos, Pos);

/// Where an edited position came from.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A reference base.
    Reference(Pos),
    /// Base `offset` (0-based) of the bases inserted by the edit at index `op`.
    Inserted {
        /// Index into [`ContigLayout::ops`].
        op: usize,
        /// 0-based offset within the inserted bases.
        offset: u64,
    },
}

/// The edits of one contig, sorted, with prefix sums.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContigLayout {
    ref_len: u64,
    ops: Vec<Op>,
    /// `prefix[i]`: net length change of `ops[..i]` (length `ops.len() + 1`).
    prefix: Vec<i64>,
    /// Edited position where each op's inserted bases begin.
    edited_start: Vec<u64>,
    /// Edited position just after each op's inserted bases (non-decreasing).
    edited_end: Vec<u64>,
}

impl ContigLayout {
    /// The layout of a contig of `ref_len` bases with `edits` (any order; assumed validated).
    pub fn new<'a>(ref_len: u64, edits: impl IntoIterator<Item = &'a Edit>) -> Self {
        let mut ops: Vec<Op> = edits
            .into_iter()
            .map(|e| Op {
                start: e.span.start().get(),
                end: e.span.end().get(),
                sequence: e.sequence.clone(),
                edit: e.id,
            })
            .collect();
        crate::core::sort::sort_by_key(&mut ops, |o| (o.start, o.end));
        let mut layout = Self {
            ref_len,
            ops,
            prefix: Vec::new(),
            edited_start: Vec::new(),
            edited_end: Vec::new(),
        };
        layout.reindex(0);
        layout
    }

    /// Recomputes prefix sums from op `from` on: O(E).
    fn reindex(&mut self, from: usize) {
        self.prefix.truncate(from + 1);
        self.edited_start.truncate(from);
        self.edited_end.truncate(from);
        if self.prefix.is_empty() {
            self.prefix.push(0);
        }
        for i in from..self.ops.len() {
            let p = self.prefix[i];
            let start = self.ops[i].start.saturating_add_signed(p);
            self.edited_start.push(start);
            self.edited_end
                .push(start + self.ops[i].sequence.len() as u64);
            self.prefix.push(p + self.ops[i].delta());
        }
    }

    /// Adds one edit in O(E). The caller has validated it against the others.
    pub fn insert(&mut self, e: &Edit) {
        let key = e.sort_key();
        let at = self.ops.partition_point(|o| (o.start, o.end) <= key);
        self.ops.insert(
            at,
            Op {
                start: key.0,
                end: key.1,
                sequence: e.sequence.clone(),
                edit: e.id,
            },
        );
        self.reindex(at);
    }

    /// Removes one edit in O(E). Returns whether it was there.
    pub fn remove(&mut self, id: EditId) -> bool {
        let Some(at) = self.ops.iter().position(|o| o.edit == id) else {
            return false;
        };
        self.ops.remove(at);
        self.reindex(at);
        true
    }

    /// The edits, sorted by reference position.
    pub fn ops(&self) -> &[Op] {
        &self.ops
    }

    /// Reference length.
    pub fn reference_len(&self) -> u64 {
        self.ref_len
    }

    /// Edited length.
    pub fn edited_len(&self) -> u64 {
        self.ref_len
            .saturating_add_signed(self.prefix.last().copied().unwrap_or(0))
    }

    /// Net length change of all ops before index `i`.
    pub fn delta_before(&self, i: usize) -> i64 {
        self.prefix[i.min(self.ops.len())]
    }

    /// Number of ops starting at or before reference position `p` (insertions at gap `p` included).
    pub fn ops_up_to(&self, p: u64) -> usize {
        self.ops.partition_point(|o| o.start <= p)
    }

    /// Where reference base `p` is in the edited contig. O(log E).
    pub fn lift_base(&self, p: Pos) -> BaseLift {
        let k = self.ops_up_to(p.get());
        if k > 0 && self.ops[k - 1].end > p.get() {
            return BaseLift::Deleted(k - 1);
        }
        BaseLift::Kept(Pos(p.get().saturating_add_signed(self.prefix[k])))
    }

    /// Where reference gap `g` (just before base `g`) is in the edited contig, with bases inserted at
    /// that gap placed before it when `after_insertions`, after it otherwise. A gap inside a deleted
    /// span collapses to the deletion point.
    pub fn lift_gap(&self, g: Pos, after_insertions: bool) -> Pos {
        let g = g.get();
        // Ops entirely before the gap: ends before it, or an insertion at it when asked.
        let k = if after_insertions {
            self.ops
                .partition_point(|o| o.end < g || (o.end == g && (o.start < g || o.start == o.end)))
        } else {
            self.ops
                .partition_point(|o| o.end < g || (o.end == g && o.start < g))
        };
        if k < self.ops.len() && self.ops[k].start < g && g < self.ops[k].end {
            // Inside a deleted span: the deletion point (after its replacement bases if asked).
            let base = self.edited_start[k];
            return Pos(if after_insertions {
                base + self.ops[k].sequence.len() as u64
            } else {
                base
            });
        }
        Pos(g.saturating_add_signed(self.prefix[k]))
    }

    /// Where edited position `q` came from. O(log E). `q` must be below [`Self::edited_len`].
    pub fn origin(&self, q: Pos) -> Origin {
        let q = q.get();
        let k = self.edited_end.partition_point(|&e| e <= q);
        if k < self.ops.len() && self.edited_start[k] <= q {
            return Origin::Inserted {
                op: k,
                offset: q - self.edited_start[k],
            };
        }
        Origin::Reference(Pos(q.saturating_add_signed(-self.prefix[k])))
    }

    /// Edited position where op `i`'s inserted bases begin.
    pub fn op_edited_start(&self, i: usize) -> u64 {
        self.edited_start[i]
    }

    /// Nearest surviving reference bases left and right of the deleted op `i` (skipping adjacent
    /// deletions), as (reference, edited) positions.
    pub fn surviving_neighbours(&self, i: usize) -> (Option<Anchor>, Option<Anchor>) {
        let mut lo = i;
        // Adjacent ops (spans, or insertions between them) form one run without surviving bases.
        while lo > 0 && self.ops[lo - 1].end == self.ops[lo].start {
            lo -= 1;
        }
        let mut hi = i;
        while hi + 1 < self.ops.len() && self.ops[hi + 1].start == self.ops[hi].end {
            hi += 1;
        }
        let left = self.ops[lo].start.checked_sub(1).map(Pos);
        let right = (self.ops[hi].end < self.ref_len).then(|| Pos(self.ops[hi].end));
        let lift = |p: Pos| match self.lift_base(p) {
            BaseLift::Kept(e) => Some((p, e)),
            BaseLift::Deleted(_) => None,
        };
        (left.and_then(lift), right.and_then(lift))
    }

    /// Copies the edited bases `[span)` into `out`. `reference` is the contig's reference sequence.
    /// O(length + log E). Returns `false` (and copies nothing) when the span exceeds the edited contig.
    pub fn extract(&self, reference: &[u8], span: Span, out: &mut Vec<u8>) -> bool {
        if span.end().get() > self.edited_len() || reference.len() as u64 != self.ref_len {
            return false;
        }
        let (mut q, end) = (span.start().get(), span.end().get());
        out.reserve(span.len() as usize);
        while q < end {
            match self.origin(Pos(q)) {
                Origin::Inserted { op, offset } => {
                    let seq = &self.ops[op].sequence;
                    let take = (seq.len() as u64 - offset).min(end - q);
                    out.extend_from_slice(&seq[offset as usize..(offset + take) as usize]);
                    q += take;
                }
                Origin::Reference(p) => {
                    // Reference bases run until the next op's start.
                    let k = self.ops_up_to(p.get());
                    let run_end = self.ops.get(k).map_or(self.ref_len, |o| o.start);
                    let take = (run_end - p.get()).min(end - q);
                    out.extend_from_slice(&reference[p.get() as usize..(p.get() + take) as usize]);
                    q += take;
                }
            }
        }
        true
    }
}
