//! The track in edited coordinates: the map's reference window lifted into the edited genome,
//! genes at their lifted positions, the bases an edit inserts as features of their own (an
//! inserted feature and its parts — a cassette's promoter, CDS, terminator), and a junction mark
//! where reference bases were removed without replacement.
//!
//! All positions here are 0-based, half-open, in edited coordinates of one contig; x is in the
//! frame of a [`Scale`] built on the edited window.

use crate::core::coord::{Pos, Span, thousands};
use crate::core::design::Design;
use crate::core::edit::{Edit, EditId, InsertedFeature};
use crate::core::genome::Genome;
use crate::core::genome::feature::FeatureKind;
use crate::core::lift::Lifted;
use crate::core::lift::edited::{EditedGenome, SourcePos};
use crate::core::strand::Strand;
use crate::view::map::scale::Scale;
use crate::view::map::scene::{GeneScene, Placement, TrackStyle, gap_bases, hit, in_range};
use crate::view::track::within_contig;
use crate::view::viewport::Viewport;

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

/// What an inserted shape is: the whole insert, or a part by its kind (each kind has its colour
/// and legend entry).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum InsertKind {
    /// The inserted (or replacing) sequence as a whole.
    Whole,
    /// A promoter part.
    Promoter,
    /// A coding part for the protein the insert is made for: a tag fused in frame (the tag's
    /// `CDS_region` of the fused CDS: GFP of `PHO5-GFP(S65T)::kanMX6`), or the CDS of an inserted
    /// gene.
    Cds,
    /// The coding part of a selectable marker: the CDS of a cassette that replaces reference
    /// bases (`ade2Δ::kanMX4`'s kan) or that follows a fused tag (kanMX6's kanR).
    Marker,
    /// A terminator part.
    Terminator,
    /// Any other part.
    OtherPart,
}

impl InsertKind {
    /// The kind of a part of `edit`'s inserted feature. A CDS is the marker's when the insert
    /// replaces reference bases (a gene replaced by a marker cassette) or carries a fused tag
    /// (the tagging module's marker after the tag); otherwise it is the insert's own coding
    /// sequence.
    fn of_part(kind: &FeatureKind, edit: &crate::core::edit::Edit) -> Self {
        let marker =
            || !edit.span.is_empty() || edit.feature.as_ref().is_some_and(|f| f.fusion.is_some());
        match kind {
            FeatureKind::Cds if marker() => Self::Marker,
            FeatureKind::Cds => Self::Cds,
            other => match other.as_str() {
                "promoter" => Self::Promoter,
                "terminator" => Self::Terminator,
                "CDS" if marker() => Self::Marker,
                "CDS" | "CDS_region" => Self::Cds,
                _ => Self::OtherPart,
            },
        }
    }

    /// A CSS class name.
    pub fn css(self) -> &'static str {
        match self {
            Self::Whole => "whole",
            Self::Promoter => "promoter",
            Self::Cds => "cds",
            Self::Marker => "marker",
            Self::Terminator => "terminator",
            Self::OtherPart => "other-part",
        }
    }

    /// A word for people (the legend's).
    pub fn label(self) -> &'static str {
        match self {
            Self::Whole => "inserted sequence",
            Self::Promoter => "promoter",
            Self::Cds => "CDS or tag",
            Self::Marker => "marker",
            Self::Terminator => "terminator",
            Self::OtherPart => "part",
        }
    }

    /// The part kinds, in the legend's order.
    pub const PARTS: [InsertKind; 4] = [Self::Cds, Self::Marker, Self::Promoter, Self::Terminator];
}

/// Which inserted shape: the edit and, for a part, its index among the inserted feature's parts.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct InsertRef {
    /// The edit whose bases it is.
    pub edit: EditId,
    /// The part (index into [`InsertedFeature::children`]); `None` for the whole insert.
    pub part: Option<usize>,
}

/// An inserted sequence or one of its parts on the track, or several tiny ones merged
/// (`count > 1`).
#[derive(Clone, Debug, PartialEq)]
pub struct InsertItem {
    /// What it draws (the first one, when merged).
    pub what: InsertRef,
    /// Shapes drawn by this item.
    pub count: u32,
    /// Whole insert or part.
    pub kind: InsertKind,
    /// Edited bases covered.
    pub span: Span,
    /// Left edge (px, in the scale's frame).
    pub x0: f64,
    /// Right edge (px).
    pub x1: f64,
    /// Row, 0 at the top (shared with the genes).
    pub row: u32,
    /// Strand on the contig.
    pub strand: Strand,
    /// Its name ("kanMX4", "TEF promoter"), or "12 inserts" when merged.
    pub name: String,
    /// Whether `name` fits as a label under it.
    pub labelled: bool,
    /// A sentence for assistive technology and tooltips.
    pub description: String,
}

