//! What a design means genetically: gene-level perturbations, the strain background, a gene set.
//! These sit beside the edits (which realise them) in the design.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::core::edit::EditId;

/// The kind of a gene-level perturbation, named as torchcell names them.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PerturbationType {
    /// The gene removed, nothing in its place.
    Deletion,
    /// The gene replaced by a kanMX cassette.
    KanmxDeletion,
    /// The gene replaced by a natMX cassette.
    NatmxDeletion,
    /// The gene replaced by an hphMX cassette.
    HphmxDeletion,
    /// The gene (its whole extent) replaced by a sequence that is not a selectable marker
    /// (`pho5Δ::GFP(S65T)`): a deletion–insertion, not a deletion.
    GeneReplacement,
    /// A gene or cassette added.
    GeneAddition,
    /// The gene's sequence replaced by another.
    SequenceVariant,
    /// A tag fused in frame at the C terminus (the stop codon replaced).
    CTerminalTag,
    /// A tag fused in frame after the start codon.
    NTerminalTag,
    /// A point mutation or small substitution in the coding sequence.
    PointMutation,
    /// The promoter (bases upstream of the start codon) replaced by another.
    PromoterReplacement,
    /// A region given by coordinates removed.
    RegionDeletion,
}

impl PerturbationType {
    /// The Sequence Ontology term (id, name) of the mechanism, by what the edit does to the
    /// reference bases (Sequence Ontology, http://www.sequenceontology.org):
    ///
    /// - bases removed, nothing put in their place: `SO:0000159` deletion (a clean gene deletion,
    ///   a region deletion);
    /// - a gene replaced by a selectable marker (`tfc3Δ::kanMX4`): `SO:0000159` deletion too —
    ///   the deletion project's alleles, which torchcell types as deletions (its
    ///   `KanMxDeletionPerturbation` is a `DeletionPerturbation`, SO:0000159);
    /// - bases added between two reference bases, none removed: `SO:0000667` insertion (a gene
    ///   addition, an N-terminal tag after the ATG);
    /// - bases replaced by a different number of others: `SO:1000032` delins (a gene replaced by a
    ///   non-marker sequence, a gene's sequence replaced, a C-terminal tag in place of the stop
    ///   codon, a promoter swap);
    /// - bases replaced one for one: `SO:1000002` substitution (a point mutation).
    pub fn so_term(self) -> (&'static str, &'static str) {
        const DELETION: (&str, &str) = ("SO:0000159", "deletion");
        const INSERTION: (&str, &str) = ("SO:0000667", "insertion");
        const DELINS: (&str, &str) = ("SO:1000032", "delins");
        match self {
            Self::Deletion | Self::KanmxDeletion | Self::NatmxDeletion | Self::HphmxDeletion => {
                DELETION
            }
            Self::GeneAddition | Self::NTerminalTag => INSERTION,
            Self::GeneReplacement
            | Self::SequenceVariant
            | Self::CTerminalTag
            | Self::PromoterReplacement => DELINS,
            Self::PointMutation => ("SO:1000002", "substitution"),
            Self::RegionDeletion => DELETION,
        }
    }

    /// Whether it removes the gene it names (a clean or marker deletion, or a replacement of the
    /// whole gene by another sequence): what the essential-gene warning is about.
    pub fn removes_gene(self) -> bool {
        matches!(
            self,
            Self::Deletion
                | Self::KanmxDeletion
                | Self::NatmxDeletion
                | Self::HphmxDeletion
                | Self::GeneReplacement
        )
    }

    /// The type a replacement of a whole gene by `cassette` is: a marker deletion for a selectable
    /// marker (kanMX4 → kanmx_deletion), else a gene replacement (GFP(S65T) → gene_replacement).
    pub fn for_replacement(cassette: &str) -> Self {
        let c = cassette.to_ascii_lowercase();
        if c.starts_with("kanmx") {
            Self::KanmxDeletion
        } else if c.starts_with("natmx") {
            Self::NatmxDeletion
        } else if c.starts_with("hphmx") {
            Self::HphmxDeletion
        } else {
            Self::GeneReplacement
        }
    }

