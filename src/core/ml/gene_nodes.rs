//! The gene node view: one row per gene of the edited genome (and per inserted gene), with its
//! state and lifted coordinates.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::core::design::Design;
use crate::core::design::genotype::{Genotype, Zygosity};
use crate::core::genetics::mating::MAT_GENES;
use crate::core::genome::Genome;
use crate::core::genome::feature::FeatureIdx;
use crate::core::lift::{FeatureStatus, Lifted};

/// A gene's state in the edited genome.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GeneStatus {
    /// Where it was.
    Native,
    /// Moved by edits before it.
    Shifted,
    /// An edit lies strictly inside it.
    Disrupted,
    /// Part of it removed at one or both ends.
    Trimmed,
    /// A tag joined in frame.
    Fused,
    /// Bases inside it replaced by as many others (a point mutation).
    Substituted,
    /// Its own bases untouched, the promoter upstream of its start codon replaced (a promoter swap
    /// recorded as the gene's `promoter_replacement` perturbation, its edits enabled).
    PromoterReplaced,
    /// Its own bases untouched, the intergenic bases 5′ of its start (its promoter) removed or
    /// replaced by another gene's edit (a neighbour's promoter swap up to the previous feature).
    PromoterLost,
    /// Added by an edit.
    Inserted,
    /// Removed.
    Deleted,
    /// Its annotation replaced by an edit's, though bases of it may remain: MATα1 and MATα2 in
    /// a MATa design (Yα swapped for Ya; their ends in X and Z1 stay, unannotated).
    Superseded,
}

impl GeneStatus {
    fn of(s: FeatureStatus) -> Self {
        match s {
            FeatureStatus::Unchanged => Self::Native,
            FeatureStatus::Shifted | FeatureStatus::Resized => Self::Shifted,
            FeatureStatus::Trimmed => Self::Trimmed,
            FeatureStatus::Disrupted => Self::Disrupted,
            FeatureStatus::Fused => Self::Fused,
            FeatureStatus::Substituted => Self::Substituted,
            FeatureStatus::Dropped | FeatureStatus::Orphaned => Self::Deleted,
            FeatureStatus::Superseded => Self::Superseded,
        }
    }

    /// The word used in the views.
    pub fn label(self) -> &'static str {
        match self {
            Self::Native => "native",
            Self::Shifted => "shifted",
            Self::Trimmed => "trimmed",
            Self::Disrupted => "disrupted",
            Self::Fused => "fused",
            Self::Substituted => "substituted",
            Self::PromoterReplaced => "promoter_replaced",
            Self::PromoterLost => "promoter_lost",
            Self::Inserted => "inserted",
            Self::Deleted => "deleted",
            Self::Superseded => "superseded",
        }
    }
}

/// Where an inserted row comes from.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct InsertedRef {
    /// The edit that inserted it.
    pub edit: crate::core::edit::EditId,
    /// The index of the part the row is in the feature's children (`None`: the feature itself).
    pub part: Option<usize>,
    /// The inserted bases on the edited contig, 0-based half-open.
    pub span: (u64, u64),
}

/// One row of the gene node view. Coordinates are 1-based, inclusive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GeneNode {
    /// Systematic name (an inserted feature's ID).
    pub id: String,
    /// Standard name (the systematic name when there is none).
    pub name: String,
    /// Feature type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Contig.
    pub contig: String,
    /// Edited start (`None` when deleted).
    pub start: Option<u64>,
    /// Edited end.
    pub end: Option<u64>,
    /// `+`, `-` or `.`.
    pub strand: char,
    /// State.
    pub status: GeneStatus,
    /// Reference start (`None` for an insertion; an annotation over unchanged bases, MATA2, has
    /// its bases' reference start — [`annotation_only`]).
    pub ref_start: Option<u64>,
    /// Reference end.
    pub ref_end: Option<u64>,
    /// Whether it is in the design's gene set; `None` (JSON `null`, an empty CSV cell) when the
    /// design has no gene set.
    pub in_gene_set: Option<bool>,
    /// In a diploid design, how many copies carry a perturbation or background allele of it:
    /// `homozygous` (both copies: one allele on both, or a different one on each —
    /// `tub1Δ::kanMX4/tub1Δ::natMX4`, `gal4-K17A,S22A/gal4-S22A`) or `heterozygous` (one copy);
    /// `None` (`null`, empty cell) for a gene no perturbation or allele touches, and in a haploid.
    pub zygosity: Option<Zygosity>,
    /// The designations of the perturbations and background alleles that touch it (a region
    /// deletion included for every gene it overlaps), in the design's order.
    pub perturbations: Vec<String>,
    /// Whether the deletion project found it essential (`true`) or viable when deleted
    /// (`false`); `None` (`null`, an empty cell) when not tested, for an insertion, and until
    /// [`mark_essential`] is given the table (Giaever et al. 2002, doi:10.1038/nature00935).
    pub essential: Option<bool>,
    /// The reference feature (`None` for an insertion).
    #[serde(skip)]
    pub feature: Option<FeatureIdx>,
    /// For an inserted feature or one of its parts: where it comes from.
    #[serde(skip)]
    pub inserted: Option<InsertedRef>,
}