impl InsertItem {
    /// Whether this item stands for several shapes.
    pub fn is_merged(&self) -> bool {
        self.count > 1
    }

    /// The centre (px).
    pub fn centre(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
}

/// Where reference bases were removed and nothing put in their place, or several such places
/// merged (`count > 1`).
#[derive(Clone, Debug, PartialEq)]
pub struct Junction {
    /// The edit (the first one, when merged).
    pub edit: EditId,
    /// Deletions drawn by this mark.
    pub count: u32,
    /// Edited position of the junction (the gap where the removed bases were).
    pub at: u64,
    /// x (px, in the scale's frame).
    pub x: f64,
    /// Reference bases removed.
    pub removed: u64,
    /// What was removed, for people.
    pub description: String,
}

/// What the design inserts and removes on one contig, drawn in edited coordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct InsertScene {
    /// The frame the items are in.
    pub scale: Scale,
    /// Inserted shapes, sorted by `x0`.
    pub items: Vec<InsertItem>,
    /// Junction marks, sorted by `x`.
    pub junctions: Vec<Junction>,
    reach_px: f64,
}

/// One inserted shape before drawing: its place on the contig in edited coordinates.
struct Shape {
    what: InsertRef,
    kind: InsertKind,
    span: Span,
    strand: Strand,
    name: String,
    description: String,
}

/// A part's span on the contig, given the inserted bases' span `insert` and the insert's
/// `strand`: `offset` is in the insert's orientation, so on the reverse strand it counts from the
/// insert's end. Offsets past the insert are cut to it.
pub fn part_span(insert: Span, strand: Strand, offset: Span) -> Span {
    let (s, len) = (insert.start().get(), insert.len());
    let (a, b) = (offset.start().get().min(len), offset.end().get().min(len));
    if strand == Strand::Reverse {
        Span::from_raw(s + len - b, s + len - a)
    } else {
        Span::from_raw(s + a, s + b)
    }
}

fn combine(insert: Strand, part: Strand) -> Strand {
    match (insert, part) {
        (Strand::Reverse, Strand::Forward) => Strand::Reverse,
        (Strand::Reverse, Strand::Reverse) => Strand::Forward,
        (_, p) => p,
    }
}

/// The name an inserted sequence goes by: its feature's name or ID, the edit's label, else what
/// it is.
pub fn insert_name(edit: &Edit) -> String {
    edit.feature
        .as_ref()
        .and_then(|f: &InsertedFeature| f.name.clone().or_else(|| f.id.clone()))
        .or_else(|| edit.label.clone())
        .unwrap_or_else(|| "inserted sequence".to_owned())
}

/// Where an edit's bases went in, or what they replaced, in reference coordinates, for people:
/// `inserted after I:145,000 (reference)`, `replaces I:142,175–143,531 (reference, 1,357 bp)`.
pub fn reference_words(genome: &Genome, edit: &Edit) -> String {
    let contig = &genome.contig(edit.contig).name;
    if edit.span.is_empty() {
        format!(
            "inserted after {contig}:{} (reference)",
            thousands(edit.span.start().get())
        )
    } else {
        format!(
            "replaces {contig}:{} (reference, {} bp)",
            edit.span,
            thousands(edit.span.len())
        )
    }
}

/// The inserted shapes of one contig (whole inserts and their parts), in edited coordinates.
fn shapes(
    genome: &Genome,
    design: &Design,
    contig: crate::core::genome::contig::ContigId,
) -> Vec<Shape> {
    let Some(layout) = design.layout(contig) else {
        return Vec::new();
    };
    let name = &genome.contig(contig).name;
    let mut out = Vec::new();
    for (i, op) in layout.ops().iter().enumerate() {
        if op.sequence.is_empty() {
            continue;
        }
        let Some(edit) = design.edit(op.edit) else {
            continue;
        };
        let start = layout.op_edited_start(i);
        let span = Span::from_raw(start, start + op.sequence.len() as u64);
        let strand = edit.feature.as_ref().map_or(Strand::None, |f| f.strand);
        let whole = insert_name(edit);
        let replaced = reference_words(genome, edit);
        out.push(Shape {
            what: InsertRef {
                edit: edit.id,
                part: None,
            },
            kind: InsertKind::Whole,
            span,
            strand,
            name: whole.clone(),
            description: format!(
                "{whole}, {} bp, edit {}, edited {name}:{span}, {replaced}",
                thousands(span.len()),
                edit.id
            ),
        });
        for (k, part) in edit
            .feature
            .iter()
            .flat_map(|f| f.children.iter())
            .enumerate()
        {
            let kind = InsertKind::of_part(&part.kind, edit);
            let pspan = part_span(span, strand, part.offset);
            let pname = part.name.clone().unwrap_or_else(|| kind.label().to_owned());
            out.push(Shape {
                what: InsertRef {
                    edit: edit.id,
                    part: Some(k),
                },
                kind,
                span: pspan,
                strand: combine(strand, part.strand),
                name: pname.clone(),
                description: format!(
                    "{pname} ({}) of {whole}, {} bp, edited {name}:{pspan}",
                    part.kind.as_str(),
                    thousands(pspan.len())
                ),
            });
        }
    }
    out
}

