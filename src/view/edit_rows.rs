//! The edit list as rows: each edit with its designation, reference coordinates, where its bases
//! are in the edited genome, and its length change; where the map goes to show one edit.

use std::collections::HashMap;

use crate::core::coord::{Span, thousands};
use crate::core::design::Design;
use crate::core::edit::EditDesc;
use crate::core::edit::{Edit, EditId, EditOp};
use crate::core::genome::Genome;
use crate::core::genome::contig::ContigId;
use crate::view::viewport::Viewport;

/// `+1,357`, `−2,216` (a true minus sign), `0`.
pub fn signed(n: i64) -> String {
    match n {
        0 => "0".to_owned(),
        n if n > 0 => format!("+{}", thousands(n.unsigned_abs())),
        n => format!("−{}", thousands(n.unsigned_abs())),
    }
}

/// What people call an edit: the perturbation or allele it realises (`tfc3Δ::kanMX4`,
/// `his3Δ1`), else its label, else the name of the feature it adds, else `edit #N`.
pub fn edit_name(design: &Design, e: &Edit) -> String {
    design
        .genotype()
        .designation_of(e.id)
        .map(str::to_owned)
        .or_else(|| e.label.clone())
        .or_else(|| {
            e.feature
                .as_ref()
                .and_then(|f| f.name.clone().or_else(|| f.id.clone()))
        })
        .unwrap_or_else(|| format!("edit {}", e.id))
}

/// The edit's reference coordinates for people: `replace I:147,594–151,166`,
/// `insert after VI:53,259`, `delete XV:722,251–722,440`.
pub fn reference_text(genome: &Genome, e: &Edit) -> String {
    let contig = &genome.contig(e.contig).name;
    match e.op {
        EditOp::Insert => insert_after(contig, e.gap().get()),
        op => format!("{op} {contig}:{}", e.span),
    }
}

/// Where an insertion goes, as the UI says it everywhere: after the reference base it follows
/// (1-based), `insert after VI:53,259` — an N-terminal tag right after its gene's ATG.
fn insert_after(contig: &str, base: u64) -> String {
    format!("insert after {contig}:{}", thousands(base))
}

/// An edit a preview or a message describes ([`EditDesc`]), in the edit list's words: as core
/// describes it (an insertion `insert after VI:53,259 (label)`, as [`reference_text`] says it),
/// numbered as the list numbers it ([`as_listed`]).
pub fn described(d: &EditDesc) -> String {
    as_listed(&d.to_string())
}

/// Where an enabled edit's bases are in the edited contig: the inserted bases `[start, end)`,
/// empty for a deletion (then `start` is the junction, the gap where the bases were).
pub fn edited_sites(design: &Design) -> HashMap<EditId, (ContigId, Span)> {
    let mut out = HashMap::new();
    for contig in design.edited_contigs() {
        let Some(layout) = design.layout(contig) else {
            continue;
        };
        for (i, op) in layout.ops().iter().enumerate() {
            let start = layout.op_edited_start(i);
            out.insert(
                op.edit,
                (
                    contig,
                    Span::from_raw(start, start + op.sequence.len() as u64),
                ),
            );
        }
    }
    out
}

/// The edited site of one enabled edit (see [`edited_sites`]). O(E) on its contig.
pub fn edited_site(design: &Design, id: EditId) -> Option<(ContigId, Span)> {
    let e = design.edit(id)?;
    let layout = design.layout(e.contig)?;
    let i = layout.ops().iter().position(|o| o.edit == id)?;
    let start = layout.op_edited_start(i);
    Some((
        e.contig,
        Span::from_raw(start, start + layout.ops()[i].sequence.len() as u64),
    ))
}

/// The edited site for people: `I:147,594–148,950` for inserted bases, `junction after I:147,593`
/// for a deletion (`at the start of I` when nothing precedes it).
pub fn edited_text(genome: &Genome, contig: ContigId, site: Span) -> String {
    let name = &genome.contig(contig).name;
    if site.is_empty() {
        match site.start().get() {
            0 => format!("junction at the start of {name}"),
            g => format!("junction after {name}:{}", thousands(g)),
        }
    } else {
        format!("{name}:{site}")
    }
}

/// One row of the edit list.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EditRow {
    /// The edit.
    pub id: EditId,
    /// Its designation or label; for one of several edits of one designation, its label when that
    /// names the designation and says more (`MATa: MATA2 annotation (bases unchanged)`).
    pub name: String,
    /// What it does.
    pub op: EditOp,
    /// Reference coordinates (`replace I:147,594–151,166`).
    pub reference: String,
    /// Edited coordinates of its bases or junction; `None` when disabled.
    pub edited: Option<String>,
    /// Net length change.
    pub length_change: i64,
    /// Whether it takes part in the edited genome.
    pub enabled: bool,
}

