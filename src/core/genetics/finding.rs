//! What the consistency check reports: a [`Finding`] — its [`FindingKind`], the perturbation it is
//! about, a sentence — and each kind's weight, [`Concern`]. The words are the exports' (the spec's
//! `warnings`, the CLI's). The checks themselves are `consistency.rs`.

use crate::core::design::genotype::GeneDamage;
use crate::core::genetics::essential::SOURCE;

/// What a finding is about.
#[derive(
    Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// A perturbation names a gene none of its edits overlaps or abuts.
    GeneNotTouched,
    /// A perturbation names a gene the loaded genome does not have.
    UnknownGene,
    /// A perturbation names an edit the design does not have.
    MissingEdit,
    /// A region deletion's edits overlap a gene it does not list, or it lists one they miss.
    RegionGenesDiffer,
    /// An edit no perturbation or background allele names.
    EditWithoutPerturbation,
    /// A haploid design, or a diploid on both copies, deletes (wholly or in part) a gene flagged
    /// essential — by a perturbation, or by an enabled edit no perturbation names (read from the
    /// lift-over: the gene line deleted, trimmed or disrupted).
    EssentialGeneDeleted,
    /// Two or more perturbations carry the same selectable marker (`markers.rs`).
    MarkerReused,
    /// A promoter swap's replaced bases reach another feature (`promoter_neighbours.rs`).
    PromoterReachesFeature,
    /// An N-terminal tag on a gene whose protein likely begins with a signal peptide (a
    /// heuristic, `signal_peptide.rs`; von Heijne 1986): the tag is expected to disrupt targeting.
    SignalPeptideTagged,
    /// A C-terminal tag on a gene whose protein likely ends with a targeting signal it hides or is
    /// cut off with — ER retrieval (HDEL), prenylation (CaaX), PTS1, a GPI-anchor signal (a
    /// heuristic, `c_terminal_signal.rs`).
    CTerminalSignalTagged,
    /// An N-terminal tag on a gene whose protein likely begins with a signal-anchor (an
    /// uncleaved N-terminal membrane anchor, TOM20's; `signal_peptide.rs`): the tag may disrupt
    /// its insertion.
    SignalAnchorTagged,
    /// A perturbation's substitutions make a likely null allele of an essential gene on every
    /// copy — the start codon lost or a premature stop (`null_allele.rs`): not viable in a
    /// haploid. Severe.
    EssentialNullAllele,
    /// An edit removes or cuts into its chromosome's centromere and none is put back: acentric,
    /// the chromosome is lost (`elements_hit.rs`; SGD's feature table). Severe.
    CentromereRemoved,
    /// An edit inserts a centromere's sequence on a chromosome that keeps its own: dicentric.
    /// Severe.
    CentromereInserted,
    /// An edit removes or cuts into a replication origin (ARS). Caution: origins are redundant.
    #[serde(rename = "replication_origin_removed")]
    OriginRemoved,
    /// An edit removes or cuts into a telomere. Caution.
    TelomereRemoved,
    /// An edit removes or cuts into a Ty long terminal repeat. A note.
    LtrRemoved,
    /// The genome knows no chromosomal elements (no SGD feature table was loaded), so no edit was
    /// checked against centromeres, origins, telomeres or LTRs. About the design as a whole; a
    /// note, never written on a perturbation.
    ElementsUnchecked,
    /// A heterozygous perturbation or background allele of a diploid (not applied to the edited
    /// sequence) reaches, on its copy, another gene or a chromosomal element (`one_copy.rs`). A
    /// note: the other copy keeps them.
    OneCopyEffects,
    /// A perturbation edits the mitochondrial genome, which lithium-acetate transformation does
    /// not reach and which reads its genes with another code (`mitochondrial_hit.rs`). Caution.
    MitochondrialGenomeEdited,
    /// Two or more heterozygous perturbations of one gene in a diploid, their copies (cis or
    /// trans) not recorded (`cis_trans.rs`). A note.
    HeterozygousSameGene,
    /// Perturbations of one gene in a diploid that need more than its two copies (a homozygous
    /// deletion beside another allele of the gene; `cis_trans.rs`). Caution.
    AllelesExceedCopies,
    /// A heterozygous perturbation of a diploid whose edit is enabled (a spec edited by hand): it
    /// is applied to the one edited sequence, which then carries one copy's allele beside the
    /// other copy's (`cis_trans.rs`). Caution.
    HeterozygousApplied,
    /// A gene deletion trims an essential neighbour's CDS, yet the deletion project's own haploid
    /// deletion of the gene was viable (`essential_hit.rs`): not the lethal claim of
    /// [`Self::EssentialGeneDeleted`]. Caution.
    EssentialNeighbourTrimmed,
}

/// How much a biology finding weighs, as the screen and the messages say it.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Concern {
    /// Likely lethal or a lost chromosome: an essential gene deleted or nulled on every copy, a
    /// centromere lost or doubled.
    Severe,
    /// Likely to change the strain's behaviour, or the experiment's: a neighbour reached, a
    /// marker used twice, a tag before a signal peptide, an origin or telomere removed.
    Caution,
    /// Worth knowing, rarely a problem: an LTR removed. Also every bookkeeping finding.
    Note,
}

