//! What an edit writes into output files, checked before the edit is accepted: its label and the
//! feature annotating its inserted bases (type, ID, name, attributes, parts and their phases).
//!
//! GFF3 columns 1–8 cannot hold tabs, newlines, control characters or `%` (the GFF3 spec asks
//! for them to be escaped, which readers of columns 1–8 rarely undo), so a type with any of them
//! is refused; column 9 values are %-escaped by the writer, but may not be empty. Tags the writer
//! sets itself (`ID`, `Name`, `Parent`, `Derives_from`) cannot be given as attributes, and other
//! tags starting with an uppercase letter are reserved by GFF3.

use crate::core::edit::{InsertedFeature, SubFeature};
use crate::core::genome::feature::FeatureKind;
use crate::core::strand::Phase;

/// GFF3's reserved attribute tags a user may set through `attributes`.
const USER_RESERVED_TAGS: [&str; 4] = ["Alias", "Note", "Dbxref", "Ontology_term"];

/// Checks text for a GFF3 column 1–8 (a feature type): not empty, no blanks at either end, no
/// control character (tab, newline…) and no `%`.
pub fn check_column_text(what: &str, s: &str) -> Result<(), String> {
    if s.is_empty() {
        return Err(format!("the {what} is empty"));
    }
    if s.trim() != s {
        return Err(format!("the {what} '{s}' begins or ends with a blank"));
    }
    if let Some(c) = s.chars().find(|c| c.is_control() || *c == '%') {
        return Err(format!(
            "the {what} {s:?} contains {}, which GFF3 does not allow in columns 1–8",
            describe_char(c)
        ));
    }
    Ok(())
}

/// Checks a label: no control characters (it is written into the report and the spec).
pub fn check_label(label: &str) -> Result<(), String> {
    match label.chars().find(|c| c.is_control()) {
        Some(c) => Err(format!(
            "the label {label:?} contains {}; labels are one line of text",
            describe_char(c)
        )),
        None => Ok(()),
    }
}

fn describe_char(c: char) -> String {
    match c {
        '\t' => "a tab".to_owned(),
        '\n' => "a newline".to_owned(),
        '\r' => "a carriage return".to_owned(),
        '%' => "'%'".to_owned(),
        c => format!("the control character U+{:04X}", c as u32),
    }
}

fn check_value(what: &str, v: &str) -> Result<(), String> {
    if v.trim().is_empty() {
        Err(format!("the {what} is empty"))
    } else if v.trim() != v {
        Err(format!(
            "the {what} {v:?} begins or ends with a blank (GFF3 readers drop those)"
        ))
    } else {
        Ok(())
    }
}

