//! The position box: one coordinate lifted either way between the reference and the edited
//! genome, answered in words (1-based, as people type them).

use crate::core::coord::{Pos, thousands};
use crate::core::design::Design;
use crate::core::edit::{EditId, EditOp};
use crate::core::genome::Genome;
use crate::core::genome::contig::ContigId;
use crate::core::lift::edited::{EditedGenome, LiftedPos, SourcePos};
use crate::view::edit_rows::{edit_name, signed};

/// Which way to lift.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Direction {
    /// A reference position → where it is in the edited genome.
    #[default]
    ToEdited,
    /// An edited position → where it came from.
    ToReference,
}

/// Reads `IV:1,000`, `chrIV 1000`, `IV:1_000` — or `1,000` on `default_contig` (the map's).
/// Returns the contig and the 1-based position.
pub fn parse_position(
    genome: &Genome,
    text: &str,
    default_contig: Option<ContigId>,
) -> Result<(ContigId, u64), String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("type a position such as IV:1,000".to_owned());
    }
    let (name, number) = match t
        .rsplit_once(':')
        .or_else(|| t.rsplit_once(char::is_whitespace))
    {
        Some((n, p)) => (Some(n.trim()), p.trim()),
        None => (None, t),
    };
    let contig = match name {
        Some(n) => genome
            .contig_by_name(n)
            .ok_or_else(|| format!("no sequence of this genome is named “{n}”"))?,
        None => default_contig.ok_or_else(|| "say which sequence, as in IV:1,000".to_owned())?,
    };
    let digits: String = number
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{202f}'))
        .collect();
    let pos: u64 = digits
        .parse()
        .map_err(|_| format!("“{number}” is not a whole number"))?;
    if pos == 0 {
        return Err("positions start at 1".to_owned());
    }
    Ok((contig, pos))
}

/// Where a position went (1-based positions throughout).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PositionAnswer {
    /// The base is at `to` on the other side.
    At {
        /// Contig name.
        contig: String,
        /// The position asked about.
        from: u64,
        /// Where it is on the other side.
        to: u64,
    },
    /// A reference base an edit removed.
    Removed {
        /// Contig name.
        contig: String,
        /// The reference position asked about.
        from: u64,
        /// The edit.
        edit: EditId,
        /// Its designation.
        name: String,
        /// Deleted or replaced.
        op: EditOp,
        /// Nearest surviving base on the left: (reference, edited).
        left: Option<(u64, u64)>,
        /// Nearest surviving base on the right: (reference, edited).
        right: Option<(u64, u64)>,
    },
    /// An edited base inside the bases an edit inserted.
    Inserted {
        /// Contig name.
        contig: String,
        /// The edited position asked about.
        from: u64,
        /// The edit.
        edit: EditId,
        /// Its designation.
        name: String,
        /// 0-based offset in the inserted bases.
        offset: u64,
        /// How many bases it inserted.
        length: u64,
    },
}

impl PositionAnswer {
    /// The answer in words.
    pub fn sentence(&self, dir: Direction) -> String {
        match self {
            Self::At { contig, from, to } => {
                let shift = match dir {
                    Direction::ToEdited => *to as i64 - *from as i64,
                    Direction::ToReference => *from as i64 - *to as i64,
                };
                let moved = if shift == 0 {
                    "unshifted".to_owned()
                } else {
                    format!("shifted {}", signed(shift))
                };
                match dir {
                    Direction::ToEdited => format!(
                        "Reference {contig}:{} is edited {contig}:{} ({moved}).",
                        thousands(*from),
                        thousands(*to)
                    ),
                    Direction::ToReference => format!(
                        "Edited {contig}:{} is reference {contig}:{} ({moved}).",
                        thousands(*from),
                        thousands(*to)
                    ),
                }
            }
            Self::Removed {
                contig,
                from,
                edit,
                name,
                op,
                left,
                right,
            } => {
                let verb = if *op == EditOp::Replace {
                    "replaced"
                } else {
                    "deleted"
                };
                let side = |n: &Option<(u64, u64)>| match n {
                    Some((r, e)) => format!(
                        "{contig}:{} (edited {contig}:{})",
                        thousands(*r),
                        thousands(*e)
                    ),
                    None => "none".to_owned(),
                };
                format!(
                    "Reference {contig}:{} is {verb} by edit {edit} ({name}); nearest surviving neighbours: {} on the left, {} on the right.",
                    thousands(*from),
                    side(left),
                    side(right)
                )
            }
            Self::Inserted {
                contig,
                from,
                edit,
                name,
                offset,
                length,
            } => format!(
                "Edited {contig}:{} is inside insertion {edit} ({name}) at offset {} (base {} of {}); it has no reference position.",
                thousands(*from),
                thousands(*offset),
                thousands(offset + 1),
                thousands(*length)
            ),
        }
    }
}

/// Lifts 1-based position `pos` of `contig` the way `dir` says.
pub fn lift_position(
    genome: &Genome,
    design: &Design,
    contig: ContigId,
    pos: u64,
    dir: Direction,
) -> Result<PositionAnswer, String> {
    let view = EditedGenome::new(genome, design);
    let name = genome.contig(contig).name.to_string();
    let p = Pos(pos.saturating_sub(1));
    let designation = |id: EditId| {
        design
            .edit(id)
            .map_or_else(|| format!("edit {id}"), |e| edit_name(design, e))
    };
    match dir {
        Direction::ToEdited => {
            let len = genome.contig(contig).length;
            match view.lift_through_identity(contig, p) {
                None => Err(format!(
                    "{name} has {} bases in the reference",
                    thousands(len)
                )),
                Some(LiftedPos::At(q)) => Ok(PositionAnswer::At {
                    contig: name,
                    from: pos,
                    to: q.get() + 1,
                }),
                Some(LiftedPos::Deleted { edit, left, right }) => {
                    let one = |a: Option<(Pos, Pos)>| a.map(|(r, e)| (r.get() + 1, e.get() + 1));
                    Ok(PositionAnswer::Removed {
                        contig: name,
                        from: pos,
                        edit,
                        name: designation(edit),
                        op: design.edit(edit).map_or(EditOp::Delete, |e| e.op),
                        left: one(left),
                        right: one(right),
                    })
                }
            }
        }
        Direction::ToReference => match view.source(contig, p) {
            None => Err(format!(
                "{name} has {} bases in the edited genome",
                thousands(view.contig_len(contig))
            )),
            Some(SourcePos::Reference(r)) => Ok(PositionAnswer::At {
                contig: name,
                from: pos,
                to: r.get() + 1,
            }),
            Some(SourcePos::Inserted { edit, offset }) => Ok(PositionAnswer::Inserted {
                contig: name,
                from: pos,
                edit,
                name: designation(edit),
                offset,
                length: design.edit(edit).map_or(0, |e| e.sequence.len() as u64),
            }),
        },
    }
}