    /// A sentence for the spec's `description`. A marker deletion's says what is modelled — the
    /// ORF from its start to its stop codon replaced by the cassette — and, for KanMX, how the
    /// deletion collection's strains differ (both codons kept, UPTAG/DNTAG barcodes; Winzeler et
    /// al. 1999), as the CLI's and the preview's note
    /// (`collection_allele::deletion_extent_note`) does.
    pub fn description(self) -> &'static str {
        match self {
            Self::Deletion => "Deletion of the gene",
            Self::KanmxDeletion => {
                "Deletion via KanMX gene replacement: modelled as the ORF from its start codon to its stop codon replaced by the cassette; the deletion collection's yfgΔ::kanMX4 strains keep both codons and carry UPTAG/DNTAG barcodes (Winzeler et al. 1999, doi:10.1126/science.285.5429.901), which are not modelled."
            }
            Self::NatmxDeletion => {
                "Deletion via NatMX gene replacement: modelled as the ORF from its start codon to its stop codon replaced by the cassette."
            }
            Self::HphmxDeletion => {
                "Deletion via HphMX gene replacement: modelled as the ORF from its start codon to its stop codon replaced by the cassette."
            }
            Self::GeneReplacement => "Replacement of the gene by another sequence (not a marker)",
            Self::GeneAddition => "Addition of a gene or cassette",
            Self::SequenceVariant => "Replacement of the gene's sequence",
            Self::CTerminalTag => "Tag fused in frame at the C terminus (stop codon replaced)",
            Self::NTerminalTag => "Tag fused in frame after the start codon",
            Self::PointMutation => "Substitution of bases in the coding sequence",
            Self::PromoterReplacement => "Promoter replaced (bases upstream of the start codon)",
            Self::RegionDeletion => "Deletion of a region given by coordinates",
        }
    }
}

/// A gene-level perturbation and the edits that realise it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Perturbation {
    /// Its kind.
    pub perturbation_type: PerturbationType,
    /// Systematic name of the gene (for an addition: the added feature's ID).
    pub systematic_gene_name: String,
    /// Standard name (the systematic name when there is none).
    pub perturbed_gene_name: String,
    /// How geneticists write it (`tfc3Δ::kanMX4`).
    pub designation: String,
    /// The edits that realise it. A heterozygous perturbation's edits are kept disabled: they
    /// describe the other copy and are not applied to the single edited sequence.
    pub edit_ids: Vec<EditId>,
    /// Copies: `haploid` in a haploid; `homozygous` or `heterozygous` in a diploid.
    #[serde(default = "haploid", skip_serializing_if = "is_haploid")]
    pub zygosity: Zygosity,
    /// The genes it damages besides the one it names: for a region deletion, every gene the
    /// region overlaps, whole or in part (empty for the other kinds, which name their gene).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub genes: Vec<DamagedGene>,
}

/// How much of a gene a region deletion removes, in the one status vocabulary of the lift-over,
/// the gene node view and the GFF3's `edit_status` (`FeatureStatus::label`): the same rule as the
/// lift-over's, so the spec, the report, the GFF3 and the gene nodes say the same word.
///
/// Older specs wrote `partially_deleted` for both partial kinds; it is read as `trimmed` and
/// restoring a spec recomputes each gene's word from the region and the genome
/// (`spec::restore`), so a gene the region splits is `disrupted` again. It is never written.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GeneDamage {
    /// The whole gene (every base of its extent) lies in the region.
    Deleted,
    /// The region covers one of the gene's ends (its first or last base) but not all of it: the
    /// gene lost an end. A region that removes a start codon at the gene's 5′ end is this
    /// (`valid_ORF=False;missing_start_codon=True` on its CDS in the GFF3).
    #[serde(alias = "partially_deleted")]
    Trimmed,
    /// The region lies strictly inside the gene: both its ends survive, its inside is removed.
    Disrupted,
}

impl GeneDamage {
    /// The damage a removed `region` does to a gene whose extent is `gene` (both 0-based,
    /// half-open, on one contig; they overlap): the lift-over's rule for a deletion.
    pub fn of(gene: crate::core::coord::Span, region: crate::core::coord::Span) -> Self {
        if region.start() <= gene.start() && region.end() >= gene.end() {
            Self::Deleted
        } else if region.start() <= gene.start() || region.end() >= gene.end() {
            Self::Trimmed
        } else {
            Self::Disrupted
        }
    }