/// Every edit as a row, in id order (the order they were added). O(E log E).
pub fn edit_rows(genome: &Genome, design: &Design) -> Vec<EditRow> {
    let sites = edited_sites(design);
    let mut designations: HashMap<EditId, &str> = HashMap::new();
    let g = design.genotype();
    if let Some(b) = &g.background {
        for a in &b.alleles {
            for id in &a.edit_ids {
                designations.insert(*id, &a.name);
            }
        }
    }
    // Perturbations win over alleles, as in `Genotype::designation_of` (first one wins).
    for p in g.perturbations.iter().rev() {
        for id in &p.edit_ids {
            designations.insert(*id, &p.designation);
        }
    }
    // How many edits realise each designation: when several do (MATa: Y, then a2's annotation),
    // an edit whose label names the designation and says more shows that label.
    let mut uses: HashMap<&str, usize> = HashMap::new();
    for d in designations.values() {
        *uses.entry(*d).or_default() += 1;
    }
    design
        .edits()
        .iter()
        .map(|e| {
            let enabled = design.is_enabled(e.id);
            let name = match designations.get(&e.id) {
                None => edit_name(design, e),
                Some(d) => match &e.label {
                    Some(l) if uses[d] > 1 && l.starts_with(d) && l.len() > d.len() => l.clone(),
                    _ => (*d).to_owned(),
                },
            };
            EditRow {
                id: e.id,
                name,
                op: e.op,
                reference: reference_text(genome, e),
                edited: enabled
                    .then(|| sites.get(&e.id))
                    .flatten()
                    .map(|(c, s)| edited_text(genome, *c, *s)),
                length_change: e.length_change(),
                enabled,
            }
        })
        .collect()
}

/// A row by id in rows kept in id order. O(log E).
pub fn row_of(rows: &[EditRow], id: EditId) -> Option<&EditRow> {
    rows.binary_search_by_key(&id, |r| r.id)
        .ok()
        .map(|i| &rows[i])
}

/// The map's window showing an edit with some context: the removed span with a fifth of its
/// length each side (at least 500 bases), or 2 kb around an insertion.
pub fn view_of_edit(genome: &Genome, e: &Edit) -> Viewport {
    let (s, t) = (e.span.start().get() as i128, e.span.end().get() as i128);
    let pad = if e.span.is_empty() {
        2_000
    } else {
        ((t - s) / 5).max(500)
    };
    Viewport::clamped(genome, e.contig, s - pad, t + pad)
}

/// The edits a change added, named for a message by the numbers the edit list shows: `edit #7`,
/// `edits #7–#9` (ids in the order added; consecutive ids give a range, others are listed:
/// `edits #3, #5`). Empty for none.
pub fn edits_named(ids: &[EditId]) -> String {
    match ids {
        [] => String::new(),
        [one] => format!("edit {one}"),
        [first, .., last] if last.0 >= first.0 && (last.0 - first.0) as usize + 1 == ids.len() => {
            format!("edits {first}–{last}")
        }
        all => format!(
            "edits {}",
            all.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// A message as the UI says it: core's and the CLI's citation of an edit by both numbers,
/// `edit #4 (id 3)` ([`EditId::cited`]), names it by the edit list's number alone, `edit #4` —
/// the one number the UI shows for an edit; the spec's `id` is in the edit list row's details
/// ([`spec_id_words`]). Only a `#N (id N−1)` pair is shortened; any other text stays as it is.
/// O(length).
pub fn as_listed(message: &str) -> String {
    const ID: &str = " (id ";
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find(ID) {
        let (before, after) = rest.split_at(at);
        out.push_str(before);
        let number = before
            .rsplit_once('#')
            .map(|(_, n)| n)
            .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|n| n.parse::<u64>().ok());
        let tail = &after[ID.len()..];
        let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
        let id = tail[..digits].parse::<u64>().ok();
        let closed = tail[digits..].starts_with(')');
        match (number, id) {
            (Some(n), Some(id)) if closed && id.checked_add(1) == Some(n) => {
                rest = &tail[digits + 1..];
            }
            _ => {
                out.push_str(ID);
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Where the edit list says an edit's spec id, for a pipeline user (`spec id 3`: the `id` of the
/// spec, the edits JSON and the report).
pub fn spec_id_words(id: EditId) -> String {
    format!("spec id {}", id.0)
}

/// A count with its noun in the right number, the count with thousands separators: `1 edit`,
/// `4,111 genes`.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        thousands(n as u64),
        if n == 1 { one } else { many }
    )
}