/// What the design's genotype says of each gene (systematic name, upper case): designations (an
/// allele of several point changes as one, [`allele_of`](crate::core::genetics::nomenclature::allele_of)) and
/// zygosity, from perturbations (a region deletion's damaged genes too) and background alleles
/// (the MATa allele of a MATa/α diploid touches MAT's α genes).
fn touched(g: &Genotype) -> BTreeMap<String, Vec<(String, Zygosity)>> {
    let mut out: BTreeMap<String, Vec<(String, Zygosity)>> = BTreeMap::new();
    let mut add = |gene: &str, designation: &str, z: Zygosity| {
        let touches = out.entry(gene.trim().to_ascii_uppercase()).or_default();
        if !touches.iter().any(|(d, _)| d == designation) {
            touches.push((designation.to_owned(), z));
        }
    };
    if let Some(b) = &g.background {
        for a in &b.alleles {
            if a.locus == "MAT" {
                for m in MAT_GENES {
                    add(m, &a.name, a.zygosity);
                }
            } else {
                add(&a.systematic_gene_name, &a.name, a.zygosity);
            }
        }
    }
    for (i, p) in g.perturbations.iter().enumerate() {
        if p.genes.is_empty() {
            // A change merged into an allele with others of its gene is named by the allele,
            // once, as the genotype string writes it (`gal4-K17A,K23A`).
            let allele = crate::core::genetics::nomenclature::allele_of(&g.perturbations, i);
            // Two heterozygous alleles that are the gene's two copies touch both.
            let z = if crate::core::genetics::nomenclature::in_trans(&g.perturbations, i) {
                Zygosity::Homozygous
            } else {
                p.zygosity
            };
            add(
                &p.systematic_gene_name,
                allele.as_deref().unwrap_or(&p.designation),
                z,
            );
        }
        for d in &p.genes {
            add(&d.systematic_gene_name, &p.designation, p.zygosity);
        }
    }
    out
}

/// A gene's zygosity from what touches it: homozygous when any of it is, else heterozygous when
/// any is; `None` when nothing touches it or the design is not diploid.
fn zygosity_of(diploid: bool, touches: &[(String, Zygosity)]) -> Option<Zygosity> {
    if !diploid {
        return None;
    }
    let any = |z: Zygosity| touches.iter().any(|t| t.1 == z);
    if any(Zygosity::Homozygous) {
        Some(Zygosity::Homozygous)
    } else if any(Zygosity::Heterozygous) {
        Some(Zygosity::Heterozygous)
    } else {
        None
    }
}

/// The genes whose promoter an enabled promoter swap replaced: (systematic name upper case, the
/// swap's designation `pGAL1-FAR1`), in the design's order. Such a gene whose own lines no edit
/// changed (native or shifted) is `promoter_replaced`, in the gene nodes and as its gene line's
/// `edit_status` in the GFF3; its mRNA, exons and CDS stay native (no `edit_status`).
pub fn promoter_replaced(design: &Design) -> Vec<(String, String)> {
    design
        .genotype()
        .perturbations
        .iter()
        .filter(|p| {
            p.perturbation_type
                == crate::core::design::genotype::PerturbationType::PromoterReplacement
                && !p.edit_ids.is_empty()
                && p.edit_ids.iter().all(|&id| design.is_enabled(id))
        })
        .map(|p| {
            (
                p.systematic_gene_name.to_ascii_uppercase(),
                p.designation.clone(),
            )
        })
        .collect()
}