impl FindingKind {
    /// Whether it is about the biology of the strain (what `design` and `apply` warn of too),
    /// not the record's bookkeeping (what only `validate` reports).
    pub fn is_biology(self) -> bool {
        matches!(
            self,
            Self::EssentialGeneDeleted
                | Self::MarkerReused
                | Self::PromoterReachesFeature
                | Self::SignalPeptideTagged
                | Self::SignalAnchorTagged
                | Self::CTerminalSignalTagged
                | Self::EssentialNullAllele
                | Self::CentromereRemoved
                | Self::CentromereInserted
                | Self::OriginRemoved
                | Self::TelomereRemoved
                | Self::LtrRemoved
                | Self::ElementsUnchecked
                | Self::OneCopyEffects
                | Self::MitochondrialGenomeEdited
                | Self::HeterozygousSameGene
                | Self::AllelesExceedCopies
                | Self::HeterozygousApplied
                | Self::EssentialNeighbourTrimmed
        )
    }

    /// How much it weighs (see [`Concern`]).
    pub fn concern(self) -> Concern {
        match self {
            Self::EssentialGeneDeleted
            | Self::EssentialNullAllele
            | Self::CentromereRemoved
            | Self::CentromereInserted => Concern::Severe,
            Self::MarkerReused
            | Self::PromoterReachesFeature
            | Self::SignalPeptideTagged
            | Self::SignalAnchorTagged
            | Self::CTerminalSignalTagged
            | Self::OriginRemoved
            | Self::TelomereRemoved
            | Self::MitochondrialGenomeEdited
            | Self::AllelesExceedCopies
            | Self::HeterozygousApplied
            | Self::EssentialNeighbourTrimmed => Concern::Caution,
            Self::LtrRemoved
            | Self::ElementsUnchecked
            | Self::OneCopyEffects
            | Self::HeterozygousSameGene
            | Self::GeneNotTouched
            | Self::UnknownGene
            | Self::MissingEdit
            | Self::RegionGenesDiffer
            | Self::EditWithoutPerturbation => Concern::Note,
        }
    }

    /// The kind as the exports write it (`essential_gene_deleted`, `signal_peptide_tagged`, …).
    pub fn word(self) -> &'static str {
        match self {
            Self::GeneNotTouched => "gene_not_touched",
            Self::UnknownGene => "unknown_gene",
            Self::MissingEdit => "missing_edit",
            Self::RegionGenesDiffer => "region_genes_differ",
            Self::EditWithoutPerturbation => "edit_without_perturbation",
            Self::EssentialGeneDeleted => "essential_gene_deleted",
            Self::MarkerReused => "marker_reused",
            Self::PromoterReachesFeature => "promoter_reaches_feature",
            Self::SignalPeptideTagged => "signal_peptide_tagged",
            Self::SignalAnchorTagged => "signal_anchor_tagged",
            Self::CTerminalSignalTagged => "c_terminal_signal_tagged",
            Self::EssentialNullAllele => "essential_null_allele",
            Self::CentromereRemoved => "centromere_removed",
            Self::CentromereInserted => "centromere_inserted",
            Self::OriginRemoved => "replication_origin_removed",
            Self::TelomereRemoved => "telomere_removed",
            Self::LtrRemoved => "ltr_removed",
            Self::ElementsUnchecked => "elements_unchecked",
            Self::OneCopyEffects => "one_copy_effects",
            Self::MitochondrialGenomeEdited => "mitochondrial_genome_edited",
            Self::HeterozygousSameGene => "heterozygous_same_gene",
            Self::AllelesExceedCopies => "alleles_exceed_copies",
            Self::HeterozygousApplied => "heterozygous_applied",
            Self::EssentialNeighbourTrimmed => "essential_neighbour_trimmed",
        }
    }
}

/// One finding: its kind and a sentence naming the perturbation, edit or gene.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// What it is about.
    pub kind: FindingKind,
    /// The sentence.
    pub message: String,
    /// The index in the genotype's `perturbations` of the perturbation it is about; `None` for a
    /// finding about the design as a whole (a marker used twice, an edit no perturbation names,
    /// an essential gene an unnamed edit damages).
    pub perturbation: Option<usize>,
}

/// `TRM8 (YDL201W)`, or the systematic name alone when it is the standard one or there is none.
pub(crate) fn gene_label(standard: &str, systematic: &str) -> String {
    if standard.is_empty() || standard.eq_ignore_ascii_case(systematic) {
        systematic.to_owned()
    } else {
        format!("{standard} ({systematic})")
    }
}

/// The verb of an essential-gene finding for a kind of damage: `deletes`, `deletes an end of`,
/// `disrupts` (its inside removed, or bases inserted into it).
pub fn essential_finding_words(damage: GeneDamage) -> &'static str {
    match damage {
        GeneDamage::Deleted => "deletes",
        GeneDamage::Trimmed => "deletes an end of",
        GeneDamage::Disrupted => "disrupts",
    }
}

/// A finding that `designation` deletes (or trims, or disrupts) the essential `gene` on every
/// copy, citing the deletion project ([`SOURCE`]).
pub(crate) fn essential_finding(designation: &str, gene: &str, damage: GeneDamage) -> Finding {
    let how = essential_finding_words(damage);
    Finding {
        kind: FindingKind::EssentialGeneDeleted,
        perturbation: None,
        message: format!(
            "{designation} {how} {gene} on every copy, essential in the {SOURCE}: its haploid deletion was not viable"
        ),
    }
}
