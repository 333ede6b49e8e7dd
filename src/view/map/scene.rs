//! What the track draws for one contig at one [`Scale`]: genes packed into rows (labelled when the
//! label fits, tiny neighbours of one class merged) and edits (bands for removed or replaced
//! bases, markers for insertions, tiny neighbours merged). Built for the whole contig once per
//! scale; [`GeneScene::in_range`] and [`EditScene::in_range`] pick what a window shows.
//!
//! Merging bounds what is drawn by the track's width rather than by the genome: a whole
//! chromosome of ~800 genes and 1,000 edits stays a few hundred shapes.

use crate::core::coord::{Span, thousands};
use crate::core::design::Design;
use crate::core::edit::{EditId, EditOp};
use crate::core::genome::Genome;
use crate::core::genome::feature::FeatureIdx;
use crate::core::lift::{FeatureStatus, Lifted};
use crate::core::strand::Strand;
use crate::view::track::{GeneClass, gene_class, layout};
use crate::view::viewport::Viewport;

use crate::view::map::scale::Scale;

/// Sizes that decide packing, labels and merging.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct TrackStyle {
    /// Width of one label character (px), a little generous.
    pub char_px: f64,
    /// Room kept after each gene in its row, for labels (px)…
    pub label_gap_px: f64,
    /// …but never more bases than this, so that zoomed out the rows stay few.
    pub max_gap_bp: u64,
    /// Shapes narrower than this (px) merge with like neighbours closer than this.
    pub merge_px: f64,
    /// Insertion markers closer than this (px) merge.
    pub marker_merge_px: f64,
    /// Rows at most; genes that would go lower share the last row.
    pub max_rows: u32,
}

impl Default for TrackStyle {
    fn default() -> Self {
        Self {
            char_px: 6.6,
            label_gap_px: 40.0,
            max_gap_bp: 1_000,
            merge_px: 3.0,
            marker_merge_px: 4.0,
            max_rows: 12,
        }
    }
}

/// Whether an edit changed the feature itself (not just moved it): what the map highlights.
pub fn is_affected(status: FeatureStatus) -> bool {
    matches!(
        status,
        FeatureStatus::Trimmed
            | FeatureStatus::Disrupted
            | FeatureStatus::Dropped
            | FeatureStatus::Orphaned
            | FeatureStatus::Superseded
            | FeatureStatus::Fused
            | FeatureStatus::Substituted
    )
}

/// A gene on the track, or several tiny genes of one class merged (`count > 1`).
#[derive(Clone, Debug, PartialEq)]
pub struct GeneItem {
    /// The gene (the first one, when merged).
    pub gene: FeatureIdx,
    /// Genes drawn by this item.
    pub count: u32,
    /// The other genes merged into it (empty for a single gene).
    pub members: Vec<FeatureIdx>,
    /// Reference bases covered.
    pub span: Span,
    /// Left edge (px, in the scale's frame).
    pub x0: f64,
    /// Right edge (px).
    pub x1: f64,
    /// Row, 0 at the top.
    pub row: u32,
    /// Strand (`Strand::None` for merged genes on both strands).
    pub strand: Strand,
    /// Colour class.
    pub class: GeneClass,
    /// What the design did to it (merged genes are never affected ones).
    pub status: FeatureStatus,
    /// The name people use (standard, else systematic), or "12 genes" when merged.
    pub name: String,
    /// Whether `name` fits as a label under the gene.
    pub labelled: bool,
    /// A sentence for assistive technology and tooltips.
    pub description: String,
}

impl GeneItem {
    /// Whether this item stands for several genes.
    pub fn is_merged(&self) -> bool {
        self.count > 1
    }

    /// The centre (px).
    pub fn centre(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
}

/// The genes of a contig at one scale.
#[derive(Clone, Debug, PartialEq)]
pub struct GeneScene {
    /// The frame the items are in.
    pub scale: Scale,
    /// Items sorted by `x0`.
    pub items: Vec<GeneItem>,
    /// Rows used (at least 1).
    pub rows: u32,
    /// The widest item (px): how far left of a range an overlapping item may start.
    reach_px: f64,
}

fn strand_word(s: Strand) -> &'static str {
    match s {
        Strand::Forward => "forward strand",
        Strand::Reverse => "reverse strand",
        Strand::None | Strand::Unknown => "no strand",
    }
}

