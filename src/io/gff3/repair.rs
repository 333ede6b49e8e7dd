//! What the GFF3 reader repairs in a feature line, by kind, and the one warning per kind it
//! reports (how many lines, and the first).
//!
//! A repair is made only where the intent is unambiguous (blanks around numbers and around
//! `;` `=` `,`, empty fields, a tag given twice); a repaired line is kept in canonical form
//! (columns separated by one tab, column 9 as `tag=v1,v2;tag=v`) while lines that need no repair
//! stay byte-identical. What cannot be repaired drops the field (a column-9 field without a tag
//! or a value) or the whole line (an error diagnostic per line, see the reader).

use std::collections::BTreeMap;

use crate::core::genome::diagnostics::{Diagnostic, InputKind, Severity};

/// One kind of repair.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Repair {
    /// Blanks, a `+` or leading zeros around a number of columns 4–8.
    NumberForm,
    /// A blank in the seqid (column 1): escaped (`%20`), as GFF3 requires.
    SeqidBlank,
    /// Column 9 missing: `.` added.
    MissingAttributes,
    /// Empty columns after column 9 (trailing tabs): removed.
    TrailingColumns,
    /// An empty source (column 2): written `.`.
    EmptySource,
    /// A score that is not a number: written `.`.
    BadScore,
    /// A strand that is not `+ - . ?`: written `?` (stranded, strand unknown).
    BadStrand,
    /// A phase that is not `0 1 2 .`: written `.` (a CDS's phase is then computed).
    BadPhase,
    /// Blanks around `;`, `=` or `,` in column 9: removed.
    AttributeBlanks,
    /// Empty column-9 fields or values (`;;`, a trailing `;`, `a,,b`, an empty column): removed.
    EmptyFields,
    /// A column-9 field without `=`: dropped (nothing says which tag it is).
    NoEquals,
    /// A column-9 field without a tag (`=value`): dropped.
    NoTag,
    /// A column-9 field without a value (`tag=`): dropped.
    NoValue,
    /// A value containing `=`: escaped as `%3D`.
    ExtraEquals,
    /// A tag given twice on a line: the values merged into one field.
    DuplicateTag,
    /// An uppercase tag GFF3 does not reserve: its first letter lower-cased.
    UppercaseTag,
    /// `Is_circular` with a value other than `true`/`false`: dropped.
    BadIsCircular,
}

impl Repair {
    /// What was found and what was done, for the warning.
    pub fn description(self) -> &'static str {
        match self {
            Self::NumberForm => {
                "a number in columns 4–8 written with blanks, '+' or leading zeros; rewritten plainly"
            }
            Self::SeqidBlank => {
                "a blank in the seqid (column 1); escaped as %20, as GFF3 requires (FASTA and chain names cannot hold blanks)"
            }
            Self::MissingAttributes => "column 9 (attributes) missing; written '.'",
            Self::TrailingColumns => "empty columns after column 9 (trailing tabs); removed",
            Self::EmptySource => "an empty source (column 2); written '.'",
            Self::BadScore => "a score (column 6) that is not a number; written '.'",
            Self::BadStrand => {
                "a strand (column 7) that is not one of + - . ?; written '?' (strand unknown)"
            }
            Self::BadPhase => {
                "a phase (column 8) that is not 0, 1, 2 or '.'; written '.' (a CDS's phase is computed)"
            }
            Self::AttributeBlanks => "blanks around ';', '=' or ',' in column 9; removed",
            Self::EmptyFields => {
                "empty fields or values in column 9 (';;', a trailing ';'); removed"
            }
            Self::NoEquals => "a column-9 field without '=' (no tag=value); dropped",
            Self::NoTag => "a column-9 field that has no tag ('=value'); dropped",
            Self::NoValue => "a column-9 field that has no value ('tag='); dropped",
            Self::ExtraEquals => {
                "a column-9 field that does not contain exactly one '='; the '=' in its value escaped as %3D"
            }
            Self::DuplicateTag => "a column-9 tag given more than once; the values merged",
            Self::UppercaseTag => {
                "a tag starting with an uppercase letter that GFF3 does not reserve; first letter lower-cased"
            }
            Self::BadIsCircular => "an Is_circular value other than true or false; dropped",
        }
    }

    /// Whether the repair loses information (reported as an error rather than a warning).
    pub fn loses_data(self) -> bool {
        matches!(
            self,
            Self::NoEquals | Self::NoTag | Self::BadScore | Self::BadIsCircular
        )
    }
}

/// A repair found on one line, with what exactly was found there (`more than one Dbxref
/// attribute`), when that says more than the kind.
pub type Found = (Repair, Option<String>);

/// Repairs counted by kind: (lines, first line, what the first line had).
#[derive(Debug, Default)]
pub struct RepairLog(BTreeMap<Repair, (u64, u64, Option<String>)>);

impl RepairLog {
    /// Records that `line` needed a repair (once per line and kind).
    pub fn note(&mut self, (repair, detail): &Found, line: u64) {
        let e = self.0.entry(*repair).or_insert((0, line, detail.clone()));
        e.0 += 1;
    }

    /// One diagnostic per kind: how many lines, and the first.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        self.0
            .iter()
            .map(|(r, (count, first, detail))| {
                let severity = if r.loses_data() {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                let detail = detail
                    .as_deref()
                    .map_or_else(String::new, |d| format!(": {d}"));
                Diagnostic::at_line(
                    severity,
                    InputKind::Gff3,
                    *first,
                    format!(
                        "repaired {count} line(s): {} (the first is this line{detail})",
                        r.description()
                    ),
                )
            })
            .collect()
    }
}
