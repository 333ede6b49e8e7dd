//! Parent/child links between features, with the problems real files have: undefined parents,
//! self-references, cycles, parents on another sequence, one ID on different sequences or types.

use std::collections::HashMap;

use super::diagnostics::{Diagnostic, InputKind, Severity};
use super::feature::{Feature, FeatureIdx};

type IdMap = HashMap<Box<str>, Vec<FeatureIdx>>;

/// Groups lines by `ID` and children by parent ID. Self-references and the link that would close a
/// cycle are removed from [`Feature::parents`] (and reported), so the links form a DAG.
pub(crate) fn link(features: &mut [Feature], diags: &mut Vec<Diagnostic>) -> (IdMap, IdMap) {
    let mut by_id: IdMap = HashMap::new();
    for (i, f) in features.iter().enumerate() {
        if let Some(id) = &f.id {
            by_id
                .entry(id.clone())
                .or_default()
                .push(FeatureIdx(i as u32));
        }
    }
    check_shared_ids(features, &by_id, diags);

    // Self-references.
    for f in features.iter_mut() {
        if let Some(id) = f.id.clone() {
            if f.parents.iter().any(|p| *p == id) {
                diags.push(Diagnostic::at_line(
                    Severity::Error,
                    InputKind::Gff3,
                    f.source_line.line,
                    format!("feature '{id}' names itself as its Parent (self-referential); that link is ignored"),
                ));
                f.parents.retain(|p| *p != id);
            }
        }
    }
    break_cycles(features, &by_id, diags);

    let mut children: IdMap = HashMap::new();
    for (i, f) in features.iter().enumerate() {
        for p in &f.parents {
            match by_id.get(p) {
                None => diags.push(Diagnostic::at_line(
                    Severity::Warning,
                    InputKind::Gff3,
                    f.source_line.line,
                    format!(
                        "Parent '{p}' of this {} was not defined by any ID in the file; the feature is kept",
                        f.kind
                    ),
                )),
                Some(lines) => {
                    if let Some(&other) = lines.iter().find(|&&l| features[l.get()].contig != f.contig) {
                        diags.push(Diagnostic::at_line(
                            Severity::Warning,
                            InputKind::Gff3,
                            f.source_line.line,
                            format!(
                                "this {} has a different sequence id than its parent '{p}' on line {}",
                                f.kind,
                                features[other.get()].source_line.line
                            ),
                        ));
                    }
                }
            }
            children
                .entry(p.clone())
                .or_default()
                .push(FeatureIdx(i as u32));
        }
    }
    (by_id, children)
}

fn check_shared_ids(features: &[Feature], by_id: &IdMap, diags: &mut Vec<Diagnostic>) {
    let mut ids: Vec<(&Box<str>, &Vec<FeatureIdx>)> =
        by_id.iter().filter(|(_, v)| v.len() > 1).collect();
    ids.sort_by_key(|(_, v)| v[0]);
    for (id, lines) in ids {
        let first = &features[lines[0].get()];
        for &l in &lines[1..] {
            let f = &features[l.get()];
            if f.contig != first.contig {
                diags.push(Diagnostic::at_line(
                    Severity::Warning,
                    InputKind::Gff3,
                    f.source_line.line,
                    format!(
                        "ID '{id}' has a different sequence id than its counterpart on line {}",
                        first.source_line.line
                    ),
                ));
            } else if f.kind != first.kind {
                diags.push(Diagnostic::at_line(
                    Severity::Warning,
                    InputKind::Gff3,
                    f.source_line.line,
                    format!(
                        "ID '{id}' is used by a {} here and by a {} on line {}; IDs must be unique except for the parts of one multi-line feature",
                        f.kind, first.kind, first.source_line.line
                    ),
                ));
            }
        }
    }
}

/// Depth-first search over ID → parent IDs; a back edge closes a cycle and is removed.
fn break_cycles(features: &mut [Feature], by_id: &IdMap, diags: &mut Vec<Diagnostic>) {
    #[derive(Copy, Clone, PartialEq)]
    enum Mark {
        New,
        Active,
        Done,
    }
    let mut ids: Vec<&Box<str>> = by_id.keys().collect();
    ids.sort_by_key(|id| by_id[*id][0]);
    let index: HashMap<&str, usize> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_ref(), i))
        .collect();
    let mut mark = vec![Mark::New; ids.len()];
    let mut to_cut: Vec<(FeatureIdx, Box<str>)> = Vec::new();

    for root in 0..ids.len() {
        if mark[root] != Mark::New {
            continue;
        }
        // Explicit stack of (id index, its parent list, next parent position).
        let mut stack: Vec<(usize, Vec<(FeatureIdx, Box<str>)>, usize)> = Vec::new();
        let parents_of = |i: usize| -> Vec<(FeatureIdx, Box<str>)> {
            by_id[ids[i]]
                .iter()
                .flat_map(|&l| {
                    features[l.get()]
                        .parents
                        .iter()
                        .map(move |p| (l, p.clone()))
                })
                .collect()
        };
        mark[root] = Mark::Active;
        stack.push((root, parents_of(root), 0));
        while let Some((node, parents, pos)) = stack.last_mut() {
            if *pos == parents.len() {
                mark[*node] = Mark::Done;
                stack.pop();
                continue;
            }
            let (line, parent) = parents[*pos].clone();
            *pos += 1;
            let Some(&p) = index.get(parent.as_ref()) else {
                continue;
            };
            match mark[p] {
                Mark::New => {
                    mark[p] = Mark::Active;
                    let ps = parents_of(p);
                    stack.push((p, ps, 0));
                }
                Mark::Active => to_cut.push((line, parent)),
                Mark::Done => {}
            }
        }
    }
    for (line, parent) in to_cut {
        let f = &mut features[line.get()];
        if f.parents.contains(&parent) {
            diags.push(Diagnostic::at_line(
                Severity::Error,
                InputKind::Gff3,
                f.source_line.line,
                format!(
                    "Parent '{parent}' of '{}' would cause a cycle in the feature hierarchy; that link is ignored",
                    f.id.as_deref().unwrap_or("?")
                ),
            ));
            f.parents.retain(|p| *p != parent);
        }
    }
}
