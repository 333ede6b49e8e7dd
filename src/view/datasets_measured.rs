//! "The design meets the data" (issue 11 §4), as plain data: the design's genotype as datasets key
//! it, how it was formed (what was left out), which loaded datasets hold exactly that genotype,
//! and per perturbed gene which datasets cover it, with counts by genotype size and examples.
//!
//! Datasets key genotypes by gene alone, so a gene's data is of the dataset's kind of strain:
//! deletion strains' measurements meet only a design that removes the gene (a deletion, a marker
//! deletion, the ORF replaced); a point mutation, a tag or a promoter swap of the gene is another
//! allele, shown as not matching ([`StrainFit`]), and a genotype holding one is never an exact
//! match.

use crate::core::coord::thousands;
use crate::core::datasets::catalog::Catalog;
use crate::core::datasets::info::PerturbationKind;
use crate::core::datasets::measured::MeasuredIn;
use crate::core::design::genotype::{Genotype, Perturbation, PerturbationType};

/// Whether a dataset's strains are of the kind a design gene's perturbations make.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum StrainFit {
    /// The design removes the gene and the dataset holds deletion strains: its measurements are
    /// of this gene's loss.
    Matches,
    /// The design's allele is not the dataset's kind: a point mutation, tag or promoter swap
    /// against deletion strains, or a deletion against a dataset with no deletion strains.
    Differs,
    /// The dataset does not say what kind of strains it holds (an imported table).
    NotStated,
}

impl StrainFit {
    /// A word for `data-fit` attributes.
    pub fn css(self) -> &'static str {
        match self {
            Self::Matches => "matches",
            Self::Differs => "differs",
            Self::NotStated => "not-stated",
        }
    }
}

/// Whether a perturbation removes its gene's coding sequence: a deletion, a marker deletion, or
/// the gene replaced whole by another sequence.
fn removes_gene(t: PerturbationType) -> bool {
    matches!(
        t,
        PerturbationType::Deletion
            | PerturbationType::KanmxDeletion
            | PerturbationType::NatmxDeletion
            | PerturbationType::HphmxDeletion
            | PerturbationType::GeneReplacement
    )
}

/// A perturbation's kind for people, in a sentence (`a point mutation`).
fn kind_words(t: PerturbationType) -> &'static str {
    match t {
        PerturbationType::Deletion => "a deletion",
        PerturbationType::KanmxDeletion
        | PerturbationType::NatmxDeletion
        | PerturbationType::HphmxDeletion => "a marker deletion",
        PerturbationType::GeneReplacement => "a gene replacement",
        PerturbationType::GeneAddition => "a gene addition",
        PerturbationType::SequenceVariant => "a sequence variant",
        PerturbationType::CTerminalTag => "a C-terminal tag",
        PerturbationType::NTerminalTag => "an N-terminal tag",
        PerturbationType::PointMutation => "a point mutation",
        PerturbationType::PromoterReplacement => "a promoter swap",
        PerturbationType::RegionDeletion => "a region deletion",
    }
}

/// The dataset's strain kinds, by id; `None` when the catalog does not know it.
fn strain_kinds<'c>(catalog: &'c Catalog, id: &str) -> Option<&'c [PerturbationKind]> {
    catalog
        .index(id)
        .map(|i| catalog.entries[i].info.perturbations.as_slice())
}

/// How a gene perturbed by `perturbations` meets a dataset whose strains are of `kinds`, and the
/// words saying so.
fn fit(perturbations: &[&Perturbation], kinds: Option<&[PerturbationKind]>) -> (StrainFit, String) {
    let kinds = kinds.unwrap_or_default();
    let strains = {
        let words: Vec<String> = kinds.iter().map(|k| k.as_str().replace('_', " ")).collect();
        words.join(", ")
    };
    let loss = !perturbations.is_empty()
        && perturbations
            .iter()
            .all(|p| removes_gene(p.perturbation_type));
    let deletions = kinds.iter().any(|k| k.removes_gene());
    if kinds.is_empty() {
        return (StrainFit::NotStated, "strain kind not stated".to_owned());
    }
    if loss && deletions {
        return (
            StrainFit::Matches,
            format!("gene loss, as its deletion strains ({strains})"),
        );
    }
    let other = perturbations
        .iter()
        .find(|p| !removes_gene(p.perturbation_type))
        .map(|p| format!("{}, {}", p.designation, kind_words(p.perturbation_type)));
    (
        StrainFit::Differs,
        match other {
            Some(o) => format!("not this allele: its strains are {strains}; {o}"),
            None => format!("not a gene loss: its strains are {strains}"),
        },
    )
}

/// One dataset's coverage of one gene.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverageRow {
    /// Dataset id.
    pub id: String,
    /// `0 single, 1,234 double mutants`, `1 single mutant` (sizes without genotypes left out,
    /// single always shown).
    pub counts: String,
    /// `2,345 measurements (genotype × environment)`, `1 measurement (…)`.
    pub records: String,
    /// The first genotypes containing the gene: `{YAL001C, YBR188C} ×2`.
    pub examples: Vec<String>,
    /// Whether its strains are of the kind the design makes of the gene.
    pub fit: StrainFit,
    /// That, in words: `gene loss, as its deletion strains (kanmx deletion, …)`, `not this
    /// allele: its strains are …; gal4-K23A, a point mutation`.
    pub fit_words: String,
}