/// Checks the feature annotating `inserted_len` inserted bases: its type, ID, name, attributes,
/// and each part (type, name, offset within the inserted bases, phase 0–2, CDS phases
/// consistent along the CDS). The ID's uniqueness is checked by the design, which knows the
/// annotation and the other edits.
pub fn check_feature(f: &InsertedFeature, inserted_len: u64) -> Result<(), String> {
    check_column_text("feature type", f.kind.as_str())?;
    if let Some(id) = &f.id {
        check_value("feature ID", id)?;
    }
    if let Some(n) = &f.name {
        check_value("feature name", n)?;
    }
    for (k, v) in &f.attributes {
        check_value("attribute name", k)?;
        check_value(&format!("value of attribute '{k}'"), v)?;
        if matches!(k.as_str(), "ID" | "Name" | "Parent" | "Derives_from") {
            return Err(format!(
                "attribute '{k}' is set by genoforge (give the feature's id or name instead)"
            ));
        }
        if k.starts_with(|c: char| c.is_ascii_uppercase())
            && !USER_RESERVED_TAGS.contains(&k.as_str())
        {
            return Err(format!(
                "attribute '{k}': tags starting with an uppercase letter are reserved by GFF3 (use '{}')",
                lower_first(k)
            ));
        }
    }
    let mut seen: Vec<&str> = f.id.as_deref().into_iter().collect();
    for (i, c) in f.children.iter().enumerate() {
        let what = format!("part {} ({})", i + 1, c.kind);
        check_column_text(&format!("{what} type"), c.kind.as_str())?;
        if let Some(n) = &c.name {
            check_value(&format!("{what} name"), n)?;
        }
        if let Some(id) = &c.id {
            check_value(&format!("{what} ID"), id)?;
            if seen.contains(&id.as_str()) {
                return Err(format!(
                    "{what} has the ID '{id}', which another part or the feature has"
                ));
            }
            seen.push(id);
        }
        if let Some(p) = &c.parent
            && !f.children.iter().any(|o| o.id.as_ref() == Some(p))
        {
            return Err(format!(
                "{what} names parent '{p}', which no part has as its ID"
            ));
        }
        if c.offset.is_empty() || c.offset.end().get() > inserted_len {
            let (s, e) = c.offset.one_based();
            return Err(format!(
                "{what} at {s}..{e} is not within the {inserted_len} inserted base(s)"
            ));
        }
        if let Some(p) = c.phase {
            if p > 2 {
                return Err(format!("{what} has phase {p}; a phase is 0, 1 or 2"));
            }
            if c.kind != FeatureKind::Cds {
                return Err(format!("{what} has a phase, but only a CDS has one"));
            }
        }
    }
    let computed = cds_part_phases(
        &f.children,
        f.strand == crate::core::strand::Strand::Reverse,
    );
    for (i, (c, p)) in f.children.iter().zip(&computed).enumerate() {
        if let (Some(given), Some(p)) = (c.phase, p)
            && given != p.get()
        {
            return Err(format!(
                "part {} (CDS) has phase {given}, but after the CDS parts before it its phase is {p}",
                i + 1
            ));
        }
    }
    Ok(())
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

/// The phase of each part (`None` for parts that are not CDS): the CDS parts form one chain in
/// coding order — by position on the contig, reversed on the − strand (`reverse`: the insert
/// reads on −), so by (start, end) of the offset on + and by (end, start) on − — the first taking
/// its given phase (0 when absent) and each next one `(phase − length) mod 3` of the one before:
/// the GFF3 definition, as gffread, AGAT and gt compute it. Parts with different `parent`s
/// (two genes' CDS in one insert) are separate chains.
pub fn cds_part_phases(children: &[SubFeature], reverse: bool) -> Vec<Option<Phase>> {
    let mut out = vec![None; children.len()];
    let mut parents: Vec<Option<&str>> = children
        .iter()
        .filter(|c| c.kind == FeatureKind::Cds)
        .map(|c| c.parent.as_deref())
        .collect();
    crate::core::sort::sort(&mut parents);
    parents.dedup();
    for parent in parents {
        let chain: Vec<usize> = (0..children.len())
            .filter(|&i| {
                children[i].kind == FeatureKind::Cds && children[i].parent.as_deref() == parent
            })
            .collect();
        // A chain on the − strand of the insert reads the other way.
        let flipped = chain
            .first()
            .is_some_and(|&i| children[i].strand == crate::core::strand::Strand::Reverse);
        chain_phases(children, reverse != flipped, chain, &mut out);
    }
    out
}

/// The phases of one chain of CDS parts (indexes into `children`), written into `out`.
fn chain_phases(
    children: &[SubFeature],
    reverse: bool,
    mut order: Vec<usize>,
    out: &mut [Option<Phase>],
) {
    crate::core::sort::sort_by_key(&mut order, |&i| {
        let (a, b) = (children[i].offset.start(), children[i].offset.end());
        // Equal parts: gt keeps file order, then reverses the whole chain on −.
        if reverse {
            (b, a, usize::MAX - i)
        } else {
            (a, b, i)
        }
    });
    let mut next: Option<Phase> = None;
    for i in order {
        let c = &children[i];
        let phase = match next {
            None => Phase::from_mod3(u64::from(c.phase.unwrap_or(0).min(2))),
            Some(p) => p,
        };
        out[i] = Some(phase);
        next = Some(Phase::from_mod3(
            u64::from(phase.get()) + 3 * (c.offset.len() / 3 + 1) - c.offset.len(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::coord::Span;
    use crate::core::strand::Strand;

    fn cds(start: u64, end: u64, phase: Option<u8>) -> SubFeature {
        SubFeature {
            id: None,
            parent: None,
            kind: FeatureKind::Cds,
            name: None,
            offset: Span::from_raw(start, end),
            strand: Strand::Forward,
            phase,
        }
    }

    #[test]
    fn phases_follow_the_chain() {
        // 71 bp from phase 0 leave 2 bases of an incomplete codon: the next part starts at phase 1.
        let p = cds_part_phases(&[cds(100, 107, None), cds(0, 71, None)], false);
        assert_eq!(
            p,
            vec![Some(Phase::from_mod3(1)), Some(Phase::from_mod3(0))]
        );
        let p = cds_part_phases(&[cds(0, 10, Some(2)), cds(20, 30, None)], false);
        // (2 − 10) mod 3 = 1.
        assert_eq!(p[1], Some(Phase::from_mod3(1)));
        // Overlapping parts on −: the one ending first in the insert's orientation leads.
        let p = cds_part_phases(&[cds(2, 5, None), cds(3, 4, None)], true);
        assert_eq!(
            p,
            vec![Some(Phase::from_mod3(2)), Some(Phase::from_mod3(0))]
        );
    }

    #[test]
    fn refuses_what_would_break_gff3() {
        assert!(
            check_column_text("type", "gene\tx")
                .unwrap_err()
                .contains("a tab")
        );
        assert!(check_column_text("type", "50%").is_err());
        assert!(check_column_text("type", " gene").is_err());
        assert!(check_label("a\nb").unwrap_err().contains("newline"));
        assert!(check_label("his3Δ1").is_ok());
    }
}
