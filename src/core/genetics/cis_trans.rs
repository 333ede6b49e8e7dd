//! Heterozygous perturbations of one gene in a diploid: whether they lie on the same copy (in
//! cis, `pGAL1-PHO5-GFP(S65T)::kanMX6/PHO5`) or on the two copies (in trans,
//! `PHO5-GFP(S65T)::kanMX6/pGAL1-PHO5`) is not recorded — a second transformation of a
//! heterozygote lands on either copy — so the genotype writes each against a wild-type copy, and
//! this says so instead of leaving the string to be read as two loci.

use crate::core::design::genotype::{Genotype, Zygosity};
use crate::core::genetics::finding::{Finding, FindingKind, gene_label};

/// One finding per gene that two or more heterozygous perturbations name, about the first of
/// them (index in the genotype's `perturbations`).
pub(crate) fn cis_trans_findings(g: &Genotype) -> Vec<Finding> {
    let mut out = Vec::new();
    let het: Vec<(usize, &crate::core::design::genotype::Perturbation)> = g
        .perturbations
        .iter()
        .enumerate()
        .filter(|(_, p)| p.zygosity == Zygosity::Heterozygous && !p.systematic_gene_name.is_empty())
        .collect();
    let mut done: Vec<String> = Vec::new();
    for (i, p) in &het {
        let key = p.systematic_gene_name.to_ascii_uppercase();
        if done.contains(&key) {
            continue;
        }
        let same: Vec<&str> = het
            .iter()
            .filter(|(_, q)| q.systematic_gene_name.eq_ignore_ascii_case(&key))
            .map(|(_, q)| q.designation.as_str())
            .collect();
        done.push(key);
        if same.len() < 2 {
            continue;
        }
        out.push(Finding {
            kind: FindingKind::HeterozygousSameGene,
            perturbation: Some(*i),
            message: format!(
                "{} are each heterozygous at {}: whether they lie on the same copy (in cis) or on the two copies (in trans) is not recorded, so the genotype writes each against a wild-type copy; say which in the design's description",
                same.join(" and "),
                gene_label(&p.perturbed_gene_name, &p.systematic_gene_name)
            ),
        });
    }
    out
}
