//! What a planned operation would do, before it is confirmed: its designation, coordinates and
//! length change, every gene it touches (with SGD's ORF class) and what the Saccharomyces Genome
//! Deletion Project says of each (essential, viable, not tested).

use crate::core::design::Design;
use crate::core::edit::EditError;
use crate::core::edit::validate::EditDesc;
use crate::core::genetics::compose::Plan;
use crate::core::genetics::essential::{Essentiality, EssentialityTable};
use crate::core::genome::Genome;
use crate::core::genome::feature::FeatureIdx;
use crate::core::lift::{EffectKind, Lifted};

/// How an operation touches one gene (the worst of its effects on the gene's lines).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneEffect {
    /// The gene-level feature.
    pub gene: FeatureIdx,
    /// Systematic name.
    pub systematic: String,
    /// Standard name (or systematic).
    pub name: String,
    /// SGD's class, when known (`dubious`).
    pub class: Option<&'static str>,
    /// The worst effect.
    pub effect: EffectKind,
    /// What the deletion collection says of it (Giaever et al. 2002).
    pub essentiality: Essentiality,
    /// For an essential neighbour of a gene deletion whose own haploid deletion the project found
    /// viable: what that allele did to it
    /// ([`crate::core::genetics::collection_allele::collection_viable`]) — said instead of the lethal
    /// claim.
    pub collection_viable: Option<String>,
}

impl GeneEffect {
    /// `trims YAL019W-A (dubious)`.
    pub fn sentence(&self) -> String {
        let name = if self.name == self.systematic {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.systematic)
        };
        match self.class {
            Some(c) => format!("{} {name}, {c}", self.effect.verb()),
            None => format!("{} {name}", self.effect.verb()),
        }
    }
}

/// The preview of a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// The designation (`tfc3Δ::kanMX4`).
    pub designation: String,
    /// Each edit, described with its coordinates.
    pub edits: Vec<EditDesc>,
    /// Net change of the contig's length.
    pub length_change: i64,
    /// Every gene touched, the plan's target first.
    pub genes: Vec<GeneEffect>,
    /// What the model leaves out, in sentences (a marker deletion's extent:
    /// [`crate::core::genetics::compose::deletion_extent_note`]).
    pub notes: Vec<String>,
}

impl Preview {
    /// Genes other than the target.
    pub fn also(&self) -> impl Iterator<Item = &GeneEffect> {
        self.genes.iter().skip(1)
    }

    /// The essential genes touched in a way a haploid is not expected to survive: removed,
    /// trimmed or disrupted (not tagged in frame, substituted or merely re-phased), unless the
    /// deletion collection's own allele of the target was viable ([`GeneEffect::collection_viable`]).
    pub fn essential(&self) -> impl Iterator<Item = &GeneEffect> {
        self.genes.iter().filter(|g| {
            g.essentiality == Essentiality::Essential
                && g.collection_viable.is_none()
                && !matches!(
                    g.effect,
                    EffectKind::PhaseChanged | EffectKind::Fused | EffectKind::Substituted
                )
        })
    }
}

fn severity(k: EffectKind) -> u8 {
    match k {
        EffectKind::Dropped | EffectKind::Orphaned => 0,
        EffectKind::Trimmed => 1,
        EffectKind::Disrupted => 2,
        EffectKind::Fused => 3,
        EffectKind::Substituted => 4,
        EffectKind::PhaseChanged => 5,
    }
}

/// Previews `plan` on `design` without changing it. Fails as applying would.
pub fn preview(
    genome: &Genome,
    design: &Design,
    plan: &Plan,
    essentiality: &EssentialityTable,
) -> Result<Preview, EditError> {
    let mut trial = design.clone();
    let ids = trial
        .add_all(genome, plan.requests.iter().cloned())
        .map_err(|(_, e)| e)?;
    let lifted = Lifted::new(genome, &trial);
    let mut genes: Vec<GeneEffect> = Vec::new();
    for id in &ids {
        for e in lifted.effects_of(*id) {
            let gene = genome.top_ancestor(e.feature);
            let f = genome.feature(gene);
            if f.kind.is_sequence_level() {
                continue;
            }
            match genes.iter_mut().find(|g| g.gene == gene) {
                Some(g) if severity(e.kind) < severity(g.effect) => g.effect = e.kind,
                Some(_) => {}
                None => {
                    let (systematic, name) = genome.gene_names(gene);
                    genes.push(GeneEffect {
                        essentiality: essentiality.of(&systematic),
                        class: genome
                            .gene_info(gene)
                            .and_then(|i| i.orf_class)
                            .map(|c| c.label()),
                        gene,
                        systematic,
                        name,
                        effect: e.kind,
                        collection_viable: None,
                    });
                }
            }
        }
    }
    // The target first, then by severity and position.
    let target = plan.perturbation.systematic_gene_name.to_ascii_uppercase();
    crate::core::sort::sort_by_key(&mut genes, |g| {
        (
            g.systematic.to_ascii_uppercase() != target,
            severity(g.effect),
            g.gene,
        )
    });
    for g in genes.iter_mut().skip(1) {
        if g.essentiality == Essentiality::Essential {
            let label = crate::core::genetics::finding::gene_label(&g.name, &g.systematic);
            g.collection_viable = crate::core::genetics::collection_allele::collection_viable(
                genome,
                essentiality,
                &plan.perturbation,
                &g.systematic,
                &label,
            );
        }
    }
    Ok(Preview {
        notes: crate::core::genetics::compose::deletion_extent_note(&plan.perturbation)
            .into_iter()
            .collect(),
        designation: plan.perturbation.designation.clone(),
        edits: ids
            .iter()
            .filter_map(|id| trial.edit(*id))
            .map(|e| Design::describe(genome, e, false))
            .collect(),
        length_change: ids
            .iter()
            .filter_map(|id| trial.edit(*id))
            .map(|e| e.length_change())
            .sum(),
        genes,
    })
}
