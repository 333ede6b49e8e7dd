//! Epitope and fluorescent-protein tags fused in frame to a gene, as yeast labs make them.
//!
//! - **C-terminal** (the pFA6a convention of Longtine et al. 1998, Yeast 14:953–961): the PCR
//!   product of a tagging plasmid (F2 … R1) replaces the gene's stop codon, so the protein runs
//!   on through the tag's codons to the tag's own stop; a marker after it (`kanMX6`) selects the
//!   transformants. Designation `PHO5-GFP(S65T)::kanMX6`. A tag whose codons begin with a start
//!   codon (the library's bare `GFP(S65T)`, whose ATG was added for N-terminal tags) is fused
//!   without it, as pFA6a's C-terminal GFP(S65T) has none (AJ002682: the F2 linker RIPGLIN, then
//!   GFP from Ser2): the plan's `warnings` say so, and nothing leaves an internal Met unremarked.
//! - **N-terminal**: the tag's codons (without its start and stop codons) inserted right after the
//!   gene's ATG, seamlessly (no marker inside the gene). Designation `GFP(S65T)-PHO5`.
//!
//! The tag's coding part is the cassette's CDS part starting at its first base (for pFA6a
//! amplicons: the F2 primer site, whose codons `CGG ATC CCC GGG TTA ATT AAC` add the linker
//! RIPGLIN before GFP), or, for a bare sequence (no annotated parts), the reading frame from its
//! first base; an annotated cassette with no CDS at its first base (a marker cassette) is not a
//! tag. The exports name its parts as `CDS_region`s of the fused CDS: the linker (when the tag
//! begins with pFA6a's) and the tag proper, without the stop codon that ends the fusion. Refused,
//! with the reason, when the gene has no clean stop (C) or ATG (N), when the codon where the tag
//! goes is split by an intron, or when the cassette has no usable coding part.

use crate::core::coord::Span;
use crate::core::design::genotype::{Perturbation, PerturbationType, Zygosity};
use crate::core::edit::{EditOp, EditRequest, Fusion, InsertedFeature, SubFeature, Terminus};
use crate::core::genetics::cassette::Cassette;
use crate::core::genetics::orf::{Orf, STOPS};
use crate::core::genetics::plan::Plan;
use crate::core::genetics::refusal::Refusal;
use crate::core::genetics::tag_name::{c_tag_designation, n_tag_designation};
use crate::core::genome::Genome;
use crate::core::genome::feature::{FeatureIdx, FeatureKind};
use crate::core::seq::{GeneticCode, revcomp, translate};
use crate::core::strand::Strand;

/// The linker the pFA6a F2 primer site encodes before a C-terminal tag, `CGG ATC CCC GGG TTA
/// ATT AAC` (R I P G L I N): Longtine et al. 1998, Yeast 14:953–961 (the F2 primer,
/// doi 10.1002/(SICI)1097-0061(199807)14:10<953::AID-YEA293>3.0.CO;2-U); Wach et al. 1997
/// (pFA6a-GFP(S65T)-kanMX6, EMBL AJ002682).
const PFA6A_LINKER: &[u8] = b"CGGATCCCCGGGTTAATTAAC";
const LINKER_LEN: u64 = PFA6A_LINKER.len() as u64;
/// The name of the linker's `CDS_region` in exports and on the map.
pub const LINKER_NAME: &str = "linker RIPGLIN (pFA6a F2)";

/// What a tag makes: the fused protein and the codons either side of each junction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FusedProtein {
    /// The fused protein, one letter per residue, without the final stop.
    pub protein: String,
    /// The gene's codons and the tag's codons at the junction, `…GAA TTA | CGG ATC…`, with their
    /// residues `…E L | R I…`.
    pub junction: String,
}

fn terminus_word(t: Terminus) -> &'static str {
    match t {
        Terminus::C => "C-terminal",
        Terminus::N => "N-terminal",
    }
}

/// The terminus with its article, for a sentence: `a C-terminal`, `an N-terminal`.
fn terminus_with_article(t: Terminus) -> &'static str {
    match t {
        Terminus::C => "a C-terminal",
        Terminus::N => "an N-terminal",
    }
}

