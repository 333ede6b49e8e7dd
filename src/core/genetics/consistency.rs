//! A design's genotype checked against its edits: each perturbation's gene is touched by its edits,
//! a region deletion lists exactly the genes its edits overlap, every edit realises a perturbation
//! or a background allele, and no haploid design — nor a diploid on both copies (homozygous) —
//! deletes a gene the deletion project found essential (Giaever et al. 2002,
//! [`crate::core::genetics::essential::SOURCE`]; essential: no viable haploid deletion mutant, so
//! the homozygous diploid deletion is not viable either) — nor trims a neighbour's CDS, nor nulls
//! one by a point mutation (start codon lost, nonsense: `null_allele.rs`) —, no selectable marker
//! is used twice (`markers.rs`), no promoter swap reaches another feature unsaid
//! (`promoter_neighbours.rs`), no N-terminal tag goes unwarned before a likely signal peptide or
//! signal-anchor (`signal_peptide.rs`, a heuristic after von Heijne 1986), and no edit removes a
//! centromere, origin, telomere or LTR, or adds a second centromere, unsaid (`elements_hit.rs`,
//! from SGD's feature table). Each kind has a weight, [`Concern`].
//! What `validate` reports; [`warnings`], the biology among it, is what `design` and `apply`
//! print. Nothing here refuses a design.

use crate::core::coord::Span;
use crate::core::design::Design;
use crate::core::design::genotype::{GeneDamage, Perturbation, PerturbationType};
use crate::core::edit::Edit;
use crate::core::edit::helpers::resolve_gene;
use crate::core::genetics::elements_hit::{Hit, element_hits};
use crate::core::genetics::essential::{EssentialityTable, SOURCE};
use crate::core::genetics::markers::reused_markers;
use crate::core::genetics::null_allele::null_effect;
use crate::core::genetics::orf::Orf;
use crate::core::genetics::promoter_neighbours::reached_features;
use crate::core::genetics::region::damaged_genes;
use crate::core::genetics::signal_peptide;
use crate::core::genome::Genome;
use crate::core::lift::{EffectKind, Lifted};

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
                | Self::EssentialNullAllele
                | Self::CentromereRemoved
                | Self::CentromereInserted
                | Self::OriginRemoved
                | Self::TelomereRemoved
                | Self::LtrRemoved
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
            | Self::OriginRemoved
            | Self::TelomereRemoved => Concern::Caution,
            Self::LtrRemoved
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
            Self::EssentialNullAllele => "essential_null_allele",
            Self::CentromereRemoved => "centromere_removed",
            Self::CentromereInserted => "centromere_inserted",
            Self::OriginRemoved => "replication_origin_removed",
            Self::TelomereRemoved => "telomere_removed",
            Self::LtrRemoved => "ltr_removed",
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

/// Whether `edit` overlaps or abuts `extent` (a promoter swap ends at the start codon; an
/// insertion may sit at a gene's end).
fn touches(edit: &Edit, contig: crate::core::genome::contig::ContigId, extent: Span) -> bool {
    edit.contig == contig && edit.span.start() <= extent.end() && edit.span.end() >= extent.start()
}

/// The perturbation's edits, and a finding for each id the design lacks.
fn edits_of<'d>(design: &'d Design, p: &Perturbation, out: &mut Vec<Finding>) -> Vec<&'d Edit> {
    let mut edits = Vec::new();
    for &id in &p.edit_ids {
        match design.edit(id) {
            Some(e) => edits.push(e),
            None => out.push(Finding {
                kind: FindingKind::MissingEdit,
                perturbation: None,
                message: format!(
                    "perturbation {} names edit {}, which the design does not have",
                    p.designation,
                    id.cited()
                ),
            }),
        }
    }
    edits
}

/// Everything wrong between the design's genotype and its edits, in the design's order.
pub fn check(genome: &Genome, design: &Design, essential: &EssentialityTable) -> Vec<Finding> {
    findings(genome, design, essential, None, true)
}

