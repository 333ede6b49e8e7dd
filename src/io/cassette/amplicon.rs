//! Picking the part of a plasmid that goes into the genome, not the whole plasmid: one annotated
//! feature ([`feature_insert`]), or the PCR product of two primers ([`amplicon`]) — the template
//! from the forward primer's site to the reverse primer's site, both included, with the record's
//! features that lie wholly inside as parts (a primer's 5′ homology tail is genomic, not part of
//! the insert). A circular record's amplicon may run across its origin.
//!
//! [`longtine_tag`] builds the C-terminal tagging module of a pFA6a plasmid with Longtine et al.'s
//! F2 and R1 primers (Longtine et al. 1998, Yeast 14:953–961): F2 anneals at
//! `CGGATCCCCGGGTTAATTAA`, R1 at `GAATTCGAGCTCGTTTAAAC`.

use crate::core::genetics::cassette::{Cassette, part};
use crate::core::genome::feature::FeatureKind;
use crate::core::seq::{revcomp, translate};
use crate::io::cassette::parts::part_kind;
use crate::io::genbank::{GbFeature, GbRecord};

/// The 3′ (annealing) part of Longtine's F2 primer.
pub const LONGTINE_F2: &str = "CGGATCCCCGGGTTAATTAA";
/// The 3′ (annealing) part of Longtine's R1 primer.
pub const LONGTINE_R1: &str = "GAATTCGAGCTCGTTTAAAC";

/// Bases of a primer's 3′ end that must match the template exactly.
const ANNEAL: usize = 18;

/// Why an insert could not be picked from a record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PickError {
    /// A primer's 3′ end is not in the record (on the strand it must anneal to).
    #[error("record '{record}': the {which} primer's 3′ end ({anneal}) is not found")]
    PrimerNotFound {
        /// Record name.
        record: String,
        /// `forward` or `reverse`.
        which: &'static str,
        /// The bases looked for.
        anneal: String,
    },
    /// A primer site found more than once: which product is meant is not a guess.
    #[error("record '{record}': the {which} primer anneals at {count} sites")]
    PrimerAmbiguous {
        /// Record name.
        record: String,
        /// `forward` or `reverse`.
        which: &'static str,
        /// Sites.
        count: usize,
    },
    /// A primer with non-ACGT letters or shorter than the annealing length.
    #[error("the {which} primer must be at least {ANNEAL} bases of A, C, G, T")]
    BadPrimer {
        /// `forward` or `reverse`.
        which: &'static str,
    },
    /// The reverse site lies before the forward one on a linear record.
    #[error(
        "record '{record}': the reverse primer anneals before the forward primer on a linear record"
    )]
    Order {
        /// Record name.
        record: String,
    },
    /// No feature with that number.
    #[error("record '{record}' has {count} features; there is no feature {index}")]
    NoFeature {
        /// Record name.
        record: String,
        /// Features.
        count: usize,
        /// Asked for (0-based).
        index: usize,
    },
    /// The tag's reading frame from the F2 site has no stop codon.
    #[error("record '{record}': no stop codon in frame after the forward primer")]
    NoTagStop {
        /// Record name.
        record: String,
    },
}

fn clean(primer: &str) -> Vec<u8> {
    primer
        .bytes()
        .filter(|b| !b.is_ascii_whitespace())
        .map(|b| b.to_ascii_uppercase())
        .collect()
}

fn anneal(primer: &str, which: &'static str) -> Result<Vec<u8>, PickError> {
    let p = clean(primer);
    if p.len() < ANNEAL || !p.iter().all(|b| matches!(b, b'A' | b'C' | b'G' | b'T')) {
        return Err(PickError::BadPrimer { which });
    }
    Ok(p[p.len() - ANNEAL..].to_vec())
}

fn sites(hay: &[u8], needle: &[u8]) -> Vec<usize> {
    hay.windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .map(|(i, _)| i)
        .collect()
}

fn one_site(
    record: &GbRecord,
    hay: &[u8],
    needle: &[u8],
    which: &'static str,
) -> Result<usize, PickError> {
    match sites(hay, needle)[..] {
        [one] => Ok(one),
        [] => Err(PickError::PrimerNotFound {
            record: record.name.clone(),
            which,
            anneal: String::from_utf8_lossy(needle).into_owned(),
        }),
        ref many => Err(PickError::PrimerAmbiguous {
            record: record.name.clone(),
            which,
            count: many.len(),
        }),
    }
}

