//! Genotype strings, as geneticists write them: `MATa his3Δ1 leu2Δ0 met15Δ0 ura3Δ0 tfc3Δ::kanMX4`.
//!
//! Tokens: a mating type (`MATa`, `MATα`/`MATalpha`, `MATa/α` (written) or `MATa/α` (read)); background alleles
//! (`his3Δ1`, or in a diploid `his3Δ1/his3Δ1`, `met15Δ0/MET15` and `LYS2/lys2Δ0` — the MATa copy
//! written first, so a heterozygous allele's place says which copy it is on); deletions `geneΔ` and `geneΔ::cassette`; sequence
//! variants `gene::insert`; additions `insert@contig:pos` (after base `pos`); region deletions
//! `Δ(III:1001-2000)` (1-based, inclusive; `region_name.rs`); tags `PHO5-GFP(S65T)::kanMX6`,
//! `PHO5-GFP(S65T)` and `GFP(S65T)-PHO5` (`tag_name.rs`); point mutations `gal4-K23A`,
//! `pho5-c.70A>G` (`point_name.rs`); promoter swaps `pGAL1-PHO5` (`promoter_name.rs`). In a diploid a
//! perturbation is written with both copies: `tfc3Δ::kanMX4/TFC3` heterozygous (the wild-type
//! half is the gene's standard name in capitals, `+` for an addition), `far1Δ/far1Δ` homozygous.
//! `delta` may stand for `Δ`. Genes resolve by systematic, standard or alias name, case-insensitively.

use crate::core::coord::Span;
use crate::core::design::genotype::{
    DiploidCopy, Genotype, MatingType, Perturbation, PerturbationType, Zygosity,
};
use crate::core::edit::Terminus;
use crate::core::edit::helpers::resolve_gene;
use crate::core::genetics::point_name::{Change, parse_point_designation};
use crate::core::genetics::promoter_name::{assumed_upstream, parse_promoter_designation};
use crate::core::genetics::region_name::{parse_region_designation, region_designation};
use crate::core::genetics::strain::{STRAINS, StrainDef, allele};
use crate::core::genetics::tag_name::parse_tag_designation;
use crate::core::genome::Genome;

/// One perturbation as a string describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PerturbationSketch {
    /// Its kind.
    pub perturbation_type: PerturbationType,
    /// The designation, normalised (`Δ`, the gene's standard name in lower case).
    pub designation: String,
    /// The gene's systematic name (gene-level kinds).
    pub gene: Option<String>,
    /// The cassette or insert's name.
    pub insert: Option<String>,
    /// Where an addition goes: contig and the base it follows.
    pub site: Option<(String, u64)>,
    /// A region deletion's sequence (its name in the genome) and span (0-based, half-open).
    pub region: Option<(String, Span)>,
    /// A C-terminal tag's marker (`kanMX6` of `PHO5-GFP(S65T)::kanMX6`); the tag's name (or a
    /// promoter swap's promoter, `GAL1` of `pGAL1-PHO5`) is in `insert`.
    pub marker: Option<String>,
    /// A point mutation's change (`K23A`, `c.69A>G`).
    pub change: Option<Change>,
    /// What the string does not say and reading it assumed (a point mutation's codon, a promoter
    /// swap's replaced length), in words; [`crate::core::genetics::compose::apply_sketch`] adds
    /// what it chose from the library and the genome.
    pub assumed: Vec<String>,
    /// `Heterozygous` for `allele/WT`, `Homozygous` for `allele/allele`, `Haploid` for a lone
    /// allele (which [`crate::core::genetics::compose::apply`] makes heterozygous in a diploid).
    pub zygosity: Zygosity,
}

/// What a genotype string says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GenotypeSketch {
    /// Mating type.
    pub mating_type: Option<MatingType>,
    /// The known strain these alleles and mating type make, if any.
    pub strain: Option<&'static str>,
    /// Background alleles with their zygosity and, when heterozygous, the copy they are on (the
    /// first written is the MATa copy's).
    pub alleles: Vec<(String, Zygosity, Option<DiploidCopy>)>,
    /// Perturbations.
    pub perturbations: Vec<PerturbationSketch>,
    /// Tokens not understood, with why.
    pub unknown: Vec<(String, String)>,
}

