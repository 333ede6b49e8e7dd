//! The edit engine against a deliberately naive model: the edited sequence by string slicing, every
//! base mapped one by one, every feature adjusted from that map, orphans by fixpoint iteration.
//! Random contigs, features (nested parents, shared exons, multi-segment CDS on both strands) and
//! edit lists (position 1, the contig end, adjacent spans, insertions at span boundaries).

use genoforge::core::coord::{Pos, Span};
use genoforge::core::design::Design;
use genoforge::core::edit::{EditOp, EditRequest};
use genoforge::core::genome::Genome;
use genoforge::core::genome::contig::ContigId;
use genoforge::core::lift::edited::{EditedGenome, LiftedPos, SourcePos};
use genoforge::core::lift::{FeatureStatus, Lifted};
use genoforge::core::strand::{Phase, Strand};
use genoforge::io::load::{InputFile, LoadRequest, load};
use proptest::prelude::*;

#[derive(Clone, Debug)]
struct GeneSpec {
    start: u64,
    len: u64,
    reverse: bool,
    mrnas: usize,
    /// The second transcript covers only part of the gene: (offset, len).
    short: (u64, u64),
    cds: Vec<(u64, u64, u8)>, // (offset, len, phase) within the gene
}

#[derive(Clone, Debug)]
struct Candidate {
    op: u8,
    at: u64,
    /// 0: `at` as is; 1/2: the start/end of an earlier accepted edit; 3/4: a gene's start/end.
    anchor: u8,
    pick: prop::sample::Index,
    len: u64,
    seq: Vec<u8>,
}

fn gene() -> impl Strategy<Value = GeneSpec> {
    (
        0u64..400,
        1u64..60,
        any::<bool>(),
        1usize..3,
        (0u64..60, 1u64..30),
        proptest::collection::vec((0u64..60, 1u64..20, 0u8..3), 0..4),
    )
        .prop_map(|(start, len, reverse, mrnas, short, cds)| GeneSpec {
            start,
            len,
            reverse,
            mrnas,
            short,
            cds,
        })
}

fn candidate() -> impl Strategy<Value = Candidate> {
    (
        0u8..3,
        prop_oneof![Just(0u64), Just(u64::MAX), 0u64..400],
        0u8..5,
        any::<prop::sample::Index>(),
        1u64..25,
        proptest::collection::vec(prop::sample::select(b"ACGTN".to_vec()), 0..12),
    )
        .prop_map(|(op, at, anchor, pick, len, seq)| Candidate {
            op,
            at,
            anchor,
            pick,
            len,
            seq,
        })
}

/// Builds the GFF3 + FASTA text, loads it through the real loader.
fn build(len: u64, seq: &[u8], genes: &[GeneSpec]) -> Genome {
    let mut gff = format!(
        "##gff-version 3\n##sequence-region ctg 1 {len}\nctg\t.\tchromosome\t1\t{len}\t.\t.\t.\tID=chr\n"
    );
    for (g, spec) in genes.iter().enumerate() {
        let s = spec.start.min(len - 1);
        let e = (s + spec.len).min(len); // [s, e)
        let strand = if spec.reverse { '-' } else { '+' };
        gff.push_str(&format!(
            "ctg\t.\tgene\t{}\t{}\t.\t{strand}\t.\tID=g{g}\n",
            s + 1,
            e
        ));
        let mrnas: Vec<String> = (0..spec.mrnas).map(|m| format!("g{g}.m{m}")).collect();
        for (k, m) in mrnas.iter().enumerate() {
            // The first transcript spans the gene; a second one only part of it, so exons shared by
            // both can outlive it (a partial Parent removal) or outlive both (an orphan).
            let (ms, me) = if k == 0 {
                (s, e)
            } else {
                let ms = (s + spec.short.0).min(e - 1);
                (ms, (ms + spec.short.1).min(e))
            };
            gff.push_str(&format!(
                "ctg\t.\tmRNA\t{}\t{}\t.\t{strand}\t.\tID={m};Parent=g{g}\n",
                ms + 1,
                me
            ));
        }
        for &(off, clen, phase) in &spec.cds {
            let cs = (s + off).min(e - 1);
            let ce = (cs + clen).min(e);
            let parents = mrnas.join(",");
            gff.push_str(&format!(
                "ctg\t.\texon\t{}\t{}\t.\t{strand}\t.\tParent={parents}\n",
                cs + 1,
                ce
            ));
            gff.push_str(&format!(
                "ctg\t.\tCDS\t{}\t{}\t.\t{strand}\t{phase}\tID=g{g}.cds;Parent={}\n",
                cs + 1,
                ce,
                mrnas[mrnas.len() - 1]
            ));
        }
    }
    let fasta = format!(">ctg\n{}\n", String::from_utf8_lossy(seq));
    load(LoadRequest {
        gff: Some(InputFile::new("t.gff3", gff.into_bytes())),
        fasta: Some(InputFile::new("t.fa", fasta.into_bytes())),
        feature_table: None,
    })
    .expect("generated files load")
    .genome
}

