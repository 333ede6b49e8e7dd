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

mod evidence;
mod matching;
mod names;
mod outcome;

pub use evidence::{RecordInfo, SeqidInfo};
pub use matching::reconcile;
pub use names::{Organelle, normalise};
pub use outcome::{MatchedBy, Reconciliation};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::genome::diagnostics::Severity;

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
