//! The matching itself: seqids to records by the rules of the module documentation, duplicate
//! records grouped and set aside.

use std::collections::HashMap;

use crate::core::genome::diagnostics::{Diagnostic, InputKind, Severity};
use crate::core::genome::reconcile::evidence::{RecordInfo, SeqidInfo};
use crate::core::genome::reconcile::names::{Organelle, normalise, table_row_for};
use crate::core::genome::reconcile::outcome::{MatchedBy, Reconciliation};

/// Matches seqids to records. See the module documentation for the rules.
pub fn reconcile(seqids: &[SeqidInfo], records: &[RecordInfo]) -> Reconciliation {
    let mut out = Reconciliation {
        matches: vec![None; seqids.len()],
        known_chromosome: records
            .iter()
            .map(|r| table_row_for(&r.names(), Some(r.length)))
            .collect(),
        record_ambiguity: vec![None; records.len()],
        seqid_ambiguity: vec![None; seqids.len()],
        ..Default::default()
    };
    let mut taken = vec![false; records.len()];
    // Duplicates: later records naming the same sequence as an earlier one are set aside.
    for (first, dups) in duplicate_records(records) {
        let r = &records[first];
        let others: Vec<String> = dups
            .iter()
            .map(|&d| format!("'{}' (line {})", records[d].id, records[d].line))
            .collect();
        let why = format!(
            "the FASTA has several sequences for it: '{}' (line {}) and {}",
            r.id,
            r.line,
            others.join(", ")
        );
        out.diagnostics.push(Diagnostic::at_line(
            Severity::Error,
            InputKind::Fasta,
            r.line,
            format!(
                "duplicate sequence: {why} name the same sequence; the first is used, the others are not loaded, and edits on it are refused"
            ),
        ));
        out.record_ambiguity[first] = Some(why);
        for d in dups {
            taken[d] = true;
        }
    }
    let mut reported_ambiguous = vec![false; seqids.len()];

    let seqid_names = |s: &SeqidInfo| -> Vec<String> {
        std::iter::once(s.name.to_string())
            .chain(s.aliases.iter().map(|a| a.to_string()))
            .collect()
    };

    // Pass 1 and 2: exact, then normalised names.
    let exact: Vec<Vec<String>> = records.iter().map(|r| r.names()).collect();
    let mut by_exact: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_norm: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, names) in exact.iter().enumerate() {
        for n in names {
            push_unique(by_exact.entry(n.as_str()).or_default(), i);
            push_unique(by_norm.entry(normalise(n)).or_default(), i);
        }
        if let Some(row) = out.known_chromosome[i] {
            for n in row.names {
                push_unique(
                    by_norm
                        .entry(format!("table:{}", normalise(n)))
                        .or_default(),
                    i,
                );
            }
        }
    }

    for pass in [
        MatchedBy::Name,
        MatchedBy::NormalisedName,
        MatchedBy::AliasTable,
    ] {
        for (si, s) in seqids.iter().enumerate() {
            if out.matches[si].is_some() {
                continue;
            }
            let names = seqid_names(s);
            let mut candidates: Vec<usize> = Vec::new();
            for n in &names {
                let found: &[usize] = match pass {
                    MatchedBy::Name => by_exact.get(n.as_str()).map(Vec::as_slice).unwrap_or(&[]),
                    MatchedBy::NormalisedName => {
                        by_norm.get(&normalise(n)).map(Vec::as_slice).unwrap_or(&[])
                    }
                    _ => by_norm
                        .get(&format!("table:{}", normalise(n)))
                        .map(Vec::as_slice)
                        .unwrap_or(&[]),
                };
                for &c in found {
                    if !taken[c] {
                        push_unique(&mut candidates, c);
                    }
                }
            }
            if candidates.len() > 1
                && let Some(len) = s.declared_length()
            {
                candidates.retain(|&c| records[c].length == len);
            }
            match candidates.as_slice() {
                [one] => {
                    out.matches[si] = Some((*one, pass));
                    taken[*one] = true;
                }
                [] => {}
                many if !reported_ambiguous[si] => {
                    reported_ambiguous[si] = true;
                    let why = format!(
                        "seqid '{}' could name any of the sequences {}",
                        s.name,
                        many.iter()
                            .map(|&c| format!("'{}' (line {})", records[c].id, records[c].line))
                            .collect::<Vec<_>>()
                            .join(", ")
                    );
                    out.diagnostics.push(Diagnostic::at_line(
                        Severity::Error,
                        InputKind::Reconciliation,
                        s.first_line,
                        format!("{why}; none was chosen, and edits on it are refused"),
                    ));
                    out.seqid_ambiguity[si] = Some(why);
                }
                _ => {}
            }
        }
    }

    // Pass 4: organelles and plasmids, one of a kind on each side.
    for kind in [
        Organelle::Mitochondrion,
        Organelle::Plastid,
        Organelle::TwoMicron,
    ] {
        let open_seqids: Vec<usize> = (0..seqids.len())
            .filter(|&si| out.matches[si].is_none() && out.seqid_ambiguity[si].is_none())
            .filter(|&si| {
                seqid_names(&seqids[si])
                    .iter()
                    .any(|n| Organelle::of(n) == Some(kind))
            })
            .collect();
        let open_records: Vec<usize> = (0..records.len())
            .filter(|&ri| !taken[ri])
            .filter(|&ri| {
                records[ri]
                    .names()
                    .iter()
                    .any(|n| Organelle::of(n) == Some(kind))
            })
            .collect();
        if let ([si], [ri]) = (open_seqids.as_slice(), open_records.as_slice()) {
            out.matches[*si] = Some((*ri, MatchedBy::Organelle));
            taken[*ri] = true;
        }
    }

    // Pass 5: a unique length.
    for (si, s) in seqids.iter().enumerate() {
        if out.matches[si].is_some() {
            continue;
        }
        let Some(len) = s.declared_length() else {
            continue;
        };
        let same_len: Vec<usize> = (0..records.len())
            .filter(|&c| !taken[c] && records[c].length == len)
            .collect();
        let other_seqids_with_len = seqids
            .iter()
            .enumerate()
            .filter(|(j, o)| {
                *j != si && out.matches[*j].is_none() && o.declared_length() == Some(len)
            })
            .count();
        if let [one] = same_len.as_slice()
            && other_seqids_with_len == 0
        {
            out.matches[si] = Some((*one, MatchedBy::Length));
            taken[*one] = true;
            out.diagnostics.push(Diagnostic::at_line(
                    Severity::Warning,
                    InputKind::Reconciliation,
                    s.first_line,
                    format!(
                        "seqid '{}' matched to sequence '{}' by length alone ({} bp); check that this is right",
                        s.name, records[*one].id, len
                    ),
                ));
        }
    }

    for (si, s) in seqids.iter().enumerate() {
        match out.matches[si] {
            Some((ri, _)) => {
                let r = &records[ri];
                if let Some(declared) = s.declared_length()
                    && declared != r.length
                {
                    out.diagnostics.push(Diagnostic::at_line(
                            Severity::Warning,
                            InputKind::Reconciliation,
                            s.first_line,
                            format!(
                                "seqid '{}' is declared {} bp long but its sequence '{}' has {} bp; the sequence length is used",
                                s.name, declared, r.id, r.length
                            ),
                        ));
                }
            }
            None => out.diagnostics.push(Diagnostic::at_line(
                Severity::Warning,
                InputKind::Reconciliation,
                s.first_line,
                format!(
                    "seqid '{}' has no sequence{}; its {} feature(s) are kept without bases",
                    s.name,
                    if records.is_empty() {
                        " (no FASTA was loaded)"
                    } else {
                        " in the FASTA"
                    },
                    s.feature_count
                ),
            )),
        }
    }
    let duplicate: Vec<bool> = {
        let mut d = vec![false; records.len()];
        for (_, dups) in duplicate_records(records) {
            for x in dups {
                d[x] = true;
            }
        }
        d
    };
    for (ri, r) in records.iter().enumerate() {
        if !taken[ri] && !duplicate[ri] {
            out.unmatched_records.push(ri);
            if !seqids.is_empty() {
                out.diagnostics.push(Diagnostic::at_line(
                    Severity::Warning,
                    InputKind::Fasta,
                    r.line,
                    format!(
                        "sequence '{}' ({} bp) matches no seqid of the annotation; it is loaded as a contig without features",
                        r.id, r.length
                    ),
                ));
            }
        }
    }
    out
}