/// A gene placed in a frame: its span there (reference or edited coordinates) and its row.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Placement {
    /// The gene.
    pub gene: FeatureIdx,
    /// Its bases in the frame drawn (reference, or edited coordinates).
    pub span: Span,
    /// Row, 0 at the top (before [`TrackStyle::max_rows`] is applied).
    pub row: u32,
}

/// Bases kept free after each shape in its row at `scale` (room for a label).
pub fn gap_bases(scale: &Scale, style: &TrackStyle) -> u64 {
    scale.bases(style.label_gap_px).min(style.max_gap_bp)
}

impl GeneScene {
    /// Lays out every top-level gene of the scale's contig in reference coordinates. `lifted`
    /// (when given) supplies each gene's status under the design.
    pub fn build(
        genome: &Genome,
        lifted: Option<&Lifted>,
        scale: &Scale,
        style: &TrackStyle,
    ) -> Self {
        let gap_bp = gap_bases(scale, style);
        let placed = layout(genome, &Viewport::whole(genome, scale.contig), gap_bp)
            .into_iter()
            .map(|p| Placement {
                gene: p.gene,
                span: genome.feature(p.gene).span,
                row: p.row,
            })
            .collect();
        Self::from_placements(genome, lifted, scale, style, placed, "")
    }

    /// Draws genes already placed in the scale's frame (sorted by start). `frame` is put before
    /// the locus in descriptions ("edited " for edited coordinates, "" for the reference).
    pub fn from_placements(
        genome: &Genome,
        lifted: Option<&Lifted>,
        scale: &Scale,
        style: &TrackStyle,
        placed: Vec<Placement>,
        frame: &str,
    ) -> Self {
        let contig = genome.contig(scale.contig);
        let gap_px = gap_bases(scale, style) as f64 / scale.bp_per_px;
        let max_row = style.max_rows.max(1) - 1;
        let rows = placed
            .iter()
            .map(|p| p.row.min(max_row) + 1)
            .max()
            .unwrap_or(1);
        let mut by_row: Vec<Vec<GeneItem>> = vec![Vec::new(); rows as usize];
        for p in placed {
            let f = genome.feature(p.gene);
            let status = lifted.map_or(FeatureStatus::Unchanged, |l| l.feature(p.gene).status);
            let (systematic, standard) = genome.gene_names(p.gene);
            let class = gene_class(genome, p.gene);
            let (x0, x1) = (scale.x(p.span.start().get()), scale.x(p.span.end().get()));
            let labelled = standard.chars().count() as f64 * style.char_px <= x1 - x0 + gap_px;
            let names = if standard == systematic {
                standard.clone()
            } else {
                format!("{standard} ({systematic})")
            };
            let mut description = format!(
                "{names}, {}, {}, {frame}{}:{}",
                class.label(),
                strand_word(f.strand),
                contig.name,
                p.span
            );
            if is_affected(status) {
                description.push_str(&format!(", {} by the design", status.label()));
            }
            let item = GeneItem {
                gene: p.gene,
                count: 1,
                members: Vec::new(),
                span: p.span,
                x0,
                x1,
                row: p.row.min(max_row),
                strand: f.strand,
                class,
                status,
                name: standard,
                labelled,
                description,
            };
            let row = &mut by_row[item.row as usize];
            match row.last_mut() {
                Some(last) if mergeable(last, &item, style.merge_px) => merge_gene(last, item),
                _ => row.push(item),
            }
        }
        let mut items: Vec<GeneItem> = by_row.into_iter().flatten().collect();
        for it in items.iter_mut().filter(|i| i.is_merged()) {
            it.name = format!("{} genes", it.count);
            it.labelled = false;
            it.description = format!(
                "{} {} genes{}, {frame}{}:{} (zoom in to see them)",
                it.count,
                it.class.label(),
                if is_affected(it.status) {
                    " changed by the design"
                } else {
                    ""
                },
                contig.name,
                it.span
            );
        }
        crate::core::sort::sort_by(&mut items, |a, b| {
            a.x0.total_cmp(&b.x0).then(a.row.cmp(&b.row))
        });
        let reach_px = items.iter().map(|i| i.x1 - i.x0).fold(0.0, f64::max);
        Self {
            scale: *scale,
            items,
            rows,
            reach_px,
        }
    }

