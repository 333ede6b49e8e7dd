//! What an edit did to a feature line, as attributes of the edited GFF3 (in the manner of Liftoff's
//! `valid_ORF`; Shumate & Salzberg 2021, Bioinformatics 37:1639):
//!
//! - every line an edit changed (not merely moved) gets `edit_status` — the UI's word: trimmed
//!   (an end removed: a deletion over a start codon at the gene's 5′ end is this, with
//!   `missing_start_codon=True`), disrupted (its inside removed or split), substituted, fused (a
//!   tag joined in frame), resized — and `edit`, the designations of the edits
//!   (`his3Δ1`, `PHO5-GFP(S65T)::kanMX6`; a plain edit that substitutes coding bases one for one
//!   is named as a point mutation by coding position, `pho5-c.70A>G`); a gene whose promoter a swap replaced gets
//!   `edit_status=promoter_replaced` on its gene line (its transcript and CDS stay native), as in
//!   the gene nodes; a gene whose 5′ intergenic bases another edit removed or replaced (PBY1 when
//!   PHO5's swap reaches up to it) gets `edit_status=promoter_lost` and that edit's designation;
//!   a line gone from the edited genome is not written, so no `edit_status` says `deleted` or
//!   `superseded` (MATα1/α2 in MATa: their annotation replaced, their bases in X and Z1 left) —
//!   the report and the gene nodes say those words, from the same `FeatureStatus::label`;
//! - CDS lines of a changed coding sequence, and their transcripts, get `valid_ORF=True|False`,
//!   read from the edited sequence of the CDS's surviving parts in coding direction, in the frame
//!   the first surviving part's (recomputed) phase gives — a CDS whose 5′ end a deletion removed is
//!   read in its original frame, and has lost its start — with the reasons when false: `frameshift=True` (length not a whole number of codons),
//!   `missing_start_codon=True`, `missing_stop_codon=True`, `inframe_stop_codon=True`. The lines
//!   stay lifted, not re-annotated; with an in-frame stop, `first_stop_codon=START-END` (edited,
//!   1-based, inclusive, on the line's sequence) says where the edited ORF read from its first
//!   codon now ends — CWC25's beside `VPS75-GFP(S65T)::kanMX6`, whose last codon the cassette
//!   replaced, ends in the cassette.
//!
//! Stops are read with the gene's code ([`GeneticCode::of_contig`]): the yeast mitochondrial code
//! (NCBI table 3: TGA = Trp) on the mitochondrial genome, the standard code elsewhere.

use std::collections::{BTreeMap, BTreeSet};

use crate::core::design::Design;
use crate::core::edit::EditId;
use crate::core::edit::helpers::resolve_gene;
use crate::core::genome::Genome;
use crate::core::genome::attributes::percent_encode;
use crate::core::genome::feature::{FeatureIdx, FeatureKind};
use crate::core::lift::edited::EditedGenome;
use crate::core::lift::{EffectKind, FeatureStatus, Lifted};
use crate::core::ml::gene_nodes::{GeneStatus, edit_name, promoter_lost, promoter_replaced};
use crate::core::seq::{GeneticCode, revcomp};
use crate::core::strand::Strand;

/// Why an edited CDS is not a valid ORF.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct OrfCheck {
    /// Length not a multiple of 3.
    pub frameshift: bool,
    /// Does not start with ATG.
    pub missing_start: bool,
    /// Does not end with a stop codon.
    pub missing_stop: bool,
    /// A stop codon before the last codon.
    pub inframe_stop: bool,
}

impl OrfCheck {
    /// Reads coding bases (5′ → 3′) whose first whole codon starts `phase` bases in (the GFF3
    /// phase of the first part, 0–2); a CDS that does not start at a codon (phase > 0) has no start
    /// codon.
    /// Stops are `code`'s ([`GeneticCode::is_stop`]).
    pub fn of(coding: &[u8], phase: u8, code: GeneticCode) -> Self {
        let skip = usize::from(phase).min(coding.len());
        let mut check = Self::in_frame(&coding[skip..], code);
        check.missing_start |= skip > 0;
        check
    }

