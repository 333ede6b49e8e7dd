//! Point mutations and small substitutions in a gene's coding sequence, by amino-acid change
//! (`K23A`, `Lys23Ala`, optionally with the codon: `K23A:GCC`) or by coding bases
//! (`c.69A>G`, `c.67_69delinsGCT`, same length). Coding positions are 1-based from the A of the
//! ATG (HGVS `c.`), residues 1-based from the start Met. Without a chosen codon, the residue's
//! most frequent yeast codon is used ([`crate::core::genetics::codons`]).
//!
//! Designation in yeast nomenclature: the gene in lower case (a mutant allele), a hyphen and the
//! change — `gal4-K23A`, `pho5-c.70A>G(K24E)` (a change given by bases says what it does to the
//! protein: `K24E`, `K24=` synonymous, `K24*` a stop, `M1?` the initiation codon changed, HGVS's
//! `p.Met1?`; an amino-acid change of residue 1, `M1I`, is named so too, by the bases it makes:
//! `cdc28-c.3G>T(M1?)`). Only the bases that differ are edited (one replacement
//! per run of differing bases; a codon split by an intron gives one per part).

use crate::core::design::genotype::{Perturbation, PerturbationType, Zygosity};
use crate::core::edit::{EditOp, EditRequest};
use crate::core::genetics::codons::most_frequent;
use crate::core::genetics::orf::Orf;
use crate::core::genetics::plan::Plan;
use crate::core::genetics::point_name::{
    aa_change_text, bases_change_with_consequence, codon_changes, differing_bases_change,
    point_designation,
};
use crate::core::genetics::refusal::Refusal;
use crate::core::genome::Genome;
use crate::core::genome::feature::FeatureIdx;
use crate::core::seq::revcomp;

pub use crate::core::genetics::point_name::{Change, CodonChange, parse_change};

/// Plans `change` in `gene`: the edits, the perturbation (`gal4-K23A`) and the codons changed.
pub fn plan_point_mutation(
    genome: &Genome,
    gene: FeatureIdx,
    change: &Change,
) -> Result<(Plan, Vec<CodonChange>), Refusal> {
    let orf = Orf::of(genome, gene)?;
    let gene_name = orf.name().to_owned();
    let n = orf.coding.len() as u64;
    let (start, new, written) = match change {
        Change::AminoAcid {
            from,
            pos,
            to,
            codon,
        } => {
            let residues = n / 3;
            if *pos == 0 || *pos > residues {
                return Err(Refusal::OutOfGene {
                    gene: gene_name,
                    pos: *pos,
                    len: residues,
                    unit: "codons",
                });
            }
            let at = (pos - 1) * 3;
            let found = orf
                .code
                .translate(&orf.coding[at as usize..at as usize + 3])
                .chars()
                .next()
                .unwrap_or('X');
            if found != *from {
                return Err(Refusal::Mismatch {
                    gene: gene_name,
                    what: "residue",
                    pos: *pos,
                    expected: from.to_string(),
                    found: found.to_string(),
                });
            }
            let cod = match codon {
                Some(c) => c.clone(),
                None => most_frequent(*to).unwrap_or("NNN").to_owned(),
            };
            let encodes = orf.code.translate(cod.as_bytes());
            if encodes != to.to_string() {
                return Err(Refusal::WrongCodon {
                    codon: cod,
                    residue: *to,
                    encodes,
                });
            }
            // The initiation codon: no protein with another first residue is made, so the
            // change is named by the bases it makes and `M1?` (HGVS `p.Met1?`).
            let written = if *pos == 1 && from != to {
                differing_bases_change(orf.code, &orf.coding, at, cod.as_bytes())
            } else {
                aa_change_text(*from, *pos, *to)
            };
            (at, cod.into_bytes(), written)
        }
        Change::Bases { pos, from, to } => {
            let len = to.len() as u64;
            if *pos == 0 || pos + len - 1 > n {
                return Err(Refusal::OutOfGene {
                    gene: gene_name,
                    pos: *pos,
                    len: n,
                    unit: "coding bases",
                });
            }
            let at = pos - 1;
            let found =
                String::from_utf8_lossy(&orf.coding[at as usize..(at + len) as usize]).into_owned();
            if let Some(f) = from
                && *f != found
            {
                return Err(Refusal::Mismatch {
                    gene: gene_name,
                    what: "base",
                    pos: *pos,
                    expected: f.clone(),
                    found,
                });
            }
            let written = bases_change_with_consequence(orf.code, &orf.coding, at, &found, to);
            (at, to.clone().into_bytes(), written)
        }
    };
    let old = &orf.coding[start as usize..start as usize + new.len()];
    if old == new.as_slice() {
        return Err(Refusal::NoChange(written));
    }
    let designation = point_designation(&gene_name, &written);
    // Runs of differing bases, each one replacement on the reference (+ strand bases).
    let mut requests = Vec::new();
    let mut i = 0usize;
    while i < new.len() {
        if old[i] == new[i] {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < new.len()
            && old[j] != new[j]
            && orf
                .ref_span(start + i as u64, start + j as u64 + 1)
                .is_some()
        {
            j += 1;
        }
        let span = orf
            .ref_span(start + i as u64, start + j as u64)
            .ok_or_else(|| Refusal::NoSequence {
                gene: gene_name.clone(),
            })?;
        let seq = if orf.is_reverse() {
            revcomp(&new[i..j])
        } else {
            new[i..j].to_vec()
        };
        requests.push(EditRequest {
            contig: orf.contig,
            span,
            sequence: seq,
            op: EditOp::Replace,
            label: Some(designation.clone()),
            feature: None,
        });
        i = j;
    }
    // The codons touched, before and after.
    let codons = codon_changes(orf.code, &orf.coding, start, &new);
    let first = start / 3;
    let last = (start + new.len() as u64 - 1) / 3;
    // The whole codons the change touches: another edit in them would change what it names.
    // (Base by base: a codon split by an intron lies in two places.)
    let context = (first * 3..last * 3 + 3)
        .filter_map(|b| orf.ref_span(b, b + 1).map(|s| (orf.contig, s)))
        .collect();
    let (systematic, standard) = orf.names.clone();
    Ok((
        Plan {
            context,
            warnings: Vec::new(),
            requests,
            perturbation: Perturbation {
                genes: Vec::new(),
                perturbation_type: PerturbationType::PointMutation,
                systematic_gene_name: systematic,
                perturbed_gene_name: standard,
                designation,
                edit_ids: Vec::new(),
                zygosity: Zygosity::Haploid,
            },
        },
        codons,
    ))
}
