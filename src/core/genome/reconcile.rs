//! Sequence-name reconciliation: which FASTA record holds the sequence of which GFF3 seqid.
//!
//! Real files disagree (`>ref|NC_001133| … [chromosome=I]` vs `I` vs `chrI`). Records are matched
//! to seqids, in this order of confidence:
//! 1. the same name (the record id, a `|`-separated piece of it, or a `[chromosome=…]` /
//!    `[location=…]` header tag equals the seqid or one of its `Alias=` values);
//! 2. the same name after normalising (case, a `chr` prefix, a `.N` version suffix);
//! 3. the same chromosome in the alias table ([`crate::core::genome::aliases`]), accepted only when the record's
//!    length is that chromosome's length;
//! 4. the same organelle or plasmid ([`Organelle`]: `chrM`, `MT`, `Mito`, `[location=mitochondrion]`
//!    …), whatever the length, when exactly one seqid and one record of that kind are left;
//! 5. as a last resort, a unique length match with the seqid's declared length (reported).
//!
//! Ambiguity is never resolved silently. Records that name the same sequence (`>chr1` twice,
//! `>chrI` and `>… [chromosome=I]`, two mitochondria) are an error diagnostic naming every line:
//! the first is used, the others are not loaded, and the sequence is marked ambiguous (edits on
//! it are refused). A seqid that could name several records gets none and is marked ambiguous
//! too. A declared length that disagrees with the sequence is reported.

use std::collections::HashMap;

use crate::core::genome::aliases::{ChromosomeAliases, R64_CHROMOSOMES};
use crate::core::genome::contig::Topology;
use crate::core::genome::diagnostics::{Diagnostic, InputKind, Severity};

/// What the annotation says about one seqid.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SeqidInfo {
    /// The seqid as written.
    pub name: Box<str>,
    /// `##sequence-region` bounds (1-based inclusive, as declared) and the line declaring them.
    pub sequence_region: Option<(u64, u64, u64)>,
    /// End of a sequence-level feature (chromosome/region) starting at base 1.
    pub region_feature_end: Option<u64>,
    /// `Alias=` values of sequence-level features.
    pub aliases: Vec<Box<str>>,
    /// `Is_circular=true` on a feature of this seqid.
    pub circular: bool,
    /// Largest feature end (1-based inclusive), 0 when no feature.
    pub max_feature_end: u64,
    /// Number of features on it.
    pub feature_count: usize,
    /// 1-based line where the seqid first appears.
    pub first_line: u64,
}

impl SeqidInfo {
    /// The length the annotation declares: a `##sequence-region` end, else a whole-sequence feature's end.
    pub fn declared_length(&self) -> Option<u64> {
        self.sequence_region
            .map(|(_, end, _)| end)
            .or(self.region_feature_end)
    }
}

/// What a FASTA record's header says about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordInfo {
    /// The id (first word after `>`).
    pub id: Box<str>,
    /// The rest of the header line.
    pub description: Option<Box<str>>,
    /// Sequence length.
    pub length: u64,
    /// 1-based line of the header.
    pub line: u64,
}

impl RecordInfo {
    /// `[key=value]` tags of the description (`[chromosome=I]`, `[top=circular]`).
    pub fn tags(&self) -> Vec<(&str, &str)> {
        let Some(desc) = self.description.as_deref() else {
            return Vec::new();
        };
        desc.split('[')
            .skip(1)
            .filter_map(|part| part.split_once(']').map(|(inner, _)| inner))
            .filter_map(|inner| inner.split_once('='))
            .map(|(k, v)| (k.trim(), v.trim()))
            .collect()
    }

    /// Every name the record goes by, most specific first.
    pub fn names(&self) -> Vec<String> {
        let mut names = vec![self.id.to_string()];
        const DB_TAGS: [&str; 8] = ["ref", "gi", "gb", "emb", "dbj", "lcl", "gnl", "tpg"];
        if self.id.contains('|') {
            for piece in self.id.split('|') {
                if !piece.is_empty() && !DB_TAGS.contains(&piece) {
                    names.push(piece.to_owned());
                }
            }
        }
        for (k, v) in self.tags() {
            match k {
                "chromosome" | "location" | "plasmid" | "segment" if !v.is_empty() => {
                    names.push(v.to_owned())
                }
                _ => {}
            }
        }
        names
    }

