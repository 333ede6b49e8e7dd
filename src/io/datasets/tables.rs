//! `overlap.csv` (the count matrix with headers) and `genotypes.csv` (the incidence table: one row
//! per selected key — genes joined by `;`, the environment for key `genotype_environment`, then one
//! 0/1 column per selected dataset — from which any join can be redone in pandas).

use std::io::Write;

use crate::core::datasets::catalog::Catalog;
use crate::core::datasets::evaluation::{Evaluation, canonical_order};
use crate::core::datasets::key;
use crate::core::datasets::key::KeyKind;
use crate::core::datasets::selection::Selection;

/// Writes `overlap.csv`: a `dataset` column, then one column per dataset (matrix order); empty
/// cells where a dataset has no data.
pub fn overlap_csv(catalog: &Catalog, ev: &Evaluation) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let ids: Vec<&str> = catalog.entries.iter().map(|e| e.info.id.as_str()).collect();
    let mut header = vec!["dataset"];
    header.extend(&ids);
    w.write_record(&header).expect("writes to memory");
    for (i, id) in ids.iter().enumerate() {
        let mut row = vec![id.to_string()];
        row.extend(
            ev.overlaps.counts[i]
                .iter()
                .map(|c| c.map(|c| c.to_string()).unwrap_or_default()),
        );
        w.write_record(&row).expect("writes to memory");
    }
    String::from_utf8(w.into_inner().expect("writes to memory")).expect("UTF-8 ids")
}

/// Writes `genotypes.csv` for the result of the selection (nothing but the header when the result
/// is unknown). Rows are in name order (genes compared name by name, then environment), so the
/// bytes do not depend on the order datasets were loaded in.
pub fn genotypes_csv(
    catalog: &Catalog,
    selection: &Selection,
    ev: &Evaluation,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let interner = &catalog.interner;
    let selected = selection.selected();
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out);
    let mut header = vec!["genes"];
    if ev.key == KeyKind::GenotypeEnvironment {
        header.push("environment");
    }
    header.extend(
        selected
            .iter()
            .map(|&i| catalog.entries[i].info.id.as_str()),
    );
    w.write_record(&header)?;
    let Some(result) = &ev.outcome.result else {
        return w.flush();
    };
    // Membership of each result key in each selected dataset, by merging sorted arrays.
    let keys = result.as_slice();
    let mut member = vec![0u64; keys.len()];
    for (bit, &d) in selected.iter().enumerate().take(64) {
        let Some(set) = &ev.keys[d] else { continue };
        let s = set.as_slice();
        let mut j = 0;
        for (i, &k) in keys.iter().enumerate() {
            while j < s.len() && s[j] < k {
                j += 1;
            }
            if j < s.len() && s[j] == k {
                member[i] |= 1 << bit;
            }
        }
    }
    // One reused buffer per row; no allocation per key.
    let mut genes = String::new();
    let mut names: Vec<&str> = Vec::with_capacity(4);
    for pos in canonical_order(keys, interner) {
        let k = keys[pos];
        names.clear();
        key::for_each_gene(k, interner, |g| names.push(interner.genes.name(g)));
        crate::core::sort::sort_short(&mut names);
        genes.clear();
        for (i, n) in names.iter().enumerate() {
            if i > 0 {
                genes.push(';');
            }
            genes.push_str(n);
        }
        w.write_field(&genes)?;
        if ev.key == KeyKind::GenotypeEnvironment {
            w.write_field(interner.environments.label(key::environment(k)))?;
        }
        let bits = member[pos];
        for b in 0..selected.len() {
            w.write_field(if bits >> b & 1 == 1 { "1" } else { "0" })?;
        }
        w.write_record(None::<&[u8]>)?;
    }
    w.flush()
}