    /// The word the spec and the views write.
    pub fn label(self) -> &'static str {
        match self {
            Self::Deleted => "deleted",
            Self::Trimmed => "trimmed",
            Self::Disrupted => "disrupted",
        }
    }
}

/// A gene a perturbation damages, with its names (as SGD names it) and how much is removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DamagedGene {
    /// Systematic name (`YDL201W`).
    pub systematic_gene_name: String,
    /// Standard name (`TRM8`; the systematic name when there is none).
    pub perturbed_gene_name: String,
    /// Whole or in part.
    pub damage: GeneDamage,
}

fn haploid() -> Zygosity {
    Zygosity::Haploid
}

fn is_haploid(z: &Zygosity) -> bool {
    *z == Zygosity::Haploid
}

/// Mating type.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MatingType {
    /// MATa.
    #[serde(rename = "MATa")]
    A,
    /// MATα.
    #[serde(rename = "MATα")]
    Alpha,
    /// MATa/α (a diploid).
    #[serde(rename = "MATa/α")]
    AAlpha,
}

impl fmt::Display for MatingType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::A => "MATa",
            Self::Alpha => "MATα",
            Self::AAlpha => "MATa/α",
        })
    }
}

impl MatingType {
    /// Parses `MATa`, `MATα`, `MATalpha`, `MATa/α`, `MATa/MATα` (case-insensitive prefix).
    pub fn parse(s: &str) -> Option<Self> {
        let t = s.trim();
        let rest = t.strip_prefix("MAT").or_else(|| t.strip_prefix("mat"))?;
        match rest
            .to_lowercase()
            .replace("alpha", "α")
            .replace("/mat", "/")
            .as_str()
        {
            "a" => Some(Self::A),
            "α" => Some(Self::Alpha),
            "a/α" | "α/a" => Some(Self::AAlpha),
            _ => None,
        }
    }

    /// How a genotype string writes it: `MATa`, `MATα`, and for a diploid `MATa/α` — the field's
    /// convention (SGD's and the strain collections' BY4743: `MATa/α his3Δ1/his3Δ1 …`), the MATa
    /// copy first as in every other diploid token. `MATa/MATα` is still read ([`Self::parse`]).
    pub fn genotype_token(self) -> &'static str {
        match self {
            Self::A => "MATa",
            Self::Alpha => "MATα",
            Self::AAlpha => "MATa/α",
        }
    }
}

/// In a MATa/α diploid, which copy an allele is on, named by the mating type of the haploid
/// parent that brought it: BY4743 is BY4741 (MATa; met15Δ0) × BY4742 (MATα; lys2Δ0), so its
/// met15Δ0 is on the MATa copy and its lys2Δ0 on the MATα copy (Brachmann et al. 1998, Yeast
/// 14:115–132, doi 10.1002/(SICI)1097-0061(19980130)14:2<115::AID-YEA204>3.0.CO;2-2). A genotype
/// string writes the MATa copy first: `met15Δ0/MET15`, `LYS2/lys2Δ0`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DiploidCopy {
    /// The MATa parent's copy.
    #[serde(rename = "MATa")]
    A,
    /// The MATα parent's copy.
    #[serde(rename = "MATα")]
    Alpha,
}

/// How many copies of an allele a (possibly diploid) background carries.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Zygosity {
    /// The one copy of a haploid.
    Haploid,
    /// Both copies of a diploid.
    Homozygous,
    /// One of two copies: recorded, not applied to the (single) edited sequence.
    Heterozygous,
}

impl Zygosity {
    /// Its word in the views and specs: `haploid`, `homozygous`, `heterozygous`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Haploid => "haploid",
            Self::Homozygous => "homozygous",
            Self::Heterozygous => "heterozygous",
        }
    }
}

/// One allele of a strain background.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackgroundAllele {
    /// Allele name (`his3Δ1`).
    pub name: String,
    /// Systematic name of the locus (`YOR202W`).
    pub systematic_gene_name: String,
    /// Standard name of the locus now (`HIS3`; `MET17` for met15Δ0).
    pub locus: String,
    /// Copies.
    pub zygosity: Zygosity,
    /// For a heterozygous allele of a MATa/α diploid, the copy it is on (absent otherwise, and
    /// in specs written before it was recorded: then written first, as on the MATa copy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy: Option<DiploidCopy>,
    /// The edits that realise it (empty when not applied: heterozygous alleles).
    pub edit_ids: Vec<EditId>,
    /// What the lesion is and how it was located.
    pub lesion: String,
}