/// The tag's coding bases `[0, len)` within the cassette (C-terminal: through its stop codon)
/// and the tag's name.
fn tag_coding(c: &Cassette, terminus: Terminus) -> Result<(u64, String), Refusal> {
    let seq = c.sequence.to_ascii_uppercase().into_bytes();
    let refuse = |why: String| Refusal::NotATag {
        cassette: c.name.clone(),
        terminus: terminus_with_article(terminus),
        why,
    };
    let part = c
        .parts
        .iter()
        .find(|p| p.kind == FeatureKind::Cds && p.offset.start().get() == 0);
    let name = c.tag_name();
    let len = match part {
        Some(p) => p.offset.len(),
        // An annotated cassette whose first base starts no CDS (a marker cassette: promoter,
        // marker CDS, terminator) has no tag to fuse: reading its promoter as codons would be
        // a made-up protein.
        None if !c.parts.is_empty() => {
            return Err(refuse(
                "no coding part starts at its first base (an annotated cassette whose parts begin with a promoter or another non-coding part, such as a marker cassette); a tag cassette starts with the tag's codons".to_owned(),
            ));
        }
        None => {
            // The reading frame from the first base, through the first stop codon.
            let stop = seq
                .chunks_exact(3)
                .position(|cod| STOPS.iter().any(|s| cod == s.as_slice()));
            match (stop, terminus) {
                (Some(i), _) => (i as u64 + 1) * 3,
                (None, Terminus::N) if seq.len().is_multiple_of(3) => seq.len() as u64,
                (None, _) => {
                    return Err(refuse(
                        "its reading frame from the first base has no stop codon".to_owned(),
                    ));
                }
            }
        }
    };
    if len == 0 || len % 3 != 0 || len as usize > seq.len() {
        return Err(refuse(format!(
            "its coding part is {len} bp, not a whole number of codons"
        )));
    }
    let protein = translate(&seq[..len as usize]);
    let body = protein.strip_suffix('*').unwrap_or(&protein);
    if body.contains('*') {
        return Err(refuse(format!(
            "its coding part has a stop codon at codon {}",
            body.find('*').unwrap_or(0) + 1
        )));
    }
    if terminus == Terminus::C && !protein.ends_with('*') {
        return Err(refuse(
            "its coding part does not end in a stop codon".to_owned(),
        ));
    }
    Ok((len, name))
}

/// Whether `cassette` can be fused at `terminus` whatever the gene (what [`plan_tag`] checks of
/// the cassette alone): a tag's coding part from its first base and, for an N-terminal tag,
/// nothing beyond it (`GFP(S65T)` fits both; `GFP(S65T)-kanMX6`, with its marker, only C).
pub fn fits_terminus(cassette: &Cassette, terminus: Terminus) -> bool {
    tag_coding(cassette, terminus)
        .is_ok_and(|(len, _)| terminus == Terminus::C || cassette.sequence.len() as u64 <= len)
}

