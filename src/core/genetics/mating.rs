//! The mating-type switch a MATa strain carries: at *MAT* the Yα region replaced by Ya, the copy
//! held at *HMR* in the same genome — what HO-induced switching does (Haber 2012, Genetics
//! 191:33–64, doi:10.1534/genetics.112.138099). The S288C reference carries MATα at MAT.
//!
//! Both Y regions are located from the sequence, not from coordinates written here: *MAT* and
//! *HMR* are found by their genes (MATALPHA2/MATALPHA1, YCR039C/YCR040W; HMRA2/HMRA1,
//! YCR096C/YCR097W), and the flanking X and Z1 regions they share by exact matches ≥ 100 bp
//! (20-mer seeds extended base by base). X and Z1 then reach over single-base differences towards
//! Y while what lies beyond such a difference is a shared stretch of ≥ 8 bp: Z1 begins with the
//! 10 bp `CGCAACAGTA` that MAT and HMR share, followed by the one base where HMR's Z1 differs from
//! MAT's (R64 III:200,861 T at MAT, III:294,389 A at HMR). Y is what lies between X and Z1. On R64
//! (1-based): Yα = III:200,104–200,850 (747 bp), Ya = III:293,737–294,378 (642 bp) — the
//! literature's lengths (Astell et al. 1981, Cell 27:15–23; Haber 2012). Taking only the exact
//! runs would give 758 and 653 bp: those 11 more bases are the shared 10 bp and the differing
//! base of Z1.
//!
//! Two edits make MATa, both recorded on the background allele `MATa`:
//! - **Y**: exactly Yα replaced by Ya (only Y differs between MATα and MATa; X and Z1 around it —
//!   and BUD5 and YCR041W, whose ends reach into them — stay as they are). Nothing of HMR beyond
//!   Y is copied: MAT keeps its own Z1 base where HMR's differs ([`MatLoci::flank_differences`]),
//!   said in the modelling sentence. a1 (HMR's YCR097W, in
//!   Ya) comes in as the gene `MATA1` with its mRNA, three exons and CDS parts (HMR's phases). Its
//!   annotation supersedes MATα1 and MATα2 (YCR040W, YCR039C): their start codons were in Yα, and
//!   the bases left in X and Z1 encode no α protein, so no line named MATα stays.
//! - **a2**: a2 (HMR's YCR096C, III:293,179–293,538) lies wholly in X, which MAT and HMR share base
//!   for base, so its bases are already at MAT (III:199,546–199,905, where MATα2's 3′ part was).
//!   It is annotated by replacing those 360 bases by HMR's — the very same bases (checked), an
//!   identity that changes no base and touches no other feature (BUD5's start codon overlaps a2's
//!   stop codon), is aligned in the chain and lifts base for base — carrying the gene `MATA2`
//!   (mRNA, exon, CDS).
//!
//! IDs follow the reference's style: `gene:MATA1`, `transcript:MATA1_mRNA`.

use crate::core::coord::Span;
use crate::core::edit::{EditOp, EditRequest, InsertedFeature, SubFeature};
use crate::core::genetics::refusal::Refusal;
use crate::core::genome::Genome;
use crate::core::genome::contig::ContigId;
use crate::core::genome::feature::{FeatureIdx, FeatureKind};
use crate::core::genome::names::Lookup;
use crate::core::strand::Strand;

/// The genes that mark MAT (α: MATALPHA2, MATALPHA1) and HMR (a: HMRA2, HMRA1), systematic names.
pub const MAT_GENES: [&str; 2] = ["YCR039C", "YCR040W"];
const HMR_GENES: [&str; 2] = ["YCR096C", "YCR097W"];
/// Flank searched around each locus's genes, bp.
const FLANK: u64 = 1500;
/// Seed length and the shortest shared run that counts as X or Z.
const SEED: usize = 20;
const MIN_RUN: u64 = 100;
/// The shortest shared stretch that, one differing base away from X's or Z1's exact run, still
/// belongs to it (Z1's first 10 bp, before the base where HMR's Z1 differs from MAT's).
const MIN_ISLAND: usize = 8;