    /// Reads coding bases (5′ → 3′) from their first base, codon by codon.
    fn in_frame(coding: &[u8], code: GeneticCode) -> Self {
        let up: Vec<u8> = coding.iter().map(u8::to_ascii_uppercase).collect();
        let is_stop = |c: &[u8]| code.is_stop(c);
        let codons: Vec<&[u8]> = up.chunks_exact(3).collect();
        Self {
            frameshift: !up.len().is_multiple_of(3),
            missing_start: !up.starts_with(b"ATG"),
            missing_stop: !up.len().is_multiple_of(3) || !codons.last().is_some_and(|c| is_stop(c)),
            inframe_stop: codons
                .iter()
                .take(codons.len().saturating_sub(1))
                .any(|c| is_stop(c)),
        }
    }

    /// Whether it is a valid ORF.
    pub fn valid(&self) -> bool {
        !(self.frameshift || self.missing_start || self.missing_stop || self.inframe_stop)
    }

    fn attributes(&self) -> String {
        let mut out = format!("valid_ORF={}", if self.valid() { "True" } else { "False" });
        for (flag, name) in [
            (self.frameshift, "frameshift"),
            (self.missing_start, "missing_start_codon"),
            (self.missing_stop, "missing_stop_codon"),
            (self.inframe_stop, "inframe_stop_codon"),
        ] {
            if flag {
                out.push_str(&format!(";{name}=True"));
            }
        }
        out
    }
}

/// The offset in `coding` of its first stop codon read in frame from `phase` (its first base).
fn first_stop(coding: &[u8], phase: u8, code: GeneticCode) -> Option<usize> {
    let skip = usize::from(phase);
    (skip..coding.len().saturating_sub(2))
        .step_by(3)
        .find(|&i| code.is_stop(&coding[i..i + 3].to_ascii_uppercase()))
}

/// The `edit` attribute's value: each designation once, in order of first appearance (one change
/// made of two edits — `pho5-S4P`, TCT → CCA as two substitutions — is named once), percent-encoded
/// and comma-joined.
fn edit_value(names: impl IntoIterator<Item = String>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for n in names {
        if !seen.contains(&n) {
            seen.push(n);
        }
    }
    seen.iter()
        .map(|n| percent_encode(n).into_owned())
        .collect::<Vec<_>>()
        .join(",")
}

/// The attributes to append to each changed line (`;`-joined, without a leading `;`).
#[derive(Clone, Debug, Default)]
pub struct EditNotes {
    notes: BTreeMap<FeatureIdx, String>,
}