/// One background allele as a genotype string writes it: `his3Δ1` in a haploid; in a diploid
/// `his3Δ1/his3Δ1`, and a heterozygous allele beside its wild type on the copy it is on, the MATa
/// copy first (`met15Δ0/MET15` on the MATa copy, `LYS2/lys2Δ0` on the MATα copy; without a
/// recorded copy, the allele first).
pub fn allele_token(
    name: &str,
    ploidy: u8,
    zygosity: Zygosity,
    copy: Option<DiploidCopy>,
) -> String {
    let wt = allele(name).map_or(name, |d| d.wild_type);
    match (ploidy, zygosity, copy) {
        (2, Zygosity::Heterozygous, Some(DiploidCopy::Alpha)) => format!("{wt}/{name}"),
        (2, Zygosity::Heterozygous, _) => format!("{name}/{wt}"),
        (2, _, _) => format!("{name}/{name}"),
        _ => name.to_owned(),
    }
}

/// Writes a design's genotype (`MATa/α his3Δ1/his3Δ1 … LYS2/lys2Δ0 met15Δ0/MET15 …
/// tfc3Δ::kanMX4/TFC3` for BY4743 with a heterozygous deletion).
pub fn format(g: &Genotype) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(b) = &g.background {
        parts.push(b.mating_type.genotype_token().to_owned());
        // The mating-type allele is written by the mating type itself.
        for a in b.alleles.iter().filter(|a| a.locus != "MAT") {
            parts.push(allele_token(&a.name, b.ploidy, a.zygosity, a.copy));
        }
    }
    parts.extend(perturbation_tokens(&g.perturbations));
    parts.join(" ")
}

/// The perturbations as a genotype string writes them, in their order: each by
/// [`perturbation_token`], except that point mutations of one gene on the same copies (haploid,
/// or homozygous in a diploid) are one allele with its changes in residue order, at the place of
/// the first (`gal4-K17A,K23A` for K23A then K17A). Heterozygous ones stay apart: their phase is
/// not recorded (`cis_trans.rs`), and one token would claim they are in cis. Two heterozygous
/// perturbations of a gene, one of which removes it, cannot share a copy: they are the gene's two
/// copies, one token at the place of the first (`tub1Δ::kanMX4/tub1Δ::natMX4`,
/// `tub1Δ::natMX4/TUB1-GFP(S65T)::kanMX6`), read back as two.
pub fn perturbation_tokens(perturbations: &[Perturbation]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, p) in perturbations.iter().enumerate() {
        if perturbations[..i].iter().any(|q| same_allele(p, q)) {
            continue;
        }
        if let Some(token) = beside_homozygous(perturbations, p) {
            out.extend(token);
            continue;
        }
        match trans_partner(perturbations, i) {
            Some(Partner::Second) => continue,
            Some(Partner::First(j)) => {
                out.push(format!(
                    "{}/{}",
                    p.designation, perturbations[j].designation
                ));
                continue;
            }
            None => {}
        }
        out.push(match allele_from(perturbations, i) {
            Some(allele) if p.zygosity == Zygosity::Homozygous => format!("{allele}/{allele}"),
            Some(allele) => allele,
            None => perturbation_token(p),
        });
    }
    out
}

/// The allele perturbation `i` of `perturbations` is part of, when it is a point mutation merged
/// with others of its gene on the same copies as [`perturbation_tokens`] writes them: the
/// allele's designation without its copies, `gal4-K17A,K23A` for either change. `None` when it
/// stands alone (or `i` is out of range): its own designation is the allele. The spec's
/// `allele` and the gene nodes' `perturbations` use it, so they name what the genotype names.
pub fn allele_of(perturbations: &[Perturbation], i: usize) -> Option<String> {
    let p = perturbations.get(i)?;
    let first = perturbations[..i]
        .iter()
        .position(|q| same_allele(p, q))
        .unwrap_or(i);
    allele_from(perturbations, first)
}

