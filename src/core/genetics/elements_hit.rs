//! What a design's enabled edits do to the chromosomal elements SGD's feature table maps
//! ([`crate::core::genome::elements`]): a centromere removed or cut into with none left on its
//! chromosome (acentric), a centromere's sequence inserted where the chromosome keeps its own
//! (dicentric), a replication origin (ARS), telomere or Ty LTR removed or cut into. An element
//! whose bases the edit puts back (its inserted sequence holds them, on either strand) is kept.
//!
//! Severity, as the messages say it: a centromere lost or doubled is **severe** — an acentric
//! chromosome cannot segregate and is lost (Clarke & Carbon 1980, doi:10.1038/287504a0; lethal
//! in a haploid for any chromosome), a dicentric one breaks at mitosis (Koshland et al. 1987,
//! Cell 48:801). A telomere or an origin is a **caution**: an unprotected end is degraded,
//! healed or the chromosome lost (Sandell & Zakian 1993, Cell 75:729); origins are redundant,
//! one deleted is usually tolerated (Dershowitz et al. 2007, Mol Cell Biol 27:4652). An LTR is a
//! **note**: a recombination substrate, its loss rarely matters. Without a feature table the
//! genome has no elements: the findings say that nothing was checked ([`UNCHECKED`]).

use memchr::memmem;

use crate::core::design::Design;
use crate::core::edit::{Edit, EditId};
use crate::core::genetics::finding::{Finding, FindingKind};
use crate::core::genome::Genome;
use crate::core::genome::contig::ContigId;
use crate::core::genome::elements::{Element, ElementKind};
use crate::core::seq::revcomp;

/// What a design's warnings say when the genome has no elements to check edits against.
pub const UNCHECKED: &str = "no chromosomal elements are known for this genome (no SGD feature table, SGD_features.tab, was loaded): no edit was checked against centromeres, replication origins, telomeres or Ty LTRs";

/// What happened to an element.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Hit {
    /// The chromosome's centromere removed or cut into, and none put back on it: acentric.
    CentromereLost,
    /// A centromere's sequence inserted on a chromosome that keeps one: dicentric.
    CentromereAdded,
    /// An ARS removed or cut into.
    OriginRemoved,
    /// A telomere removed or cut into.
    TelomereRemoved,
    /// A Ty LTR removed or cut into.
    LtrRemoved,
}

/// One thing an edit does to an element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElementHit {
    /// What.
    pub hit: Hit,
    /// The edit that does it.
    pub edit: EditId,
    /// A sentence naming the edit (as `describe` writes it), the element, its place (1-based,
    /// inclusive) and the consequence with its source.
    pub message: String,
}

/// `CEN1 (I:151,465–151,582)`: an element's name and place (1-based, inclusive).
pub(crate) fn place(genome: &Genome, e: &Element) -> String {
    let (s, t) = e.span.one_based();
    format!(
        "{} ({}:{}–{})",
        e.name,
        genome.contig(e.contig).name,
        crate::core::coord::thousands(s),
        crate::core::coord::thousands(t)
    )
}

/// Whether `inserted` (an edit's new bases) holds `bases` on either strand: an element whose
/// bases an edit puts back is kept.
pub(crate) fn holds(inserted: &[u8], bases: &[u8]) -> bool {
    !bases.is_empty()
        && inserted.len() >= bases.len()
        && (memmem::find(inserted, bases).is_some()
            || memmem::find(inserted, &revcomp(bases)).is_some())
}

