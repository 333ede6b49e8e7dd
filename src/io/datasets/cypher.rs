//! `selection.cql`: the selection as a Cypher query in torchcell's style, so a torchcell user can
//! run the same selection against their graph.
//!
//! The query follows torchcell's graph schema as its published queries use it: experiments hang
//! off datasets as `(e:Experiment)-[:ExperimentMemberOf]->(d:Dataset {id: …})` (the `id` being the
//! dataset class, `DmfCostanzo2016Dataset`), genotypes as `(g:Genotype)-[:GenotypeMemberOf]->(e)`,
//! perturbations as `(p:Perturbation)-[:PerturbationMemberOf]->(g)` with `p.systematic_gene_name`,
//! environments as `(env:Environment)-[:EnvironmentMemberOf]->(e)`. A supported query is one
//! `UNION ALL` block per dataset with `dataset.id` literals; the gene-set filter is
//! `ALL(p IN perturbations WHERE p.systematic_gene_name IN $gene_set) AND size(perturbations) > 0`.
//! A group of intersected datasets becomes one block that keeps the experiments whose genotype —
//! the sorted set of systematic names — is measured in every dataset of the group (and, for key
//! `genotype_environment`, in the same environment). For key `gene` each block returns genes.

use std::fmt::Write as _;

use crate::core::datasets::catalog::{Catalog, GeneFilter};
use crate::core::datasets::key::KeyKind;
use crate::core::datasets::selection::Selection;

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// Writes the query.
pub fn selection_cypher(
    catalog: &Catalog,
    selection: &Selection,
    key: KeyKind,
    filter: Option<&GeneFilter>,
) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "// Genoforge dataset selection as a torchcell query (key: {}).",
        key.as_str()
    );
    let _ = writeln!(
        s,
        "// Schema: (e:Experiment)-[:ExperimentMemberOf]->(d:Dataset {{id: …}}), (g:Genotype)-[:GenotypeMemberOf]->(e),"
    );
    let _ = writeln!(
        s,
        "// (p:Perturbation)-[:PerturbationMemberOf]->(g). One UNION ALL block per group; an intersection group keeps"
    );
    let _ = writeln!(
        s,
        "// experiments whose genotype (sorted systematic names) is measured in every dataset of the group."
    );
    let condition = match filter {
        Some(f) => {
            let genes: Vec<String> = f.names.iter().map(|g| quote(g)).collect();
            let _ = writeln!(
                s,
                "// The gene set (a genotype is kept only if all its genes are in it); cypher-shell / Neo4j Browser:"
            );
            let _ = writeln!(s, ":param gene_set => [{}]", genes.join(", "));
            "ALL(p IN perturbations WHERE p.systematic_gene_name IN $gene_set) AND size(perturbations) > 0"
        }
        None => "size(perturbations) > 0",
    };
    let groups = selection.groups();
    if groups.is_empty() {
        let _ = writeln!(s, "// Nothing is selected.");
        return s;
    }
    for (gi, members) in groups.iter().enumerate() {
        if gi > 0 {
            let _ = writeln!(s, "UNION ALL");
        }
        let ids: Vec<String> = members
            .iter()
            .map(|&i| {
                let info = &catalog.entries[i].info;
                info.torchcell_class
                    .clone()
                    .unwrap_or_else(|| info.id.clone())
            })
            .collect();
        let names: Vec<&str> = members
            .iter()
            .map(|&i| catalog.entries[i].info.id.as_str())
            .collect();
        let _ = writeln!(s, "// {}", names.join(" ∩ "));
        for &i in members {
            let info = &catalog.entries[i].info;
            if info.torchcell_class.is_none() {
                let _ = writeln!(
                    s,
                    "// {}: not a torchcell dataset; its Genoforge id is used as dataset.id",
                    info.id
                );
            }
        }
        let env = key == KeyKind::GenotypeEnvironment;
        if let [one] = ids.as_slice() {
            let _ = writeln!(
                s,
                "MATCH (e:Experiment)-[:ExperimentMemberOf]->(d:Dataset {{id: {}}})",
                quote(one)
            );
            let _ = writeln!(
                s,
                "MATCH (e)<-[:GenotypeMemberOf]-(g:Genotype)<-[:PerturbationMemberOf]-(p:Perturbation)"
            );
            let _ = writeln!(s, "WITH e, COLLECT(p) AS perturbations");
            let _ = writeln!(s, "WHERE {condition}");
            if key == KeyKind::Gene {
                let _ = writeln!(s, "UNWIND perturbations AS p");
                let _ = writeln!(s, "RETURN DISTINCT p.systematic_gene_name AS gene");
            } else {
                let _ = writeln!(s, "RETURN e");
            }
            continue;
        }
        let list: Vec<String> = ids.iter().map(|i| quote(i)).collect();
        let _ = writeln!(s, "MATCH (e:Experiment)-[:ExperimentMemberOf]->(d:Dataset)");
        let _ = writeln!(s, "WHERE d.id IN [{}]", list.join(", "));
        let _ = writeln!(
            s,
            "MATCH (e)<-[:GenotypeMemberOf]-(g:Genotype)<-[:PerturbationMemberOf]-(p:Perturbation)"
        );
        let _ = writeln!(s, "WITH d, e, COLLECT(p) AS perturbations");
        let _ = writeln!(s, "WHERE {condition}");
        let k = ids.len();
        if key == KeyKind::Gene {
            let _ = writeln!(s, "UNWIND perturbations AS p");
            let _ = writeln!(
                s,
                "WITH p.systematic_gene_name AS gene, COLLECT(DISTINCT d.id) AS datasets"
            );
            let _ = writeln!(s, "WHERE size(datasets) = {k}");
            let _ = writeln!(s, "RETURN gene");
            continue;
        }
        let _ = writeln!(s, "UNWIND perturbations AS p");
        let _ = writeln!(s, "WITH d, e, p.systematic_gene_name AS name ORDER BY name");
        let _ = writeln!(s, "WITH d, e, COLLECT(DISTINCT name) AS genotype");
        if env {
            let _ = writeln!(s, "MATCH (e)<-[:EnvironmentMemberOf]-(env:Environment)");
            let _ = writeln!(
                s,
                "WITH genotype, env, COLLECT(DISTINCT d.id) AS datasets, COLLECT(e) AS experiments"
            );
        } else {
            let _ = writeln!(
                s,
                "WITH genotype, COLLECT(DISTINCT d.id) AS datasets, COLLECT(e) AS experiments"
            );
        }
        let _ = writeln!(s, "WHERE size(datasets) = {k}");
        let _ = writeln!(s, "UNWIND experiments AS e");
        let _ = writeln!(s, "RETURN e");
    }
    s.push_str(";\n");
    s
}