/// One perturbed gene.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneRow {
    /// `tfc3Δ::kanMX4 (YAL001C)`; every perturbation of the gene, `gal4-K23A; gal4Δ::kanMX4
    /// (YPL248C)` (a diploid's two alleles, a tag and a promoter swap of one gene).
    pub label: String,
    /// Systematic name.
    pub gene: String,
    /// Datasets covering it (empty: in no loaded dataset).
    pub datasets: Vec<CoverageRow>,
}

/// The whole section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeasuredView {
    /// `{YAL001C}`, or empty when the design perturbs no gene.
    pub genotype: String,
    /// How the genotype was formed: what it is and what was left out.
    pub how: String,
    /// `costanzo2016_dmf (environments: 26C, 30C)`, one per dataset holding exactly the genotype
    /// in strains of the design's kind (or of a kind not stated).
    pub exact: Vec<String>,
    /// Datasets holding the genotype's genes in strains of another kind (deletion strains of a
    /// gene the design mutates or tags): `costanzo2016_smf (not this allele: …)`.
    pub other_alleles: Vec<String>,
    /// Per perturbed gene.
    pub genes: Vec<GeneRow>,
}

fn counts(by_size: [u64; 4]) -> String {
    let names = ["single", "double", "triple", "larger"];
    let parts: Vec<(u64, &str)> = by_size
        .iter()
        .zip(names)
        .enumerate()
        .filter(|(i, (n, _))| *i == 0 || **n > 0)
        .map(|(_, (n, name))| (*n, name))
        .collect();
    let last = parts.last().map_or(0, |p| p.0);
    let text: Vec<String> = parts
        .iter()
        .map(|(n, name)| format!("{} {name}", thousands(*n)))
        .collect();
    format!(
        "{} mutant{}",
        text.join(", "),
        if last == 1 { "" } else { "s" }
    )
}

/// The section for a design's `genotype` and what the data says about it (`m`, from
/// `measured_in` over the design's [`Genotype::perturbed_genes`]); `catalog` says each dataset's
/// kinds of strain.
pub fn measured_view(genotype: &Genotype, m: &MeasuredIn, catalog: &Catalog) -> MeasuredView {
    let additions: Vec<&str> = genotype
        .perturbations
        .iter()
        .filter(|p| p.perturbation_type == PerturbationType::GeneAddition)
        .map(|p| p.designation.as_str())
        .collect();
    let background = genotype.background.as_ref().map(|b| {
        let alleles: Vec<&str> = b.alleles.iter().map(|a| a.name.as_str()).collect();
        format!("the {} background ({})", b.name, alleles.join(", "))
    });
    let mut left_out = Vec::new();
    if let Some(b) = background {
        left_out.push(b);
    }
    if !additions.is_empty() {
        left_out.push(format!("gene additions ({})", additions.join(", ")));
    }
    let how = if m.genotype.is_empty() {
        "The design perturbs no gene of the reference: there is no genotype to look up.".to_owned()
    } else {
        format!(
            "The design's genotype is the sorted set of its perturbed genes' systematic names, perturbation type dropped (torchcell's key){}.",
            if left_out.is_empty() {
                String::new()
            } else {
                format!(
                    "; left out: {} — every dataset's strains carry their own background",
                    left_out.join(" and ")
                )
            }
        )
    };
    let of_gene = |gene: &str| -> Vec<&Perturbation> {
        genotype
            .perturbations
            .iter()
            .filter(|p| {
                p.perturbation_type != PerturbationType::GeneAddition
                    && p.systematic_gene_name.trim().eq_ignore_ascii_case(gene)
            })
            .collect()
    };
    let label = |gene: &str| {
        let mut all: Vec<&str> = Vec::new();
        for p in of_gene(gene) {
            if !all.contains(&p.designation.as_str()) {
                all.push(&p.designation);
            }
        }
        if all.is_empty() {
            gene.to_owned()
        } else {
            format!("{} ({gene})", all.join("; "))
        }
    };
    // A dataset holding the genotype is an exact match only when each gene's strains there are of
    // the design's kind.
    let mut exact = Vec::new();
    let mut other_alleles = Vec::new();
    for e in &m.exact {
        let kinds = strain_kinds(catalog, &e.id);
        let differs = m
            .genotype
            .iter()
            .map(|g| fit(&of_gene(g), kinds))
            .find(|(f, _)| *f == StrainFit::Differs);
        match differs {
            Some((_, why)) => other_alleles.push(format!("{} ({why})", e.id)),
            None => {
                let envs: Vec<&str> = e
                    .environments
                    .iter()
                    .map(|s| if s.is_empty() { "not stated" } else { s })
                    .collect();
                exact.push(format!("{} (environments: {})", e.id, envs.join(", ")));
            }
        }
    }
    MeasuredView {
        genotype: if m.genotype.is_empty() {
            String::new()
        } else {
            format!("{{{}}}", m.genotype.join(", "))
        },
        how,
        exact,
        other_alleles,
        genes: m
            .genes
            .iter()
            .map(|g| GeneRow {
                label: label(&g.gene),
                gene: g.gene.clone(),
                datasets: g
                    .datasets
                    .iter()
                    .map(|c| (c, fit(&of_gene(&g.gene), strain_kinds(catalog, &c.id))))
                    .map(|(c, (fit, fit_words))| CoverageRow {
                        fit,
                        fit_words,
                        id: c.id.clone(),
                        counts: counts(c.genotypes_by_size),
                        records: format!(
                            "{} measurement{} (genotype × environment)",
                            thousands(c.records),
                            if c.records == 1 { "" } else { "s" }
                        ),
                        examples: c
                            .examples
                            .iter()
                            .map(|e| format!("{{{}}} ×{}", e.genes.join(", "), e.environments))
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    }
}