/// [`check`]'s findings, with the lift-over when the caller has one, and the edits no
/// perturbation names listed only when `bookkeeping` (200,000 plain edits are not 200,000
/// warnings for `apply`).
fn findings(
    genome: &Genome,
    design: &Design,
    essential: &EssentialityTable,
    lifted: Option<&Lifted>,
    bookkeeping: bool,
) -> Vec<Finding> {
    let g = design.genotype();
    let mut out = Vec::new();
    let haploid = g.background.as_ref().is_none_or(|b| b.ploidy == 1);
    for (index, p) in g.perturbations.iter().enumerate() {
        let from = out.len();
        let edits = edits_of(design, p, &mut out);
        for f in &mut out[from..] {
            f.perturbation = Some(index);
        }
        let applied = edits.iter().any(|e| design.is_enabled(e.id));
        // Every copy lacks the gene: a haploid, or a homozygous perturbation of a diploid.
        let every_copy =
            haploid || p.zygosity == crate::core::design::genotype::Zygosity::Homozygous;
        match p.perturbation_type {
            PerturbationType::GeneAddition => {}
            PerturbationType::RegionDeletion => {
                let mut found: Vec<(String, String, GeneDamage)> = Vec::new();
                for e in &edits {
                    for d in damaged_genes(genome, e.contig, e.span) {
                        found.push((d.systematic_gene_name, d.perturbed_gene_name, d.damage));
                    }
                }
                let listed: Vec<&str> = p
                    .genes
                    .iter()
                    .map(|d| d.systematic_gene_name.as_str())
                    .collect();
                let unlisted: Vec<String> = found
                    .iter()
                    .filter(|f| !listed.iter().any(|l| l.eq_ignore_ascii_case(&f.0)))
                    .map(|f| name(&f.1, &f.0))
                    .collect();
                let missed: Vec<String> = p
                    .genes
                    .iter()
                    .filter(|d| {
                        !found
                            .iter()
                            .any(|f| f.0.eq_ignore_ascii_case(&d.systematic_gene_name))
                    })
                    .map(|d| name(&d.perturbed_gene_name, &d.systematic_gene_name))
                    .collect();
                if !unlisted.is_empty() {
                    out.push(Finding {
                        kind: FindingKind::RegionGenesDiffer,
                        perturbation: None,
                        message: format!(
                            "region deletion {} damages {} but does not list {}",
                            p.designation,
                            unlisted.join(", "),
                            if unlisted.len() == 1 { "it" } else { "them" }
                        ),
                    });
                }
                if !missed.is_empty() {
                    out.push(Finding {
                        kind: FindingKind::RegionGenesDiffer,
                        perturbation: None,
                        message: format!(
                            "region deletion {} lists {}, which its edits do not reach",
                            p.designation,
                            missed.join(", ")
                        ),
                    });
                }
                if every_copy && applied {
                    for f in found.iter().filter(|f| essential.is_essential(&f.0)) {
                        out.push(essential_finding(&p.designation, &name(&f.1, &f.0), f.2));
                    }
                }
            }
            _ => {
                let Ok(gene) = resolve_gene(genome, &p.systematic_gene_name) else {
                    out.push(Finding {
                        kind: FindingKind::UnknownGene,
                        perturbation: Some(index),
                        message: format!(
                            "perturbation {} names {}, which this genome does not have",
                            p.designation, p.systematic_gene_name
                        ),
                    });
                    continue;
                };
                let contig = genome.feature(gene).contig;
                let extent = genome.extent(gene);
                if !edits.iter().any(|e| touches(e, contig, extent)) {
                    let (s, e) = extent.one_based();
                    out.push(Finding {
                        kind: FindingKind::GeneNotTouched,
                        perturbation: None,
                        message: format!(
                            "perturbation {} names {} ({}:{s}–{e}), but none of its edits ({}) touches it",
                            p.designation,
                            name(&p.perturbed_gene_name, &p.systematic_gene_name),
                            genome.contig(contig).name,
                            if p.edit_ids.is_empty() {
                                "none".to_owned()
                            } else {
                                p.edit_ids.iter().map(|i| i.cited().to_string()).collect::<Vec<_>>().join(", ")
                            }
                        ),
                    });
                }
                if p.perturbation_type == PerturbationType::PromoterReplacement {
                    for e in edits.iter().filter(|e| e.contig == contig) {
                        for message in
                            reached_features(genome, contig, e.span, gene, &p.designation)
                        {
                            out.push(Finding {
                                kind: FindingKind::PromoterReachesFeature,
                                perturbation: None,
                                message,
                            });
                        }
                    }
                }
                let deletes = p.perturbation_type.removes_gene();
                if every_copy
                    && applied
                    && deletes
                    && essential.is_essential(&p.systematic_gene_name)
                {
                    out.push(essential_finding(
                        &p.designation,
                        &name(&p.perturbed_gene_name, &p.systematic_gene_name),
                        GeneDamage::Deleted,
                    ));
                }
                if every_copy && applied {
                    let enabled: Vec<&Edit> = edits
                        .iter()
                        .copied()
                        .filter(|e| design.is_enabled(e.id))
                        .collect();
                    out.extend(collateral_essential(genome, essential, p, &enabled));
                    if p.perturbation_type == PerturbationType::PointMutation
                        && essential.is_essential(&p.systematic_gene_name)
                        && let Some(effect) = null_effect(genome, gene, &enabled)
                    {
                        out.push(Finding {
                            kind: FindingKind::EssentialNullAllele,
                            perturbation: None,
                            message: format!(
                                "{} {effect} of {} on every copy, essential in the {SOURCE}: a likely null allele, not viable in a haploid",
                                p.designation,
                                name(&p.perturbed_gene_name, &p.systematic_gene_name)
                            ),
                        });
                    }
                }
                if p.perturbation_type == PerturbationType::NTerminalTag
                    && let Some(sp) = signal_peptide::of_gene(genome, gene)
                {
                    out.push(Finding {
                        kind: match sp.kind {
                            signal_peptide::NTerminal::SignalPeptide => {
                                FindingKind::SignalPeptideTagged
                            }
                            signal_peptide::NTerminal::SignalAnchor => {
                                FindingKind::SignalAnchorTagged
                            }
                        },
                        perturbation: None,
                        message: format!(
                            "{}: {}",
                            p.designation,
                            signal_peptide::n_tag_warning(
                                &p.perturbed_gene_name,
                                &p.systematic_gene_name,
                                &sp
                            )
                        ),
                    });
                }
            }
        }
        // Everything found while reading this perturbation is about it.
        for f in &mut out[from..] {
            f.perturbation = Some(index);
        }
    }
    out.extend(element_findings(genome, design));
    out.extend(reused_markers(g).into_iter().map(|message| Finding {
        kind: FindingKind::MarkerReused,
        perturbation: None,
        message,
    }));
    let named = |id| {
        g.perturbations.iter().any(|p| p.edit_ids.contains(&id))
            || g.background
                .as_ref()
                .is_some_and(|b| b.alleles.iter().any(|a| a.edit_ids.contains(&id)))
    };
    out.extend(unnamed_essential(genome, design, essential, lifted, &named));
    if !bookkeeping {
        return out;
    }
    for e in design.edits().iter().filter(|e| !named(e.id)) {
        let (s, t) = e.span.one_based();
        out.push(Finding {
            kind: FindingKind::EditWithoutPerturbation,
            perturbation: None,
            message: format!(
                "edit {} ({} {}:{s}–{t}{}) realises no perturbation or background allele",
                e.id.cited(),
                e.op,
                genome.contig(e.contig).name,
                e.label
                    .as_deref()
                    .map_or(String::new(), |l| format!(", {l}"))
            ),
        });
    }
    out
}

