//! Strain backgrounds by name: S288C and the BY series (Brachmann et al. 1998, Yeast 14:115–132).
//!
//! - his3Δ1 is the HindIII–HindIII fragment inside HIS3, located from the reference sequence: the
//!   bases between the cuts (A^AGCTT) of the two sites in the ORF. R64 gives 190 bp
//!   (XV:722,251–722,440); the literature says 187 bp.
//! - The Δ0 alleles (leu2Δ0, ura3Δ0, met15Δ0, lys2Δ0) are taken as whole-ORF deletions — an
//!   approximation: Brachmann et al. removed each ORF together with some flanking sequence whose
//!   exact extent is not in the data shipped here.
//! - met15Δ0 sits on the gene SGD now calls MET17 (YLR303W).
//! - Mating type: the S288C reference carries MATα at MAT. A MATa background (BY4741) gets the
//!   switch modelled — Yα replaced by the Ya of HMR in the same genome
//!   ([`crate::core::genetics::mating`]), recorded as the background allele `MATa`. In MATa/α
//!   (BY4743) the a copy is recorded, not applied. In a diploid, alleles on both copies are applied
//!   to the single edited sequence; heterozygous ones are recorded only, with the copy they are on:
//!   BY4743 = BY4741 (MATa his3Δ1 leu2Δ0 met15Δ0 ura3Δ0) × BY4742 (MATα his3Δ1 leu2Δ0 lys2Δ0
//!   ura3Δ0), so `MATa/α his3Δ1/his3Δ1 leu2Δ0/leu2Δ0 LYS2/lys2Δ0 met15Δ0/MET15 ura3Δ0/ura3Δ0`
//!   (the MATa copy written first; doi 10.1002/(SICI)1097-0061(19980130)14:2<115::AID-YEA204>3.0.CO;2-2).

use crate::core::coord::{Pos, Span};
use crate::core::design::genotype::{DiploidCopy, MatingType, Zygosity};
use crate::core::edit::helpers::{delete_gene, resolve_gene};
use crate::core::edit::{EditError, EditOp, EditRequest};
use crate::core::genome::Genome;

/// How an allele's lesion is found on the reference.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Lesion {
    /// The fragment between the only two HindIII sites inside the ORF.
    HindIiiFragment,
    /// The whole ORF.
    WholeOrf,
}

/// A named allele of a marker locus.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct AlleleDef {
    /// `his3Δ1`.
    pub name: &'static str,
    /// Systematic name of the locus.
    pub gene: &'static str,
    /// Its standard name today.
    pub locus: &'static str,
    /// The wild-type allele's name (`HIS3`, `MET15`).
    pub wild_type: &'static str,
    /// How the lesion is located.
    pub lesion: Lesion,
}

/// The marker alleles of the BY strains.
pub const ALLELES: &[AlleleDef] = &[
    AlleleDef {
        name: "his3Δ1",
        gene: "YOR202W",
        locus: "HIS3",
        wild_type: "HIS3",
        lesion: Lesion::HindIiiFragment,
    },
    AlleleDef {
        name: "leu2Δ0",
        gene: "YCL018W",
        locus: "LEU2",
        wild_type: "LEU2",
        lesion: Lesion::WholeOrf,
    },
    AlleleDef {
        name: "lys2Δ0",
        gene: "YBR115C",
        locus: "LYS2",
        wild_type: "LYS2",
        lesion: Lesion::WholeOrf,
    },
    AlleleDef {
        name: "met15Δ0",
        gene: "YLR303W",
        locus: "MET17",
        wild_type: "MET15",
        lesion: Lesion::WholeOrf,
    },
    AlleleDef {
        name: "ura3Δ0",
        gene: "YEL021W",
        locus: "URA3",
        wild_type: "URA3",
        lesion: Lesion::WholeOrf,
    },
];

/// An allele of a strain: name, zygosity and, when heterozygous in a diploid, the copy it is on.
pub type StrainAllele = (&'static str, Zygosity, Option<DiploidCopy>);

/// A strain background.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct StrainDef {
    /// Name.
    pub name: &'static str,
    /// Mating type.
    pub mating_type: MatingType,
    /// 1 or 2.
    pub ploidy: u8,
    /// Alleles, their zygosity and, for heterozygous alleles of a diploid, the copy they are on.
    pub alleles: &'static [StrainAllele],
    /// Where the genotype comes from.
    pub source: &'static str,
}

