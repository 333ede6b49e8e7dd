//! The track in edited coordinates: genes at their lifted positions, the bases an edit inserts as
//! features of their own (an inserted feature and its parts — a cassette's promoter, CDS,
//! terminator; `insert_shape.rs`), and a junction mark where reference bases were removed without
//! replacement. The window itself is `edited_window.rs`.
//!
//! All positions here are 0-based, half-open, in edited coordinates of one contig; x is in the
//! frame of a [`Scale`] built on the edited window.

use crate::core::coord::{Span, thousands};
use crate::core::design::Design;
use crate::core::edit::EditId;
use crate::core::genome::Genome;
use crate::core::lift::Lifted;
use crate::core::strand::Strand;
use crate::view::map::insert_shape::{
    InsertItem, InsertKind, InsertRef, combine, insert_name, part_span, reference_words,
};
use crate::view::map::scale::Scale;
use crate::view::map::scene::{GeneScene, Placement, TrackStyle, gap_bases, hit, in_range};
use crate::view::track::within_contig;

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
            kind: InsertKind::of_whole(edit),
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
