//! What the composer's choices mean: an action on the selected gene (or at a position) with an
//! insert, turned into a [`Plan`]; the numbers its preview shows; clearing a background; a gene
//! set from a resolved list. Every insert — a library cassette, a pasted sequence, a file — is a
//! [`Cassette`] here.

use crate::core::coord::{Pos, Span, thousands};
use crate::core::design::Design;
use crate::core::design::genotype::GeneSet;
use crate::core::design::genotype::PerturbationType;
use crate::core::edit::helpers::Side;
use crate::core::edit::{EditError, EditOp, EditRequest};
use crate::core::genetics::cassette::Cassette;
use crate::core::genetics::compose::{
    Plan, plan_cassette_next_to, plan_delete_gene, plan_insertion, plan_replace_gene_sequence,
};
use crate::core::genetics::gene_list::GeneList;
use crate::core::genome::Genome;
use crate::core::genome::contig::ContigId;
use crate::core::genome::feature::FeatureIdx;
use crate::core::strand::Strand;
use crate::view::map::insert_shape::InsertRef;

/// What to do.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Delete the gene, cleanly or replaced by a marker cassette (`tfc3Δ`, `tfc3Δ::kanMX4`).
    Delete,
    /// Replace the gene's sequence by an insert (`tfc3::name`).
    Replace,
    /// Insert next to the gene or at a position.
    Insert,
}

/// Where an insertion goes.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Site {
    /// Just 5′ of the gene, in its orientation.
    Before,
    /// Just 3′ of the gene, in its orientation.
    After,
    /// After base `after` (1-based; 0 = before the first base) of a contig, reading on `strand`.
    At {
        /// The contig.
        contig: ContigId,
        /// The base it follows.
        after: u64,
        /// Orientation of the insert.
        strand: Strand,
    },
}

/// Reads "after base" text: a whole number, commas and underscores allowed; 0 means the start.
pub fn parse_after_base(genome: &Genome, contig: ContigId, text: &str) -> Result<u64, String> {
    let digits: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' '))
        .collect();
    if digits.is_empty() {
        return Err("type the base the insert follows (0 for the very start)".to_owned());
    }
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("“{}” is not a whole number", text.trim()))?;
    let c = genome.contig(contig);
    if n > c.length {
        return Err(format!(
            "{} has {} bases: the insert can follow base 0 to {}",
            c.name,
            thousands(c.length),
            thousands(c.length)
        ));
    }
    Ok(n)
}

/// The plan the composer's choices make. `insert` is the marker for a deletion (optional) or the
/// bases for a replacement or insertion (required).
pub fn plan_for(
    genome: &Genome,
    gene: Option<FeatureIdx>,
    action: Action,
    insert: Option<&Cassette>,
    site: Site,
) -> Result<Plan, String> {
    let need_gene =
        || gene.ok_or_else(|| "select a gene first (search, or click the map)".to_owned());
    let need_insert = || {
        insert
            .filter(|c| !c.is_empty())
            .ok_or_else(|| "choose what to insert".to_owned())
    };
    match action {
        Action::Delete => Ok(plan_delete_gene(genome, need_gene()?, insert)),
        Action::Replace => {
            let c = need_insert()?;
            let gene = need_gene()?;
            // A gene replaced by a selectable-marker cassette is a marker deletion
            // (`ura3Δ::kanMX4`, as geneticists write it), drawn and exported with its parts.
            if PerturbationType::for_replacement(&c.name) != PerturbationType::GeneReplacement {
                return Ok(plan_delete_gene(genome, gene, Some(c)));
            }
            let mut plan = plan_replace_gene_sequence(genome, gene, &c.name, c.sequence.as_bytes());
            // Any other cassette keeps its parts (promoter, CDS, terminator) on the map and in
            // the exports.
            for r in &mut plan.requests {
                if let Some(f) = r.feature.as_mut() {
                    f.children = c.parts.clone();
                }
            }
            Ok(plan)
        }
        Action::Insert => {
            let c = need_insert()?;
            match site {
                Site::Before => Ok(plan_cassette_next_to(genome, need_gene()?, Side::Before, c)),
                Site::After => Ok(plan_cassette_next_to(genome, need_gene()?, Side::After, c)),
                Site::At {
                    contig,
                    after,
                    strand,
                } => {
                    let len = genome
                        .contigs()
                        .get(contig.get())
                        .ok_or_else(|| "no such sequence".to_owned())?
                        .length;
                    if after > len {
                        return Err(format!(
                            "{} has {} bases",
                            genome.contig(contig).name,
                            thousands(len)
                        ));
                    }
                    let strand = if strand == Strand::Reverse {
                        Strand::Reverse
                    } else {
                        Strand::Forward
                    };
                    let req = EditRequest {
                        contig,
                        span: Span::empty_at(Pos(after)),
                        sequence: c.oriented(strand),
                        op: EditOp::Insert,
                        label: None,
                        feature: Some(c.feature(None, strand)),
                    };
                    Ok(plan_insertion(genome, req, &c.name))
                }
            }
        }
    }
}

