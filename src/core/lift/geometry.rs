//! Per-line geometry: which bases of a feature survive, where they go, and which edits touched it.

use crate::core::coord::{Pos, Span};
use crate::core::edit::layout::{BaseLift, ContigLayout};
use crate::core::genome::Genome;
use crate::core::genome::contig::ContigId;
use crate::core::lift::{Effect, EffectKind, FeatureStatus, LiftedFeature};

/// Lifts every feature line of `contig` through `layout`. Features are walked by start, so the
/// first op that can touch each is found by a forward-moving cursor: O(F + E + touching ops).
pub(super) fn lift_contig(
    genome: &Genome,
    layout: &ContigLayout,
    contig: ContigId,
    out: &mut [LiftedFeature],
    effects: &mut Vec<Effect>,
) {
    let ops = layout.ops();
    let reference = genome.contig(contig).sequence.as_deref();
    let ref_len = layout.reference_len();
    let edited_len = layout.edited_len();
    let mut cursor = 0usize;
    for &idx in genome.features_by_start(contig) {
        let f = genome.feature(idx);
        let (fs, fe) = (f.span.start().get(), f.span.end().get());
        let slot = &mut out[idx.get()];
        if f.kind.is_sequence_level() && fs == 0 && fe == ref_len {
            if edited_len == 0 {
                // The whole contig was deleted: its sequence-level line goes with it.
                slot.status = FeatureStatus::Dropped;
                slot.geometric = FeatureStatus::Dropped;
                slot.span = None;
                slot.lost_left = fe - fs;
                for o in ops.iter().filter(|o| o.end > o.start) {
                    effects.push(Effect {
                        edit: o.edit,
                        feature: idx,
                        kind: EffectKind::Dropped,
                    });
                }
                continue;
            }
            slot.span = Some(Span::from_raw(0, edited_len));
            slot.status = if edited_len == ref_len {
                FeatureStatus::Unchanged
            } else {
                FeatureStatus::Resized
            };
            slot.geometric = slot.status;
            continue;
        }
        // Ops ending at or before fs cannot touch the feature; ends are non-decreasing.
        while cursor < ops.len() && ops[cursor].end <= fs {
            cursor += 1;
        }
        let shift = layout.delta_before(cursor);
        // Ops that change bases (a replacement by the very bases it replaces changes nothing).
        let touching: Vec<usize> = (cursor..ops.len())
            .take_while(|&i| ops[i].start < fe)
            .filter(|&i| !reference.is_some_and(|r| ops[i].is_identity(r)))
            .collect();
        // Bases an op removes from this line: not those of an equal-length substitution that
        // leaves some of the line's own bases (it replaces base for base, so a point mutation on
        // the first or last base trims nothing; one over the whole line still drops it).
        let removes = |o: &crate::core::edit::layout::Op| {
            o.end > o.start && !(o.is_substitution() && (o.start > fs || o.end < fe))
        };
        // Surviving bases: skip spans covering the left end, then the right end.
        let mut first = fs;
        let mut last_end = fe;
        for o in touching.iter().map(|&i| &ops[i]) {
            if removes(o) && o.start <= first && o.end > first {
                first = o.end;
            }
        }
        if touching.is_empty() {
            if shift != 0 {
                slot.status = FeatureStatus::Shifted;
                slot.geometric = FeatureStatus::Shifted;
                slot.span = Some(Span::from_raw(
                    fs.saturating_add_signed(shift),
                    fe.saturating_add_signed(shift),
                ));
            }
            continue;
        }
        for &i in touching.iter().rev() {
            let o = &ops[i];
            if removes(o) && o.start < last_end && o.end >= last_end {
                last_end = o.start;
            }
        }
        if first >= last_end {
            slot.status = FeatureStatus::Dropped;
            slot.geometric = FeatureStatus::Dropped;
            slot.span = None;
            slot.lost_left = fe - fs;
            for &i in &touching {
                if ops[i].end > ops[i].start {
                    effects.push(Effect {
                        edit: ops[i].edit,
                        feature: idx,
                        kind: EffectKind::Dropped,
                    });
                }
            }
            continue;
        }
        let lift = |p: u64| match layout.lift_base(Pos(p)) {
            BaseLift::Kept(q) => q.get(),
            // A base an equal-length substitution replaced: the base in its place.
            BaseLift::Deleted(i) if ops[i].is_substitution() => {
                layout.op_edited_start(i) + (p - ops[i].start)
            }
            // Unreachable for surviving bases; fall back to the collapse point.
            BaseLift::Deleted(i) => layout.op_edited_start(i),
        };
        let new_start = lift(first);
        let new_end = lift(last_end - 1) + 1;
        slot.span = Some(Span::from_raw(new_start, new_end));
        slot.lost_left = first - fs;
        slot.lost_right = fe - last_end;
        let mut trimmed = false;
        let mut disrupted = false;
        let mut substituted = false;
        for &i in &touching {
            let o = &ops[i];
            let kind = if o.end == o.start {
                // An insertion: strictly inside the surviving bases, or at a boundary (outside).
                if first < o.start && o.start < last_end {
                    EffectKind::Disrupted
                } else {
                    continue;
                }
            } else if !removes(o) {
                // As many bases put in as taken out, base for base (inside or over an end): a
                // substitution.
                EffectKind::Substituted
            } else if o.start <= fs || o.end >= fe || o.end <= first || o.start >= last_end {
                EffectKind::Trimmed
            } else {
                EffectKind::Disrupted
            };
            trimmed |= kind == EffectKind::Trimmed;
            disrupted |= kind == EffectKind::Disrupted;
            substituted |= kind == EffectKind::Substituted;
            effects.push(Effect {
                edit: o.edit,
                feature: idx,
                kind,
            });
        }
        slot.disrupted = disrupted;
        slot.status = if trimmed {
            FeatureStatus::Trimmed
        } else if disrupted {
            FeatureStatus::Disrupted
        } else if substituted {
            FeatureStatus::Substituted
        } else if new_start != fs || new_end != fe {
            FeatureStatus::Shifted
        } else {
            FeatureStatus::Unchanged
        };
        slot.geometric = slot.status;
    }
}