fn codons_with_residues(code: GeneticCode, coding: &[u8]) -> (String, String) {
    let codons: Vec<String> = coding
        .chunks_exact(3)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    (
        codons.join(" "),
        code.translate(coding)
            .chars()
            .map(String::from)
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// The codons either side of a fusion's junction with their residues, read with the gene's `code`.
fn junction(code: GeneticCode, before: &[u8], after: &[u8]) -> String {
    let tail = &before[before.len().saturating_sub(6)..];
    let head = &after[..after.len().min(6)];
    let (a, ar) = codons_with_residues(code, tail);
    let (b, br) = codons_with_residues(code, head);
    format!("…{a} | {b}… (…{ar} | {br}…)")
}

/// Plans tagging `gene` with `cassette` at `terminus`; also returns the fused protein. In a
/// diploid, `zygosity` is recorded on the perturbation (heterozygous edits are not applied).
pub fn plan_tag(
    genome: &Genome,
    gene: FeatureIdx,
    cassette: &Cassette,
    terminus: Terminus,
) -> Result<(Plan, FusedProtein), Refusal> {
    let orf = Orf::of(genome, gene)?;
    let (coding_len, tag_name) = tag_coding(cassette, terminus)?;
    let cas = cassette.sequence.to_ascii_uppercase().into_bytes();
    // A C-terminal tag is fused without a start codon of its own (pFA6a's GFP(S65T) begins at
    // Ser2): the bases from `skip` on go in, and the cassette's parts move with them.
    let skip: u64 = match terminus {
        Terminus::C if coding_len > 3 && cas.starts_with(b"ATG") => 3,
        _ => 0,
    };
    let cas = cas[skip as usize..].to_vec();
    let coding_len = coding_len - skip;
    let gene_id = genome.feature(gene).id.as_deref().unwrap_or("").to_owned();
    let (systematic, standard) = orf.names.clone();
    let n = orf.coding.len() as u64;
    let (span, inserted, fused, designation) = match terminus {
        Terminus::C => {
            if !orf.has_clean_stop() {
                return Err(Refusal::NoCleanStop {
                    gene: standard,
                    len: n,
                    last: String::from_utf8_lossy(
                        &orf.coding[orf.coding.len().saturating_sub(3)..],
                    )
                    .into_owned(),
                });
            }
            let span = orf.ref_span(n - 3, n).ok_or(Refusal::SplitCds {
                gene: standard.clone(),
                what: "the stop codon",
            })?;
            let mut fused = orf.coding[..(n - 3) as usize].to_vec();
            fused.extend_from_slice(&cas[..coding_len as usize]);
            let designation = c_tag_designation(&standard, &tag_name, cassette.marker.as_deref());
            let j = junction(orf.code, &orf.coding[..(n - 3) as usize], &cas);
            (span, cas.clone(), (fused, j), designation)
        }
        Terminus::N => {
            if !orf.coding.starts_with(b"ATG") {
                return Err(Refusal::NoStart {
                    gene: standard,
                    first: String::from_utf8_lossy(&orf.coding[..orf.coding.len().min(3)])
                        .into_owned(),
                });
            }
            let atg = orf.ref_span(0, 3).ok_or(Refusal::SplitCds {
                gene: standard.clone(),
                what: "the start codon",
            })?;
            // The tag's codons without its own start and stop.
            let mut body = &cas[..coding_len as usize];
            if body.starts_with(b"ATG") {
                body = &body[3..];
            }
            if STOPS.iter().any(|s| body.ends_with(s.as_slice())) {
                body = &body[..body.len() - 3];
            }
            if cas.len() as u64 > coding_len {
                return Err(Refusal::NotATag {
                    cassette: cassette.name.clone(),
                    terminus: "an N-terminal",
                    why: format!(
                        "it has {} bp beyond its coding part (a marker or terminator), which would sit inside the gene; N-terminal tags are inserted seamlessly",
                        cas.len() as u64 - coding_len
                    ),
                });
            }
            if body.is_empty() {
                return Err(Refusal::NotATag {
                    cassette: cassette.name.clone(),
                    terminus: "an N-terminal",
                    why: "it has no codons besides a start and a stop".to_owned(),
                });
            }
            let gap = if orf.is_reverse() {
                atg.start()
            } else {
                atg.end()
            };
            let mut fused = b"ATG".to_vec();
            fused.extend_from_slice(body);
            fused.extend_from_slice(&orf.coding[3..]);
            let j = format!(
                "{} ; {}",
                junction(orf.code, b"ATG", body),
                junction(orf.code, body, &orf.coding[3..])
            );
            (
                Span::empty_at(gap),
                body.to_vec(),
                (fused, j),
                n_tag_designation(&tag_name, &standard),
            )
        }
    };
    let coding = match terminus {
        Terminus::C => coding_len,
        Terminus::N => inserted.len() as u64,
    };
    let strand = if orf.is_reverse() {
        Strand::Reverse
    } else {
        Strand::Forward
    };
    let mut children: Vec<SubFeature> = match terminus {
        Terminus::C => cassette
            .parts
            .iter()
            .filter(|p| p.offset.end().get() > skip)
            .map(|p| SubFeature {
                offset: Span::from_raw(
                    p.offset.start().get().saturating_sub(skip),
                    p.offset.end().get() - skip,
                ),
                ..p.clone()
            })
            .collect(),
        Terminus::N => Vec::new(),
    };
    // The tag's coding part as CDS_regions (SO:0000851) of the fused CDS, not a CDS of its own:
    // the pFA6a linker, where the tag begins with it, and the tag proper, its stop codon left to
    // the fused CDS.
    children.retain(|p| !(p.kind == FeatureKind::Cds && p.offset.start().get() == 0));
    let region = |name: String, from: u64, to: u64| SubFeature {
        id: None,
        parent: None,
        kind: FeatureKind::Other("CDS_region".into()),
        name: Some(name),
        offset: Span::from_raw(from, to),
        strand: Strand::Forward,
        phase: None,
    };
    let body_end = match terminus {
        Terminus::C => coding - 3,
        Terminus::N => coding,
    };
    let linker = match terminus {
        Terminus::C if inserted.starts_with(PFA6A_LINKER) && body_end > LINKER_LEN => LINKER_LEN,
        _ => 0,
    };
    children.insert(0, region(tag_name.clone(), linker, body_end));
    if linker > 0 {
        children.insert(0, region(LINKER_NAME.to_owned(), 0, linker));
    }
    let feature = InsertedFeature {
        supersedes: Vec::new(),
        kind: FeatureKind::Other(match terminus {
            Terminus::C if cassette.marker.is_some() => "gene_cassette".into(),
            _ => "insertion".into(),
        }),
        id: Some(format!("{designation}_{systematic}")),
        name: Some(designation.clone()),
        strand,
        attributes: vec![(
            "Note".to_owned(),
            format!(
                "{} {tag_name} tag fused in frame to {standard}",
                terminus_word(terminus)
            ),
        )],
        children,
        fusion: Some(Fusion {
            gene_id,
            terminus,
            coding,
        }),
    };
    let sequence = if strand == Strand::Reverse {
        revcomp(&inserted)
    } else {
        inserted
    };
    let protein = {
        let p = orf.code.translate(&fused.0);
        p.strip_suffix('*').map(str::to_owned).unwrap_or(p)
    };
    // An N-terminal tag lands before a signal peptide the protein may begin with; a C-terminal
    // one after a signal the protein may end with (HDEL, CaaX, PTS1, GPI); a C-terminal tag's own
    // start codon is left out (said).
    let warnings = match terminus {
        Terminus::N => crate::core::genetics::signal_peptide::detect(&orf.protein())
            .map(|sp| {
                crate::core::genetics::signal_peptide::n_tag_warning(
                    &orf.names.1,
                    &orf.names.0,
                    &sp,
                )
            })
            .into_iter()
            .collect(),
        Terminus::C => {
            let mut w: Vec<String> =
                crate::core::genetics::c_terminal_signal::detect(&orf.protein())
                    .map(|s| {
                        crate::core::genetics::c_terminal_signal::c_tag_warning(
                            &orf.names.1,
                            &orf.names.0,
                            &s,
                        )
                    })
                    .into_iter()
                    .collect();
            if skip > 0 {
                w.push(format!(
                    "{tag_name}'s start codon is left out: the tag is fused from its second codon, as pFA6a's C-terminal tags are (pFA6a-GFP(S65T)-kanMX6, AJ002682: GFP from Ser2), so the fusion has no internal Met"
                ));
            }
            w
        }
    };
    let plan = Plan {
        context: Vec::new(),
        warnings,
        requests: vec![EditRequest {
            contig: orf.contig,
            op: if span.is_empty() {
                EditOp::Insert
            } else {
                EditOp::Replace
            },
            span,
            sequence,
            label: Some(designation.clone()),
            feature: Some(feature),
        }],
        perturbation: Perturbation {
            genes: Vec::new(),
            perturbation_type: match terminus {
                Terminus::C => PerturbationType::CTerminalTag,
                Terminus::N => PerturbationType::NTerminalTag,
            },
            systematic_gene_name: systematic,
            perturbed_gene_name: standard,
            designation,
            edit_ids: Vec::new(),
            zygosity: Zygosity::Haploid,
        },
    };
    Ok((
        plan,
        FusedProtein {
            protein,
            junction: fused.1,
        },
    ))
}
