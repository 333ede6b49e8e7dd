//! The sequence view's text: a reference region with its edited counterpart (the same shape as a
//! junction), and runs of bases laid out in numbered lines of ten-base groups, with very long
//! inserted or removed runs shortened in the middle.

use crate::core::coord::{Pos, Span, thousands};
use crate::core::design::Design;
use crate::core::genome::Genome;
use crate::core::genome::contig::ContigId;
use crate::core::lift::edited::{EditedGenome, LiftedPos, SourcePos};
use crate::view::junction::{Junction, Run};

/// The longest reference region the sequence view shows.
pub const MAX_REGION: u64 = 20_000;

fn push(out: &mut Vec<Run>, changed: bool, pos0: u64, b: u8) {
    match out.last_mut() {
        Some(r) if r.changed == changed => r.text.push(b as char),
        _ => out.push(Run {
            changed,
            start: pos0 + 1,
            text: (b as char).to_string(),
        }),
    }
}

/// A reference region `span` of `contig` and the edited bases it became: from where its start
/// went to where its end went, bases inserted at either boundary included. `None` when the
/// contig has no sequence or the region is empty or too long ([`MAX_REGION`]).
pub fn region(genome: &Genome, design: &Design, contig: ContigId, span: Span) -> Option<Junction> {
    if span.is_empty() || span.len() > MAX_REGION {
        return None;
    }
    let view = EditedGenome::new(genome, design);
    let bases = genome.sequence(contig, span)?;
    let mut reference = Vec::new();
    for (i, &b) in bases.iter().enumerate() {
        let p = span.start().get() + i as u64;
        let removed = matches!(
            view.lift_through_identity(contig, Pos(p)),
            Some(LiftedPos::Deleted { .. })
        );
        push(&mut reference, removed, p, b);
    }
    let (es, ee) = match design.layout(contig) {
        None => (span.start().get(), span.end().get()),
        Some(l) => (
            l.lift_gap(span.start(), false).get(),
            l.lift_gap(span.end(), true).get(),
        ),
    };
    let edited_bases = view.sequence(contig, Span::new(Pos(es), Pos(ee.max(es)))?)?;
    let mut edited = Vec::new();
    for (i, &b) in edited_bases.iter().enumerate() {
        let q = es + i as u64;
        let inserted = matches!(
            view.source(contig, Pos(q)),
            Some(SourcePos::Inserted { .. })
        );
        push(&mut edited, inserted, q, b);
    }
    Some(Junction {
        contig: genome.contig(contig).name.to_string(),
        edited,
        reference,
    })
}

/// One line of the laid-out sequence.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Line {
    /// Bases: the 1-based position of the first, and segments (changed or not) whose text has a
    /// space after every tenth base of the line.
    Bases {
        /// Position of the first base.
        start: u64,
        /// (changed, text).
        segments: Vec<(bool, String)>,
    },
    /// The middle of a long changed run, not shown.
    Elided {
        /// How many bases are left out.
        bases: u64,
        /// Position of the first one left out.
        start: u64,
    },
}

struct Builder {
    width: usize,
    lines: Vec<Line>,
    start: u64,
    count: usize,
    segments: Vec<(bool, String)>,
}

impl Builder {
    fn flush(&mut self) {
        if self.count > 0 {
            self.lines.push(Line::Bases {
                start: self.start,
                segments: std::mem::take(&mut self.segments),
            });
        }
        self.count = 0;
    }

    fn base(&mut self, pos: u64, changed: bool, b: char) {
        if self.count == 0 {
            self.start = pos;
        }
        let space = self.count > 0 && self.count.is_multiple_of(10);
        match self.segments.last_mut() {
            Some((c, t)) if *c == changed => {
                if space {
                    t.push(' ');
                }
                t.push(b);
            }
            _ => {
                if space && let Some((_, t)) = self.segments.last_mut() {
                    t.push(' ');
                }
                self.segments.push((changed, b.to_string()));
            }
        }
        self.count += 1;
        if self.count == self.width {
            self.flush();
        }
    }
}

/// Lays runs out in lines of `width` bases (a space after every ten). A changed run longer than
/// `max_changed` keeps `max_changed / 2` bases at each end and an [`Line::Elided`] line between.
pub fn lines(runs: &[Run], width: usize, max_changed: usize) -> Vec<Line> {
    let mut b = Builder {
        width: width.max(10),
        lines: Vec::new(),
        start: 0,
        count: 0,
        segments: Vec::new(),
    };
    for run in runs {
        let n = run.text.len();
        let keep = max_changed / 2;
        let elide = run.changed && n > max_changed && keep > 0;
        for (i, c) in run.text.chars().enumerate() {
            let pos = run.start + i as u64;
            if elide && i == keep {
                b.flush();
                b.lines.push(Line::Elided {
                    bases: (n - 2 * keep) as u64,
                    start: pos,
                });
            }
            if elide && i >= keep && i < n - keep {
                continue;
            }
            b.base(pos, run.changed, c);
        }
    }
    b.flush();
    b.lines
}

/// The bases of runs, concatenated.
pub fn plain(runs: &[Run]) -> String {
    runs.iter().map(|r| r.text.as_str()).collect()
}

/// How many bases the changed runs hold.
pub fn changed_bases(runs: &[Run]) -> u64 {
    runs.iter()
        .filter(|r| r.changed)
        .map(|r| r.text.len() as u64)
        .sum()
}

/// `I:146,880–148,950` for runs of contig `contig` (the positions of their first and last bases).
pub fn runs_locus(contig: &str, runs: &[Run]) -> String {
    let (Some(first), Some(last)) = (runs.first(), runs.last()) else {
        return format!("{contig}: no bases");
    };
    let end = last.start + last.text.len() as u64 - 1;
    format!("{contig}:{}–{}", thousands(first.start), thousands(end))
}

/// Sixty bases to a line, as FASTA usually is.
pub fn fasta(header: &str, bases: &str) -> String {
    let mut out = format!(">{header}\n");
    for chunk in bases.as_bytes().chunks(60) {
        out.push_str(&String::from_utf8_lossy(chunk));
        out.push('\n');
    }
    out
}