/// A strain background.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Background {
    /// Strain name (`BY4741`).
    pub name: String,
    /// Mating type.
    pub mating_type: MatingType,
    /// 1 or 2.
    pub ploidy: u8,
    /// Its alleles.
    pub alleles: Vec<BackgroundAllele>,
}

/// A set of genes the design is about (for the ML views), by systematic name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeneSet {
    /// A name for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Systematic names, in the order given.
    pub genes: Vec<String>,
}

/// When and with what a design was made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// `genoforge`.
    pub tool: String,
    /// Its version.
    pub version: String,
    /// When the design was first exported (RFC 3339); kept on re-export.
    pub created: String,
}

impl Provenance {
    /// This build of genoforge, at `created`.
    pub fn now(created: impl Into<String>) -> Self {
        Self {
            tool: "genoforge".to_owned(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
            created: created.into(),
        }
    }
}

/// The genetic meaning of a design: background, perturbations, gene set, provenance.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Genotype {
    /// The strain background.
    pub background: Option<Background>,
    /// Gene-level perturbations on top of it.
    pub perturbations: Vec<Perturbation>,
    /// The genes the design is about.
    pub gene_set: Option<GeneSet>,
    /// Set when the design came from a spec.
    pub provenance: Option<Provenance>,
    /// The design's name, when the user gave one (see [`Genotype::display_name`]).
    pub name: Option<String>,
}

impl Genotype {
    /// The design's name: the one given, else the strain and the first three designations
    /// (`BY4741 PHO5-GFP(S65T)::kanMX6`), else `S288C`.
    pub fn display_name(&self) -> String {
        if let Some(n) = self
            .name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            return n.to_owned();
        }
        let mut parts = vec![
            self.background
                .as_ref()
                .map_or_else(|| "S288C".to_owned(), |b| b.name.clone()),
        ];
        parts.extend(
            self.perturbations
                .iter()
                .take(3)
                .map(|p| p.designation.clone()),
        );
        if self.perturbations.len() > 3 {
            parts.push(format!("+{} more", self.perturbations.len() - 3));
        }
        parts.join(" ")
    }

    /// Forgets an edit: perturbations realised only by it go; alleles keep their record but are
    /// no longer applied.
    pub fn forget_edit(&mut self, id: EditId) {
        for p in &mut self.perturbations {
            p.edit_ids.retain(|e| *e != id);
        }
        self.perturbations.retain(|p| !p.edit_ids.is_empty());
        if let Some(b) = &mut self.background {
            for a in &mut b.alleles {
                a.edit_ids.retain(|e| *e != id);
            }
        }
    }

    /// The design's genotype as datasets key it: the systematic names of its perturbed genes,
    /// upper-cased, sorted, deduplicated. Gene additions are left out (they name an added
    /// feature, not a gene of the reference), and so is the background (his3Δ1, leu2Δ0, … are the
    /// strain every dataset's genotypes sit on, not perturbations of the design).
    pub fn perturbed_genes(&self) -> Vec<String> {
        let mut genes: Vec<String> = self
            .perturbations
            .iter()
            .filter(|p| p.perturbation_type != PerturbationType::GeneAddition)
            .map(|p| p.systematic_gene_name.trim().to_ascii_uppercase())
            .filter(|s| !s.is_empty())
            .collect();
        crate::core::sort::sort(&mut genes);
        genes.dedup();
        genes
    }

    /// The perturbation or allele an edit realises, for labels ("tfc3Δ::kanMX4").
    pub fn designation_of(&self, id: EditId) -> Option<&str> {
        self.perturbations
            .iter()
            .find(|p| p.edit_ids.contains(&id))
            .map(|p| p.designation.as_str())
            .or_else(|| {
                self.background
                    .as_ref()?
                    .alleles
                    .iter()
                    .find(|a| a.edit_ids.contains(&id))
                    .map(|a| a.name.as_str())
            })
    }
}