/// The findings of [`check`] about the strain's biology ([`FindingKind::is_biology`]): an
/// essential gene deleted or damaged, a marker used twice, a promoter swap reaching another
/// feature — what `design` and `apply` print beside their outputs.
/// `lifted` is the design's lift-over, when the caller has it (computed here if needed).
pub fn warnings(
    genome: &Genome,
    design: &Design,
    essential: &EssentialityTable,
    lifted: Option<&Lifted>,
) -> Vec<Finding> {
    let mut out = findings(genome, design, essential, lifted, false);
    out.retain(|f| f.kind.is_biology());
    // Each sentence once (a marker reused by several tags is one finding, not one per tag).
    let mut seen = std::collections::HashSet::new();
    out.retain(|f| seen.insert(f.message.clone()));
    out
}

/// The biology findings ([`FindingKind::is_biology`]) about each perturbation, as (index in the
/// genotype's `perturbations`, finding), in the design's order: an essential gene it deletes on
/// every copy, a feature its promoter swap reaches, a likely signal peptide its N-terminal tag
/// precedes — what the spec writes on the perturbation. Findings about the design as a whole (a
/// marker used twice, an unnamed edit) are left out. Computes no lift-over.
pub fn perturbation_warnings(
    genome: &Genome,
    design: &Design,
    essential: &EssentialityTable,
) -> Vec<(usize, Finding)> {
    let mut seen = std::collections::HashSet::new();
    findings(genome, design, essential, None, false)
        .into_iter()
        .filter(|f| f.kind.is_biology())
        .filter_map(|f| f.perturbation.map(|i| (i, f)))
        .filter(|(i, f)| seen.insert((*i, f.message.clone())))
        .collect()
}

