//! A design's genotype checked against its edits: each perturbation's gene is touched by its edits,
//! a region deletion lists exactly the genes its edits overlap, every edit realises a perturbation
//! or a background allele, and no haploid design — nor a diploid on both copies (homozygous) —
//! deletes a gene the deletion project found essential (Giaever et al. 2002,
//! [`crate::core::genetics::essential::SOURCE`]; essential: no viable haploid deletion mutant, so
//! the homozygous diploid deletion is not viable either) — nor trims a neighbour's CDS, nor nulls
//! one by a point mutation (start codon lost, nonsense: `null_allele.rs`) —, no selectable marker
//! is used twice (`markers.rs`), no promoter swap reaches another feature unsaid
//! (`promoter_neighbours.rs`), no N-terminal tag goes unwarned before a likely signal peptide or
//! signal-anchor (`signal_peptide.rs`, a heuristic after von Heijne 1986), no C-terminal tag
//! unwarned after a likely C-terminal signal (`c_terminal_signal.rs`), and no edit removes a
//! centromere, origin, telomere or LTR, or adds a second centromere, unsaid (`elements_hit.rs`,
//! from SGD's feature table), and what a heterozygous change does beside its gene on its one copy
//! is said (`one_copy.rs`), as are edits of the mitochondrial genome (`mitochondrial_hit.rs`) and
//! heterozygous changes of one gene whose copies are not recorded (`cis_trans.rs`). Each kind has a weight, [`Concern`]. The finding types are
//! `finding.rs`; the essential genes damaged beside a perturbation's own, `essential_hit.rs`.
//! What `validate` reports; [`warnings`], the biology among it, is what `design` and `apply`
//! print. Nothing here refuses a design.

use crate::core::coord::Span;
use crate::core::design::Design;
use crate::core::design::genotype::{GeneDamage, Perturbation, PerturbationType};
use crate::core::edit::Edit;
use crate::core::edit::helpers::resolve_gene;
use crate::core::genetics::c_terminal_signal;
use crate::core::genetics::cis_trans::{cis_trans_findings, copies_findings};
use crate::core::genetics::elements_hit::element_findings;
use crate::core::genetics::essential::{EssentialityTable, SOURCE};
use crate::core::genetics::essential_hit::{collateral_essential, unnamed_essential};
use crate::core::genetics::finding::{Finding, FindingKind, essential_finding, gene_label as name};
use crate::core::genetics::markers::reused_markers;
use crate::core::genetics::mitochondrial_hit::mitochondrial_finding;
use crate::core::genetics::null_allele::null_effect;
use crate::core::genetics::one_copy::one_copy_findings;
use crate::core::genetics::promoter_neighbours::reached_features;
use crate::core::genetics::region::damaged_genes;
use crate::core::genetics::signal_peptide;
use crate::core::genome::Genome;
use crate::core::lift::Lifted;

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
                // Two heterozygous null alleles of one gene are its two copies (in trans: a
                // deletion removes the gene, a start-codon loss or an early stop makes no
                // protein), whether or not they are applied to the one edited sequence: the
                // diploid has no functional copy (`tub1Δ::kanMX4/tub1Δ::natMX4`,
                // `cdc28-c.3G>T(M1?)/cdc28Δ::natMX4`).
                let het = crate::core::design::genotype::Zygosity::Heterozygous;
                let null = |q: &crate::core::design::genotype::Perturbation| {
                    q.perturbation_type.removes_gene()
                        || (q.perturbation_type == PerturbationType::PointMutation && {
                            let all: Vec<&Edit> = q
                                .edit_ids
                                .iter()
                                .filter_map(|&id| design.edit(id))
                                .collect();
                            null_effect(genome, gene, &all).is_some()
                        })
                };
                let first_copy = (p.zygosity == het && design.in_effect(p) && null(p))
                    .then(|| {
                        g.perturbations[..index].iter().find(|q| {
                            q.zygosity == het
                                && design.in_effect(q)
                                && q.systematic_gene_name
                                    .eq_ignore_ascii_case(&p.systematic_gene_name)
                                && null(q)
                        })
                    })
                    .flatten();
                if let Some(first) = first_copy
                    && essential.is_essential(&p.systematic_gene_name)
                {
                    let both = format!("{}/{}", first.designation, p.designation);
                    let gene_name = name(&p.perturbed_gene_name, &p.systematic_gene_name);
                    if deletes && first.perturbation_type.removes_gene() {
                        out.push(essential_finding(&both, &gene_name, GeneDamage::Deleted));
                    } else {
                        out.push(Finding {
                            kind: FindingKind::EssentialNullAllele,
                            perturbation: None,
                            message: format!(
                                "{both} leaves no functional copy of {gene_name} (a deletion or a likely null allele on each copy), essential in the {SOURCE}: not viable"
                            ),
                        });
                    }
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
                                "{} {effect} of {} on every copy, essential in the {SOURCE}: a likely null allele, not viable {}",
                                p.designation,
                                name(&p.perturbed_gene_name, &p.systematic_gene_name),
                                if haploid {
                                    "in a haploid"
                                } else {
                                    "(no functional copy in the diploid)"
                                }
                            ),
                        });
                    }
                }
                if p.perturbation_type == PerturbationType::CTerminalTag
                    && let Some(s) = c_terminal_signal::of_gene(genome, gene)
                {
                    out.push(Finding {
                        kind: FindingKind::CTerminalSignalTagged,
                        perturbation: None,
                        message: format!(
                            "{}: {}",
                            p.designation,
                            c_terminal_signal::c_tag_warning(
                                &p.perturbed_gene_name,
                                &p.systematic_gene_name,
                                &s
                            )
                        ),
                    });
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
        out.extend(mitochondrial_finding(genome, p, &edits));
        // Everything found while reading this perturbation is about it.
        for f in &mut out[from..] {
            f.perturbation = Some(index);
        }
    }
    out.extend(element_findings(genome, design));
    out.extend(one_copy_findings(genome, design));
    // What needs copies or markers is what the strain carries: the perturbations in effect (a
    // disabled edit's is not), their findings pointed back at the genotype's own indices.
    let effect = design.genotype_in_effect();
    let back: Vec<usize> = (0..g.perturbations.len())
        .filter(|&i| design.in_effect(&g.perturbations[i]))
        .collect();
    for mut f in cis_trans_findings(&effect)
        .into_iter()
        .chain(copies_findings(&effect))
    {
        f.perturbation = f.perturbation.and_then(|i| back.get(i).copied());
        out.push(f);
    }
    out.extend(crate::core::genetics::cis_trans::applied_heterozygous_findings(design));
    out.extend(reused_markers(&effect).into_iter().map(|message| Finding {
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
