//! Essential genes damaged beside what a perturbation names: a neighbour's CDS a deletion trims
//! (`bud30Δ::kanMX4` takes RPC53's start codon), and essential genes that edits no perturbation
//! names delete, trim or disrupt (read from the lift-over). Essentiality from the deletion project
//! (Giaever et al. 2002, [`crate::core::genetics::essential::SOURCE`]).

use crate::core::design::Design;
use crate::core::design::genotype::{GeneDamage, Perturbation, PerturbationType};
use crate::core::edit::Edit;
use crate::core::edit::helpers::resolve_gene;
use crate::core::genetics::essential::EssentialityTable;
use crate::core::genetics::finding::{Finding, FindingKind, essential_finding, gene_label};
use crate::core::genetics::orf::Orf;
use crate::core::genetics::region::damaged_genes;
use crate::core::genome::Genome;
use crate::core::lift::{EffectKind, Lifted};

/// Essential genes that enabled edits no perturbation or allele names delete, trim or disrupt
/// (an edits file's plain deletions): read from the lift-over, so only applied edits count — all
/// copies of the single edited sequence.
pub(crate) fn unnamed_essential(
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
            &gene_label(&standard, &systematic),
            damage,
        ));
    }
    out
}

/// Essential genes other than its own that a perturbation's enabled edits damage (a neighbour
/// whose CDS a gene deletion trims: `bud30Δ::kanMX4` takes RPC53's start codon), read from the
/// genes' extents as the lift-over reads them. Point mutations' substitutions are left to
/// [`null_effect`]; region deletions list their genes themselves.
pub(crate) fn collateral_essential(
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
            let hit = resolve_gene(genome, &d.systematic_gene_name).ok();
            // A dubious ORF (SGD) overlapping the gene the perturbation is made on: the deletion
            // project's inviable deletion of it cut into that gene (YGL102C, over RPL28's 3′ end),
            // so the flag is the gene's — for a tag or a promoter swap of the gene, not a claim.
            let own = resolve_gene(genome, &p.systematic_gene_name).ok();
            if let (Some(h), Some(own)) = (hit, own)
                && genome.gene_info(h).is_some_and(|i| {
                    i.orf_class == Some(crate::core::genome::gene_info::OrfClass::Dubious)
                })
                && genome.feature(h).contig == genome.feature(own).contig
                && genome.extent(h).overlaps(&genome.extent(own))
                && !p.perturbation_type.removes_gene()
            {
                continue;
            }
            let orf = hit.and_then(|g| Orf::of(genome, g).ok());
            let start_codon = orf
                .as_ref()
                .and_then(|o| o.ref_pos(0))
                .is_some_and(|at| e.span.contains(at));
            let neighbour = gene_label(&d.perturbed_gene_name, &d.systematic_gene_name);
            let mut f = essential_finding(&p.designation, &neighbour, d.damage);
            if start_codon {
                f.message =
                    f.message
                        .replacen(" deletes an end of ", " deletes the start codon of ", 1);
            }
            // Only the last few codons and the stop replaced (VPS75's C-terminal tag takes
            // CWC25's Tyr179 and stop): the protein is kept but for its end — not a lethal claim.
            if let Some(t) = orf
                .as_ref()
                .filter(|_| !start_codon)
                .and_then(|o| three_prime_change(o, e))
            {
                f.kind = FindingKind::EssentialNeighbourTrimmed;
                let after = match &t.new_residues {
                    Some(r) if r.is_empty() => format!(
                        "a stop codon follows at once from the bases put there (residue {}, {}, is lost)",
                        t.kept + 1,
                        t.lost
                    ),
                    Some(r) => format!(
                        "{} residue(s) read from the bases put there follow before a stop ({r})",
                        r.chars().count()
                    ),
                    None => {
                        "it reads on into the bases put there without meeting a stop".to_owned()
                    }
                };
                f.message = format!(
                    "{} replaces {} of the last {} coding bases of {neighbour}, its stop codon among them, essential in the {}: its first {} of {} residues are kept and {after}; it likely keeps its function",
                    p.designation,
                    t.covered,
                    t.from_end,
                    crate::core::genetics::essential::SOURCE,
                    t.kept,
                    t.total,
                );
                out.push(f);
                continue;
            }
            if let Some(viable) = crate::core::genetics::collection_allele::collection_viable(
                genome,
                essential,
                p,
                &d.systematic_gene_name,
                &neighbour,
            ) {
                f.kind = FindingKind::EssentialNeighbourTrimmed;
                f.message = format!(
                    "{}; yet the project's own haploid deletion of {} was viable — {viable}",
                    f.message
                        .trim_end_matches(": its haploid deletion was not viable"),
                    gene_label(&p.perturbed_gene_name, &p.systematic_gene_name),
                );
            }
            out.push(f);
        }
    }
    out
}

/// What an edit reaching only an ORF's 3′ end (its stop codon and at most 9 codons before it)
/// does to the protein, read from the ORF's bases with the edit's in their place, in the ORF's
/// orientation and code. `None` when the edit reaches further in.
struct ThreePrimeChange {
    /// Coding bases the edit replaces.
    covered: u64,
    /// Coding bases from the first it replaces to the ORF's end.
    from_end: u64,
    /// Residues kept from the start (the reference protein's prefix).
    kept: usize,
    /// The reference protein's length (without the stop).
    total: usize,
    /// The first residue not kept (one-letter).
    lost: char,
    /// Residues after the kept ones up to the first stop; `None`: no stop in the bases read.
    new_residues: Option<String>,
}

fn three_prime_change(orf: &Orf, e: &Edit) -> Option<ThreePrimeChange> {
    let n = orf.coding.len() as u64;
    if orf.contig != e.contig || n < 6 {
        return None;
    }
    let covered: Vec<u64> = (0..n)
        .filter(|&i| orf.ref_pos(i).is_some_and(|at| e.span.contains(at)))
        .collect();
    let (first, last) = (*covered.first()?, *covered.last()?);
    if n - first > 30 || last < n - 3 {
        return None;
    }
    let inserted = if orf.is_reverse() {
        crate::core::seq::revcomp(&e.sequence)
    } else {
        e.sequence.to_vec()
    };
    let mut edited = orf.coding[..first as usize].to_vec();
    edited.extend_from_slice(&inserted);
    edited.extend_from_slice(&orf.coding[last as usize + 1..]);
    let read = orf.code.translate(&edited);
    let reference = orf.protein();
    let new_protein = read.split('*').next().unwrap_or("");
    let kept = reference
        .chars()
        .zip(new_protein.chars())
        .take_while(|(a, b)| a == b)
        .count();
    Some(ThreePrimeChange {
        covered: covered.len() as u64,
        from_end: n - first,
        kept,
        total: reference.chars().count(),
        lost: reference.chars().nth(kept).unwrap_or('*'),
        new_residues: read
            .contains('*')
            .then(|| new_protein.chars().skip(kept).collect()),
    })
}