/// A point change of a gene that has point changes on one copy and on both: the ones on both
/// copies are on each copy, so a heterozygous change is written with them against them
/// (`gal4-K17A,S22A/gal4-S22A` for K17A heterozygous beside S22A homozygous — not
/// `gal4-K17A/GAL4`, whose wild-type copy no longer exists), and the homozygous changes are
/// written only there (`Some(None)`). `None`: not such a change, written as usual.
fn beside_homozygous(perturbations: &[Perturbation], p: &Perturbation) -> Option<Option<String>> {
    let point = |q: &Perturbation| q.perturbation_type == PerturbationType::PointMutation;
    let of_gene = |q: &Perturbation, z: Zygosity| {
        point(q)
            && q.zygosity == z
            && q.systematic_gene_name
                .eq_ignore_ascii_case(&p.systematic_gene_name)
    };
    if !point(p) {
        return None;
    }
    let het = perturbations
        .iter()
        .any(|q| of_gene(q, Zygosity::Heterozygous));
    let hom: Vec<&Perturbation> = (perturbations.iter())
        .filter(|q| of_gene(q, Zygosity::Homozygous))
        .collect();
    if !het || hom.is_empty() {
        return None;
    }
    if p.zygosity == Zygosity::Homozygous {
        return Some(None);
    }
    fn change(q: &Perturbation) -> Option<&str> {
        q.designation.rsplit_once('-').map(|(_, c)| c)
    }
    let gene = p.designation.rsplit_once('-').map_or("", |(g, _)| g);
    let mut both: Vec<&str> = hom.iter().filter_map(|q| change(q)).collect();
    both.sort_by_key(|c| residue_of(c));
    let mut this: Vec<&str> = both.iter().copied().chain(change(p)).collect();
    this.sort_by_key(|c| residue_of(c));
    Some(Some(format!(
        "{gene}-{}/{gene}-{}",
        this.join(","),
        both.join(",")
    )))
}

/// A heterozygous perturbation's partner on the other copy ([`perturbation_tokens`]): when the
/// first two heterozygous perturbations of a gene include one that removes it, they cannot share
/// a copy — they are the gene's two copies, one token (`tub1Δ::kanMX4/tub1Δ::natMX4`,
/// `tub1Δ::natMX4/TUB1-GFP(S65T)::kanMX6`). A third has no copy of its own (`cis_trans.rs` says
/// so) and is written as usual.
enum Partner {
    /// This one is written first; the index of the second.
    First(usize),
    /// This one is the second, written with the first.
    Second,
}

/// Whether heterozygous perturbation `i` is one of a gene's two copies with another
/// (`tub1Δ::kanMX4/tub1Δ::natMX4`, `tub1Δ::natMX4/TUB1-GFP(S65T)`): together they touch both.
pub fn in_trans(perturbations: &[Perturbation], i: usize) -> bool {
    i < perturbations.len() && trans_partner(perturbations, i).is_some()
}

fn trans_partner(perturbations: &[Perturbation], i: usize) -> Option<Partner> {
    let p = &perturbations[i];
    let het_of_gene = |q: &Perturbation| {
        q.zygosity == Zygosity::Heterozygous
            && q.perturbation_type != PerturbationType::RegionDeletion
            && q.perturbation_type != PerturbationType::GeneAddition
            && !q.systematic_gene_name.is_empty()
            && q.systematic_gene_name
                .eq_ignore_ascii_case(&p.systematic_gene_name)
    };
    if !het_of_gene(p) {
        return None;
    }
    let mut same = perturbations
        .iter()
        .enumerate()
        .filter(|(_, q)| het_of_gene(q));
    let (first, x) = same.next()?;
    let (second, y) = same.next()?;
    if !(x.perturbation_type.removes_gene() || y.perturbation_type.removes_gene()) {
        return None;
    }
    match i {
        _ if i == first => Some(Partner::First(second)),
        _ if i == second => Some(Partner::Second),
        _ => None,
    }
}

