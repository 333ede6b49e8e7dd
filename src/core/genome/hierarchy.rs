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
        crate::core::sort::sort_by_key(v, |&i| {
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
    (g.cds_groups, g.cds_chain_parent) = cds_groups(g);
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
    crate::core::sort::sort_by_key(&mut order, |&f| (depth[f.get()], f));
    order
}

/// CDS chains, the way GFF3 defines phases along them (and gt checks them): the lines of a
/// multi-line CDS (one ID on several lines) form one chain; the other CDS lines form one chain
/// per parent (a line with two parents is in two chains), or a chain of their own without a
/// parent. Each chain is in coding direction (ascending (start, end) on +, descending on −); the
/// second vector gives each chain's parent group (`None` for a multi-line CDS or a lone line).
fn cds_groups(g: &Genome) -> (Csr, Vec<Option<u32>>) {
    let mut lines_per_id: rustc_hash::FxHashMap<u32, u32> = Default::default();
    for f in g.features.iter().filter(|f| f.kind == FeatureKind::Cds) {
        if let Some(&grp) = f.id.as_deref().and_then(|id| g.ids.get(id)) {
            *lines_per_id.entry(grp).or_default() += 1;
        }
    }
    // Chain keys: (0, id group) for multi-line CDS, (1, parent group), (2, line).
    let mut keyed: Vec<((u8, u32), FeatureIdx)> = Vec::new();
    for (i, f) in g.features.iter().enumerate() {
        if f.kind != FeatureKind::Cds {
            continue;
        }
        let idx = FeatureIdx(i as u32);
        let multi =
            f.id.as_deref()
                .and_then(|id| g.ids.get(id))
                .filter(|grp| lines_per_id.get(grp).copied().unwrap_or(0) > 1);
        if let Some(&grp) = multi {
            keyed.push(((0, grp), idx));
            continue;
        }
        let parents = g.parent_groups.get(idx.0);
        if parents.is_empty() {
            keyed.push(((2, idx.0), idx));
        }
        for &p in parents {
            keyed.push(((1, p), idx));
        }
    }
    let mut chain_of: rustc_hash::FxHashMap<(u8, u32), u32> = Default::default();
    let mut parent_of_chain = Vec::new();
    let mut pairs: Vec<(u32, FeatureIdx)> = Vec::with_capacity(keyed.len());
    for (key, idx) in keyed {
        let next = chain_of.len() as u32;
        let c = *chain_of.entry(key).or_insert_with(|| {
            parent_of_chain.push((key.0 == 1).then_some(key.1));
            next
        });
        pairs.push((c, idx));
    }
    let strand_of: Vec<Strand> = {
        let mut s = vec![Strand::Forward; chain_of.len()];
        for &(c, f) in pairs.iter().rev() {
            s[c as usize] = g.features[f.get()].strand;
        }
        s
    };
    // Coding order as gt takes it: by (start, end), reversed on the − strand.
    crate::core::sort::sort_by_key(&mut pairs, |&(c, f)| {
        let s = g.features[f.get()].span;
        let (a, b) = (s.start().get(), s.end().get());
        let key = if strand_of[c as usize] == Strand::Reverse {
            (u64::MAX - a, u64::MAX - b, u32::MAX - f.0)
        } else {
            (a, b, f.0)
        };
        (c, key)
    });
    (Csr::from_pairs(chain_of.len(), &pairs), parent_of_chain)
}
