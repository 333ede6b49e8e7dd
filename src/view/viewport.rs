//! The map's view, stored as a genomic window (as JBrowse does): a contig and a half-open span in
//! reference coordinates. Pixels are derived from it, never stored. Zoom, pan and locus parsing
//! live here so they are tested without a browser.

use crate::core::coord::{Pos, Span};
use crate::core::genome::Genome;
use crate::core::genome::contig::ContigId;
use crate::core::genome::names::Lookup;

/// The narrowest window (bases) — a few dozen letters across the track.
pub const MIN_WIDTH: u64 = 40;

/// A window on one contig, in reference coordinates.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Viewport {
    /// The contig shown.
    pub contig: ContigId,
    /// The bases shown, `[start, end)`.
    pub span: Span,
}

/// Why a locus could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LocusError {
    /// Empty text.
    #[error("type a gene name or a locus such as IV:100,000-120,000")]
    Empty,
    /// Neither a gene nor a contig.
    #[error("'{0}' is neither a gene nor a sequence of this genome")]
    Unknown(String),
    /// A gene name shared by several genes.
    #[error("'{0}' names several genes; use a systematic name")]
    Ambiguous(String),
    /// Coordinates that are not numbers or are reversed.
    #[error("'{0}': positions are whole numbers, start before end")]
    BadRange(String),
    /// A region (not a window) that is not `SEQID:START-END`.
    #[error("'{0}' is not a region: write SEQID:START-END, e.g. IV:100,001-101,000")]
    NotARegion(String),
    /// A region that ends past its sequence.
    #[error("'{locus}' ends past the end of {seqid} ({length} bp)")]
    PastEnd {
        /// The text.
        locus: String,
        /// The sequence's name.
        seqid: String,
        /// Its length (bp).
        length: u64,
    },
}

/// The two ends of `range` (`A-B`, `A..B`, `A–B`; numbers may carry `,` `_` and `k`/`M`): `None`
/// when it has no separator, an error when an end is not a number or the ends are reversed or 0.
pub(crate) fn range_ends(text: &str, range: &str) -> Option<Result<(u64, u64), LocusError>> {
    let (a, b) = range
        .split_once("..")
        .or_else(|| range.split_once('-'))
        .or_else(|| range.split_once('–'))?;
    Some(match (parse_num(a), parse_num(b)) {
        (Some(a), Some(b)) if a > 0 && a <= b => Ok((a, b)),
        _ => Err(LocusError::BadRange(text.to_owned())),
    })
}

/// Reads an exact region, `IV:100,001-101,000` (1-based, inclusive; the ends as [`Viewport::parse`]
/// reads them), as written: not widened to [`MIN_WIDTH`] nor clamped to the sequence, unlike a
/// window. Returns the contig and the 0-based, half-open span. Errors: not `SEQID:START-END`
/// ([`LocusError::NotARegion`]), bad numbers, a region past the sequence's end.
pub fn parse_region(genome: &Genome, text: &str) -> Result<(ContigId, Span), LocusError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(LocusError::Empty);
    }
    let not_a_region = || LocusError::NotARegion(t.to_owned());
    let (name, range) = t.rsplit_once(':').ok_or_else(not_a_region)?;
    let c = genome
        .contig_by_name(name.trim())
        .ok_or_else(|| LocusError::Unknown(name.trim().to_owned()))?;
    let (a, b) = range_ends(t, range.trim()).ok_or_else(not_a_region)??;
    let contig = genome.contig(c);
    if b > contig.length {
        return Err(LocusError::PastEnd {
            locus: t.to_owned(),
            seqid: contig.name.to_string(),
            length: contig.length,
        });
    }
    Ok((c, Span::from_raw(a - 1, b)))
}

fn parse_num(s: &str) -> Option<u64> {
    let digits: String = s
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' '))
        .collect();
    let lower = digits.to_ascii_lowercase();
    let (num, mult) = if let Some(n) = lower.strip_suffix("kb").or_else(|| lower.strip_suffix('k'))
    {
        (n.to_owned(), 1_000.0)
    } else if let Some(n) = lower.strip_suffix("mb").or_else(|| lower.strip_suffix('m')) {
        (n.to_owned(), 1_000_000.0)
    } else {
        (lower, 1.0)
    };
    if mult == 1.0 {
        num.parse().ok()
    } else {
        num.parse::<f64>().ok().map(|v| (v * mult).round() as u64)
    }
}

impl Viewport {
    /// The whole contig.
    pub fn whole(genome: &Genome, contig: ContigId) -> Self {
        Self {
            contig,
            span: Span::from_raw(0, genome.contig(contig).length.max(1)),
        }
    }

