//! What the registry says about a dataset: study, prediction level, phenotypes, perturbation types,
//! environments, counts with their sources, and the bundled gene universe when there is one.

use serde::{Deserialize, Serialize};

/// A publication.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Study {
    /// `Costanzo et al.`
    pub authors: String,
    /// Year of publication.
    pub year: u16,
    /// Journal (`Science`).
    pub journal: String,
    /// Volume and article or pages (`353:aaf1420`).
    pub citation: String,
    /// DOI without the resolver (`10.1126/science.aaf1420`).
    pub doi: String,
    /// PubMed id, where it was checked; `None` rather than a guess.
    pub pmid: Option<u32>,
}

impl Study {
    /// `Costanzo et al. 2016, Science 353:aaf1420`.
    pub fn short(&self) -> String {
        format!(
            "{} {}, {} {}",
            self.authors, self.year, self.journal, self.citation
        )
    }

    /// `https://doi.org/…`.
    pub fn doi_url(&self) -> String {
        format!("https://doi.org/{}", self.doi)
    }
}

/// At which level of the cell graph a dataset's phenotype is a prediction target (the design
/// note's levels; torchcell's `graph_level`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PredictionLevel {
    /// One value (or vector) per genotype: fitness, morphology.
    Global,
    /// A value per gene node: expression, GFP abundance.
    NodeGene,
    /// A value per metabolite node: amino-acid levels.
    NodeMetabolite,
    /// Gene nodes, restricted to an organelle: localisation.
    NodeGeneOrganelleSubset,
    /// A global value per genotype and environment (chemical screens).
    GlobalEnvironment,
    /// A value per gene pair: digenic interaction.
    Edge,
    /// A value per gene triple: trigenic interaction.
    Hyperedge,
    /// No phenotype: a strain collection or gene universe.
    Collection,
}

impl PredictionLevel {
    /// How the design note writes it (`node (gene)`).
    pub fn label(self) -> &'static str {
        match self {
            Self::Global => "global",
            Self::NodeGene => "node (gene)",
            Self::NodeMetabolite => "node (metabolite)",
            Self::NodeGeneOrganelleSubset => "node (gene) organelle subset",
            Self::GlobalEnvironment => "global + environment",
            Self::Edge => "edge",
            Self::Hyperedge => "hyperedge",
            Self::Collection => "collection (no phenotype)",
        }
    }

    /// Every level, in the order above.
    pub const ALL: [Self; 8] = [
        Self::Global,
        Self::NodeGene,
        Self::NodeMetabolite,
        Self::NodeGeneOrganelleSubset,
        Self::GlobalEnvironment,
        Self::Edge,
        Self::Hyperedge,
        Self::Collection,
    ];

    /// The snake_case name (as serialised: `node_gene`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Global => "global",
            Self::NodeGene => "node_gene",
            Self::NodeMetabolite => "node_metabolite",
            Self::NodeGeneOrganelleSubset => "node_gene_organelle_subset",
            Self::GlobalEnvironment => "global_environment",
            Self::Edge => "edge",
            Self::Hyperedge => "hyperedge",
            Self::Collection => "collection",
        }
    }

    /// Parses the snake_case name or the label.
    pub fn parse(s: &str) -> Option<Self> {
        let t = s.trim().to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|l| l.as_str() == t || l.label() == t)
    }
}

/// How a gene was perturbed, with torchcell's `perturbation_type` names.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PerturbationKind {
    /// Deletion, marker not stated.
    Deletion,
    /// KanMX gene replacement (the deletion collection; SGA array strains, tag `dma`).
    KanmxDeletion,
    /// NatMX gene replacement in an SGA query strain (tag `sn`).
    SgaNatmxDeletion,
    /// Decreased abundance by mRNA perturbation: KanMX inserted in the 3′ UTR (tag `damp`).
    Damp,
    /// Temperature-sensitive allele (tags `tsq`, `tsa`).
    TemperatureSensitiveAllele,
    /// Another allele.
    Allele,
    /// A suppressor allele.
    SuppressorAllele,
    /// CRISPR activation (dCas fused to an activator).
    CrisprActivation,
    /// CRISPR interference (dCas, repression).
    CrisprInterference,
    /// CRISPR-mediated deletion.
    CrisprDeletion,
}

impl PerturbationKind {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Deletion => "deletion",
            Self::KanmxDeletion => "kanmx_deletion",
            Self::SgaNatmxDeletion => "sga_natmx_deletion",
            Self::Damp => "damp",
            Self::TemperatureSensitiveAllele => "temperature_sensitive_allele",
            Self::Allele => "allele",
            Self::SuppressorAllele => "suppressor_allele",
            Self::CrisprActivation => "crispr_activation",
            Self::CrisprInterference => "crispr_interference",
            Self::CrisprDeletion => "crispr_deletion",
        }
    }

    /// Whether strains of this kind lack the gene: a deletion (with a marker or not, SGA's
    /// query and array strains, CRISPR's). DAmP, ts and other alleles keep a form of it.
    pub fn removes_gene(self) -> bool {
        matches!(
            self,
            Self::Deletion | Self::KanmxDeletion | Self::SgaNatmxDeletion | Self::CrisprDeletion
        )
    }

    /// The kind of an SGA strain id's tag (`YBR188C_sn1898` → `sn` → NatMX deletion); `None` for an
    /// unknown tag.
    pub fn from_sga_tag(tag: &str) -> Option<Self> {
        Self::from_sga_tag_bytes(tag.as_bytes())
    }

    /// [`PerturbationKind::from_sga_tag`] on bytes (no allocation: the importer calls it per row).
    pub fn from_sga_tag_bytes(tag: &[u8]) -> Option<Self> {
        let n = tag.iter().take_while(|c| c.is_ascii_alphabetic()).count();
        let letters = &tag[..n];
        let is = |w: &[u8]| letters.eq_ignore_ascii_case(w);
        if is(b"dma") {
            Some(Self::KanmxDeletion)
        } else if is(b"sn") {
            Some(Self::SgaNatmxDeletion)
        } else if is(b"tsq") || is(b"tsa") {
            Some(Self::TemperatureSensitiveAllele)
        } else if is(b"damp") {
            Some(Self::Damp)
        } else {
            None
        }
    }
}

