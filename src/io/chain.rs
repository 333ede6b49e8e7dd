//! UCSC chain files: reference (target) → edited (query) alignment of each contig.
//!
//! Format: <https://genome.ucsc.edu/goldenPath/help/chain.html>. Each contig is one chain of
//! ungapped blocks: the reference bases between edits, with the edits as gaps on either side. An
//! equal-length substitution (a point mutation, a same-length replacement) is not a gap: the
//! chain format's blocks are aligned bases, matching or not ("ungapped", not "identical"), so its
//! bases stay inside the block around it and map one to one, as `liftOver` maps a SNP. Deletions,
//! insertions and replacements of another length are gaps (`dt`, `dq` on the line before the next
//! block).

use std::io::{self, Write};

use crate::core::genome::contig::ContigId;
use crate::core::lift::edited::EditedGenome;

/// One ungapped block: reference start, edited start, size.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// 0-based start on the reference.
    pub t: u64,
    /// 0-based start on the edited contig.
    pub q: u64,
    /// Size in bases.
    pub size: u64,
}

/// The aligned blocks of one contig, in order. Equal-length substitutions lie inside blocks.
pub fn blocks(edited: &EditedGenome<'_>, contig: ContigId) -> Vec<Block> {
    let len = edited.genome.contig(contig).length;
    let Some(layout) = edited.design.layout(contig) else {
        return if len > 0 {
            vec![Block {
                t: 0,
                q: 0,
                size: len,
            }]
        } else {
            Vec::new()
        };
    };
    let mut out = Vec::new();
    let mut t = 0u64;
    for (i, op) in layout.ops().iter().enumerate() {
        if op.is_substitution() {
            continue;
        }
        if op.start > t {
            let q = t.saturating_add_signed(layout.delta_before(i));
            out.push(Block {
                t,
                q,
                size: op.start - t,
            });
        }
        t = t.max(op.end);
    }
    if len > t {
        let q = t.saturating_add_signed(layout.delta_before(layout.ops().len()));
        out.push(Block {
            t,
            q,
            size: len - t,
        });
    }
    out
}

/// Why a contig has no chain.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Skipped {
    /// No sequence was loaded for it: its true size is unknown.
    NoSequence,
    /// Its name has a blank or control character, which chain headers cannot hold.
    UnwritableName,
    /// No reference base survives the edits: there is nothing to align.
    NothingAligned,
}

impl Skipped {
    /// Words for a warning.
    pub fn reason(self) -> &'static str {
        match self {
            Self::NoSequence => "it has no sequence",
            Self::UnwritableName => "its name contains a blank, which chain headers cannot hold",
            Self::NothingAligned => "no reference base survives the edits",
        }
    }
}

/// Writes one chain per contig with a sequence, its header carrying the contig's real sizes
/// (reference and edited). Returns the contigs left out and why.
pub fn write<W: Write>(
    out: &mut W,
    edited: &EditedGenome<'_>,
) -> io::Result<Vec<(String, Skipped)>> {
    let mut id = 0;
    let mut skipped = Vec::new();
    for (i, contig) in edited.genome.contigs().iter().enumerate() {
        let c = ContigId(i as u32);
        let why = if contig.sequence.is_none() {
            Some(Skipped::NoSequence)
        } else if contig
            .name
            .chars()
            .any(|ch| ch.is_whitespace() || ch.is_control())
        {
            Some(Skipped::UnwritableName)
        } else {
            None
        };
        if let Some(why) = why {
            skipped.push((contig.name.to_string(), why));
            continue;
        }
        let b = blocks(edited, c);
        let (Some(first), Some(last)) = (b.first(), b.last()) else {
            skipped.push((contig.name.to_string(), Skipped::NothingAligned));
            continue;
        };
        id += 1;
        let score: u64 = b.iter().map(|x| x.size).sum();
        writeln!(
            out,
            "chain {score} {name} {tlen} + {ts} {te} {name} {qlen} + {qs} {qe} {id}",
            name = contig.name,
            tlen = contig.length,
            ts = first.t,
            te = last.t + last.size,
            qlen = edited.contig_len(c),
            qs = first.q,
            qe = last.q + last.size,
        )?;
        for w in b.windows(2) {
            let (x, y) = (w[0], w[1]);
            writeln!(
                out,
                "{}\t{}\t{}",
                x.size,
                y.t - (x.t + x.size),
                y.q - (x.q + x.size)
            )?;
        }
        writeln!(out, "{}\n", last.size)?;
    }
    Ok(skipped)
}