/// A base of X or Z1 (outside Y) where MAT and HMR differ. MAT keeps its own.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct FlankDifference {
    /// The base's position at MAT (0-based).
    pub at_mat: crate::core::coord::Pos,
    /// The matching position at HMR (0-based).
    pub at_hmr: crate::core::coord::Pos,
    /// MAT's base (upper case).
    pub mat: u8,
    /// HMR's base (upper case).
    pub hmr: u8,
}

/// Where the mating-type regions are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatLoci {
    /// The contig (III).
    pub contig: ContigId,
    /// Yα at MAT.
    pub y_alpha: Span,
    /// Ya at HMR.
    pub y_a: Span,
    /// The span replaced at MAT (= Yα).
    pub replaced: Span,
    /// The span of HMR copied in (= Ya).
    pub donor: Span,
    /// HMR's genes in X (a2), each as (its span at MAT, its span at HMR): X is shared, so MAT has
    /// the same bases at the same offset from Y.
    pub in_x: Vec<(Span, Span)>,
    /// The bases of X and Z1 that MAT and HMR do not share, found when X and Z1 are reached over
    /// single differences (R64: one, Z1's 11th base). Not copied: MAT keeps its own.
    pub flank_differences: Vec<FlankDifference>,
}

/// A shared run: MAT start, HMR start, length (0-based).
#[derive(Copy, Clone, Debug)]
struct Run {
    m: u64,
    h: u64,
    len: u64,
}

fn gene(genome: &Genome, name: &str) -> Result<FeatureIdx, Refusal> {
    match genome.lookup(name) {
        Lookup::Found(hit) => Ok(hit.feature),
        _ => Err(Refusal::Mating(format!(
            "{name} is not in this annotation, so MAT and HMR cannot be located"
        ))),
    }
}

fn window(genome: &Genome, genes: &[FeatureIdx]) -> (ContigId, Span) {
    let contig = genome.feature(genes[0]).contig;
    let s = genes
        .iter()
        .map(|&g| genome.extent(g).start().get())
        .min()
        .unwrap_or(0);
    let e = genes
        .iter()
        .map(|&g| genome.extent(g).end().get())
        .max()
        .unwrap_or(0);
    let len = genome.contig(contig).length;
    (
        contig,
        Span::from_raw(s.saturating_sub(FLANK), (e + FLANK).min(len)),
    )
}

/// Maximal exact runs ≥ [`MIN_RUN`] between the MAT and HMR windows, same orientation, sorted by
/// their start at MAT.
fn shared_runs(m: &[u8], h: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut index: std::collections::HashMap<&[u8], Vec<usize>> = Default::default();
    for j in 0..h.len().saturating_sub(SEED - 1) {
        index.entry(&h[j..j + SEED]).or_default().push(j);
    }
    let mut runs = Vec::new();
    for i in 0..m.len().saturating_sub(SEED - 1) {
        for &j in index.get(&m[i..i + SEED]).map_or(&[][..], Vec::as_slice) {
            // Only from the left end of a run.
            if i > 0 && j > 0 && m[i - 1] == h[j - 1] {
                continue;
            }
            let mut l = 0;
            while i + l < m.len() && j + l < h.len() && m[i + l] == h[j + l] {
                l += 1;
            }
            if l as u64 >= MIN_RUN {
                runs.push((i, j, l));
            }
        }
    }
    crate::core::sort::sort(&mut runs);
    runs
}