    /// The item drawing `gene`, if any (a merged gene is found in its cluster). O(n).
    pub fn find(&self, gene: FeatureIdx) -> Option<&GeneItem> {
        self.items
            .iter()
            .find(|i| i.gene == gene || i.members.contains(&gene))
    }

    /// The item in `row` under x (px, in the scale's frame), or the nearest one within `slop_px`
    /// of it: what a click or the pointer at that point means. O(log n + k).
    pub fn hit(&self, x: f64, row: u32, slop_px: f64) -> Option<usize> {
        hit(
            &self.items,
            |i| (i.x0, i.x1, i.row),
            self.reach_px,
            (x, row),
            slop_px,
        )
    }
}

/// Whether `next` (to the right of `last` in the same row) merges into it: both tiny, same class,
/// neither changed by the design, and close.
fn mergeable(last: &GeneItem, next: &GeneItem, merge_px: f64) -> bool {
    let tiny = |i: &GeneItem| i.is_merged() || i.x1 - i.x0 < merge_px;
    tiny(last)
        && next.x1 - next.x0 < merge_px
        && last.class == next.class
        // An affected gene merges only with affected neighbours: one edited among unedited ones
        // stays alone at any zoom, while a run of edited genes too small to tell apart merges
        // into one highlighted shape.
        && is_affected(last.status) == is_affected(next.status)
        && next.x0 - last.x1 < merge_px
}

fn merge_gene(into: &mut GeneItem, next: GeneItem) {
    into.count += 1;
    into.members.push(next.gene);
    into.span = Span::from_raw(
        into.span.start().get().min(next.span.start().get()),
        into.span.end().get().max(next.span.end().get()),
    );
    into.x0 = into.x0.min(next.x0);
    into.x1 = into.x1.max(next.x1);
    if into.strand != next.strand {
        into.strand = Strand::None;
    }
    into.status = into.status.max(next.status);
}

/// The item of `items` (sorted by left edge, none wider than `reach`; `shape` gives its left and
/// right edges and row) in the row of `at` under its x, or the nearest within `slop`.
pub(crate) fn hit<T>(
    items: &[T],
    shape: impl Fn(&T) -> (f64, f64, u32) + Copy,
    reach: f64,
    (x, row): (f64, u32),
    slop: f64,
) -> Option<usize> {
    let distance = |it: &T| {
        let (x0, x1, _) = shape(it);
        if x < x0 {
            x0 - x
        } else if x > x1 {
            x - x1
        } else {
            0.0
        }
    };
    in_range(
        items,
        |i| {
            let (a, b, _) = shape(i);
            (a, b)
        },
        reach,
        x - slop,
        x + slop,
    )
    .into_iter()
    .filter(|&k| shape(&items[k]).2 == row)
    .min_by(|&a, &b| distance(&items[a]).total_cmp(&distance(&items[b])))
    .filter(|&k| distance(&items[k]) <= slop)
}

/// Indices of `items` (sorted by left edge, none wider than `reach`) overlapping `[lo, hi)`.
pub(crate) fn in_range<T>(
    items: &[T],
    edges: impl Fn(&T) -> (f64, f64),
    reach: f64,
    lo: f64,
    hi: f64,
) -> Vec<usize> {
    let first = items.partition_point(|i| edges(i).0 < lo - reach);
    let end = items.partition_point(|i| edges(i).0 < hi).max(first);
    (first..end).filter(|&k| edges(&items[k]).1 >= lo).collect()
}

