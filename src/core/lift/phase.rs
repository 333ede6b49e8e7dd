//! CDS phases in the edited genome.
//!
//! For each CDS (the lines sharing its ID) walked in coding direction, the first surviving segment
//! gets `(phase − bases it lost at its 5′ end) mod 3`, and each next segment gets
//! `(previous phase − previous edited length) mod 3`.

use crate::core::design::Design;
use crate::core::edit::EditId;
use crate::core::genome::Genome;
use crate::core::genome::feature::FeatureIdx;
use crate::core::lift::{Effect, EffectKind, FeatureStatus, LiftedFeature};
use crate::core::strand::{Phase, Strand};

pub(super) fn recompute(
    genome: &Genome,
    _design: &Design,
    out: &mut [LiftedFeature],
    effects: &mut Vec<Effect>,
) {
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
    touched_by.sort_unstable();

    for group in genome.cds_groups() {
        let touched = group.iter().any(|l| {
            matches!(
                out[l.get()].geometric,
                FeatureStatus::Trimmed | FeatureStatus::Disrupted | FeatureStatus::Dropped
            )
        });
        if !touched {
            for &l in group {
                out[l.get()].phase = genome.feature(l).phase;
                out[l.get()].phase_changed = false;
            }
            continue;
        }
        let mut prev: Option<(Phase, u64)> = None;
        let mut started = false;
        let mut changed_any = false;
        for &l in group {
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
                f.phase
                    .map(|p| Phase::from_mod3(u64::from(p.get()) + 3 - lost5 % 3))
            } else {
                prev.map(|(p, len)| Phase::from_mod3(u64::from(p.get()) + 3 - len % 3))
            };
            let len = lf.span.map_or(0, |s| s.len());
            prev = phase.map(|p| (p, len));
            lf.phase = phase;
            lf.phase_changed = phase != f.phase;
            changed_any |= lf.phase_changed;
        }
        if changed_any {
            let mut edits: Vec<EditId> = group
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
            for &l in group.iter().filter(|&&l| out[l.get()].phase_changed) {
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
}
