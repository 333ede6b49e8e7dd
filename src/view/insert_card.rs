//! What to show about an inserted sequence (an edit's bases drawn as a feature of their own in
//! edited coordinates) or one of its parts: name, type, where it is in the edited genome, what it
//! replaced, its parts.

use crate::core::coord::Span;
use crate::core::design::Design;
use crate::core::edit::EditId;
use crate::core::genome::Genome;
use crate::core::strand::Strand;
use crate::view::map::insert_shape::{InsertRef, insert_name, part_span, reference_words};

/// One part of an inserted feature, for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartLine {
    /// Name (`TEF promoter (A. gossypii)`).
    pub name: String,
    /// Type (`promoter`, `CDS`, `terminator`).
    pub kind: String,
    /// 1-based inclusive range within the inserted bases, in the insert's orientation.
    pub range: String,
    /// Length in bases.
    pub length: u64,
}

/// An inserted sequence or part described for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InsertCard {
    /// The edit that inserts it.
    pub edit: EditId,
    /// Its name (`kanMX4`, or the part's name).
    pub name: String,
    /// What it is (`inserted gene_cassette`, `CDS of kanMX4`).
    pub what: String,
    /// The edit's designation (`efb1Δ::kanMX4`), when it has one.
    pub designation: Option<String>,
    /// Where it is in the edited genome, 1-based with separators: `I:142,175–143,531`.
    pub edited_locus: String,
    /// What it replaced or where it went in, in reference coordinates.
    pub reference: String,
    /// Length in bases.
    pub length: u64,
    /// `+`, `-` or `.` on the contig.
    pub strand: char,
    /// Parts of the whole insert (empty for a part).
    pub parts: Vec<PartLine>,
}

/// Describes an inserted shape; `None` when the edit is gone or disabled, or the part unknown.
pub fn insert_card(genome: &Genome, design: &Design, what: InsertRef) -> Option<InsertCard> {
    let edit = design
        .edit(what.edit)
        .filter(|_| design.is_enabled(what.edit))?;
    let layout = design.layout(edit.contig)?;
    let i = layout.ops().iter().position(|o| o.edit == edit.id)?;
    let start = layout.op_edited_start(i);
    let whole = Span::from_raw(start, start + edit.sequence.len() as u64);
    let contig = &genome.contig(edit.contig).name;
    let feature = edit.feature.as_ref();
    let strand = feature.map_or(Strand::None, |f| f.strand);
    let whole_name = insert_name(edit);
    let reference = reference_words(genome, edit);
    let designation = edit.label.clone();
    let kind = feature.map_or("sequence", |f| f.kind.as_str()).to_owned();
    match what.part {
        None => Some(InsertCard {
            edit: edit.id,
            name: whole_name,
            what: format!("inserted {kind}"),
            designation,
            edited_locus: format!("{contig}:{whole}"),
            reference,
            length: whole.len(),
            strand: strand.symbol(),
            parts: feature
                .map(|f| {
                    f.children
                        .iter()
                        .map(|c| PartLine {
                            name: c.name.clone().unwrap_or_else(|| c.kind.as_str().to_owned()),
                            kind: c.kind.as_str().to_owned(),
                            range: c.offset.to_string(),
                            length: c.offset.len(),
                        })
                        .collect()
                })
                .unwrap_or_default(),
        }),
        Some(k) => {
            let part = feature?.children.get(k)?;
            let span = part_span(whole, strand, part.offset);
            Some(InsertCard {
                edit: edit.id,
                name: part
                    .name
                    .clone()
                    .unwrap_or_else(|| part.kind.as_str().to_owned()),
                what: format!("inserted {} of {whole_name}", part.kind.as_str()),
                designation,
                edited_locus: format!("{contig}:{span}"),
                reference,
                length: span.len(),
                strand: strand.symbol(),
                parts: Vec::new(),
            })
        }
    }
}
