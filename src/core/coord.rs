//! Coordinates: the single convention used inside `core`.
//!
//! Everything inside `core` is **0-based and half-open**: a [`Span`] `[start, end)` covers the bases
//! `start, start + 1, …, end − 1`, and a [`Pos`] names either a base (its 0-based index) or a *gap*
//! (the boundary just before that base; gap `n` of a contig of length `n` is after the last base).
//!
//! The 1-based, inclusive convention of GFF3, of users and of the JSON formats exists only at the
//! boundary: use [`Span::from_one_based`] / [`Span::one_based`] to cross it.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The largest coordinate accepted from input (2^62): a feature line ending beyond it is refused
/// at load. Below it, a position plus the net length change of edits held in memory stays far
/// inside `i64`, the signed 64-bit range other tools (gt among them) read GFF3 coordinates into.
pub const MAX_COORD: u64 = 1 << 62;

/// A 0-based position on a contig (a base index, or the gap before that base).
#[derive(
    Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Pos(pub u64);

impl Pos {
    /// The position as a plain integer.
    pub const fn get(self) -> u64 {
        self.0
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A 0-based, half-open interval `[start, end)` on one contig. `start <= end` always holds.
///
/// ```
/// use genoforge::core::coord::{Pos, Span};
/// // GFF3 "I 147594 151166" (1-based, inclusive) is [147593, 151166) inside core.
/// let span = Span::from_one_based(147_594, 151_166).unwrap();
/// assert_eq!(span.start(), Pos(147_593));
/// assert_eq!(span.len(), 3_573);
/// assert_eq!(span.one_based(), (147_594, 151_166));
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    start: Pos,
    end: Pos,
}

/// Why a pair of numbers is not a valid span.
#[derive(Copy, Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    /// 1-based coordinates start at 1.
    #[error("coordinate 0 is not valid in 1-based coordinates (the first base is 1)")]
    ZeroStart,
    /// The start lies after the end.
    #[error("start {start} is after end {end}")]
    StartAfterEnd {
        /// The offending start.
        start: u64,
        /// The offending end.
        end: u64,
    },
}

impl Span {
    /// A span from 0-based, half-open bounds. Returns `None` when `start > end`.
    pub fn new(start: Pos, end: Pos) -> Option<Self> {
        (start <= end).then_some(Self { start, end })
    }

    /// A span from 0-based, half-open integer bounds; panics in debug builds if `start > end`.
    /// For trusted, already-validated arithmetic only (never for input).
    pub(crate) fn from_raw(start: u64, end: u64) -> Self {
        debug_assert!(start <= end, "span {start}..{end}");
        Self {
            start: Pos(start),
            end: Pos(end.max(start)),
        }
    }

    /// An empty span at a gap.
    pub const fn empty_at(pos: Pos) -> Self {
        Self {
            start: pos,
            end: pos,
        }
    }

    /// Converts 1-based inclusive `start..=end` (GFF3, users) into a span.
    pub fn from_one_based(start: u64, end: u64) -> Result<Self, SpanError> {
        if start == 0 {
            return Err(SpanError::ZeroStart);
        }
        if start > end {
            return Err(SpanError::StartAfterEnd { start, end });
        }
        Ok(Self {
            start: Pos(start - 1),
            end: Pos(end),
        })
    }

    /// The span as 1-based inclusive `(start, end)`. An empty span at gap `g` gives `(g + 1, g)`.
    pub const fn one_based(&self) -> (u64, u64) {
        (self.start.0 + 1, self.end.0)
    }

    /// First base (0-based).
    pub const fn start(&self) -> Pos {
        self.start
    }

    /// One past the last base (0-based).
    pub const fn end(&self) -> Pos {
        self.end
    }

    /// Number of bases covered.
    pub const fn len(&self) -> u64 {
        self.end.0 - self.start.0
    }

    /// Whether the span covers no base.
    pub const fn is_empty(&self) -> bool {
        self.start.0 == self.end.0
    }

    /// Whether the two spans share at least one base.
    pub const fn overlaps(&self, other: &Span) -> bool {
        self.start.0 < other.end.0 && other.start.0 < self.end.0
    }

    /// Whether `other` lies entirely within `self`.
    pub const fn contains_span(&self, other: &Span) -> bool {
        self.start.0 <= other.start.0 && other.end.0 <= self.end.0
    }

    /// Whether the base at `pos` lies in the span.
    pub const fn contains(&self, pos: Pos) -> bool {
        self.start.0 <= pos.0 && pos.0 < self.end.0
    }

    /// The bases the two spans share, if any.
    pub fn intersect(&self, other: &Span) -> Option<Span> {
        let start = self.start.max(other.start);
        let end = self.end.min(other.end);
        (start < end).then_some(Span { start, end })
    }

    /// The span as a `usize` range, for slicing sequences held in memory.
    pub fn as_range(&self) -> std::ops::Range<usize> {
        self.start.0 as usize..self.end.0 as usize
    }
}

impl fmt::Display for Span {
    /// Writes the span the way people read loci: 1-based inclusive with thousands separators.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (s, e) = self.one_based();
        write!(f, "{}–{}", thousands(s), thousands(e))
    }
}

/// Formats an integer with `,` as thousands separator (`12157105` → `12,157,105`).
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_based_round_trip() {
        let s = Span::from_one_based(1, 1).unwrap();
        assert_eq!((s.start(), s.end(), s.len()), (Pos(0), Pos(1), 1));
        assert_eq!(s.one_based(), (1, 1));
        assert_eq!(Span::from_one_based(0, 5), Err(SpanError::ZeroStart));
        assert_eq!(
            Span::from_one_based(6, 5),
            Err(SpanError::StartAfterEnd { start: 6, end: 5 })
        );
    }

    #[test]
    fn overlap_is_half_open() {
        let a = Span::from_raw(0, 10);
        let b = Span::from_raw(10, 20);
        assert!(!a.overlaps(&b));
        assert!(a.overlaps(&Span::from_raw(9, 10)));
        assert_eq!(
            a.intersect(&Span::from_raw(5, 15)),
            Some(Span::from_raw(5, 10))
        );
        assert!(a.contains(Pos(9)) && !a.contains(Pos(10)));
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(12_157_105), "12,157,105");
        assert_eq!(
            Span::from_one_based(147_594, 151_166).unwrap().to_string(),
            "147,594–151,166"
        );
    }
}

/// Serde adapter writing a [`Span`] as 1-based inclusive `{"start": s, "end": e}` (the JSON boundary).
pub mod one_based {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::Span;

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct OneBased {
        start: u64,
        end: u64,
    }

    /// Writes `span` 1-based inclusive.
    pub fn serialize<S: Serializer>(span: &Span, s: S) -> Result<S::Ok, S::Error> {
        let (start, end) = span.one_based();
        OneBased { start, end }.serialize(s)
    }

    /// Reads a 1-based inclusive span.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Span, D::Error> {
        let o = OneBased::deserialize(d)?;
        Span::from_one_based(o.start, o.end).map_err(serde::de::Error::custom)
    }
}