/// The strains known by name.
pub const STRAINS: &[StrainDef] = &[
    StrainDef {
        name: "S288C",
        mating_type: MatingType::Alpha,
        ploidy: 1,
        alleles: &[],
        source: "The reference strain (SGD R64)",
    },
    StrainDef {
        name: "BY4741",
        mating_type: MatingType::A,
        ploidy: 1,
        alleles: &[
            ("his3Δ1", Zygosity::Haploid, None),
            ("leu2Δ0", Zygosity::Haploid, None),
            ("met15Δ0", Zygosity::Haploid, None),
            ("ura3Δ0", Zygosity::Haploid, None),
        ],
        source: "Brachmann et al. 1998, Yeast 14:115–132",
    },
    StrainDef {
        name: "BY4742",
        mating_type: MatingType::Alpha,
        ploidy: 1,
        alleles: &[
            ("his3Δ1", Zygosity::Haploid, None),
            ("leu2Δ0", Zygosity::Haploid, None),
            ("lys2Δ0", Zygosity::Haploid, None),
            ("ura3Δ0", Zygosity::Haploid, None),
        ],
        source: "Brachmann et al. 1998, Yeast 14:115–132",
    },
    StrainDef {
        name: "BY4743",
        mating_type: MatingType::AAlpha,
        ploidy: 2,
        alleles: &[
            ("his3Δ1", Zygosity::Homozygous, None),
            ("leu2Δ0", Zygosity::Homozygous, None),
            ("lys2Δ0", Zygosity::Heterozygous, Some(DiploidCopy::Alpha)),
            ("met15Δ0", Zygosity::Heterozygous, Some(DiploidCopy::A)),
            ("ura3Δ0", Zygosity::Homozygous, None),
        ],
        source: "Brachmann et al. 1998, Yeast 14:115–132 (BY4741 × BY4742: lys2Δ0 on the MATα copy, met15Δ0 on the MATa copy)",
    },
];

/// A strain by name, case-insensitive (`by4741`, `S288c`).
pub fn strain(name: &str) -> Option<&'static StrainDef> {
    STRAINS
        .iter()
        .find(|s| s.name.eq_ignore_ascii_case(name.trim()))
}

/// An allele by name (`his3Δ1`; `his3delta1` and `his3d1` are accepted too).
pub fn allele(name: &str) -> Option<&'static AlleleDef> {
    let norm = |s: &str| s.to_lowercase().replace("delta", "Δ");
    let n = norm(name.trim());
    ALLELES
        .iter()
        .find(|a| norm(a.name) == n || a.name.to_lowercase().replace('Δ', "d") == n)
}

/// The edit that makes `allele` on the reference, and a sentence saying what it is.
pub fn allele_edit(
    genome: &Genome,
    allele: &AlleleDef,
) -> Result<(EditRequest, String), EditError> {
    let gene = resolve_gene(genome, allele.gene)?;
    match allele.lesion {
        Lesion::WholeOrf => {
            let req = delete_gene(genome, gene, Some(allele.name.to_owned()));
            let (s, e) = req.span.one_based();
            let what = format!(
                "whole-ORF deletion of {} ({}:{s}–{e}, {} bp), approximating Brachmann et al. 1998",
                allele.gene,
                genome.contig(req.contig).name,
                req.span.len()
            );
            Ok((req, what))
        }
        Lesion::HindIiiFragment => {
            let f = genome.feature(gene);
            let seq = genome.sequence(f.contig, f.span).ok_or_else(|| {
                EditError::Gene(format!(
                    "{} has no sequence to find HindIII sites in",
                    allele.locus
                ))
            })?;
            let sites: Vec<u64> = seq
                .windows(6)
                .enumerate()
                .filter(|(_, w)| w.eq_ignore_ascii_case(b"AAGCTT"))
                .map(|(i, _)| f.span.start().get() + i as u64)
                .collect();
            let [a, b] = sites[..] else {
                return Err(EditError::Gene(format!(
                    "{}: expected two HindIII sites (AAGCTT) inside {}, found {}",
                    allele.name,
                    allele.locus,
                    sites.len()
                )));
            };
            let span = Span::new(Pos(a + 1), Pos(b + 1)).unwrap_or(Span::empty_at(Pos(a)));
            let (s, e) = span.one_based();
            let what = format!(
                "HindIII–HindIII fragment inside {} ({}:{s}–{e}, {} bp from the R64 sequence; the literature says 187 bp)",
                allele.locus,
                genome.contig(f.contig).name,
                span.len()
            );
            Ok((
                EditRequest {
                    contig: f.contig,
                    span,
                    sequence: Vec::new(),
                    op: EditOp::Delete,
                    label: Some(allele.name.to_owned()),
                    feature: None,
                },
                what,
            ))
        }
    }
}