/// Width (px) of a tile: the track draws its shapes in tiles, each holding the shapes that start
/// in it, so that a pan adds or removes whole tiles and a zoom redraws only the tiles in view.
pub const TILE_PX: f64 = 400.0;

/// The tile that `x` (px, in a scale's frame) falls in.
pub fn tile_of(x: f64) -> i64 {
    (x / TILE_PX).floor() as i64
}

/// The tiles holding the items overlapping `[lo, hi)`, ascending.
fn tiles_in_range<T>(
    items: &[T],
    edges: impl Fn(&T) -> (f64, f64) + Copy,
    reach: f64,
    lo: f64,
    hi: f64,
) -> Vec<i64> {
    let mut tiles: Vec<i64> = in_range(items, edges, reach, lo, hi)
        .into_iter()
        .map(|k| tile_of(edges(&items[k]).0))
        .collect();
    tiles.dedup();
    tiles
}

/// The indices of the items starting in tile `t` (items are sorted by their start).
fn tile_items<T>(items: &[T], edges: impl Fn(&T) -> (f64, f64), t: i64) -> std::ops::Range<usize> {
    let lo = t as f64 * TILE_PX;
    let first = items.partition_point(|i| edges(i).0 < lo);
    let end = items
        .partition_point(|i| edges(i).0 < lo + TILE_PX)
        .max(first);
    first..end
}

/// How an edit looks on the track.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum EditKind {
    /// Bases removed.
    Deletion,
    /// Bases replaced by others.
    Replacement,
    /// Bases added at a gap.
    Insertion,
    /// Several tiny deletions and replacements merged.
    Mixed,
}

impl EditKind {
    /// A CSS class name.
    pub fn css(self) -> &'static str {
        match self {
            Self::Deletion => "deletion",
            Self::Replacement => "replacement",
            Self::Insertion => "insertion",
            Self::Mixed => "mixed",
        }
    }
}

/// An edit on the track, or several tiny ones merged (`count > 1`).
#[derive(Clone, Debug, PartialEq)]
pub struct EditItem {
    /// The edit (the first one, when merged).
    pub edit: EditId,
    /// Edits drawn by this item.
    pub count: u32,
    /// Band or marker.
    pub kind: EditKind,
    /// Reference bases removed or replaced (empty at the gap for an insertion).
    pub span: Span,
    /// Left edge (px, in the scale's frame).
    pub x0: f64,
    /// Right edge (px); equal to `x0` for an insertion.
    pub x1: f64,
    /// Reference bases removed.
    pub removed: u64,
    /// Bases inserted.
    pub inserted: u64,
    /// What a cluster of edits is, for people; empty for a single edit, which
    /// [`EditItem::describe`] words on demand (only the few drawn alone need it).
    pub description: String,
}

/// The enabled edits of a contig at one scale.
#[derive(Clone, Debug, PartialEq)]
pub struct EditScene {
    /// The frame the items are in.
    pub scale: Scale,
    /// Items sorted by `x0`.
    pub items: Vec<EditItem>,
    reach_px: f64,
}

impl EditItem {
    /// What this edit (or cluster of edits) is, for people: the edit's own description with the
    /// bases it removes and inserts.
    pub fn describe(&self, genome: &Genome, design: &Design) -> String {
        if self.count > 1 {
            return self.description.clone();
        }
        design.edit(self.edit).map_or_else(String::new, |e| {
            let mut d = Design::describe(genome, e, true).to_string();
            d.push_str(&sizes(self.removed, self.inserted));
            d
        })
    }
}