    /// Whether the header says the molecule is circular (`[top=circular]`, `[topology=circular]`).
    pub fn says_circular(&self) -> bool {
        self.tags()
            .iter()
            .any(|(k, v)| matches!(*k, "top" | "topology") && v.eq_ignore_ascii_case("circular"))
    }
}

/// How a seqid was matched to its sequence.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum MatchedBy {
    /// The same name.
    Name,
    /// The same name after normalising case, `chr` prefix and version.
    NormalisedName,
    /// The alias table, confirmed by length.
    AliasTable,
    /// The same organelle or plasmid, the only one of its kind on each side.
    Organelle,
    /// Only the length agreed.
    Length,
}

/// Sequences every genome names in many ways: organelles and the yeast 2-micron plasmid.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Organelle {
    /// `chrM`, `chrMT`, `MT`, `M`, `Mito`, `chrmt`, `mt`, `mitochondrion`, `[location=mitochondrion]`.
    Mitochondrion,
    /// `chrC`, `Pt`, `chloroplast`, `plastid`, `[location=chloroplast]`.
    Plastid,
    /// `2-micron`, `2micron`, `[location=2micron]`, `[plasmid=2-micron]`.
    TwoMicron,
}

impl Organelle {
    /// The organelle a name stands for (case, a `chr` prefix, a version, `-`/`_`/blanks ignored).
    pub fn of(name: &str) -> Option<Self> {
        let n: String = normalise(name)
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .collect();
        match n.as_str() {
            "m" | "mt" | "mito" | "mitochondrion" | "mitochondria" | "mitochondrial" => {
                Some(Self::Mitochondrion)
            }
            "c" | "pt" | "chloroplast" | "plastid" | "cp" => Some(Self::Plastid),
            "2micron" | "2mu" | "2um" | "2µ" | "2μ" | "twomicron" => Some(Self::TwoMicron),
            _ => None,
        }
    }

    /// A word for messages.
    pub fn label(self) -> &'static str {
        match self {
            Self::Mitochondrion => "mitochondrion",
            Self::Plastid => "plastid",
            Self::TwoMicron => "2-micron plasmid",
        }
    }
}

/// The outcome of reconciliation.
#[derive(Clone, Debug, Default)]
pub struct Reconciliation {
    /// For each seqid (same order as the input), the matched record and how.
    pub matches: Vec<Option<(usize, MatchedBy)>>,
    /// Records no seqid matched, in input order (duplicates left out: see `ambiguity`).
    pub unmatched_records: Vec<usize>,
    /// For each record, why its sequence is ambiguous (it names the same sequence as later
    /// records, which are not loaded), when it is.
    pub record_ambiguity: Vec<Option<String>>,
    /// For each seqid, why it is ambiguous (it could name several records), when it is.
    pub seqid_ambiguity: Vec<Option<String>>,
    /// For each record, the alias-table chromosome it was identified as (length-confirmed).
    pub known_chromosome: Vec<Option<&'static ChromosomeAliases>>,
    /// What was noticed.
    pub diagnostics: Vec<Diagnostic>,
}

impl Reconciliation {
    /// The names a record's contig should also answer to: its own names and, when the alias table
    /// identified it, the table's names.
    pub fn aliases_of(&self, record: usize, info: &RecordInfo) -> Vec<String> {
        let mut names = info.names();
        if let Some(row) = self.known_chromosome.get(record).copied().flatten() {
            names.extend(row.names.iter().map(|n| (*n).to_owned()));
        }
        names
    }

    /// Topology by the alias table (when it identified the record).
    pub fn table_topology(&self, record: usize) -> Option<Topology> {
        self.known_chromosome
            .get(record)
            .copied()
            .flatten()
            .map(|r| r.topology)
    }
}

/// Lower-cases and strips a `chr`/`chromosome` prefix and a `.N` version suffix.
pub fn normalise(name: &str) -> String {
    let lower = name.trim().to_ascii_lowercase();
    let mut s = lower.as_str();
    for prefix in ["chromosome_", "chromosome", "chr_", "chr"] {
        if let Some(rest) = s.strip_prefix(prefix)
            && !rest.is_empty()
        {
            s = rest;
            break;
        }
    }
    if let Some((base, ver)) = s.rsplit_once('.')
        && !base.is_empty()
        && !ver.is_empty()
        && ver.bytes().all(|b| b.is_ascii_digit())
    {
        s = base;
    }
    s.to_owned()
}