/// Lays out a contig in edited coordinates at `scale` (built on an edited window): genes at their
/// lifted positions (those an edit removed are gone) and inserted shapes packed into shared rows,
/// and junction marks where deletions removed bases.
pub fn build(
    genome: &Genome,
    lifted: &Lifted,
    design: &Design,
    scale: &Scale,
    style: &TrackStyle,
) -> (GeneScene, InsertScene) {
    let contig = scale.contig;
    let gap = gap_bases(scale, style);
    // Genes and inserts in one packing, ordered by start; an insert with parts takes two rows,
    // its parts side by side in the row under it.
    enum Entry {
        Gene(crate::core::genome::feature::FeatureIdx, Span),
        Insert(Shape, Vec<Shape>),
    }
    let mut entries: Vec<Entry> = genome
        .features_by_start(contig)
        .iter()
        .copied()
        .filter(|&i| {
            let f = genome.feature(i);
            f.parents.is_empty() && !f.kind.is_sequence_level() && within_contig(genome, i)
        })
        .filter_map(|i| {
            let l = lifted.feature(i);
            (!l.status.is_gone())
                .then_some(l.span)
                .flatten()
                .map(|s| Entry::Gene(i, s))
        })
        .collect();
    for shape in shapes(genome, design, contig) {
        match (shape.what.part, entries.last_mut()) {
            (Some(_), Some(Entry::Insert(_, parts))) => parts.push(shape),
            _ => entries.push(Entry::Insert(shape, Vec::new())),
        }
    }
    let span_of = |e: &Entry| match e {
        Entry::Gene(_, s) => *s,
        Entry::Insert(s, _) => s.span,
    };
    crate::core::sort::sort_by_key(&mut entries, |e| {
        let s = span_of(e);
        (s.start(), std::cmp::Reverse(s.end()))
    });
    let max_row = style.max_rows.max(1) - 1;
    let mut row_end: Vec<u64> = Vec::new();
    let mut placed = Vec::new();
    let mut inserts: Vec<(Shape, u32)> = Vec::new();
    for e in entries {
        let span = span_of(&e);
        let (start, end) = (span.start().get(), span.end().get());
        let height = match &e {
            Entry::Insert(_, parts) if !parts.is_empty() => 2,
            _ => 1,
        };
        let free = |r: usize, row_end: &Vec<u64>| {
            (r..r + height).all(|k| row_end.get(k).is_none_or(|&x| x <= start))
        };
        let row = (0..).find(|&r| free(r, &row_end)).unwrap_or(0);
        if row_end.len() < row + height {
            row_end.resize(row + height, 0);
        }
        for x in &mut row_end[row..row + height] {
            *x = end + gap;
        }
        let row = row as u32;
        match e {
            Entry::Gene(gene, span) => placed.push(Placement { gene, span, row }),
            Entry::Insert(whole, parts) => {
                inserts.push((whole, row.min(max_row)));
                inserts.extend(parts.into_iter().map(|p| (p, (row + 1).min(max_row))));
            }
        }
    }
    let mut genes =
        GeneScene::from_placements(genome, Some(lifted), scale, style, placed, "edited ");
    let gap_px = gap as f64 / scale.bp_per_px;
    let mut by_row: Vec<Vec<InsertItem>> = Vec::new();
    for (shape, row) in inserts {
        let (x0, x1) = (
            scale.x(shape.span.start().get()),
            scale.x(shape.span.end().get()),
        );
        let item = InsertItem {
            what: shape.what,
            count: 1,
            kind: shape.kind,
            span: shape.span,
            x0,
            x1,
            row,
            strand: shape.strand,
            labelled: shape.name.chars().count() as f64 * style.char_px <= x1 - x0 + gap_px,
            name: shape.name,
            description: shape.description,
        };
        if by_row.len() <= row as usize {
            by_row.resize(row as usize + 1, Vec::new());
        }
        let r = &mut by_row[row as usize];
        match r.last_mut() {
            Some(last)
                if (last.is_merged() || last.x1 - last.x0 < style.merge_px)
                    && item.x1 - item.x0 < style.merge_px
                    && item.x0 - last.x1 < style.merge_px =>
            {
                last.count += 1;
                last.span = Span::from_raw(
                    last.span.start().get().min(item.span.start().get()),
                    last.span.end().get().max(item.span.end().get()),
                );
                last.x0 = last.x0.min(item.x0);
                last.x1 = last.x1.max(item.x1);
            }
            _ => r.push(item),
        }
    }
    let cname = &genome.contig(contig).name;
    let mut items: Vec<InsertItem> = by_row.into_iter().flatten().collect();
    for it in items.iter_mut().filter(|i| i.is_merged()) {
        it.name = format!("{} inserts", it.count);
        it.labelled = false;
        it.strand = Strand::None;
        it.description = format!(
            "{} inserted sequences and parts, edited {cname}:{} (zoom in to see them)",
            it.count, it.span
        );
    }
    crate::core::sort::sort_by(&mut items, |a, b| {
        a.x0.total_cmp(&b.x0).then(a.row.cmp(&b.row))
    });
    genes.rows = genes
        .rows
        .max(items.iter().map(|i| i.row + 1).max().unwrap_or(1));
    let junctions = junctions(genome, design, scale, style);
    let reach_px = items.iter().map(|i| i.x1 - i.x0).fold(0.0, f64::max);
    (
        genes,
        InsertScene {
            scale: *scale,
            items,
            junctions,
            reach_px,
        },
    )
}

