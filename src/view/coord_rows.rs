//! The live coordinate table: features with their reference and edited coordinates and what the
//! design did to them — those in the map's window, or those named in a filter — plus the features
//! the design's edits insert.

use crate::core::coord::{Span, thousands};
use crate::core::design::Design;
use crate::core::edit::{Edit, EditId, InsertedFeature};
use crate::core::genetics::gene_list::split;
use crate::core::genome::Genome;
use crate::core::genome::feature::FeatureIdx;
use crate::core::genome::names::Lookup;
use crate::core::lift::Lifted;
use crate::core::strand::Strand;
use crate::view::edit_rows::edit_name;
use crate::view::viewport::Viewport;

/// The caption's scope when the table lists the map's window, in the map axis's coordinates and
/// said which: `in view, reference I:1,001–2,000`, or on the Edited axis the window the map
/// draws and the reference bases it shows ([`reference_covered`](crate::view::map::edited_window::reference_covered)),
/// `in view, edited I:1,001–2,000 (reference I:801–1,800)`.
pub fn view_scope(genome: &Genome, design: &Design, view: &Viewport, edited_axis: bool) -> String {
    let reference = view.label(genome);
    if !edited_axis {
        return format!("in view, reference {reference}");
    }
    let edited = crate::view::map::edited_window::edited_window(genome, design, view);
    let covered = crate::view::map::edited_window::reference_covered(genome, design, view);
    format!(
        "in view, edited {} (reference {})",
        edited.label(genome),
        covered.label(genome)
    )
}

/// What a row shows.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RowKey {
    /// A feature line of the reference.
    Feature(FeatureIdx),
    /// A feature an edit inserts (`part` 0) or one of its parts (`part` ≥ 1).
    Inserted {
        /// The edit.
        edit: EditId,
        /// 0 for the inserted feature, `i + 1` for its part `i`.
        part: u32,
    },
}

/// One row of the table. Coordinates are 1-based inclusive, as people read them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CoordRow {
    /// What it is.
    pub key: RowKey,
    /// Name for people.
    pub name: String,
    /// Systematic name or ID (stable, for lookups and tests).
    pub systematic: String,
    /// Type (`gene`, `CDS`, `gene_cassette`).
    pub kind: String,
    /// 0 for top-level features, deeper for their parts.
    pub depth: u8,
    /// Reference coordinates (`I:152,257–153,876`), or where an inserted feature went.
    pub reference: String,
    /// Edited coordinates, `—` when the feature is gone.
    pub edited: String,
    /// First reference base.
    pub ref_start: Option<u64>,
    /// First edited base.
    pub edited_start: Option<u64>,
    /// Status word: native, shifted, trimmed, disrupted, dropped, resized, inserted.
    pub status: &'static str,
    /// The gene-level feature a click selects.
    pub gene: Option<FeatureIdx>,
}

impl CoordRow {
    /// Edited start − reference start, when the feature has both.
    pub fn shift(&self) -> Option<i64> {
        Some(self.edited_start? as i64 - self.ref_start? as i64)
    }
}

/// Rows, at most the limit asked for, with what did not fit or did not resolve.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CoordTable {
    /// The rows shown.
    pub rows: Vec<CoordRow>,
    /// How many rows there were before the limit.
    pub total: usize,
    /// Filter names no gene or inserted feature has.
    pub unknown: Vec<String>,
    /// Filter names several genes share (with the candidates' systematic names).
    pub ambiguous: Vec<(String, Vec<String>)>,
}

fn depth(genome: &Genome, idx: FeatureIdx) -> u8 {
    let mut cur = idx;
    let mut d = 0u8;
    while let Some(p) = genome.parents(cur).next() {
        d += 1;
        cur = p;
        if d >= 16 {
            break;
        }
    }
    d
}

fn feature_row(genome: &Genome, lifted: &Lifted, idx: FeatureIdx, depth: u8) -> CoordRow {
    let f = genome.feature(idx);
    let l = lifted.feature(idx);
    let contig = &genome.contig(f.contig).name;
    let edited_span = if l.status.is_gone() { None } else { l.span };
    let top = genome.top_ancestor(idx);
    CoordRow {
        key: RowKey::Feature(idx),
        name: f.display_name().into_owned(),
        systematic: f
            .systematic_name()
            .map_or_else(|| f.display_name().into_owned(), |s| s.into_owned()),
        kind: f.kind.to_string(),
        depth,
        reference: format!("{contig}:{}", f.span),
        edited: edited_span.map_or_else(|| "—".to_owned(), |s| format!("{contig}:{s}")),
        ref_start: Some(f.span.start().get() + 1),
        edited_start: edited_span.map(|s| s.start().get() + 1),
        status: l.status.label(),
        gene: genome.feature(top).kind.is_gene_like().then_some(top),
    }
}