/// A phenotype a dataset measures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phenotype {
    /// `double-mutant fitness`.
    pub label: String,
    /// `relative growth (wild type = 1)`.
    pub unit: String,
}

/// Where a count comes from.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountSource {
    /// The publication's text or supplementary data.
    Publication,
    /// torchcell's served counts, release 2026.09.21 (`served_counts.md`: experiments served per
    /// dataset class; `shared/data/datasets/torchcell_counts/torchcell_served_counts_2026.09.21.csv`).
    TorchcellServed,
    /// torchcell's pre-build genotype counts of 2026-07-13 (`supported_datasets.json`;
    /// `torchcell_prebuild_genotype_counts_2026.07.13.csv`).
    TorchcellPrebuild,
    /// A count torchcell's documentation states (for example the 5,493 genes of Costanzo's
    /// single-mutant table).
    TorchcellDocs,
    /// Counted in the file shipped in `public/data/`.
    BundledFile,
    /// Computed from files the user imported.
    Imported,
}

impl CountSource {
    /// A short phrase for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Publication => "publication",
            Self::TorchcellServed => "torchcell served counts 2026.09.21",
            Self::TorchcellPrebuild => "torchcell pre-build counts 2026-07-13",
            Self::TorchcellDocs => "torchcell documentation",
            Self::BundledFile => "bundled file",
            Self::Imported => "imported files",
        }
    }
}

/// A number and where it comes from.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    /// The number.
    pub value: u64,
    /// `true` for "about" (`~4,156`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
    /// Where it comes from.
    pub source: CountSource,
}

impl Count {
    /// An exact count.
    pub const fn exact(value: u64, source: CountSource) -> Self {
        Self {
            value,
            approximate: false,
            source,
        }
    }

    /// An approximate count.
    pub const fn about(value: u64, source: CountSource) -> Self {
        Self {
            value,
            approximate: true,
            source,
        }
    }
}

/// Records, genotypes and genes, each where known.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Measurements (rows, experiments).
    pub records: Option<Count>,
    /// Distinct genotypes (as the source counts them).
    pub genotypes: Option<Count>,
    /// Distinct perturbed genes.
    pub genes: Option<Count>,
}

/// A gene universe shipped with the app.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundledUniverse {
    /// Path under `public/` (`data/datasets/costanzo2016_genes_dcell.txt`).
    pub path: String,
    /// Licence of the file.
    pub licence: String,
    /// What the list is and how it relates to the dataset.
    pub note: String,
}

/// One dataset of the registry (or one the user made by importing a file).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatasetInfo {
    /// Stable snake_case id (`costanzo2016_dmf`).
    pub id: String,
    /// The design note's name (`Costanzo`), or the name the user typed.
    pub note_name: String,
    /// The publication, when there is one.
    pub study: Option<Study>,
    /// Further publications (Ghaemmaghami et al. 2003 for GFP abundance).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Study>,
    /// torchcell's dataset class (`DmfCostanzo2016Dataset`): the `dataset.id` in its graph.
    pub torchcell_class: Option<String>,
    /// Prediction level.
    pub level: PredictionLevel,
    /// Phenotypes measured.
    pub phenotypes: Vec<Phenotype>,
    /// Perturbation types in its genotypes.
    pub perturbations: Vec<PerturbationKind>,
    /// Environments, in words (`26 °C and 30 °C`).
    pub environments: String,
    /// Number of environments and its source.
    pub environment_count: Option<Count>,
    /// Counts.
    pub counts: Counts,
    /// The shipped gene universe, if any.
    pub universe: Option<BundledUniverse>,
    /// A sentence for whoever reads the registry (what is and is not shipped).
    pub note: String,
}

impl DatasetInfo {
    /// A dataset the user made from a file: id, name, level and phenotype as typed.
    pub fn user(id: &str, name: &str, level: PredictionLevel, phenotype: Option<&str>) -> Self {
        Self {
            id: id.to_owned(),
            note_name: name.to_owned(),
            study: None,
            related: Vec::new(),
            torchcell_class: None,
            level,
            phenotypes: phenotype
                .map(|p| Phenotype {
                    label: p.to_owned(),
                    unit: String::new(),
                })
                .into_iter()
                .collect(),
            perturbations: Vec::new(),
            environments: String::new(),
            environment_count: None,
            counts: Counts::default(),
            universe: None,
            note: "imported by the user".to_owned(),
        }
    }

    /// The phenotype labels joined (`double-mutant fitness; digenic interaction score ε`).
    pub fn phenotype_text(&self) -> String {
        self.phenotypes
            .iter()
            .map(|p| p.label.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Whether `id` is a usable dataset id: 1–64 characters of `a-z`, `0-9`, `_`, starting with a
/// letter.
pub fn is_valid_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && b[0].is_ascii_lowercase()
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'_')
}