/// The genes whose promoter another edit took: a gene (top level, gene-like) whose own lines no
/// enabled edit changed (native or shifted) while an enabled edit removed or replaced the bases
/// 5′ of its start up to its first base (strand-aware: ending at a + gene's start, starting at a
/// − gene's end) — the case the CLI's warning "its promoter goes with them" names — with those
/// edits, in id order. A same-length replacement (a point mutation) does not count, nor does the
/// gene a promoter swap was made for (that one is `promoter_replaced`). PHO5's swap up to the
/// previous feature replaces the whole region between PHO5 and PBY1 (divergent): PBY1 is
/// `promoter_lost`; the default 500 bp swap leaves PBY1's first 584 bp 5′ in place.
pub fn promoter_lost(
    genome: &Genome,
    design: &Design,
    lifted: &Lifted,
) -> BTreeMap<FeatureIdx, Vec<crate::core::edit::EditId>> {
    use crate::core::coord::Span;
    use crate::core::strand::Strand;
    let swapped: std::collections::BTreeSet<String> = promoter_replaced(design)
        .into_iter()
        .map(|(gene, _)| gene)
        .collect();
    let mut out: BTreeMap<FeatureIdx, Vec<crate::core::edit::EditId>> = BTreeMap::new();
    for e in design.enabled() {
        if e.span.is_empty()
            || (e.op == crate::core::edit::EditOp::Replace
                && e.sequence.len() as u64 == e.span.len())
        {
            continue;
        }
        let (from, to) = (e.span.start().get(), e.span.end().get());
        let mut near = genome.overlapping(e.contig, Span::from_raw(to, to + 1));
        if from > 0 {
            near.extend(genome.overlapping(e.contig, Span::from_raw(from - 1, from)));
        }
        for f in near {
            let feat = genome.feature(f);
            let five_prime_here = match feat.strand {
                Strand::Forward => feat.span.start().get() == to,
                Strand::Reverse => feat.span.end().get() == from,
                _ => false,
            };
            if five_prime_here
                && feat.kind.is_gene_like()
                && feat.parents.is_empty()
                && matches!(
                    lifted.feature(f).status,
                    FeatureStatus::Unchanged | FeatureStatus::Shifted
                )
                && !swapped.contains(&genome.gene_names(f).0.to_ascii_uppercase())
            {
                out.entry(f).or_default().push(e.id);
            }
        }
    }
    for edits in out.values_mut() {
        edits.sort_unstable();
        edits.dedup();
    }
    out
}