/// Where an insertion next to an inserted sequence (a kanMX4 cassette, a GFP, selected on the
/// map like a gene) goes: just 5′ (`before`) or 3′ of the edit's bases in the insert's
/// orientation, reading the same way, as a position in reference coordinates (`Site::At`). Parts
/// of an insert anchor at the whole insert. `None` when the edit is gone or disabled.
///
/// Next to a replacement (`efb1Δ::kanMX4`) the new bases touch the replaced span and are allowed;
/// next to a pure insertion they would share its gap, which the engine refuses with a reason the
/// preview shows (combine both in one insert instead).
pub fn site_next_to_insert(design: &Design, what: InsertRef, before: bool) -> Option<Site> {
    let edit = design
        .edit(what.edit)
        .filter(|_| design.is_enabled(what.edit))?;
    let strand = match edit.feature.as_ref().map(|f| f.strand) {
        Some(Strand::Reverse) => Strand::Reverse,
        _ => Strand::Forward,
    };
    // `after` counts the bases before the gap: 5′ of a + insert is the gap at its span's start,
    // 5′ of a − insert the gap at its end.
    let after = if (strand == Strand::Reverse) == before {
        edit.span.end().get()
    } else {
        edit.span.start().get()
    };
    Some(Site::At {
        contig: edit.contig,
        after,
        strand,
    })
}

/// The bases a plan inserts and removes.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Sizes {
    /// Bases inserted.
    pub inserted: u64,
    /// Reference bases removed.
    pub removed: u64,
}

impl Sizes {
    /// Of a plan.
    pub fn of(plan: &Plan) -> Self {
        Self {
            inserted: plan.requests.iter().map(|r| r.sequence.len() as u64).sum(),
            removed: plan.requests.iter().map(|r| r.span.len()).sum(),
        }
    }

    /// Inserted − removed.
    pub fn change(&self) -> i64 {
        self.inserted as i64 - self.removed as i64
    }

    /// `1,357 − 3,573 = −2,216 bp`, `+717 bp`, `−3,573 bp`.
    pub fn sentence(&self) -> String {
        let change = crate::view::edit_rows::signed(self.change());
        if self.inserted > 0 && self.removed > 0 {
            format!(
                "{} − {} = {change} bp",
                thousands(self.inserted),
                thousands(self.removed)
            )
        } else {
            format!("{change} bp")
        }
    }
}

/// Removes the strain background: the edits of its alleles go, and the record. All or nothing.
pub fn clear_background(design: &mut Design) -> Result<(), EditError> {
    let mut next = design.clone();
    if let Some(old) = next.genotype().background.clone() {
        for a in &old.alleles {
            for &id in &a.edit_ids {
                if next.edit(id).is_some() {
                    next.remove(id)?;
                }
            }
        }
    }
    next.genotype_mut().background = None;
    *design = next;
    Ok(())
}

/// The gene set a resolved list makes (systematic names, in the order given).
pub fn gene_set(genome: &Genome, list: &GeneList, name: &str) -> GeneSet {
    GeneSet {
        name: (!name.trim().is_empty()).then(|| name.trim().to_owned()),
        genes: list
            .genes()
            .into_iter()
            .map(|g| genome.gene_names(g).0)
            .collect(),
    }
}

/// `TFC3 (YAL001C)` or `YAL004W`.
pub fn gene_label(genome: &Genome, gene: FeatureIdx) -> String {
    let (systematic, standard) = genome.gene_names(gene);
    if standard == systematic {
        systematic
    } else {
        format!("{standard} ({systematic})")
    }
}

/// A strain's genotype as geneticists write it (`MATa his3Δ1 leu2Δ0 met15Δ0 ura3Δ0`; in a diploid
/// `MATa/α his3Δ1/his3Δ1 … LYS2/lys2Δ0 met15Δ0/MET15 …`, the MATa copy first).
pub fn strain_genotype(s: &crate::core::genetics::strain::StrainDef) -> String {
    let mut parts = vec![s.mating_type.genotype_token().to_owned()];
    for &(name, zygosity, copy) in s.alleles {
        parts.push(crate::core::genetics::nomenclature::allele_token(
            name, s.ploidy, zygosity, copy,
        ));
    }
    parts.join(" ")
}
