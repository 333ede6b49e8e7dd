//! Orders the genome's features the way the edit engine walks them: by start per contig, parents
//! before children, CDS segments in coding direction.

use crate::core::genome::Genome;
use crate::core::genome::feature::{FeatureIdx, FeatureKind};
use crate::core::genome::links::Csr;
use crate::core::strand::Strand;

/// Fills the genome's derived orderings.
pub(crate) fn index(g: &mut Genome) {
    let mut by_start: Vec<Vec<FeatureIdx>> = vec![Vec::new(); g.contigs.len()];
    for (i, f) in g.features.iter().enumerate() {
        if let Some(v) = by_start.get_mut(f.contig.get()) {
            v.push(FeatureIdx(i as u32));
        }
    }
    for v in &mut by_start {
        v.sort_by_key(|&i| {
            let s = g.features[i.get()].span;
            (s.start(), s.end(), i)
        });
    }
    g.by_start = by_start;
    let pairs: Vec<(u32, u32)> = g
        .features
        .iter()
        .enumerate()
        .flat_map(|(i, f)| {
            let ids = &g.ids;
            f.parents
                .iter()
                .filter_map(move |p| ids.get(p).map(|&grp| (i as u32, grp)))
        })
        .collect();
    g.parent_groups = Csr::from_pairs(g.features.len(), &pairs);
    g.parent_order = parent_order(g);
    g.cds_groups = cds_groups(g);
}

/// Features with parents, by depth (a parent's depth is below its children's). Links are a DAG.
fn parent_order(g: &Genome) -> Vec<FeatureIdx> {
    let n = g.features.len();
    let mut depth: Vec<u32> = vec![u32::MAX; n];
    let mut stack: Vec<FeatureIdx> = Vec::new();
    for start in 0..n {
        if depth[start] != u32::MAX {
            continue;
        }
        stack.push(FeatureIdx(start as u32));
        while let Some(&f) = stack.last() {
            let mut ready = true;
            let mut d = 0;
            for p in g.parents(f) {
                match depth[p.get()] {
                    u32::MAX => {
                        // A parent not yet measured: measure it first (the DAG guarantees termination).
                        if !stack.contains(&p) {
                            stack.push(p);
                            ready = false;
                        }
                    }
                    pd => d = d.max(pd + 1),
                }
            }
            if ready {
                depth[f.get()] = d;
                stack.pop();
            }
        }
    }
    let mut order: Vec<FeatureIdx> = (0..n as u32)
        .map(FeatureIdx)
        .filter(|&f| !g.features[f.get()].parents.is_empty())
        .collect();
    order.sort_by_key(|&f| (depth[f.get()], f));
    order
}

/// CDS lines grouped by ID (a line without ID is its own group), each group in coding direction.
fn cds_groups(g: &Genome) -> Csr {
    let mut pairs: Vec<(u32, FeatureIdx)> = Vec::new();
    let mut group_of_id: rustc_hash::FxHashMap<&str, u32> = Default::default();
    let mut groups = 0u32;
    for (i, f) in g.features.iter().enumerate() {
        if f.kind != FeatureKind::Cds {
            continue;
        }
        let gid = match f.id.as_deref() {
            Some(id) => *group_of_id.entry(id).or_insert_with(|| {
                groups += 1;
                groups - 1
            }),
            None => {
                groups += 1;
                groups - 1
            }
        };
        pairs.push((gid, FeatureIdx(i as u32)));
    }
    // Coding order: ascending start on +, descending end on −.
    pairs.sort_by_key(|&(gid, f)| {
        let feat = &g.features[f.get()];
        let key = if feat.strand == Strand::Reverse {
            u64::MAX - feat.span.end().get()
        } else {
            feat.span.start().get()
        };
        (gid, key, f)
    });
    Csr::from_pairs(groups as usize, &pairs)
}