/// Whether two perturbations are changes of one allele: point mutations of one gene on the same
/// copies, not heterozygous (their phase is not recorded).
fn same_allele(p: &Perturbation, q: &Perturbation) -> bool {
    p.perturbation_type == PerturbationType::PointMutation
        && q.perturbation_type == PerturbationType::PointMutation
        && p.zygosity != Zygosity::Heterozygous
        && p.zygosity == q.zygosity
        && p.systematic_gene_name == q.systematic_gene_name
}

/// The allele whose first change is perturbation `first`, with its changes in residue order;
/// `None` unless it has two or more.
fn allele_from(perturbations: &[Perturbation], first: usize) -> Option<String> {
    let p = &perturbations[first];
    let mut changes: Vec<&str> = perturbations[first..]
        .iter()
        .filter(|q| std::ptr::eq(*q, p) || same_allele(p, q))
        .filter_map(|q| q.designation.rsplit_once('-').map(|(_, c)| c))
        .collect();
    if changes.len() < 2 {
        return None;
    }
    changes.sort_by_key(|c| residue_of(c));
    let gene = p.designation.rsplit_once('-').map_or("", |(g, _)| g);
    Some(format!("{gene}-{}", changes.join(",")))
}

/// The changes of one allele, `K17A,K23A` → `K17A`, `K23A` (what the composer and the CLI's
/// `--mutate GAL4=K17A,K23A` take); commas inside a coding change's consequence
/// (`c.67_72delinsGCTGTT(K23A,L24V)`) do not split.
pub fn change_list(changes: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in changes.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(changes[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(changes[start..].trim());
    parts
}

/// The residue a point change names, for ordering an allele's changes: `23` of `K23A`, the codon
/// of a coding base (`c.70A>G` is in residue 24).
fn residue_of(change: &str) -> u64 {
    let (coding, digits) = match change.strip_prefix("c.") {
        Some(rest) => (true, rest),
        None => (
            false,
            change.trim_start_matches(|c: char| c.is_ascii_alphabetic()),
        ),
    };
    let n: u64 = digits
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or(0);
    if coding { n.div_ceil(3) } else { n }
}

/// One allele with several point changes, `gal4-K17A,K23A`, as one designation per change
/// (`gal4-K17A`, `gal4-K23A`); commas inside a coding change's consequence
/// (`c.67_72delinsGCTGTT(K23A,L24V)`) do not split. `None` for any other token.
fn split_changes(token: &str) -> Option<Vec<String>> {
    if token.starts_with("Δ(") || token.contains("::") || token.contains('@') {
        return None;
    }
    // The last hyphen: a systematic name has its own (`ydr374w-a-K17A,K23A`), a change none.
    let (gene, changes) = token.rsplit_once('-')?;
    let parts = change_list(changes);
    (parts.len() > 1).then(|| parts.iter().map(|c| format!("{gene}-{c}")).collect())
}

/// One perturbation as a genotype string writes it: its designation, in a diploid with both
/// copies (`far1Δ/far1Δ` homozygous, `tfc3Δ::kanMX4/TFC3` heterozygous).
pub fn perturbation_token(p: &Perturbation) -> String {
    match p.zygosity {
        Zygosity::Haploid => p.designation.clone(),
        Zygosity::Homozygous => format!("{0}/{0}", p.designation),
        Zygosity::Heterozygous => format!(
            "{}/{}",
            p.designation,
            wild_type(p.perturbation_type, &p.perturbed_gene_name)
        ),
    }
}

/// The wild-type allele a heterozygous perturbation pairs with: the gene's standard name in
/// capitals (`TFC3`), or `+` for a region that is not one gene and for an addition (the other
/// copy has no insert).
fn wild_type(kind: PerturbationType, standard: &str) -> String {
    match kind {
        PerturbationType::RegionDeletion | PerturbationType::GeneAddition => "+".to_owned(),
        _ => standard.to_uppercase(),
    }
}

/// A diploid perturbation `allele/allele` (homozygous) or `allele/WT` (heterozygous, the
/// wild-type half as [`format()`] writes it); `Err` says why the pair is not one.
fn perturbation_pair(genome: &Genome, a: &str, b: &str) -> Result<PerturbationSketch, String> {
    let mut p = perturbation(genome, a)?;
    if normalise_delta(b) == a {
        p.zygosity = Zygosity::Homozygous;
        return Ok(p);
    }
    let standard = match &p.gene {
        Some(systematic) => gene(genome, systematic)?.1,
        None => String::new(),
    };
    let wt = wild_type(p.perturbation_type, &standard);
    if b.eq_ignore_ascii_case(&wt) {
        p.zygosity = Zygosity::Heterozygous;
        Ok(p)
    } else {
        Err(format!(
            "not a known pair of alleles: '{b}' is neither '{a}' nor its wild type '{wt}'"
        ))
    }
}

/// `tub1Δ::kanMX4/tub1Δ::natMX4`, `tub1Δ::natMX4/TUB1-GFP(S65T)::kanMX6`: two perturbations of
/// one gene, one on each copy (each heterozygous), at least one removing it; `None` otherwise.
fn null_pair(genome: &Genome, a: &str, b: &str) -> Option<[PerturbationSketch; 2]> {
    let mut x = perturbation(genome, a).ok()?;
    let mut y = perturbation(genome, b).ok()?;
    let removes = x.perturbation_type.removes_gene() || y.perturbation_type.removes_gene();
    if !(removes && x.gene.is_some() && x.gene == y.gene) {
        return None;
    }
    x.zygosity = Zygosity::Heterozygous;
    y.zygosity = Zygosity::Heterozygous;
    Some([x, y])
}

/// The sketch a design's genotype corresponds to (what [`parse`] of [`format()`] must give back).
pub fn sketch_of(genome: &Genome, g: &Genotype) -> GenotypeSketch {
    parse(genome, &format(g))
}

fn normalise_delta(s: &str) -> String {
    let mut t = s.replace("delta", "Δ").replace("Delta", "Δ");
    if t.contains("-Δ") {
        t = t.replace("-Δ", "Δ");
    }
    t
}

/// The known strain with exactly these alleles (heterozygous ones on the same copies).
fn strain_for(
    mating: Option<MatingType>,
    alleles: &[(String, Zygosity, Option<DiploidCopy>)],
) -> Option<&'static StrainDef> {
    STRAINS.iter().find(|s| {
        Some(s.mating_type) == mating
            && s.alleles.len() == alleles.len()
            && s.alleles
                .iter()
                .all(|(n, z, c)| alleles.iter().any(|(m, y, d)| m == n && y == z && c == d))
    })
}

/// Reads a genotype string against the loaded genome. Unknown genes, alleles and tokens are
/// listed in [`GenotypeSketch::unknown`], never dropped.
pub fn parse(genome: &Genome, text: &str) -> GenotypeSketch {
    let mut out = GenotypeSketch::default();
    for raw in text.split_whitespace() {
        let token = normalise_delta(raw);
        if let Some(m) = MatingType::parse(&token) {
            out.mating_type = Some(m);
            continue;
        }
        // One allele with several changes: each change is read as its own perturbation.
        let (a, b) = token
            .split_once('/')
            .map_or((token.as_str(), None), |(a, b)| (a, Some(b)));
        if let Some(changes) = split_changes(a) {
            // `gal4-K17A,S22A/gal4-S22A`: the changes on both copies are homozygous (read once),
            // the rest heterozygous.
            let on_both: Vec<String> = b
                .filter(|b| *b != a)
                .and_then(|b| {
                    let (gene_b, rest) = b.rsplit_once('-')?;
                    (a.rsplit_once('-').map(|(g, _)| g) == Some(gene_b)).then(|| {
                        change_list(rest)
                            .iter()
                            .map(|c| format!("{gene_b}-{c}"))
                            .collect()
                    })
                })
                .unwrap_or_default();
            for change in changes {
                let read = match b {
                    Some(b) if b == a => perturbation(genome, &change).map(|mut p| {
                        p.zygosity = Zygosity::Homozygous;
                        p
                    }),
                    Some(_) if on_both.contains(&change) => {
                        let read = out
                            .perturbations
                            .iter()
                            .any(|p| p.designation == change && p.zygosity == Zygosity::Homozygous);
                        if read {
                            continue;
                        }
                        perturbation(genome, &change).map(|mut p| {
                            p.zygosity = Zygosity::Homozygous;
                            p
                        })
                    }
                    Some(_) if !on_both.is_empty() => perturbation(genome, &change).map(|mut p| {
                        p.zygosity = Zygosity::Heterozygous;
                        p
                    }),
                    Some(b) => perturbation_pair(genome, &change, b),
                    None => perturbation(genome, &change),
                };
                match read {
                    Ok(p) => out.perturbations.push(p),
                    Err(why) => out.unknown.push((raw.to_owned(), why)),
                }
            }
            continue;
        }
        // Background alleles, haploid or diploid.
        if let Some((a, b)) = token.split_once('/') {
            match (allele(a), allele(b)) {
                (Some(x), Some(y)) if x.name == y.name => {
                    out.alleles
                        .push((x.name.to_owned(), Zygosity::Homozygous, None));
                    continue;
                }
                (Some(x), None) if b.eq_ignore_ascii_case(x.wild_type) => {
                    out.alleles.push((
                        x.name.to_owned(),
                        Zygosity::Heterozygous,
                        Some(DiploidCopy::A),
                    ));
                    continue;
                }
                (None, Some(y)) if a.eq_ignore_ascii_case(y.wild_type) => {
                    out.alleles.push((
                        y.name.to_owned(),
                        Zygosity::Heterozygous,
                        Some(DiploidCopy::Alpha),
                    ));
                    continue;
                }
                (None, None) => {
                    match perturbation_pair(genome, a, b) {
                        Ok(p) => out.perturbations.push(p),
                        Err(why) => match null_pair(genome, a, b) {
                            Some(pair) => out.perturbations.extend(pair),
                            None => out.unknown.push((raw.to_owned(), why)),
                        },
                    }
                    continue;
                }
                _ => {
                    out.unknown
                        .push((raw.to_owned(), "not a known pair of alleles".to_owned()));
                    continue;
                }
            }
        }
        if let Some(a) = allele(&token) {
            out.alleles
                .push((a.name.to_owned(), Zygosity::Haploid, None));
            continue;
        }
        match perturbation(genome, &token) {
            Ok(p) => out.perturbations.push(p),
            Err(why) => out.unknown.push((raw.to_owned(), why)),
        }
    }
    if out.alleles.iter().any(|a| a.1 != Zygosity::Haploid) {
        for a in &mut out.alleles {
            if a.1 == Zygosity::Haploid {
                a.1 = Zygosity::Homozygous;
            }
        }
    }
    out.strain = strain_for(out.mating_type, &out.alleles).map(|s| s.name);
    out
}

fn gene(genome: &Genome, name: &str) -> Result<(String, String), String> {
    resolve_gene(genome, name)
        .map(|g| genome.gene_names(g))
        .map_err(|e| e.to_string())
}

/// A sketch of `kind` named `designation`, every other field empty (haploid).
fn bare(kind: PerturbationType, designation: String) -> PerturbationSketch {
    PerturbationSketch {
        perturbation_type: kind,
        designation,
        gene: None,
        insert: None,
        site: None,
        region: None,
        marker: None,
        change: None,
        assumed: Vec::new(),
        zygosity: Zygosity::Haploid,
    }
}

fn perturbation(genome: &Genome, token: &str) -> Result<PerturbationSketch, String> {
    if token.starts_with("Δ(") {
        let (contig, span) = parse_region_designation(genome, token).map_err(|e| e.to_string())?;
        return Ok(PerturbationSketch {
            region: Some((genome.contig(contig).name.to_string(), span)),
            ..bare(
                PerturbationType::RegionDeletion,
                region_designation(genome, contig, span),
            )
        });
    }
    if let Some((insert, site)) = token.split_once('@') {
        let (contig, pos) = site
            .rsplit_once(':')
            .ok_or_else(|| format!("an addition is written insert@contig:pos, not '{token}'"))?;
        let pos: u64 = pos
            .parse()
            .map_err(|_| format!("'{pos}' is not a position"))?;
        let c = genome
            .contig_by_name(contig)
            .ok_or_else(|| format!("unknown sequence '{contig}'"))?;
        let contig = genome.contig(c).name.to_string();
        return Ok(PerturbationSketch {
            insert: Some(insert.to_owned()),
            site: Some((contig.clone(), pos)),
            ..bare(
                PerturbationType::GeneAddition,
                format!("{insert}@{contig}:{pos}"),
            )
        });
    }
    let (head, insert) = match token.split_once("::") {
        Some((h, i)) => (h, Some(i)),
        None => (token, None),
    };
    if let Some(g) = head.strip_suffix('Δ') {
        let (systematic, standard) = gene(genome, g)?;
        return Ok(PerturbationSketch {
            gene: Some(systematic),
            insert: insert.map(str::to_owned),
            ..bare(
                insert.map_or(
                    PerturbationType::Deletion,
                    PerturbationType::for_replacement,
                ),
                deletion_designation(&standard, insert),
            )
        });
    }
    if let (Some(i), Ok((systematic, standard))) = (insert, gene(genome, head)) {
        return Ok(PerturbationSketch {
            gene: Some(systematic),
            insert: Some(i.to_owned()),
            ..bare(
                PerturbationType::SequenceVariant,
                format!("{}::{i}", standard.to_lowercase()),
            )
        });
    }
    if head.contains('-') {
        return hyphenated(genome, head, insert);
    }
    Err(match insert {
        Some(_) => gene(genome, head).err().unwrap_or_default(),
        None => format!(
            "'{token}' is not an allele this genoforge knows (a deletion is written geneΔ or geneΔ::cassette)"
        ),
    })
}

/// The designations joined by a hyphen: point mutations (`gal4-K23A`), promoter swaps
/// (`pGAL1-PHO5`), C-terminal tags (`PHO5-GFP(S65T)::kanMX6`) and N-terminal tags
/// (`GFP(S65T)-PHO5`), tried in that order; `head` is the token before any `::`.
fn hyphenated(
    genome: &Genome,
    head: &str,
    marker: Option<&str>,
) -> Result<PerturbationSketch, String> {
    if marker.is_none()
        && let Some(p) = parse_point_designation(genome, head).map_err(|e| e.to_string())?
    {
        return Ok(PerturbationSketch {
            gene: Some(p.systematic),
            change: Some(p.change),
            assumed: p.assumed.into_iter().collect(),
            ..bare(PerturbationType::PointMutation, p.designation)
        });
    }
    if let Some(p) = parse_promoter_designation(genome, head, marker).map_err(|e| e.to_string())? {
        return Ok(PerturbationSketch {
            gene: Some(p.systematic.clone()),
            insert: Some(p.promoter.clone()),
            assumed: vec![assumed_upstream()],
            ..bare(PerturbationType::PromoterReplacement, p.designation())
        });
    }
    if let Some(t) = parse_tag_designation(genome, head, marker).map_err(|e| e.to_string())? {
        return Ok(PerturbationSketch {
            gene: Some(t.systematic.clone()),
            insert: Some(t.tag.clone()),
            marker: t.marker.clone(),
            ..bare(
                match t.terminus {
                    Terminus::C => PerturbationType::CTerminalTag,
                    Terminus::N => PerturbationType::NTerminalTag,
                },
                t.designation(),
            )
        });
    }
    let token = match marker {
        Some(m) => format!("{head}::{m}"),
        None => head.to_owned(),
    };
    Err(format!(
        "'{token}' names no gene on either side of a hyphen: a tag is GENE-TAG[::marker] or TAG-GENE, a point mutation gene-K23A, a promoter swap pGAL1-GENE"
    ))
}

/// `tfc3Δ` or `tfc3Δ::kanMX4`.
pub fn deletion_designation(standard: &str, cassette: Option<&str>) -> String {
    match cassette {
        Some(c) => format!("{}Δ::{c}", standard.to_lowercase()),
        None => format!("{}Δ", standard.to_lowercase()),
    }
}