/// Drops the reference genes an enabled edit's annotation supersedes (`InsertedFeature::
/// supersedes`, genes on the edit's contig): their lines go (status `Superseded`, not deleted:
/// their bases may remain), attributed to that edit as a `Dropped` effect; their descendants
/// follow, superseded too ([`orphans`]).
pub(super) fn supersede(
    genome: &Genome,
    design: &crate::core::design::Design,
    contig: ContigId,
    out: &mut [LiftedFeature],
    effects: &mut Vec<Effect>,
) {
    for e in design
        .edits()
        .iter()
        .filter(|e| e.contig == contig && design.is_enabled(e.id))
    {
        let Some(f) = &e.feature else { continue };
        for id in &f.supersedes {
            for &idx in genome.by_id(id) {
                if genome.feature(idx).contig != contig {
                    continue;
                }
                let (fs, fe) = (
                    genome.feature(idx).span.start().get(),
                    genome.feature(idx).span.end().get(),
                );
                let slot = &mut out[idx.get()];
                slot.status = FeatureStatus::Superseded;
                slot.geometric = FeatureStatus::Superseded;
                slot.span = None;
                slot.lost_left = fe - fs;
                slot.lost_right = 0;
                effects.retain(|x| x.feature != idx);
                effects.push(Effect {
                    edit: e.id,
                    feature: idx,
                    kind: EffectKind::Dropped,
                });
            }
        }
    }
}

/// Drops children whose every parent is gone, and marks children that lost some parents. Walks
/// parents before children, so whole lineages go at once.
pub(super) fn orphans(genome: &Genome, out: &mut [LiftedFeature], effects: &mut Vec<Effect>) {
    for &idx in genome.parent_order() {
        // Recomputed from scratch: start from what geometry said.
        let me = &mut out[idx.get()];
        me.status = me.geometric;
        me.parents_removed = false;
        if me.status.is_gone() {
            continue;
        }
        let groups = genome.parent_groups(idx);
        let gone = groups
            .iter()
            .filter(|&&g| {
                genome
                    .group_lines(g)
                    .iter()
                    .all(|&l| out[l.get()].status.is_gone())
            })
            .count();
        if gone == 0 {
            continue;
        }
        // Every parent superseded (none deleted): the line is superseded with them.
        let superseded = groups.iter().all(|&g| {
            genome
                .group_lines(g)
                .iter()
                .all(|&l| out[l.get()].status == FeatureStatus::Superseded)
        });
        let me = &mut out[idx.get()];
        if gone < groups.len() {
            me.parents_removed = true;
            continue;
        }
        me.status = if superseded {
            FeatureStatus::Superseded
        } else {
            FeatureStatus::Orphaned
        };
        // Attribute to the edits that removed the parents' lines.
        let causes: Vec<_> = effects
            .iter()
            .filter(|e| matches!(e.kind, EffectKind::Dropped | EffectKind::Orphaned))
            .filter(|e| {
                groups
                    .iter()
                    .any(|&g| genome.group_lines(g).contains(&e.feature))
            })
            .map(|e| e.edit)
            .collect();
        for edit in causes {
            effects.push(Effect {
                edit,
                feature: idx,
                kind: EffectKind::Orphaned,
            });
        }
    }
}
