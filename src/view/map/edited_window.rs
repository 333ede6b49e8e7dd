//! The map's window in edited coordinates and back: a reference window lifted into the edited
//! genome (as many edited bases as it has bases, from where its first gap lands), the reference
//! window that shows everything a window holds once edited, and an edited position's reference
//! position. All positions 0-based, half-open, on one contig.

use crate::core::coord::{Pos, Span};
use crate::core::design::Design;
use crate::core::genome::Genome;
use crate::core::lift::edited::{EditedGenome, SourcePos};
use crate::view::viewport::{LocusError, Viewport, range_ends};

/// The reference window `view` in edited coordinates: as many edited bases as the reference window
/// has bases, from where its first gap lands (bases inserted there included) — so that panning
/// keeps the scale and only moves the drawing — kept within the edited contig. The whole
/// reference contig is the whole edited contig.
pub fn edited_window(genome: &Genome, design: &Design, view: &Viewport) -> Viewport {
    let Some(layout) = design.layout(view.contig) else {
        return *view;
    };
    let len = EditedGenome::new(genome, design)
        .contig_len(view.contig)
        .max(1);
    if *view == Viewport::whole(genome, view.contig) {
        return Viewport {
            contig: view.contig,
            span: Span::from_raw(0, len),
        };
    }
    let width = view.width().clamp(1, len);
    let start = layout
        .lift_gap(view.span.start(), false)
        .get()
        .min(len - width);
    Viewport {
        contig: view.contig,
        span: Span::from_raw(start, start + width),
    }
}

/// A reference window whose [`edited_window`] shows everything `view` holds in edited
/// coordinates: `view` widened at its end by the bases the design inserts inside it (net of what
/// it removes), so that a gene opened while the map is in edited coordinates is drawn whole with a
/// tag or cassette inserted into it. `view` itself when nothing inside it grows; kept within the
/// reference contig.
pub fn reference_view_showing(genome: &Genome, design: &Design, view: &Viewport) -> Viewport {
    let Some(layout) = design.layout(view.contig) else {
        return *view;
    };
    let start = layout.lift_gap(view.span.start(), false).get();
    let end = layout.lift_gap(view.span.end(), true).get();
    let edited_width = end.saturating_sub(start);
    if edited_width <= view.width() {
        return *view;
    }
    let len = genome.contig(view.contig).length;
    let new_end = (view.span.start().get() + edited_width).min(len);
    Viewport {
        contig: view.contig,
        span: Span::from_raw(view.span.start().get(), new_end.max(view.span.end().get())),
    }
}

/// The reference bases the [`edited_window`] of `view` shows: from the reference position of its
/// first edited base to that of its last (an inserted base counts as the gap it sits in). On the
/// Edited axis this is what the window holds in reference terms — narrower than `view` when the
/// design inserts bases inside it (PHO5-GFP: the 717 bp tag pushes 717 reference bases out), wider
/// when it deletes some. `view` itself on a contig the design does not change.
pub fn reference_covered(genome: &Genome, design: &Design, view: &Viewport) -> Viewport {
    if design.layout(view.contig).is_none() {
        return *view;
    }
    let e = edited_window(genome, design, view);
    let first = reference_of(genome, design, view.contig, e.span.start().get());
    let last = reference_of(
        genome,
        design,
        view.contig,
        e.span.end().get().saturating_sub(1),
    );
    let len = genome.contig(view.contig).length;
    let end = (last + 1).clamp(first + 1, len.max(first + 1));
    Viewport {
        contig: view.contig,
        span: Span::from_raw(first, end),
    }
}

