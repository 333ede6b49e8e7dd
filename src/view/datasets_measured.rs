//! "The design meets the data" (issue 11 §4), as plain data: the design's genotype as datasets key
//! it, how it was formed (what was left out), which loaded datasets hold exactly that genotype,
//! and per perturbed gene which datasets cover it, with counts by genotype size and examples.

use crate::core::coord::thousands;
use crate::core::datasets::measured::MeasuredIn;
use crate::core::design::genotype::{Genotype, PerturbationType};

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
}

/// One perturbed gene.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneRow {
    /// `tfc3Δ::kanMX4 (YAL001C)`.
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
    /// `costanzo2016_dmf (environments: 26C, 30C)`, one per dataset holding exactly the genotype.
    pub exact: Vec<String>,
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
/// `measured_in` over the design's [`Genotype::perturbed_genes`]).
pub fn measured_view(genotype: &Genotype, m: &MeasuredIn) -> MeasuredView {
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
    let label = |gene: &str| {
        genotype
            .perturbations
            .iter()
            .find(|p| p.systematic_gene_name.eq_ignore_ascii_case(gene))
            .map_or_else(
                || gene.to_owned(),
                |p| format!("{} ({gene})", p.designation),
            )
    };
    MeasuredView {
        genotype: if m.genotype.is_empty() {
            String::new()
        } else {
            format!("{{{}}}", m.genotype.join(", "))
        },
        how,
        exact: m
            .exact
            .iter()
            .map(|e| {
                let envs: Vec<&str> = e
                    .environments
                    .iter()
                    .map(|s| if s.is_empty() { "not stated" } else { s })
                    .collect();
                format!("{} (environments: {})", e.id, envs.join(", "))
            })
            .collect(),
        genes: m
            .genes
            .iter()
            .map(|g| GeneRow {
                label: label(&g.gene),
                gene: g.gene.clone(),
                datasets: g
                    .datasets
                    .iter()
                    .map(|c| CoverageRow {
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