/// The gene node view: every gene of the reference in genome order (deleted and superseded ones
/// too, marked), then every inserted feature and the genes among its parts (MATa's `MATA1`,
/// `MATA2`) and the ORFs among its parts the GFF3 writes as genes (a marker cassette's `kan`:
/// id `kanMX4_YBR093C_kan` as the GFF3's gene line, type `gene`, `inserted`).
pub fn gene_nodes(genome: &Genome, design: &Design, lifted: &Lifted) -> Vec<GeneNode> {
    let g = design.genotype();
    let set = g.gene_set.as_ref();
    let in_set = |id: &str| set.map(|s| s.genes.iter().any(|g| g.eq_ignore_ascii_case(id)));
    let diploid = g.background.as_ref().is_some_and(|b| b.ploidy == 2);
    let touched = touched(&design.genotype_in_effect());
    let about = |id: &str| {
        let t = touched
            .get(&id.to_ascii_uppercase())
            .map_or(&[][..], Vec::as_slice);
        (
            zygosity_of(diploid, t),
            t.iter().map(|(d, _)| d.clone()).collect::<Vec<_>>(),
        )
    };
    let promoter_swapped: std::collections::BTreeSet<String> = promoter_replaced(design)
        .into_iter()
        .map(|(gene, _)| gene)
        .collect();
    let promoter_lost = promoter_lost(genome, design, lifted);
    let mut genes: Vec<FeatureIdx> = genome.genes().collect();
    crate::core::sort::sort_by_key(&mut genes, |&g| {
        let f = genome.feature(g);
        (f.contig, f.span.start(), g)
    });
    let mut rows: Vec<GeneNode> = genes
        .into_iter()
        .map(|g| {
            let f = genome.feature(g);
            let l = lifted.feature(g);
            let (systematic, standard) = genome.gene_names(g);
            let span = (!l.status.is_gone()).then_some(l.span).flatten();
            let (rs, re) = f.span.one_based();
            let status = match GeneStatus::of(l.status) {
                GeneStatus::Native | GeneStatus::Shifted
                    if promoter_swapped.contains(&systematic.to_ascii_uppercase()) =>
                {
                    GeneStatus::PromoterReplaced
                }
                GeneStatus::Native | GeneStatus::Shifted if promoter_lost.contains_key(&g) => {
                    GeneStatus::PromoterLost
                }
                s => s,
            };
            let (zygosity, mut perturbations) = about(&systematic);
            // A gene damaged as a side effect (no perturbation names it): the designations of
            // the edits that changed it, as its GFF3 line's `edit=` says.
            if perturbations.is_empty()
                && status != GeneStatus::Native
                && status != GeneStatus::Shifted
            {
                let mut ids: Vec<crate::core::edit::EditId> =
                    promoter_lost.get(&g).cloned().unwrap_or_default();
                ids.extend(
                    lifted
                        .effects()
                        .iter()
                        .filter(|e| e.feature == g)
                        .map(|e| e.edit),
                );
                ids.sort_unstable();
                ids.dedup();
                for id in ids {
                    let name = edit_name(genome, design, id);
                    if !perturbations.contains(&name) {
                        perturbations.push(name);
                    }
                }
            }
            GeneNode {
                in_gene_set: in_set(&systematic),
                zygosity,
                perturbations,
                id: systematic,
                name: standard,
                kind: f.kind.to_string(),
                contig: genome.contig(f.contig).name.to_string(),
                start: span.map(|s| s.one_based().0),
                end: span.map(|s| s.one_based().1),
                strand: f.strand.symbol(),
                status,
                ref_start: Some(rs),
                ref_end: Some(re),
                essential: None,
                feature: Some(g),
                inserted: None,
            }
        })
        .collect();
    for (e, s, t) in inserted(design) {
        let Some(feat) = &e.feature else { continue };
        // An annotation over unchanged bases (MATa's MATA2): where its bases are on the
        // reference, and `native` (or `shifted`), not `inserted`.
        let same_bases = annotation_only(genome, e).then_some(e.span.start().get());
        let id = feat.id.as_deref().map_or_else(
            || format!("genoforge_edit_{}", e.id.0),
            |i| crate::core::genome::feature::strip_type_prefix(i).to_owned(),
        );
        let designation = g.designation_of(e.id).map(str::to_owned);
        let node = |id: String,
                    name: String,
                    kind: String,
                    span: (u64, u64),
                    strand: char,
                    part: Option<usize>| {
            let (mut zygosity, mut perturbations) = about(&id);
            if perturbations.is_empty() {
                perturbations.extend(designation.clone());
            }
            // An inserted cassette and its ORF are on the copies its perturbation is on
            // (`ade2Δ::hphMX4/ade2Δ::hphMX4`: `hphMX4_YOR128C` and `hph` homozygous).
            if zygosity.is_none() && diploid {
                zygosity = g
                    .perturbations
                    .iter()
                    .find(|p| p.edit_ids.contains(&e.id))
                    .map(|p| p.zygosity)
                    .filter(|z| *z != Zygosity::Haploid);
            }
            GeneNode {
                in_gene_set: in_set(&id),
                zygosity,
                perturbations,
                name,
                id,
                kind,
                contig: genome.contig(e.contig).name.to_string(),
                start: Some(span.0 + 1),
                end: Some(span.1),
                strand,
                status: match same_bases {
                    Some(r) if r == s => GeneStatus::Native,
                    Some(_) => GeneStatus::Shifted,
                    None => GeneStatus::Inserted,
                },
                ref_start: same_bases.map(|r| r + (span.0 - s) + 1),
                ref_end: same_bases.map(|r| r + (span.1 - s)),
                essential: None,
                feature: None,
                inserted: Some(InsertedRef {
                    edit: e.id,
                    part,
                    span: (s, t),
                }),
            }
        };
        rows.push(node(
            id.clone(),
            feat.name.clone().unwrap_or_else(|| id.clone()),
            feat.kind.to_string(),
            (s, t),
            feat.strand.symbol(),
            None,
        ));
        // Its genes, and the ORFs the GFF3 writes as genes of their own (a marker cassette's
        // `kan`, `nat`, `hph`, under the ID the GFF3 gives that gene).
        let top = feat.written_id(e.id);
        for (i, part) in feat.children.iter().enumerate() {
            let orf = top.as_deref().and_then(|t| feat.orf_gene_id(t, i));
            if !part.kind.is_gene_like() && orf.is_none() {
                continue;
            }
            let (a, b) = feat.part_span(part, s, t);
            let pid = orf
                .as_deref()
                .or(part.id.as_deref())
                .map(crate::core::genome::feature::strip_type_prefix)
                .or(part.name.as_deref())
                .unwrap_or(&id)
                .to_owned();
            let kind = match orf {
                Some(_) => crate::core::genome::feature::FeatureKind::Gene.to_string(),
                None => part.kind.to_string(),
            };
            rows.push(node(
                pid.clone(),
                part.name.clone().unwrap_or(pid),
                kind,
                (a, b),
                feat.part_strand(part).symbol(),
                Some(i),
            ));
        }
    }
    rows
}

