//! Deleting a list of genes at once, explained before anything is applied: the genes the design
//! already removed, the other genes each deletion would trim or remove (collateral), and the
//! deletions that would clash with an edit of the design or with another deletion of the list —
//! with the two ways through such clashes: skip them, or merge overlapping deletions into one.
//!
//! A gene's deletion removes its full extent (`Genome::extent`), as [`super::compose`] does.

use crate::core::coord::Span;
use crate::core::design::Design;
use crate::core::edit::validate::find_conflict;
use crate::core::edit::{EditError, EditId, EditOp, EditRequest};
use crate::core::genetics::cassette::Cassette;
use crate::core::genetics::compose::{Plan, apply, plan_delete_gene};
use crate::core::genetics::nomenclature::deletion_designation;
use crate::core::genome::Genome;
use crate::core::genome::contig::ContigId;
use crate::core::genome::feature::FeatureIdx;
use crate::core::strand::Strand;

/// What to do with deletions that clash with the design's edits or with each other.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum OverlapPolicy {
    /// Refuse the whole list, naming the first clash.
    Refuse,
    /// Leave out every gene whose deletion clashes (with the design, or with a deletion kept
    /// before it in genome order).
    Skip,
    /// Merge deletions of the list that overlap each other into one edit covering them all; genes
    /// clashing with the design's own edits are left out (the design's edits are never changed).
    Merge,
}

/// Why one listed gene cannot simply be deleted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clash {
    /// An edit of the design removed all of it already.
    AlreadyDeleted(EditId),
    /// Its deletion would overlap an edit of the design.
    Design(EditId),
    /// Its deletion would overlap the deletion of another listed gene.
    List(FeatureIdx),
}

/// What deleting a list would do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BulkPreview {
    /// Listed genes with their clash, in list order.
    pub clashes: Vec<(FeatureIdx, Clash)>,
    /// For a listed gene, the other genes (not listed) its deletion trims or removes entirely:
    /// (listed gene, [(other gene, removed entirely)]).
    pub collateral: Vec<(FeatureIdx, Vec<(FeatureIdx, bool)>)>,
    /// Listed genes that can be deleted as they are.
    pub clean: usize,
}

impl BulkPreview {
    /// Listed genes the design already removed.
    pub fn already_deleted(&self) -> impl Iterator<Item = (FeatureIdx, EditId)> + '_ {
        self.clashes.iter().filter_map(|(g, c)| match c {
            Clash::AlreadyDeleted(e) => Some((*g, *e)),
            _ => None,
        })
    }

    /// Whether some deletion clashes with the design or the list (already deleted genes aside).
    pub fn has_overlaps(&self) -> bool {
        self.clashes
            .iter()
            .any(|(_, c)| !matches!(c, Clash::AlreadyDeleted(_)))
    }
}

/// The top-level genes of the genome overlapping `span` on `contig`, other than `except`.
fn genes_in(genome: &Genome, contig: ContigId, span: Span, except: FeatureIdx) -> Vec<FeatureIdx> {
    let mut out: Vec<FeatureIdx> = genome
        .overlapping(contig, span)
        .into_iter()
        .filter(|&f| f != except)
        .filter(|&f| {
            let x = genome.feature(f);
            x.parents.is_empty() && x.kind.is_gene_like()
        })
        .collect();
    crate::core::sort::sort(&mut out);
    out.dedup();
    out
}

/// The design's edit that a deletion of `span` on `contig` clashes with, and whether that edit
/// removes (or replaces) all of `span`.
fn design_clash(design: &Design, contig: ContigId, span: Span) -> Option<(EditId, bool)> {
    let layout = design.layout(contig)?;
    let (s, e) = (span.start().get(), span.end().get());
    use crate::core::edit::validate::Conflict;
    let i = match find_conflict(layout, s, e)? {
        Conflict::Overlap(i) | Conflict::SameGap(i) => i,
        Conflict::InsertInsideSpan { op, .. } => op,
    };
    let op = &layout.ops()[i];
    // Removed all of it (cleanly, or replaced by something else as `tfc3Δ::kanMX4` is).
    Some((op.edit, op.start <= s && e <= op.end))
}