/// Locates Yα, Ya and the spans of the swap (see the module).
pub fn locate(genome: &Genome) -> Result<MatLoci, Refusal> {
    let mat: Vec<FeatureIdx> = MAT_GENES
        .iter()
        .map(|n| gene(genome, n))
        .collect::<Result<_, _>>()?;
    let hmr: Vec<FeatureIdx> = HMR_GENES
        .iter()
        .map(|n| gene(genome, n))
        .collect::<Result<_, _>>()?;
    let (contig, mw) = window(genome, &mat);
    let (hc, hw) = window(genome, &hmr);
    if hc != contig {
        return Err(Refusal::Mating(
            "MAT and HMR are on different sequences".to_owned(),
        ));
    }
    let no_seq = || Refusal::Mating("the genome has no sequence at MAT or HMR".to_owned());
    let m = genome
        .sequence(contig, mw)
        .ok_or_else(no_seq)?
        .to_ascii_uppercase();
    let h = genome
        .sequence(contig, hw)
        .ok_or_else(no_seq)?
        .to_ascii_uppercase();
    let runs: Vec<Run> = shared_runs(&m, &h)
        .into_iter()
        .map(|(i, j, l)| Run {
            m: mw.start().get() + i as u64,
            h: hw.start().get() + j as u64,
            len: l as u64,
        })
        .collect();
    // Y is the widest gap between consecutive shared runs (X before it, Z1 after it).
    let (x, z) = runs
        .windows(2)
        .filter(|w| w[1].m > w[0].m + w[0].len && w[1].h > w[0].h + w[0].len)
        .max_by_key(|w| w[1].m - (w[0].m + w[0].len))
        .map(|w| (w[0], w[1]))
        .ok_or_else(|| {
            Refusal::Mating(format!(
                "no X and Z regions shared by MAT and HMR were found ({} shared runs ≥ {MIN_RUN} bp)",
                runs.len()
            ))
        })?;
    // X and Z1 reach over single differences towards Y (see the module).
    let (mut flank_differences, mut x_end, mut z_start) =
        (Vec::new(), (x.m + x.len, x.h + x.len), (z.m, z.h));
    let local = |at: (u64, u64)| {
        (
            (at.0 - mw.start().get()) as usize,
            (at.1 - hw.start().get()) as usize,
        )
    };
    let global = |at: (usize, usize)| {
        (
            mw.start().get() + at.0 as u64,
            hw.start().get() + at.1 as u64,
        )
    };
    let difference = |at: (usize, usize)| {
        let (gm, gh) = global(at);
        FlankDifference {
            at_mat: crate::core::coord::Pos(gm),
            at_hmr: crate::core::coord::Pos(gh),
            mat: m[at.0],
            hmr: h[at.1],
        }
    };
    loop {
        let (i, j) = local(z_start);
        let (xi, xj) = local(x_end);
        // The differing base before Z1, then the shared stretch before it.
        if i < xi + 1 + MIN_ISLAND || j < xj + 1 + MIN_ISLAND {
            break;
        }
        let k = (1..=i - 1 - xi)
            .take_while(|&k| j > xj + k && m[i - 1 - k] == h[j - 1 - k])
            .count();
        if k < MIN_ISLAND {
            break;
        }
        flank_differences.push(difference((i - 1, j - 1)));
        z_start = global((i - 1 - k, j - 1 - k));
    }
    loop {
        let (i, j) = local(x_end);
        let (zi, zj) = local(z_start);
        if i + 1 + MIN_ISLAND > zi || j + 1 + MIN_ISLAND > zj {
            break;
        }
        let k = (0..zi - i - 1)
            .take_while(|&k| j + 1 + k < zj && m[i + 1 + k] == h[j + 1 + k])
            .count();
        if k < MIN_ISLAND {
            break;
        }
        flank_differences.push(difference((i, j)));
        x_end = global((i + 1 + k, j + 1 + k));
    }
    crate::core::sort::sort_by_key(&mut flank_differences, |d| d.at_mat);
    let y_alpha = Span::from_raw(x_end.0, z_start.0);
    let y_a = Span::from_raw(x_end.1, z_start.1);
    let in_x = hmr
        .iter()
        .map(|&g| genome.extent(g))
        .filter(|e| e.start().get() >= x.h && e.end().get() <= x.h + x.len)
        .map(|e| {
            let back = y_a.start().get() - e.start().get();
            let at = y_alpha.start().get() - back;
            (Span::from_raw(at, at + e.len()), e)
        })
        .collect();
    Ok(MatLoci {
        contig,
        y_alpha,
        y_a,
        replaced: y_alpha,
        donor: y_a,
        in_x,
        flank_differences,
    })
}