    /// A window clamped to the contig and at least [`MIN_WIDTH`] wide (when the contig allows).
    pub fn clamped(genome: &Genome, contig: ContigId, start: i128, end: i128) -> Self {
        let len = genome.contig(contig).length.max(1) as i128;
        let min = (MIN_WIDTH as i128).min(len);
        let mut width = (end - start).clamp(min, len);
        if width <= 0 {
            width = min;
        }
        let start = start.clamp(0, len - width);
        Self {
            contig,
            span: Span::from_raw(start as u64, (start + width) as u64),
        }
    }

    /// Reads a locus: `chrIV:100,000-120,000`, `IV:100000..120000`, `IV:150k` (centred, 10 kb),
    /// `IV` (whole contig) or a gene name (the gene with 20% margins). Coordinates are 1-based.
    pub fn parse(genome: &Genome, text: &str) -> Result<Self, LocusError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(LocusError::Empty);
        }
        if let Some((name, range)) = t.rsplit_once(':')
            && let Some(c) = genome.contig_by_name(name.trim())
        {
            let range = range.trim();
            let Some(ends) = range_ends(t, range) else {
                let centre = parse_num(range).ok_or_else(|| LocusError::BadRange(t.to_owned()))?;
                let c0 = centre as i128 - 1;
                return Ok(Self::clamped(genome, c, c0 - 5_000, c0 + 5_000));
            };
            let (a, b) = ends?;
            return Ok(Self::clamped(genome, c, a as i128 - 1, b as i128));
        }
        if let Some(c) = genome.contig_by_name(t) {
            return Ok(Self::whole(genome, c));
        }
        match genome.lookup(t) {
            Lookup::Found(hit) => {
                let f = genome.feature(hit.feature);
                let ext = genome.extent(hit.feature);
                let pad = (ext.len() as i128 / 5).max(100);
                Ok(Self::clamped(
                    genome,
                    f.contig,
                    ext.start().get() as i128 - pad,
                    ext.end().get() as i128 + pad,
                ))
            }
            Lookup::Ambiguous(_) => Err(LocusError::Ambiguous(t.to_owned())),
            Lookup::NotFound => Err(LocusError::Unknown(t.to_owned())),
        }
    }

    /// Bases shown.
    pub fn width(&self) -> u64 {
        self.span.len()
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the base at `anchor` (0.0 = left edge, 1.0 = right) fixed.
    pub fn zoom(&self, genome: &Genome, factor: f64, anchor: f64) -> Self {
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        let anchor = anchor.clamp(0.0, 1.0);
        let w = self.width() as f64;
        let new_w = (w / factor).max(1.0);
        let fixed = self.span.start().get() as f64 + anchor * w;
        let start = fixed - anchor * new_w;
        Self::clamped(
            genome,
            self.contig,
            start.round() as i128,
            (start + new_w).round() as i128,
        )
    }

    /// Pans by `bases` (negative: left), staying on the contig.
    pub fn pan(&self, genome: &Genome, bases: i64) -> Self {
        let s = self.span.start().get() as i128 + bases as i128;
        Self::clamped(genome, self.contig, s, s + self.width() as i128)
    }

    /// Pixel x of a reference position in a track `width_px` wide.
    pub fn x_of(&self, pos: u64, width_px: f64) -> f64 {
        (pos as f64 - self.span.start().get() as f64) * width_px / self.width() as f64
    }

    /// Reference position under pixel x.
    pub fn pos_at(&self, x: f64, width_px: f64) -> Pos {
        let p = self.span.start().get() as f64 + x / width_px.max(1.0) * self.width() as f64;
        Pos(p.clamp(0.0, self.span.end().get().saturating_sub(1) as f64) as u64)
    }

    /// Evenly spaced "nice" tick positions (1, 2 or 5 × 10ⁿ apart), about `target` of them.
    pub fn ticks(&self, target: u32) -> Vec<u64> {
        let raw = self.width() as f64 / f64::from(target.max(1));
        let mag = 10f64.powf(raw.log10().floor());
        let step = [1.0, 2.0, 5.0, 10.0]
            .iter()
            .map(|m| m * mag)
            .find(|s| *s >= raw)
            .unwrap_or(10.0 * mag)
            .max(1.0) as u64;
        let first = self.span.start().get().div_ceil(step) * step;
        (0..)
            .map(|i| first + i * step)
            .take_while(|p| *p <= self.span.end().get())
            .collect()
    }

    /// The window as `I:147,594–151,166`.
    pub fn label(&self, genome: &Genome) -> String {
        format!("{}:{}", genome.contig(self.contig).name, self.span)
    }
}