impl EditNotes {
    /// Derives the notes of every line an enabled edit changed.
    pub fn new(genome: &Genome, design: &Design, lifted: &Lifted) -> Self {
        let mut by_line: BTreeMap<FeatureIdx, BTreeSet<EditId>> = BTreeMap::new();
        for e in lifted.effects() {
            if matches!(e.kind, EffectKind::Dropped | EffectKind::Orphaned) {
                continue;
            }
            by_line.entry(e.feature).or_default().insert(e.edit);
        }
        let name = |id: EditId| -> String { edit_name(genome, design, id) };
        let mut notes: BTreeMap<FeatureIdx, String> = BTreeMap::new();
        for (&line, edits) in &by_line {
            let lf = lifted.feature(line);
            if lf.status.is_gone() {
                continue;
            }
            let status = match lf.status {
                FeatureStatus::Unchanged | FeatureStatus::Shifted => "phase_changed",
                s => s.label(),
            };
            notes.insert(
                line,
                format!(
                    "edit_status={status};edit={}",
                    edit_value(edits.iter().map(|&e| name(e)))
                ),
            );
        }
        // A promoter swap leaves the gene's own bases alone: its gene line says the promoter was
        // replaced, as its gene node does (the transcript and CDS stay native).
        for (gene, designation) in promoter_replaced(design) {
            let Ok(line) = resolve_gene(genome, &gene) else {
                continue;
            };
            if matches!(
                lifted.feature(line).status,
                FeatureStatus::Unchanged | FeatureStatus::Shifted
            ) && !notes.contains_key(&line)
            {
                notes.insert(
                    line,
                    format!(
                        "edit_status={};edit={}",
                        GeneStatus::PromoterReplaced.label(),
                        percent_encode(&designation)
                    ),
                );
            }
        }
        // A gene whose promoter another edit took (a neighbour's swap up to the previous
        // feature): its gene line says so, as its gene node does.
        for (line, edits) in promoter_lost(genome, design, lifted) {
            if notes.contains_key(&line) {
                continue;
            }
            notes.insert(
                line,
                format!(
                    "edit_status={};edit={}",
                    GeneStatus::PromoterLost.label(),
                    edit_value(edits.iter().map(|&e| name(e)))
                ),
            );
        }
        // ORF validity of every CDS with a changed line, on its lines and its transcripts.
        let edited = EditedGenome::new(genome, design);
        for group in genome.cds_groups() {
            if !group.iter().any(|l| by_line.contains_key(l)) {
                continue;
            }
            let first = genome.feature(group[0]);
            let reverse = first.strand == Strand::Reverse;
            let mut plus_parts: Vec<(u64, Vec<u8>, u8)> = Vec::new();
            for &l in group {
                let lf = lifted.feature(l);
                if lf.status.is_gone() {
                    continue;
                }
                if let Some(s) = lf.span
                    && let Some(b) = edited.sequence(first.contig, s)
                {
                    plus_parts.push((s.start().get(), b, lf.phase.map_or(0, |p| p.get())));
                }
            }
            crate::core::sort::sort_by_key(&mut plus_parts, |p| p.0);
            // The phase of the first part in coding direction sets the frame.
            let phase = if reverse {
                plus_parts.last()
            } else {
                plus_parts.first()
            }
            .map_or(0, |p| p.2);
            // Each coding base's edited position (0-based), in coding order.
            let mut at: Vec<u64> = plus_parts
                .iter()
                .flat_map(|(start, b, _)| *start..*start + b.len() as u64)
                .collect();
            let plus: Vec<u8> = plus_parts.into_iter().flat_map(|p| p.1).collect();
            let coding = if reverse {
                at.reverse();
                revcomp(&plus)
            } else {
                plus
            };
            let code = GeneticCode::of_contig(&genome.contig(first.contig).name);
            let check = OrfCheck::of(&coding, phase, code);
            let mut attrs = check.attributes();
            if check.inframe_stop
                && let Some((a, b)) = first_stop(&coding, phase, code).map(|i| (at[i], at[i + 2]))
            {
                // The lines stay lifted (as Liftoff lifts them); where the edited ORF now ends.
                attrs.push_str(&format!(
                    ";first_stop_codon={}-{}",
                    a.min(b) + 1,
                    a.max(b) + 1
                ));
            }
            let mut lines: Vec<FeatureIdx> = group.to_vec();
            lines.extend(group.iter().flat_map(|&l| genome.parents(l)));
            for l in lines {
                if lifted.feature(l).status.is_gone() {
                    continue;
                }
                let kind = &genome.feature(l).kind;
                if *kind != FeatureKind::Cds && !by_line.contains_key(&l) {
                    continue;
                }
                let slot = notes.entry(l).or_default();
                if slot.contains("valid_ORF=") {
                    continue;
                }
                if !slot.is_empty() {
                    slot.push(';');
                }
                slot.push_str(&attrs);
            }
        }
        Self { notes }
    }

    /// The attributes for a line, if an edit changed it.
    pub fn of(&self, line: FeatureIdx) -> Option<&str> {
        self.notes.get(&line).map(String::as_str)
    }
}