/// Groups of records that name the same sequence: (first, the later ones). Two records do when
/// any of their names (id, `|` pieces, `[chromosome=]`/`[location=]`/`[plasmid=]` tags) are equal
/// after [`normalise`], or when both are the same [`Organelle`].
fn duplicate_records(records: &[RecordInfo]) -> Vec<(usize, Vec<usize>)> {
    let mut first_with: HashMap<String, usize> = HashMap::new();
    let mut group: Vec<usize> = (0..records.len()).collect();
    for (i, r) in records.iter().enumerate() {
        let mut keys: Vec<String> = r.names().iter().map(|n| normalise(n)).collect();
        keys.extend(
            r.names()
                .iter()
                .filter_map(|n| Organelle::of(n))
                .map(|o| format!("organelle:{o:?}")),
        );
        crate::core::sort::sort(&mut keys);
        keys.dedup();
        let mut roots: Vec<usize> = Vec::new();
        for k in keys {
            match first_with.get(&k) {
                Some(&j) => roots.push(find(&group, j)),
                None => {
                    first_with.insert(k, i);
                }
            }
        }
        if let Some(&r) = roots.iter().min() {
            for &x in &roots {
                group[x] = r;
            }
            group[i] = r;
        }
    }
    let mut out: Vec<(usize, Vec<usize>)> = Vec::new();
    for i in 0..records.len() {
        let r = find(&group, i);
        if r != i {
            match out.iter_mut().find(|(f, _)| *f == r) {
                Some((_, v)) => v.push(i),
                None => out.push((r, vec![i])),
            }
        }
    }
    out
}

fn find(group: &[usize], mut i: usize) -> usize {
    while group[i] != i {
        i = group[i];
    }
    i
}

fn push_unique(v: &mut Vec<usize>, x: usize) {
    if !v.contains(&x) {
        v.push(x);
    }
}
