//! The mating-type switch a MATa strain carries: at *MAT* the Yα region replaced by Ya, the copy
//! held at *HMR* in the same genome — what HO-induced switching does (Haber 2012, Genetics
//! 191:33–64). The S288C reference carries MATα at MAT.
//!
//! Both Y regions are located from the sequence, not from coordinates written here: *MAT* and
//! *HMR* are found by their genes (MATALPHA2/MATALPHA1, YCR039C/YCR040W; HMRA2/HMRA1,
//! YCR096C/YCR097W), and the flanking X and Z1 regions they share by exact matches ≥ 100 bp
//! (20-mer seeds extended base by base). Y is what lies between the two longest shared runs. On
//! R64 (1-based): Yα = III:200,104–200,861 (758 bp), Ya = III:293,737–294,389 (653 bp) — 11 bp more
//! than the literature's 747 and 642 bp, the bases at both edges that Yα and Ya happen to share.
//!
//! The edit replaces exactly Yα by Ya: only Y differs between MATα and MATa, so the X and Z1
//! around it — and the genes that reach into them — stay as they are. MATα2 (its 3′ part is in X)
//! and MATα1 (its 3′ end is in Z1) are therefore left as trimmed fragments without a start codon,
//! which the GFF3 marks `edit_status=trimmed;valid_ORF=False`; a1 (HMR's YCR097W, inside Ya) comes
//! in with Ya as `MATA1`. a2 is encoded in X, which MAT and HMR share: its bases are already at MAT
//! (under the MATα2 fragment) and are not annotated again. Widening the swap to hold the α genes
//! whole was tried and rejected: it trims BUD5 and YCR041W, whose ends lie in X and Z1.

use crate::core::coord::Span;
use crate::core::edit::{EditOp, EditRequest, InsertedFeature, SubFeature};
use crate::core::genetics::refusal::Refusal;
use crate::core::genome::Genome;
use crate::core::genome::contig::ContigId;
use crate::core::genome::feature::{FeatureIdx, FeatureKind};
use crate::core::genome::names::Lookup;
use crate::core::strand::Strand;

/// The genes that mark MAT (α) and HMR (a).
const MAT_GENES: [&str; 2] = ["YCR039C", "YCR040W"];
const HMR_GENES: [&str; 2] = ["YCR096C", "YCR097W"];
/// Flank searched around each locus's genes, bp.
const FLANK: u64 = 1500;
/// Seed length and the shortest shared run that counts as X or Z.
const SEED: usize = 20;
const MIN_RUN: u64 = 100;

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
    runs.sort_unstable();
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
    let y_alpha = Span::from_raw(x.m + x.len, z.m);
    let y_a = Span::from_raw(x.h + x.len, z.h);
    let (replaced, donor) = (y_alpha, y_a);
    Ok(MatLoci {
        contig,
        y_alpha,
        y_a,
        replaced,
        donor,
    })
}

/// `HMRA1` → `MATA1`.
fn mat_name(hmr: &str) -> String {
    hmr.strip_prefix("HMR")
        .map_or_else(|| hmr.to_owned(), |rest| format!("MAT{rest}"))
}

/// The edit that makes MATa at MAT, and a sentence saying what it is (with coordinates).
pub fn mata_edit(genome: &Genome) -> Result<(EditRequest, String), Refusal> {
    let loci = locate(genome)?;
    let bases = genome
        .sequence(loci.contig, loci.donor)
        .ok_or_else(|| Refusal::Mating("no sequence at HMR".to_owned()))?
        .to_ascii_uppercase();
    // HMR's genes (and their CDS lines) wholly inside the donor span, as parts named for MAT.
    let mut children = Vec::new();
    for f in genome.overlapping(loci.contig, loci.donor) {
        let feat = genome.feature(f);
        let inside = feat.span.start() >= loci.donor.start() && feat.span.end() <= loci.donor.end();
        if !inside || !matches!(feat.kind, FeatureKind::Gene | FeatureKind::Cds) {
            continue;
        }
        let top = genome.top_ancestor(f);
        let (_, std) = genome.gene_names(top);
        if !std.starts_with("HMR") {
            continue;
        }
        let off = feat.span.start().get() - loci.donor.start().get();
        children.push(SubFeature {
            kind: feat.kind.clone(),
            name: Some(mat_name(&std)),
            offset: Span::from_raw(off, off + feat.span.len()),
            strand: feat.strand,
            phase: feat.phase.map(|p| p.get()),
        });
    }
    children.sort_by_key(|c| (c.offset.start(), c.offset.end()));
    let c = &genome.contig(loci.contig).name;
    let one = |s: Span| {
        let (a, b) = s.one_based();
        format!(
            "{c}:{}–{}",
            crate::core::coord::thousands(a),
            crate::core::coord::thousands(b)
        )
    };
    let what = format!(
        "MATa modelled: Yα at MAT ({}, {} bp) replaced by HMR's Ya ({}, {} bp), both located from the sequence as what lies between the X and Z1 regions MAT and HMR share; MATα1 and MATα2 keep only their bases in X and Z1 (trimmed, no start codon); a1 comes in with Ya as MATA1",
        one(loci.y_alpha),
        loci.y_alpha.len(),
        one(loci.y_a),
        loci.y_a.len(),
    );
    let feature = InsertedFeature {
        kind: FeatureKind::Other("mating_type_region".into()),
        id: Some("MATa".to_owned()),
        name: Some("MATa".to_owned()),
        strand: Strand::Forward,
        attributes: vec![(
            "Note".to_owned(),
            format!(
                "Ya copied from HMR ({}) in place of Yα; a2 is encoded in the X region MAT and HMR share",
                one(loci.y_a)
            ),
        )],
        children,
        fusion: None,
    };
    Ok((
        EditRequest {
            contig: loci.contig,
            span: loci.replaced,
            sequence: bases,
            op: EditOp::Replace,
            label: Some("MATa".to_owned()),
            feature: Some(feature),
        },
        what,
    ))
}