/// Essential genes that enabled edits no perturbation or allele names delete, trim or disrupt
/// (an edits file's plain deletions): read from the lift-over, so only applied edits count — all
/// copies of the single edited sequence.
fn unnamed_essential(
    genome: &Genome,
    design: &Design,
    essential: &EssentialityTable,
    lifted: Option<&Lifted>,
    named: &dyn Fn(crate::core::edit::EditId) -> bool,
) -> Vec<Finding> {
    if design
        .edits()
        .iter()
        .all(|e| named(e.id) || !design.is_enabled(e.id))
    {
        return Vec::new();
    }
    let own;
    let lifted = match lifted {
        Some(l) => l,
        None => {
            own = Lifted::new(genome, design);
            &own
        }
    };
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for effect in lifted.effects() {
        let damage = match effect.kind {
            EffectKind::Dropped => GeneDamage::Deleted,
            EffectKind::Trimmed => GeneDamage::Trimmed,
            EffectKind::Disrupted => GeneDamage::Disrupted,
            _ => continue,
        };
        let f = genome.feature(effect.feature);
        if named(effect.edit) || !f.parents.is_empty() || !f.kind.is_gene_like() {
            continue;
        }
        let (systematic, standard) = genome.gene_names(effect.feature);
        if !essential.is_essential(&systematic) || !seen.insert((effect.edit, effect.feature)) {
            continue;
        }
        let edit = design.edit(effect.edit);
        let (s, e) = edit.map_or((0, 0), |e| e.span.one_based());
        let label = edit
            .and_then(|e| e.label.clone())
            .unwrap_or_else(|| format!("edit {}", effect.edit.cited()));
        out.push(essential_finding(
            &format!("{label} ({}:{s}–{e})", genome.contig(f.contig).name),
            &name(&standard, &systematic),
            damage,
        ));
    }
    out
}

/// Essential genes other than its own that a perturbation's enabled edits damage (a neighbour
/// whose CDS a gene deletion trims: `bud30Δ::kanMX4` takes RPC53's start codon), read from the
/// genes' extents as the lift-over reads them. Point mutations' substitutions are left to
/// [`null_effect`]; region deletions list their genes themselves.
fn collateral_essential(
    genome: &Genome,
    essential: &EssentialityTable,
    p: &Perturbation,
    edits: &[&Edit],
) -> Vec<Finding> {
    if p.perturbation_type == PerturbationType::PointMutation {
        return Vec::new();
    }
    let mut out = Vec::new();
    for e in edits.iter().filter(|e| !e.span.is_empty()) {
        for d in damaged_genes(genome, e.contig, e.span) {
            if d.systematic_gene_name
                .eq_ignore_ascii_case(&p.systematic_gene_name)
                || !essential.is_essential(&d.systematic_gene_name)
            {
                continue;
            }
            let start_codon = resolve_gene(genome, &d.systematic_gene_name)
                .ok()
                .and_then(|g| Orf::of(genome, g).ok())
                .and_then(|o| o.ref_pos(0))
                .is_some_and(|at| e.span.contains(at));
            let mut f = essential_finding(
                &p.designation,
                &name(&d.perturbed_gene_name, &d.systematic_gene_name),
                d.damage,
            );
            if start_codon {
                f.message =
                    f.message
                        .replacen(" deletes an end of ", " deletes the start codon of ", 1);
            }
            out.push(f);
        }
    }
    out
}

/// The chromosomal elements the enabled edits remove, cut into or add (`elements_hit.rs`),
/// each about the perturbation naming its edit, if any.
fn element_findings(genome: &Genome, design: &Design) -> Vec<Finding> {
    let g = design.genotype();
    let owner = |id| {
        g.perturbations
            .iter()
            .position(|p| p.edit_ids.contains(&id))
    };
    let describe = |e: &Edit| match owner(e.id) {
        Some(i) => g.perturbations[i].designation.clone(),
        None => {
            let (s, t) = e.span.one_based();
            format!(
                "{} ({}:{s}–{t})",
                e.label.clone().unwrap_or_else(|| format!("edit {}", e.id)),
                genome.contig(e.contig).name
            )
        }
    };
    element_hits(genome, design, &describe)
        .into_iter()
        .map(|h| Finding {
            kind: match h.hit {
                Hit::CentromereLost => FindingKind::CentromereRemoved,
                Hit::CentromereAdded => FindingKind::CentromereInserted,
                Hit::OriginRemoved => FindingKind::OriginRemoved,
                Hit::TelomereRemoved => FindingKind::TelomereRemoved,
                Hit::LtrRemoved => FindingKind::LtrRemoved,
            },
            perturbation: owner(h.edit),
            message: h.message,
        })
        .collect()
}

/// `TRM8 (YDL201W)`, or the systematic name alone when it is the standard one.
fn name(standard: &str, systematic: &str) -> String {
    if standard.eq_ignore_ascii_case(systematic) {
        systematic.to_owned()
    } else {
        format!("{standard} ({systematic})")
    }
}

fn essential_finding(designation: &str, gene: &str, damage: GeneDamage) -> Finding {
    let how = match damage {
        GeneDamage::Deleted => "deletes",
        GeneDamage::Trimmed => "deletes an end of",
        GeneDamage::Disrupted => "deletes the inside of",
    };
    Finding {
        kind: FindingKind::EssentialGeneDeleted,
        perturbation: None,
        message: format!(
            "{designation} {how} {gene} on every copy, essential in the {SOURCE}: its haploid deletion was not viable"
        ),
    }
}
