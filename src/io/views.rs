//! Writing the ML views: gene nodes as CSV and JSON, sequence windows as FASTA and JSON Lines.

use std::io::{self, Write};

use crate::core::ml::{GeneNode, SequenceWindow};

/// CSV header of the gene node view.
pub const GENE_NODES_HEADER: &str = "id,name,type,contig,start,end,strand,status,ref_start,ref_end,in_gene_set,zygosity,perturbations,essential";

fn csv_field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into()
    }
}

fn opt(n: Option<u64>) -> String {
    n.map_or_else(String::new, |n| n.to_string())
}

/// The gene node view as CSV: empty cells for absent coordinates, for `in_gene_set` without a
/// gene set, for `zygosity` where there is none and for `essential` when not tested;
/// `perturbations` joined by `; `.
pub fn write_gene_nodes_csv<W: Write>(out: &mut W, rows: &[GeneNode]) -> io::Result<()> {
    writeln!(out, "{GENE_NODES_HEADER}")?;
    for r in rows {
        writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            csv_field(&r.id),
            csv_field(&r.name),
            csv_field(&r.kind),
            csv_field(&r.contig),
            opt(r.start),
            opt(r.end),
            r.strand,
            r.status.label(),
            opt(r.ref_start),
            opt(r.ref_end),
            r.in_gene_set.map_or_else(String::new, |b| b.to_string()),
            r.zygosity.map_or("", |z| z.label()),
            csv_field(&r.perturbations.join("; ")),
            r.essential.map_or_else(String::new, |b| b.to_string()),
        )?;
    }
    Ok(())
}

/// The gene node view as a JSON array (pretty, newline-terminated).
pub fn write_gene_nodes_json<W: Write>(out: &mut W, rows: &[GeneNode]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, rows).map_err(io::Error::other)?;
    writeln!(out)
}

/// A word of a FASTA header: blanks and control characters (which would split the header or the
/// record) %-escaped.
fn header_word(s: &str) -> std::borrow::Cow<'_, str> {
    if !s
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '%')
    {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 6);
    for c in s.chars() {
        if c.is_whitespace() || c.is_control() || c == '%' {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out.into()
}

/// Sequence windows as FASTA (60 columns); the header carries the coordinates (the id, name and
/// contig %-escaped where they hold blanks or control characters): `cds=START-END` for a
/// protein-coding gene, else the gene's kind word (`tRNA=…`, `snoRNA=…`, the inserted feature's
/// type), and `window_changed=true|false`.
pub fn write_windows_fasta<W: Write>(out: &mut W, windows: &[SequenceWindow]) -> io::Result<()> {
    for w in windows {
        writeln!(
            out,
            ">{} {} {}:{}-{}({}) {}={}-{} upstream={} downstream={} status={} window_changed={}",
            header_word(&w.id),
            header_word(&w.name),
            header_word(&w.contig),
            w.start,
            w.end,
            w.strand,
            header_word(&w.body),
            w.cds_start,
            w.cds_end,
            w.upstream,
            w.downstream,
            w.status.label(),
            w.window_changed
        )?;
        for line in w.sequence.as_bytes().chunks(60) {
            out.write_all(line)?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

/// Sequence windows as JSON Lines: one object per gene.
pub fn write_windows_jsonl<W: Write>(out: &mut W, windows: &[SequenceWindow]) -> io::Result<()> {
    for w in windows {
        serde_json::to_writer(&mut *out, w).map_err(io::Error::other)?;
        writeln!(out)?;
    }
    Ok(())
}