/// The rows of an edit's inserted feature (and its parts when `parts`), given the edited span
/// of its inserted bases.
fn inserted_rows(
    genome: &Genome,
    design: &Design,
    e: &Edit,
    feature: &InsertedFeature,
    site: Span,
    parts: bool,
) -> Vec<CoordRow> {
    let contig = &genome.contig(e.contig).name;
    let reference = if e.span.is_empty() {
        match e.gap().get() {
            0 => format!("inserted at the start of {contig}"),
            g => format!("inserted after {contig}:{}", thousands(g)),
        }
    } else {
        format!("replaces {contig}:{}", e.span)
    };
    let name = feature
        .name
        .clone()
        .or_else(|| feature.id.clone())
        .unwrap_or_else(|| edit_name(design, e));
    let row = |key, name: String, systematic: String, kind: String, depth, span: Span| CoordRow {
        key,
        name,
        systematic,
        kind,
        depth,
        reference: reference.clone(),
        edited: format!("{contig}:{span}"),
        ref_start: None,
        edited_start: Some(span.start().get() + 1),
        status: "inserted",
        gene: None,
    };
    let mut out = vec![row(
        RowKey::Inserted {
            edit: e.id,
            part: 0,
        },
        name.clone(),
        feature.id.clone().unwrap_or_else(|| name.clone()),
        feature.kind.to_string(),
        0,
        site,
    )];
    if parts {
        let (s, len) = (site.start().get(), site.len());
        for (i, p) in feature.children.iter().enumerate() {
            let (a, b) = (
                p.offset.start().get().min(len),
                p.offset.end().get().min(len),
            );
            let span = if feature.strand == Strand::Reverse {
                Span::from_raw(s + len - b, s + len - a)
            } else {
                Span::from_raw(s + a, s + b)
            };
            let pname = p.name.clone().unwrap_or_else(|| p.kind.to_string());
            out.push(row(
                RowKey::Inserted {
                    edit: e.id,
                    part: i as u32 + 1,
                },
                pname.clone(),
                pname,
                p.kind.to_string(),
                1,
                span,
            ));
        }
    }
    out
}

/// The edited span of an enabled edit's inserted bases, by its index in its contig's layout.
fn site_of(design: &Design, e: &Edit) -> Option<Span> {
    let layout = design.layout(e.contig)?;
    let i = layout.ops().iter().position(|o| o.edit == e.id)?;
    let start = layout.op_edited_start(i);
    Some(Span::from_raw(
        start,
        start + layout.ops()[i].sequence.len() as u64,
    ))
}

/// Order of rows in view: (top-level feature's start, 0 = reference feature / 1 = inserted, its
/// index or edit id, depth, own start, own index).
type SortKey = (u64, u8, u32, u8, u64, u32);

fn limited(mut rows: Vec<CoordRow>, limit: usize) -> CoordTable {
    let total = rows.len();
    rows.truncate(limit);
    CoordTable {
        rows,
        total,
        ..CoordTable::default()
    }
}

/// The features in the map's window, top-level ones only unless `parts`, each followed by its
/// parts, in order of position; features inserted there by enabled edits are rows too. At most
/// `limit` rows (`total` says how many there were). O(k log k + log E) for k features in view.
pub fn in_view(
    genome: &Genome,
    design: &Design,
    lifted: &Lifted,
    view: &Viewport,
    parts: bool,
    limit: usize,
) -> CoordTable {
    let mut keyed: Vec<(SortKey, CoordRow)> = Vec::new();
    for idx in genome.overlapping(view.contig, view.span) {
        let f = genome.feature(idx);
        if f.kind.is_sequence_level() {
            continue;
        }
        let d = depth(genome, idx);
        if d > 0 && !parts {
            continue;
        }
        let top = genome.top_ancestor(idx);
        let key = (
            genome.feature(top).span.start().get(),
            0,
            top.0,
            d,
            f.span.start().get(),
            idx.0,
        );
        keyed.push((key, feature_row(genome, lifted, idx, d)));
    }
    if let Some(layout) = design.layout(view.contig) {
        let (vs, ve) = (view.span.start().get(), view.span.end().get());
        let ops = layout.ops();
        let from = ops.partition_point(|o| o.end < vs);
        for (i, op) in ops.iter().enumerate().skip(from) {
            if op.start > ve {
                break;
            }
            let Some(e) = design.edit(op.edit) else {
                continue;
            };
            let Some(feature) = &e.feature else { continue };
            let start = layout.op_edited_start(i);
            let site = Span::from_raw(start, start + op.sequence.len() as u64);
            for (n, row) in inserted_rows(genome, design, e, feature, site, parts)
                .into_iter()
                .enumerate()
            {
                keyed.push(((op.start, 1, e.id.0, row.depth, n as u64, 0), row));
            }
        }
    }
    crate::core::sort::sort_by_key(&mut keyed, |a| a.0);
    limited(keyed.into_iter().map(|(_, r)| r).collect(), limit)
}

