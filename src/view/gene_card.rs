//! What to show about one gene: names, locus, strand, type, class and description.

use crate::core::genome::Genome;
use crate::core::genome::feature::FeatureIdx;
use crate::core::lift::{FeatureStatus, Lifted};
use crate::view::track::gene_class;

/// A gene described for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneCard {
    /// The feature.
    pub gene: FeatureIdx,
    /// Systematic name (`YAL001C`).
    pub systematic: String,
    /// Standard name (`TFC3`), or the systematic name.
    pub standard: String,
    /// Aliases from the feature table that name the gene (`MET15`, `FUN21`).
    pub aliases: Vec<String>,
    /// Protein names from the same column of the feature table (`protein phosphatase regulator
    /// GIP4`): they describe the gene, so they are not shown as aliases
    /// ([`crate::view::search::is_protein_name`]).
    pub protein_names: Vec<String>,
    /// Locus, 1-based with separators: `I:147,594–151,166`.
    pub locus: String,
    /// `+` or `-`.
    pub strand: char,
    /// GFF3 type (`gene`, `ncRNA_gene`, …).
    pub kind: String,
    /// SGD class or type for people (`verified ORF`, `tRNA`).
    pub class: &'static str,
    /// Description (SGD's, else the annotation's).
    pub description: Option<String>,
    /// Length in bases.
    pub length: u64,
    /// The gene's page at the Saccharomyces Genome Database, when the genome carries SGD's feature
    /// table (SGD's locus pages are addressed by systematic name:
    /// `https://www.yeastgenome.org/locus/YAL001C`).
    pub sgd_url: Option<String>,
}

/// SGD's locus page of a gene, by systematic name (the form SGD documents for links).
pub fn sgd_locus_url(systematic: &str) -> String {
    format!("https://www.yeastgenome.org/locus/{systematic}")
}

/// Describes a gene-level feature.
pub fn gene_card(genome: &Genome, gene: FeatureIdx) -> GeneCard {
    let f = genome.feature(gene);
    let (systematic, standard) = genome.gene_names(gene);
    let info = genome.gene_info(gene);
    let extent = genome.extent(gene);
    let description = info
        .and_then(|i| i.description.as_deref().map(str::to_owned))
        .or_else(|| {
            f.attributes().first("description").map(|d| {
                // Ensembl appends "[Source:SGD;Acc:S000…]"; people do not need it.
                d.split(" [Source:").next().unwrap_or(&d).to_owned()
            })
        });
    let (protein_names, aliases): (Vec<String>, Vec<String>) = info
        .map(|i| i.aliases.iter().map(|a| a.to_string()).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .partition(|a| crate::view::search::is_protein_name(a));
    GeneCard {
        gene,
        systematic,
        standard,
        aliases,
        protein_names,
        locus: format!("{}:{extent}", genome.contig(f.contig).name),
        strand: f.strand.symbol(),
        kind: f.kind.to_string(),
        class: gene_class(genome, gene).label(),
        description,
        length: extent.len(),
        sgd_url: info
            .is_some()
            .then(|| sgd_locus_url(&genome.gene_names(gene).0)),
    }
}

/// Where a gene is in the edited genome (its gene-level line lifted through the design).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditedLocation {
    /// All its bases are there, at `locus` in edited coordinates (1-based, with separators:
    /// `II:429,548–431,672`); `status` says how the design changed it (native, shifted, fused,
    /// disrupted, substituted).
    At {
        /// Contig and edited span.
        locus: String,
        /// What happened to the line.
        status: FeatureStatus,
    },
    /// Bases at one or both of its ends were removed (the line is trimmed); what is left is at
    /// `locus` (edited coordinates, as above).
    PartlyDeleted {
        /// Contig and edited span of what is left.
        locus: String,
    },
    /// An edit removed all of it (deleted, or replaced by a cassette).
    Deleted,
    /// An edit's annotation replaced it, though bases of it may remain (MATα1/α2 in MATa:
    /// Yα swapped for Ya, their ends in X and Z1 left unannotated).
    Superseded,
}

impl EditedLocation {
    /// In words for the card: `II:429,548–431,672 (fused)`, `partially deleted: V:31,695–33,000`,
    /// `deleted`, `superseded (…)`; a line the design does not touch says so (`same as the reference`).
    pub fn words(&self) -> String {
        match self {
            Self::At {
                status: FeatureStatus::Unchanged,
                ..
            } => "same as the reference".to_owned(),
            Self::At { locus, status } => format!("{locus} ({})", status.label()),
            Self::PartlyDeleted { locus } => format!("partially deleted: {locus}"),
            Self::Deleted => "deleted".to_owned(),
            Self::Superseded => {
                "superseded (its annotation replaced; bases of it may remain)".to_owned()
            }
        }
    }
}

/// Where `gene` is in the edited genome `lifted` describes (the lift-over of its gene-level line).
pub fn edited_location(genome: &Genome, lifted: &Lifted, gene: FeatureIdx) -> EditedLocation {
    let line = lifted.feature(gene);
    let name = &genome.contig(genome.feature(gene).contig).name;
    match (line.status, line.span) {
        (FeatureStatus::Superseded, _) => EditedLocation::Superseded,
        (status, _) if status.is_gone() => EditedLocation::Deleted,
        (_, None) => EditedLocation::Deleted,
        (status, Some(span)) => {
            let locus = format!("{name}:{span}");
            // Trimmed: bases gone at an end (a fused tag replaces the stop codon, but the line
            // is whole: fused).
            if status == FeatureStatus::Trimmed {
                EditedLocation::PartlyDeleted { locus }
            } else {
                EditedLocation::At { locus, status }
            }
        }
    }
}
