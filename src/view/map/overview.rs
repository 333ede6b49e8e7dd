//! The overview: every contig to scale, with marks where the design has edits and the window.

use crate::core::design::Design;
use crate::core::genome::Genome;
use crate::core::genome::contig::ContigId;
use crate::view::viewport::Viewport;

/// Width of the window a jump opens when there is no window to keep the width of.
pub const DEFAULT_WIDTH: u64 = 60_000;

/// One contig in the overview.
#[derive(Clone, Debug, PartialEq)]
pub struct OverviewContig {
    /// The contig.
    pub contig: ContigId,
    /// Its name.
    pub name: String,
    /// Length (bases).
    pub length: u64,
    /// Length relative to the longest contig (0–1]: the bar's size.
    pub scale: f64,
    /// Stretches with edits, as fractions of the contig `(from, to)`, merged when they would
    /// touch on a bar of the given size; at least one bin long.
    pub marks: Vec<(f64, f64)>,
    /// Enabled edits on it.
    pub edits: usize,
}

/// A chromosome's number from its name: `IX`, `chrIX`, `chromosome 9`, `chr9` → 9 (Roman numerals
/// as yeast names chromosomes, or Arabic). `None` for other names.
pub fn chromosome_number(name: &str) -> Option<u32> {
    let lower = name.trim().to_ascii_lowercase();
    let rest = ["chromosome", "chrom", "chr"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .unwrap_or(&lower)
        .trim_start_matches(['_', ' ', '-']);
    if rest.is_empty() {
        return None;
    }
    if let Ok(n) = rest.parse::<u32>() {
        return (n > 0).then_some(n);
    }
    let value = |c: char| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        _ => None,
    };
    let digits: Vec<i64> = rest.chars().map(value).collect::<Option<_>>()?;
    let mut total = 0i64;
    for (k, &d) in digits.iter().enumerate() {
        if digits.get(k + 1).is_some_and(|&next| next > d) {
            total -= d;
        } else {
            total += d;
        }
    }
    u32::try_from(total).ok().filter(|&n| n > 0)
}

/// The order the overview shows contigs in: karyotype order (I, II, …, IX, X, then the
/// mitochondrion) when every other contig is named as a numbered chromosome, else the file's
/// order. Never sorted as text.
pub fn display_order(genome: &Genome) -> Vec<ContigId> {
    let ids: Vec<ContigId> = (0..genome.contigs().len() as u32).map(ContigId).collect();
    let key = |c: &ContigId| {
        let name = &genome.contig(*c).name;
        if crate::core::genome::contig::is_mitochondrial(name) {
            Some(u32::MAX)
        } else {
            chromosome_number(name)
        }
    };
    if ids.iter().all(|c| key(c).is_some()) {
        let mut sorted = ids;
        crate::core::sort::sort_by_key(&mut sorted, |c| key(c).unwrap_or(u32::MAX));
        sorted
    } else {
        ids
    }
}

/// Every contig, to scale, for bars of which the longest is `bar_px` long, in
/// [`display_order`].
pub fn contigs(genome: &Genome, design: &Design, bar_px: f64) -> Vec<OverviewContig> {
    let longest = genome
        .contigs()
        .iter()
        .map(|c| c.length)
        .max()
        .unwrap_or(1)
        .max(1);
    display_order(genome)
        .into_iter()
        .map(|contig| {
            let c = genome.contig(contig);
            let length = c.length.max(1);
            let scale = length as f64 / longest as f64;
            let bins = (bar_px * scale).round().max(1.0);
            let ops = design.layout(contig).map_or(&[][..], |l| l.ops());
            let mut marks: Vec<(f64, f64)> = Vec::new();
            for op in ops {
                let b0 = (op.start as f64 / length as f64 * bins).floor();
                let b1 = (op.end as f64 / length as f64 * bins).ceil().max(b0 + 1.0);
                let (from, to) = (b0 / bins, (b1 / bins).min(1.0));
                match marks.last_mut() {
                    Some(last) if from <= last.1 => last.1 = last.1.max(to),
                    _ => marks.push((from, to)),
                }
            }
            OverviewContig {
                contig,
                name: c.name.to_string(),
                length,
                scale,
                marks,
                edits: ops.len(),
            }
        })
        .collect()
}

/// The window as fractions of its contig: `(from, to)`.
pub fn window(genome: &Genome, view: &Viewport) -> (f64, f64) {
    let len = genome.contig(view.contig).length.max(1) as f64;
    (
        view.span.start().get() as f64 / len,
        view.span.end().get() as f64 / len,
    )
}

/// The window opened by clicking `contig` at `fraction` of its length: centred there, as wide
/// as the current window (or [`DEFAULT_WIDTH`]), within the contig.
pub fn jump(
    genome: &Genome,
    contig: ContigId,
    fraction: f64,
    current: Option<&Viewport>,
) -> Viewport {
    let len = genome.contig(contig).length as f64;
    let centre = (fraction.clamp(0.0, 1.0) * len).round() as i128;
    let width = current.map_or(DEFAULT_WIDTH, Viewport::width) as i128;
    let start = centre - width / 2;
    Viewport::clamped(genome, contig, start, start + width)
}
