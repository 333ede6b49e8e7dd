//! CDS phases in the edited genome.
//!
//! For each CDS chain (a multi-line CDS, or one parent's single-line CDS children) walked in
//! coding direction, the first surviving segment gets `(phase − bases it lost at its 5′ end) mod
//! 3`, and each next segment gets `(previous phase − previous edited length) mod 3`.

use crate::core::design::Design;
use crate::core::edit::EditId;
use crate::core::genome::Genome;
use crate::core::genome::feature::FeatureIdx;
use crate::core::lift::{Effect, EffectKind, LiftedFeature};
use crate::core::strand::{Phase, Strand};

/// A CDS line whose chains ask for different phases: one (parent ID group, phase) per chain.
pub type PhaseSplit = Vec<(u32, Phase)>;

/// Recomputes every CDS chain's phases (see [`crate::core::genome::Genome::cds_chains`]) from its
/// first surviving part. A line in two chains (two parents) that get different phases is
/// returned in the splits: it is written once per parent.
pub(super) fn recompute(
    genome: &Genome,
    _design: &Design,
    out: &mut [LiftedFeature],
    effects: &mut Vec<Effect>,
) -> rustc_hash::FxHashMap<FeatureIdx, PhaseSplit> {
    // Which edits touched which line, for attributing phase changes.
    let mut touched_by: Vec<(FeatureIdx, EditId)> = effects
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EffectKind::Dropped | EffectKind::Trimmed | EffectKind::Disrupted
            )
        })
        .map(|e| (e.feature, e.edit))
        .collect();
    crate::core::sort::sort(&mut touched_by);

    // The chain (its parent group) that first gave each line its phase.
    let mut first_parent: rustc_hash::FxHashMap<FeatureIdx, Option<u32>> = Default::default();
    let mut splits: rustc_hash::FxHashMap<FeatureIdx, PhaseSplit> = Default::default();
    for (chain, parent) in genome.cds_chains() {
        let mut prev: Option<(Phase, u64)> = None;
        let mut started = false;
        let mut changed_any = false;
        for &l in chain {
            let f = genome.feature(l);
            let lf = &mut out[l.get()];
            if lf.status.is_gone() {
                lf.phase = None;
                lf.phase_changed = false;
                continue;
            }
            let phase = if !started {
                started = true;
                let lost5 = if f.strand == Strand::Reverse {
                    lf.lost_right
                } else {
                    lf.lost_left
                };
                let first = f.phase.map_or(0, |p| u64::from(p.get()));
                Some(Phase::from_mod3(first + 3 - lost5 % 3))
            } else {
                prev.map(|(p, len)| Phase::from_mod3(u64::from(p.get()) + 3 - len % 3))
            };
            let len = lf.span.map_or(0, |s| s.len());
            prev = phase.map(|p| (p, len));
            match first_parent.get(&l) {
                None => {
                    first_parent.insert(l, parent);
                    lf.phase = phase;
                    lf.phase_changed = phase != f.phase;
                }
                Some(&p0) => {
                    if let (Some(p0), Some(p), Some(now), Some(mine)) =
                        (p0, parent, lf.phase, phase)
                        && (now != mine || splits.contains_key(&l))
                    {
                        let s = splits.entry(l).or_insert_with(|| vec![(p0, now)]);
                        s.push((p, mine));
                        lf.phase_changed = true;
                    }
                }
            }
            changed_any |= lf.phase_changed;
        }
        if changed_any {
            let mut edits: Vec<EditId> = chain
                .iter()
                .flat_map(|&l| {
                    let from = touched_by.partition_point(|t| t.0 < l);
                    touched_by[from..]
                        .iter()
                        .take_while(move |t| t.0 == l)
                        .map(|t| t.1)
                })
                .collect();
            edits.sort_unstable();
            edits.dedup();
            for &l in chain.iter().filter(|&&l| out[l.get()].phase_changed) {
                for &edit in &edits {
                    effects.push(Effect {
                        edit,
                        feature: l,
                        kind: EffectKind::PhaseChanged,
                    });
                }
            }
        }
    }
    splits
}