/// Previews deleting `genes` (in list order) from `design`.
pub fn preview(genome: &Genome, design: &Design, genes: &[FeatureIdx]) -> BulkPreview {
    let listed: rustc_hash::FxHashSet<FeatureIdx> = genes.iter().copied().collect();
    let mut out = BulkPreview::default();
    // Genome order, to find overlaps within the list in one sweep per contig.
    let mut order: Vec<(ContigId, Span, usize)> = genes
        .iter()
        .enumerate()
        .map(|(i, &g)| (genome.feature(g).contig, genome.extent(g), i))
        .collect();
    crate::core::sort::sort_by_key(&mut order, |&(c, s, i)| (c, s.start(), s.end(), i));
    let mut list_clash: Vec<Option<FeatureIdx>> = vec![None; genes.len()];
    let mut reach: Option<(ContigId, u64, usize)> = None;
    for &(c, s, i) in &order {
        match reach {
            Some((rc, end, j)) if rc == c && s.start().get() < end => {
                list_clash[i] = Some(genes[j]);
                if s.end().get() > end {
                    reach = Some((c, s.end().get(), i));
                }
            }
            _ => reach = Some((c, s.end().get(), i)),
        }
    }
    for (i, &g) in genes.iter().enumerate() {
        let (c, span) = (genome.feature(g).contig, genome.extent(g));
        let clash = match design_clash(design, c, span) {
            Some((edit, true)) => Some(Clash::AlreadyDeleted(edit)),
            Some((edit, false)) => Some(Clash::Design(edit)),
            None => list_clash[i].map(Clash::List),
        };
        match clash {
            Some(k) => out.clashes.push((g, k)),
            None => out.clean += 1,
        }
        if !matches!(
            out.clashes.last(),
            Some((x, Clash::AlreadyDeleted(_))) if *x == g
        ) {
            let hit: Vec<(FeatureIdx, bool)> = genes_in(genome, c, span, g)
                .into_iter()
                .filter(|f| !listed.contains(f))
                .map(|f| {
                    let fs = genome.extent(f);
                    (f, span.start() <= fs.start() && fs.end() <= span.end())
                })
                .collect();
            if !hit.is_empty() {
                out.collateral.push((g, hit));
            }
        }
    }
    out
}

/// What a bulk deletion did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BulkOutcome {
    /// Edits added.
    pub edits: Vec<EditId>,
    /// Genes deleted (each with its perturbation).
    pub deleted: usize,
    /// Genes left out: already deleted, or clashing (under [`OverlapPolicy::Skip`], and clashes
    /// with the design under [`OverlapPolicy::Merge`]).
    pub skipped: Vec<(FeatureIdx, Clash)>,
    /// Edits that each delete several overlapping genes (under [`OverlapPolicy::Merge`]).
    pub merged: usize,
}

/// Why a bulk deletion was refused (the design is unchanged).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BulkError {
    /// A listed gene clashes and the policy is [`OverlapPolicy::Refuse`].
    #[error("{gene}: {why}")]
    Clash {
        /// The gene, as people name it.
        gene: String,
        /// What it clashes with, in words naming the design's edit or the other listed gene.
        why: String,
    },
    /// An edit was refused.
    #[error(transparent)]
    Edit(#[from] EditError),
}

/// A clash in words: the design's edits by id and description, listed genes by name.
pub fn clash_words(genome: &Genome, design: &Design, clash: &Clash) -> String {
    let edit = |id: EditId| {
        design.edit(id).map_or_else(
            || format!("edit {}", id.cited()),
            |e| Design::describe(genome, e, true).to_string(),
        )
    };
    match clash {
        Clash::AlreadyDeleted(id) => format!("already deleted by {} in your design", edit(*id)),
        Clash::Design(id) => format!("overlaps {} in your design", edit(*id)),
        Clash::List(g) => {
            let (sys, std) = genome.gene_names(*g);
            let name = if sys == std {
                sys
            } else {
                format!("{std} ({sys})")
            };
            format!("overlaps the deletion of {name}, also in this list")
        }
    }
}