fn request(
    c: &Candidate,
    len: u64,
    accepted: &[(u64, u64, Vec<u8>)],
    genes: &[GeneSpec],
) -> EditRequest {
    // Aim at boundaries: adjacent spans and insertions at span or gene ends are the hard cases.
    let at = match c.anchor {
        1 if !accepted.is_empty() => accepted[c.pick.index(accepted.len())].0,
        2 if !accepted.is_empty() => accepted[c.pick.index(accepted.len())].1,
        3 if !genes.is_empty() => genes[c.pick.index(genes.len())].start,
        4 if !genes.is_empty() => {
            let g = &genes[c.pick.index(genes.len())];
            g.start + g.len
        }
        _ => c.at,
    }
    .min(len);
    let span_start = at.min(len - 1);
    let span_end = (span_start + c.len).min(len);
    match c.op {
        0 => EditRequest {
            contig: ContigId(0),
            span: Span::new(Pos(span_start), Pos(span_end)).unwrap(),
            sequence: Vec::new(),
            op: EditOp::Delete,
            label: None,
            feature: None,
        },
        1 => EditRequest {
            contig: ContigId(0),
            span: Span::empty_at(Pos(at)),
            sequence: if c.seq.is_empty() {
                b"A".to_vec()
            } else {
                c.seq.clone()
            },
            op: EditOp::Insert,
            label: None,
            feature: None,
        },
        _ => EditRequest {
            contig: ContigId(0),
            span: Span::new(Pos(span_start), Pos(span_end)).unwrap(),
            sequence: c.seq.clone(),
            op: EditOp::Replace,
            label: None,
            feature: None,
        },
    }
}

/// The naive rule for refusing an edit, from the accepted ones.
fn naive_conflicts(accepted: &[(u64, u64)], s: u64, e: u64) -> bool {
    accepted.iter().any(|&(a, b)| {
        let (new_ins, old_ins) = (s == e, a == b);
        match (new_ins, old_ins) {
            (true, true) => a == s,
            (true, false) => a < s && s < b,
            (false, true) => s < a && a < e,
            (false, false) => a < e && s < b,
        }
    })
}

/// The naive model's result: edited bases, each reference base's edited index, and for each edited
/// base the (edit, offset) it was inserted by.
type Naive = (Vec<u8>, Vec<Option<u64>>, Vec<Option<(usize, u64)>>);

/// One feature line in the naive model: status, edited span, bases lost left and right.
type NaiveLine = (FeatureStatus, Option<(u64, u64)>, u64, u64);