impl EditScene {
    /// Places the enabled edits of the scale's contig.
    pub fn build(genome: &Genome, design: &Design, scale: &Scale, style: &TrackStyle) -> Self {
        let ops = design.layout(scale.contig).map_or(&[][..], |l| l.ops());
        let mut bands: Vec<EditItem> = Vec::new();
        let mut markers: Vec<EditItem> = Vec::new();
        for op in ops {
            let span = Span::from_raw(op.start, op.end);
            let insertion = span.is_empty();
            let kind = if insertion {
                EditKind::Insertion
            } else if op.sequence.is_empty()
                || design.edit(op.edit).is_some_and(|e| e.op == EditOp::Delete)
            {
                EditKind::Deletion
            } else {
                EditKind::Replacement
            };
            // Clusters are described after merging; single edits on demand.
            let description = String::new();
            let item = EditItem {
                edit: op.edit,
                count: 1,
                kind,
                span,
                x0: scale.x(op.start),
                x1: scale.x(op.end),
                removed: span.len(),
                inserted: op.sequence.len() as u64,
                description,
            };
            if insertion {
                match markers.last_mut() {
                    Some(last) if item.x0 - last.x1 < style.marker_merge_px => {
                        merge_edit(last, item)
                    }
                    _ => markers.push(item),
                }
            } else {
                let tiny = |i: &EditItem| i.x1 - i.x0 < style.merge_px;
                match bands.last_mut() {
                    Some(last)
                        if (tiny(last) || tiny(&item)) && item.x0 - last.x1 < style.merge_px =>
                    {
                        merge_edit(last, item)
                    }
                    _ => bands.push(item),
                }
            }
        }
        let contig = &genome.contig(scale.contig).name;
        let mut items: Vec<EditItem> = bands.into_iter().chain(markers).collect();
        for it in items.iter_mut().filter(|i| i.count > 1) {
            let where_ = if it.span.is_empty() {
                format!("{contig}:{}", thousands(it.span.start().get()))
            } else {
                format!("{contig}:{}", it.span)
            };
            it.description = format!(
                "{} edits in {where_}{} (zoom in to see them)",
                it.count,
                sizes(it.removed, it.inserted)
            );
        }
        crate::core::sort::sort_by(&mut items, |a, b| a.x0.total_cmp(&b.x0));
        let reach_px = items.iter().map(|i| i.x1 - i.x0).fold(0.0, f64::max);
        Self {
            scale: *scale,
            items,
            reach_px,
        }
    }
}

fn sizes(removed: u64, inserted: u64) -> String {
    match (removed, inserted) {
        (0, i) => format!(": {} bp inserted", thousands(i)),
        (r, 0) => format!(": {} bp removed", thousands(r)),
        (r, i) => format!(
            ": {} bp removed, {} bp inserted",
            thousands(r),
            thousands(i)
        ),
    }
}

fn merge_edit(into: &mut EditItem, next: EditItem) {
    into.count += 1;
    if into.kind != next.kind {
        into.kind = EditKind::Mixed;
    }
    into.span = Span::from_raw(
        into.span.start().get().min(next.span.start().get()),
        into.span.end().get().max(next.span.end().get()),
    );
    into.x0 = into.x0.min(next.x0);
    into.x1 = into.x1.max(next.x1);
    into.removed += next.removed;
    into.inserted += next.inserted;
}

/// Range and tile queries of a scene whose `items` are sorted by `x0` and no wider than
/// `reach_px` (the same for genes and edits).
macro_rules! shape_queries {
    ($scene:ty) => {
        impl $scene {
            /// Indices of the items overlapping `[x_lo, x_hi)` (px, in the scale's frame), by
            /// `x0`. O(log n + k). Labels may reach a little past an item: callers pad the range.
            pub fn in_range(&self, x_lo: f64, x_hi: f64) -> Vec<usize> {
                in_range(&self.items, |i| (i.x0, i.x1), self.reach_px, x_lo, x_hi)
            }

            /// The tiles ([`TILE_PX`]) holding the items overlapping `[x_lo, x_hi)`, ascending.
            pub fn tiles_in_range(&self, x_lo: f64, x_hi: f64) -> Vec<i64> {
                tiles_in_range(&self.items, |i| (i.x0, i.x1), self.reach_px, x_lo, x_hi)
            }

            /// The indices of the items starting in tile `t`.
            pub fn tile(&self, t: i64) -> std::ops::Range<usize> {
                tile_items(&self.items, |i| (i.x0, i.x1), t)
            }
        }
    };
}

shape_queries!(GeneScene);
shape_queries!(EditScene);
