//! Repairs that need the whole annotation, so that whatever loads can be written back as valid
//! GFF3: a line ending beyond its contig's sequence is dropped (error), lines sharing an `ID`
//! that are not parts of one feature get IDs of their own, and CDS phases follow their chains.
//! Every repaired line is rewritten in canonical form; every repair is reported.

use rustc_hash::FxHashMap;

use crate::core::genome::Genome;
use crate::core::genome::contig::Contig;
use crate::core::genome::diagnostics::{Diagnostic, InputKind, Severity};
use crate::core::genome::feature::{Feature, FeatureIdx, FeatureKind};
use crate::core::genome::model::DocItem;
use crate::core::strand::Phase;

/// Drops every feature line that ends beyond its contig's loaded sequence (error diagnostic per
/// line); their IDs are added to `dropped_ids` so their children can be told. Document items are
/// renumbered.
pub(crate) fn drop_beyond_contigs(
    features: &mut Vec<Feature>,
    document: &mut Vec<DocItem>,
    contigs: &[Contig],
    dropped_ids: &mut Vec<(Box<str>, u64)>,
    diags: &mut Vec<Diagnostic>,
) {
    let beyond = |f: &Feature| {
        let c = &contigs[f.contig.get()];
        c.sequence.is_some() && f.span.end().get() > c.length
    };
    if !features.iter().any(beyond) {
        return;
    }
    let mut remap: Vec<Option<u32>> = Vec::with_capacity(features.len());
    let mut kept = Vec::with_capacity(features.len());
    for f in std::mem::take(features) {
        if beyond(&f) {
            let c = &contigs[f.contig.get()];
            diags.push(Diagnostic::at_line(
                Severity::Error,
                InputKind::Gff3,
                f.source_line.line,
                format!(
                    "line skipped: this {} ends at {}, beyond the end of '{}' ({} bp)",
                    f.kind,
                    f.span.end().get(),
                    c.name,
                    c.length
                ),
            ));
            if let Some(id) = &f.id {
                dropped_ids.push((id.clone(), f.source_line.line));
            }
            remap.push(None);
        } else {
            remap.push(Some(kept.len() as u32));
            kept.push(f);
        }
    }
    *features = kept;
    document.retain_mut(|d| match d {
        DocItem::Feature(idx) => match remap[idx.get()] {
            Some(n) => {
                *idx = FeatureIdx(n);
                true
            }
            None => false,
        },
        _ => true,
    });
}

/// What makes two lines sharing an ID not parts of one feature (gt's multi-feature rules).
fn differs(a: &Feature, b: &Feature) -> Option<&'static str> {
    if a.contig != b.contig {
        Some("sequence id")
    } else if a.kind != b.kind {
        Some("type")
    } else if a.source != b.source {
        Some("source")
    } else if a.strand != b.strand {
        Some("strand")
    } else if a.parents != b.parents {
        Some("attribute 'Parent'")
    } else if a.name != b.name {
        Some("attribute 'Name'")
    } else {
        None
    }
}

/// Lines sharing an ID must be parts of one feature: same sequence, type, source, strand,
/// `Parent` and `Name`. A later line that differs from the first gets an ID of its own,
/// `ID_lineN` (made unique), with a warning; children keep naming the first.
pub(crate) fn rename_conflicting_ids(features: &mut [Feature], diags: &mut Vec<Diagnostic>) {
    let mut first: FxHashMap<Box<str>, usize> = FxHashMap::default();
    let mut conflicts: Vec<(usize, usize, &'static str)> = Vec::new();
    for (i, f) in features.iter().enumerate() {
        let Some(id) = &f.id else { continue };
        match first.get(id) {
            None => {
                first.insert(id.clone(), i);
            }
            Some(&j) => {
                if let Some(what) = differs(&features[j], f) {
                    conflicts.push((i, j, what));
                }
            }
        }
    }
    for (i, j, what) in conflicts {
        let old = features[i].id.clone().unwrap_or_default();
        let line = features[i].source_line.line;
        let mut new = format!("{old}_line{line}");
        let mut n = 2;
        while first.contains_key(new.as_str()) {
            new = format!("{old}_line{line}_{n}");
            n += 1;
        }
        first.insert(new.as_str().into(), i);
        let f = &mut features[i];
        let attrs = f.attributes().with_values("ID", &[&new]);
        f.source_line = f.source_line.with_attributes(&attrs);
        diags.push(Diagnostic::at_line(
            Severity::Warning,
            InputKind::Gff3,
            line,
            format!(
                "the multi-feature with ID '{old}' on this line has a different {what} than its counterpart on line {} (lines sharing an ID are parts of one feature); this line's ID is now '{new}'",
                features[j].source_line.line
            ),
        ));
        features[i].id = Some(new.into());
    }
}

/// Gives every CDS a phase that follows its chain (first part: its own phase, or 0 when it has
/// none; each next part `(phase − length) mod 3` of the one before), rewriting lines whose phase
/// was missing, invalid or inconsistent — as gffread and AGAT compute them. One warning per kind
/// (how many lines, and the first).
pub(crate) fn repair_phases(genome: &mut Genome, diags: &mut Vec<Diagnostic>) {
    let mut fixes: Vec<(FeatureIdx, Phase, bool)> = Vec::new();
    let mut fixed: rustc_hash::FxHashSet<FeatureIdx> = Default::default();
    let mut given: FxHashMap<FeatureIdx, Phase> = FxHashMap::default();
    for (chain, _) in genome.cds_chains() {
        let mut next: Option<Phase> = None;
        for &l in chain {
            let f = genome.feature(l);
            let want = match (next, f.phase) {
                (None, Some(p)) => p,
                (None, None) => Phase::from_mod3(0),
                (Some(p), _) => p,
            };
            // A line in two chains keeps the phase the first gave it (the writer splits it).
            let phase = *given.entry(l).or_insert(want);
            if f.phase != Some(phase) && fixed.insert(l) {
                fixes.push((l, phase, f.phase.is_none()));
            }
            let len = f.span.len();
            next = Some(Phase::from_mod3(
                u64::from(want.get()) + 3 * (len / 3 + 1) - len,
            ));
        }
    }
    let mut missing = (0u64, u64::MAX);
    let mut wrong = (0u64, u64::MAX);
    for (l, phase, was_missing) in fixes {
        let f = &mut genome.features[l.get()];
        debug_assert_eq!(f.kind, FeatureKind::Cds);
        let line = f.source_line.line;
        let tally = if was_missing {
            &mut missing
        } else {
            &mut wrong
        };
        tally.0 += 1;
        tally.1 = tally.1.min(line);
        f.phase = Some(phase);
        f.source_line = f.source_line.with_phase(&phase.to_string());
    }
    for ((count, line), what) in [
        (missing, "a CDS without a valid phase"),
        (
            wrong,
            "a CDS whose phase does not follow the CDS parts before it",
        ),
    ] {
        if count > 0 {
            diags.push(Diagnostic::at_line(
                Severity::Warning,
                InputKind::Gff3,
                line,
                format!(
                    "repaired {count} line(s): {what}; its phase was computed along its CDS chain in transcript order (first part 0, each next part from the length before it) (the first is this line)"
                ),
            ));
        }
    }
}