/// Deletes `genes` (cleanly, or each replaced by `cassette`), all or nothing, dealing with clashes
/// by `policy`. Genes the design already removed are always left out (and reported).
pub fn delete_listed(
    genome: &Genome,
    design: &mut Design,
    genes: &[FeatureIdx],
    cassette: Option<&Cassette>,
    policy: OverlapPolicy,
) -> Result<BulkOutcome, BulkError> {
    let pv = preview(genome, design, genes);
    let clash_of: rustc_hash::FxHashMap<FeatureIdx, Clash> = pv.clashes.iter().cloned().collect();
    let mut out = BulkOutcome::default();
    let mut keep: Vec<FeatureIdx> = Vec::new();
    for &g in genes {
        match clash_of.get(&g) {
            None => keep.push(g),
            Some(c @ Clash::AlreadyDeleted(_)) => out.skipped.push((g, c.clone())),
            Some(c) => match (policy, c) {
                (OverlapPolicy::Refuse, _) => {
                    let (sys, std) = genome.gene_names(g);
                    return Err(BulkError::Clash {
                        gene: if sys == std {
                            sys
                        } else {
                            format!("{std} ({sys})")
                        },
                        why: clash_words(genome, design, c),
                    });
                }
                (OverlapPolicy::Merge, Clash::List(_)) => keep.push(g),
                _ => out.skipped.push((g, c.clone())),
            },
        }
    }
    let mut next = design.clone();
    // Group the kept genes' extents: overlapping ones (Merge) become one edit.
    let mut spans: Vec<(ContigId, Span, FeatureIdx)> = keep
        .iter()
        .map(|&g| (genome.feature(g).contig, genome.extent(g), g))
        .collect();
    crate::core::sort::sort_by_key(&mut spans, |&(c, s, g)| (c, s.start(), s.end(), g));
    let mut groups: Vec<(ContigId, Span, Vec<FeatureIdx>)> = Vec::new();
    for (c, s, g) in spans {
        match groups.last_mut() {
            Some((gc, gs, members)) if *gc == c && s.start() < gs.end() => {
                *gs = Span::from_raw(gs.start().get(), gs.end().get().max(s.end().get()));
                members.push(g);
            }
            _ => groups.push((c, s, vec![g])),
        }
    }
    for (contig, span, members) in groups {
        if let [g] = members[..] {
            let ids = apply(genome, &mut next, plan_delete_gene(genome, g, cassette))?;
            out.edits.extend(ids);
            out.deleted += 1;
            continue;
        }
        // One edit over the union; each gene keeps its own perturbation pointing at it.
        let plans: Vec<Plan> = members
            .iter()
            .map(|&g| plan_delete_gene(genome, g, cassette))
            .collect();
        let names: Vec<String> = members.iter().map(|&g| genome.gene_names(g).1).collect();
        let label = format!(
            "{} (merged)",
            names
                .iter()
                .map(|n| deletion_designation(n, cassette.map(|c| c.name.as_str())))
                .collect::<Vec<_>>()
                .join(" ")
        );
        let req = match cassette {
            None => EditRequest {
                contig,
                span,
                sequence: Vec::new(),
                op: EditOp::Delete,
                label: Some(label),
                feature: None,
            },
            Some(c) => EditRequest {
                contig,
                span,
                sequence: c.sequence.as_bytes().to_vec(),
                op: EditOp::Replace,
                label: Some(label),
                feature: Some(c.feature(
                    Some(format!("{}_{}", c.name, genome.gene_names(members[0]).0)),
                    Strand::Forward,
                )),
            },
        };
        let id = next.add(genome, req)?;
        for p in plans {
            next.genotype_mut()
                .perturbations
                .push(crate::core::design::genotype::Perturbation {
                    edit_ids: vec![id],
                    ..p.perturbation
                });
        }
        out.edits.push(id);
        out.deleted += members.len();
        out.merged += 1;
    }
    *design = next;
    Ok(out)
}
