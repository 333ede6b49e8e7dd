//! Features under edits: every GFF3 line's fate and edited coordinates, derived from
//! (genome, design).
//!
//! Rules (issue 3): a line ending before every edit is unchanged, one starting after is shifted; a
//! line wholly inside a removed span is dropped, and so is a child whose every parent is gone; a line
//! partly inside a span is trimmed to its surviving bases; a span or insertion strictly inside a
//! line is a disruption (the line keeps both ends); an insertion exactly at a line's boundary is
//! outside it; whole-sequence lines follow the new length; CDS phases are recomputed in coding
//! direction.

pub mod edited;
mod fusion;
pub use fusion::fused_cds_id;
mod geometry;
mod phase;

use serde::{Deserialize, Serialize};

use crate::core::coord::Span;
use crate::core::design::Design;
use crate::core::edit::EditId;
use crate::core::genome::Genome;
use crate::core::genome::contig::ContigId;
use crate::core::genome::feature::FeatureIdx;
use crate::core::strand::Phase;

/// What happened to a feature line.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeatureStatus {
    /// Same coordinates.
    Unchanged,
    /// Moved by the net length change of edits before it.
    Shifted,
    /// A whole-sequence line (chromosome, region) that follows the contig's new length.
    Resized,
    /// An edit lies strictly inside it: it keeps both ends and grows or shrinks.
    Disrupted,
    /// Part of it was removed at one or both ends.
    Trimmed,
    /// Wholly inside a removed span.
    Dropped,
    /// Every parent was dropped, so it was dropped too.
    Orphaned,
    /// Its annotation was replaced by an edit's (`InsertedFeature::supersedes`), though many of
    /// its bases may remain: MATa's swap of Yα for Ya supersedes MATα1 and MATα2, whose bases
    /// in X and Z1 stay (`core/genetics/mating.rs`). Like a dropped line it is not written; its
    /// descendants, every parent superseded, are superseded too. Not a deletion.
    Superseded,
    /// A tag joined in frame (N- or C-terminal): the line reaches over the tag's codons.
    Fused,
    /// Some of its bases (inside, or its first or last) replaced by as many others (a point
    /// mutation): same span, no base removed. Lost start or stop codons show in the GFF3's
    /// `valid_ORF`.
    Substituted,
}

impl FeatureStatus {
    /// Whether the line is gone from the edited genome.
    pub fn is_gone(self) -> bool {
        matches!(self, Self::Dropped | Self::Orphaned | Self::Superseded)
    }

    /// A word for people — the one vocabulary of the UI, the gene node view and the GFF3's
    /// `edit_status` (native, shifted, resized, trimmed, disrupted, substituted, fused, deleted,
    /// superseded).
    pub fn label(self) -> &'static str {
        match self {
            Self::Unchanged => "native",
            Self::Shifted => "shifted",
            Self::Resized => "resized",
            Self::Disrupted => "disrupted",
            Self::Trimmed => "trimmed",
            Self::Dropped => "deleted",
            Self::Orphaned => "deleted (parent deleted)",
            Self::Fused => "fused",
            Self::Substituted => "substituted",
            Self::Superseded => "superseded",
        }
    }
}

/// One feature line in the edited genome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiftedFeature {
    /// What happened to it.
    pub status: FeatureStatus,
    /// Edited coordinates: `None` when an edit removed all its bases. An orphaned line keeps the
    /// span it would have had; check [`FeatureStatus::is_gone`].
    pub span: Option<Span>,
    /// Reference bases removed from its left end.
    pub lost_left: u64,
    /// Reference bases removed from its right end.
    pub lost_right: u64,
    /// Whether an edit lies strictly inside it (also when trimmed).
    pub disrupted: bool,
    /// Its phase in the edited genome (CDS).
    pub phase: Option<Phase>,
    /// Whether that phase differs from the reference's.
    pub phase_changed: bool,
    /// Whether some (not all) of its parents were dropped, so `Parent` loses those IDs.
    pub parents_removed: bool,
    /// The status from its own geometry, before the hierarchy is considered.
    pub(crate) geometric: FeatureStatus,
}

impl LiftedFeature {
    fn unchanged(span: Span, phase: Option<Phase>) -> Self {
        Self {
            status: FeatureStatus::Unchanged,
            span: Some(span),
            lost_left: 0,
            lost_right: 0,
            disrupted: false,
            phase,
            phase_changed: false,
            parents_removed: false,
            geometric: FeatureStatus::Unchanged,
        }
    }

    /// Whether the exported line differs from the reference line.
    pub fn is_touched(&self) -> bool {
        self.status != FeatureStatus::Unchanged || self.phase_changed || self.parents_removed
    }
}

/// How an edit affected a feature line.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EffectKind {
    /// The edit removed it entirely.
    Dropped,
    /// Its parents are all gone.
    Orphaned,
    /// The edit removed bases at one of its ends.
    Trimmed,
    /// The edit lies strictly inside it.
    Disrupted,
    /// Its CDS phase changed.
    PhaseChanged,
    /// A tag was fused to it in frame.
    Fused,
    /// Some of its bases (inside or at an end) were replaced by as many others.
    Substituted,
}