/// Naive application: the edited string, and for each reference base its edited index.
fn naive_apply(seq: &[u8], edits: &[(u64, u64, Vec<u8>)]) -> Naive {
    // Tag every base with where it came from, then slice in descending order.
    #[derive(Clone, Copy)]
    enum Tag {
        Ref(u64),
        Ins(usize, u64),
    }
    let mut tagged: Vec<(u8, Tag)> = seq
        .iter()
        .enumerate()
        .map(|(i, &b)| (b, Tag::Ref(i as u64)))
        .collect();
    let mut order: Vec<usize> = (0..edits.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse((edits[i].0, edits[i].1)));
    for i in order {
        let (s, e, ins) = &edits[i];
        // The first element anchored at or after `s`: a reference base, or bases inserted by an edit
        // starting there (already placed, since edits are applied in descending order).
        let anchor = |t: &Tag| match *t {
            Tag::Ref(p) => p,
            Tag::Ins(j, _) => edits[j].0,
        };
        let at = tagged
            .iter()
            .position(|(_, t)| anchor(t) >= *s)
            .unwrap_or(tagged.len());
        let to = at + (e - s) as usize;
        let new: Vec<(u8, Tag)> = ins
            .iter()
            .enumerate()
            .map(|(k, &b)| (b, Tag::Ins(i, k as u64)))
            .collect();
        tagged.splice(at..to, new);
    }
    let mut map = vec![None; seq.len()];
    let mut back = Vec::with_capacity(tagged.len());
    for (q, (_, t)) in tagged.iter().enumerate() {
        match *t {
            Tag::Ref(p) => {
                map[p as usize] = Some(q as u64);
                back.push(None);
            }
            Tag::Ins(i, k) => back.push(Some((i, k))),
        }
    }
    (tagged.iter().map(|(b, _)| *b).collect(), map, back)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn engine_matches_naive_model(
        len in 1u64..400,
        bases in proptest::collection::vec(prop::sample::select(b"ACGT".to_vec()), 400),
        genes in proptest::collection::vec(gene(), 0..6),
        candidates in proptest::collection::vec(candidate(), 0..14),
    ) {
        let seq = &bases[..len as usize];
        let genome = build(len, seq, &genes);
        let mut design = Design::new();
        let mut accepted: Vec<(u64, u64, Vec<u8>)> = Vec::new();
        let mut lifted = Lifted::new(&genome, &design);
        for c in &candidates {
            let req = request(c, len, &accepted, &genes);
            let (s, e) = (req.span.start().get(), req.span.end().get());
            let before = design.clone();
            let spans: Vec<(u64, u64)> = accepted.iter().map(|a| (a.0, a.1)).collect();
            let expect_refused = naive_conflicts(&spans, s, e);
            let seqv = req.sequence.clone();
            match design.add(&genome, req) {
                Ok(_) => {
                    prop_assert!(!expect_refused, "accepted a conflicting edit {s}..{e}");
                    accepted.push((s, e, seqv));
                    lifted.update_contig(&genome, &design, ContigId(0));
                }
                Err(err) => {
                    prop_assert!(expect_refused, "refused a valid edit {s}..{e}: {err}");
                    prop_assert_eq!(&design, &before, "a refused edit changed the design");
                }
            }
        }
        let fresh = Lifted::new(&genome, &design);
        prop_assert_eq!(&lifted, &fresh, "incremental update differs from a fresh lift");

        // Sequence.
        let (naive_seq, map, back) = naive_apply(seq, &accepted);
        let view = EditedGenome::new(&genome, &design);
        let c = ContigId(0);
        prop_assert_eq!(view.contig_len(c), naive_seq.len() as u64);
        prop_assert_eq!(view.contig_sequence(c).unwrap(), naive_seq.clone());
        for a in (0..=naive_seq.len()).step_by(7) {
            for b in (a..=naive_seq.len()).step_by(5) {
                prop_assert_eq!(view.sequence(c, Span::new(Pos(a as u64), Pos(b as u64)).unwrap()).unwrap(), naive_seq[a..b].to_vec());
            }
        }
        // Lift-over both ways.
        for p in 0..len {
            match (view.lift(c, Pos(p)).unwrap(), map[p as usize]) {
                (LiftedPos::At(q), Some(n)) => prop_assert_eq!(q.get(), n),
                (LiftedPos::Deleted { left, right, .. }, None) => {
                    let l = (0..p).rev().find(|&x| map[x as usize].is_some());
                    let r = (p + 1..len).find(|&x| map[x as usize].is_some());
                    prop_assert_eq!(left.map(|(rp, ep)| (rp.get(), ep.get())), l.map(|x| (x, map[x as usize].unwrap())));
                    prop_assert_eq!(right.map(|(rp, ep)| (rp.get(), ep.get())), r.map(|x| (x, map[x as usize].unwrap())));
                }
                (got, want) => prop_assert!(false, "base {p}: engine {got:?}, naive {want:?}"),
            }
        }
        for (q, b) in back.iter().enumerate() {
            match (view.source(c, Pos(q as u64)).unwrap(), b) {
                (SourcePos::Reference(p), None) => prop_assert_eq!(map[p.get() as usize], Some(q as u64)),
                (SourcePos::Inserted { edit, offset }, Some((i, k))) => {
                    let e = design.edit(edit).unwrap();
                    prop_assert_eq!((e.span.start().get(), e.span.end().get()), (accepted[*i].0, accepted[*i].1));
                    prop_assert_eq!(offset, *k);
                }
                (got, want) => prop_assert!(false, "edited {q}: engine {got:?}, naive {want:?}"),
            }
        }

        // Features, one line at a time. A replacement by the very bases it replaces changes no
        // base and touches no feature (issue 13: MATa's a2 is annotated that way): features see
        // the edits without those.
        let geom: Vec<(u64, u64, Vec<u8>)> = accepted
            .iter()
            .filter(|(a, b, q)| !(a < b && q.len() as u64 == b - a && seq[*a as usize..*b as usize].eq_ignore_ascii_case(q)))
            .cloned()
            .collect();
        let accepted = &geom;
        let new_len = naive_seq.len() as u64;
        let mut naive: Vec<NaiveLine> = Vec::new();
        for f in genome.features() {
            let (fs, fe) = (f.span.start().get(), f.span.end().get());
            if f.kind.is_sequence_level() {
                // A contig deleted whole loses its sequence-level line (no `1..0` feature).
                if new_len == 0 {
                    naive.push((FeatureStatus::Dropped, None, 0, 0));
                    continue;
                }
                let status = if new_len == len { FeatureStatus::Unchanged } else { FeatureStatus::Resized };
                naive.push((status, Some((0, new_len)), 0, 0));
                continue;
            }
            // An equal-length substitution replaces base for base: it removes none of a line's
            // bases unless it covers the whole line (issue 13: a point mutation on a gene's first
            // base substitutes, it does not trim).
            let keeps_line = |&&(a, b, ref q): &&(u64, u64, Vec<u8>)| {
                a < b && q.len() as u64 == b - a && !(a <= fs && b >= fe)
            };
            let line_ops: Vec<(u64, u64, Vec<u8>)> =
                accepted.iter().filter(|o| !keeps_line(o)).cloned().collect();
            let (_, map, _) = naive_apply(seq, &line_ops);
            let surviving: Vec<u64> = (fs..fe).filter(|&p| map[p as usize].is_some()).collect();
            let (Some(&first), Some(&last)) = (surviving.first(), surviving.last()) else {
                naive.push((FeatureStatus::Dropped, None, 0, 0));
                continue;
            };
            let (ns, ne) = (map[first as usize].unwrap(), map[last as usize].unwrap() + 1);
            let trimmed = first > fs || last + 1 < fe;
            // Inside a line that keeps both ends: an insertion between surviving bases or a
            // replacement by another number of bases disrupts it; one by as many bases substitutes.
            let inside = |&&(a, b, _): &&(u64, u64, Vec<u8>)| {
                if a == b { first < a && a <= last } else { fs < a && b < fe }
            };
            let disrupted = accepted.iter().filter(inside).any(|(a, b, q)| q.len() as u64 != b - a);
            let substituted = accepted.iter().filter(keeps_line).any(|&(a, b, _)| a < fe && b > fs);
            let status = if trimmed {
                FeatureStatus::Trimmed
            } else if disrupted {
                FeatureStatus::Disrupted
            } else if substituted {
                FeatureStatus::Substituted
            } else if (ns, ne) != (fs, fe) {
                FeatureStatus::Shifted
            } else {
                FeatureStatus::Unchanged
            };
            naive.push((status, Some((ns, ne)), first - fs, fe - (last + 1)));
        }
        // Orphans by fixpoint: a line is gone when every parent's lines are gone.
        loop {
            let mut changed = false;
            for (i, f) in genome.features().iter().enumerate() {
                if f.parents.is_empty() || matches!(naive[i].0, FeatureStatus::Dropped | FeatureStatus::Orphaned) {
                    continue;
                }
                let all_gone = f.parents.iter().all(|p| {
                    genome.by_id(p).iter().all(|l| matches!(naive[l.get()].0, FeatureStatus::Dropped | FeatureStatus::Orphaned))
                });
                if all_gone {
                    naive[i].0 = FeatureStatus::Orphaned;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        let gone = |l: &genoforge::core::genome::feature::FeatureIdx| matches!(naive[l.get()].0, FeatureStatus::Dropped | FeatureStatus::Orphaned);
        for (i, f) in genome.features().iter().enumerate() {
            let got = lifted.feature(genoforge::core::genome::feature::FeatureIdx(i as u32));
            let (status, span, ll, lr) = naive[i];
            let parents_gone = f.parents.iter().filter(|p| genome.by_id(p).iter().all(gone)).count();
            let expect_removed = !matches!(status, FeatureStatus::Dropped | FeatureStatus::Orphaned) && parents_gone > 0 && parents_gone < f.parents.len();
            prop_assert_eq!(got.parents_removed, expect_removed, "Parent list of line {}", f.source_line.line);
            prop_assert_eq!(got.status, status, "line {}: {:?}", f.source_line.line, f.source_line.text);
            if status != FeatureStatus::Orphaned {
                prop_assert_eq!(got.span.map(|s| (s.start().get(), s.end().get())), span, "line {}", f.source_line.line);
            }
            if status != FeatureStatus::Dropped && !f.kind.is_sequence_level() {
                prop_assert_eq!((got.lost_left, got.lost_right), (ll, lr), "line {}", f.source_line.line);
            }
        }
        // CDS phases: recompute naively per group in coding order.
        for group in genome.cds_groups() {
            let touched = group.iter().any(|l| matches!(naive[l.get()].0, FeatureStatus::Trimmed | FeatureStatus::Disrupted | FeatureStatus::Dropped));
            let mut prev: Option<(u8, u64)> = None;
            let mut started = false;
            for &l in group {
                let f = genome.feature(l);
                let (status, span, ll, lr) = naive[l.get()];
                let got = lifted.feature(l);
                if matches!(status, FeatureStatus::Dropped | FeatureStatus::Orphaned) {
                    continue;
                }
                let expect = if !touched {
                    f.phase
                } else if !started {
                    started = true;
                    let lost5 = if f.strand == Strand::Reverse { lr } else { ll };
                    f.phase.map(|p| Phase::from_mod3((u64::from(p.get()) + 3 * 1000 - lost5) % 3))
                } else {
                    prev.map(|(p, len)| Phase::from_mod3((u64::from(p) + 3 * 1_000_000 - len) % 3))
                };
                if touched {
                    prev = expect.map(|p| (p.get(), span.map_or(0, |(s, e)| e - s)));
                }
                prop_assert_eq!(got.phase, expect, "CDS line {}", f.source_line.line);
            }
        }
    }
}
