//! The sequence around an edit: the edited bases (reference runs and inserted runs) with the
//! reference alongside (kept runs and removed runs). For the junction view.

use crate::core::coord::{Pos, Span};
use crate::core::design::Design;
use crate::core::edit::EditId;
use crate::core::genome::Genome;
use crate::core::lift::edited::{EditedGenome, LiftedPos, SourcePos};

/// A run of bases of one kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// Inserted by an edit (edited side) or removed by one (reference side).
    pub changed: bool,
    /// 1-based position of its first base on its own sequence.
    pub start: u64,
    /// The bases.
    pub text: String,
}

/// Both sides of a junction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Junction {
    /// Contig name.
    pub contig: String,
    /// The edited sequence around the edit.
    pub edited: Vec<Run>,
    /// The reference around the edit.
    pub reference: Vec<Run>,
}

fn runs(bases: &[u8], start0: u64, changed: impl Fn(u64) -> bool) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for (i, &b) in bases.iter().enumerate() {
        let p = start0 + i as u64;
        let c = changed(p);
        match out.last_mut() {
            Some(r) if r.changed == c => r.text.push(b as char),
            _ => out.push(Run {
                changed: c,
                start: p + 1,
                text: (b as char).to_string(),
            }),
        }
    }
    out
}

/// The junction of `edit` with `flank` bases each side (inserted runs longer than `max_inserted`
/// are shown whole only up to that many bases each end). `None` without sequence.
pub fn junction(genome: &Genome, design: &Design, edit: EditId, flank: u64) -> Option<Junction> {
    let e = design.edit(edit)?;
    let view = EditedGenome::new(genome, design);
    let contig = e.contig;
    let ref_len = genome.contig(contig).length;
    // Reference side.
    let rs = e.span.start().get().saturating_sub(flank);
    let re = (e.span.end().get() + flank).min(ref_len);
    let reference_bases = genome.sequence(contig, Span::from_raw(rs, re))?;
    let reference = runs(reference_bases, rs, |p| e.span.contains(Pos(p)));
    // Edited side: from the lifted left neighbour to the lifted right neighbour.
    let left = (0..e.span.start().get())
        .rev()
        .take(flank as usize * 4 + 1)
        .find_map(|p| match view.lift(contig, Pos(p)) {
            Some(LiftedPos::At(q)) => Some(q.get()),
            _ => None,
        });
    let right = (e.span.end().get()..ref_len)
        .take(flank as usize * 4 + 1)
        .find_map(|p| match view.lift(contig, Pos(p)) {
            Some(LiftedPos::At(q)) => Some(q.get()),
            _ => None,
        });
    let edited_len = view.contig_len(contig);
    let es = left.map_or(0, |l| (l + 1).saturating_sub(flank));
    let ee = right.map_or(edited_len, |r| (r + flank).min(edited_len));
    let edited_bases = view.sequence(contig, Span::from_raw(es, ee.max(es)))?;
    let edited = runs(&edited_bases, es, |q| {
        matches!(
            view.source(contig, Pos(q)),
            Some(SourcePos::Inserted { .. })
        )
    });
    Some(Junction {
        contig: genome.contig(contig).name.to_string(),
        edited,
        reference,
    })
}