/// Junction marks: one per deletion (bases removed, none inserted), merged when closer than
/// [`TrackStyle::marker_merge_px`].
fn junctions(genome: &Genome, design: &Design, scale: &Scale, style: &TrackStyle) -> Vec<Junction> {
    let Some(layout) = design.layout(scale.contig) else {
        return Vec::new();
    };
    let cname = &genome.contig(scale.contig).name;
    let mut out: Vec<Junction> = Vec::new();
    for (i, op) in layout.ops().iter().enumerate() {
        if !op.sequence.is_empty() || op.start == op.end {
            continue;
        }
        let at = layout.op_edited_start(i);
        let removed = op.end - op.start;
        let x = scale.x(at);
        match out.last_mut() {
            Some(last) if x - last.x < style.marker_merge_px => {
                last.count += 1;
                last.removed += removed;
                last.description = format!(
                    "{} deletions near edited {cname}:{}: {} bp removed (zoom in to see them)",
                    last.count,
                    thousands(last.at + 1),
                    thousands(last.removed)
                );
            }
            _ => {
                let words = design
                    .edit(op.edit)
                    .map(|e| Design::describe(genome, e, true).to_string())
                    .unwrap_or_default();
                out.push(Junction {
                    edit: op.edit,
                    count: 1,
                    at,
                    x,
                    removed,
                    description: format!(
                        "Junction at edited {cname}:{}: {words} removed {cname}:{} ({} bp)",
                        thousands(at),
                        Span::from_raw(op.start, op.end),
                        thousands(removed)
                    ),
                });
            }
        }
    }
    out
}

impl InsertScene {
    /// The item drawing `what` (a merged one holding it is not found). O(n).
    pub fn find(&self, what: InsertRef) -> Option<&InsertItem> {
        self.items.iter().find(|i| i.what == what && !i.is_merged())
    }

    /// Indices of the items overlapping `[x_lo, x_hi)` (px, in the scale's frame). O(log n + k).
    pub fn in_range(&self, x_lo: f64, x_hi: f64) -> Vec<usize> {
        in_range(&self.items, |i| (i.x0, i.x1), self.reach_px, x_lo, x_hi)
    }

    /// The item in `row` under x (px), or the nearest within `slop_px`.
    pub fn hit(&self, x: f64, row: u32, slop_px: f64) -> Option<usize> {
        hit(
            &self.items,
            |i| (i.x0, i.x1, i.row),
            self.reach_px,
            (x, row),
            slop_px,
        )
    }

    /// Junctions with x in `[x_lo, x_hi)`.
    pub fn junctions_in(&self, x_lo: f64, x_hi: f64) -> &[Junction] {
        let a = self.junctions.partition_point(|j| j.x < x_lo);
        let b = self.junctions.partition_point(|j| j.x < x_hi).max(a);
        &self.junctions[a..b]
    }
}