/// The reference position of edited position `q` on `contig`: itself when no edit is there, the
/// gap an edit's inserted bases sit in, or the contig's end past it.
pub fn reference_of(
    genome: &Genome,
    design: &Design,
    contig: crate::core::genome::contig::ContigId,
    q: u64,
) -> u64 {
    let edited = EditedGenome::new(genome, design);
    match edited.source(contig, Pos(q)) {
        Some(SourcePos::Reference(p)) => p.get(),
        Some(SourcePos::Inserted { edit, .. }) => {
            design.edit(edit).map_or(q, |e| e.span.start().get())
        }
        None => genome.contig(contig).length,
    }
}

/// Where a fraction of the edited window (0 its left edge, 1 its right) is as a fraction of the
/// reference window `view`: the anchor a zoom keeps in place, in the reference window's terms.
pub fn reference_fraction(genome: &Genome, design: &Design, view: &Viewport, fraction: f64) -> f64 {
    let e = edited_window(genome, design, view);
    let q = e.span.start().get() as f64 + fraction.clamp(0.0, 1.0) * e.width() as f64;
    let p = reference_of(genome, design, view.contig, q.floor() as u64) as f64;
    ((p - view.span.start().get() as f64) / view.width().max(1) as f64).clamp(0.0, 1.0)
}

/// What the locus box reads while the axis shows edited coordinates: a region typed as
/// `III:90,000-95,000` (1-based, inclusive) is in the edited genome's positions, and becomes the
/// reference window whose [`edited_window`] starts there and is as wide — so the ruler shows what
/// was typed. A gene name, a contig name or a centre position reads as [`Viewport::parse`] reads
/// it. Also returns, for a region that ends past the edited contig's end, that contig's name and
/// edited length (the window is moved inside, and the caller says so).
pub fn parse_edited(
    genome: &Genome,
    design: &Design,
    text: &str,
) -> Result<(Viewport, Option<(String, u64)>), LocusError> {
    let t = text.trim();
    let region = t.rsplit_once(':').and_then(|(name, range)| {
        let c = genome.contig_by_name(name.trim())?;
        Some((c, range_ends(t, range.trim())?))
    });
    let Some((contig, ends)) = region else {
        // A gene's name: its reference window, grown by what the design inserts into it (a tag,
        // a cassette), as the search does, so the gene is drawn whole in edited coordinates.
        return Viewport::parse(genome, t)
            .map(|v| (reference_view_showing(genome, design, &v), None));
    };
    let (a, b) = ends?;
    let len = EditedGenome::new(genome, design).contig_len(contig).max(1);
    let past = (b > len).then(|| (genome.contig(contig).name.to_string(), len));
    let width = (b - a + 1).min(len);
    let start = (a - 1).min(len - width);
    let from = reference_of(genome, design, contig, start);
    Ok((
        Viewport::clamped(
            genome,
            contig,
            i128::from(from),
            i128::from(from) + i128::from(width),
        ),
        past,
    ))
}

/// What the locus box does with `text` on the axis' coordinates (`edited`: the edited genome's,
/// [`parse_edited`]; else the reference's, [`Viewport::parse`]): the window to show, and — for a
/// region ending past its sequence, which is moved inside — the sentence that says so
/// (`I has 225,146 edited bases: “I:300,000-400,000” ends past it, so the window shows its end.`).
pub fn go_to(
    genome: &Genome,
    design: &Design,
    text: &str,
    edited: bool,
) -> Result<(Viewport, Option<String>), LocusError> {
    let (view, past) = if edited {
        let (v, past) = parse_edited(genome, design, text)?;
        (v, past.map(|(name, len)| (name, len, "edited ")))
    } else {
        let v = Viewport::parse(genome, text)?;
        let past = match crate::view::viewport::parse_region(genome, text) {
            Err(LocusError::PastEnd { seqid, length, .. }) => Some((seqid, length, "")),
            _ => None,
        };
        (v, past)
    };
    let said = past.map(|(name, len, which)| {
        format!(
            "{name} has {} {which}bases: “{}” ends past it, so the window shows its end.",
            crate::core::coord::thousands(len),
            text.trim()
        )
    });
    Ok((view, said))
}
