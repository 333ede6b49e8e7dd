//! `selection.json`, version 1 (JSON Schema: `public/dataset-selection.schema.json`): the key kind,
//! the gene set, every dataset in matrix order (facts, counts with sources, whether selected, its
//! data status and key-set checksum), the union and intersection indicator matrices (N×N 0/1,
//! symmetric, diagonal 1 for a selected dataset), overlaps `|K_i ∩ K_j|` (null without data), union
//! sizes, Jaccard indices, groups and the result. A Python user gets everything with `json.load`.

use serde::Serialize;

use crate::core::datasets::catalog::{Catalog, GeneFilter};
use crate::core::datasets::data::{DataStatus, SourceFile};
use crate::core::datasets::evaluation::{Evaluation, checksum};
use crate::core::datasets::info::{Counts, PerturbationKind, Phenotype, Study};
use crate::core::datasets::key::KeyKind;
use crate::core::datasets::selection::{Join, Selection};

/// The version written.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct GeneSetJson<'a> {
    name: Option<&'a str>,
    size: usize,
    genes: &'a [String],
}

#[derive(Serialize)]
struct DatasetJson<'a> {
    id: &'a str,
    note_name: &'a str,
    study: Option<&'a Study>,
    doi: Option<&'a str>,
    torchcell_class: Option<&'a str>,
    level: &'static str,
    level_label: &'static str,
    phenotype: &'a [Phenotype],
    perturbations: &'a [PerturbationKind],
    environments: &'a str,
    counts: &'a Counts,
    selected: bool,
    data: DataStatus,
    sources: &'a [SourceFile],
    keys: Option<u64>,
    key_checksum: Option<String>,
}

#[derive(Serialize)]
struct MatrixJson<'a> {
    ids: Vec<&'a str>,
    union: Vec<Vec<u8>>,
    intersection: Vec<Vec<u8>>,
}

#[derive(Serialize)]
struct GroupJson<'a> {
    datasets: Vec<&'a str>,
    size: Option<u64>,
}

#[derive(Serialize)]
struct ResultJson<'a> {
    size: Option<u64>,
    groups: Vec<GroupJson<'a>>,
}

#[derive(Serialize)]
struct SelectionJson<'a> {
    schema_version: u32,
    key: KeyKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    gene_set: Option<GeneSetJson<'a>>,
    datasets: Vec<DatasetJson<'a>>,
    matrix: MatrixJson<'a>,
    overlap: &'a [Vec<Option<u64>>],
    union_size: Vec<Vec<Option<u64>>>,
    jaccard: Vec<Vec<Option<f64>>>,
    groups: Vec<Vec<&'a str>>,
    result: ResultJson<'a>,
}

/// Jaccard rounded to 6 decimals (the same digits on every platform).
pub fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// Writes `selection.json` (pretty-printed, trailing newline).
pub fn selection_json(
    catalog: &Catalog,
    selection: &Selection,
    filter: Option<&GeneFilter>,
    ev: &Evaluation,
) -> String {
    let n = catalog.len();
    let ids: Vec<&str> = catalog.entries.iter().map(|e| e.info.id.as_str()).collect();
    let indicator = |join: Join| -> Vec<Vec<u8>> {
        (0..n)
            .map(|i| {
                (0..n)
                    .map(|j| {
                        let both = selection.is_selected(i) && selection.is_selected(j);
                        u8::from(both && (i == j || selection.join(i, j) == join))
                    })
                    .collect()
            })
            .collect()
    };
    let datasets = catalog
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| DatasetJson {
            id: &e.info.id,
            note_name: &e.info.note_name,
            study: e.info.study.as_ref(),
            doi: e.info.study.as_ref().map(|s| s.doi.as_str()),
            torchcell_class: e.info.torchcell_class.as_deref(),
            level: e.info.level.as_str(),
            level_label: e.info.level.label(),
            phenotype: &e.info.phenotypes,
            perturbations: &e.info.perturbations,
            environments: &e.info.environments,
            counts: &e.info.counts,
            selected: selection.is_selected(i),
            data: e.status(),
            sources: e.data.as_ref().map_or(&[][..], |d| d.sources.as_slice()),
            keys: ev.keys[i].as_ref().map(|k| k.len() as u64),
            key_checksum: ev.keys[i]
                .as_ref()
                .map(|k| checksum(k, ev.key, &catalog.interner)),
        })
        .collect();
    let group_ids = |members: &[usize]| members.iter().map(|&i| ids[i]).collect::<Vec<_>>();
    let json = SelectionJson {
        schema_version: SCHEMA_VERSION,
        key: ev.key,
        gene_set: filter.map(|f| GeneSetJson {
            name: f.label.as_deref(),
            size: f.names.len(),
            genes: &f.names,
        }),
        datasets,
        matrix: MatrixJson {
            ids: ids.clone(),
            union: indicator(Join::Union),
            intersection: indicator(Join::Intersection),
        },
        overlap: &ev.overlaps.counts,
        union_size: (0..n)
            .map(|i| (0..n).map(|j| ev.overlaps.union(i, j)).collect())
            .collect(),
        jaccard: (0..n)
            .map(|i| {
                (0..n)
                    .map(|j| ev.overlaps.jaccard(i, j).map(round6))
                    .collect()
            })
            .collect(),
        groups: ev
            .outcome
            .groups
            .iter()
            .map(|g| group_ids(&g.members))
            .collect(),
        result: ResultJson {
            size: ev.outcome.result_size(),
            groups: ev
                .outcome
                .groups
                .iter()
                .map(|g| GroupJson {
                    datasets: group_ids(&g.members),
                    size: g.size(),
                })
                .collect(),
        },
    };
    let mut s = serde_json::to_string_pretty(&json).expect("selection JSON serialises");
    s.push('\n');
    s
}