/// `HMRA1` → `MATA1`.
fn mat_name(hmr: &str) -> String {
    hmr.strip_prefix("HMR")
        .map_or_else(|| hmr.to_owned(), |rest| format!("MAT{rest}"))
}

/// HMR's genes wholly inside the donor span and their lines (mRNA, exons, CDS), as parts named
/// for MAT: `HMRA1` → gene `gene:MATA1`, mRNA `transcript:MATA1_mRNA`, exons and CDS with that
/// mRNA as parent and HMR's phases. Offsets in the donor (forward), in reference order.
fn hmr_genes_as_mat(genome: &Genome, contig: ContigId, donor: Span) -> Vec<SubFeature> {
    let inside = |s: Span| s.start() >= donor.start() && s.end() <= donor.end();
    let mut lines = genome.overlapping(contig, donor);
    crate::core::sort::sort_by_key(&mut lines, |&f| (genome.feature(f).span.start(), f));
    let mut children = Vec::new();
    for f in lines {
        let feat = genome.feature(f);
        let top = genome.top_ancestor(f);
        let (systematic, std) = genome.gene_names(top);
        if !std.starts_with("HMR") || !inside(genome.extent(top)) {
            continue;
        }
        let mat = mat_name(&std);
        let rename = |id: &str| id.replace(&systematic, &mat);
        // Gene and mRNA lines carry IDs; exons and CDS (lines that may share an ID) name their
        // parent only.
        let id = matches!(feat.kind, FeatureKind::Gene | FeatureKind::Mrna)
            .then(|| feat.id.as_deref().map(rename))
            .flatten();
        let parent = feat.parents.first().map(|p| rename(p));
        let off = feat.span.start().get() - donor.start().get();
        children.push(SubFeature {
            kind: feat.kind.clone(),
            name: Some(mat),
            offset: Span::from_raw(off, off + feat.span.len()),
            strand: feat.strand,
            phase: feat.phase.map(|p| p.get()),
            id,
            parent,
        });
    }
    children
}