fn table_row_for(names: &[String], length: Option<u64>) -> Option<&'static ChromosomeAliases> {
    R64_CHROMOSOMES.iter().find(|row| {
        length.is_none_or(|l| l == row.length)
            && row
                .names
                .iter()
                .any(|n| names.iter().any(|m| normalise(m) == normalise(n)))
    })
}

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
        keys.sort();
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

#[cfg(test)]
mod tests {
    use super::*;

    fn seqid(name: &str, len: Option<u64>) -> SeqidInfo {
        SeqidInfo {
            name: name.into(),
            sequence_region: len.map(|l| (1, l, 1)),
            first_line: 1,
            ..Default::default()
        }
    }

    fn record(id: &str, desc: Option<&str>, length: u64) -> RecordInfo {
        RecordInfo {
            id: id.into(),
            description: desc.map(Into::into),
            length,
            line: 1,
        }
    }

    #[test]
    fn sgd_headers_match_ensembl_seqids() {
        let records = [
            record(
                "ref|NC_001133|",
                Some("[org=Saccharomyces cerevisiae] [chromosome=I]"),
                230_218,
            ),
            record(
                "ref|NC_001224|",
                Some("[org=Saccharomyces cerevisiae] [location=mitochondrion] [top=circular]"),
                85_779,
            ),
        ];
        let seqids = [seqid("Mito", Some(85_779)), seqid("I", Some(230_218))];
        let r = reconcile(&seqids, &records);
        assert_eq!(
            r.matches,
            vec![Some((1, MatchedBy::AliasTable)), Some((0, MatchedBy::Name))]
        );
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
        assert!(records[1].says_circular());
    }

    #[test]
    fn ucsc_names_match_by_normalising() {
        let records = [record("chrI", None, 230_218), record("chrM", None, 85_779)];
        let seqids = [seqid("I", None), seqid("Mito", None)];
        let r = reconcile(&seqids, &records);
        assert_eq!(
            r.matches,
            vec![
                Some((0, MatchedBy::NormalisedName)),
                Some((1, MatchedBy::AliasTable))
            ]
        );
    }

    #[test]
    fn table_needs_the_length_to_agree() {
        // A human chrM (16,569 bp) is not yeast's mitochondrion in the alias table (no yeast
        // names or topology from it) …
        let r = reconcile(&[seqid("Mito", None)], &[record("chrM", None, 16_569)]);
        assert!(r.known_chromosome[0].is_none());
        // … but it is the one mitochondrion on each side, so the organelle class matches them.
        assert_eq!(r.matches, vec![Some((0, MatchedBy::Organelle))]);
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
        // With two mitochondria in the FASTA, the first is used and marked ambiguous (an error).
        let r = reconcile(
            &[seqid("Mito", None)],
            &[record("chrM", None, 16_569), record("MT", None, 16_569)],
        );
        assert_eq!(r.matches, vec![Some((0, MatchedBy::Organelle))]);
        assert!(r.record_ambiguity[0].is_some() && r.unmatched_records.is_empty());
        assert!(r.diagnostics.iter().any(|d| d.severity == Severity::Error));
    }

    #[test]
    fn length_mismatch_and_length_only_matches_are_reported() {
        let r = reconcile(&[seqid("ctg1", Some(100))], &[record("ctg1", None, 90)]);
        assert_eq!(r.matches, vec![Some((0, MatchedBy::Name))]);
        assert!(r.diagnostics[0].message.contains("declared 100 bp"));
        let r = reconcile(
            &[seqid("scaffold_1", Some(90))],
            &[record("seq9", None, 90)],
        );
        assert_eq!(r.matches, vec![Some((0, MatchedBy::Length))]);
        assert!(r.diagnostics[0].message.contains("by length alone"));
    }

    #[test]
    fn normalise_strips_prefix_and_version() {
        assert_eq!(normalise("chrXV"), "xv");
        assert_eq!(normalise("NC_001133.9"), "nc_001133");
        assert_eq!(normalise("chr"), "chr");
    }
}
