//! Heterozygous perturbations of one gene in a diploid: whether they lie on the same copy (in
//! cis, `pGAL1-PHO5-GFP(S65T)::kanMX6/PHO5`) or on the two copies (in trans,
//! `PHO5-GFP(S65T)::kanMX6/pGAL1-PHO5`) is not recorded — a second transformation of a
//! heterozygote lands on either copy — so the genotype writes each against a wild-type copy, and
//! this says so instead of leaving the string to be read as two loci. And a diploid has two
//! copies: perturbations of one gene that need more (a homozygous deletion beside any other
//! allele of the gene, three heterozygous deletions) are said ([`copies_findings`]).

use crate::core::design::Design;
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
        let same_genes: Vec<&crate::core::design::genotype::Perturbation> = het
            .iter()
            .filter(|(_, q)| q.systematic_gene_name.eq_ignore_ascii_case(&key))
            .map(|(_, q)| *q)
            .collect();
        let same: Vec<&str> = same_genes.iter().map(|q| q.designation.as_str()).collect();
        done.push(key);
        // Two of which one removes the gene are in trans by necessity (`tub1Δ::kanMX4/
        // tub1Δ::natMX4`, `tub1Δ::natMX4/TUB1-GFP(S65T)::kanMX6`): nothing is unrecorded; with
        // two deletions or more among more, no copy is left (`copies_findings`).
        let removing = (same_genes.iter())
            .filter(|q| q.perturbation_type.removes_gene())
            .count();
        if same.len() < 2 || (same.len() == 2 && removing > 0) || removing >= 2 {
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

/// One finding per gene of a diploid whose perturbations need more than its two copies: the
/// copies a gene-removing perturbation takes (2 homozygous, 1 heterozygous) exceed two, or are
/// two while another perturbation of the gene is recorded (it has no copy left to be on:
/// `cdc28Δ::natMX4/CDC28` then `cdc28Δ::kanMX4/cdc28Δ::kanMX4`), or a deletion of the gene sits
/// beside a homozygous allele that keeps it (`pho5Δ::kanMX4/PHO5` with
/// `PHO5-GFP(S65T)/PHO5-GFP(S65T)`: the tag needs both copies). About the last of them. Caution.
pub(crate) fn copies_findings(g: &Genotype) -> Vec<Finding> {
    if g.background.as_ref().is_none_or(|b| b.ploidy != 2) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut done: Vec<String> = Vec::new();
    for p in g
        .perturbations
        .iter()
        .filter(|p| !p.systematic_gene_name.is_empty())
    {
        let key = p.systematic_gene_name.to_ascii_uppercase();
        if done.contains(&key) {
            continue;
        }
        done.push(key.clone());
        let same: Vec<(usize, &crate::core::design::genotype::Perturbation)> = g
            .perturbations
            .iter()
            .enumerate()
            .filter(|(_, q)| q.systematic_gene_name.eq_ignore_ascii_case(&key))
            .collect();
        let removed: u32 = same
            .iter()
            .filter(|(_, q)| q.perturbation_type.removes_gene())
            .map(|(_, q)| {
                if q.zygosity == Zygosity::Homozygous {
                    2
                } else {
                    1
                }
            })
            .sum();
        let others = same
            .iter()
            .filter(|(_, q)| !q.perturbation_type.removes_gene())
            .count();
        // A homozygous allele that keeps the gene (a tag, a point mutation, a promoter swap) is on
        // both copies: no copy is free for a deletion of the gene.
        let both_kept = same.iter().any(|(_, q)| {
            !q.perturbation_type.removes_gene() && q.zygosity == Zygosity::Homozygous
        });
        if !(removed > 2 || (removed == 2 && others > 0) || (removed >= 1 && both_kept)) {
            continue;
        }
        let (last, _) = same[same.len() - 1];
        let alleles: Vec<String> = same
            .iter()
            .map(|(_, q)| crate::core::genetics::nomenclature::perturbation_token(q))
            .collect();
        out.push(Finding {
            kind: FindingKind::AllelesExceedCopies,
            perturbation: Some(last),
            message: format!(
                "{} at {} need more than the diploid's two copies: the gene's deletions take {removed} of them{}; no strain carries all of these, so make an edit heterozygous or remove one",
                alleles.join(" and "),
                gene_label(&p.perturbed_gene_name, &p.systematic_gene_name),
                if both_kept {
                    " and a homozygous allele that keeps the gene needs both"
                } else if others > 0 {
                    " and no copy is left for its other alleles"
                } else {
                    ""
                }
            ),
        });
    }
    out
}

/// One finding per heterozygous perturbation of a diploid with an enabled edit (a hand-edited
/// spec; the app and the CLI keep them disabled): the edited sequence is one copy, and this puts
/// the other copy's allele on it. About that perturbation. Caution.
pub(crate) fn applied_heterozygous_findings(design: &Design) -> Vec<Finding> {
    let g = design.genotype();
    if g.background.as_ref().is_none_or(|b| b.ploidy != 2) {
        return Vec::new();
    }
    g.perturbations
        .iter()
        .enumerate()
        .filter(|(_, p)| p.zygosity == Zygosity::Heterozygous)
        .filter_map(|(i, p)| {
            let on: Vec<String> = (p.edit_ids.iter())
                .filter(|&&id| design.is_enabled(id))
                .map(|id| id.cited().to_string())
                .collect();
            (!on.is_empty()).then(|| Finding {
                kind: FindingKind::HeterozygousApplied,
                perturbation: Some(i),
                message: format!(
                    "{} is heterozygous, yet its edit {} is enabled: it is applied to the one edited sequence, which then carries this copy's allele beside the other copy's; disable it (heterozygous edits are recorded, not applied) or make the perturbation homozygous",
                    crate::core::genetics::nomenclature::perturbation_token(p),
                    on.join(", ")
                ),
            })
        })
        .collect()
}