/// The edits that make MATa at MAT (Y, then a2 — see the module), and a sentence saying what they
/// are (with coordinates).
pub fn mata_edits(genome: &Genome) -> Result<(Vec<EditRequest>, String), Refusal> {
    let loci = locate(genome)?;
    let iii = loci.contig;
    let upper = |s: Span| {
        genome
            .sequence(iii, s)
            .map(<[u8]>::to_ascii_uppercase)
            .ok_or_else(|| Refusal::Mating("no sequence at MAT or HMR".to_owned()))
    };
    let c = &genome.contig(iii).name;
    let one = |s: Span| {
        let (a, b) = s.one_based();
        format!(
            "{c}:{}–{}",
            crate::core::coord::thousands(a),
            crate::core::coord::thousands(b)
        )
    };
    let superseded: Vec<String> = MAT_GENES
        .iter()
        .filter_map(|n| gene(genome, n).ok())
        .filter_map(|g| genome.feature(g).id.as_deref().map(str::to_owned))
        .collect();
    let y = EditRequest {
        contig: iii,
        span: loci.replaced,
        sequence: upper(loci.donor)?,
        op: EditOp::Replace,
        label: Some("MATa".to_owned()),
        feature: Some(InsertedFeature {
            supersedes: superseded,
            kind: FeatureKind::Other("mating_type_region".into()),
            id: Some("MATa".to_owned()),
            name: Some("MATa".to_owned()),
            strand: Strand::Forward,
            attributes: vec![(
                "Note".to_owned(),
                format!(
                    "Ya copied from HMR ({}) in place of Yα; MATA1 is HMRA1; MATα1 and MATα2 are superseded",
                    one(loci.donor)
                ),
            )],
            children: hmr_genes_as_mat(genome, iii, loci.donor),
            fusion: None,
        }),
    };
    let mut edits = vec![y];
    let mut a2_words = Vec::new();
    for &(at_mat, at_hmr) in &loci.in_x {
        let bases = upper(at_hmr)?;
        if upper(at_mat)? != bases {
            return Err(Refusal::Mating(format!(
                "{} in X differs from HMR's {}; X is not shared there",
                one(at_mat),
                one(at_hmr)
            )));
        }
        let mut parts = hmr_genes_as_mat(genome, iii, at_hmr);
        // The gene is the inserted feature itself; its lines are the parts.
        let Some(g) = parts
            .iter()
            .position(|p| p.kind.is_gene_like() && p.offset.len() == at_hmr.len())
        else {
            continue;
        };
        let top = parts.remove(g);
        let name = top.name.clone().unwrap_or_default();
        let len = at_hmr.len();
        for p in &mut parts {
            if p.parent.as_deref() == top.id.as_deref() {
                p.parent = None;
            }
            // Parts are placed in the insert's orientation: on −, offsets from its other end and
            // strands relative to it.
            if top.strand == Strand::Reverse {
                let (a, b) = (p.offset.start().get(), p.offset.end().get());
                p.offset = Span::from_raw(len - b, len - a);
                p.strand = match p.strand {
                    Strand::Reverse => Strand::Forward,
                    Strand::Forward => Strand::Reverse,
                    other => other,
                };
            }
        }
        a2_words.push(format!(
            "{name} at {} (= {} at HMR)",
            one(at_mat),
            one(at_hmr)
        ));
        edits.push(EditRequest {
            contig: iii,
            span: at_mat,
            sequence: bases,
            op: EditOp::Replace,
            label: Some(format!("MATa: {name} annotation (bases unchanged)")),
            feature: Some(InsertedFeature {
                supersedes: Vec::new(),
                kind: top.kind,
                id: top.id,
                name: top.name,
                strand: top.strand,
                attributes: vec![(
                    "Note".to_owned(),
                    format!(
                        "a2 of MATa: encoded in the X region MAT and HMR share (bases unchanged; HMR's copy is {})",
                        one(at_hmr)
                    ),
                )],
                children: parts,
                fusion: None,
            }),
        });
    }
    let base =
        |p: crate::core::coord::Pos| format!("{c}:{}", crate::core::coord::thousands(p.get() + 1));
    let flanks = if loci.flank_differences.is_empty() {
        "nothing of HMR beyond Ya is copied".to_owned()
    } else {
        format!(
            "nothing of HMR beyond Ya is copied: where HMR's X or Z1 differs from MAT's ({}), MAT keeps its own base",
            loci.flank_differences
                .iter()
                .map(|d| format!(
                    "{} {} at MAT, {} {} at HMR",
                    base(d.at_mat),
                    char::from(d.mat),
                    base(d.at_hmr),
                    char::from(d.hmr)
                ))
                .collect::<Vec<_>>()
                .join("; ")
        )
    };
    let what = format!(
        "MATa modelled: Yα at MAT ({}, {} bp) replaced by HMR's Ya ({}, {} bp), both located from the sequence as what lies between the X and Z1 regions MAT and HMR share (Z1 reaching over single differing bases); {flanks}; a1 comes in with Ya as MATA1; {}; MATα1 and MATα2 (start codons in Yα) are superseded, their bases left in X and Z1 unannotated",
        one(loci.y_alpha),
        loci.y_alpha.len(),
        one(loci.y_a),
        loci.y_a.len(),
        if a2_words.is_empty() {
            "no a2 was found in X".to_owned()
        } else {
            format!(
                "a2 is annotated on its X bases, which MAT and HMR share: {}",
                a2_words.join(", ")
            )
        }
    );
    Ok((edits, what))
}