impl EffectKind {
    /// The word the exports use, in the UI's vocabulary (`deleted`, not `dropped`; a line deleted
    /// with its parent is `deleted` too): deleted, trimmed, disrupted, phase_changed, fused,
    /// substituted.
    pub fn word(self) -> &'static str {
        match self {
            Self::Dropped => "deleted",
            Self::Orphaned => "deleted",
            Self::Trimmed => "trimmed",
            Self::Disrupted => "disrupted",
            Self::PhaseChanged => "phase_changed",
            Self::Fused => "fused",
            Self::Substituted => "substituted",
        }
    }

    /// A verb for people ("trims").
    pub fn verb(self) -> &'static str {
        match self {
            Self::Dropped => "removes",
            Self::Orphaned => "drops (parent removed)",
            Self::Trimmed => "trims",
            Self::Disrupted => "disrupts",
            Self::PhaseChanged => "changes the phase of",
            Self::Fused => "tags (in-frame fusion)",
            Self::Substituted => "substitutes bases in",
        }
    }
}

/// One edit's effect on one feature line.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Effect {
    /// The edit.
    pub edit: EditId,
    /// The feature line.
    pub feature: FeatureIdx,
    /// How.
    pub kind: EffectKind,
}

/// Every feature line of the genome in the edited genome, and what each edit did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lifted {
    features: Vec<LiftedFeature>,
    effects: Vec<Effect>,
    lengths: Vec<u64>,
    /// CDS lines written once per parent because their chains need different phases.
    splits: rustc_hash::FxHashMap<FeatureIdx, phase::PhaseSplit>,
}

impl Lifted {
    /// Lifts every feature of `genome` through the enabled edits of `design`.
    pub fn new(genome: &Genome, design: &Design) -> Self {
        let mut lifted = Self {
            features: genome
                .features()
                .iter()
                .map(|f| LiftedFeature::unchanged(f.span, f.phase))
                .collect(),
            effects: Vec::new(),
            lengths: genome.contigs().iter().map(|c| c.length).collect(),
            splits: Default::default(),
        };
        for contig in design.edited_contigs() {
            lifted.lift_contig(genome, design, contig);
        }
        lifted.finish(genome, design);
        lifted
    }

    /// Recomputes after the edits of one contig changed (an edit added, removed, toggled).
    pub fn update_contig(&mut self, genome: &Genome, design: &Design, contig: ContigId) {
        for &f in genome.features_by_start(contig) {
            let feat = genome.feature(f);
            self.features[f.get()] = LiftedFeature::unchanged(feat.span, feat.phase);
        }
        self.lengths[contig.get()] = genome.contig(contig).length;
        self.effects
            .retain(|e| genome.feature(e.feature).contig != contig);
        if design.layout(contig).is_some() {
            self.lift_contig(genome, design, contig);
        }
        self.finish(genome, design);
    }

    fn lift_contig(&mut self, genome: &Genome, design: &Design, contig: ContigId) {
        let Some(layout) = design.layout(contig) else {
            return;
        };
        self.lengths[contig.get()] = layout.edited_len();
        geometry::lift_contig(
            genome,
            layout,
            contig,
            &mut self.features,
            &mut self.effects,
        );
        geometry::supersede(
            genome,
            design,
            contig,
            &mut self.features,
            &mut self.effects,
        );
    }

    /// Hierarchy (orphans, Parent lists) and phases, then the effect list in order.
    fn finish(&mut self, genome: &Genome, design: &Design) {
        self.effects
            .retain(|e| !matches!(e.kind, EffectKind::Orphaned | EffectKind::PhaseChanged));
        geometry::orphans(genome, &mut self.features, &mut self.effects);
        fusion::apply(genome, design, &mut self.features, &mut self.effects);
        self.splits = phase::recompute(genome, design, &mut self.features, &mut self.effects);
        crate::core::sort::sort(&mut self.effects);
        self.effects.dedup();
    }

    /// For a CDS line with several parents whose chains need different phases: one (parent ID
    /// group, phase) per parent — it is written once per parent.
    pub fn phase_split(&self, idx: FeatureIdx) -> Option<&[(u32, Phase)]> {
        self.splits.get(&idx).map(Vec::as_slice)
    }

    /// One feature line.
    pub fn feature(&self, idx: FeatureIdx) -> &LiftedFeature {
        &self.features[idx.get()]
    }

    /// All feature lines, indexed like [`Genome::features`].
    pub fn features(&self) -> &[LiftedFeature] {
        &self.features
    }

    /// Every (edit, feature, effect), sorted by edit then feature.
    pub fn effects(&self) -> &[Effect] {
        &self.effects
    }

    /// The effects of one edit.
    pub fn effects_of(&self, edit: EditId) -> &[Effect] {
        let from = self.effects.partition_point(|e| e.edit < edit);
        let to = self.effects.partition_point(|e| e.edit <= edit);
        &self.effects[from..to]
    }

    /// A contig's edited length.
    pub fn contig_length(&self, contig: ContigId) -> u64 {
        self.lengths[contig.get()]
    }
}