/// Parts of `record` wholly inside `[from, from + len)` (0-based, on the record's + strand,
/// possibly across the origin of a circular record), as offsets in the insert. Gene features
/// repeating a part's extent are left out.
fn parts_inside(record: &GbRecord, from: usize, len: usize) -> Vec<crate::core::edit::SubFeature> {
    let total = record.sequence.len();
    let mut out: Vec<crate::core::edit::SubFeature> = Vec::new();
    for f in &record.features {
        let kind = match part_kind(f) {
            Some(k) => k,
            None if f.key == "source" => match f.qualifier("note") {
                Some(n) if n.to_ascii_lowercase().contains("terminator") => FeatureKind::Terminator,
                Some(n) if n.to_ascii_lowercase().contains("promoter") => FeatureKind::Promoter,
                _ => continue,
            },
            None => continue,
        };
        let (s, e) = (f.location.start() as usize, f.location.end() as usize);
        if s == 0 || e < s {
            continue;
        }
        let start = (s - 1 + total - from) % total.max(1);
        let end = start + (e - s + 1);
        if end > len {
            continue;
        }
        let name = f.label().unwrap_or(f.key.as_str()).to_owned();
        let mut p = part(kind.clone(), &name, start as u64, end as u64);
        if f.location.reverse {
            p.strand = crate::core::strand::Strand::Reverse;
        }
        if kind == FeatureKind::Gene
            && out
                .iter()
                .any(|q| q.offset == p.offset && q.kind != FeatureKind::Gene)
        {
            continue;
        }
        out.retain(|q| !(q.kind == FeatureKind::Gene && q.offset == p.offset));
        out.push(p);
    }
    crate::core::sort::sort_by_key(&mut out, |p| (p.offset.start(), p.offset.end()));
    out
}

/// The PCR product of `forward` and `reverse` (5′ → 3′) on `record`, as a cassette named `name`.
/// Each primer's last 18 bases must match the template exactly, once; the product then reaches
/// over as many more of the primer's bases as match (its annealing part). A 5′ tail of genomic
/// homology is not part of the insert — a tail base that happens to match the template next to
/// the annealing part is counted in, which no sequence can tell apart.
pub fn amplicon(
    record: &GbRecord,
    name: &str,
    forward: &str,
    reverse: &str,
) -> Result<Cassette, PickError> {
    let seq = record.sequence.to_ascii_uppercase();
    let f = anneal(forward, "forward")?;
    let r = revcomp(&anneal(reverse, "reverse")?);
    // On a circular record, sites may run across the origin.
    let hay: Vec<u8> = if record.circular {
        [seq.as_slice(), &seq[..seq.len().min(ANNEAL - 1)]].concat()
    } else {
        seq.clone()
    };
    let fs = one_site(record, &hay, &f, "forward")? % seq.len().max(1);
    let rs = one_site(record, &hay, &r, "reverse")? % seq.len().max(1);
    // Extend each site over the primer's bases that still match the template: the annealing part
    // (a 5′ tail of genomic homology stops matching).
    let n = seq.len();
    let fwd_full = clean(forward);
    let mut f_start = fs;
    let mut k = fwd_full.len() - ANNEAL;
    while k > 0 && seq[(f_start + n - 1) % n] == fwd_full[k - 1] {
        f_start = (f_start + n - 1) % n;
        k -= 1;
        if !record.circular && f_start == 0 {
            break;
        }
    }
    let rev_full = revcomp(&clean(reverse));
    let mut r_end = rs + ANNEAL;
    let mut k = ANNEAL;
    while k < rev_full.len() && seq[r_end % n] == rev_full[k] {
        r_end += 1;
        k += 1;
        if !record.circular && r_end >= n {
            break;
        }
    }
    let r_end = if r_end > n { r_end - n } else { r_end };
    let len = if r_end > f_start {
        r_end - f_start
    } else if record.circular {
        seq.len() - f_start + r_end
    } else {
        return Err(PickError::Order {
            record: record.name.clone(),
        });
    };
    let bases: Vec<u8> = seq
        .iter()
        .cycle()
        .skip(f_start)
        .take(len)
        .copied()
        .collect();
    Ok(Cassette {
        name: name.to_owned(),
        description: format!(
            "PCR product of {} with primers …{} / …{} ({len} bp)",
            record.name,
            String::from_utf8_lossy(&f),
            String::from_utf8_lossy(&anneal(reverse, "reverse")?)
        ),
        sequence: String::from_utf8_lossy(&bases).into_owned(),
        parts: parts_inside(record, f_start, len),
        source: format!(
            "{} {}..{} (amplicon)",
            record.name,
            f_start + 1,
            (f_start + len - 1) % seq.len() + 1
        ),
        marker: None,
    })
}

/// One feature of `record` (0-based index in the record's feature list) as the insert, read in
/// the feature's own orientation.
pub fn feature_insert(record: &GbRecord, index: usize) -> Result<Cassette, PickError> {
    let f: &GbFeature = record.features.get(index).ok_or(PickError::NoFeature {
        record: record.name.clone(),
        count: record.features.len(),
        index,
    })?;
    let (s, e) = (f.location.start() as usize, f.location.end() as usize);
    let seq = record.sequence.to_ascii_uppercase();
    let slice = seq.get(s.saturating_sub(1)..e).unwrap_or_default();
    let bases = if f.location.reverse {
        revcomp(slice)
    } else {
        slice.to_vec()
    };
    let name = f.label().unwrap_or(f.key.as_str()).to_owned();
    let kind = part_kind(f).unwrap_or_else(|| FeatureKind::parse(&f.key));
    Ok(Cassette {
        description: format!("{} {} of {}", f.key, name, record.name),
        parts: vec![part(kind, &name, 0, bases.len() as u64)],
        sequence: String::from_utf8_lossy(&bases).into_owned(),
        source: format!(
            "{} {}{s}..{e}{}",
            record.name,
            if f.location.reverse {
                "complement("
            } else {
                ""
            },
            if f.location.reverse { ")" } else { "" }
        ),
        name,
        marker: None,
    })
}