/// The elements each enabled edit of `design` removes or cuts into, then the centromeres they
/// add, each in the design's edit order. `describe` names an edit (its perturbation's designation, or its label and place).
pub fn element_hits(
    genome: &Genome,
    design: &Design,
    describe: &dyn Fn(&Edit) -> String,
) -> Vec<ElementHit> {
    let elements = genome.elements();
    if elements.all().next().is_none() {
        return Vec::new();
    }
    let centromeres: Vec<(&Element, &[u8])> = elements
        .all()
        .filter(|e| e.kind == ElementKind::Centromere)
        .filter_map(|e| Some((e, genome.sequence(e.contig, e.span)?)))
        .collect();
    let edits: Vec<&Edit> = design
        .edits()
        .iter()
        .filter(|e| design.is_enabled(e.id))
        .collect();
    // Per edit, the elements it takes away (not put back) and the centromeres it inserts.
    let mut lost: Vec<(&Edit, &Element)> = Vec::new();
    let mut added: Vec<(&Edit, &Element)> = Vec::new();
    for &edit in &edits {
        for el in elements.hit_by(edit.contig, edit.span) {
            let kept = genome
                .sequence(el.contig, el.span)
                .is_some_and(|b| holds(&edit.sequence, b));
            if !kept {
                lost.push((edit, el));
            }
        }
        for &(cen, bases) in &centromeres {
            let in_place = cen.contig == edit.contig && edit.span.overlaps(&cen.span);
            if !in_place && holds(&edit.sequence, bases) {
                added.push((edit, cen));
            }
        }
    }
    // Centromeres on each contig once the design is applied.
    let count = |contig: ContigId| {
        let own = centromeres
            .iter()
            .filter(|(c, _)| c.contig == contig)
            .count();
        let gone = lost
            .iter()
            .filter(|(_, e)| e.kind == ElementKind::Centromere && e.contig == contig)
            .count();
        own.saturating_sub(gone) + added.iter().filter(|(e, _)| e.contig == contig).count()
    };
    let mut out = Vec::new();
    for &(edit, el) in &lost {
        let how = if edit.span.contains_span(&el.span) {
            "removes"
        } else {
            "cuts into"
        };
        let contig = &genome.contig(el.contig).name;
        let what = place(genome, el);
        let (hit, message) = match el.kind {
            ElementKind::Centromere if count(el.contig) == 0 => (
                Hit::CentromereLost,
                format!(
                    "{} {how} centromere {what}: chromosome {contig} would lose {} — acentric, it cannot segregate and is lost (lethal in a haploid; Clarke & Carbon 1980, doi:10.1038/287504a0)",
                    describe(edit),
                    el.name
                ),
            ),
            ElementKind::Centromere => continue,
            ElementKind::Ars => (
                Hit::OriginRemoved,
                format!(
                    "{} {how} replication origin {what}: usually tolerated (origins are redundant; Dershowitz et al. 2007, Mol Cell Biol 27:4652), but replication of chromosome {contig} near it is slower",
                    describe(edit)
                ),
            ),
            ElementKind::Telomere => (
                Hit::TelomereRemoved,
                format!(
                    "{} {how} telomere {what}: an unprotected end of chromosome {contig} is degraded or healed, or the chromosome lost (Sandell & Zakian 1993, Cell 75:729)",
                    describe(edit)
                ),
            ),
            ElementKind::Ltr => (
                Hit::LtrRemoved,
                format!(
                    "{} {how} Ty long terminal repeat {what} (note: a recombination substrate; its loss rarely matters)",
                    describe(edit)
                ),
            ),
        };
        out.push(ElementHit {
            hit,
            edit: edit.id,
            message,
        });
    }
    for &(edit, cen) in &added {
        if count(edit.contig) < 2 {
            continue;
        }
        let (s, _) = edit.span.one_based();
        out.push(ElementHit {
                hit: Hit::CentromereAdded,
                edit: edit.id,
                message: format!(
                    "{} inserts the sequence of centromere {} at {}:{} — chromosome {} would have two centromeres: dicentric, it breaks at mitosis (Koshland et al. 1987, Cell 48:801)",
                    describe(edit),
                    place(genome, cen),
                    genome.contig(edit.contig).name,
                    crate::core::coord::thousands(s),
                    genome.contig(edit.contig).name
                ),
            });
    }
    out
}

/// The chromosomal elements the enabled edits remove, cut into or add ([`element_hits`]),
/// each about the perturbation naming its edit, if any.
pub(crate) fn element_findings(genome: &Genome, design: &Design) -> Vec<Finding> {
    let g = design.genotype();
    if genome.elements().is_empty() {
        // Nothing to check against: say so once when an edit is applied, rather than find nothing.
        let applied = design.edits().iter().any(|e| design.is_enabled(e.id));
        return if applied {
            vec![Finding {
                kind: FindingKind::ElementsUnchecked,
                perturbation: None,
                message: UNCHECKED.to_owned(),
            }]
        } else {
            Vec::new()
        };
    }
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