/// Fills each reference gene's `essential` from the deletion project's table: `true` essential,
/// `false` viable when deleted, `None` not tested (inserted rows stay `None`).
pub fn mark_essential(
    rows: &mut [GeneNode],
    table: &crate::core::genetics::essential::EssentialityTable,
) {
    use crate::core::genetics::essential::Essentiality;
    for r in rows.iter_mut().filter(|r| r.feature.is_some()) {
        r.essential = match table.of(&r.id) {
            Essentiality::Essential => Some(true),
            Essentiality::Viable => Some(false),
            Essentiality::NotTested => None,
        };
    }
}

/// What the exports call an edit: the designation of its perturbation or background allele, else
/// its label, else a plain coding substitution named by coding position (`pho5-c.70A>G`), else
/// `edit #N (id N−1)` ([`crate::core::edit::EditId::cited`]) — the GFF3's `edit=` and the gene
/// nodes' `perturbations` of a collateral gene.
pub fn edit_name(genome: &Genome, design: &Design, id: crate::core::edit::EditId) -> String {
    design
        .genotype()
        .designation_of(id)
        .map(str::to_owned)
        .or_else(|| design.edit(id).and_then(|e| e.label.clone()))
        .or_else(|| {
            design.edit(id).and_then(|e| {
                crate::core::genetics::point_name::substitution_designation(genome, e)
            })
        })
        .unwrap_or_else(|| format!("edit {}", id.cited()))
}

/// Whether `edit` changes no base: a replacement by the very bases it replaces (case ignored),
/// made only to annotate them — MATa's a2, `MATA2`, over the X region MAT and HMR share. Its
/// features are new annotation, not inserted sequence: the gene nodes give them `native` (or
/// `shifted` when an edit before them moved them) and their reference coordinates, and the GFF3
/// gives them no `edit_status` (as for every unchanged line); an ordinary insertion is `inserted`.
pub fn annotation_only(genome: &Genome, edit: &crate::core::edit::Edit) -> bool {
    edit.op == crate::core::edit::EditOp::Replace
        && !edit.sequence.is_empty()
        && genome
            .sequence(edit.contig, edit.span)
            .is_some_and(|r| r.eq_ignore_ascii_case(&edit.sequence))
}

/// Each enabled edit that adds bases, with the edited span of those bases (0-based, half-open).
pub fn inserted(design: &Design) -> Vec<(&crate::core::edit::Edit, u64, u64)> {
    let mut out = Vec::new();
    for contig in design.edited_contigs() {
        let Some(layout) = design.layout(contig) else {
            continue;
        };
        for (i, op) in layout.ops().iter().enumerate() {
            if op.sequence.is_empty() {
                continue;
            }
            if let Some(e) = design.edit(op.edit) {
                let s = layout.op_edited_start(i);
                out.push((e, s, s + op.sequence.len() as u64));
            }
        }
    }
    out
}