/// The C-terminal tagging module of a pFA6a plasmid (F2 … R1, Longtine et al. 1998): the
/// amplicon, its tag's coding part (from the F2 site in frame through the first stop codon) as
/// a CDS named `tag`, and `marker` recorded for designations (`GFP(S65T)-kanMX6`).
pub fn longtine_tag(
    record: &GbRecord,
    name: &str,
    tag: &str,
    marker: &str,
) -> Result<Cassette, PickError> {
    let mut c = amplicon(record, name, LONGTINE_F2, LONGTINE_R1)?;
    let bases = c.sequence.as_bytes();
    let protein = translate(bases);
    let stop = protein.find('*').ok_or_else(|| PickError::NoTagStop {
        record: record.name.clone(),
    })?;
    let coding = (stop as u64 + 1) * 3;
    // The module's parts after the tag; "artificial sequence" linkers are not parts.
    c.parts.retain(|p| {
        p.offset.start().get() >= coding
            && !matches!(&p.kind, FeatureKind::Other(k) if &**k == "misc_feature")
    });
    // Part names as geneticists write them (the record's notes are long sentences).
    for p in &mut c.parts {
        let n = p.name.clone().unwrap_or_default().to_ascii_lowercase();
        let short = match &p.kind {
            FeatureKind::Terminator if n.contains("adh1") => Some("ADH1 terminator"),
            FeatureKind::Terminator if n.contains("tef") => Some("TEF terminator (A. gossypii)"),
            FeatureKind::Promoter if n.contains("tef") => Some("TEF promoter (A. gossypii)"),
            FeatureKind::Cds if n.contains("kan") => Some("kan"),
            _ => None,
        };
        if let Some(s) = short {
            p.name = Some(s.to_owned());
        }
    }
    c.parts.insert(0, part(FeatureKind::Cds, tag, 0, coding));
    c.marker = Some(marker.to_owned());
    c.description = format!(
        "{tag} C-terminal tagging module with {marker} (pFA6a F2…R1 PCR product of {}, Longtine et al. 1998): linker RIPGLIN, {tag}, ADH1 terminator, {marker}",
        record.name
    );
    Ok(c)
}

/// What part of a GenBank record to insert.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pick {
    /// The whole record (what a plain sequence file gives).
    Whole,
    /// One feature, by its index in the record.
    Feature(usize),
    /// The PCR product of two primers (5′ → 3′).
    Primers {
        /// Forward primer.
        forward: String,
        /// Reverse primer.
        reverse: String,
    },
}

/// The features of a GenBank file that can be picked: (index, `CDS kan 1403..2212`), for a
/// chooser. Empty when the file is not GenBank.
pub fn pickable_features(bytes: &[u8]) -> Vec<(usize, String)> {
    let Ok(recs) = crate::io::genbank::read(bytes) else {
        return Vec::new();
    };
    let Some(rec) = recs.first() else {
        return Vec::new();
    };
    rec.features
        .iter()
        .enumerate()
        .filter(|(_, f)| f.key != "source")
        .map(|(i, f)| {
            let (s, e) = (f.location.start(), f.location.end());
            let strand = if f.location.reverse { " (−)" } else { "" };
            (
                i,
                format!(
                    "{} {} {s}..{e}{strand}, {} bp",
                    f.key,
                    f.label().unwrap_or(""),
                    (e + 1).saturating_sub(s)
                ),
            )
        })
        .collect()
}

/// The insert `pick` takes from the first record of a GenBank file, named `name` when given.
pub fn pick_from_genbank(bytes: &[u8], pick: &Pick, name: &str) -> Result<Cassette, String> {
    let recs = crate::io::genbank::read(bytes).map_err(|e| e.to_string())?;
    let rec = recs.first().ok_or("the file has no GenBank record")?;
    let mut c = match pick {
        Pick::Whole => crate::io::cassette::user::cassette_from_genbank(rec, name)?,
        Pick::Feature(i) => feature_insert(rec, *i).map_err(|e| e.to_string())?,
        Pick::Primers { forward, reverse } => {
            amplicon(rec, &rec.name, forward, reverse).map_err(|e| e.to_string())?
        }
    };
    if !name.trim().is_empty() {
        c.name = name.trim().to_owned();
    }
    Ok(c)
}