fn with_descendants(genome: &Genome, top: FeatureIdx, parts: bool, out: &mut Vec<FeatureIdx>) {
    let lines: Vec<FeatureIdx> = match genome.feature(top).id.as_deref() {
        Some(id) => genome.by_id(id).to_vec(),
        None => vec![top],
    };
    let mut frontier: Vec<FeatureIdx> = Vec::new();
    for l in lines {
        if !out.contains(&l) {
            out.push(l);
            frontier.push(l);
        }
    }
    if !parts {
        return;
    }
    let mut guard = 0;
    while let Some(f) = frontier.pop() {
        guard += 1;
        if guard > 10_000 {
            break;
        }
        let Some(id) = genome.feature(f).id.as_deref() else {
            continue;
        };
        let mut kids: Vec<FeatureIdx> = genome.children(id).to_vec();
        crate::core::sort::sort_by_key(&mut kids, |k| (genome.feature(*k).span.start(), *k));
        for k in kids.into_iter().rev() {
            if !out.contains(&k) {
                out.push(k);
                frontier.push(k);
            }
        }
    }
}

/// The genes named in `text` (systematic, standard or alias names; separated by spaces, commas,
/// semicolons or new lines), each followed by its parts when `parts`, in the order given; names of
/// features inserted by enabled edits match too. Names that match nothing, or several genes, are
/// reported, never dropped.
pub fn for_names(
    genome: &Genome,
    design: &Design,
    lifted: &Lifted,
    text: &str,
    parts: bool,
    limit: usize,
) -> CoordTable {
    let mut rows: Vec<CoordRow> = Vec::new();
    let mut seen: std::collections::HashSet<RowKey> = std::collections::HashSet::new();
    let mut unknown = Vec::new();
    let mut ambiguous = Vec::new();
    for name in split(text) {
        match genome.lookup(name) {
            Lookup::Found(hit) => {
                let mut lines = Vec::new();
                with_descendants(genome, hit.feature, parts, &mut lines);
                let mut lines: Vec<(u8, FeatureIdx)> =
                    lines.into_iter().map(|l| (depth(genome, l), l)).collect();
                // Parents before children, then by position.
                crate::core::sort::sort_by_key(&mut lines, |(d, l)| {
                    (*d > 0, genome.feature(*l).span.start(), *d, *l)
                });
                for (d, l) in lines {
                    if seen.insert(RowKey::Feature(l)) {
                        rows.push(feature_row(genome, lifted, l, d));
                    }
                }
            }
            Lookup::Ambiguous(hits) => ambiguous.push((
                name.to_owned(),
                hits.iter()
                    .map(|h| genome.gene_names(h.feature).0)
                    .collect(),
            )),
            Lookup::NotFound => {
                let mut found = false;
                for e in design.enabled() {
                    let Some(f) = &e.feature else { continue };
                    let matches = [f.name.as_deref(), f.id.as_deref(), e.label.as_deref()]
                        .into_iter()
                        .flatten()
                        .any(|n| n.eq_ignore_ascii_case(name))
                        || edit_name(design, e).eq_ignore_ascii_case(name);
                    if !matches {
                        continue;
                    }
                    let Some(site) = site_of(design, e) else {
                        continue;
                    };
                    found = true;
                    for row in inserted_rows(genome, design, e, f, site, parts) {
                        if seen.insert(row.key) {
                            rows.push(row);
                        }
                    }
                }
                if !found {
                    unknown.push(name.to_owned());
                }
            }
        }
    }
    CoordTable {
        unknown,
        ambiguous,
        ..limited(rows, limit)
    }
}
